#!/usr/bin/env python3
"""Build the shipped lexicon data files in ``kg/data/`` (development time only).

This script is NOT imported at run time.  It derives compact TSV files from two
PyPI packages:

* ``jionlp`` (Apache-2.0): ``jionlp/dictionary/china_location.txt`` (China's
  five-level administrative division tree with GB/T 2260 codes and short
  names) and ``jionlp/dictionary/china_location_change.txt`` (dated renamings).
* ``jieba`` (MIT): ``jieba/dict.txt`` (``word freq tag`` lines); words tagged
  ``nr`` give person-name statistics.

Outputs (all deterministic, byte-identical across runs)::

    kg/data/divisions.tsv     code name short level parent
    kg/data/renamings.tsv     old_name new_name code date
    kg/data/surnames.tsv      surname weight
    kg/data/given_chars.tsv   char p_given count

Usage::

    pip install jionlp jieba
    python scripts/build_lexicons.py            # writes kg/data/*.tsv
    python scripts/build_lexicons.py --check    # also prints statistics

``kg/data/SOURCES.md`` is maintained by hand; the row counts printed by this
script are the ones recorded there.
"""
from __future__ import annotations

import argparse
import collections
import importlib.metadata
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "kg" / "data"

# Provinces whose townships (乡/镇/街道 ...) are kept.  Code prefixes.
TOWNSHIP_PROVINCES = ("43",)  # 湖南省

# Short forms (jionlp "alias") that are generic nouns rather than names; a
# surface like 高新区 or 经开区 would match dozens of unrelated units and is
# never a reliable reference on its own.  Such aliases are dropped (short="").
GENERIC_SHORTS = {
    "经开区", "高新区", "管理区", "示范区", "保税区", "新区", "开发区", "市直辖",
    "省直辖", "城区", "郊区", "矿区", "新城区", "工业区", "园区", "试验区",
}

# Old names in the renaming log that are generic nouns (城区 / 郊区 / 矿区 ...):
# they are skipped because as surfaces they would match ordinary text.
GENERIC_OLD_NAMES = {"城区", "郊区", "矿区", "市辖区"}

# --------------------------------------------------------------------------
# Hundred Family Surnames (百家姓), simplified characters, in traditional order.
# The traditional 鬱 (≈ 郁, already listed) is folded into 郁; 後 is written 后.
BAIJIAXING_SINGLE = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
    "戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐"
    "费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁"
    "杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍"
    "虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓"
    "牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙"
    "叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双"
    "闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农"
    "温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘"
    "匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空"
    "曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公"
    # tail of the text after the compound section
    "晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴商牟佘佴墨哈谯笪年爱阳佟言福"
)
BAIJIAXING_COMPOUND = (
    "万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 "
    "宗政 濮阳 淳于 单于 太叔 申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 "
    "鲜于 闾丘 司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西 漆雕 乐正 "
    "壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 归海 羊舌 微生 "
    "梁丘 左丘 东门 西门 伯赏 南宫 第五"
).split()
# Common modern surnames absent from the traditional text (肖 is the modern
# form of many 萧 families; 粟 / 谌 / 旷 / 宾 / 卿 / 寻 / 奉 / 盘 are frequent in Hunan).
EXTRA_SINGLE = "肖付覃冼邝粟谌旷宾卿代兰苟庹揭敬植练麦招檀雒靖但甯阳仝寻奉盘禤郄尧邸翦"
EXTRA_COMPOUND = "独孤 贺兰 完颜 范姜 张简 诸葛 上官".split()

# The 100 most common surnames of mainland China in the order of the commonly
# published household-registration ranking (general knowledge, rank only).
# jieba's ``nr`` tag is noisy (it also covers idioms, transliterations and
# phrases such as 那丫头), so raw counts over-rate 那 / 和 / 阿 and under-rate
# e.g. 刘 / 何; the rank prior corrects the head of the distribution.
TOP100 = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田"
    "董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方"
    "邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向"
)
TOP100_MASS = 0.85    # share of the population carrying a top-100 surname
PRIOR_BLEND = 0.7     # weight = 0.7 * rank prior + 0.3 * jieba share
SURNAME_FLOOR = 0.5   # pseudo-count added to every listed surname
WEIGHT_DIGITS = 8     # decimals written to surnames.tsv
P_DIGITS = 4          # decimals written to given_chars.tsv


def surname_sets() -> tuple[set[str], set[str]]:
    single = set(BAIJIAXING_SINGLE) | set(EXTRA_SINGLE)
    compound = set(BAIJIAXING_COMPOUND) | set(EXTRA_COMPOUND)
    assert all(len(s) == 1 for s in single)
    assert all(len(c) == 2 for c in compound)
    assert len(TOP100) == len(set(TOP100)) == 100 and set(TOP100) <= single, \
        (len(TOP100), set(TOP100) - single)
    return single, compound


# --------------------------------------------------------------------------
def package_dir(name: str) -> Path:
    dist = importlib.metadata.distribution(name)
    for f in dist.files or ():
        if f.name == "__init__.py" and len(f.parts) == 2:
            return Path(dist.locate_file(f)).parent
    raise SystemExit(f"cannot locate package {name}")


def read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [ln.rstrip("\r\n").rstrip("\r") for ln in fh]


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


# --------------------------------------------------------------------------
def build_divisions(jio_dict: Path):
    """Parse china_location.txt into rows and a name index for renamings."""
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    # (province name, prefecture name or '', county name or '') -> code
    path_index: dict[tuple[str, str, str], str] = {}
    skipped: list[str] = []

    def short_of(name: str, alias: str) -> str:
        alias = alias.strip()
        if not alias or alias == name or alias in GENERIC_SHORTS:
            return ""
        return alias

    prov = pref = county = None  # (name, code)
    township_seen: set[str] = set()
    for raw in read_lines(jio_dict / "china_location.txt"):
        if not raw.strip():
            continue
        depth = len(raw) - len(raw.lstrip("\t"))
        fields = raw.strip("\t").split("\t")
        name = fields[0].strip()
        if depth == 0:
            name, code, alias = fields
            prov, pref, county = (name, code), None, None
            rows[code] = (code, name, short_of(name, alias), "province", "")
            path_index[(name, "", "")] = code
        elif depth == 1:
            county = None
            if len(fields) != 3:
                skipped.append(f"prefecture without code: {prov[0]}/{name}")
                pref = None
                continue
            _, code, alias = fields
            if code == prov[1]:
                # municipality / SAR: prefecture line repeats the province
                pref = prov
                path_index[(prov[0], name, "")] = code
                continue
            pref = (name, code)
            if code in rows:
                skipped.append(f"duplicate code {code}: {prov[0]}/{name}")
                continue
            rows[code] = (code, name, short_of(name, alias), "prefecture", prov[1])
            path_index[(prov[0], name, "")] = code
        elif depth == 2:
            if pref is None:
                county = None
                continue
            if len(fields) != 3:
                skipped.append(f"county without code: {prov[0]}/{pref[0]}/{name}")
                county = None
                continue
            _, code, alias = fields
            if code == pref[1]:
                # 市直辖行政区划 pseudo-county of a district-less city
                county = pref
                continue
            if code in rows:
                skipped.append(f"duplicate code {code}: {prov[0]}/{pref[0]}/{name}"
                               f" (kept {rows[code][1]})")
                county = None
                continue
            county = (name, code)
            rows[code] = (code, name, short_of(name, alias), "county", pref[1])
            path_index[(prov[0], pref[0], name)] = code
        elif depth == 3:
            if county is None or not county[1].startswith(TOWNSHIP_PROVINCES):
                continue
            tid = f"{county[1]}-{name}"
            if tid in township_seen:
                continue
            township_seen.add(tid)
            rows[tid] = (tid, name, "", "township", county[1])
        # depth 4: villages, never kept
    ordered = sorted(rows.values(), key=lambda r: (r[0], r[1]))
    return ordered, path_index, skipped


def _resolve_target(key, path_index, by_code):
    """Find the code of a renaming target (province, prefecture, county).

    jionlp's change log sometimes abbreviates the target (金秀县 for
    金秀瑶族自治县), has typos (云岗区 for 云冈区, 大菁山县 for 大箐山县), or is
    newer than the tree (无为市 while the tree still has 无为县).  Fallbacks,
    each accepted only when it is unique among the prefecture's counties:
    same short form as the target's stem, then same length and one character
    different.  Returns (code, how) or (None, reason).
    """
    if key in path_index:
        return path_index[key], "exact"
    prov, pref, county = key
    if not county:
        return None, "prefecture not in tree"
    siblings = [(k[2], c) for k, c in path_index.items()
                if k[0] == prov and k[1] == pref and k[2]]
    stem = county[:-1] if county[-1] in "县区市" and len(county) > 2 else county
    cands = [c for n, c in siblings if by_code[c][2] == stem or n[:-1] == stem]
    if len(cands) == 1:
        return cands[0], "stem"
    cands = [c for n, c in siblings if len(n) == len(county)
             and sum(a != b for a, b in zip(n, county)) == 1]
    if len(cands) == 1:
        return cands[0], "one-char"
    return None, "not in tree"


def build_renamings(jio_dict: Path, rows, path_index):
    """Returns (renaming rows, updated division rows, notes).

    When the tree still carries the pre-change name of a unit the log renames
    (e.g. 无为县 -> 无为市), the division row is renamed to the logged new name
    (its jionlp code is kept) so that both names resolve to one unit.
    """
    by_code = {r[0]: r for r in rows}
    current_surfaces = set()
    for code, name, short, level, parent in rows:
        if level != "township":
            current_surfaces.add(name)
            if short:
                current_surfaces.add(short)
    out: set[tuple[str, str, str, str]] = set()
    notes: list[str] = []
    for line in read_lines(jio_dict / "china_location_change.txt"):
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")
        new = right.split("\t")
        date = old[0]
        if len(old) == 8:      # county level: date dept prov alias pref alias county alias
            old_name, old_alias = old[6], old[7]
            key = (new[0], new[1], new[2])
        elif len(old) == 6:    # prefecture level: date dept prov alias pref alias
            old_name, old_alias = old[4], old[5]
            key = (new[0], new[1], "")
        else:
            notes.append(f"unparsed: {line}")
            continue
        logged_new = key[2] or key[1]
        code, how = _resolve_target(key, path_index, by_code)
        if code is None:
            notes.append(f"renaming skipped, {how}: {old_name} -> {'/'.join(new)} ({date})")
            continue
        tree_name = by_code[code][1]
        if how != "exact":
            if tree_name == old_name and logged_new != old_name:
                # tree lags behind the log: adopt the logged new name
                r = by_code[code]
                short = r[2] if r[2] and logged_new.startswith(r[2]) else ""
                by_code[code] = (r[0], logged_new, short, r[3], r[4])
                notes.append(f"division {code} renamed {old_name} -> {logged_new}"
                             f" (tree older than log, {date}; code kept)")
            else:
                notes.append(f"renaming target {logged_new!r} matched {tree_name} {code} ({how})")
        new_name = by_code[code][1]
        new_short = by_code[code][2]
        if old_name != new_name and old_name not in GENERIC_OLD_NAMES:
            out.add((old_name, new_name, code, date))
        # the old short form, when it is distinctive and no longer current
        if (len(old_alias) >= 2 and old_alias != old_name and old_alias != new_short
                and old_alias not in current_surfaces
                and old_alias not in GENERIC_OLD_NAMES | GENERIC_SHORTS):
            out.add((old_alias, new_name, code, date))
    # a later renaming may have renamed a unit that an earlier row points to
    final = {(o, by_code[c][1], c, d) for o, n, c, d in out if o != by_code[c][1]}
    new_rows = sorted(by_code.values(), key=lambda r: (r[0], r[1]))
    return sorted(final, key=lambda r: (r[0], r[2], r[3], r[1])), new_rows, notes


# --------------------------------------------------------------------------
def build_name_stats(jieba_dict: Path):
    single, compound = surname_sets()
    sur_count: collections.Counter[str] = collections.Counter()
    given_count: collections.Counter[str] = collections.Counter()
    char_total: collections.Counter[str] = collections.Counter()
    n_names = 0
    for line in read_lines(jieba_dict):
        parts = line.split(" ")
        if len(parts) < 3:
            continue
        word, tag = parts[0], parts[2]
        if tag != "nr":
            for ch in set(word):
                char_total[ch] += 1   # occurrences outside person names
            continue
        if not 2 <= len(word) <= 4:
            continue
        if not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        if len(word) >= 3 and word[:2] in compound:
            sur, given = word[:2], word[2:]
        elif word[0] in single and len(word) <= 3:
            # a 4-char nr word with a 1-char surname is nearly always an idiom
            sur, given = word[0], word[1:]
        else:
            continue
        n_names += 1
        sur_count[sur] += 1
        for ch in given:
            given_count[ch] += 1

    allsur = single | compound
    total = sum(sur_count[s] for s in allsur) + SURNAME_FLOOR * len(allsur)
    share = {s: (sur_count[s] + SURNAME_FLOOR) / total for s in allsur}
    z = sum(1.0 / (r + 5) for r in range(1, 101))
    tail = sum(v for s, v in share.items() if s not in TOP100)
    prior = {s: (TOP100_MASS * (1.0 / (TOP100.index(s) + 6)) / z if s in TOP100
                 else (1 - TOP100_MASS) * share[s] / tail) for s in allsur}
    blend = {s: PRIOR_BLEND * prior[s] + (1 - PRIOR_BLEND) * share[s] for s in allsur}
    # a surname outside the top 100 is by definition rarer than all of them
    cap = 0.9 * min(blend[s] for s in TOP100)
    blend = {s: (w if s in TOP100 else min(w, cap)) for s, w in blend.items()}
    norm = sum(blend.values())
    surnames = [(s, w / norm) for s, w in blend.items()]
    surnames.sort(key=lambda x: (-round(x[1], WEIGHT_DIGITS), x[0]))

    given = []
    for ch, cnt in given_count.items():
        if cnt < 2:
            continue
        # share of ch's dict.txt occurrences (entry types) that are in the
        # given-name part of a person name; +1 smooths rare chars.
        p = cnt / (cnt + char_total[ch] + 1)
        given.append((ch, p, cnt))
    given.sort(key=lambda x: x[0])
    return surnames, given, n_names


# --------------------------------------------------------------------------
def write_tsv(path: Path, header: list[str], rows) -> int:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        n = 0
        for r in rows:
            assert all("\t" not in str(x) and "\n" not in str(x) for x in r), r
            fh.write("\t".join(str(x) for x in r) + "\n")
            n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--check", action="store_true", help="print statistics")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    jio_dict = package_dir("jionlp") / "dictionary"
    jieba_dict = package_dir("jieba") / "dict.txt"
    versions = {p: importlib.metadata.version(p) for p in ("jionlp", "jieba")}

    rows, path_index, skipped = build_divisions(jio_dict)
    ren, rows, ren_skipped = build_renamings(jio_dict, rows, path_index)
    n_div = write_tsv(args.out / "divisions.tsv",
                      ["code", "name", "short", "level", "parent"], rows)
    n_ren = write_tsv(args.out / "renamings.tsv",
                      ["old_name", "new_name", "code", "date"], ren)

    surnames, given, n_names = build_name_stats(jieba_dict)
    n_sur = write_tsv(args.out / "surnames.tsv", ["surname", "weight"],
                      [(s, f"{w:.{WEIGHT_DIGITS}f}") for s, w in surnames])
    n_giv = write_tsv(args.out / "given_chars.tsv", ["char", "p_given", "count"],
                      [(c, f"{p:.{P_DIGITS}f}", n) for c, p, n in given])

    levels = collections.Counter(r[3] for r in rows)
    log(f"packages: {versions}")
    log(f"divisions.tsv: {n_div} rows {dict(sorted(levels.items()))}")
    log(f"renamings.tsv: {n_ren} rows")
    log(f"surnames.tsv: {n_sur} rows; given_chars.tsv: {n_giv} rows "
        f"(from {n_names} nr words)")
    if args.check:
        for s in skipped + ren_skipped:
            log(f"  skipped: {s}")
        for f in ("divisions.tsv", "renamings.tsv", "surnames.tsv", "given_chars.tsv"):
            log(f"  {f}: {os.path.getsize(args.out / f)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

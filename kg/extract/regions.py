"""Administrative places: names from the shipped gazetteer (full names, short
forms, old names) and places below the township gazetteer recognised by their
suffix (…村, …社区), plus development zones (…高新区, …经开区, …产业园)."""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..lexicon.gazetteer import load_gazetteer
from .spans import _name_like, expand_left
from .tokens import Token, has_word

# Two-character short forms that are ordinary words far more often than places.
COMMON_WORD_SHORTS = {"和平", "新华", "东方", "城中", "长安", "永安", "开发", "中山", "白云", "南山", "西湖", "龙华",
                      "城区", "郊区", "矿区", "新区", "高新", "经开", "朝阳", "青山", "红旗", "胜利", "团结", "江南",
                      "河西", "河东", "城东", "城西", "城南", "城北", "市中", "铁西", "铁东", "友谊", "向阳", "前进",
                      "光明", "建设", "人民", "工农", "解放", "金牛", "石门", "安定", "宝山", "普陀", "静安", "大通",
                      "长寿", "永和", "太和", "和田", "莲花", "新城", "清河", "通道", "合作", "范县"}
VILLAGE_SUFFIXES = ("社区", "街道", "村")
NOT_VILLAGE_STEMS = {"农", "乡", "新农", "示范", "驻地", "贫困", "行政", "自然", "中心", "美丽", "特色", "文明", "全国",
                     "省级", "市级", "县级", "重点", "邻", "周边", "城中", "山", "渔", "度假", "所在", "各", "每", "本",
                     "该", "全", "两个示范", "一个示范", "城市", "老旧", "试点", "小区", "居住地", "联点", "智慧",
                     "乡镇", "街道", "城乡", "镇街", "区县", "县市", "市区", "基层", "进", "到", "驻", "入"}
ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "开发区", "示范区", "新区",
                 "产业园", "工业园", "科技园", "产业园区", "工业园区", "科技城", "片区", "物流园")
ZONE_RE = re.compile("(" + "|".join(sorted(ZONE_SUFFIXES, key=len, reverse=True)) + ")")
HOME_PROVINCE_PREFIX = "43"   # Hunan: the papers this tool is built for
GENERIC_ZONES = {"园区", "新区", "高新区", "经开区", "开发区", "示范区", "产业园", "工业园", "片区", "城区", "化工片区"}


class PlaceMatch(NamedTuple):
    start: int
    end: int
    text: str
    codes: tuple[str, ...]   # gazetteer candidates; empty for villages and zones
    kind: str                # division | village | zone


@functools.cache
def _surface_tables() -> tuple[dict[str, list[tuple[str, tuple[str, ...]]]], frozenset[str]]:
    """The gazetteer's surfaces by their first two characters (a dict scan is faster here than
    an Aho-Corasick automaton, whose root has a child for every first character), and those of
    them that name a place wherever they stand as a word (`place_words`)."""
    gaz = load_gazetteer()
    short_ok = {d.code for d in gaz if _short_form_division(d)}
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    words = []
    for surface, codes in gaz.surface_items():
        if len(surface) >= 2 and surface not in COMMON_WORD_SHORTS and not surface.endswith(ZONE_SUFFIXES):
            index.setdefault(surface[:2], []).append((surface, codes))
            if surface in gaz.full_names or not short_ok.isdisjoint(codes):
                words.append(surface)
    return index, frozenset(words)


def _surface_index() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    return _surface_tables()[0]


def place_words() -> frozenset[str]:
    """Full names, and short or old names that may stand for their place (short_form_ok)."""
    return _surface_tables()[1]


def _surfaces_in(text: str):
    """(start, surface, codes) for every occurrence of every surface, overlapping ones included."""
    get = _surface_index().get
    for i in range(len(text) - 1):
        candidates = get(text[i:i + 2])
        if candidates:
            for surface, codes in candidates:
                if text.startswith(surface, i):
                    yield i, surface, codes


def _is_full_name(surface: str, codes) -> bool:
    """Is `surface` the full name of one of its candidate `codes` (as the gazetteer lists them)?"""
    return surface in load_gazetteer().full_names


def find_places(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    """Leftmost-longest gazetteer matches, then villages and zones, in text order."""
    starts = ends = None     # token boundaries, gathered for the first short form
    found: list[PlaceMatch] = []
    for start, surface, codes in _surfaces_in(text):
        end = start + len(surface)
        if not _is_full_name(surface, codes):
            if starts is None:
                starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
            if start not in starts or end not in ends:
                continue   # a short form inside a longer word: 株洲 in 株洲日报 is fine, 江南 in 江南春 is not
            codes = _short_form_codes(codes)
            if not codes:
                continue
        found.append(PlaceMatch(start, end, surface, codes, "division"))
    found = _leftmost_longest(found)
    taken = [(m.start, m.end) for m in found]
    for m in _villages(text, tokens):
        if not any(s < m.end and m.start < e for s, e in taken):
            found.append(m)
            taken.append((m.start, m.end))
    found.extend(_zones(text, tokens))
    return sorted(found, key=lambda m: (m.start, -m.end))


@functools.cache
def _short_form_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in codes if short_form_ok(c))


def short_form_ok(code: str) -> bool:
    """Short forms stand for provinces, prefectures and Hunan's own units; a bare
    天台 or 合作 is far more often a word than Zhejiang's or Gansu's county."""
    return _short_form_division(load_gazetteer().get(code))


def _short_form_division(d) -> bool:
    return d.level in ("province", "prefecture") or d.code.startswith(HOME_PROVINCE_PREFIX)


def _leftmost_longest(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    out, last_end = [], -1
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def _villages(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    """…村, …社区, …街道 names below the gazetteer: a 2-4 character stem that starts
    where a word starts after a boundary (在|中湖村, 、|渡头桥社区, 潇浦镇|溪美村)."""
    if not any(s in text for s in VILLAGE_SUFFIXES):
        return []                 # most sentences name no village: skip the per-token scan
    out = []
    for i, tok in enumerate(tokens):
        if i and _name_like(tokens[i - 1]) and not (tokens[i - 1].pos == "ns" and len(tokens[i - 1].word) >= 2):
            continue
        if tok.word in "东西南北中" and tok.pos == "f":
            pass                  # 在|中|湖村: a direction word jieba split off a name
        elif not _name_like(tok) or tok.pos in ("b", "ad", "vn") or tok.pos == "a" and len(tok.word) > 1 \
                or tok.pos.startswith("v") and has_word(tok.word):
            continue
        for length in (3, 2, 4):
            stem = text[tok.start:tok.start + length]
            suffix = next((x for x in VILLAGE_SUFFIXES if text.startswith(x, tok.start + length)), None)
            if not suffix or len(stem) < length or not all("\u4e00" <= c <= "\u9fff" for c in stem):
                continue
            name = stem + suffix
            cut = tok.start + length
            nxt = text[cut + len(suffix):cut + len(suffix) + 1]
            if nxt and has_word(suffix + nxt) and not text.startswith(
                    ("办事处", "办", "党工委", "党委", "党支部", "党总支", "村委", "居委"), cut + len(suffix)):
                continue          # 让村|民, 社区|里: the suffix starts another word
            if any(t.start < cut < t.end and has_word(t.word) and t.pos != "ns" for t in tokens):
                continue          # the suffix is part of a word: 加快|农村, 四好|农村
            if (stem in NOT_VILLAGE_STEMS or stem.endswith(("小区", "示范", "新")) or has_word(name)
                    or any(c in stem for c in "的在和与及是对把被个等们向进到让使给")):
                continue
            out.append(PlaceMatch(tok.start, tok.start + len(name), name, (), "village"))
            break
    return out


def _zones(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    if not ZONE_RE.search(text):
        return []                 # most sentences name no zone: skip the per-token scan
    out = []
    for i, tok in enumerate(tokens):
        m = ZONE_RE.search(tok.word)
        if not m or m.end() != len(tok.word):
            continue
        start, _ = expand_left(tokens, i, text)
        name = text[start:tok.end]
        stem = [t for t in tokens[:i + 1] if t.start >= start and t.end <= tok.end]
        if name in GENERIC_ZONES or len(name) < 3 or not _proper(stem):
            continue
        out.append(PlaceMatch(start, tok.end, name, (), "zone"))
    return out


GENERIC_ZONE_WORDS = {"区域", "区域合作", "医药", "科技", "产业", "工业", "经济", "农业", "现代", "综合", "生态", "文化",
                      "重点", "省级", "国家级", "市级", "该", "这个", "整个", "园区"}


def _proper(stem: list[Token]) -> bool:
    """A zone's name needs a place, a proper word or a specific stem: 株洲经开区, 玻璃产业园, not 区域合作示范区."""
    inner = [t for t in stem if not ZONE_RE.fullmatch(t.word)]
    if any(t.pos in ("ns", "nz", "nr", "nrt", "j", "eng") or not has_word(t.word) for t in inner):
        return True
    return bool(inner) and inner[0].word not in GENERIC_ZONE_WORDS and sum(len(t.word) for t in inner) >= 2

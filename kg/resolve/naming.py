"""Canonical institution names from what the text writes, in the article's context."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..extract.tokens import has_word
from ..lexicon.gazetteer import load_gazetteer
from ..lexicon.lexicon import Lexicon
from .context import Context, pick
from .local import GOVERNMENT, PARTY_COMMITTEE, KnownNames, anaphor_class

LEVEL_CHARS = "市县区省州"


@dataclass
class OrgName:
    name: str            # canonical
    region: str = ""     # region code the name places it in
    zone: str = ""       # zone name it belongs to
    parent: str = ""     # canonical name of the parent institution (departments)


def region_prefix(text: str, ctx: Context, lexicon: Lexicon) -> tuple[str, str]:
    """The longest gazetteer place the text starts with: (code, surface); after a province's short
    name, the place of it written right after (江苏沭阳县委: 沭阳县)."""
    gaz = lexicon.gazetteer
    common = lexicon.words("regions", "common_word_shorts")
    code, surface = "", ""
    for n in range(min(len(text), 12), 1, -1):
        cands = [c for c in gaz.lookup(text[:n]) if c.name == text[:n] or lexicon.short_form_ok(c)]
        if cands and text[:n] not in common:
            code, surface = pick(tuple(c.code for c in cands), ctx), text[:n]
            break
    if code and gaz.get(code).level == "province" and surface != gaz.get(code).name:
        rest = text[len(surface):]         # 江苏|沭阳县委, 湖南|衡南县委: a province's short name, then its place
        inner = next(((c.code, rest[:n]) for n in range(min(len(rest), 12), 1, -1) for c in gaz.lookup(rest[:n])
                      if c.name == rest[:n] and gaz.is_within(c.code, code)), None)
        if inner is not None:
            code, surface = inner[0], surface + inner[1]
    return code, surface


SESSION = re.compile(r"第?[一二三四五六七八九十百零\d]+届")


def formal(on: OrgName, lexicon: Lexicon) -> OrgName:
    """An institution's name in its formal spelling: without a session number (湘潭市第十六届人民代表
    大会常务委员会 is the standing committee of every session), with a court's or a procuratorate's
    full name (开福区法院 -> 开福区人民法院) and a party department's 中共 (中共株洲市委宣传部)."""
    name = SESSION.sub("", on.name) if "届" in on.name else on.name
    for long, short in lexicon.pairs("resolve", "name_openings").items():
        if name.startswith(long):
            name = short + name[len(long):]     # 中国共产党株洲市荷塘区委员会 -> 中共株洲市荷塘区委员会
    forms = lexicon.pairs("resolve", "formal_forms")
    name = formal_pattern(lexicon).sub(lambda m: m.group(1) + forms[m.group(2)], name)
    if not name.startswith("中共"):
        m = PARTY_DEPARTMENT.match(name)
        if m and m.group(1).endswith(lexicon.sequence("resolve", "party_departments")):
            name = "中共" + name  # 株洲市委宣传部: of 中共株洲市委, as 区委常委、宣传部部长 names it
    return on if name == on.name else OrgName(name, on.region, on.zone, on.parent)


def last_of_class(cls: str, rest: str, ctx: Context) -> OrgName:
    """The body of a class (院, 局, 公司) the article named last, or its department `rest` (该院|护理部)."""
    base = ctx.last[cls]
    return OrgName(base + rest, parent=base) if rest else OrgName(base)


def usual_form(name: str, lexicon: Lexicon) -> str:
    """A body's name with its usual short forms (resolve.txt usual_forms): one spelling of 衡阳县卫生健康局
    and 衡阳县卫健局."""
    for long, short in usual_pairs(lexicon):
        if long in name:
            name = name.replace(long, short)
    return name


@functools.cache
def usual_pairs(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(lexicon.pairs("resolve", "usual_forms").items(), key=lambda kv: (-len(kv[0]), kv[0])))


BARE_CLASSES = "厅局院"      # a body's kind written alone for the one named last (厅党委 in a 公安厅 article)
PARTY_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,14}?[省市县区州旗]委([\u4e00-\u9fff]{2,6})$")


@functools.cache
def formal_pattern(lexicon: Lexicon) -> re.Pattern:
    """A short form right after a place's level character: 开福区|法院, 澧县|检察院."""
    shorts = sorted(lexicon.pairs("resolve", "formal_forms"), key=len, reverse=True)
    return re.compile(f"([区县市州旗])({'|'.join(shorts)})")


def canonical(text: str, ctx: Context, lexicon: Lexicon, party_name, known: KnownNames) -> OrgName | None:
    """Canonical name of the institution written `text`.

    `party_name(code)` names a region's party committee; `known` lists the
    file's institutions so far, most recent last (for 住建局 -> 株洲经开区住建局)."""
    gaz = load_gazetteer()
    text = text.strip()
    if not text:
        return None
    if text in known.aliases:
        return OrgName(known.aliases[text])     # the short name the text gave a body it named in full
    if text.startswith("该") and text[1] not in "区县市镇":
        cls = text[1:3] if text[1:3] == "公司" else text[1]
        rest = text[1 + len(cls):]
        if not ctx.last.get(cls):
            return OrgName(rest) if len(rest) >= 3 else None
        return last_of_class(cls, rest, ctx)

    if text[:1] in BARE_CLASSES and text[1:] in ("", "党委", "党组") and ctx.last.get(text[0]):
        return last_of_class(text[0], text[1:], ctx)   # 厅党委副书记, 常务副厅长: the 厅 named last (湖南省公安厅)

    if text[:2] in ("该区", "该县", "该市", "该镇", "我市", "我县", "我区", "本市"):
        code = ctx.last_region.get("镇", "") if text[1] == "镇" else ctx.level_region(text[1])
        if code:
            text = gaz.get(code).name + text[2:]
        else:
            text = text[2:]
        if not text:
            return None
    m = PARTY_COMMITTEE.match(text)
    if m and (m.group("lvl") or m.group("place")) and len(text) <= 14:
        place, lvl = m.group("place"), m.group("lvl") or ""
        if place in ("", "中共") and lvl:
            code = ctx.level_region(lvl) if lvl in LEVEL_CHARS else ctx.last_region.get(lvl, "")
        else:
            full = place if place.endswith(lvl) and lvl else place + lvl   # 芙蓉区区委: the level written twice
            code, surface = region_prefix(full, ctx, lexicon)
            if surface != full:
                code = ""
        if code:
            name, _ = party_name(code)
            return OrgName(name, region=code)
    m = GOVERNMENT.match(text)
    if m and len(text) <= 14:
        place, lvl = m.group("place"), m.group("lvl") or ""
        code = ctx.level_region(lvl) if not place and lvl in LEVEL_CHARS else (
            ctx.last_region.get(lvl, "") if not place else region_prefix(place + lvl, ctx, lexicon)[0])
        if code:
            return OrgName(gaz.get(code).name + "人民政府", region=code)

    if text.startswith("街道") and ctx.last_region.get("街道"):
        code = ctx.last_region["街道"]
        return OrgName(gaz.get(code).name + text[2:], region=code)
    if text.startswith("园区") and ctx.last.get("zone"):
        return OrgName(ctx.last["zone"] + text[2:], zone=ctx.last["zone"])
    generic = next((g for g in ("公司", "医院", "集团") if text.startswith(g)), "")
    if generic and ctx.last.get(anaphor_class(generic, lexicon)):
        base = ctx.last[anaphor_class(generic, lexicon)]      # 公司行政部: the company named last
        rest = text[len(generic):]
        return OrgName(base + rest, parent=base) if rest else OrgName(base)

    code, surface = region_prefix(text, ctx, lexicon)
    if code:
        rest = text[len(surface):]
        if rest in lexicon.words("resolve", "place_named_bodies") and surface != gaz.get(code).name:
            text = gaz.get(code).name + rest  # 汉寿法院 -> 汉寿县法院 (-> 汉寿县人民法院); not 株洲日报, 长沙银行
        return OrgName(text, region=code)
    if text[0] in LEVEL_CHARS and len(text) >= 3 and not text.startswith(lexicon.sequence("spans", "not_level_starts")):
        code = ctx.level_region(text[0])
        if code:
            return OrgName(gaz.get(code).name + text[1:], region=code)
    if text[0] in LEVEL_CHARS and (len(text) < 3 or not text.startswith(lexicon.sequence("spans", "not_level_starts"))):
        return None                         # 市委, 县人民政府 with no 市 or 县 in sight: nobody can place it
    if text[0] in "镇乡" and len(text) >= 4 and not has_word(text[:2]):
        code = ctx.last_region.get(text[0], "")  # 镇中心学校: the town named last, or nobody can place it
        return OrgName(gaz.get(code).name + text[1:], region=code) if code else None
    fuller = known.fuller(text)        # 住建局 after 株洲经开区住建局: the fuller name the file already used
    return OrgName(fuller or text)

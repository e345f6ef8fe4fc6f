"""Administrative places: names from the shipped gazetteer (full names, short
forms, old names) and places below the township gazetteer recognised by their
suffix (…村, …社区), plus development zones (…高新区, …经开区, …产业园)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from ..lexicon.gazetteer import load_gazetteer
from .spans import expand_left
from .tokens import Token

# Two-character short forms that are ordinary words far more often than places.
COMMON_WORD_SHORTS = {"和平", "新华", "东方", "城中", "长安", "永安", "开发", "中山", "白云", "南山", "西湖", "龙华",
                      "城区", "郊区", "矿区", "新区", "高新", "经开", "朝阳", "青山", "红旗", "胜利", "团结", "江南",
                      "河西", "河东", "城东", "城西", "城南", "城北", "市中", "铁西", "铁东", "友谊", "向阳", "前进",
                      "光明", "建设", "人民", "工农", "解放", "金牛", "石门", "安定", "宝山", "普陀", "静安", "大通",
                      "长寿", "永和", "太和", "和田", "莲花", "新城", "清河", "通道", "合作", "范县"}
VILLAGE_SUFFIXES = ("社区", "村")
NOT_VILLAGE_STEMS = {"农", "乡", "新农", "示范", "驻地", "贫困", "行政", "自然", "中心", "美丽", "特色", "文明", "全国",
                     "省级", "市级", "县级", "重点", "邻", "周边", "城中", "山", "渔", "度假", "所在", "各", "每", "本",
                     "该", "全", "两个示范", "一个示范", "城市", "老旧", "试点", "小区", "居住地", "联点", "智慧"}
ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "开发区", "示范区", "新区",
                 "产业园", "工业园", "科技园", "产业园区", "工业园区", "科技城", "片区", "物流园")
ZONE_RE = re.compile("(" + "|".join(sorted(ZONE_SUFFIXES, key=len, reverse=True)) + ")")
HOME_PROVINCE_PREFIX = "43"   # Hunan: the papers this tool is built for
GENERIC_ZONES = {"园区", "新区", "高新区", "经开区", "开发区", "示范区", "产业园", "工业园", "片区", "城区", "化工片区"}


@dataclass
class PlaceMatch:
    start: int
    end: int
    text: str
    codes: tuple[str, ...]   # gazetteer candidates; empty for villages and zones
    kind: str                # division | village | zone


@functools.cache
def _automaton():
    gaz = load_gazetteer()
    auto = ahocorasick.Automaton()
    for surface, codes in gaz.surfaces().items():
        if len(surface) >= 2 and surface not in COMMON_WORD_SHORTS and not surface.endswith(ZONE_SUFFIXES):
            auto.add_word(surface, (surface, tuple(codes)))
    auto.make_automaton()
    return auto


def _is_full_name(surface: str, codes) -> bool:
    gaz = load_gazetteer()
    return any(gaz.get(c).name == surface for c in codes)


def find_places(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    """Leftmost-longest gazetteer matches, then villages and zones, in text order."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    found: list[PlaceMatch] = []
    for end_idx, (surface, codes) in _automaton().iter(text):
        start = end_idx - len(surface) + 1
        full = _is_full_name(surface, codes)
        if not full:
            if start not in starts or end_idx + 1 not in ends:
                continue   # a short form inside a longer word: 株洲 in 株洲日报 is fine, 江南 in 江南春 is not
            codes = tuple(c for c in codes if short_form_ok(c))
            if not codes:
                continue
        found.append(PlaceMatch(start, end_idx + 1, surface, codes, "division"))
    found = _leftmost_longest(found)
    taken = [(m.start, m.end) for m in found]
    for m in _villages(text, tokens):
        if not any(s < m.end and m.start < e for s, e in taken):
            found.append(m)
            taken.append((m.start, m.end))
    found.extend(_zones(text, tokens))
    return sorted(found, key=lambda m: (m.start, -m.end))


def short_form_ok(code: str) -> bool:
    """Short forms stand for provinces, prefectures and Hunan's own units; a bare
    天台 or 合作 is far more often a word than Zhejiang's or Gansu's county."""
    d = load_gazetteer().get(code)
    return d.level in ("province", "prefecture") or code.startswith(HOME_PROVINCE_PREFIX)


def _leftmost_longest(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    out, last_end = [], -1
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def _villages(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    out = []
    for i, tok in enumerate(tokens):
        suffix = next((s for s in VILLAGE_SUFFIXES if tok.word.endswith(s)), None)
        if not suffix:
            continue
        stem_start = tok.start
        if tok.word == suffix:
            k = i - 1
            while k >= 0 and i - k <= 2 and tokens[k].pos in ("ns", "n", "nz", "nr", "nt", "j", "ng") \
                    and tok.start - tokens[k].start <= 4:
                k -= 1
            if k == i - 1:
                continue
            stem_start = tokens[k + 1].start
        name = text[stem_start:tok.end]
        stem = name[: -len(suffix)]
        if not 2 <= len(stem) <= 4 or stem in NOT_VILLAGE_STEMS or any(stem.endswith(s) for s in ("小区", "示范")):
            continue
        if tok.word != suffix and len(tok.word) == len(suffix) + 1:
            continue   # 农村, 乡村: one-character stems are words, not names
        out.append(PlaceMatch(stem_start, tok.end, name, (), "village"))
    return out


def _zones(text: str, tokens: list[Token]) -> list[PlaceMatch]:
    out = []
    for i, tok in enumerate(tokens):
        m = ZONE_RE.search(tok.word)
        if not m or m.end() != len(tok.word):
            continue
        start, _ = expand_left(tokens, i, text)
        name = text[start:tok.end]
        if name in GENERIC_ZONES or len(name) < 3:
            continue
        out.append(PlaceMatch(start, tok.end, name, (), "zone"))
    return out

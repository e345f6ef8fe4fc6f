"""The recogniser's view of one text as typed, non-overlapping mentions: the
spans `kg ner` prints and the CLUENER2020 benchmark scores.

It runs the build's own recognisers (tokenize, find_places, find_orgs,
find_titles) and the person recogniser, then adds what a general news
sentence has beyond a government notice: occupations as titles (记者, 主教练),
generic institutions (警方, 央行, 美军), the segmenter's place and organisation
words, and addresses grown over streets and buildings (北京市海淀区中关村大街).
Overlaps are settled by rule strength, then length.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import ahocorasick

from ..lexicon.terms import load_terms
from .officials import find_titles
from .orgs import find_orgs
from .persons import find_persons
from .regions import find_places
from .spans import expand_left
from .tokens import Token, tokenize

TYPES = ("person", "title", "institution", "region")
SUBTYPES = {"government": "government", "party": "government", "company": "company"}
# Rule strengths: a longer span wins between equals; a stronger rule wins first.
STRONG, NORMAL, WEAK = 3, 2, 1


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    subtype: str
    strength: int

    def as_dict(self, text: str) -> dict:
        return {"start": self.start, "end": self.end, "type": self.type, "subtype": self.subtype,
                "text": text[self.start:self.end]}


def _lines(filename: str) -> list[str]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def _title_automaton():
    """Occupations and posts with the words that may stand before them."""
    cores = set(load_terms().titles) | {w for ln in _lines("ner_titles.txt") for w in ln.split()}
    prefixes = sorted({w for ln in _lines("ner_title_prefixes.txt") for w in ln.split()}
                      | set(load_terms().modifiers), key=len, reverse=True)
    auto = ahocorasick.Automaton()
    for core in cores:
        auto.add_word(core, core)
    auto.make_automaton()
    return auto, tuple(prefixes)


@functools.cache
def _institution_words() -> tuple[dict[str, str], dict[str, str]]:
    words, suffixes = {}, {}
    for ln in _lines("ner_institutions.tsv"):
        word, subtype, kind = ln.split("\t")
        (words if kind == "word" else suffixes)[word] = subtype
    return words, suffixes


@functools.cache
def _word_automaton():
    auto = ahocorasick.Automaton()
    for word, subtype in _institution_words()[0].items():
        auto.add_word(word, (word, subtype))
    auto.make_automaton()
    return auto


def recognise(text: str) -> list[dict]:
    """Typed mentions of `text`, in text order, `end` exclusive."""
    tokens = tokenize(text)
    titles = _titles(text, tokens)
    spans = (_regions(text, tokens) + _institutions(text, tokens) + titles
             + _persons(text, tokens, frozenset(t.end for t in titles)))
    if _is_sports(text):
        spans = _teams(text, tokens, spans)
    return [s.as_dict(text) for s in _settle(spans)]


# ------------------------------------------------------------------ sports
# In a match report a city or a foreign name stands for the team (米兰, 利物浦, 拉齐奥).
SPORTS_CUES = ("比赛", "赛季", "联赛", "主场", "客场", "球队", "进球", "射门", "战胜", "击败", "逼平", "让球", "盘口",
               "主胜", "客胜", "赔率", "足彩", "胜负彩", "欧冠", "英超", "意甲", "西甲", "德甲", "法甲", "中超", "积分",
               "主帅", "教练", "球迷", "平局", "比分", "vs", "VS", "联赛杯", "足总杯", "国家队", "国脚", "前锋", "后卫",
               "中场", "门将", "降级", "保级", "争冠", "夺冠", "冷门", "上轮", "本轮", "首回合", "次回合", "小组赛",
               "淘汰赛", "决赛", "半决赛", "NBA", "球员", "球场", "德比", "大胜", "不敌", "负于", "输给", "交锋", "交手")
TEAM_AFTER = ("队", "主场", "客场", "球迷", "俱乐部", "本赛季", "上赛季", "近", "首发", "阵容", "防线", "vs", "VS", "的主场",
              "的客场", "在主场", "在客场", "战胜", "击败", "逼平", "取胜", "获胜", "不敌", "负于", "输给", "坐镇", "作客",
              "客战", "主战", "和", "与", "、", "，", "。", "：", "-", "让", "大胜", "小胜", "完胜", "惨败")
NOT_TEAM_AFTER = ("球场", "体育场", "体育馆", "市", "省", "人", "的球场", "时间")


def _is_sports(text: str) -> bool:
    return any(c in text for c in SPORTS_CUES)


def _teams(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    from .persons import translit_chars
    chars = translit_chars()
    persons = {(s.start, s.end) for s in spans if s.type == "person"}
    out = [s for s in spans if not (s.type == "region" and s.end - s.start <= 5 and _team_like(text, s.start, s.end))]
    for s in spans:
        if s.type == "region" and s.end - s.start <= 5 and _team_like(text, s.start, s.end):
            out.append(Span(s.start, s.end, "institution", "other", s.strength))
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and all(c in chars for c in tokens[j].word) and _is_han_word(tokens[j].word):
            j += 1
        if j > i:
            start, end = tokens[i].start, tokens[j - 1].end
            if end - start >= 2 and (start, end) not in persons and _team_like(text, start, end):
                out.append(Span(start, end, "institution", "other", WEAK))
            i = j
        else:
            i += 1
    return out


def _team_like(text: str, start: int, end: int) -> bool:
    after = text[end:end + 4]
    return not after.startswith(NOT_TEAM_AFTER) and (after.startswith(TEAM_AFTER) or after == "")


def _is_han_word(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _settle(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    for s in sorted(spans, key=lambda s: (-s.strength, -(s.end - s.start), s.start, TYPES.index(s.type))):
        if s.end > s.start and not any(s.start < c.end and c.start < s.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


# ------------------------------------------------------------------ regions
# Words that end an address or a named spot (中关村大街, 丽泽商务区, 玉泉营桥).
ADDRESS_SUFFIXES = ("路", "街", "大街", "大道", "巷", "胡同", "弄", "里", "号", "号楼", "楼", "层", "室", "单元", "广场",
                    "大厦", "大楼", "中心", "公园", "花园", "小区", "社区", "村", "庄", "镇", "乡", "县", "区", "市", "省",
                    "州", "岛", "湾", "港", "桥", "山", "峰", "河", "江", "湖", "海", "洋", "寺", "庙", "宫", "塔", "门",
                    "站", "机场", "码头", "车站", "球场", "体育场", "体育馆", "酒店", "宾馆", "饭店", "商场", "市场",
                    "商城", "城", "园", "街道", "地区", "一带", "海域", "基地", "商务区", "开发区", "新区", "景区",
                    "步行街", "环", "高速", "出口", "口", "馆", "网吧", "大酒店", "影城", "剧院")
ADDRESS_AFTER_OK = ("，", "。", "、", "；", "：", "！", "？", "的", "和", "与", "及", "等", "）", ")", "”", "\"", "举行",
                    "举办", "召开", "开幕", "发生", "出发", "报道", "电", "讯", "人", "一带", "附近", "周边", "境内",
                    "以", "时", "后", "期间", "上空", "街头", "市区", "当地", "")
GROW_POS = {"ns", "m", "f"}


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(w for ln in _lines("ner_countries.txt") for w in ln.split())


def _regions(text: str, tokens: list[Token]) -> list[Span]:
    """Addresses: a place grown rightwards over the places, streets, numbers and
    buildings after it (北京市海淀区学院路30号). A place that only modifies the
    word after it (美国财政部, 北京房价) is no address; nor is a lone country."""
    places = find_places(text, tokens)
    place_at = {m.start: m.end for m in places}
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        is_place = (t.pos == "ns" and len(t.word) >= 2) or t.start in place_at
        if not is_place:
            i += 1
            continue
        j = i
        end = max(t.end, place_at.get(t.start, t.end))
        while j + 1 < n and tokens[j + 1].start < end:
            j += 1
        parts = 1
        while j + 1 < n:
            nxt = tokens[j + 1]
            if (nxt.pos == "ns" and len(nxt.word) >= 2) or nxt.start in place_at:
                end = max(nxt.end, place_at.get(nxt.start, nxt.end))
            elif nxt.word.endswith(ADDRESS_SUFFIXES) and nxt.pos not in ("v", "p", "c", "uj", "d"):
                end = nxt.end
            elif nxt.pos == "m" and j + 2 < n and tokens[j + 2].word.startswith(("号", "楼", "层", "室", "单元")):
                end = tokens[j + 2].end
                j += 1
            else:
                break
            j += 1
            parts += 1
            while j + 1 < n and tokens[j + 1].start < end:
                j += 1
        name = text[t.start:end]
        after = text[end:end + 2]
        modifier = not after.startswith(ADDRESS_AFTER_OK) and not after[:1] in "，。、；：！？（）()“”\"《》 "
        if parts == 1 and (name in _countries() or modifier):
            i = j + 1
            continue
        out.append(Span(t.start, end, "region", "", NORMAL if parts > 1 else WEAK))
        i = j + 1
    return out


# ------------------------------------------------------------------ institutions
def _institutions(text: str, tokens: list[Token]) -> list[Span]:
    out = []
    for m in find_orgs(text, tokens):
        out.append(Span(m.start, m.end, "institution", SUBTYPES.get(m.subtype, "other"), NORMAL))
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for end_idx, (word, subtype) in _word_automaton().iter(text):
        start = end_idx - len(word) + 1
        if start in starts and end_idx + 1 in ends:
            out.append(Span(start, end_idx + 1, "institution", subtype, NORMAL))
    _, suffixes = _institution_words()
    titles = load_terms().titles
    for i, t in enumerate(tokens):
        if t.pos == "nt":
            out.append(Span(t.start, t.end, "institution", _subtype_of(t.word), WEAK))
        suffix = next((t.word[-n:] for n in (4, 3, 2, 1) if t.word[-n:] in suffixes), "")
        if suffix and t.word not in titles:
            start, _ = expand_left(tokens, i, text)
            if t.end - start > len(suffix) and (t.word != suffix or start < t.start):
                out.append(Span(start, t.end, "institution", suffixes[suffix], WEAK))
    return out


def _subtype_of(name: str) -> str:
    words, suffixes = _institution_words()
    for n in range(min(5, len(name)), 0, -1):
        if name[-n:] in suffixes:
            return suffixes[name[-n:]]
    return SUBTYPES.get(load_terms().org_suffixes.get(load_terms().org_suffix(name), ""), "other")


# ------------------------------------------------------------------ titles
def _titles(text: str, tokens: list[Token]) -> list[Span]:
    auto, prefixes = _title_automaton()
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    found = []
    for end_idx, core in auto.iter(text):
        start, end = end_idx - len(core) + 1, end_idx + 1
        if end not in ends:
            continue
        grown = True
        while grown:
            grown = False
            for p in prefixes:
                if text.startswith(p, start - len(p)) and start - len(p) in starts | {start - len(p)}:
                    start -= len(p)
                    grown = True
                    break
        if start not in starts:
            continue
        found.append(Span(start, end, "title", "", NORMAL))
    for h in find_titles(text):
        found.append(Span(h.start, h.end, "title", "", NORMAL))
    return found


# ------------------------------------------------------------------ persons
def _persons(text: str, tokens: list[Token], title_ends: frozenset[int]) -> list[Span]:
    return [Span(m.start, m.end, "person", "", NORMAL) for m in find_persons(text, tokens, title_ends)]

"""Addresses (the NER view): a place grown rightwards over the places, streets, numbers and buildings
after it (北京市海淀区学院路30号), named streets and buildings, what a notice labels as an address
(地址:…) and what something is said to lie in (位于…). A place that only modifies the word after it
(美国财政部), a lone country and a sight standing alone are no address. Word lists: the address
sections of kg/data/rules/ner.txt, ner_countries.txt and ner_not_places.txt."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import NamedTuple

from ..extract.persons import world_places
from ..extract.regions import find_places
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_words
from ..model import Mention
from .scan import TokenIndex, char_class, is_han_word, stem_is_function
from .span import NORMAL, STRONG, WEAK, span

RULES = "ner"         # kg/data/rules/ner.txt

# A proper name glued to a place makes one longer name with it (北京|匡时 拍卖公司, 秦皇岛|金海湾,
# 长江|索道): the place alone is no address. (In a match report two teams are written so: 曼联|切尔西.)
GLUED_TAGS = frozenset({"nr", "nrt", "nz", "eng", "j", "ng"})
MAX_ADDRESS = 40      # characters; the longest street address with building and floor
LIST_MARKS = ("、", "和", "与", "及", "等")
CLAUSE_MARKS = ",。;:!?()“”\"《》【】 "
CLAUSE_END = re.compile(r"[,。;!?\s]|$")
NOT_LOCATION_START = frozenset("rmdatpcu")     # first letters of jieba tags: pronouns, numbers, adverbs…
CLAUSE_TAGS = frozenset("pcdr")                # prepositions, conjunctions, adverbs, pronouns
CLAUSE_WORDS = frozenset(",。;!?、()“”\" ") | {"和", "与", "及", "或"}
TRAILING_LOCATIVES = ("上", "中", "里", "里面", "的")
MAX_LOCATED = 25
SPOT_STEM_TAGS = {"nr", "nz", "ns", "nrt", "j", "x", "eng", "ng", "nt"}


class AddressWords(NamedTuple):
    suffixes: tuple[str, ...]          # [address_suffixes]: what an address grows over (路, 号, 大厦)
    number_heads: tuple[str, ...]      # [number_heads]: after a number (30号, 3层)
    whole_world: frozenset[str]        # [whole_world]: no country (中国, 全球)
    locative: tuple[str, ...]          # [locative_before]: 在, 前往
    place_cues: tuple[str, ...]        # locative and [place_cues]: 往, 进入, 的
    label: re.Pattern                  # [address_labels] and a colon: 地址:
    located: re.Pattern                # [located]: 位于, 地处
    spot_suffixes: tuple[str, ...]     # [spot_suffixes]: a named spot's head (路, 大桥)
    spot_longest_first: tuple[str, ...]
    spot_last_chars: re.Pattern
    scenic: tuple[str, ...]            # [scenic]: sights, no address alone (湖, 故居)


@functools.cache
def address_words(lexicon: Lexicon) -> AddressWords:
    seq = functools.partial(lexicon.sequence, RULES)
    locative, spots = seq("locative_before"), seq("spot_suffixes")
    return AddressWords(seq("address_suffixes"), seq("number_heads"), frozenset(seq("whole_world")), locative,
                        locative + seq("place_cues"),
                        re.compile(rf"(?:{'|'.join(map(re.escape, seq('address_labels')))}):\s*"),
                        re.compile("|".join(map(re.escape, seq("located")))),
                        spots, tuple(sorted(spots, key=len, reverse=True)), char_class(x[-1] for x in spots),
                        seq("scenic"))


@functools.cache
def _not_places() -> frozenset[str]:
    return data_words("ner_not_places.txt")


@functools.cache
def countries() -> frozenset[str]:
    return data_words("ner_countries.txt")


def find_addresses(text: str, tokens: list[Token], sports: bool, index: TokenIndex,
                   lexicon: Lexicon) -> list[Mention]:
    """Grown places, named spots, labelled and located addresses (`sports`: in a match report, where
    a place the segmenter alone knows needs no cue and a proper name glued to a place is a team)."""
    aw = address_words(lexicon)
    return _grown(text, tokens, sports, lexicon, aw) + _named_spots(text, tokens, index, aw) + _labelled(text, aw) \
        + _located(text, tokens, aw)


def _grown(text: str, tokens: list[Token], sports: bool, lexicon: Lexicon, aw: AddressWords) -> list[Mention]:
    """A place grown rightwards over the places, streets, numbers and buildings after it
    (北京市海淀区学院路30号). A place that only modifies the word after it (美国财政部, 北京房价)
    is no address; nor is a lone country."""
    places = find_places(text, tokens, lexicon)
    place_at = {m.start: m.end for m in places}
    country_names, not_places = countries(), _not_places()
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not (t.pos == "ns" and len(t.word) >= 2 or t.start in place_at or t.word in country_names):
            i += 1
            continue
        j = i
        end = max(t.end, place_at.get(t.start, t.end))
        while j + 1 < n and tokens[j + 1].start < end:
            j += 1
        parts = 1
        while j + 1 < n and tokens[j + 1].end - t.start <= MAX_ADDRESS:
            nxt = tokens[j + 1]
            if nxt.start in place_at or nxt.pos == "ns" and len(nxt.word) >= 2 and nxt.word not in not_places:
                end = max(nxt.end, place_at.get(nxt.start, nxt.end))
            elif nxt.word.endswith(aw.suffixes) and nxt.pos not in ("v", "p", "c", "uj", "d"):
                end = nxt.end
            elif nxt.pos == "m" and j + 2 < n and tokens[j + 2].word.startswith(aw.number_heads):
                end = tokens[j + 2].end
                j += 1
            else:
                break
            j += 1
            parts += 1
            while j + 1 < n and tokens[j + 1].start < end:
                j += 1
        name = text[t.start:end]
        quoted = text[t.start - 1:t.start] == "“" or text[end:end + 1] == "”"    # “光耀东方”: a brand or project
        # 巴厘岛, 泸沽湖, 苏州|博物馆: a sight, not an address (a place of the gazetteer alone stays: 秦皇岛)
        scenic = (parts > 1 or t.start not in place_at) and name.endswith(aw.scenic)
        glued = not sports and j + 1 < n and tokens[j + 1].start == end and tokens[j + 1].pos in GLUED_TAGS
        # a word only the segmenter knows as a place (长城, 米兰 the club, 新建 the verb) needs a cue
        unknown = t.start not in place_at and name not in country_names and name not in world_places()
        if quoted or scenic or glued or parts == 1 and (
                name in not_places or name in country_names and not _country_as_place(text, t.start, end, name, aw)
                or unknown and not sports and not _placed(text, t.start, end, aw)):
            i = j + 1
            continue
        out.append(span("region", t.start, end, text, NORMAL if parts > 1 else WEAK, "address"))
        i = j + 1
    return out


def _country_as_place(text: str, start: int, end: int, name: str, aw: AddressWords) -> bool:
    """A country is a place where something happens (在越南, 到巴西), or stands alone in a list
    or clause (美国、日本, 韩国和), not as the modifier of the next word."""
    return name not in aw.whole_world and (text[max(0, start - 2):start].endswith(aw.locative + ("、",))
                                           or text[end:end + 1] in ("、", ",", "和", "与", "及"))


def _placed(text: str, start: int, end: int, aw: AddressWords) -> bool:
    """在纽约, 到伦敦, 巴黎、罗马: a place the sentence locates something in, or an item of a list of places."""
    before, after = text[max(0, start - 2):start], text[end:end + 1]
    return before.endswith(aw.place_cues) \
        or before[-1:] in LIST_MARKS and (not after or after in CLAUSE_MARKS + "、和与及的") \
        or (not before or before[-1] in CLAUSE_MARKS + "、和与及") and after in LIST_MARKS


def _located(text: str, tokens: list[Token], aw: AddressWords) -> list[Mention]:
    """位于北京市昌平区立水桥以北, 地处京良路南侧: what something is said to lie in is an address, up to
    the end of the clause: to a verb, a conjunction or a list comma (位于莲石路|和京石高速之间), without a
    trailing 的 or locative particle (位于福虹路|上). It must start as a name does (not 位于该行…, 位于第三层)."""
    out = []
    for m in aw.located.finditer(text):
        first = bisect_left(tokens, m.end(), key=lambda t: t.start)
        if first >= len(tokens) or tokens[first].start != m.end() or tokens[first].pos[:1] in NOT_LOCATION_START:
            continue
        k = _clause_end(tokens, first)
        if k is None:
            continue
        if k > first + 1 and tokens[k - 1].word in TRAILING_LOCATIVES:
            k -= 1
        start, end = tokens[first].start, tokens[k - 1].end if k > first else tokens[first].start
        if 2 <= end - start <= MAX_LOCATED:
            out.append(span("region", start, end, text, NORMAL, "located"))
    return out


def _clause_end(tokens: list[Token], first: int) -> int | None:
    """The index of the token ending the clause that starts at tokens[first] (or len(tokens)); None
    when the address it holds would be longer than MAX_LOCATED (reading stops there)."""
    k = first
    while k < len(tokens) and tokens[k].pos[:1] not in CLAUSE_TAGS and tokens[k].word not in CLAUSE_WORDS \
            and not (tokens[k].pos[:1] == "v" and tokens[k].pos != "vn"):
        if k >= first + 2 and tokens[k - 2].end - tokens[first].start > MAX_LOCATED:
            return None         # the address would end at tokens[k - 2] or later
        k += 1
    return k


def _labelled(text: str, aw: AddressWords) -> list[Mention]:
    """地址:北京市海淀区…, 地点:星河湾销售中心一层: what a notice labels as its address is one, whatever
    it is made of, up to the end of the clause (a parenthesis left open runs on to its close)."""
    if ":" not in text:
        return []
    out = []
    for m in aw.label.finditer(text):
        start = m.end()
        end = CLAUSE_END.search(text, start, start + MAX_ADDRESS + 1).start()    # a longer clause is too long
        opened = text.rfind("(", start, end)
        if opened >= 0 and text.find(")", opened, end) < 0:
            close = text.find(")", end, start + MAX_ADDRESS)
            end = close + 1 if close >= 0 else end
        name = text[start:end]
        if 2 <= len(name) <= MAX_ADDRESS and not name.isascii() and "http" not in name and "www" not in name:
            out.append(span("region", start, end, text, STRONG, "labelled"))
    return out


def _named_spots(text: str, tokens: list[Token], index: TokenIndex, aw: AddressWords) -> list[Mention]:
    """A named street, village or building: its name, then a spot's head (中关村大街, 玉泉营桥). Sights
    (…岛, …湖, …寺, …公园) are no addresses on their own: news labels them as scenery."""
    out = []
    for m in aw.spot_last_chars.finditer(text):      # words ending in a suffix's last character
        i = index.ending_at(m.end())
        if i is None:
            continue
        t = tokens[i]
        if not t.word.endswith(aw.spot_suffixes):
            continue
        suffix = next(x for x in aw.spot_longest_first if t.word.endswith(x))
        if len(t.word) > len(suffix):
            if len(t.word) >= 3 and t.pos in SPOT_STEM_TAGS | {"n"} and not stem_is_function(t.word):
                out.append(span("region", t.start, t.end, text, WEAK, "named-spot"))
            continue
        k = i
        while k > 0 and i - k < 2 and tokens[k - 1].pos in SPOT_STEM_TAGS and is_han_word(tokens[k - 1].word):
            k -= 1
        if k < i:
            out.append(span("region", tokens[k].start, t.end, text, WEAK, "named-spot"))
    return out

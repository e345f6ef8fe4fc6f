"""Institutions (the NER view): the build's grammar (find_orgs), generic government words and
armies (kg/data/ner_institutions.tsv: 警方, 央行, 美军, …协会) grown over the place before them,
the segmenter's organisation words, and words ending in an institution suffix; a kind of company
(外资银行) is none."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import NamedTuple

from ..extract.orgs import find_orgs
from ..extract.spans import expand_left
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_lines, data_words, load_terms
from ..model import Mention
from .addresses import address_words
from .scan import TokenIndex, WordFinder, char_class, stem_is_function
from .span import NORMAL, STRONG, WEAK, span
from .span import subtype as subtype_of_span
from .titles import title_automaton

SUBTYPES = {"government": "government", "party": "government", "company": "company"}
RULES = "ner"         # kg/data/rules/ner.txt


class InstitutionWords(NamedTuple):
    country_abbreviations: frozenset[str]   # one-character country names that make an army (美军, 俄方)
    and_heads: tuple[str, ...]               # heads of government names that may hold a 和 (住房和城乡建设部)


@functools.cache
def institution_words(lexicon: Lexicon) -> InstitutionWords:
    return InstitutionWords(frozenset("".join(lexicon.sequence(RULES, "country_abbreviations"))),
                            lexicon.sequence(RULES, "and_heads"))


@functools.cache
def _institution_words() -> tuple[dict[str, str], dict[str, str]]:
    words, suffixes = {}, {}
    for ln in data_lines("ner_institutions.tsv"):
        word, subtype, kind = ln.split("\t")
        (words if kind == "word" else suffixes)[word] = subtype
    return words, suffixes


@functools.cache
def _word_automaton() -> WordFinder:
    return WordFinder({word: (word, subtype) for word, subtype in _institution_words()[0].items()})


NAME_TAGS = {"n", "nt", "nz", "ns", "nr", "nrt", "j", "x", "vn", "eng", "ng", "nnt", "l", "b"}


@functools.cache
def _not_institutions() -> frozenset[str]:
    return data_words("ner_not_institutions.txt")


def find_institutions(text: str, tokens: list[Token], index: TokenIndex, lexicon: Lexicon) -> list[Mention]:
    out, scenic = [], address_words(lexicon).scenic
    for m in find_orgs(text, tokens, lexicon):
        if m.text.endswith(scenic):
            continue            # 苏州博物馆: the build's institution, the benchmark's scenery
        start, k = m.start, index.starting_at(m.start)
        if k is not None and k >= 2 and tokens[k - 1].word == "和" and tokens[k - 2].pos in ("n", "vn"):
            start, _ = expand_left(tokens, k - 2, text, lexicon)    # 国土资源和|房屋管理局
        closed = text.rfind(")", start, m.end - 2)
        if closed >= 0:
            start = closed + 1      # 日电(记者刘赞)日本政府: a name does not run back over a closed bracket
        out.append(span("institution", start, m.end, text, NORMAL, "org", subtype_of(m.text, m.attrs["subtype"])))
    _, suffixes = _institution_words()
    for end_idx, (word, subtype) in _word_automaton().iter(text):
        start, last = index.starting_at(end_idx - len(word) + 1), index.ending_at(end_idx + 1)
        if start is not None and last is not None:
            start = _country_before(tokens, start, text)
            if word in suffixes:       # 防空|部队, 国土资源和房屋|管理局: the word may end a longer name
                grown = _grow_left(tokens, last, text, lexicon)
                if grown < start and not stem_is_function(text[grown:start]):
                    start = grown
            out.append(span("institution", start, end_idx + 1, text, STRONG, "institution-word", subtype))
    titles = load_terms().titles
    blocked = _not_institutions()
    for t in tokens:
        if t.pos == "nt" and t.word not in blocked:
            out.append(span("institution", t.start, t.end, text, WEAK, "nt", subtype_of(t.word)))
    for m in _suffix_last_chars().finditer(text):    # words ending in a suffix's last character
        i = index.ending_at(m.end())
        if i is None:
            continue
        t = tokens[i]
        if t.word in blocked or t.word in titles:
            continue
        suffix = next((t.word[-n:] for n in (5, 4, 3, 2, 1) if t.word[-n:] in suffixes), "")
        if not suffix or (len(t.word) > len(suffix) and t.pos not in NAME_TAGS):
            continue
        if suffix == "军" and not _army(tokens, i, lexicon):
            continue
        start = _grow_left(tokens, i, text, lexicon)
        name = text[start:t.end]
        if len(name) > len(suffix) and name not in blocked and not stem_is_function(name[:-len(suffix)]):
            out.append(span("institution", start, t.end, text, WEAK, "institution-suffix", suffixes[suffix]))
    out = [s for s in out
           if s.confidence == STRONG or subtype_of_span(s) == "government" or _has_proper_part(tokens, s)]
    by_end: dict[int, list[Mention]] = {}
    for s in out:
        by_end.setdefault(s.end, []).append(s)
    return [_grown(text, s, by_end[s.end]) for s in out]


def _grown(text: str, m: Mention, same_end: list[Mention]) -> Mention:
    """住房和城乡|建设部: a name grown further left over the same head is the name;
    it takes the strength of the shorter one it contains."""
    inner = [o for o in same_end if m.start < o.start and o.confidence > m.confidence]
    if not inner or any(True for _ in title_automaton()[0].iter(text[m.start:max(o.start for o in inner)])):
        return m       # 嘉宾主持人|新浪乐居北京公司: a title is no part of a name
    return m._replace(confidence=max(o.confidence for o in inner))


@functools.cache
def _suffix_last_chars() -> re.Pattern:
    return char_class(suffix[-1] for suffix in _institution_words()[1])


def _stem_of(name: str) -> str:
    _, suffixes = _institution_words()
    for n in range(min(5, len(name) - 1), 0, -1):
        if name[-n:] in suffixes:
            return name[:-n]
    return ""


@functools.cache
def _kinds() -> frozenset[str]:
    return data_words("ner_institution_kinds.txt")


def _has_proper_part(tokens: list[Token], m: Mention) -> bool:
    """外资银行, 博彩公司, 股份制银行 name a kind of company, not one: a name needs a
    part that is not a kind word (绿地集团, 英皇公司, 招商局地产)."""
    k = bisect_left(tokens, m.start, key=lambda t: t.start)
    inner = []
    while k < len(tokens) and tokens[k].end <= m.end:
        inner.append(tokens[k])
        k += 1
    if len(inner) <= 1:
        stem = _stem_of(inner[0].word) if inner else ""
        return not inner or not stem or not _all_kinds(stem)
    return not all(t.word in _kinds() or t.pos in ("m", "q", "r") for t in inner[:-1])


def _all_kinds(stem: str) -> bool:
    """商业, 股份制商业: the stem is kind words only."""
    if stem in _kinds():
        return True
    return any(stem[:k] in _kinds() and _all_kinds(stem[k:]) for k in range(1, len(stem)))


def _grow_left(tokens: list[Token], i: int, text: str, lexicon: Lexicon) -> int:
    """expand_left, also across one 和 inside a government name (住房和城乡建设部)."""
    start, _ = expand_left(tokens, i, text, lexicon)
    k = next((k for k in range(i, -1, -1) if tokens[k].start == start), None)
    if k is not None and k >= 2 and tokens[k - 1].word == "和" and tokens[k - 2].pos in ("n", "vn") \
            and tokens[i].word.endswith(institution_words(lexicon).and_heads):
        start, _ = expand_left(tokens, k - 2, text, lexicon)
    return start


def _country_before(tokens: list[Token], k: int, text: str) -> int:
    """印度|空军, 美国|国防部: a place just before a government word belongs to its name."""
    start = tokens[k].start
    while k > 0 and tokens[k - 1].pos == "ns" and len(tokens[k - 1].word) >= 2:
        k -= 1
        start = tokens[k].start
    return start


def _army(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """美军, 印度|军, 解放军: a word ending in 军 names an army after a country."""
    w = tokens[i].word
    abbreviations = institution_words(lexicon).country_abbreviations
    if len(w) == 2:
        return w[0] in abbreviations
    if w == "军":
        return i > 0 and (tokens[i - 1].pos == "ns" or tokens[i - 1].word in abbreviations)
    return tokens[i].pos in ("nt", "nz", "n")


def subtype_of(name: str, found: str = "") -> str:
    words, suffixes = _institution_words()
    for n in range(min(6, len(name)), 0, -1):
        if name[-n:] in words:         # 日本|央行
            return SUBTYPES.get(words[name[-n:]], "other")
        if name[-n:] in suffixes:
            return SUBTYPES.get(suffixes[name[-n:]], "other")
    if found:
        return SUBTYPES.get(found, "other")
    return SUBTYPES.get(load_terms().org_suffixes.get(load_terms().org_suffix(name), ""), "other")

"""Titles (the NER view): occupations, ranks and posts (kg/data/ner_titles.txt and the build's
titles) with the words that may stand before them (ner_title_prefixes.txt: 首席, 营销), and the
build's title grammar (find_titles)."""
from __future__ import annotations

import functools

from ..extract.titles import find_titles as find_post_titles
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_words, load_terms
from ..model import Mention
from .scan import TokenIndex, WordFinder
from .span import NORMAL, span


@functools.cache
def title_automaton():
    """Occupations and posts with the words that may stand before them."""
    cores = set(load_terms().titles) | data_words("ner_titles.txt")
    prefixes = sorted(data_words("ner_title_prefixes.txt")
                      | set(load_terms().modifiers), key=len, reverse=True)
    return WordFinder({core: core for core in cores}), frozenset(prefixes), \
        tuple(sorted({len(p) for p in prefixes}, reverse=True))


def find_titles(text: str, tokens: list[Token], index: TokenIndex, lexicon: Lexicon) -> list[Mention]:
    auto, prefixes, prefix_lengths = title_automaton()
    hits = list(auto.iter(text))
    if not hits:
        return []         # no title word at all: neither rule can find one (most sentences)
    ends = index.by_end
    found = []
    build_titles = load_terms().titles
    for end_idx, core in hits:
        start, end = end_idx - len(core) + 1, end_idx + 1
        if end not in ends:
            continue
        grown = True
        while grown:
            grown = False
            for n in prefix_lengths:
                if n <= start and text[start - n:start] in prefixes:
                    start -= n
                    grown = True
                    break
        if not index.is_start(start) and not (end in ends and index.is_start(start - 2)):
            continue      # 本报记者: jieba glued the title to what precedes it
        found.append(span("title", start, end, text, NORMAL, "title-word"))
    if any(core in build_titles for _, core in hits):     # the build's title grammar needs one of its titles
        for h in find_post_titles(text, tokens, lexicon):
            found.append(span("title", h.start, h.end, text, NORMAL, "title-grammar"))
    return found

"""Companies and brands known worldwide (kg/data/ner_brands.txt: 西门子, 易胜博): standing alone,
one is a company; the person reader never takes one for a person."""
from __future__ import annotations

import functools
from operator import itemgetter

from ..extract.tokens import Token
from ..lexicon.terms import data_words
from ..model import Mention
from .span import WEAK, span

# Tags of a word after a brand that make the brand part of a longer name or a modifier (新浪|乐居, 花旗|银行).
BRAND_GLUE_TAGS = frozenset({"n", "nz", "nt", "nr", "nrt", "ns", "j", "eng", "vn", "ng"})


@functools.cache
def brand_names() -> frozenset[str]:
    """Every word of ner_brands.txt: what names no person."""
    return data_words("ner_brands.txt")


@functools.cache
def brand_words() -> frozenset[str]:
    """The brands of two characters or more: what stands alone as a company."""
    return frozenset(w for w in brand_names() if len(w) >= 2)


@functools.cache
def dotted_brands() -> tuple[str, ...]:
    return tuple(sorted(w for w in brand_words() if "·" in w))


def find_brands(text: str, tokens: list[Token]) -> list[Mention]:
    """西门子, 易胜博: a company known worldwide standing alone as a word of its own (not 新浪|乐居,
    花旗|银行: before a noun it starts a longer name, or modifies it)."""
    brands = brand_words()
    out = []
    if "·" in text:         # 威廉·希尔: a name written with a name dot is several words
        for w in dotted_brands():
            k = text.find(w)
            while k >= 0:
                out.append(span("institution", k, k + len(w), text, WEAK, "brand", "company"))
                k = text.find(w, k + len(w))
    if brands.isdisjoint(map(itemgetter(0), tokens)):     # the words, read in C
        return out              # most sentences: no brand among the words
    for k, t in enumerate(tokens):
        if t.word in brands and not (k + 1 < len(tokens) and tokens[k + 1].pos in BRAND_GLUE_TAGS):
            out.append(span("institution", t.start, t.end, text, WEAK, "brand", "company"))
    return out

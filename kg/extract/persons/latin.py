"""Names in Latin script: after a role, before a verb of saying, or a known given name (选手Infi,
Johnson说, Linda); and the Latin name in brackets after a name (阿特金森(martinatkinson)).
"""
from __future__ import annotations

import functools
import re

from ...lexicon.terms import data_words
from ..tokens import Token
from .base import PersonMatch
from .cues import LATIN_ROLES, LATIN_SAID, NOT_PERSON_ROLES, PERSON_ROLES, not_names

LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,15}")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def _latin(text: str, tokens: list[Token], title_ends: frozenset[int]) -> list[PersonMatch]:
    """Latin-script names only where a role or a verb of saying says so (选手Infi,
    总监BradBuxer, Johnson说): companies announce (宣布), people say."""
    if not LATIN_LETTER.search(text):
        return []
    out = []
    for t in tokens:
        if t.pos == "eng" and LATIN_NAME.fullmatch(t.word) and not t.word.isupper() \
                and (t.start in title_ends and not text.endswith(NOT_PERSON_ROLES, 0, t.start)
                     or text[max(0, t.start - 6):t.start].endswith(PERSON_ROLES + LATIN_ROLES)
                     or text.startswith(LATIN_SAID, t.end) or _given_latin(t.word)):
            out.append(PersonMatch(t.start, t.end, t.word, 0.8, "latin"))
    return out


@functools.cache
def latin_given_names() -> frozenset[str]:
    """Common European given names (kg/data/ner_latin_given.txt: John, Linda)."""
    return data_words("ner_latin_given.txt")


# JohnCarpenter, GrahamMcTavish: a given name and a capitalised surname written without a space.
CAMEL_NAME = re.compile(r"([A-Z][a-z]+)(?:Mc|Mac|O|De|Van)?[A-Z][a-z]{2,}")


def _given_latin(word: str) -> bool:
    """A given name alone (Linda, Raymond) or before a surname (BillRoper) names a person."""
    if word in latin_given_names():
        return True
    m = CAMEL_NAME.fullmatch(word)
    return m is not None and m.group(1) in latin_given_names()


GLOSS = re.compile(r"\(([A-Za-z][A-Za-z.\-']{1,39})\)")


def _glosses(text: str, persons: list[PersonMatch]) -> list[PersonMatch]:
    """阿特金森(martinatkinson): the name in Latin script, in brackets after a name, is a name."""
    if "(" not in text:
        return []
    out = []
    for m in persons:
        g = GLOSS.match(text, m.end)
        if g and g.group(1).lower() not in not_names() and m.rule in ("chinese", "foreign", "dotted", "hyphened", "foreign-listed",
                                                                      "chinese-listed"):
            out.append(PersonMatch(g.start(1), g.end(1), g.group(1), m.score, "gloss"))
    return out

"""What every person reader shares: what a caller adds to the readers (PersonExtras), the Mention
a reader returns (person), the rating of a name's shape (shape_score, THRESHOLD) and the tests of
single characters (surname, Han, the segmenter's tag).

A reader is a function reader(text, tokens, title_ends, words) -> list[Mention]: the sentence, its
tokens, the offsets where a title ends (记者|马力: the strongest sign that a name follows) and the
PersonWords of the lexicon (person_words), which carry the lexicon and the caller's vetoes.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

import rjieba

from ...lexicon.names import load_surnames, person_name_score
from ...model import NO_ATTRS, Mention

NAME_JOINERS = "·•・"

# Tags a surname character has when the segmenter reads it as a function word (和, 但, 从, 于, 有).
FUNCTION_TAGS = {"p", "c", "d", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "f", "m", "q", "v", "y", "t", "a", "vn"}

# Scores are shape_score plus evidence; thresholds chosen on the CLUENER train split.
THRESHOLD = 0.8

# The same candidates come back sentence after sentence (a name, 和平, 高速): each is rated once.
shape_score = functools.lru_cache(maxsize=1 << 16)(person_name_score)


def _no_club(word: str) -> bool:
    return False


class PersonExtras(NamedTuple):
    """What a caller adds to the core person readers (kg.ner adds Latin-script names, brands, clubs)."""

    readers: tuple[Callable[..., list[Mention]], ...] = ()    # readers run with the core ones, before settling
    glossers: tuple[Callable[..., list[Mention]], ...] = ()   # glosser(text, names, words): on the settled names
    not_names: frozenset[str] = frozenset()      # more words that name no one (brands)
    is_club: Callable[[str], bool] = _no_club     # a team's name: a list holding one is no list of people


NO_EXTRAS = PersonExtras()


@functools.cache
def needs(score: float) -> Mapping[str, object]:
    """The attrs of a name that must score `score` to stand alone (shared: attrs are never changed)."""
    return MappingProxyType({"needed": score}) if score else NO_ATTRS


_new = tuple.__new__       # Mention(...) without the Python-level __new__ frame: made for every candidate


def person(start: int, end: int, text: str, score: float, rule: str, needed: float = 0.0) -> Mention:
    """A person Mention: confidence is the score (shape_score plus evidence, which may exceed 1);
    attrs["needed"], when the rule sets one, is the score it must reach to stand alone."""
    return _new(Mention, ("person", start, end, text, needs(needed) if needed else NO_ATTRS, rule, score))


def surname_len(s: str, surnames: dict | None = None) -> int:
    """The length of the surname `s` starts with (2 for a compound one before a given name), or 0."""
    surnames = surnames or load_surnames()
    if s[:2] in surnames and len(s) >= 3:
        return 2
    return 1 if s[:1] in surnames else 0


@functools.cache
def char_tag(ch: str) -> str:
    """The segmenter's tag of a character standing alone."""
    return rjieba.tag(ch)[0][1]


def function_char(ch: str) -> bool:
    return char_tag(ch) in FUNCTION_TAGS

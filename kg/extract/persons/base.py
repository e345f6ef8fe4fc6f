"""What every person reader shares: the match it returns, the rating of a name's shape
(name_score, THRESHOLD) and the tests of single characters (surname, Han, the segmenter's tag).
"""
from __future__ import annotations

import functools
from typing import NamedTuple

import rjieba

from ...lexicon.names import load_surnames, person_name_score

NAME_JOINERS = "·•・"

# Tags a surname character has when the segmenter reads it as a function word (和, 但, 从, 于, 有).
FUNCTION_TAGS = {"p", "c", "d", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "f", "m", "q", "v", "y", "t", "a", "vn"}

# Scores are name_score plus evidence; thresholds chosen on the CLUENER train split.
THRESHOLD = 0.8

# The same candidates come back sentence after sentence (a name, 和平, 高速): each is rated once.
name_score = functools.lru_cache(maxsize=1 << 16)(person_name_score)


class PersonMatch(NamedTuple):    # a tuple: made for every candidate, so it must be cheap
    start: int
    end: int
    text: str
    score: float
    rule: str          # chinese | foreign | latin | speaker | glued | dotted
    needed: float = 0.0    # the score the rule asks of a name standing alone


def _surname_len(s: str, surnames: dict | None = None) -> int:
    surnames = surnames or load_surnames()
    if s[:2] in surnames and len(s) >= 3:
        return 2
    return 1 if s[:1] in surnames else 0


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@functools.cache
def _char_tag(ch: str) -> str:
    """The segmenter's tag of a character standing alone."""
    return rjieba.tag(ch)[0][1]


char_tag = _char_tag


def _function_char(ch: str) -> bool:
    return _char_tag(ch) in FUNCTION_TAGS

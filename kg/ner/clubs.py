"""Clubs, betting houses and terms of match reports (kg/data/ner_clubs.txt: 阿森纳, 威廉希尔, 凯利):
no person's name, and in a match report the team or the company."""
from __future__ import annotations

import functools

from ..lexicon.terms import data_sections

# How short a start or an end of a club's name may be written (米德尔, 纽卡斯).
CLUB_PREFIX = 3


@functools.cache
def _sections() -> dict[str, frozenset[str]]:
    """The sections of kg/data/ner_clubs.txt: clubs, bookmakers, terms."""
    return {name: frozenset(words) for name, words in data_sections("ner_clubs.txt").items()}


@functools.cache
def clubs() -> frozenset[str]:
    """Clubs, betting houses and terms of match reports: 阿森纳, 威廉希尔, 凯利."""
    return frozenset().union(*_sections().values())


def sports_terms() -> frozenset[str]:
    """Words of match previews that name no one and no team (凯利 of 凯利指数, 德比)."""
    return _sections()["terms"]


def bookmakers() -> frozenset[str]:
    """Betting houses (威廉希尔, 立博): companies, not clubs."""
    return _sections()["bookmakers"]


@functools.cache
def club_names() -> frozenset[str]:
    """Clubs and betting houses (not the terms: 凯利, 德比)."""
    return clubs() - sports_terms()


@functools.cache
def club_words() -> frozenset[str]:
    """Clubs' names of three characters or more (切尔西, 阿森纳): no shorter, which are cities (罗马, 米兰)."""
    return frozenset(c for c in clubs() if len(c) >= 3)


@functools.cache
def longest_club() -> int:
    return max(map(len, clubs()))


@functools.cache
def _club_forms() -> frozenset[str]:
    """The clubs and the starts and ends of their names a report writes for them (米德尔 for
    米德尔斯堡; 拉德巴赫, where the segmenter cut 门兴格|拉德巴赫)."""
    return frozenset([c[:k] for c in clubs() for k in range(min(CLUB_PREFIX, len(c)), len(c) + 1)]
                     + [c[-k:] for c in clubs() for k in range(CLUB_PREFIX, len(c))])


def club_like(word: str) -> bool:
    """A club's name or the start of one (米德尔, 纽卡斯): no player."""
    return word in _club_forms()


@functools.cache
def _club_starts() -> frozenset[str]:
    return frozenset(c[:2] for c in clubs())


def club_start(word: str) -> bool:
    """The first two characters of a club's name (沙尔 of 沙尔克)."""
    return word in _club_starts()

"""Chinese person-name statistics (run time, stdlib only).

Data: ``kg/data/surnames.tsv`` (surname -> relative frequency) and
``kg/data/given_chars.tsv`` (char -> share of its dictionary occurrences that
are in the given-name part of a person name), derived from jieba's dict.txt
and the Hundred Family Surnames by ``scripts/build_lexicons.py``.

:func:`name_score` rates how plausible a 2-4 character string is as a full
personal name (surname + 1-2 given chars, or compound surname + 1-2 given
chars).  It is a heuristic in [0, 1], meant for ranking candidates and
choosing where a name ends (罗鹏程 vs 罗鹏), not a calibrated probability.

:func:`person_name_score` (the NER view's person reader) is the same with the
given part rated from ``kg/data/given_names.tsv`` (how much likelier each
character is in real given names, per ngender's list, than in ordinary words,
per jieba; ``scripts/build_given_names.py``).
"""
from __future__ import annotations

import functools
import math
from importlib import resources

__all__ = ["is_han", "load_surnames", "load_given_chars", "load_given_ratios", "name_score", "person_name_score",
           "split_name"]

# p_given assumed for a character never seen in a given name
UNSEEN_GIVEN_P = 0.002
# saturation constant: given-part factor = g / (g + K)
GIVEN_K = 0.05
# surname factor is mapped into [SURNAME_MIN, 1]
SURNAME_MIN = 0.4
# prior factor for a one-character given name: two-character given names are
# the majority, so 罗鹏程 beats 罗鹏 when p_given(程) is above ~0.018, while
# 罗鹏 beats 罗鹏市 (p_given(市) ~ 0.006).  Per-character statistics alone
# cannot reject every function word (在 has p_given ~ 0.07 because jieba's
# ``nr`` tag is noisy); callers deciding where a name ends should also check
# stop characters / the following token.
SINGLE_GIVEN_FACTOR = 0.75

# person_name_score (kg/data/given_names.tsv: log10 of how much likelier a
# character is in a given name than in ordinary text). The ratio assumed for a
# character the file does not list (rare everywhere):
UNLISTED_RATIO = -1.5
# the given part's rating is a logistic function of the sum of its characters'
# ratios: GIVEN_SLOPE * (sum - GIVEN_MIDPOINT), plus SINGLE_GIVEN_RATIO for a
# one-character given name (rarer than two characters, and what the ratio of a
# second character would be if the name were cut short: 宋焱 vs 宋焱|报).
GIVEN_SLOPE = 0.5
GIVEN_MIDPOINT = -1.0
SINGLE_GIVEN_RATIO = -0.5


def _read_tsv(filename: str) -> list[list[str]]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.split("\n")[1:] if ln]


@functools.cache
def load_surnames() -> dict[str, float]:
    """Surname (1 or 2 chars) -> relative frequency weight (sums to ~1)."""
    return {s: float(w) for s, w in _read_tsv("surnames.tsv")}


@functools.cache
def load_given_chars() -> dict[str, float]:
    """Char -> p_given in [0, 1]."""
    return {c: float(p) for c, p, _n in _read_tsv("given_chars.tsv")}


@functools.cache
def load_given_ratios() -> dict[str, float]:
    """Char -> log10(share among given-name characters / share among the
    characters of ordinary words): 鹏 3.5, 明 1.0, 的 -2.2 (given_names.tsv)."""
    return {c: float(r) for c, r in _read_tsv("given_names.tsv")}


@functools.cache
def _surname_bounds() -> tuple[float, float]:
    ws = [w for w in load_surnames().values() if w > 0]
    return math.log(min(ws)), math.log(max(ws))


def _surname_factor(surname: str) -> float:
    w = load_surnames().get(surname, 0.0)
    if w <= 0:
        return 0.0
    lo, hi = _surname_bounds()
    x = (math.log(w) - lo) / (hi - lo) if hi > lo else 1.0
    return SURNAME_MIN + (1 - SURNAME_MIN) * min(1.0, max(0.0, x))


def _given_factor(given: str) -> float:
    chars = load_given_chars()
    ps = [max(chars.get(ch, 0.0), UNSEEN_GIVEN_P) for ch in given]
    g = math.exp(sum(math.log(p) for p in ps) / len(ps))  # geometric mean
    return g / (g + GIVEN_K)


def is_han(ch: str) -> bool:
    """A Han character: CJK Unified Ideographs, the basic block or Extension A."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def split_name(candidate: str) -> list[tuple[str, str]]:
    """Possible (surname, given) splits of ``candidate`` under the shape rules
    (compound surname first)."""
    surnames = load_surnames()
    out = []
    n = len(candidate)
    if 3 <= n <= 4 and candidate[:2] in surnames:
        out.append((candidate[:2], candidate[2:]))
    if 2 <= n <= 3 and candidate[:1] in surnames:
        out.append((candidate[:1], candidate[1:]))
    return out


def name_score(candidate: str) -> float:
    """Plausibility in [0, 1] that ``candidate`` is a full Chinese personal
    name; 0 when it is not 2-4 Han characters starting with a known surname."""
    if not isinstance(candidate, str) or not 2 <= len(candidate) <= 4:
        return 0.0
    if not all(is_han(ch) for ch in candidate):
        return 0.0
    if len(candidate) == 2 and candidate in load_surnames():
        return 0.0  # a bare compound surname (欧阳) is not a full name
    best = 0.0
    for surname, given in split_name(candidate):
        score = _surname_factor(surname) * _given_factor(given)
        if len(given) == 1:
            score *= SINGLE_GIVEN_FACTOR
        best = max(best, score)
    return round(min(1.0, max(0.0, best)), 6)


def _given_rating(given: str) -> float:
    ratios = load_given_ratios()
    x = sum(ratios.get(ch, UNLISTED_RATIO) for ch in given)
    if len(given) == 1:
        x += SINGLE_GIVEN_RATIO
    return 1.0 / (1.0 + math.exp(-GIVEN_SLOPE * (x - GIVEN_MIDPOINT)))


def person_name_score(candidate: str) -> float:
    """Like :func:`name_score`, on the same shape rules, with the given part
    rated by how much likelier its characters are in given names than in
    ordinary text (kg/data/given_names.tsv, from a large list of real names)
    rather than by jieba's noisy name tags: 金庸, 周迅 rate higher, 宋焱报 lower
    than 宋焱. Used by the NER view's person reader (kg.extract.persons)."""
    if not isinstance(candidate, str) or not 2 <= len(candidate) <= 4:
        return 0.0
    if not all(is_han(ch) for ch in candidate):
        return 0.0
    if len(candidate) == 2 and candidate in load_surnames():
        return 0.0
    best = 0.0
    for surname, given in split_name(candidate):
        best = max(best, _surname_factor(surname) * _given_rating(given))
    return round(min(1.0, max(0.0, best)), 6)

"""One Lexicon: everything the recognisers know, read once from kg/data, and the
home province the corpus is read in.

Knowledge lives in data files, not in code: titles, institution suffixes and
the GB/T 2260 gazetteer (kg/data/*.tsv), and the word lists each rule reads,
one sectioned file per rule module (kg/data/rules/<module>.txt, sections in
[brackets]). A recogniser gets the Lexicon as an argument and asks it for a
list by name: ``lexicon.words("orgs", "not_org_words")``.

The home province decides what a bare county short form (天元) or 省 means. It
is a setting, never a literal in code: inferred from the corpus (see
:func:`infer_province`) or given with ``kg build --province``.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

from .gazetteer import Division, Gazetteer, load_gazetteer
from .names import load_surnames
from .terms import Terms, data_sections, load_terms


class Lexicon:
    """The recognisers' knowledge for one home province ("" when there is none)."""

    def __init__(self, province: str = "") -> None:
        self.province = province
        self.terms: Terms = load_terms()
        self.gazetteer: Gazetteer = load_gazetteer()
        self.surnames: dict[str, float] = load_surnames()

    def __repr__(self) -> str:
        return f"Lexicon(province={self.province!r})"

    def words(self, rules: str, section: str) -> frozenset[str]:
        """The words of one section of kg/data/rules/<rules>.txt, as a set."""
        return frozenset(rule_lists(rules)[section])

    def sequence(self, rules: str, section: str) -> tuple[str, ...]:
        """The words of one section, in file order (for suffix tests and longest-first scans)."""
        return rule_lists(rules)[section]

    def pairs(self, rules: str, section: str) -> dict[str, str]:
        """A section of key:value words as a dict, in file order (省长:省)."""
        return rule_pairs(rules, section)

    def in_province(self, code: str) -> bool:
        """Is the unit `code` in the home province?"""
        return bool(self.province) and code[:2] == self.province[:2]

    def short_form_ok(self, division: Division) -> bool:
        """May the unit's short form stand for it? Short forms stand for provinces,
        prefectures and the home province's own units: a bare 天台 or 合作 is far
        more often a word than Zhejiang's or Gansu's county."""
        return division.level in ("province", "prefecture") or self.in_province(division.code)

    def province_names(self) -> tuple[str, ...]:
        """The home province's full and short names (湖南省, 湖南), longest first; () without one."""
        d = self.gazetteer.get(self.province)
        if d is None:
            return ()
        return tuple(n for n in (d.name, d.short) if n)


@functools.cache
def rule_lists(rules: str) -> dict[str, tuple[str, ...]]:
    """The sections of kg/data/rules/<rules>.txt, each a tuple of words in file order."""
    return {name: tuple(words) for name, words in data_sections(f"rules/{rules}.txt").items()}


@functools.cache
def rule_pairs(rules: str, section: str) -> dict[str, str]:
    return dict(word.split(":", 1) for word in rule_lists(rules)[section])


def province_code(value: str) -> str:
    """The GB/T 2260 code of a province given by its code (430000), its name (湖南省) or its short
    name (湖南); ValueError, saying what is expected, for anything else."""
    gaz = load_gazetteer()
    value = value.strip()
    d = gaz.get(value)
    if d is not None and d.level == "province":
        return d.code
    named = [d for d in gaz.lookup(value) if d.level == "province"]
    if len(named) == 1:
        return named[0].code
    raise ValueError(f"unknown province {value!r} (a province's name, such as 湖南, or its GB/T 2260 code, "
                     "such as 430000)")


@functools.cache
def load_lexicon(province: str = "") -> Lexicon:
    """The Lexicon of a home province (one per process and province)."""
    return Lexicon(province)


SCAN_CHARS = 3000       # of each text: a page's header and first stories say where it is from
PLACE_WEIGHTS = {"province": 4, "prefecture": 4, "county": 2}    # a short form counts 1 less, but a prefecture's
CLEAR_LEAD = 200        # votes ahead of every other province, and 3 times theirs: the rest need not be read


def infer_province(texts: Iterable[str]) -> str:
    """The province most of the places the texts name belong to: each province,
    prefecture or county named in full (株洲市, 攸县, 湖南省), by an old name (株洲县)
    or by its short form (湖南, 株洲, 浏阳; not one that is a common word) votes for its
    province: a province's or a prefecture's full name 4 and its short form 3, a county's 2
    and 1. Give the texts in a fixed order: reading stops once one province
    leads clearly. Ties go to the lower code; "" when no place is named."""
    index = province_surfaces()
    votes: Counter[str] = Counter()
    for text in texts:
        head = text[:SCAN_CHARS]
        i, n = 0, len(head) - 1
        while i < n:
            for surface, province, weight in index.get(head[i:i + 2], ()):
                if head.startswith(surface, i):
                    votes[province] += weight
                    i += len(surface) - 1
                    break
            i += 1
        if len(votes) and clear_lead(votes):
            break
    if not votes:
        return ""
    return min(votes, key=lambda code: (-votes[code], code))


def clear_lead(votes: Counter) -> bool:
    (first, n), *rest = votes.most_common(2) or [("", 0)]
    second = rest[0][1] if rest else 0
    return n - second >= CLEAR_LEAD and n >= 3 * second


@functools.cache
def province_surfaces() -> dict[str, tuple[tuple[str, str, int], ...]]:
    """Names that tell a province, by their first two characters, longest first: the full,
    old and short names of every unit above the township, each with its province's code
    (names shared by two provinces, and short forms that are common words, left out)."""
    gaz = load_gazetteer()
    common = frozenset(rule_lists("regions")["common_word_shorts"])
    old_names: dict[str, list[str]] = {}
    for old, renamed in gaz.renamings.items():
        for _, code, _ in renamed:
            old_names.setdefault(code, []).append(old)
    found: dict[str, set[str]] = {}
    weight: dict[str, int] = {}
    for d in gaz:
        if d.level == "township":
            continue
        province = d.code[:2] + "0000"        # GB/T 2260: a code's first two digits are its province's
        short = [d.short] if d.short not in common else []     # 浏阳 for 浏阳市, not 通道 (a word)
        for form in [d.name] + short + old_names.get(d.code, []):
            if len(form) >= 2:
                found.setdefault(form, set()).add(province)
                weight[form] = max(weight.get(form, 0), PLACE_WEIGHTS[d.level] - (form in short))
    index: dict[str, list[tuple[str, str, int]]] = {}
    for form, codes in sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        if len(codes) == 1:
            index.setdefault(form[:2], []).append((form, next(iter(codes)), weight[form]))
    return {key: tuple(forms) for key, forms in index.items()}

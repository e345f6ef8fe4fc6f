"""The rank (级别) of a post: 正部级 … 副科级, from the title, the kind of body and the level of the
body's place, as the table kg/data/ranks.tsv gives it (sources in kg/data/SOURCES.md).

    rank_of("书记", "party", "county")          -> "正处级"   (a 县委书记)
    rank_of("局长", "department", "county")     -> "正科级"   (a county bureau's head)
    rank_of("院长", body_kind("株洲市中心医院"), "prefecture") -> None (a hospital: no civil-service rank)

Bodies of a municipality's districts and of a sub-provincial city rank above their level
(kg/data/rank_places.tsv): pass the body's region code and rank_of moves the rank up."""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .terms import data_lines

RANKS = ("正部级", "副部级", "正厅级", "副厅级", "正处级", "副处级", "正科级", "副科级")   # highest first
LEVELS = ("province", "prefecture", "county", "township")
BODIES = ("party", "government", "congress", "cppcc", "discipline", "core", "court", "procuratorate",
          "department", "section")
NONE = "-"
# How many steps up a special place moves a rank, by the level of the body's place; None: no rank
# the table can give (the townships of sub-provincial cities rank differently city by city).
SHIFTS = {"municipality": {"province": 0, "prefecture": 2, "county": 2, "township": 2},
          "sub-provincial": {"prefecture": 1, "county": 1, "township": None}}


@functools.cache
def rank_table() -> dict[tuple[str, str], dict[str, str]]:
    """{(title, body): {level: rank}} from kg/data/ranks.tsv, levels without a rank left out."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    for line in data_lines("ranks.tsv"):
        title, body, *ranks, _basis = line.split("\t")
        if body not in BODIES or len(ranks) != len(LEVELS) or any(r not in RANKS + (NONE,) for r in ranks):
            raise ValueError(f"kg/data/ranks.tsv: bad row {line!r}")
        if (title, body) in table:
            raise ValueError(f"kg/data/ranks.tsv: {title} {body} twice")
        table[title, body] = {level: r for level, r in zip(LEVELS, ranks, strict=True) if r != NONE}
    return table


@functools.cache
def body_patterns() -> tuple[tuple[re.Pattern, str | None], ...]:
    rows = []
    for line in data_lines("rank_bodies.tsv"):
        pattern, body = line.split("\t")
        if body != NONE and body not in BODIES:
            raise ValueError(f"kg/data/rank_bodies.tsv: unknown body {body!r}")
        rows.append((re.compile(pattern), None if body == NONE else body))
    return tuple(rows)


@functools.cache
def special_places() -> tuple[tuple[str, str], ...]:
    """(code prefix, kind) of municipalities and sub-provincial cities, longest prefix first."""
    rows = [tuple(line.split("\t")[:2]) for line in data_lines("rank_places.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def level_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    rows = []
    for line in data_lines("rank_levels.tsv"):
        pattern, level = line.split("\t")
        if level not in LEVELS:
            raise ValueError(f"kg/data/rank_levels.tsv: unknown level {level!r}")
        rows.append((re.compile(pattern), level))
    return tuple(rows)


def name_level(name: str) -> str | None:
    """The level a body's name says it is at (镇党委, 街道党工委, 乡人民政府: township), or None
    when the name does not say (kg/data/rank_levels.tsv)."""
    return next((level for pattern, level in level_patterns() if pattern.search(name.strip())), None)


def body_kind(name: str, parents: Sequence[str] = ()) -> str | None:
    """The kind of body an institution's name says it is (party, government, congress, cppcc,
    discipline, core, court, procuratorate, department, section), or None outside the ranked
    civil service: hospitals, schools, companies, associations, villages, zones, and anything
    inside one of them (a hospital's 护理部: pass the names it is a sub-organisation of)."""
    if any(_match(parent) == (True, None) for parent in parents):
        return None
    return _match(name)[1]


def _match(name: str) -> tuple[bool, str | None]:
    """(whether a row of rank_bodies.tsv matches the name, the body kind it gives)."""
    for pattern, body in body_patterns():
        if pattern.search(name.strip()):
            return True, body
    return False, None


def rank_of(title: str, body: str | None, level: str, code: str = "") -> str | None:
    """The rank of a post titled `title` (as written, without the body: 书记, 副县长, 局长) in a
    body of kind `body` whose place is at `level` (province, prefecture, county, township), or
    None when the table knows no rank for it. `code`, the place's GB/T 2260 code, moves the rank
    up in a municipality's districts and a sub-provincial city."""
    if body is None or level not in LEVELS:
        return None
    rank = rank_table().get((title.strip(), body), {}).get(level)
    if rank is None or not code:
        return rank
    for prefix, kind in special_places():
        if code.startswith(prefix):
            shift = SHIFTS[kind].get(level, 0)
            if shift is None or RANKS.index(rank) < shift:
                return None
            return RANKS[RANKS.index(rank) - shift]
    return rank

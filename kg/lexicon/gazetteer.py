"""Administrative-division gazetteer of China (run time, stdlib only).

Data: ``kg/data/divisions.tsv`` and ``kg/data/renamings.tsv``, derived from
jionlp's division tree by ``scripts/build_lexicons.py`` (see
``kg/data/SOURCES.md``).  All provinces, prefecture-level and county-level
units of China carry 6-digit GB/T 2260 codes; for Hunan only, townships
(乡/镇/街道) are included with synthetic ids ``<county code>-<name>``.

Surface forms of a unit are its full name, its short form when that has at
least two characters (株洲市 -> 株洲; 长沙县 -> 长沙 too, so 长沙 is ambiguous),
and any old names it was renamed from (株洲县 -> 渌口区).  Ambiguity is kept:
resolving it is the caller's job (e.g. with ``is_within`` and context).
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple

__all__ = ["Division", "Gazetteer", "load_gazetteer", "LEVELS"]

LEVELS = ("province", "prefecture", "county", "township")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}
MIN_SHORT_LEN = 2


class Division(NamedTuple):
    """One unit (a tuple: five thousand are made at every start-up)."""
    code: str          # 6-digit GB/T 2260 for county and above; township id otherwise
    name: str          # full official name, e.g. 株洲市
    short: str         # short form or ""
    level: str         # province | prefecture | county | township
    parent: str        # parent code or ""


def _read_tsv(filename: str) -> list[list[str]]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    lines = text.split("\n")
    return [ln.split("\t") for ln in lines[1:] if ln]  # skip header


class Gazetteer:
    """In-memory index over divisions; build with :func:`load_gazetteer`."""

    def __init__(self, divisions: list[Division],
                 renamings: list[tuple[str, str, str, str]] = ()) -> None:
        by_code: dict[str, Division] = {}
        index: dict[str, list[str]] = {}      # surface -> codes, possibly repeated
        get = index.get
        for d in divisions:
            if d.level not in _LEVEL_RANK:
                raise ValueError(f"unknown level {d.level!r} for {d.code}")
            by_code[d.code] = d
            codes = get(d.name)
            if codes is None:
                index[d.name] = [d.code]
            else:
                codes.append(d.code)
            if len(d.short) >= MIN_SHORT_LEN:
                codes = get(d.short)
                if codes is None:
                    index[d.short] = [d.code]
                else:
                    codes.append(d.code)
        self._by_code = by_code
        self._divisions = divisions
        self._children_index: dict[str, list[str]] | None = None    # built on first use
        self.renamings: dict[str, list[tuple[str, str, str]]] = {}
        for old_name, new_name, code, date in renamings:
            if code in by_code and old_name:
                index.setdefault(old_name, []).append(code)
                self.renamings.setdefault(old_name, []).append((new_name, code, date))

        self._index: dict[str, tuple[str, ...]] = {
            s: (codes[0],) if len(codes) == 1 else tuple(sorted(set(codes), key=self._sort_key))
            for s, codes in index.items()
        }
        self.full_names: frozenset[str] = frozenset(d.name for d in by_code.values())

    # -- helpers -----------------------------------------------------------
    def _sort_key(self, code: str) -> tuple[int, str]:
        """Candidates and children are ordered province < prefecture < county < township, then by code."""
        return (_LEVEL_RANK[self._by_code[code].level], code)

    @property
    def _children(self) -> dict[str, list[str]]:
        if self._children_index is None:
            children: dict[str, list[str]] = {}
            for d in self._divisions:
                if d.parent:
                    children.setdefault(d.parent, []).append(d.code)
            for codes in children.values():
                codes.sort(key=self._sort_key)
            self._children_index = children
        return self._children_index

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self._by_code.values())

    # -- API -----------------------------------------------------------------
    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def lookup(self, surface: str) -> list[Division]:
        """Candidates for a surface form: full names, short forms (>= 2 chars),
        old names via renamings.  Ordered province < prefecture < county <
        township, then by code."""
        return [self._by_code[c] for c in self._index.get(surface.strip(), ())]

    def ancestors(self, code: str) -> list[Division]:
        """Parent chain up to the province, nearest first (excludes ``code``)."""
        out: list[Division] = []
        d = self._by_code.get(code)
        seen = {code}
        while d is not None and d.parent and d.parent not in seen:
            seen.add(d.parent)
            d = self._by_code.get(d.parent)
            if d is not None:
                out.append(d)
        return out

    def children(self, code: str) -> list[Division]:
        return [self._by_code[c] for c in self._children.get(code, ())]

    def surfaces(self) -> dict[str, list[str]]:
        """Every surface form -> candidate codes (ordered as in ``lookup``).
        A fresh dict each call, safe to mutate."""
        return {s: list(codes) for s, codes in self._index.items()}

    def surface_items(self):
        """(surface, codes) pairs as in :meth:`surfaces`, codes a tuple, without copying."""
        return self._index.items()

    def is_within(self, code: str, ancestor_code: str) -> bool:
        """True when ``ancestor_code`` is ``code`` itself or one of its
        ancestors (both must be known)."""
        if code not in self._by_code or ancestor_code not in self._by_code:
            return False
        if code == ancestor_code:
            return True
        return any(a.code == ancestor_code for a in self.ancestors(code))

    def province_of(self, code: str) -> Division | None:
        d = self._by_code.get(code)
        if d is None or d.level == "province":
            return d
        chain = self.ancestors(code)
        return chain[-1] if chain else None


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (parsed once per process)."""
    new = tuple.__new__       # Division(*row) without the Python-level __new__ frame
    divisions = [new(Division, row) for row in _read_tsv("divisions.tsv")]
    if any(len(d) != len(Division._fields) for d in divisions):
        raise ValueError("divisions.tsv: a row without five fields")
    renamings = [tuple(row) for row in _read_tsv("renamings.tsv")]
    return Gazetteer(divisions, renamings)

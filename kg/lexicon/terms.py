"""Loaders for the hand-made term lists in kg/data: titles, title modifiers,
non-post occupations, institution suffixes and department suffixes."""
from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple


def data_lines(filename: str) -> list[str]:
    """The lines of a file in kg/data, stripped, without blank lines and # comments."""
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def data_words(*filenames: str) -> frozenset[str]:
    """The space-separated words of word lists in kg/data."""
    return frozenset(w for filename in filenames for ln in data_lines(filename) for w in ln.split())


def data_sections(filename: str) -> dict[str, list[str]]:
    """The words of a word list in kg/data by [section], in file order."""
    sections: dict[str, list[str]] = {}
    words = sections.setdefault("", [])
    for line in data_lines(filename):
        if line.startswith("[") and line.endswith("]"):
            words = sections.setdefault(line[1:-1], [])
        else:
            words.extend(line.split())
    return sections


def _pairs(filename: str) -> dict[str, str]:
    return dict(ln.split("\t")[:2] for ln in data_lines(filename))


class Terms(NamedTuple):   # a named tuple, not a dataclass: `kg ner` need not import dataclasses
    titles: dict[str, str]              # core title -> category
    modifiers: tuple[str, ...]          # longest first
    non_posts: frozenset[str]
    org_suffixes: dict[str, str]        # suffix -> subtype
    departments: tuple[str, ...]

    def org_suffix(self, name: str) -> str:
        """The longest institution suffix `name` ends with, or ''."""
        for n in range(min(6, len(name)), 0, -1):
            if name[-n:] in self.org_suffixes:
                return name[-n:]
        return ""


@functools.cache
def load_terms() -> Terms:
    return Terms(
        titles=_pairs("titles.tsv"),
        modifiers=tuple(sorted(data_lines("title_modifiers.txt"), key=len, reverse=True)),
        non_posts=frozenset(data_lines("non_posts.txt")),
        org_suffixes=_pairs("org_suffixes.tsv"),
        departments=tuple(data_lines("departments.txt")),
    )

"""Shared helpers: run the real pipeline on text written to a file."""
from __future__ import annotations

import os

import pytest

from kg.pipeline import extract_file
from kg.resolve.merge import merge

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")


def exports(folder) -> dict[str, bytes]:
    """Every file an export folder holds (the cache left out), by relative path."""
    found = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".cache"]
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                found[os.path.relpath(os.path.join(root, f), folder)] = fh.read()
    return found


def extract_text(tmp_path, text: str, name: str = "news.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return merge([extract_file(str(path))])


def posts(merged) -> set[tuple[str, str, str]]:
    """(person, title, institution) for every post."""
    return {(f.subject.name, f.title, f.object.name) for f in merged.facts if f.predicate == "holds_post"}


def names(merged, kind: str) -> set[str]:
    return {info.label for key, info in merged.entities.items() if key.kind == kind}


@pytest.fixture
def extract(tmp_path):
    return lambda text, name="news.txt": extract_text(tmp_path, text, name)

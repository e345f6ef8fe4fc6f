"""Shared helpers: run the real pipeline on text."""
from __future__ import annotations

import os

import pytest

import kg

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


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """One build of the seeds, every format, no cache: (output folder, BuildReport), for tests that
    only read it. A test that changes the folder copies it first (shutil.copytree)."""
    from kg.build import build
    out = tmp_path_factory.mktemp("seeds-build")
    report = build([SEEDS], str(out), workers=1, cache=False)
    return out, report


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    """The seeds build's graph.ttl parsed by rdflib, once: read it, do not change it."""
    import rdflib
    return rdflib.Graph().parse(seeds_build[0] / "graph.ttl", format="turtle")


def posts(merged) -> set[tuple[str, str, str]]:
    """(person, title, institution) for every post held: not those a source ends (免去: status ended),
    as officials.rq reads the graph."""
    return {(f.subject.name, f.title, f.object.name) for f in merged.facts
            if f.predicate == "holds_post" and f.status != "ended"}


def names(merged, kind: str) -> set[str]:
    return {info.label for key, info in merged.entities.items() if key.kind == kind}


@pytest.fixture
def extract():
    """The graph of one text (kg.extract_text)."""
    return lambda text, name="news.txt": kg.extract_text(text, name)

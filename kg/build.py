"""`kg build`: files in, exports out. Per-file work (read, extract) runs in a
process pool; the merge and the exports run once, in a fixed order, so the
output is the same for any number of workers and any order of inputs."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .export.atomic import write_text
from .export.html import write_html
from .export.turtle import serialize
from .graph.network import to_network
from .graph.rdf import to_rdf
from .ingest.read import InputError, find_inputs
from .model import FileResult
from .pipeline import extract_file
from .resolve.merge import Merged, merge


class BuildError(Exception):
    """Nothing could be built; the message says why in one line."""


@dataclass
class BuildReport:
    files: int = 0
    skipped: list[str] = field(default_factory=list)
    articles: int = 0
    sentences: int = 0
    entities: Counter = field(default_factory=Counter)
    posts: int = 0
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items()))
        out = [f"files read: {self.files}, skipped: {len(self.skipped)}",
               f"articles: {self.articles}, sentences: {self.sentences}",
               f"entities: {ents}",
               f"posts: {self.posts}, other relations: {self.facts}, triples: {self.triples}",
               f"warnings: {len(self.skipped)}",
               f"wrote: {', '.join(self.outputs)} in {self.seconds:.1f} s"]
        return out


def doc_ids(paths: list[str]) -> dict[str, str]:
    """File stem as the document id; stems shared by several files get their path's hash."""
    import hashlib
    stems = Counter(os.path.splitext(os.path.basename(p))[0] for p in paths)
    ids = {}
    for p in paths:
        stem = os.path.splitext(os.path.basename(p))[0]
        ids[p] = stem if stems[stem] == 1 else f"{stem}-{hashlib.sha1(os.path.abspath(p).encode()).hexdigest()[:8]}"
    return ids


def _extract_one(args: tuple[str, str]) -> FileResult | str:
    path, doc_id = args
    try:
        return extract_file(path, doc_id)
    except InputError as exc:
        return f"{path}: {exc}"
    except RecursionError:
        return f"{path}: too deeply nested to read"


def extract_all(paths: list[str], workers: int) -> tuple[list[FileResult], list[str]]:
    ids = doc_ids(paths)
    jobs = [(p, ids[p]) for p in paths]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_extract_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    else:
        outcomes = [_extract_one(j) for j in jobs]
    results = [o for o in outcomes if isinstance(o, FileResult)]
    skipped = [o for o in outcomes if isinstance(o, str)]
    return results, skipped


def build(inputs: list[str], out: str, workers: int = 1, warn=lambda msg: print(f"warning: {msg}", file=sys.stderr)) -> BuildReport:
    t0 = time.perf_counter()
    try:
        paths = find_inputs(inputs)
    except InputError as exc:
        raise BuildError(str(exc)) from None
    if not paths:
        raise BuildError(f"no input files (*.txt, *.html) in {', '.join(inputs)}")
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create output folder {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise BuildError(f"output folder {out} is not writable")
    results, skipped = extract_all(paths, workers)
    for msg in skipped:
        warn(msg)
    if not results:
        raise BuildError(f"none of the {len(paths)} input files could be read")
    merged = merge(results)
    report = summarize(merged, len(results), skipped)
    graph = to_rdf(merged)
    report.triples = len(graph)
    ttl = os.path.join(out, "graph.ttl")
    write_text(ttl, serialize(graph))
    html_path = os.path.join(out, "graph.html")
    write_html(to_network(merged), html_path)
    report.outputs = [ttl, html_path]
    report.seconds = time.perf_counter() - t0
    return report


def summarize(merged: Merged, files: int, skipped: list[str]) -> BuildReport:
    r = BuildReport(files=files, skipped=skipped)
    for d in merged.documents:
        r.articles += len(d.articles)
        r.sentences += sum(len(a.sentences) for a in d.articles)
    for key in merged.entities:
        r.entities[key.kind] += 1
    r.posts = sum(1 for f in merged.facts if f.predicate == "holds_post")
    r.facts = len(merged.facts) - r.posts
    return r

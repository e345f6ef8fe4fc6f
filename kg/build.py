"""`kg build`: files in, exports out. Per-file work (read, extract) runs in a
process pool; the merge and the exports run once, in a fixed order, so the
output is the same for any number of workers and any order of inputs."""
from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
import warnings
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

from . import __version__, faults
from .cache import Cache, content_hash, dating, entry
from .children import die_with_parent
from .export.formats import FORMATS, TABLE_FORMATS, write_exports
from .export.output_folder import BusyError, OutputFolder
from .export.posts_csv import write_posts_csv
from .export.rdf_files import write_rdf
from .ingest.dates import DEFAULT_POLICY, POLICIES
from .ingest.inputs import Inputs, doc_ids, scan_inputs
from .ingest.read import InputError, InputWarning, read_file, readable_name
from .lexicon.gazetteer import load_gazetteer
from .lexicon.lexicon import infer_province, province_code
from .model import FileResult, FileSummary, Merged
from .pipeline import extract_file
from .progress import Progress
from .resolve.merge import Merger, compact


class BuildError(Exception):
    """Nothing could be built; the message says why in one line."""


@dataclass
class BuildReport:
    files: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # files read, but damaged: "path: what"
    articles: int = 0
    sentences: int = 0
    entities: Counter = field(default_factory=Counter)
    posts: int = 0
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    cached: int = 0      # files whose extraction came from the cache
    province: str = ""   # the home province the corpus was read in
    outputs: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items()))
        home = load_gazetteer().get(self.province)
        out = [f"files read: {self.files} ({self.cached} from cache), skipped: {len(self.skipped)}",
               f"home province: {home.name} ({home.code})" if home else "home province: none found",
               f"articles: {self.articles}, sentences: {self.sentences}",
               f"entities: {ents}",
               f"posts: {self.posts}, other relations: {self.facts}, triples: {self.triples}",
               f"warnings: {len(self.skipped) + len(self.warnings)}",
               f"wrote: {', '.join(self.outputs)} in {self.seconds:.1f} s"]
        return out


@dataclass
class Job:
    path: str
    doc_id: str
    province: str = ""   # the corpus's home province
    sha256: str = ""     # of the file, when the build keeps a cache
    cached: bool = False
    dates: str = DEFAULT_POLICY   # --date-from: how its articles are dated (kg.ingest.dates.POLICIES)

    @property
    def dating(self) -> str:
        """What its dates depend on besides its content (kg.cache.dating): part of its cache key."""
        return dating(self.path, self.dates)


class Extracted(NamedTuple):
    summary: FileSummary
    entry: bytes | None    # its cache entry, made where the file was extracted (in parallel), if asked for


class WorkerMismatch(Exception):
    """A remote worker runs different extraction code or lexicons than the client."""


def extract_one(path: str, doc_id: str, province: str, cache_entry: bool = False, dates: str = DEFAULT_POLICY,
                named: str | None = None) -> Extracted | str:
    """One file to a FileSummary (and its cache entry, if asked for), or why the file was skipped.
    `dates`: the --date-from policy; `named`: the path a date in the file's name is read from
    (default: `path`)."""
    named = path if named is None else named
    try:
        with warnings.catch_warnings(record=True) as caught:   # a file read, but damaged (kg.ingest.read)
            warnings.simplefilter("always", InputWarning)
            result = extract_file(path, doc_id, province, dates, named)
        result.document.name = readable_name(result.document.name)
        result.warnings.extend(str(w.message) for w in caught if issubclass(w.category, InputWarning))
        summary = compact(result)
        return Extracted(summary, entry(summary, os.path.basename(path), dating(named, dates))
                         if cache_entry else None)
    except InputError as exc:
        return str(exc)
    except RecursionError:
        return "too deeply nested to read"


def extract_sent(data: bytes, name: str, doc_id: str, province: str, fingerprint: str,
                 cache_entry: bool, dates: str = DEFAULT_POLICY, named: str | None = None) -> Extracted | str:
    """extract_one on a Dask worker, which gets the file's bytes, not its path (`named`: the
    client's path, which a date in the file's or its folder's name is read from)."""
    from .cache import fingerprint as worker_fingerprint
    if worker_fingerprint() != fingerprint:
        raise WorkerMismatch(f"kg {__version__} on this worker extracts differently "
                             f"({worker_fingerprint()[:12]}, client {fingerprint[:12]}): "
                             "install the same kg on workers")
    with tempfile.TemporaryDirectory(prefix="kg-") as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as fh:
            fh.write(data)
        return extract_one(path, doc_id, province, cache_entry, dates, named)


class LocalEngine:
    """Per-file extraction in this process (workers=1) or a process pool."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = None
        self.window = max(2, workers * 4)

    def submit(self, job: Job, cache_entry: bool):
        if self.workers <= 1:   # in this process: no pickling there and back
            return _Done(extract_one(job.path, job.doc_id, job.province, cache_entry, job.dates))
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=die_with_parent,
                                            initargs=(os.getpid(),))
        return self.pool.submit(extract_one, job.path, job.doc_id, job.province, cache_entry, job.dates)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class DaskEngine:
    """Per-file extraction on a Dask distributed cluster; files travel as bytes,
    so workers need kg installed but not the client's file system."""

    def __init__(self, scheduler: str):
        try:
            from dask.distributed import Client
            from distributed.comm import resolve_address
        except ImportError:
            raise BuildError("--engine dask needs dask.distributed: pip install 'hunan-kg[dask]'") from None
        from .cache import fingerprint
        try:
            resolve_address(scheduler)   # a malformed address fails here, before a Client exists
        except ValueError as exc:
            raise BuildError(f"bad Dask scheduler address {scheduler!r}: {exc}") from None
        except OSError as exc:
            raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            self.client = Client(scheduler, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.fingerprint = fingerprint()
        self.window = max(8, 4 * sum(self.client.nthreads().values()))

    def submit(self, job: Job, cache_entry: bool):
        try:
            with open(job.path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return _Done(f"cannot read: {exc.strerror or exc}")
        return self.client.submit(extract_sent, data, os.path.basename(job.path), job.doc_id, job.province,
                                  self.fingerprint, cache_entry, job.dates, job.path, pure=False)

    def close(self) -> None:
        self.client.close()


class _Done:
    """An already-known outcome, queued like a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def summaries(jobs: list[Job], engine, cache: Cache | None) -> Iterator[tuple[Job, FileSummary | str]]:
    """(job, FileSummary or the reason it was skipped), in job order. Cached files are
    not extracted again; at most engine.window files are in flight, so memory does
    not grow with the corpus."""
    queue: deque = deque()

    def finish(job: Job, pending) -> tuple[Job, FileSummary | str]:
        outcome = pending.result()
        if isinstance(outcome, str):
            return job, f"{job.path}: {outcome}"
        if isinstance(outcome, FileSummary):   # from the cache
            return job, outcome
        summary, data = outcome
        summary.result.document.path = job.path
        if cache is not None and data is not None and summary.result.document.sha256 == job.sha256:
            # the file did not change meanwhile
            cache.put(job.sha256, job.doc_id, os.path.basename(job.path), data, job.dating)
        return job, summary

    for job in jobs:
        hit = None
        if cache is not None:
            try:
                job.sha256 = content_hash(job.path)
                hit = cache.get(job.sha256, job.doc_id, os.path.basename(job.path), job.dating)
            except OSError:
                pass   # the extractor reports the unreadable file
        if hit is not None:
            job.cached = True
            hit.result.document.path = job.path
            queue.append((job, _Done(hit)))
        else:
            queue.append((job, engine.submit(job, cache is not None)))
        while len(queue) > engine.window:
            yield finish(*queue.popleft())
    while queue:
        yield finish(*queue.popleft())


def corpus_province(paths: list[str]) -> str:
    """The home province of a corpus: the one most of its places belong to (infer_province),
    its files read in a fixed order. Files that cannot be read are left to the extraction,
    which reports them."""
    def texts():
        for path in sorted(paths):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", InputWarning)
                    yield read_file(path).text
            except (InputError, RecursionError):
                continue
    return infer_province(texts())


def extract_all(paths: list[str], workers: int, dates: str = DEFAULT_POLICY) -> tuple[list[FileResult], list[str]]:
    """Every file's compact FileResult (in doc_id order) and the skip messages; no cache."""
    ids = doc_ids(paths)
    province = corpus_province(paths)
    engine = LocalEngine(workers)
    results, skipped = [], []
    try:
        jobs = sorted((Job(p, ids[p], province, dates=dates) for p in paths), key=lambda j: j.doc_id)
        for _, outcome in summaries(jobs, engine, None):
            if isinstance(outcome, str):
                skipped.append(outcome)
            else:
                results.append(outcome.result)
    finally:
        engine.close()
    return results, skipped


def build(inputs: list[str], out: str, workers: int = 1, warn=lambda msg: print(f"warning: {msg}", file=sys.stderr),
          *, cache: bool = True, cache_dir: str | None = None, engine: str = "local", scheduler: str | None = None,
          progress: bool = False, formats=FORMATS, strict: bool = False, province: str | None = None,
          date_from: str = DEFAULT_POLICY) -> BuildReport:
    """`date_from`: how articles are dated (kg.ingest.dates.POLICIES): from the text (page header,
    HTML meta, dateline), then the file's name (the default), one of them, or none."""
    t0 = time.perf_counter()
    if date_from not in POLICIES:
        raise BuildError(f"unknown --date-from {date_from!r}: choose from {', '.join(POLICIES)}")
    if province:
        try:
            province = province_code(province)
        except ValueError as exc:
            raise BuildError(str(exc)) from None
    try:
        found = scan_inputs(inputs, skip=(out,) + ((cache_dir,) if cache_dir else ()))
    except InputError as exc:
        raise BuildError(str(exc)) from None
    if not found.files:
        for msg in found.warnings:
            warn(msg)
        raise BuildError(f"no input files (*.txt, *.html) in {', '.join(inputs)}")
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create output folder {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise BuildError(f"output folder {out} is not writable")
    later: list[str] = []   # warnings wait until the progress bar is gone
    try:
        with OutputFolder(out, later.append) as folder:
            report = _build_into(folder, found, workers, later, cache=cache, cache_dir=cache_dir, engine=engine,
                                 scheduler=scheduler, progress=progress, formats=formats, strict=strict,
                                 province=province, date_from=date_from)
    except BusyError as exc:
        raise BuildError(str(exc)) from None
    finally:
        for msg in later:
            warn(msg)
    report.seconds = time.perf_counter() - t0
    return report


def _build_into(folder: OutputFolder, found: Inputs, workers: int, later: list[str], *, cache, cache_dir,
                engine, scheduler, progress, formats, strict, province, date_from) -> BuildReport:
    out = folder.out
    ids = doc_ids(found.files)
    if province is None:
        province = corpus_province([f.path for f in found.files])
    jobs = sorted((Job(f.path, ids[f.path], province, dates=date_from) for f in found.files), key=lambda j: j.doc_id)
    # the cache in OUT is this build's alone while it holds OUT's lock; one given with --cache may be shared
    store = Cache(cache_dir or os.path.join(out, ".cache"), later.append, shared=cache_dir is not None,
                  province=province) if cache else None
    if engine not in ("local", "dask"):
        raise BuildError(f"unknown engine {engine!r}: choose local or dask")
    if engine == "dask" and not scheduler:
        raise BuildError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    runner = DaskEngine(scheduler) if engine == "dask" else LocalEngine(workers)
    merger, report = Merger(spill=True), BuildReport(skipped=list(found.warnings))   # folders not read
    bar = Progress(len(jobs), enabled=progress)
    try:
        try:
            for job, outcome in summaries(jobs, runner, store):
                if isinstance(outcome, str):
                    report.skipped.append(outcome)
                    bar.step(0)
                    continue
                merger.add(outcome.result)
                report.warnings.extend(f"{job.path}: {w}" for w in outcome.result.warnings)
                report.files += 1
                report.articles += outcome.articles
                report.sentences += outcome.sentences
                bar.step(outcome.chars, cached=job.cached)
                faults.checkpoint("extracting")
        except WorkerMismatch as exc:
            raise BuildError(str(exc)) from None
        finally:
            runner.close()
        if strict and (report.skipped or report.warnings):
            raise BuildError(f"--strict: {len(report.skipped) + len(report.warnings)} warnings "
                             f"({len(report.skipped)} files or folders skipped); no exports written")
        if report.files:
            bar.stage("merge + exports")
            merged = merger.finish()
            count(merged, report)
            try:
                staging = folder.stage()
                written, report.triples = _write_all(staging, merged, formats,
                                                     beside=workers > 1 and engine == "local")
                folder.commit(written)
            except OSError as exc:
                raise BuildError(f"cannot write to {out}: {exc.strerror or exc}") from None
            report.outputs = [folder.final(p) for p in written]
    finally:
        bar.close()
        later.extend(report.skipped + report.warnings)
    if not report.files:
        raise BuildError(f"none of the {len(found.files)} input files could be read")
    report.cached = store.hits if store else 0
    report.province = province
    return report


NETWORK_FORMATS = ("graphml", "gexf", "html", "neo4j")   # written from the network view, not the RDF graph
_network_job: tuple | None = None   # what a forked exporter inherits instead of unpickling


def _write_network_job() -> list[str]:
    out, merged, formats = _network_job
    return write_exports(out, merged, None, formats)


def _write_all(out: str, merged: Merged, formats, beside: bool) -> tuple[list[str], int]:
    """Every export; (paths, triples). With `beside`, a forked process writes the
    network formats while this one streams the RDF ones: the exports are the
    part of a build that per-file workers cannot share. Same files either way."""
    global _network_job
    network = [f for f in formats if f in NETWORK_FORMATS]
    rdf = [f for f in formats if f not in NETWORK_FORMATS and f not in TABLE_FORMATS]
    side = None
    if beside and network and rdf and "fork" in multiprocessing.get_all_start_methods():
        _network_job = (out, merged, network)
        side = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))
        pending = side.submit(_write_network_job)
        faults.checkpoint("exporting")
    try:
        written, triples = write_rdf(out, merged, rdf)
        tables = [write_posts_csv(out, merged)] if "posts" in formats else []
        written += (pending.result() if side else write_exports(out, merged, None, network)) + tables
    finally:
        if side:
            side.shutdown(wait=True, cancel_futures=True)
            _network_job = None
    return written, triples   # RDF formats first, then the network's, then posts.csv, as in FORMATS


def count(merged: Merged, report: BuildReport) -> None:
    for key in merged.entities:
        report.entities[key.kind] += 1
    report.posts = sum(1 for f in merged.facts if f.predicate == "holds_post")
    report.facts = len(merged.facts) - report.posts

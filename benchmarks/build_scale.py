"""How `kg build` scales: a corpus of any size made from the seeds, then, in one
run and one table, jieba.lcut's own speed on the same files (the floor: our
pipeline segments too), `kg build` with 1 and with all workers (characters per
second, peak memory of the whole process tree), a cached rebuild after one
file is added, and the latency of the bundled SPARQL queries from an on-disk
pyoxigraph store of the result.

    pip install -e . jieba psutil      # jieba is the reference only, not a kg dependency
    python benchmarks/build_scale.py --mb 8 --files 400
    python benchmarks/build_scale.py --mb 80 --files 4000 --work /tmp/kg-bench80

Targets (issue 7): 1 worker <= 2x jieba.lcut's time; 2 workers >= 1.6x faster
than 1 on two cores; peak memory < 1.5 GB, and < 3x of it at 10x the corpus;
each bundled query < 1 s from the store."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "ontology" / "queries"
BLOCK = re.compile(r"\n[ \t\u3000]*\n")
SENTENCE_END = re.compile(r"(?<=[。！？!?])")


# ---------------------------------------------------------------- corpus
def seed_blocks() -> list[list[str]]:
    """Each seed file as its blank-line separated blocks (headline, byline, paragraphs)."""
    return [BLOCK.split(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def shuffled(blocks: list[str], rng: random.Random) -> list[str]:
    """The same blocks in the same order, the sentences inside each paragraph shuffled."""
    out = []
    for b in blocks:
        parts = [s for s in SENTENCE_END.split(b) if s]
        if len(parts) > 2:
            rng.shuffle(parts)
        out.append("".join(parts))
    return out


def make_corpus(folder: Path, mb: float, files: int, seed: int = 0) -> tuple[int, int]:
    """`files` UTF-8 files of about mb/files MB each; returns (bytes, characters)."""
    seeds = seed_blocks()
    target = mb * 1_000_000 / files
    folder.mkdir(parents=True, exist_ok=True)
    total_bytes = total_chars = 0
    for i in range(files):
        rng = random.Random(f"{seed}:{i}")
        blocks, size, n = [], 0, i
        while size < target:
            for b in shuffled(seeds[n % len(seeds)], rng):
                blocks.append(b)
                size += len(b.encode("utf-8")) + 2
                if size >= target:
                    break
            n += 1
        text = "\n\n".join(blocks) + "\n"
        name = f"{i:06d}_{hashlib.sha1(text.encode()).hexdigest()[:16]}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        total_bytes += len(text.encode("utf-8"))
        total_chars += len(text)
    return total_bytes, total_chars


# ---------------------------------------------------------------- measurements
def jieba_rate(folder: Path) -> tuple[float, int]:
    """Seconds jieba.lcut takes over every file (dictionary already loaded), and the characters."""
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t, sum(map(len, texts))


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident memory of the process tree (bytes, sampled), stdout."""
    import psutil
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                tree = [root] + root.children(recursive=True)
                rss = 0
                for p in tree:
                    try:
                        rss += p.memory_info().rss
                    except psutil.NoSuchProcess:
                        pass
                peak = max(peak, rss)
            except psutil.NoSuchProcess:
                return
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return seconds, peak, out


FORMATS: list[str] = []   # extra `kg build` arguments, e.g. ["--formats", "ttl,html"]


def kg_build(corpus: Path, out: Path, workers: int, cache: bool = False) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--workers", str(workers), *FORMATS]
    if not cache:
        cmd.append("--no-cache")
    return run_measured(cmd)


def stages(corpus: Path) -> dict[str, float]:
    """Where one worker's time goes: extraction, merge, the RDF exports, each other export (in this process)."""
    from kg.build import Job, LocalEngine, doc_ids, summaries
    from kg.export import formats as exports
    from kg.ingest.inputs import find_inputs
    from kg.resolve.merge import Merger
    times, t = {}, time.perf_counter()

    def lap(name):
        nonlocal t
        times[name] = time.perf_counter() - t
        t = time.perf_counter()

    paths = find_inputs([str(corpus)])
    ids = doc_ids(paths)
    merger = Merger()
    for _, summary in summaries(sorted((Job(p, ids[p]) for p in paths), key=lambda j: j.doc_id), LocalEngine(1), None):
        if not isinstance(summary, str):
            merger.add(summary.result)
    lap("read + extract (per file)")
    merged = merger.finish()
    lap("merge")
    with tempfile.TemporaryDirectory() as out:
        exports.write_exports(out, merged, None, ["ttl", "jsonld", "nt"])   # one pass, streamed from the merge
        lap("export ttl + jsonld + nt")
        for fmt in ("graphml", "gexf", "html", "neo4j"):
            exports.write_exports(out, merged, None, [fmt])
            lap(f"export {fmt} (+ network view)")
    return times


# Queries written for one value of a variable (their header shows `--bind NAME=...`)
# are timed as documented, with a value found in the graph, and also unbound.
SAMPLE_VALUES = {"sentence": "PREFIX org: <http://www.w3.org/ns/org#> PREFIX prov: <http://www.w3.org/ns/prov#> "
                             "SELECT (MIN(STR(?s)) AS ?v) WHERE { ?f a org:Membership ; prov:wasDerivedFrom ?s }"}
UNBOUND_TIMEOUT = 30


def bound_variable(query: Path) -> str | None:
    m = re.search(r"--bind (\w+)=", query.read_text(encoding="utf-8"))
    return m.group(1) if m and m.group(1) in SAMPLE_VALUES else None


def sample_values(store_dir: Path) -> dict[str, str]:
    import pyoxigraph
    store = pyoxigraph.Store.read_only(str(store_dir))
    out = {}
    for name, query in SAMPLE_VALUES.items():
        row = next(iter(store.query(query)), None)
        if row is not None and row[0] is not None:
            out[name] = row[0].value
    return out


def query_latency(ttl: Path, store_dir: Path, repeats: int = 5, timeout: float = 120):
    """Seconds to load graph.ttl into an on-disk store; per query (first run, median of
    repeats, rows), each query in its own process so that a runaway query is cut at `timeout`.
    A query meant for one value (`--bind`) is timed bound to a value from the graph and,
    as `NAME.rq (unbound)`, without it, cut at UNBOUND_TIMEOUT."""
    import pyoxigraph
    sys.path.insert(0, str(ROOT))
    from kg.sparql.queries import bind
    shutil.rmtree(store_dir, ignore_errors=True)
    t = time.perf_counter()
    store = pyoxigraph.Store(str(store_dir))
    store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    store.flush()
    load = time.perf_counter() - t
    del store
    samples = sample_values(store_dir)

    def run(path: Path, limit: float):
        try:
            proc = subprocess.run([sys.executable, __file__, "--time-query", str(store_dir), str(path), str(repeats)],
                                  capture_output=True, text=True, timeout=limit)
            return tuple(json.loads(proc.stdout))
        except subprocess.TimeoutExpired:
            return None, None, None

    results = {}
    for q in sorted(QUERIES.glob("*.rq")):
        var = bound_variable(q)
        if var and var in samples:
            bound = store_dir.parent / f"{q.stem}.bound.rq"
            bound.write_text(bind(q.read_text(encoding="utf-8"), [f"{var}={samples[var]}"]), encoding="utf-8")
            results[f"{q.name} --bind {var}=…"] = run(bound, timeout)
            results[f"{q.name} (unbound)"] = run(q, UNBOUND_TIMEOUT)
        else:
            results[q.name] = run(q, timeout)
    return load, results, samples


def kg_query_latency(ttl: Path, store_dir: Path, samples: dict[str, str],
                     timeout: float = 120) -> tuple[float, dict[str, float | None]]:
    """The whole `kg query NAME --store DIR` command as a user runs it (process start
    included): seconds of the first call, which fills the store, then of each bundled
    query (bound as in query_latency where it is meant for one value)."""
    shutil.rmtree(store_dir, ignore_errors=True)

    def run(name: str, *extra: str, limit: float = timeout) -> float | None:
        t = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "kg.cli", "query", name, "--graph", str(ttl),
                            "--store", str(store_dir),
                            "--format", "tsv", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=limit, check=True)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
            return None
        return time.perf_counter() - t

    first = run("regions")
    times = {}
    for q in sorted(QUERIES.glob("*.rq")):
        var = bound_variable(q)
        if var and var in samples:
            times[f"{q.name} --bind {var}=…"] = run(q.stem, "--bind", f"{var}={samples[var]}")
            times[f"{q.name} (unbound)"] = run(q.stem, limit=UNBOUND_TIMEOUT)
        else:
            times[q.name] = run(q.stem)
    return first, times


def time_query(store_dir: str, query: str, repeats: int) -> None:
    """Child of query_latency: open the store as a later `kg query` would, time one query."""
    import pyoxigraph
    store = pyoxigraph.Store.read_only(store_dir)
    text = Path(query).read_text(encoding="utf-8")
    times, rows = [], 0
    for _ in range(repeats + 1):
        t = time.perf_counter()
        rows = sum(1 for _ in store.query(text))
        times.append(time.perf_counter() - t)
    print(json.dumps([times[0], statistics.median(times[1:]), rows]))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        import psutil
        mem = f", {psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, {platform.system()}"


# ---------------------------------------------------------------- report
def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--time-query"]:
        time_query(argv[1], argv[2], int(argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=8, help="corpus size in MB (default 8)")
    ap.add_argument("--files", type=int, default=400, help="number of files (default 400)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="the 'all workers' run (default: all cores)")
    ap.add_argument("--work", default=None, help="folder for corpus and outputs (default: a temporary one, removed)")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--formats", default=None, help="passed to kg build --formats (default: kg build's default)")
    ap.add_argument("--stages", action="store_true", help="also time each stage of a one-worker build in-process")
    args = ap.parse_args(argv)
    if args.formats:
        FORMATS[:] = ["--formats", args.formats]

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        size, chars = make_corpus(corpus, args.mb, args.files)
        print(f"corpus: {args.files} files, {size / 1e6:.1f} MB, {chars:,} characters ({corpus})", file=sys.stderr)

        j_sec, _ = jieba_rate(corpus)
        rows = [("jieba.lcut (reference, 1 process)", j_sec, None, "")]
        one_sec, one_mem, _ = kg_build(corpus, work / "out1", 1)
        rows.append(("kg build --workers 1", one_sec, one_mem, f"{one_sec / j_sec:.2f}x jieba time (target <= 2)"))
        n_sec, n_mem, report = kg_build(corpus, work / "outN", args.workers)
        rows.append((f"kg build --workers {args.workers}", n_sec, n_mem,
                     f"{one_sec / n_sec:.2f}x faster than 1 worker (target >= 1.6 on 2 cores)"))
        same = all((work / "out1" / f).read_bytes() == (work / "outN" / f).read_bytes()
                   for f in ("graph.ttl", "graph.html"))

        # incremental: build with a cache, add one file, rebuild
        kg_build(corpus, work / "outC", args.workers, cache=True)
        make_corpus(work / "extra", args.mb / args.files, 1, seed=1)
        extra = next((work / "extra").glob("*.txt"))
        shutil.move(str(extra), corpus / ("zz" + extra.name))
        c_sec, c_mem, c_out = kg_build(corpus, work / "outC", args.workers, cache=True)
        cached = re.search(r"\((\d+) from cache\)", c_out)
        rows.append(("kg build, cached, +1 file", c_sec, c_mem, f"{cached.group(1) if cached else '?'} of "
                     f"{args.files + 1} files from cache"))

        triples = re.search(r"triples: (\d+)", report)
        load, queries, samples = query_latency(work / "outN" / "graph.ttl", work / "store")
        kg_first, kg_queries = kg_query_latency(work / "outN" / "graph.ttl", work / "kg-store", samples)
        split = stages(corpus) if args.stages else {}
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\nmachine: {machine()}")
    print(f"corpus: {args.files} files, {size / 1e6:.1f} MB, {chars:,} characters; graph: "
          f"{int(triples.group(1)) if triples else 0:,} triples; "
          f"outputs identical for 1 and {args.workers} workers: {same}\n")
    print("| run | seconds | chars/s | peak memory | note |")
    print("|---|---:|---:|---:|---|")
    for name, sec, mem, note in rows:
        memory = f"{mem / 2**20:,.0f} MiB" if mem else ""
        print(f"| {name} | {sec:.1f} | {chars / sec / 1000:,.0f}k | {memory} | {note} |")
    print(f"\nquery latency, on-disk pyoxigraph store (bulk load of graph.ttl: {load:.1f} s):\n")
    print("| query | first run | median of 5 | rows | whole `kg query NAME --store DIR` |")
    print("|---|---:|---:|---:|---:|")

    def ms(sec, limit=120):
        return f"> {limit} s (stopped)" if sec is None else f"{sec * 1000:,.0f} ms"
    for name, (first, median, n) in queries.items():
        limit = UNBOUND_TIMEOUT if name.endswith("(unbound)") else 120
        whole = ms(kg_queries[name], limit) if name in kg_queries else ""
        if first is None:
            print(f"| {name} | > {limit} s (stopped) | | | {whole} |")
        else:
            print(f"| {name} | {first * 1000:,.0f} ms | {median * 1000:,.0f} ms | {n:,} | {whole} |")
    print(f"\n(the first `kg query --store` call, which fills the store from graph.ttl: {ms(kg_first)})")
    if split:
        total = sum(split.values())
        print("\none worker, stage by stage (in-process):\n")
        print("| stage | seconds | share |")
        print("|---|---:|---:|")
        for name, sec in split.items():
            print(f"| {name} | {sec:.1f} | {sec / total:.0%} |")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": machine(), "files": args.files, "bytes": size, "chars": chars,
            "triples": int(triples.group(1)) if triples else 0, "identical": same,
            "runs": [{"run": n, "seconds": s, "peak_bytes": m, "note": note} for n, s, m, note in rows],
            "store_load_seconds": load, "kg_query_first_seconds": kg_first, "kg_query_seconds": kg_queries,
            "queries": {k: {"first": f, "median": m, "rows": r} for k, (f, m, r) in queries.items()},
            "sample_values": samples,
            "stages": split}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

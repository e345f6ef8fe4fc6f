"""Is `kg build` (and `kg ner`) linear in the size of one input? Time per character
for growing inputs of two kinds, each run in a fresh process pinned to one CPU:

* repeat: one line repeating one post, '株洲市委书记张三说。' (one huge article,
  one person named again and again: what made the old code quadratic), as a
  .txt file for `kg build` and as one JSON line for `kg ner`;
* news: one file of ordinary news, whole documents of seeds/ and of a folder
  of other news (default ../shared/dev/docs, if it is there) concatenated in a
  shuffled order until the size is reached; `kg ner` reads it as one JSON line
  per paragraph.

The time is measured inside the process after a warm-up run on a tiny input
(the segmenter's dictionary loaded, the modules imported), so start-up does
not flatter the large sizes; `kg build` writes every export with --workers 1
and no cache. The whole command as a user types it is timed too.

    python benchmarks/linear_scale.py                              # repeat 0.1-3 MB, news 1-50 MB
    python benchmarks/linear_scale.py --kinds repeat --mb 0.1,0.3,1 --commands ner

Target (issue 14): time per character within 1.5x of the smallest size's
from 0.1 MB to 3 MB (repeat) and 1 MB to 50 MB (news); the 3 MB line builds
in under a minute on one core."""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POST = "株洲市委书记张三说。"
DEFAULT_MB = {"repeat": (0.1, 0.3, 1.0, 3.0), "news": (1.0, 5.0, 20.0, 50.0)}
OTHER_NEWS = ROOT.parent / "shared" / "dev" / "docs"


# ---------------------------------------------------------------- inputs
def repeat_text(mb: float) -> str:
    return POST * max(1, round(mb * 1_000_000 / len(POST.encode("utf-8"))))


def news_documents(extra: Path | None) -> list[str]:
    folders = [ROOT / "seeds"] + ([extra] if extra and extra.is_dir() else [])
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]


def news_text(mb: float, documents: list[str], seed: int = 14) -> str:
    """Whole documents in a shuffled order, again and again, until `mb` MB (UTF-8)."""
    rng, parts, size = random.Random(seed), [], 0
    while size < mb * 1_000_000:
        order = documents[:]
        rng.shuffle(order)
        for doc in order:
            parts.append(doc.strip() + "\n\n")
            size += len(parts[-1].encode("utf-8"))
            if size >= mb * 1_000_000:
                break
    return "".join(parts)


def write_inputs(folder: Path, kind: str, mb: float, documents: list[str]) -> tuple[Path, Path, int]:
    """(the .txt for kg build, the .jsonl for kg ner, characters)."""
    text = repeat_text(mb) if kind == "repeat" else news_text(mb, documents)
    txt, jsonl = folder / f"{kind}-{mb:g}mb.txt", folder / f"{kind}-{mb:g}mb.jsonl"
    txt.write_text(text, encoding="utf-8")
    lines = [text] if kind == "repeat" else [p for p in text.split("\n") if p.strip()]
    jsonl.write_text("".join(json.dumps({"text": line}, ensure_ascii=False) + "\n" for line in lines),
                     encoding="utf-8")
    return txt, jsonl, len(text)


# ---------------------------------------------------------------- one measurement, in a child process
def child(command: str, path: str, out: str) -> None:
    """Warm up on a tiny input, then time `command` on `path`; print JSON on stdout."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})        # one core
    sys.path.insert(0, str(ROOT))
    from kg.cli import main
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / ("tiny.txt" if command == "build" else "tiny.jsonl")
        tiny.write_text(POST if command == "build" else json.dumps({"text": POST}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        run(main, command, str(tiny), os.path.join(tmp, "out"))
        t0, c0 = time.perf_counter(), time.process_time()
        run(main, command, path, out)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": wall, "cpu": cpu, "peak_mib": peak}))


def run(main, command: str, path: str, out: str) -> None:
    if command == "build":
        argv = ["build", path, "--out", out, "--workers", "1", "--no-cache", "--quiet"]
    else:
        argv = ["ner", path, "--out", out]
    status = main(argv)
    if status:
        raise SystemExit(f"kg {' '.join(argv)}: exit {status}")


def measure(command: str, path: Path, work: Path) -> dict:
    out = work / f"out-{command}-{path.stem}"
    proc = subprocess.run([sys.executable, __file__, "--child", command, str(path), str(out)],
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def whole_command(command: str, path: Path, work: Path) -> float:
    """Wall seconds of the command as typed (start-up included), on one core."""
    argv = ["build", str(path), "--out", str(work / "whole"), "--workers", "1", "--no-cache", "--quiet"] \
        if command == "build" else ["ner", str(path), "--out", str(work / "whole.jsonl")]
    pin = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if hasattr(os, "sched_getaffinity") else []
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    subprocess.run(pin + [sys.executable, "-m", "kg.cli", *argv], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - t0


# ---------------------------------------------------------------- the table
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", default="repeat,news", help="repeat, news or both (default)")
    ap.add_argument("--commands", default="build,ner", help="build, ner or both (default)")
    ap.add_argument("--mb", default=None, help="comma list of sizes in MB (default: 0.1,0.3,1,3 / 1,5,20,50)")
    ap.add_argument("--news", type=Path, default=OTHER_NEWS, help=f"more news files (*.txt) (default {OTHER_NEWS})")
    ap.add_argument("--work", type=Path, default=None, help="keep inputs and outputs here (default: a temp folder)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-linear-"))
    work.mkdir(parents=True, exist_ok=True)
    documents = news_documents(args.news)
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; one CPU per run; work {work}")
    for kind in args.kinds.split(","):
        sizes = [float(x) for x in args.mb.split(",")] if args.mb else DEFAULT_MB[kind]
        inputs = [(mb, *write_inputs(work, kind, mb, documents)) for mb in sizes]
        for command in args.commands.split(","):
            print(f"\n{kind}, kg {command}\n\n"
                  "| MB | characters | seconds | CPU s | CPU µs per character | vs smallest | peak MiB |")
            print("|---:|---:|---:|---:|---:|---:|---:|")
            first = None
            for mb, txt, jsonl, chars in inputs:
                m = measure(command, txt if command == "build" else jsonl, work)
                per = m["cpu"] / chars * 1e6            # CPU microseconds per character
                first = first or per
                print(f"| {mb:g} | {chars:,} | {m['seconds']:.1f} | {m['cpu']:.1f} | {per:.1f} | "
                      f"{per / first:.2f}x | {m['peak_mib']:.0f} |", flush=True)
            mb, txt, jsonl, _ = inputs[-1]
            print(f"\nwhole `kg {command}` on the {mb:g} MB input, one core: "
                  f"{whole_command(command, txt if command == 'build' else jsonl, work):.1f} s", flush=True)


if __name__ == "__main__":
    main()

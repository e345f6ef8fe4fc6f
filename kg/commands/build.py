"""`kg build [INPUT ...] [--out DIR] [--workers N]`."""
from __future__ import annotations

import os
import sys


def register(sub) -> None:
    p = sub.add_parser("build", help="build the graph from news files into exports",
                       description="Read news files (folders recursively), extract officials, institutions, "
                                   "regions and programs, and write the graph's exports.")
    p.add_argument("inputs", nargs="*", help="files or folders (read recursively); default: seeds/")
    p.add_argument("--out", default=None, help="output folder (default: exports/)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for per-file work (default: all cores)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..build import BuildError, build
    inputs = args.inputs or ["seeds"]
    out = args.out or "exports"
    try:
        report = build(inputs, out, workers=max(1, args.workers))
    except BuildError as exc:
        print(f"kg build: {exc}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return 0

"""The `kg` command."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="kg", description="Chinese regional government news into a knowledge graph.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from news files into exports")
    b.add_argument("inputs", nargs="*", help="files or folders (read recursively); default: seeds/")
    b.add_argument("--out", default=None, help="output folder (default: exports/)")
    b.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for per-file work")

    args = ap.parse_args(argv)
    if args.command == "build":
        return cmd_build(args)
    return 2


def cmd_build(args) -> int:
    from .build import BuildError, build
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


if __name__ == "__main__":
    sys.exit(main())

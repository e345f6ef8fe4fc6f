"""`kg build [INPUT ...] [--out DIR] [--workers N] [--cache DIR | --no-cache] [--engine local|dask --scheduler ADDRESS]
[--date-from text,filename|text|filename|none] [--quiet]`."""
from __future__ import annotations

import argparse
import os
import sys


def register(sub) -> None:
    p = sub.add_parser("build", help="build the graph from news files into exports",
                       description="Read news files (folders recursively), extract officials, institutions, "
                                   "regions and programs, and write the graph's exports.")
    p.add_argument("inputs", nargs="*", help="files or folders (read recursively); default: seeds/")
    p.add_argument("--out", default=None, help="output folder (default: exports/)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="processes for per-file work (default: all cores)")
    p.add_argument("--cache", metavar="DIR", default=None,
                   help="where per-file results are cached for incremental rebuilds (default: OUT/.cache)")
    p.add_argument("--no-cache", action="store_true", help="extract every file again and keep no cache")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run per-file extraction here (local) or on a Dask distributed cluster (dask)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--formats", type=_formats, default="all", metavar="LIST",
                   help="comma list of exports to write: ttl,jsonld,nt,graphml,gexf,html,neo4j,posts (default: all)")
    p.add_argument("--province", metavar="NAME", default=None,
                   help="the corpus's home province, a name or a GB/T 2260 code (湖南, 430000): what a bare county "
                        "short form or 省 refers to (default: the province most of the corpus's places belong to)")
    from ..ingest.dates import DEFAULT_POLICY, POLICIES
    p.add_argument("--date-from", default=DEFAULT_POLICY, choices=POLICIES, metavar="WHERE",
                   help="how articles are dated: text (the page header, an HTML page's published-time meta, the "
                        "dateline), filename (a date in the file's or its folder's name), text,filename (the "
                        "text, else the file name: the default) or none. Never from a file's modification time")
    p.add_argument("--strict", action="store_true",
                   help="treat warnings (files or folders skipped, files read damaged) as errors: "
                        "write nothing, exit 1")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary; warnings still shown")
    p.set_defaults(func=run)


def _formats(text: str) -> list[str]:
    from ..export.formats import parse_formats
    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args) -> int:
    from ..build import BuildError, build
    from ..terminal import line
    inputs = args.inputs or ["seeds"]
    out = args.out or "exports"
    try:
        report = build(inputs, out, workers=max(1, args.workers), cache=not args.no_cache, cache_dir=args.cache,
                       engine=args.engine, scheduler=args.scheduler,
                       progress=not args.quiet and sys.stderr.isatty(), formats=args.formats,
                       strict=args.strict, province=args.province, date_from=args.date_from,
                       warn=lambda msg: print(f"warning: {line(msg)}", file=sys.stderr))
    except BuildError as exc:
        print(f"kg build: {line(exc)}", file=sys.stderr)
        return 1
    if not args.quiet:
        for text in report.lines():
            print(line(text))
    return 0

"""`kg query QUERY [--graph FILE ...] [--format table|csv|tsv|json] [--bind NAME=VALUE] [--store DIR]`."""
from __future__ import annotations

import os
import sys

DEFAULT_GRAPH = os.path.join("exports", "graph.ttl")


def register(sub) -> None:
    from ..sparql.output import FORMATS
    p = sub.add_parser("query", help="run a SPARQL query on the graph",
                       description="Run a SPARQL 1.1 query on the graph's RDF files with an embedded engine. "
                                   "QUERY is a .rq file, the name of a bundled query (see --list), or the query text.")
    p.add_argument("query", nargs="?",
                   help="a .rq file, a bundled query's name (officials, regions, ...) or query text")
    p.add_argument("--graph", nargs="+", metavar="FILE",
                   help=f"RDF files: .ttl, .nt, .jsonld, .rdf (default: {DEFAULT_GRAPH})")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), csv/tsv/json as in the SPARQL 1.1 results formats")
    p.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="fix ?NAME to VALUE (repeatable): plain text is a string, <...> or http(s)://... an IRI, "
                        "'\"...\"@zh' a literal as written")
    p.add_argument("--store", metavar="DIR",
                   help="persistent pyoxigraph store: loaded from --graph when the files changed, reused otherwise")
    p.add_argument("--engine", choices=("auto", "oxigraph", "rdflib"), default="auto",
                   help="SPARQL engine (default: oxigraph if installed, else rdflib)")
    p.add_argument("--max-width", type=int, default=60, metavar="N",
                   help="table: cut cells wider than N columns (0: never; default 60)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop a query that runs longer than S seconds (0: never; default 60)")
    p.add_argument("--max-rows", type=int, default=100_000, metavar="N",
                   help="stop a query with more than N results (0: no limit; default 100000)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE send (part of) the query to other endpoints over the network (refused otherwise)")
    p.add_argument("--list", action="store_true", help="list the bundled queries and exit")
    p.set_defaults(func=run)


def emit(text: str) -> None:
    """Write to standard output: on a terminal with control characters shown as escapes (kg.terminal)."""
    from ..terminal import for_stdout
    try:
        sys.stdout.write(for_stdout(text))
        sys.stdout.flush()
    except BrokenPipeError:  # `kg query ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run(args) -> int:
    from ..sparql.engine import QueryError, open_engine
    from ..sparql.guard import TimedOut, check, within
    from ..sparql.output import render
    from ..sparql.queries import bind, bundled, describe, load_query
    from ..terminal import line

    if args.list:
        queries = bundled()
        size = max(map(len, queries), default=0)
        emit("".join(f"{name:<{size}}  {describe(path)}\n" for name, path in queries.items()))
        return 0
    if not args.query:
        print("kg query: give a query (a .rq file, a bundled query's name, or query text); "
              "--list shows the bundled ones",
              file=sys.stderr)
        return 2
    graphs = args.graph or ([] if args.store else [DEFAULT_GRAPH])
    if not args.graph and not args.store and not os.path.exists(DEFAULT_GRAPH):
        print(f"kg query: no graph: {DEFAULT_GRAPH} does not exist (run `kg build`, or give --graph FILE)",
              file=sys.stderr)
        return 1
    engine = None
    try:
        name, text = load_query(args.query)
        text = bind(text, args.bind)
        check(text, allow_service=args.allow_service)
        engine = open_engine(graphs, args.engine, args.store,
                             note=lambda msg: print(f"kg query: {line(msg)}", file=sys.stderr))
        result = within(args.timeout, lambda: engine.query(text, max_rows=args.max_rows))
    except TimedOut as exc:
        print(f"kg query: {exc}", file=sys.stderr)
        engine = None             # still in use by the query, which ends with the process
        return 1
    except QueryError as exc:
        print(f"kg query: {line(exc)}", file=sys.stderr)
        return 1
    finally:
        if engine is not None:
            engine.close()
    emit(render(result, args.format, args.max_width))
    return 0

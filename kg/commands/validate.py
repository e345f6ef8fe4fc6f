"""`kg validate [FILE] [--shapes SHAPES]`: SHACL-check a graph (exit 1 if it does not conform)."""
from __future__ import annotations

import os
import sys

DEFAULT_GRAPH = os.path.join("exports", "graph.ttl")


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                       description="Check an RDF graph against the SHACL shapes in ontology/shapes.ttl with pySHACL; "
                                   "print one line per violation or warning, naming the node. "
                                   "Exit 1 if it does not conform.")
    p.add_argument("file", nargs="?", default=DEFAULT_GRAPH,
                   help=f"RDF file: .ttl, .nt, .jsonld, .rdf (default: {DEFAULT_GRAPH})")
    p.add_argument("--shapes", default=None, metavar="FILE",
                   help="SHACL shapes to use (default: the bundled ontology/shapes.ttl)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..shacl import SHAPES, read_graph, validate
    from ..sparql.engine import QueryError
    from ..terminal import line
    from .query import emit

    shapes = args.shapes or SHAPES
    try:
        data = read_graph(args.file)
        conforms, problems = validate(data, shapes)
    except QueryError as exc:
        print(f"kg validate: {line(exc)}", file=sys.stderr)
        return 1
    violations = sum(p.severity == "Violation" for p in problems)
    others = len(problems) - violations
    lines = [p.line() + "\n" for p in problems]
    tail = f", {others} warning{'s' if others != 1 else ''}" if others else ""
    if conforms:
        lines.append(f"{args.file}: conforms to {os.path.basename(str(shapes))} ({len(data)} triples{tail})\n")
    else:
        lines.append(f"{args.file}: does not conform to {os.path.basename(str(shapes))}: "
                     f"{violations} violation{'s' if violations != 1 else ''}{tail}\n")
    emit("".join(lines))
    return 0 if conforms else 1

"""`kg load [FILE] --endpoint URL [--graph-iri IRI] [--append]`: push the graph to a triple store."""
from __future__ import annotations

import os
import sys
import time

DEFAULT_GRAPH = os.path.join("exports", "graph.ttl")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def register(sub) -> None:
    p = sub.add_parser("load", help="push the graph to a SPARQL Graph Store endpoint",
                       description="Send an RDF file to any SPARQL 1.1 Graph Store HTTP Protocol endpoint "
                                   "(Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data). "
                                   "The file is parsed first, so a bad file sends nothing. By default the target "
                                   "graph is replaced (HTTP PUT); --append adds to it (POST).")
    p.add_argument("file", nargs="?", default=DEFAULT_GRAPH,
                   help=f"RDF file: .ttl, .nt, .jsonld, .rdf (default: {DEFAULT_GRAPH})")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="Graph Store endpoint; http://user:password@host/... sends HTTP Basic authentication")
    p.add_argument("--graph-iri", metavar="IRI", default=None, help="named graph to write (default: the default graph)")
    p.add_argument("--append", action="store_true", help="add to the graph (POST) instead of replacing it (PUT)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S",
                   help="seconds to wait for the server (default 300)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..gsp import MEDIA_TYPES, put_graph, target_url
    from ..sparql.engine import QueryError, open_engine, rdf_format
    from ..terminal import line

    t0 = time.perf_counter()
    engine = None
    try:
        target_url(args.endpoint, args.graph_iri)      # a bad URL fails before any work
        engine = open_engine([args.file])              # a bad file fails before anything is sent
        triples = int(engine.query(COUNT).rows[0][0].value)
        with open(args.file, "rb") as fh:
            body = fh.read()
        resp = put_graph(args.endpoint, body, MEDIA_TYPES[rdf_format(args.file)], args.graph_iri,
                         append=args.append, timeout=args.timeout)
    except QueryError as exc:
        print(f"kg load: {line(exc)}", file=sys.stderr)
        return 1
    finally:
        if engine is not None:
            engine.close()
    where = f"graph <{args.graph_iri}>" if args.graph_iri else "the default graph"
    verb = "added" if args.append else "loaded"
    print(line(f"{verb} {triples} triples from {args.file} into {where} at {resp.url} "
               f"({resp.status} {resp.reason}, {time.perf_counter() - t0:.1f} s)"))
    return 0

"""Every export `kg build` writes, each through atomic_path so a failed build
leaves the previous file intact, and each deterministic (sorted) so the same
graph gives the same bytes.

  ttl      graph.ttl             RDF, Turtle (kg.export.turtle)
  jsonld   graph.jsonld          RDF, JSON-LD with a compact @context of our prefixes
  nt       graph.nt              RDF, N-Triples, one sorted line per triple
  graphml  graph.graphml         network view for Gephi, Cytoscape, igraph, yEd
  gexf     graph.gexf            network view for Gephi
  html     graph.html            interactive view in the browser (kg.export.html)
  neo4j    neo4j/nodes.csv, neo4j/relationships.csv   neo4j-admin import format
"""
from __future__ import annotations

import csv
import io
import json
import os

import networkx as nx
from rdflib import Graph, Literal, URIRef

from ..graph.network import to_network
from ..graph.rdf import PREFIXES
from ..resolve.merge import Merged
from .atomic import atomic_path, write_text
from .html import write_html
from .turtle import NATIVE, escape_iri, escape_literal, serialize

FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "html", "neo4j")

# Node kind (kg.graph.network) -> Neo4j labels; the first is the `type` attribute
# in GraphML/GEXF. Zones are regions too, as in the RDF (kg:Zone ⊑ kg:Region).
NODE_LABELS = {"official": ["Official", "Person"], "institution": ["Institution"], "region": ["Region"],
               "zone": ["Zone", "Region"], "program": ["Program"], "document": ["Document"]}
NODE_ATTRS = ("type", "kind", "label", "code", "level", "region", "mentions", "aliases", "sources")
EDGE_ATTRS = ("relation", "label", "title", "support", "weight", "rule", "confidence", "sources")


def parse_formats(text: str) -> list[str]:
    """'ttl,nt' -> ['ttl', 'nt'] in FORMATS order; 'all' -> every format. ValueError names a bad one."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise ValueError(f"no format given (choose from {','.join(FORMATS)} or all)")
    if "all" in names:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r} (choose from {','.join(FORMATS)} or all)")
    return [f for f in FORMATS if f in names]


def write_exports(out: str, merged: Merged, graph: Graph, formats=FORMATS) -> list[str]:
    """Write the chosen formats into `out`; return the paths written, in FORMATS order."""
    written: list[str] = []
    network = None
    for fmt in FORMATS:
        if fmt not in formats:
            continue
        if fmt in ("graphml", "gexf", "html", "neo4j") and network is None:
            network = to_network(merged)
        if fmt == "ttl":
            written.append(_write(out, "graph.ttl", serialize(graph)))
        elif fmt == "jsonld":
            written.append(_write(out, "graph.jsonld", to_jsonld(graph)))
        elif fmt == "nt":
            written.append(_write(out, "graph.nt", to_ntriples(graph)))
        elif fmt == "graphml":
            written.append(write_graphml(network, os.path.join(out, "graph.graphml")))
        elif fmt == "gexf":
            written.append(write_gexf(network, os.path.join(out, "graph.gexf")))
        elif fmt == "html":
            path = os.path.join(out, "graph.html")
            write_html(network, path)
            written.append(path)
        elif fmt == "neo4j":
            written.extend(write_neo4j(network, os.path.join(out, "neo4j")))
    return written


def _write(out: str, name: str, text: str) -> str:
    path = os.path.join(out, name)
    write_text(path, text)
    return path


# ---------------------------------------------------------------- RDF

def nt_term(t) -> str:
    """One term in N-Triples syntax, with the same escaping and lexical forms as graph.ttl."""
    if isinstance(t, URIRef):
        return f"<{escape_iri(str(t))}>"
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype else ""
        if dt in NATIVE:  # graph.ttl writes these bare, i.e. in canonical form
            lexical = str(t).lower() if dt.endswith("boolean") else str(int(t))
            return f'"{lexical}"^^<{dt}>'
        body = f'"{escape_literal(str(t))}"'
        if t.language:
            return f"{body}@{t.language}"
        if dt and not dt.endswith("#string"):
            return f"{body}^^<{escape_iri(dt)}>"
        return body
    raise TypeError(f"no blank nodes expected: {t!r}")


def to_ntriples(graph: Graph) -> str:
    lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in graph})
    return "".join(lines)


def to_jsonld(graph: Graph) -> str:
    """rdflib's JSON-LD, compacted with our prefixes; nodes sorted by @id, keys and
    (unordered) value arrays sorted, so the text depends only on the triples."""
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    nodes = sorted((_sorted_values(n) for n in nodes), key=lambda n: n.get("@id", ""))
    return json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _sorted_values(value, key: str = ""):
    if isinstance(value, dict):
        return {k: _sorted_values(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(v) for v in value]
        if key == "@list":  # an RDF list keeps its order
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


# ---------------------------------------------------------------- network views

def export_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy for graph tools: sorted nodes and edges, edge ids e0, e1, ..., every
    value a string or number (GraphML and GEXF hold no lists), and `weight` = support
    so Gephi draws well-supported relations thicker."""
    g = nx.MultiDiGraph()
    for node in sorted(network.nodes):
        a = network.nodes[node]
        if "kind" not in a:
            continue
        attrs = {"type": NODE_LABELS.get(a["kind"], [a["kind"].title()])[0], "kind": a["kind"]}
        for name in NODE_ATTRS[2:]:
            attrs[name] = _scalar(a.get(name, 0 if name == "mentions" else ""))
        g.add_node(node, **attrs)
    edges = sorted(((s, o, a) for s, o, a in network.edges(data=True) if s in g and o in g),
                   key=lambda e: (e[0], e[1], e[2].get("relation", ""), e[2].get("title", "")))
    for i, (s, o, a) in enumerate(edges):
        attrs = {"relation": a.get("relation", ""), "label": a.get("label", ""), "title": a.get("title", ""),
                 "support": int(a.get("support", 0)), "weight": int(a.get("support", 0)), "rule": a.get("rule", "")}
        if a.get("confidence") is not None:  # mentions (mentioned_in) have none
            attrs["confidence"] = float(a["confidence"])
        attrs["sources"] = _scalar(a.get("sources", "[]"))
        g.add_edge(s, o, key=f"e{i}", **attrs)
    return g


def _scalar(value):
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_graphml(network: nx.MultiDiGraph, path: str) -> str:
    # The pure-Python writer, so the bytes do not depend on whether lxml is installed.
    with atomic_path(path) as tmp:
        nx.write_graphml_xml(export_network(network), tmp, encoding="utf-8")
    return path


def write_gexf(network: nx.MultiDiGraph, path: str) -> str:
    from networkx.readwrite.gexf import GEXFWriter
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(export_network(network))
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)  # today's date would make rebuilds differ
    meta.find("creator").text = "hunan-kg"
    with atomic_path(path) as tmp:
        writer.write(tmp)
    return path


# ---------------------------------------------------------------- Neo4j

NODE_HEADER = ["id:ID", ":LABEL", "label", "kind", "code", "level", "region", "mentions:int", "aliases:string[]",
               "sources"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "label", "title", "support:int", "rule", "confidence:float",
              "sources"]


def _cell(value) -> str:
    # One CSV line per record: neo4j-admin then needs no --multiline-fields.
    return str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _csv(rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return buf.getvalue()


def write_neo4j(network: nx.MultiDiGraph, folder: str) -> list[str]:
    """nodes.csv and relationships.csv in neo4j-admin's header format: node id = IRI,
    labels such as Official;Person, relationship types such as HOLDS_POST."""
    g = export_network(network)
    nodes = [NODE_HEADER]
    for node, a in g.nodes(data=True):
        # ';' is neo4j-admin's array delimiter: a full-width ；inside an alias keeps it one element.
        aliases = ";".join(x.replace(";", "；") for x in json.loads(a["aliases"] or "[]"))
        nodes.append([node, ";".join(NODE_LABELS.get(a["kind"], [a["type"]])), a["label"], a["kind"], a["code"],
                      a["level"], a["region"], a["mentions"], aliases, a["sources"]])
    rels = [REL_HEADER]
    for s, o, a in g.edges(data=True):
        rels.append([s, o, a["relation"].upper(), a["label"], a["title"], a["support"], a["rule"],
                     f"{a['confidence']:.2f}" if "confidence" in a else "", a["sources"]])
    paths = [os.path.join(folder, "nodes.csv"), os.path.join(folder, "relationships.csv")]
    write_text(paths[0], _csv(nodes))
    write_text(paths[1], _csv(rels))
    return paths

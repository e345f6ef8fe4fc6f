"""Every export `kg build` writes, each through atomic_path, and each deterministic
(sorted) so the same graph gives the same bytes. A build writes them into a staging
folder that then replaces the output folder as one set (kg.export.output_folder).

  ttl      graph.ttl             RDF, Turtle (kg.export.turtle)
  jsonld   graph.jsonld          RDF, JSON-LD with a compact @context of our prefixes
  nt       graph.nt              RDF, N-Triples, one sorted line per triple
           (the three RDF files are streamed from the merged model in one pass: kg.export.rdf_files)
  graphml  graph.graphml         network view for Gephi, Cytoscape, igraph, yEd
  gexf     graph.gexf            network view for Gephi
  html     graph.html            interactive view in the browser (kg.export.html)
  neo4j    neo4j/nodes.csv, neo4j/relationships.csv   neo4j-admin import format
  posts    posts.csv             one row per post, for Excel, pandas and R (kg.export.posts_csv)
"""
from __future__ import annotations

import csv
import io
import os
import re
from contextlib import contextmanager

from ..graph.network import POST_ATTRS, Edge, Network, aliases_json, post_values, sources_json
from ..graph.network import network as network_view
from ..model import Merged
from .atomic import atomic_path
from .html import write_html
from .posts_csv import write_posts_csv
from .rdf_files import RDF_FORMATS, nt_term, to_jsonld, to_ntriples, write_rdf  # noqa: F401 (the RDF API, here as before)

FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "html", "neo4j", "posts")
TABLE_FORMATS = ("posts",)     # written from the merged model, like the RDF files, but not RDF

# Node kind (kg.graph.network) -> Neo4j labels; the first is the `type` attribute
# in GraphML/GEXF. Zones are regions too, as in the RDF (kg:Zone ⊑ kg:Region).
NODE_LABELS = {"official": ["Official", "Person"], "institution": ["Institution"], "region": ["Region"],
               "zone": ["Zone", "Region"], "program": ["Program"], "document": ["Document"]}
NODE_ATTRS = ("type", "kind", "label", "code", "level", "region", "mentions", "aliases", "sources")
EDGE_ATTRS = ("relation", "label", "title", "support", "weight", "rule", "confidence", *POST_ATTRS, "sources")


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


def write_exports(out: str, merged: Merged, graph=None, formats=FORMATS) -> list[str]:
    """Write the chosen formats into `out`; return the paths written, in FORMATS order.
    (`graph` is not used: the RDF formats are streamed from `merged`; kg.export.rdf_files.)"""
    written: list[str] = []
    network = None
    if any(f in formats for f in RDF_FORMATS):
        written.extend(write_rdf(out, merged, formats)[0])
    for fmt in FORMATS:
        if fmt not in formats or fmt in RDF_FORMATS:
            continue
        if fmt == "posts":
            written.append(write_posts_csv(out, merged))
            continue
        if network is None:
            network = network_view(merged)   # one light view for the four, built once
        if fmt == "graphml":
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


# ---------------------------------------------------------------- network views
#
# GraphML, GEXF and the Neo4j CSVs are written straight from the light network
# view (kg.graph.network.network), one edge at a time, in the exact bytes
# networkx's writers gave for the same graph (tests/test_network_exports.py
# checks this against them): nodes sorted by IRI, edges by (source, target,
# relation, title) with ids e0, e1, ..., `weight` = support so Gephi draws
# well-supported relations thicker, and mentions (mentioned_in) without a
# confidence.

def _node_type(kind: str) -> str:
    return NODE_LABELS.get(kind, [kind.title()])[0]


# Characters XML 1.0 does not allow, even as references (&#1; is not well-formed): C0 controls
# but tab and line breaks, lone surrogates, U+FFFE and U+FFFF. Each becomes U+FFFD.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Character data escaped as xml.etree does, with what XML cannot hold replaced (NOT_XML)."""
    if NOT_XML.search(text):
        text = NOT_XML.sub("\ufffd", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _xml_attr(text: str) -> str:
    """An attribute value escaped as xml.etree does (Python 3.11)."""
    text = _xml_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _is_post(e: Edge) -> bool:
    """Does the edge carry a post's career (POST_ATTRS) in the files? Posts, which are facts."""
    return e.relation == "holds_post" and e.confidence is not None


def _edge_attrs(network: Network) -> list[str]:
    """Edge attribute names in the order a writer first meets them: the first edge's, then
    `confidence` if only later edges (facts, not mentions) carry one, then a post's career
    attributes if only later edges (posts) carry them. Every post is a fact: its confidence
    comes first."""
    first = next(network.edges(), None)
    if first is None:
        return []
    names = [n for n in GRAPHML_EDGE if n != "confidence" and n not in POST_ATTRS]
    tail = names.pop()                                 # sources
    if first.confidence is not None:
        names.append("confidence")
    if _is_post(first):
        names.extend(POST_ATTRS)
    names.append(tail)
    if first.confidence is None and network.rated:
        names.append("confidence")
    if not _is_post(first) and network.posts:
        names.extend(POST_ATTRS)
    return names


@contextmanager
def _xml_file(path: str):
    # errors="xmlcharrefreplace", newline="\n": as xml.etree writes, on any platform
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", errors="xmlcharrefreplace", newline="\n",
                  buffering=1 << 18) as fh:
            fh.write("<?xml version='1.0' encoding='utf-8'?>\n")
            yield fh


CHUNK = 256   # edges per write
NO_POST = (None,) * len(POST_ATTRS)   # an edge that is no post writes none of a post's attributes


def _chunks(items):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _cached(body):
    """body(edge), remembered for edges without sources: the mention links, many edges with few
    distinct values (relation, label, title, support, rule, confidence)."""
    cache: dict[tuple, str] = {}

    def text(e: Edge) -> str:
        if e.sources:
            return body(e)
        key = e[2:]
        found = cache.get(key)
        if found is None:
            found = cache[key] = body(e)
        return found
    return text


# An edge's values in the order networkx writes them (its attribute dict's order)
GRAPHML_EDGE = ("relation", "label", "title", "support", "weight", "rule", "confidence", *POST_ATTRS, "sources")
GEXF_EDGE = ("relation", "title", "support", "rule", "confidence", *POST_ATTRS, "sources", "networkx_key")


def write_graphml(network: Network, path: str) -> str:
    """graph.graphml, byte for byte what networkx's pure-Python writer gives for the same
    graph, streamed: keys are numbered in the order networkx meets them and listed newest first."""
    node_keys = [("type", "string"), ("kind", "string"), ("label", "string"), ("code", "string"),
                 ("level", "string"), ("region", "string"), ("mentions", "long"), ("aliases", "string"),
                 ("sources", "string")] if network.nodes else []
    types = {"support": "long", "weight": "long", "confidence": "double"}
    edge_keys = [(name, types.get(name, "string")) for name in _edge_attrs(network)]
    ids = {}
    keys = []
    for scope, declared in (("node", node_keys), ("edge", edge_keys)):
        for name, kind in declared:
            ids[scope, name] = key = f"d{len(keys)}"
            keys.append(f'  <key id="{key}" for="{scope}" attr.name="{name}" attr.type="{kind}" />\n')
    with _xml_file(path) as fh:
        fh.write(f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{GRAPHML_SCHEMA}">\n')
        fh.write("".join(reversed(keys)))
        if not network.nodes and not edge_keys:
            fh.write('  <graph edgedefault="directed" />\n</graphml>\n')
            return path
        fh.write('  <graph edgedefault="directed">\n')
        d = {name: f'      <data key="{ids["node", name]}"' for name, _ in node_keys}
        for n in network.nodes:
            fh.write(f'    <node id="{_xml_attr(n.iri)}">\n')
            for name, value in (("type", _node_type(n.kind)), ("kind", n.kind), ("label", n.label),
                                ("code", n.code), ("level", n.level), ("region", n.region),
                                ("mentions", str(n.mentions)), ("aliases", aliases_json(n.aliases)),
                                ("sources", sources_json(n.sources))):
                fh.write(f"{d[name]}>{_xml_text(value)}</data>\n" if value else f"{d[name]} />\n")
            fh.write("    </node>\n")
        d = {name: f'      <data key="{ids["edge", name]}"' for name, _ in edge_keys}

        @_cached
        def body(e: Edge) -> str:
            support = str(e.support)
            values = (e.relation, e.label, e.title, support, support, e.rule,
                      None if e.confidence is None else str(float(e.confidence)),
                      *(post_values(e) if _is_post(e) else NO_POST), sources_json(e.sources))
            return "".join(f"{d[name]}>{_xml_text(value)}</data>\n" if value else f"{d[name]} />\n"
                           for name, value in zip(GRAPHML_EDGE, values) if value is not None) + "    </edge>\n"

        iris = {n.iri: _xml_attr(n.iri) for n in network.nodes}
        for chunk in _chunks(enumerate(network.edges())):
            fh.write("".join(f'    <edge source="{iris[e.source]}" target="{iris[e.target]}" id="e{i}">\n'
                             + body(e) for i, e in chunk))
        fh.write("  </graph>\n</graphml>\n")
    return path


def write_gexf(network: Network, path: str) -> str:
    """graph.gexf (GEXF 1.2draft), byte for byte what networkx's GEXFWriter gives for the same
    graph with creator hunan-kg and no date, streamed. Labels and weights are XML attributes; the
    other values are attvalues, numbered nodes first, in the order networkx meets them."""
    node_attrs = [("type", "string"), ("kind", "string"), ("code", "string"), ("level", "string"),
                  ("region", "string"), ("mentions", "long"), ("aliases", "string"),
                  ("sources", "string")] if network.nodes else []
    types = {"support": "long", "confidence": "double"}
    edge_attrs = [(name, types.get(name, "string")) for name in _edge_attrs(network)
                  if name not in ("label", "weight")]
    if edge_attrs:
        edge_attrs.insert(edge_attrs.index(("sources", "string")) + 1, ("networkx_key", "string"))
    ids = {}
    blocks = []
    for scope, declared in (("node", node_attrs), ("edge", edge_attrs)):
        if declared:
            lines = [f'    <attributes mode="static" class="{scope}">\n']
            for name, kind in declared:
                ids[scope, name] = key = str(len(ids))
                lines.append(f'      <attribute id="{key}" title="{name}" type="{kind}" />\n')
            lines.append("    </attributes>\n")
            blocks.insert(0, "".join(lines))
    with _xml_file(path) as fh:
        fh.write(f'<gexf xmlns="{GEXF_NS}" xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{GEXF_SCHEMA}" version="1.2">\n'
                 "  <meta>\n    <creator>hunan-kg</creator>\n  </meta>\n"
                 '  <graph defaultedgetype="directed" mode="static" name="">\n')
        fh.write("".join(blocks))
        a = {name: f'          <attvalue for="{ids["node", name]}" value="' for name, _ in node_attrs}
        fh.write("    <nodes>\n" if network.nodes else "    <nodes />\n")
        for n in network.nodes:
            fh.write(f'      <node id="{_xml_attr(n.iri)}" label="{_xml_attr(n.label)}">\n        <attvalues>\n')
            for name, value in (("type", _node_type(n.kind)), ("kind", n.kind), ("code", n.code),
                                ("level", n.level), ("region", n.region), ("mentions", str(n.mentions)),
                                ("aliases", aliases_json(n.aliases)), ("sources", sources_json(n.sources))):
                fh.write(f'{a[name]}{_xml_attr(value)}" />\n')
            fh.write("        </attvalues>\n      </node>\n")
        if network.nodes:
            fh.write("    </nodes>\n")
        a = {name: f'          <attvalue for="{ids["edge", name]}" value="' for name, _ in edge_attrs}

        @_cached
        def body(e: Edge) -> str:
            # label and weight (XML attributes), then every attvalue but the last, networkx_key (e0, e1, ...)
            values = (e.relation, e.title, str(e.support), e.rule,
                      None if e.confidence is None else str(float(e.confidence)),
                      *(post_values(e) if _is_post(e) else NO_POST), sources_json(e.sources))
            return (f'label="{_xml_attr(e.label)}" weight="{e.support}">\n        <attvalues>\n'
                    + "".join(f'{a[name]}{_xml_attr(value)}" />\n'
                              for name, value in zip(GEXF_EDGE, values) if value is not None)
                    + a["networkx_key"])

        iris = {n.iri: _xml_attr(n.iri) for n in network.nodes}
        fh.write("    <edges>\n" if edge_attrs else "    <edges />\n")
        for chunk in _chunks(enumerate(network.edges())):
            fh.write("".join(f'      <edge source="{iris[e.source]}" target="{iris[e.target]}" id="{i}" '
                             f'{body(e)}e{i}" />\n        </attvalues>\n      </edge>\n'
                             for i, e in chunk))
        if edge_attrs:
            fh.write("    </edges>\n")
        fh.write("  </graph>\n</gexf>\n")
    return path


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_SCHEMA = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_SCHEMA = f"{GEXF_NS} http://www.gexf.net/1.2draft/gexf.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


# ---------------------------------------------------------------- Neo4j

NODE_HEADER = ["id:ID", ":LABEL", "label", "kind", "code", "level", "region", "mentions:int", "aliases:string[]",
               "sources"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "label", "title", "support:int", "rule", "confidence:float",
              "sources", "status", "rank", "first_seen:date", "last_seen:date", "start_date:date", "end_date:date"]


def _cell(value) -> str:
    # One CSV line per record: neo4j-admin then needs no --multiline-fields.
    return str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def write_neo4j(network: Network, folder: str) -> list[str]:
    """nodes.csv and relationships.csv in neo4j-admin's header format: node id = IRI,
    labels such as Official;Person, relationship types such as HOLDS_POST."""
    paths = [os.path.join(folder, "nodes.csv"), os.path.join(folder, "relationships.csv")]
    with _csv_file(paths[0]) as write:
        write([NODE_HEADER])
        for chunk in _chunks(network.nodes):
            # ';' is neo4j-admin's array delimiter: a full-width ；inside an alias keeps it one element.
            write([[_cell(v) for v in (n.iri, ";".join(NODE_LABELS.get(n.kind, [_node_type(n.kind)])), n.label,
                                       n.kind, n.code, n.level, n.region, n.mentions,
                                       ";".join(x.replace(";", "；") for x in n.aliases), sources_json(n.sources))]
                   for n in chunk])
    # A CSV line is its fields, each quoted on its own, joined by commas: the endpoints' fields are
    # made once per node and the rest once per kind of mention link (csv.writer's bytes, faster).
    csv_line = _csv_lines()
    ids = {n.iri: csv_line([_cell(n.iri), ""])[:-2] for n in network.nodes}

    @_cached
    def rest(e: Edge) -> str:
        return csv_line([_cell(v) for v in (e.relation.upper(), e.label, e.title, e.support, e.rule,
                                             "" if e.confidence is None else f"{e.confidence:.2f}",
                                             sources_json(e.sources), *post_values(e))])

    with _csv_file(paths[1]) as write:
        write([REL_HEADER])
        for chunk in _chunks(network.edges()):
            write.lines("".join(f"{ids[e.source]},{ids[e.target]},{rest(e)}" for e in chunk))
    return paths


def _csv_lines():
    """A function giving one row as csv.writer writes it, newline included."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")

    def line(fields: list) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(fields)
        return buf.getvalue()
    return line


class _CsvOut:
    def __init__(self, fh):
        self.fh = fh
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, lineterminator="\n")

    def __call__(self, rows) -> None:
        self.writer.writerows(rows)
        self.fh.write(self.buf.getvalue())
        self.buf.seek(0)
        self.buf.truncate()

    def lines(self, text: str) -> None:
        self.fh.write(text)


@contextmanager
def _csv_file(path: str):
    """A function that writes CSV rows to `path` (atomically), a chunk at a time; .lines(text)
    writes lines already in CSV."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield _CsvOut(fh)

"""Every export of `kg build` on the seeds, read back by readers that are not ours:
rdflib and pyoxigraph (Turtle, JSON-LD, N-Triples), networkx and python-igraph
(GraphML), networkx (GEXF), the csv module (neo4j-admin CSVs)."""
from __future__ import annotations

import csv
import json
import os
import re

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.cli import main
from kg.export.formats import FORMATS, parse_formats, to_jsonld, to_ntriples

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
FILES = ["graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "graph.gexf", "graph.html",
         os.path.join("neo4j", "nodes.csv"), os.path.join("neo4j", "relationships.csv")]
KG = "https://w3id.org/hunan-kg/ontology#"
EDGE_PREDICATES = {"located_in": KG + "locatedIn", "part_of": "https://schema.org/containedInPlace",
                   "sub_organization_of": "http://www.w3.org/ns/org#subOrganizationOf", "run_by": KG + "runBy"}


def build(out, *extra: str) -> None:
    assert main(["build", SEEDS, "--out", str(out), "--no-cache", "-q", *extra]) == 0


@pytest.fixture(scope="module")
def out(seeds_build):
    return seeds_build[0]          # a default build of the seeds with one worker and no cache (conftest)


@pytest.fixture(scope="module")
def turtle(seeds_graph):
    return seeds_graph


@pytest.fixture(scope="module")
def graphml(out):
    return nx.read_graphml(out / "graph.graphml")


def oxigraph_triples(path, fmt) -> set:
    return {(t.subject, t.predicate, t.object) for t in ox.parse(path=str(path), format=fmt)}


def test_default_build_writes_every_format_and_no_temporary_files(out):
    for name in FILES:
        assert (out / name).stat().st_size > 0, name
    leftovers = [n for _, _, names in os.walk(out) for n in names if n.startswith(".tmp-")]
    assert leftovers == []


def test_formats_option_writes_only_the_chosen_ones(tmp_path, capsys):
    build(tmp_path, "--workers", "1", "--formats", "nt,graphml")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["graph.graphml", "graph.nt"]


def test_formats_option_rejects_an_unknown_format(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", SEEDS, "--out", str(tmp_path), "--formats", "ttl,pdf"])
    assert exc.value.code == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err
    assert parse_formats("all") == list(FORMATS)
    assert parse_formats("neo4j, TTL") == ["ttl", "neo4j"]


def test_rebuild_with_other_worker_count_gives_identical_bytes(out, tmp_path):
    build(tmp_path, "--workers", "2")
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


# ---------------------------------------------------------------- RDF

def test_jsonld_and_ntriples_are_isomorphic_to_turtle_in_rdflib(out, turtle):
    assert len(turtle) > 1000
    jsonld = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
    nt = rdflib.Graph().parse(out / "graph.nt", format="nt")
    assert rdflib.compare.isomorphic(turtle, jsonld)
    assert rdflib.compare.isomorphic(turtle, nt)


def test_jsonld_and_ntriples_equal_turtle_in_pyoxigraph(out, turtle):
    ttl = oxigraph_triples(out / "graph.ttl", ox.RdfFormat.TURTLE)
    assert len(ttl) == len(turtle)
    assert oxigraph_triples(out / "graph.jsonld", ox.RdfFormat.JSON_LD) == ttl
    assert oxigraph_triples(out / "graph.nt", ox.RdfFormat.N_TRIPLES) == ttl


def test_jsonld_has_a_compact_context_of_our_prefixes(out):
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kg"] == KG
    assert doc["@context"]["org"] == "http://www.w3.org/ns/org#"
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)
    official = next(n for n in doc["@graph"] if "kg:Official" in n.get("@type", []))
    assert official["rdfs:label"]["@language"] == "zh"


def test_ntriples_is_one_sorted_line_per_triple(out, turtle):
    lines = (out / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines)) == len(turtle)


def test_rdf_writers_escape_awkward_literals():
    g = rdflib.Graph()
    s = URIRef("https://w3id.org/hunan-kg/org/测试")
    tricky = 'a "quoted"\nline\twith \\ backslash and \x07 bell'
    g.add((s, URIRef(KG + "text"), Literal(tricky, lang="zh")))
    g.add((s, URIRef(KG + "start"), Literal(7)))
    g.add((s, URIRef(KG + "explicit"), Literal(True)))
    g.add((s, URIRef(KG + "confidence"), Literal("0.90", datatype=rdflib.XSD.decimal)))
    g.add((s, RDF.type, URIRef(KG + "Thing")))
    for text, fmt in ((to_ntriples(g), "nt"), (to_jsonld(g), "json-ld")):
        back = rdflib.Graph().parse(data=text, format=fmt)
        assert rdflib.compare.isomorphic(g, back), fmt
    for text, fmt in ((to_ntriples(g), ox.RdfFormat.N_TRIPLES), (to_jsonld(g), ox.RdfFormat.JSON_LD)):
        values = {t.object.value for t in ox.parse(text, format=fmt)}
        assert tricky in values and "0.90" in values


# ---------------------------------------------------------------- GraphML and GEXF

def test_graphml_read_by_networkx_carries_types_labels_codes_and_support(graphml, turtle):
    kinds = nx.get_node_attributes(graphml, "kind")
    assert set(kinds.values()) == {"official", "institution", "region", "zone", "program", "document"}
    for node, a in graphml.nodes(data=True):
        assert a["type"] and a["label"], node
        if a["kind"] == "region" and a["code"]:
            assert re.fullmatch(r"\d{6}", a["code"]), node
            assert (URIRef(node), URIRef("http://www.w3.org/2004/02/skos/core#notation"), Literal(a["code"])) in turtle
        if a["region"]:
            assert re.fullmatch(r"\d{6}", a["region"]), node
    zhuzhou = [a for a in graphml.nodes.values() if a["code"] == "430200"]
    assert zhuzhou and zhuzhou[0]["label"] == "株洲市" and zhuzhou[0]["type"] == "Region"
    for s, o, a in graphml.edges(data=True):
        assert a["relation"] in {"holds_post", "located_in", "part_of", "sub_organization_of", "run_by", "mentioned_in"}
        assert a["support"] >= 1 and a["weight"] == a["support"]


def test_graphml_edges_are_triples_of_the_turtle(graphml, turtle):
    posts = {(str(turtle.value(m, URIRef("http://www.w3.org/ns/org#member"))),
              str(turtle.value(m, URIRef("http://www.w3.org/ns/org#organization"))),
              str(turtle.value(m, URIRef(KG + "title"))))
             for m in turtle.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Membership"))}
    held = {(s, o, a["title"]) for s, o, a in graphml.edges(data=True) if a["relation"] == "holds_post"}
    assert held == posts and len(posts) > 10
    for s, o, a in graphml.edges(data=True):
        if a["relation"] in EDGE_PREDICATES:
            assert (URIRef(s), URIRef(EDGE_PREDICATES[a["relation"]]), URIRef(o)) in turtle, (s, a["relation"], o)


def test_graphml_read_by_igraph(out, graphml):
    g = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert g.is_directed()
    assert (g.vcount(), g.ecount()) == (graphml.number_of_nodes(), graphml.number_of_edges())
    assert {"type", "label", "code", "region", "kind"} <= set(g.vs.attributes())
    assert {"relation", "support", "label"} <= set(g.es.attributes())
    assert sorted(g.vs["id"]) == sorted(graphml.nodes)
    officials = g.vs.select(kind_eq="official")
    assert len(officials) > 10 and all(v["label"] for v in officials)
    assert all(s >= 1 for s in g.es["support"])


def test_gexf_read_by_networkx_matches_graphml(out, graphml):
    g = nx.read_gexf(out / "graph.gexf")
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == set(graphml.nodes)
    assert g.number_of_edges() == graphml.number_of_edges()
    for node, a in g.nodes(data=True):
        assert a["label"] == graphml.nodes[node]["label"]
        assert a["type"] == graphml.nodes[node]["type"]
        assert a["code"] == graphml.nodes[node]["code"]
    relations = sorted((s, o, a["relation"], a["support"]) for s, o, a in g.edges(data=True))
    assert relations == sorted((s, o, a["relation"], a["support"]) for s, o, a in graphml.edges(data=True))
    assert b"lastmodifieddate" not in (out / "graph.gexf").read_bytes()


# ---------------------------------------------------------------- Neo4j

def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]], rows


def test_neo4j_csvs_have_admin_import_headers_and_no_dangling_ids(out, graphml):
    node_header, nodes, node_rows = read_csv(out / "neo4j" / "nodes.csv")
    rel_header, rels, rel_rows = read_csv(out / "neo4j" / "relationships.csv")
    assert node_header[:2] == ["id:ID", ":LABEL"] and "label" in node_header and "mentions:int" in node_header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "support:int" in rel_header
    assert all(len(r) == len(node_header) for r in node_rows) and all(len(r) == len(rel_header) for r in rel_rows)
    ids = [n["id:ID"] for n in nodes]
    assert len(ids) == len(set(ids)) == graphml.number_of_nodes()
    known = set(ids)
    assert len(rels) == graphml.number_of_edges()
    for r in rels:
        assert r[":START_ID"] in known and r[":END_ID"] in known
        assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", r[":TYPE"])
        assert int(r["support:int"]) >= 1
        if r["confidence:float"]:
            assert 0 <= float(r["confidence:float"]) <= 1
    labels = {n[":LABEL"] for n in nodes}
    assert {"Official;Person", "Institution", "Region", "Zone;Region", "Program", "Document"} == labels
    assert {r[":TYPE"] for r in rels} >= {"HOLDS_POST", "LOCATED_IN", "RUN_BY", "MENTIONED_IN"}
    posts = [r for r in rels if r[":TYPE"] == "HOLDS_POST"]
    assert all(r["title"] for r in posts)
    for n in nodes:
        int(n["mentions:int"])
        assert all(alias for alias in n["aliases:string[]"].split(";") if n["aliases:string[]"])
    raw = (out / "neo4j" / "nodes.csv").read_bytes() + (out / "neo4j" / "relationships.csv").read_bytes()
    assert raw.count(b"\n") == len(node_rows) + len(rel_rows)  # one line per record

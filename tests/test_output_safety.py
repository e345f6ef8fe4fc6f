"""Safe output: awkward names and text give exports that every reader parses,
with valid IRIs and escaped HTML. (Interrupted builds: tests/test_export_sets.py.)"""
from __future__ import annotations

import csv
import json
import os
import re
import xml.dom.minidom
from decimal import Decimal

import pyoxigraph
import pytest
import rdflib

from kg.build import build

TEXT = ("株洲日报讯(记者/张三)株洲市人民政府副市长李明</script><script>alert(1)</script>出席会议并讲话。\n"
        "会议要求实施“</script><b>x</b>”行动和“a\"b\\c<img src=x>😀”工程,"
        "株洲市\x01人民政府\x7f办公室主任王刚\u2028参加。\n"
        "株洲市荷塘区委副书记、区长罗鹏程要求各地实施“美丽'乡村'”行动。\n")
FILE_NAMES = ['quote"s.txt', "back\\slash.txt", "<angle>&amp;.txt", "emoji😀.txt", "per%cent #hash?.txt",
              "tab\tname.txt", "new\nline.txt", "space name.htm"]
# IRI characters Turtle and N-Triples allow unescaped, with % only as a percent-escape.
IRI = re.compile(r"^https?://(?:[^\x00-\x20<>\"{}|^`\\%\ud800-\udfff\ufffe\uffff]|%[0-9A-F]{2})+$")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("awkward")
    (folder / "in").mkdir()
    for name in FILE_NAMES:
        (folder / "in" / name).write_text(TEXT, encoding="utf-8")
    with open(os.fsencode(folder / "in") + b"/not-utf8-\xff\xfe.txt", "wb") as fh:   # a name that is not UTF-8
        fh.write(TEXT.encode("utf-8"))
    report = build([str(folder / "in")], str(folder / "out"), cache=False)
    assert report.files == len(FILE_NAMES) + 1 and report.posts >= 3
    return folder / "out"


NUMBERS = {str(rdflib.XSD.decimal), str(rdflib.XSD.integer)}


def literal(value: str, language: str, datatype: str) -> tuple:
    if datatype in NUMBERS:
        value = str(Decimal(value).normalize())          # pyoxigraph writes 0.40 as 0.4
    return ("literal", value, language, "" if datatype == str(rdflib.XSD.string) else datatype)


def rdflib_terms(graph: rdflib.Graph) -> set:
    def term(t):
        if isinstance(t, rdflib.Literal):
            return literal(str(t), t.language or "", str(t.datatype or ""))
        return ("iri", str(t))
    return {tuple(term(t) for t in triple) for triple in graph}


def oxigraph_terms(store: pyoxigraph.Store) -> set:
    def term(t):
        if isinstance(t, pyoxigraph.Literal):
            return literal(t.value, t.language or "", "" if t.language else t.datatype.value)
        return ("iri", t.value)
    return {(term(q.subject), term(q.predicate), term(q.object)) for q in store}


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_rdf_exports_parse_alike_in_rdflib_and_pyoxigraph(out, name, fmt):
    graph = rdflib.Graph().parse(out / name, format=fmt)
    store = pyoxigraph.Store()
    store.load(path=str(out / name), format=pyoxigraph.RdfFormat.from_extension(name.split(".")[-1]))
    assert len(graph) == len(store) > 300
    assert rdflib_terms(graph) == oxigraph_terms(store)


def test_awkward_text_and_file_names_survive_as_literals(out):
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    values = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
    for name in FILE_NAMES:
        assert name in values
    assert "not-utf8-\ufffd\ufffd.txt" in values                  # undecodable bytes shown as U+FFFD
    assert any("李明</script><script>alert(1)</script>" in v for v in values)
    assert any("株洲市\x01人民政府\x7f办公室" in v for v in values)
    labels = {str(o) for o in graph.objects(predicate=rdflib.RDFS.label)}
    assert "</script><b>x</b>行动" in labels        # a quoted program keeps its kind
    assert not any(0xD800 <= ord(c) <= 0xDFFF for v in values for c in v)


def test_every_iri_is_valid_and_percent_encodes_what_it_must(out):
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    iris = {t.value for q in store for t in (q.subject, q.predicate, q.object) if isinstance(t, pyoxigraph.NamedNode)}
    assert len(iris) > 100
    bad = [i for i in iris if not IRI.match(i)]
    assert bad == []
    assert "https://w3id.org/hunan-kg/doc/quote%22s" in iris
    assert "https://w3id.org/hunan-kg/doc/not-utf8-%EF%BF%BD%EF%BF%BD" in iris
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert {str(t) for triple in graph for t in triple if isinstance(t, rdflib.URIRef)} == iris


def test_html_escapes_names_and_text_from_the_input(out):
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ("<script>alert(1)", "</script><b>x", "<img src=x>", "<angle>"):
        assert raw not in page


def test_graph_files_for_gephi_and_neo4j_parse(out):
    for name in ("graph.graphml", "graph.gexf"):
        xml.dom.minidom.parse(str(out / name))
    for name in ("nodes.csv", "relationships.csv"):
        with open(out / "neo4j" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len({len(r) for r in rows}) == 1 and len(rows) > 5
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ GraphML and GEXF for any text

def test_graphml_and_gexf_read_back_in_networkx_whatever_the_names_hold(tmp_path):
    import networkx as nx
    (tmp_path / "in").mkdir()
    names = ["ctrl\x01a.txt", "esc\x1b[31mred.txt", "amp&<lt>'q\".txt"]
    text = "株洲市\x01人民政府副市长李明要求实施“美丽\x1b[31m乡村&<b>”行动和“a\x08b\x0c\x7f”工程。\n"
    for name in names:
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    build([str(tmp_path / "in")], str(tmp_path / "out"), cache=False, formats=["graphml", "gexf"])
    for read in (nx.read_graphml, nx.read_gexf):
        graph = read(tmp_path / "out" / ("graph.graphml" if read is nx.read_graphml else "graph.gexf"))
        labels = {a["label"] for _, a in graph.nodes(data=True)}
        assert {"ctrl\ufffda.txt", "esc\ufffd[31mred.txt", "amp&<lt>'q\".txt"} <= labels
        assert "美丽\ufffd[31m乡村&<b>" in labels and "a\ufffdb\ufffd\x7f工程" in labels   # a kind kept


def test_graphml_and_gexf_writers_replace_what_xml_cannot_hold(tmp_path):
    import networkx as nx

    from kg.export.formats import write_gexf, write_graphml
    from kg.graph.network import from_networkx
    g = nx.MultiDiGraph()
    odd = "lone\ud800surrogate\x00nul\ufffe\uffff<&>\"'\r\n\t"
    for iri, label in (("https://w3id.org/hunan-kg/org/a", odd), ("https://w3id.org/hunan-kg/org/b", "b")):
        g.add_node(iri, kind="institution", label=label, code="", level="", aliases=json.dumps([odd]),
                   region="", mentions=1, sources="[]")
    g.add_edge("https://w3id.org/hunan-kg/org/a", "https://w3id.org/hunan-kg/org/b", key="part_of:", relation="part_of",
               label="part_of", title=odd, support=1, rule="test", confidence=0.5, sources="[]")
    network = from_networkx(g)
    expected = "lone\ufffdsurrogate\ufffdnul\ufffd\ufffd<&>\"'"
    graphml = nx.read_graphml(write_graphml(network, str(tmp_path / "g.graphml")))
    gexf = nx.read_gexf(write_gexf(network, str(tmp_path / "g.gexf")))
    for graph in (graphml, gexf):
        label = graph.nodes["https://w3id.org/hunan-kg/org/a"]["label"]
        assert label.startswith(expected) and "\t" in label
        (_, _, title), = graph.edges(data="title")
        assert title.startswith(expected)

"""GraphML, GEXF and the Neo4j CSVs are written straight from the light network
view (kg.graph.network.network), without networkx. Their bytes must be what
the networkx pipeline they replace wrote: the old to_network (a MultiDiGraph),
export_network's sorted copy, networkx's GraphML writer and GEXFWriter, and
the csv rows of the old write_neo4j. That pipeline is kept here, frozen, as
the oracle, and run on the seeds and on hand-made graphs with awkward names
(XML and CSV metacharacters, line breaks, tabs, quotes, `;` in aliases),
entities sharing an IRI, a fact as the first edge, no facts, no edges, nothing at all.
Issue 15 added to it what the files say of a post over time (status, rank, first and
last seen, start_date, end_date, on post edges after their confidence; the article's date of a
dated source sentence; six more columns at the end of relationships.csv)."""
from __future__ import annotations

import csv
import io
import json
import os
import tracemalloc

import networkx as nx
import pytest
from conftest import SEEDS
from networkx.readwrite.gexf import GEXFWriter

from kg.build import extract_all
from kg.export.formats import write_exports, write_gexf, write_graphml, write_neo4j
from kg.export.html import render
from kg.export.html_data import view_data
from kg.graph.iri import doc_iri, entity_iri
from kg.graph.network import KINDS, MAX_SOURCES, RELATIONS, network, to_network
from kg.ingest.inputs import find_inputs
from kg.model import Article, Document, EntityInfo, EntityKey, Evidence, Merged, MergedFact, OffsetMap, Sentence
from kg.resolve.merge import merge

NETWORK_FORMATS = ["graphml", "gexf", "html", "neo4j"]


# ------------------------------------------------------------------ the oracle: the networkx pipeline, frozen

def old_to_network(merged: Merged) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    sentences = {(d.doc_id, s.index): (d.name, s.text, a.date) for d in merged.documents
                 for a in d.articles for s in a.sentences}
    region_of = {f.subject: f.object for f in merged.facts if f.predicate == "located_in"}

    def source(e):
        name, text, date = sentences[(e.doc_id, e.sentence)]
        return {"file": name, "sentence": text, "start": e.start, "end": e.end} | ({"date": date} if date else {})

    def source_list(evidence):
        return json.dumps([source(e) for e in evidence[:MAX_SOURCES] if (e.doc_id, e.sentence) in sentences],
                          ensure_ascii=False)

    for key, info in merged.entities.items():
        if key.kind not in KINDS:
            continue
        region = region_of.get(key)
        g.add_node(entity_iri(key), kind=KINDS[key.kind], label=info.label, code=info.attrs.get("code", ""),
                   level=info.attrs.get("level", ""), aliases=json.dumps(sorted(info.aliases), ensure_ascii=False),
                   region=(merged.entities[region].attrs.get("code", "") if region in merged.entities else ""),
                   mentions=len(info.mentions), sources=source_list(info.mentions))
        for doc_id in sorted({e.doc_id for e in info.mentions}):
            g.add_edge(entity_iri(key), doc_iri(doc_id), key="mentioned_in", relation="mentioned_in",
                       label=RELATIONS["mentioned_in"], title="",
                       support=sum(e.doc_id == doc_id for e in info.mentions), sources="[]")
    for doc in merged.documents:
        g.add_node(doc_iri(doc.doc_id), kind="document", label=doc.name, code="", level="", aliases="[]",
                   region="", mentions=0, sources="[]")
    for f in merged.facts:
        if f.predicate not in RELATIONS or f.rule == "gazetteer" and f.subject not in merged.entities:
            continue
        s, o = entity_iri(f.subject), entity_iri(f.object)
        if s not in g or o not in g:
            continue
        label = f"{RELATIONS[f.predicate]}:{f.title}" if f.title else RELATIONS[f.predicate]
        career = {"status": f.status, "rank": f.rank, "first_seen": f.first_seen, "last_seen": f.last_seen,
                  "start_date": f.start, "end_date": f.end} if f.predicate == "holds_post" else {}
        g.add_edge(s, o, key=f"{f.predicate}:{f.title}", relation=f.predicate, label=label, title=f.title,
                   support=len(f.evidence) or 1, rule=f.rule, confidence=f.confidence, **career,
                   sources=source_list(f.evidence))
    return g


CAREER = ("status", "rank", "first_seen", "last_seen", "start_date", "end_date")


OLD_LABELS = {"official": ["Official", "Person"], "institution": ["Institution"], "region": ["Region"],
              "zone": ["Zone", "Region"], "program": ["Program"], "document": ["Document"]}


def old_export_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node in sorted(network.nodes):
        a = network.nodes[node]
        if "kind" not in a:
            continue
        attrs = {"type": OLD_LABELS.get(a["kind"], [a["kind"].title()])[0], "kind": a["kind"]}
        for name in ("label", "code", "level", "region", "mentions", "aliases", "sources"):
            attrs[name] = a.get(name, 0 if name == "mentions" else "")
        g.add_node(node, **attrs)
    edges = sorted(((s, o, a) for s, o, a in network.edges(data=True) if s in g and o in g),
                   key=lambda e: (e[0], e[1], e[2].get("relation", ""), e[2].get("title", "")))
    for i, (s, o, a) in enumerate(edges):
        attrs = {"relation": a.get("relation", ""), "label": a.get("label", ""), "title": a.get("title", ""),
                 "support": int(a.get("support", 0)), "weight": int(a.get("support", 0)), "rule": a.get("rule", "")}
        if a.get("confidence") is not None:
            attrs["confidence"] = float(a["confidence"])
            if a.get("relation") == "holds_post":
                attrs.update((name, a.get(name, "")) for name in CAREER)
        attrs["sources"] = a.get("sources", "[]")
        g.add_edge(s, o, key=f"e{i}", **attrs)
    return g


def old_files(merged: Merged, folder) -> dict[str, bytes]:
    g = old_export_network(old_to_network(merged))
    nx.write_graphml_xml(g, str(folder / "graph.graphml"), encoding="utf-8")
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(g)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "hunan-kg"
    with open(folder / "graph.gexf", "wb") as fh:
        writer.write(fh)

    def cell(value) -> str:
        return str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")

    nodes = [["id:ID", ":LABEL", "label", "kind", "code", "level", "region", "mentions:int", "aliases:string[]",
              "sources"]]
    for node, a in g.nodes(data=True):
        aliases = ";".join(x.replace(";", "；") for x in json.loads(a["aliases"] or "[]"))
        nodes.append([node, ";".join(OLD_LABELS.get(a["kind"], [a["type"]])), a["label"], a["kind"], a["code"],
                      a["level"], a["region"], a["mentions"], aliases, a["sources"]])
    rels = [[":START_ID", ":END_ID", ":TYPE", "label", "title", "support:int", "rule", "confidence:float", "sources",
             "status", "rank", "first_seen:date", "last_seen:date", "start_date:date", "end_date:date"]]
    for s, o, a in g.edges(data=True):
        rels.append([s, o, a["relation"].upper(), a["label"], a["title"], a["support"], a["rule"],
                     f"{a['confidence']:.2f}" if "confidence" in a else "", a["sources"],
                     *(a.get(name, "") for name in CAREER)])
    out = {"graph.graphml": (folder / "graph.graphml").read_bytes(), "graph.gexf": (folder / "graph.gexf").read_bytes()}
    for name, rows in (("nodes.csv", nodes), ("relationships.csv", rels)):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([[cell(v) for v in row] for row in rows])
        out[f"neo4j/{name}"] = buf.getvalue().encode("utf-8")
    return out


def new_files(merged: Merged, folder) -> dict[str, bytes]:
    net = network(merged)
    write_graphml(net, str(folder / "graph.graphml"))
    write_gexf(net, str(folder / "graph.gexf"))
    write_neo4j(net, str(folder / "neo4j"))
    return {name: (folder / name).read_bytes()
            for name in ("graph.graphml", "graph.gexf", "neo4j/nodes.csv", "neo4j/relationships.csv")}


# ------------------------------------------------------------------ graphs to write

AWKWARD = 'A&B <医院> "甲" \'乙\'\t丙\r\n丁;戊'


def doc(doc_id: str, name: str, sentences: list[str], date: str = "") -> Document:
    rows = [Sentence(i, 10 * i, 10 * i + len(text), text) for i, text in enumerate(sentences)]
    return Document(path=name, name=name, doc_id=doc_id, sha256="", encoding="utf-8", text="", offsets=OffsetMap(),
                    articles=[Article(0, 0, 10 * len(rows), sentences=rows, date=date,
                                      date_source="header" if date else "", date_precision="day" if date else "")])


def ev(doc_id: str, sentence: int, start: int = 0) -> Evidence:
    return Evidence(doc_id, 0, sentence, start, start + 3)


def entity(kind: str, name: str, scope: str = "", label: str = "", mentions=(), aliases=(), **attrs):
    key = EntityKey(kind, name, scope)
    return key, EntityInfo(key, label or name, set(aliases), dict(attrs), list(mentions))


def awkward_graph(mentions: bool = True) -> Merged:
    """Two files with awkward names and sentences; a province from the gazetteer (no mention), a city
    known under two keys that share its IRI, an institution with awkward name and aliases, an official
    with two posts in it, a program run by it, a journalist; facts the network leaves out."""
    docs = [doc("d1", 'a&b<c>"d".txt', [AWKWARD, "株洲市中心医院院长张三出席。", "line\nbreak & <tag>"], "2024-03-12"),
            doc("d-2", "第二\t篇;.txt", ["岳阳市\r\n卫健委", "另一句"])]

    def m(*refs):
        return [ev(d, s, k) for k, (d, s) in enumerate(refs)] if mentions else []

    ents = dict([
        entity("region", "湖南省", "430000", code="430000", level="province"),
        entity("region", "株洲", "430200", mentions=m(("d1", 1)), code="430200", level="prefecture"),
        entity("region", "株洲市", "430200", mentions=m(("d-2", 0), ("d-2", 1)), code="430200", level="prefecture"),
        entity("org", AWKWARD, mentions=m(("d1", 0), ("d1", 0), ("d1", 2), ("d-2", 0), ("d1", 9)),
               aliases=["x;y", 'q"uote', "line\nbreak", "<b>&amp;</b>"]),
        entity("person", "张三", "430200", label="张\t三", mentions=m(("d1", 1))),
        entity("program", "智慧医院", mentions=m(("d-2", 1))),
        entity("journalist", "刘琼", "430200", mentions=m(("d1", 1))),
    ])
    key = {(k.kind, k.name): k for k in ents}
    org, person, program = key["org", AWKWARD], key["person", "张三"], key["program", "智慧医院"]
    city, province = key["region", "株洲市"], key["region", "湖南省"]
    facts = [
        MergedFact(person, "author_of", "d1", "", [ev("d1", 1)], "byline", 1.0),
        MergedFact(person, "holds_post", org, "院长", [ev("d1", 1), ev("d1", 0)], "title-chain", 0.95, status="ended",
                   first_seen="2024-03-12", last_seen="2024-03-12", start="2021-05-06", end="2024-03-12",
                   rank="正处级"),
        MergedFact(person, "holds_post", org, AWKWARD, [ev("d1", 0)], "title-chain", 0.9, status="current"),
        MergedFact(person, "holds_post", key["journalist", "刘琼"], "记者", [ev("d1", 1)], "x", 0.5),
        MergedFact(org, "located_in", city, "", [ev("d1", 2)], "loc-suffix", 0.8),
        MergedFact(program, "run_by", org, "", [ev("d-2", 1), ev("d-2", 7)], "runs", 0.7),
        MergedFact(city, "part_of", province, "", [], "gazetteer", 1.0),
        MergedFact(EntityKey("region", "岳阳市", "430600"), "part_of", province, "", [], "gazetteer", 1.0),
        MergedFact(province, "sub_organization_of", org, "", [ev("d1", 0)], "odd", 0.0),
    ]
    return Merged(docs, ents, facts)


def one_file() -> Merged:
    return Merged([doc("only", "only.txt", ["一句"])], {}, [])


@pytest.fixture(scope="module")
def seeds() -> Merged:
    results, skipped = extract_all(find_inputs([SEEDS]), 1)
    assert not skipped
    return merge(results)


def mentions_only() -> Merged:
    merged = awkward_graph()
    return Merged(merged.documents, merged.entities, [])


CASES = {"awkward": awkward_graph, "facts first": lambda: awkward_graph(mentions=False),
         "mentions only": mentions_only, "no edges": one_file,
         "nothing": lambda: Merged([], {}, [])}


# ------------------------------------------------------------------ the tests

@pytest.mark.parametrize("case", list(CASES))
def test_graph_tool_files_are_byte_for_byte_the_networkx_writers(case, tmp_path):
    merged = CASES[case]()
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old, new = old_files(merged, tmp_path / "old"), new_files(merged, tmp_path / "new")
    for name in old:
        assert new[name] == old[name], f"{case}: {name}"
    if case != "nothing":
        g = nx.read_graphml(tmp_path / "new" / "graph.graphml")
        assert nx.utils.edges_equal(g.edges, nx.read_gexf(tmp_path / "new" / "graph.gexf").edges)


def test_seeds_graph_tool_files_are_byte_for_byte_the_networkx_writers(seeds, tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old, new = old_files(seeds, tmp_path / "old"), new_files(seeds, tmp_path / "new")
    assert new == old
    assert b"confidence" in old["graph.graphml"] and old["graph.graphml"].count(b"<edge ") > 800


def test_awkward_values_survive_the_graph_tools_readers(tmp_path):
    new_files(awkward_graph(), tmp_path)
    org = entity_iri(EntityKey("org", AWKWARD))
    graphml, gexf = nx.read_graphml(tmp_path / "graph.graphml"), nx.read_gexf(tmp_path / "graph.gexf")
    assert graphml.nodes[org]["label"] == AWKWARD.replace("\r\n", "\n")   # XML text: line ends normalised
    assert gexf.nodes[org]["label"] == AWKWARD                               # attributes keep &#13;&#10;
    for g in (graphml, gexf):
        assert json.loads(g.nodes[org]["aliases"]) == sorted(["x;y", 'q"uote', "line\nbreak", "<b>&amp;</b>"])
    with open(tmp_path / "neo4j" / "nodes.csv", encoding="utf-8", newline="") as fh:
        rows = {r["id:ID"]: r for r in csv.DictReader(fh)}
    assert rows[org]["aliases:string[]"].split(";") == ["<b>&amp；</b>", "line break", 'q"uote', "x；y"]


def test_the_view_keeps_what_networkx_kept(seeds):
    """to_network (now built from the light view) is the graph the old to_network made: same nodes,
    edges, keys and attributes; the view's edges come in export order and are counted right."""
    for merged in (seeds, awkward_graph(), awkward_graph(mentions=False)):
        old, new = old_to_network(merged), to_network(merged)
        assert dict(new.nodes(data=True)) == dict(old.nodes(data=True))
        assert sorted(map(repr, new.edges(keys=True, data=True))) == sorted(map(repr, old.edges(keys=True, data=True)))
        net = network(merged)
        edges = list(net.edges())
        assert edges == list(net.edges())                  # every pass gives the same edges
        assert [(e.source, e.target, e.relation, e.title) for e in edges] == \
            sorted((e.source, e.target, e.relation, e.title) for e in edges)
        assert net.number_of_edges == len(edges) == old.number_of_edges()
        assert net.rated == sum(e.confidence is not None for e in edges)


def test_entities_sharing_an_iri_merge_as_networkx_merged_them():
    net = network(awkward_graph())
    city = entity_iri(EntityKey("region", "株洲市", "430200"))
    (node,) = [n for n in net.nodes if n.iri == city]
    assert node.label == "株洲市" and node.mentions == 2          # the later entity's attributes
    links = {e.target: e.support for e in net.edges() if e.source == city and e.relation == "mentioned_in"}
    assert links == {doc_iri("d1"): 1, doc_iri("d-2"): 2}      # files of both, counted per entity


def test_the_page_shows_the_same_data_from_the_view_as_from_networkx(seeds):
    for merged in (seeds, awkward_graph()):
        assert render(network(merged)) == render(old_to_network(merged))
    data = view_data(network(awkward_graph()), large=False)
    org = next(n for n in (dict(zip(data["nodeFields"], r)) for r in data["nodes"]) if n["label"] == AWKWARD)
    # two spans of one sentence, two other sentences; the mention of a sentence the file lacks is left out
    assert [data["sentences"][i][3] for i in org["sources"]] == [AWKWARD, AWKWARD, "line\nbreak & <tag>",
                                                                "岳阳市\r\n卫健委"]


def test_network_exports_hold_no_per_edge_structures(tmp_path):
    """The four network exports of a graph with 30,000 mention links, as traced by tracemalloc: 9 MB
    when measured, most of it the page's fixed parts (the MultiDiGraph, its sorted copy and the
    ElementTree made it 158 MB, about 5 KB a link)."""
    files = [doc(f"f{i:04d}", f"f{i:04d}.txt", ["一句"]) for i in range(150)]
    ents = dict(entity("org", f"机构{j:03d}", mentions=[ev(f"f{i:04d}", 0) for i in range(150)]) for j in range(200))
    merged = Merged(files, ents, [])
    assert network(merged).number_of_edges == 30_000
    tracemalloc.start()
    try:
        write_exports(str(tmp_path), merged, None, NETWORK_FORMATS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25_000_000, f"{peak / 1e6:.1f} MB"
    assert os.path.getsize(tmp_path / "graph.graphml") > 30_000 * 300


def test_a_posts_career_and_a_sources_date_reach_every_graph_tool(tmp_path):
    new_files(awkward_graph(), tmp_path)
    want = {"status": "ended", "rank": "正处级", "first_seen": "2024-03-12", "last_seen": "2024-03-12",
            "start_date": "2021-05-06", "end_date": "2024-03-12"}
    for g in (nx.read_graphml(tmp_path / "graph.graphml"), nx.read_gexf(tmp_path / "graph.gexf")):
        (post,) = [a for _, _, a in g.edges(data=True) if a.get("title") == "院长"]
        assert {k: post[k] for k in want} == want
        assert json.loads(post["sources"])[0]["date"] == "2024-03-12"
        others = [a for _, _, a in g.edges(data=True) if a.get("relation") not in ("holds_post",)]
        assert others and not any("status" in a for a in others)
    with open(tmp_path / "neo4j" / "relationships.csv", encoding="utf-8", newline="") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["title"] == "院长"]
    assert {k.split(":")[0]: v for k, v in row.items() if k.split(":")[0] in want} == want
    data = view_data(network(awkward_graph()), large=False)
    edges = [dict(zip(data["edgeFields"], r)) for r in data["edges"]]
    posts = [dict(zip(data["postFields"], p)) for e in edges for p in e["posts"]]
    assert {"title": "院长", "firstSeen": "2024-03-12", "lastSeen": "2024-03-12", "start": "2021-05-06",
            "end": "2024-03-12", "status": "ended", "rank": "正处级"} in posts

"""The RDF exports streamed from the merged model (kg.graph.rdf.subjects ->
kg.export.rdf_files): the same triples as an rdflib Graph built the obvious way,
the same in all three files, each subject once and in order, and the same
JSON-LD text as rdflib's serializer gives. The corpus is the seeds and a dated
page of notices (tests/data/dated), so posts' statuses, dates and tenures are in it."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
import rdflib
import rdflib.compare
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.build import extract_all
from kg.export.rdf_files import FILES, JsonLdWriter, NTriplesWriter, nt_term, render, write_blocks, write_rdf
from kg.export.turtle import TurtleWriter
from kg.graph.iri import (
    BASE,
    GAZETTEER,
    article_iri,
    doc_iri,
    entity_iri,
    post_iri,
    role_iri,
    sentence_iri,
    statement_iri,
)
from kg.graph.rdf import PREFIXES, Lit, graph_of, subjects, triples
from kg.ingest.inputs import find_inputs
from kg.resolve.merge import merge

KG, ORG, SCHEMA, PROV, TIME = (Namespace(PREFIXES[p]) for p in ("kg", "org", "schema", "prov", "time"))
DATED = os.path.join(ROOT, "tests", "data", "dated")
RANKS = {"正部级": KG.ZhengBu, "副部级": KG.FuBu, "正厅级": KG.ZhengTing, "副厅级": KG.FuTing, "正处级": KG.ZhengChu,
         "副处级": KG.FuChu, "正科级": KG.ZhengKe, "副科级": KG.FuKe}


@pytest.fixture(scope="module")
def merged():
    results, skipped = extract_all(find_inputs([SEEDS, DATED]), 1)
    assert not skipped
    return merge(results)


@pytest.fixture(scope="module")
def written(merged, tmp_path_factory):
    out = tmp_path_factory.mktemp("rdf")
    paths, count = write_rdf(str(out), merged)
    assert paths == [str(out / FILES[f]) for f in ("ttl", "jsonld", "nt")]
    return out, count


def reference(merged) -> Graph:
    """The graph as kg built it with rdflib, one g.add at a time, before the exports were streamed."""
    g = Graph()
    used = set()
    zh = lambda text: Literal(text, lang="zh")   # noqa: E731

    def sources(node, evidence):
        for ev in evidence:
            g.add((node, PROV.wasDerivedFrom, URIRef(sentence_iri(ev.doc_id, ev.sentence))))
            used.add((ev.doc_id, ev.sentence))

    def career(post, f):
        g.add((post, KG.status, KG[f.status.capitalize()]))
        if f.rank:
            g.add((post, KG.rank, RANKS[f.rank]))
        for p, day in ((KG.firstSeen, f.first_seen), (KG.lastSeen, f.last_seen)):
            if day:
                g.add((post, p, Literal(day, datatype=XSD.date)))
        if f.start or f.end:
            during = URIRef(str(post) + "/during")
            g.add((post, ORG.memberDuring, during))
            g.add((during, RDF.type, TIME.Interval))
            for p, day in ((TIME.hasBeginning, f.start), (TIME.hasEnd, f.end)):
                if day:
                    instant = URIRef(f"{BASE}date/{day}")
                    g.add((during, p, instant))
                    g.add((instant, RDF.type, TIME.Instant))
                    g.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))

    types = {"region": [KG.Region], "zone": [KG.Region, KG.Zone], "org": [ORG.Organization],
             "person": [KG.Official, SCHEMA.Person], "journalist": [KG.Journalist, SCHEMA.Person],
             "program": [KG.Program]}
    predicates = {"located_in": KG.locatedIn, "part_of": SCHEMA.containedInPlace,
                  "sub_organization_of": ORG.subOrganizationOf, "run_by": KG.runBy}
    for key, info in merged.entities.items():
        node = URIRef(entity_iri(key))
        for t in types[key.kind]:
            g.add((node, RDF.type, t))
        g.add((node, RDFS.label, zh(info.label)))
        for alias in info.aliases:
            g.add((node, SKOS.altLabel, zh(alias)))
        if info.attrs.get("code"):
            g.add((node, SKOS.notation, Literal(info.attrs["code"])))
        if info.attrs.get("level") in ("province", "prefecture", "county", "township", "village"):
            g.add((node, KG.level, KG[info.attrs["level"].title()]))
        if key.kind == "org":
            g.add((node, KG.explicit, Literal(bool(info.attrs.get("explicit", False)))))
        if key.kind != "journalist":
            g.add((node, KG.mentionCount, Literal(len(info.mentions))))
            sources(node, info.mentions)
    for f in merged.facts:
        s = URIRef(entity_iri(f.subject))
        conf = Literal(f"{f.confidence:.2f}", datatype=XSD.decimal)
        if f.predicate == "holds_post":
            post, role = URIRef(post_iri(f.subject, f.object, f.title)), URIRef(role_iri(f.title))
            for p, o in ((RDF.type, ORG.Membership), (ORG.member, s), (ORG.organization, URIRef(entity_iri(f.object))),
                         (ORG.role, role), (KG.title, zh(f.title)),
                         (RDFS.label, zh(f"{f.subject.name} {f.object.name}{f.title}")), (KG.rule, Literal(f.rule)),
                         (KG.confidence, conf)):
                g.add((post, p, o))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, zh(f.title)))
            career(post, f)
            sources(post, f.evidence)
        elif f.predicate == "author_of":
            doc_id, index = f.object.rsplit("/", 1)
            g.add((URIRef(article_iri(doc_id, int(index))), SCHEMA.author, s))
        else:
            p, o = predicates[f.predicate], URIRef(entity_iri(f.object))
            g.add((s, p, o))
            stmt = URIRef(statement_iri(str(s), str(p), str(o)))
            for pp, oo in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                           (KG.rule, Literal(f.rule)), (KG.confidence, conf)):
                g.add((stmt, pp, oo))
            if f.rule == "gazetteer":
                g.add((stmt, PROV.wasDerivedFrom, URIRef(GAZETTEER)))
            else:
                sources(stmt, f.evidence)
    g.add((URIRef(GAZETTEER), RDF.type, PROV.Entity))
    g.add((URIRef(GAZETTEER), RDFS.label,
           Literal("GB/T 2260 administrative divisions, from jionlp 1.5.31 (Apache-2.0), vintage 2021", lang="en")))
    for doc in merged.documents:
        d = URIRef(doc_iri(doc.doc_id))
        for p, o in ((RDF.type, KG.Document), (SCHEMA.name, Literal(doc.name)), (KG.sha256, Literal(doc.sha256)),
                     (KG.encoding, Literal(doc.encoding))):
            g.add((d, p, o))
        for art in doc.articles:
            a = URIRef(article_iri(doc.doc_id, art.index))
            g.add((a, RDF.type, KG.Article))
            g.add((a, DCTERMS.isPartOf, d))
            if art.headline:
                g.add((a, SCHEMA.headline, zh(art.headline)))
            if art.source:
                g.add((a, DCTERMS.publisher, zh(art.source)))
            start, end = doc.offsets.span(art.start, art.end)
            g.add((a, KG.start, Literal(start)))
            g.add((a, KG.end, Literal(end)))
            if art.date:
                kind = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[art.date_precision]
                g.add((a, DCTERMS.date, Literal(art.date, datatype=kind)))
                g.add((a, KG.dateSource, Literal(art.date_source)))
                g.add((a, KG.datePrecision, Literal(art.date_precision)))
            for sent in art.sentences:
                if (doc.doc_id, sent.index) in used:
                    sn = URIRef(sentence_iri(doc.doc_id, sent.index))
                    start, end = doc.offsets.span(sent.start, sent.end)
                    for p, o in ((RDF.type, KG.Sentence), (DCTERMS.isPartOf, a), (KG.text, zh(sent.text)),
                                 (KG.start, Literal(start)), (KG.end, Literal(end))):
                        g.add((sn, p, o))
    return g


def test_the_generated_triples_are_the_graph_kg_built_with_rdflib(merged):
    expected = reference(merged)
    got = graph_of(triples(merged))
    assert len(expected) > 8000
    assert len(got) == len(expected) == sum(1 for _ in triples(merged))   # no triple twice
    assert set(got) == set(expected)


def test_each_subject_comes_once_in_order_with_no_pair_twice(merged):
    blocks = list(subjects(merged))
    iris = [s for s, _ in blocks]
    assert iris == sorted(set(iris))
    for s, pairs in blocks:
        assert pairs and len(pairs) == len(set(pairs)), s
    # a document comes right before its own articles and sentences
    doc = doc_iri(merged.documents[0].doc_id)
    at = iris.index(doc)
    assert iris[at + 1] == article_iri(merged.documents[0].doc_id, 0)


def test_the_three_files_hold_exactly_the_generated_triples(merged, written):
    out, count = written
    generated = set(graph_of(triples(merged)))
    assert count == len(generated)
    for fmt, name in (("turtle", "graph.ttl"), ("json-ld", "graph.jsonld"), ("nt", "graph.nt")):
        parsed = rdflib.Graph().parse(out / name, format=fmt)
        assert len(parsed) == count and set(parsed) == generated, name


def test_each_file_names_every_subject_once(merged, written):
    out, _ = written
    iris = [s for s, _ in subjects(merged)]
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    starts = [line.split(" ", 1)[0] for line in ttl.split("\n\n")[1:]]
    assert starts == [f"<{s}>" for s in iris]
    nodes = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert [n["@id"] for n in nodes] == iris
    lines = (out / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)) and len(lines) == written[1]


def test_jsonld_is_the_text_rdflibs_serializer_gives(merged, written):
    """rdflib's JSON-LD of the same graph, compacted with our prefixes and sorted, as kg wrote it before."""
    out, _ = written
    context = dict(sorted(PREFIXES.items()))
    doc = json.loads(reference(merged).serialize(format="json-ld", context=context, auto_compact=True))

    def ordered(value, key=""):
        if isinstance(value, dict):
            return {k: ordered(v, k) for k, v in value.items()}
        if isinstance(value, list):
            items = [ordered(v) for v in value]
            return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False,
                                                                                       sort_keys=True))
        return value

    nodes = sorted((ordered(n) for n in doc["@graph"]), key=lambda n: n["@id"])
    text = json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert (out / "graph.jsonld").read_text(encoding="utf-8") == text


class DeepestNTriples(NTriplesWriter):
    deepest = 0

    def write(self, s, pairs):
        super().write(s, pairs)
        DeepestNTriples.deepest = max(DeepestNTriples.deepest, len(self.held))


def test_the_writers_keep_no_state_per_subject(merged):
    bufs = {fmt: io.StringIO() for fmt in ("ttl", "jsonld", "nt")}
    writers = [TurtleWriter(bufs["ttl"]), JsonLdWriter(bufs["jsonld"]), DeepestNTriples(bufs["nt"])]
    n = 0
    for s, pairs in subjects(merged):
        n += 1
        for w in writers:
            w.write(s, pairs)
    for w in writers:
        w.close()
    assert n > 1000
    assert len(writers[0].names.vocab) < 90 and len(writers[0].predicates) < 60   # vocabulary only (levels, ranks…)
    assert len(writers[1].context.shrunk) + len(writers[1].context.symbols) < 120
    assert len(writers[2].predicates) < 60 and 2 <= DeepestNTriples.deepest <= 3   # doc/x waits for doc/x/a000 ...


BLOCK = [("http://www.w3.org/2000/01/rdf-schema#label", Lit("名", "zh"))]


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
@pytest.mark.parametrize("order", [["org/甲", "org/甲"], ["org/甲", "org/乙"]])
def test_a_subject_twice_or_out_of_order_is_refused_not_written(fmt, order):
    with pytest.raises(RuntimeError, match="each subject once, in order|each node once, in order"):
        render([(BASE + iri, BLOCK) for iri in order], fmt)


# IRIs that are prefixes of one another, with next characters on both sides of '>':
# doc/x, doc/x-1, doc/x/a000, doc/x0, doc/xa, ...
SUFFIX = st.text(st.sampled_from("0189az/-._~%"), max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.sets(SUFFIX, min_size=1, max_size=25), st.integers(1, 3))
def test_ntriples_lines_come_out_sorted_whatever_the_prefixes(suffixes, per_subject):
    iris = sorted(f"{BASE}doc/x{s}" for s in suffixes)
    blocks = [(s, [(f"{PREFIXES['kg']}p{i}", Lit(str(i), "", "")) for i in range(per_subject)] +
               [(f"{PREFIXES['kg']}q", o) for o in iris[:2]]) for s in iris]
    expected = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, pairs in blocks for p, o in pairs)
    assert render(blocks, "nt") == "".join(expected)
    parsed = rdflib.Graph().parse(data=render(blocks, "ttl"), format="turtle")
    assert rdflib.compare.isomorphic(parsed, rdflib.Graph().parse(data="".join(expected), format="nt"))


def test_an_empty_graph_gives_valid_files(tmp_path):
    outputs = {fmt: io.StringIO() for fmt in ("ttl", "jsonld", "nt")}
    assert write_blocks([], outputs) == 0
    assert json.loads(outputs["jsonld"].getvalue())["@graph"] == []
    assert outputs["nt"].getvalue() == ""
    assert len(rdflib.Graph().parse(data=outputs["ttl"].getvalue(), format="turtle")) == 0


def test_write_rdf_writes_only_the_chosen_formats(merged, tmp_path):
    paths, count = write_rdf(str(tmp_path), merged, ["nt"])
    assert paths == [os.path.join(str(tmp_path), "graph.nt")] and count > 8000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


def test_the_rdf_exports_do_not_import_rdflib():
    code = "import sys, kg.export.rdf_files, kg.graph.rdf; print('rdflib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr

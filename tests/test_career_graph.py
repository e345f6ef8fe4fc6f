"""Issue 15's terms in the ontology, the shapes and the bundled queries, on a hand-written graph
(tests/data/career.ttl: dated articles, first/last seen, status, rank, start and end) and on the
seeds' graph, whose posts have a status and a rank but no dates (the seeds' pages are undated)."""
from __future__ import annotations

import json
import os

import pytest
import rdflib
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kg.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAREER = os.path.join(ROOT, "tests", "data", "career.ttl")
KG = Namespace("https://w3id.org/hunan-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
D = "https://w3id.org/hunan-kg/"


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


# ------------------------------------------------------------------ the ontology

def test_the_new_terms_have_chinese_and_english_labels():
    onto = rdflib.Graph().parse(os.path.join(ROOT, "ontology", "kg.ttl"))
    terms = [KG.firstSeen, KG.lastSeen, KG.status, KG.PostStatus, KG.Current, KG.Nominated, KG.Ended, KG.Former,
             KG.rank, KG.Rank, KG.dateSource, KG.datePrecision, DCTERMS.date, ORG.memberDuring, TIME.Interval,
             TIME.hasBeginning, TIME.hasEnd, TIME.Instant, TIME.inXSDDate]
    for term in terms:
        assert {o.language for o in onto.objects(term, RDFS.label)} == {"zh", "en"}, term
    ranks = sorted(onto.subjects(RDF.type, KG.Rank), key=lambda r: int(onto.value(r, rdflib.SKOS.notation)))
    zh = [next(str(o) for o in onto.objects(r, RDFS.label) if o.language == "zh") for r in ranks]
    assert zh == ["正部级", "副部级", "正厅级", "副厅级", "正处级", "副处级", "正科级", "副科级"]
    assert "not the start of the tenure" in str(onto.value(KG.firstSeen, RDFS.comment))


# ------------------------------------------------------------------ the shapes

def test_a_graph_with_the_new_properties_conforms(capsys):
    code, out = run(capsys, "validate", CAREER)
    assert code == 0, out
    assert out.splitlines()[-1].startswith(f"{CAREER}: conforms to shapes.ttl (")


@pytest.fixture
def broken(tmp_path):
    """The career graph with the new properties broken, one node each."""
    g = rdflib.Graph().parse(CAREER)
    post = URIRef(D + "post/谭文博-县长")
    g.set((post, KG.status, KG.Retired))                                   # not one of the four
    former = URIRef(D + "post/欧阳林峰-副书记")
    g.set((former, KG.firstSeen, Literal("2021-03", datatype=XSD.gYearMonth)))   # not an xsd:date
    ended = URIRef(D + "post/欧阳林峰-县长")
    g.set((ended, KG.rank, KG.ZhengJu))                                   # no such rank
    end = g.value(g.value(ended, ORG.memberDuring), TIME.hasEnd)
    g.set((end, TIME.inXSDDate, Literal("2020-12-28", datatype=XSD.date)))       # before its beginning
    month = URIRef(D + "doc/zzrb-2024-03/a000")
    g.set((month, KG.datePrecision, Literal("day")))                       # a gYearMonth is not a day
    mtime = URIRef(D + "doc/zzrb-2021-03-05/a000")
    g.set((mtime, KG.dateSource, Literal("mtime")))
    undated = URIRef(D + "post/刘明远-局长")
    interval = BNode()
    g.add((undated, ORG.memberDuring, interval))                           # an interval with no dates
    g.add((interval, RDF.type, TIME.Interval))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    return path, {"status": post, "firstSeen": former, "rank": ended, "month": month, "mtime": mtime,
                  "undated": undated}


def test_a_graph_with_them_broken_does_not_conform_and_each_node_is_named(capsys, broken):
    path, nodes = broken
    code, out = run(capsys, "validate", str(path))
    assert code == 1
    lines = out.splitlines()

    def says(node, text):
        assert any(line.startswith(f"Violation: {node}") and text in line for line in lines), (node, text, out)

    says(nodes["status"], "one of kg:Current, kg:Nominated, kg:Ended, kg:Former")
    says(nodes["firstSeen"], "first seen on one xsd:date")
    says(nodes["rank"], "a concept of kg:Ranks")
    says(nodes["rank"], "beginning is not after its end")
    says(nodes["month"], "datatype agrees")
    says(nodes["mtime"], "one of header, dateline, meta, filename")
    says(nodes["undated"], "a dated beginning or end")
    assert any(line.startswith("Violation: n") and "has a beginning or an end" in line
               for line in lines)   # the interval
    assert lines[-1].split(": ")[-1].startswith("8 violations")


# ------------------------------------------------------------------ the queries

def rows(out: str) -> list[dict]:
    doc = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_career_lists_a_persons_posts_in_date_order_undated_last(capsys, engine):
    code, out = run(capsys, "query", "career", "--graph", CAREER, "--bind", "person=欧阳林峰", "--format", "json",
                    "--engine", engine)
    assert code == 0
    found = [(r["title"], r["org"], r.get("region"), r.get("rank"), r.get("status"), r.get("firstSeen"),
              r.get("lastSeen"), r.get("start"), r.get("end")) for r in rows(out)]
    assert found == [
        ("县长", "攸县人民政府", "攸县", "正处级", "ended", "2021-03-05", "2022-12-29", "2021-01-08", "2022-12-28"),
        ("副书记", "中共攸县委员会", "攸县", "副处级", "former", "2021-03-05", "2021-03-05", None, None),
        ("书记", "中共攸县委员会", "攸县", "正处级", "current", None, None, None, None)]
    assert {r["official"] for r in rows(out)} == {D + "person/430200/欧阳林峰"}


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_holders_lists_who_held_a_title_in_a_region_oldest_first(capsys, engine):
    code, out = run(capsys, "query", "holders", "--graph", CAREER, "--bind", "title=县长", "--bind", "code=430223",
                    "--format", "json", "--engine", engine)
    assert code == 0
    assert [(r["person"], r["org"], r.get("status"), r.get("start"), r.get("end")) for r in rows(out)] == [
        ("欧阳林峰", "攸县人民政府", "ended", "2021-01-08", "2022-12-28"),
        ("谭文博", "攸县人民政府", "current", "2022-12-28", None)]
    code, out = run(capsys, "query", "holders", "--graph", CAREER, "--bind", "org=中共攸县委员会", "--format", "json",
                    "--engine", engine)
    assert [(r["title"], r["person"]) for r in rows(out)] == [("书记", "欧阳林峰"), ("副书记", "欧阳林峰")]


@pytest.fixture(scope="module")
def seeds_ttl(seeds_build):
    return str(seeds_build[0] / "graph.ttl")


def test_both_queries_run_on_the_seeds_graph_and_give_current_ranked_posts_without_dates(capsys, seeds_ttl):
    """The seeds' pages carry no date (no header, datelines without a year, no date in their names)."""
    code, out = run(capsys, "query", "career", "--graph", seeds_ttl, "--bind", "person=罗鹏程", "--format", "json")
    assert code == 0
    assert sorted((r["title"], r["org"], r["status"], r["rank"]) for r in rows(out)) == [
        ("副书记", "中共株洲市荷塘区委员会", "current", "副处级"), ("区长", "荷塘区人民政府", "current", "正处级")]
    assert all("firstSeen" not in r and "start" not in r for r in rows(out))
    code, out = run(capsys, "query", "holders", "--graph", seeds_ttl, "--bind", "code=430202", "--format", "json")
    assert code == 0 and {r["person"] for r in rows(out)} == {"罗鹏程"}

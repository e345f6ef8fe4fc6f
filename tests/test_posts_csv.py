"""Issue 15, items 5 and "done when": posts.csv, one row per post, that opens alike in Excel, pandas
and R (UTF-8 with a BOM, RFC 4180), built end to end from a page dated in its header with a
meeting report and a 任免 notice (tests/data/dated/zzrb-a03.txt: 炎陵县 and 株洲市 are real, the
people invented)."""
from __future__ import annotations

import csv
import json
import os

import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, XSD

import kg
from kg.build import build
from kg.cli import main
from kg.export.html_data import view_data
from kg.export.posts_csv import COLUMNS, post_rows, write_posts_csv
from kg.graph.network import network
from kg.model import Article, Document, EntityInfo, EntityKey, Evidence, Merged, MergedFact, OffsetMap, Sentence

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATED = os.path.join(ROOT, "tests", "data", "dated")
KG = rdflib.Namespace("https://w3id.org/hunan-kg/ontology#")


def read_rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dated")
    assert main(["build", DATED, "--out", str(out), "--no-cache", "--quiet", "--workers", "1"]) == 0
    return out


def test_a_dated_page_of_a_meeting_and_a_notice_gives_the_career_rows(built):
    rows = {(r["person"], r["title"]): r for r in read_rows(built / "posts.csv")}
    x, y_deputy, y, z, w = (rows["陈立刚", "书记"], rows["罗志远", "副书记"], rows["罗志远", "县长"],
                            rows["郭文博", "主任"], rows["彭海涛", "局长"])
    assert (x["organization"], y_deputy["organization"], y["organization"]) == (
        "中共炎陵县委员会", "中共炎陵县委员会", "炎陵县人民政府")
    assert (z["organization"], w["organization"]) == ("株洲市发展和改革委员会", "株洲市教育局")
    assert [r["rank"] for r in (x, y, y_deputy, z)] == ["正处级", "正处级", "副处级", "正处级"]
    assert w["rank"] == "正处级"
    assert all(r["first_seen"] == r["last_seen"] == "2024-03-12" for r in rows.values())
    assert z["start"] == "2024-03-12" and z["end"] == "" and z["status"] == "current"
    assert w["end"] == "2024-03-12" and w["status"] == "ended"
    assert (x["region"], x["region_code"], x["province"], x["prefecture"], x["county"]) == (
        "炎陵县", "430225", "湖南省", "株洲市", "炎陵县")
    assert (z["region"], z["region_code"], z["county"]) == ("株洲市", "430200", "")
    assert z["source_file"] == "zzrb-a03.txt" and "任命郭文博为株洲市发展和改革委员会主任" in z["sentence"]
    assert z["rule"] == "appointment" and z["sources"] == "1" and z["post"].startswith("https://w3id.org/hunan-kg/post/")


def test_the_pages_articles_carry_their_date_in_the_graph(built):
    g = rdflib.Graph().parse(built / "graph.ttl")
    articles = set(g.subjects(RDF.type, KG.Article))
    assert len(articles) == 2
    for a in articles:
        assert g.value(a, DCTERMS.date) == Literal("2024-03-12", datatype=XSD.date)
        assert str(g.value(a, KG.dateSource)) == "header"


def test_the_file_is_utf8_with_a_bom_crlf_and_exactly_the_columns(built):
    data = (built / "posts.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert COLUMNS == ("person", "title", "organization", "region", "region_code", "province", "prefecture", "county",
                       "rank", "status", "first_seen", "last_seen", "start", "end", "sources", "source_file",
                       "sentence", "confidence", "rule", "post")


AWKWARD = ['张三', '院长,副院长', '"甲"医院', '第一行\r\n第二行', "=1+1"]


def awkward() -> Merged:
    """Values with commas, quotes, line breaks and a leading =."""
    sentence = Sentence(0, 0, 20, '他说:"好,很好"\n再见')
    doc = Document(path="a,b.txt", name="a,b.txt", doc_id="d", sha256="", encoding="utf-8", text="",
                   offsets=OffsetMap(), articles=[Article(0, 0, 20, sentences=[sentence])])
    person, org = EntityKey("person", "张三", "430200"), EntityKey("org", AWKWARD[2])
    entities = {person: EntityInfo(person, "张三"), org: EntityInfo(org, AWKWARD[2])}
    facts = [MergedFact(person, "holds_post", org, title, [Evidence("d", 0, 0, 0, 20)], "r,1", 0.5, status="current")
             for title in AWKWARD[1:]]
    return Merged([doc], entities, facts)


def test_commas_quotes_and_line_breaks_are_quoted_and_read_back(tmp_path):
    path = write_posts_csv(str(tmp_path), awkward())
    data = open(path, "rb").read()
    assert b'"\xe9\x99\xa2\xe9\x95\xbf,\xe5\x89\xaf\xe9\x99\xa2\xe9\x95\xbf"' in data          # "院长,副院长"
    assert '"""甲""医院"'.encode() in data                                                  # quotes doubled
    rows = read_rows(path)
    assert sorted(r["title"] for r in rows) == sorted(AWKWARD[1:])
    assert {r["sentence"] for r in rows} == {'他说:"好,很好"\n再见'}
    assert {r["organization"] for r in rows} == {'"甲"医院'} and {r["source_file"] for r in rows} == {"a,b.txt"}
    assert [list(r.values()) for r in rows] == post_rows(awkward())


def test_pandas_reads_what_csv_reads(tmp_path):
    pd = pytest.importorskip("pandas")
    path = write_posts_csv(str(tmp_path), awkward())
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert frame.values.tolist() == [list(r.values()) for r in read_rows(path)]


def test_the_rows_are_the_same_bytes_for_any_order_of_files_and_workers(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = open(os.path.join(DATED, "zzrb-a03.txt"), encoding="utf-8").read()
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    (corpus / "a.txt").write_text(text.replace("2024年3月12日 星期二", "2024年6月4日 星期二"), encoding="utf-8")
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        build([str(corpus / "b.txt"), str(corpus / "a.txt")][::(-1) ** workers], str(out), workers=workers,
              cache=False, formats=["posts"])
        outs.append((out / "posts.csv").read_bytes())
    assert outs[0] == outs[1]
    rows = read_rows(tmp_path / "out1" / "posts.csv")
    w = next(r for r in rows if r["person"] == "彭海涛")
    # the same dismissal printed again later: still ended on the first page's day
    assert (w["first_seen"], w["last_seen"], w["end"], w["sources"]) == ("2024-03-12", "2024-06-04", "2024-03-12", "2")


# ------------------------------------------------------------------ the same build through the queries,
#                                                                    the shapes, the page

def query(capsys, built, *argv) -> list[dict]:
    assert main(["query", *argv, "--graph", str(built / "graph.ttl"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    return [{k: v["value"] for k, v in row.items()} for row in out["results"]["bindings"]]


def test_career_and_holders_give_dated_rows(capsys, built):
    rows = query(capsys, built, "career", "--bind", "person=罗志远")
    assert [(r["title"], r["rank"], r["status"], r["firstSeen"], r["lastSeen"]) for r in rows] == [
        ("副书记", "副处级", "current", "2024-03-12", "2024-03-12"),
        ("县长", "正处级", "current", "2024-03-12", "2024-03-12")]
    rows = query(capsys, built, "holders", "--bind", "org=株洲市教育局")
    assert [(r["person"], r["status"], r["end"], r["code"]) for r in rows] == [
        ("彭海涛", "ended", "2024-03-12", "430200")]
    rows = query(capsys, built, "career", "--bind", "person=郭文博")
    assert [(r["title"], r["start"], r.get("end")) for r in rows] == [("主任", "2024-03-12", None)]


def test_the_dated_graph_conforms_to_the_shapes(capsys, built):
    assert main(["validate", str(built / "graph.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_the_explorer_gets_each_persons_dated_posts(built):
    with open(os.path.join(DATED, "zzrb-a03.txt"), encoding="utf-8") as fh:
        merged = kg.extract_text(fh.read(), "zzrb-a03.txt")
    data = view_data(network(merged), large=False)
    label = {i: dict(zip(data["nodeFields"], n))["label"] for i, n in enumerate(data["nodes"])}
    posts = {(label[e[0]], p[0]): dict(zip(data["postFields"], p)) for e in data["edges"] if e[2] == "holds_post"
             for p in e[-1]}
    assert posts["彭海涛", "局长"] == {"title": "局长", "firstSeen": "2024-03-12", "lastSeen": "2024-03-12",
                                    "start": "", "end": "2024-03-12", "status": "ended", "rank": "正处级"}
    assert posts["郭文博", "主任"]["start"] == "2024-03-12"
    assert {row[4] for row in data["sentences"]} == {"2024-03-12"}       # every source sentence dated
    assert "2024-03-12" in (built / "graph.html").read_text(encoding="utf-8")

"""Issue 15, item 1: every article of a build gets dcterms:date when the page says it (header,
HTML meta, dateline with the year from the page or the file name, the file name), with
kg:dateSource and kg:datePrecision; `kg build --date-from` chooses; nothing comes from a file's
modification time; and the cache keys what a date depends on beyond the file's content."""
from __future__ import annotations

import os

import pytest
import rdflib
from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, XSD

from kg.build import BuildError, build
from kg.cli import main
from kg.ingest.dates import article_dates

KG = Namespace("https://w3id.org/hunan-kg/ontology#")
D = "https://w3id.org/hunan-kg/doc/"

HEADER_PAGE = ("醴陵日报\n2024年3月12日 星期二\nA02 要闻\n\n\n"
               "全市春耕生产现场会召开\n\n本报讯(记者 周文韬)3月11日,醴陵市春耕生产现场会在孙家湾镇召开,"
               "市委副书记、市长曾望舒出席会议并讲话。\n")
DATELINE_ONLY = ("攸县开展防汛演练\n\n本报讯(记者 李晓彤)3月11日,攸县举行防汛应急演练,"
                 "县委常委、副县长谭立新现场指挥。\n")
HTML_PAGE = ('<html><head><meta property="article:published_time" content="2024-05-06T09:30:00+08:00">'
             '</head><body><h1>茶陵县召开项目建设调度会</h1><p>茶陵县委副书记、县长谭志明主持会议。</p></body></html>')


def graph(out) -> rdflib.Graph:
    return rdflib.Graph().parse(os.path.join(out, "graph.ttl"))


def dated(g: rdflib.Graph, doc_id: str, article: int = 0) -> tuple | None:
    a = rdflib.URIRef(f"{D}{doc_id}/a{article:03d}")
    date = g.value(a, DCTERMS.date)
    if date is None:
        assert g.value(a, KG.dateSource) is None and g.value(a, KG.datePrecision) is None
        return None
    return date, str(g.value(a, KG.dateSource)), str(g.value(a, KG.datePrecision))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.txt").write_text(HEADER_PAGE, encoding="utf-8")
    (folder / "2024-03-12.txt").write_text(DATELINE_ONLY, encoding="utf-8")
    (folder / "chaling.html").write_text(HTML_PAGE, encoding="utf-8")
    return folder


def test_each_article_is_dated_from_where_the_page_says_it(corpus, tmp_path):
    build([str(corpus)], str(tmp_path / "out"), cache=False, formats=["ttl"])
    g = graph(tmp_path / "out")
    assert dated(g, "page") == (Literal("2024-03-12", datatype=XSD.date), "header", "day")
    # a dateline without a year takes it from the file name's date
    assert dated(g, "2024-03-12") == (Literal("2024-03-11", datatype=XSD.date), "dateline", "day")
    # the published time of a page, 09:30 in China
    assert dated(g, "chaling") == (Literal("2024-05-06", datatype=XSD.date), "meta", "day")


@pytest.mark.parametrize("policy, expected", [
    ("filename", {"page": None, "2024-03-12": ("2024-03-12", "filename"), "chaling": None}),
    ("text", {"page": ("2024-03-12", "header"), "2024-03-12": None, "chaling": ("2024-05-06", "meta")}),
    ("none", {"page": None, "2024-03-12": None, "chaling": None}),
])
def test_date_from_chooses_the_sources(corpus, tmp_path, capsys, policy, expected):
    out = tmp_path / policy
    assert main(["build", str(corpus), "--out", str(out), "--no-cache", "--formats", "ttl", "--quiet",
                 "--date-from", policy]) == 0
    g = graph(out)
    for doc_id, want in expected.items():
        got = dated(g, doc_id)
        assert (got and (str(got[0]), got[1])) == (want or None), (policy, doc_id)


def test_an_unknown_policy_is_refused(corpus, tmp_path):
    with pytest.raises(BuildError, match="--date-from"):
        build([str(corpus)], str(tmp_path / "out"), date_from="mtime")


def test_no_date_comes_from_the_files_modification_time(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    path = folder / "youxian.txt"
    path.write_text(DATELINE_ONLY, encoding="utf-8")
    os.utime(path, (1710201600, 1710201600))           # 2024-03-12
    build([str(folder)], str(tmp_path / "out"), cache=False, formats=["ttl"])
    g = graph(tmp_path / "out")
    assert dated(g, "youxian") is None
    assert not list(g.subject_objects(DCTERMS.date))


def test_the_cache_keys_the_date_a_files_folder_gives(tmp_path):
    """The same file, name and content, moved from one dated folder to another: its dateline's year
    comes from the folder, which is no part of the content, so the cached result is not reused."""
    out = tmp_path / "out"
    for day in ("2023-03-12", "2024-03-12"):
        folder = tmp_path / day
        folder.mkdir()
        (folder / "a01.txt").write_text(DATELINE_ONLY, encoding="utf-8")
        report = build([str(folder)], str(out), formats=["ttl"])
        assert report.cached == 0, day
        assert str(dated(graph(out), "a01")[0]) == day[:4] + "-03-11"
    report = build([str(tmp_path / "2024-03-12")], str(out), formats=["ttl"])
    assert report.cached == 1                         # the same file in the same folder: from the cache
    report = build([str(tmp_path / "2024-03-12")], str(out), formats=["ttl"], date_from="text")
    assert report.cached == 0 and dated(graph(out), "a01") is None    # another policy: extracted again


def test_a_file_without_articles_has_no_dates():
    """A page that is only a masthead (or nothing) has no article to date (hypothesis found it)."""
    assert article_dates("", []) == []
    assert article_dates("株洲日报\n2024年3月12日 星期二\n", [], path="2024-03-12.txt") == []

"""The explorer with dated posts (issue 15): the page's data carries each post's dates, status and
rank and each sentence's date (kg/export/html_data.py); a person's panel lists the posts as a
timeline, an institution's its holders in date order, and a date range filters the graph, hidden
when nothing is dated. The network is built here by hand with kg.graph.network's Edge and Source
and their career attributes (first_seen, last_seen, start_date, end_date, status, rank; date).
People invented, places real."""
from __future__ import annotations

import pytest
from test_html import Page, browser_only, chromium  # noqa: F401  (the fixture)

from kg.export.html import write_html
from kg.export.html_data import view_data
from kg.graph.network import Edge, Network, Node, Source

DatedSource = Source           # kg.graph.network's Source and Edge carry the dates (issue 15, phase 2)
DatedEdge = Edge
UNDATED = ("",) * 6


def source(file: str, sentence: str, date: str, at: int = 0):
    return DatedSource(file, sentence, at, at + len(sentence), date)


S2021 = source("2021-03-05.txt", "县委副书记、县长欧阳林峰主持会议。", "2021-03-05")
S2022 = source("2022-12-29.txt", "免去欧阳林峰的攸县人民政府县长职务;任命谭文博为攸县人民政府副县长、代理县长。",
               "2022-12-29")
S2024 = source("2024-03-12.txt", "县委书记欧阳林峰、县长谭文博出席。", "2024-03-12")
S_UNDATED = source("notes.txt", "株洲市教育局局长刘明远介绍了情况。", "")


def node(iri, kind, label, sources=(), code="", level="", region=""):
    return Node(iri, kind, label, code, level, region, len(sources), (), tuple(sources))


def edge(u, v, relation, title="", sources=(), dates=UNDATED):
    confidence = None if relation == "mentioned_in" else 0.95
    return DatedEdge(u, v, relation, relation, title, max(1, len(sources)), "test" if confidence else "",
                     confidence, tuple(sources), *dates)


def career_network(dated: bool = True) -> Network:
    """攸县's 县长 and 县委书记 over three years, and an undated 局长 of 株洲市."""
    d = (lambda *dates: dates) if dated else (lambda *dates: UNDATED)
    nodes = [
        node("d/2021", "document", "2021-03-05.txt"), node("d/2022", "document", "2022-12-29.txt"),
        node("d/2024", "document", "2024-03-12.txt"), node("d/notes", "document", "notes.txt"),
        node("o/gov", "institution", "攸县人民政府", [S2021, S2022], region="430223"),
        node("o/jyj", "institution", "株洲市教育局", [S_UNDATED], region="430200"),
        node("o/xw", "institution", "中共攸县委员会", [S2021, S2024], region="430223"),
        node("p/liu", "official", "刘明远", [S_UNDATED]),
        node("p/ouyang", "official", "欧阳林峰", [S2021, S2022, S2024]),
        node("p/tan", "official", "谭文博", [S2022, S2024]),
        node("r/430000", "region", "湖南省", code="430000", level="province"),
        node("r/430200", "region", "株洲市", code="430200", level="prefecture"),
        node("r/430223", "region", "攸县", [S2024], code="430223", level="county"),
    ]
    edges = [
        edge("o/gov", "r/430223", "located_in", sources=[S2021]),
        edge("o/jyj", "r/430200", "located_in", sources=[S_UNDATED]),
        edge("o/xw", "r/430223", "located_in", sources=[S2024]),
        edge("p/liu", "d/notes", "mentioned_in"),
        edge("p/liu", "o/jyj", "holds_post", "局长", [S_UNDATED]),
        edge("p/ouyang", "d/2021", "mentioned_in"),
        edge("p/ouyang", "o/gov", "holds_post", "县长", [S2021, S2022],
             d("2021-03-05", "2022-12-29", "2021-01-08", "2022-12-28", "ended", "正处级")),
        edge("p/ouyang", "o/xw", "holds_post", "书记", [S2024],
             d("2024-03-12", "2024-03-12", "", "", "current", "正处级")),
        edge("p/ouyang", "o/xw", "holds_post", "副书记", [S2021],
             d("2021-03-05", "2021-03-05", "", "", "former", "副处级")),
        edge("p/tan", "o/gov", "holds_post", "县长", [S2022, S2024],
             d("2022-12-29", "2024-03-12", "2022-12-28", "", "current", "正处级")),
        edge("r/430200", "r/430000", "part_of"),
        edge("r/430223", "r/430200", "part_of"),
    ]
    if not dated:
        edges = [e._replace(sources=tuple(s._replace(date="") for s in e.sources)) for e in edges]
        nodes = [n._replace(sources=tuple(s._replace(date="") for s in n.sources)) for n in nodes]
    edges.sort(key=lambda e: (e.source, e.target, e.relation, e.title))
    return Network(nodes, lambda: iter(edges), len(edges), sum(e.confidence is not None for e in edges))


# ------------------------------------------------------------------ the page's data

def test_post_edges_carry_each_titles_dates_status_and_rank_and_sentences_their_date():
    data = view_data(career_network(), large=False)
    assert data["postFields"] == ["title", "firstSeen", "lastSeen", "start", "end", "status", "rank"]
    assert data["statuses"]["current"] == ["现任", "current"] and data["statuses"]["ended"] == ["离任", "ended"]
    labels = [n[2] for n in data["nodes"]]
    edges = [dict(zip(data["edgeFields"], row)) for row in data["edges"]]
    (committee,) = [e for e in edges if labels[e["from"]] == "欧阳林峰" and labels[e["to"]] == "中共攸县委员会"]
    assert committee["titles"] == ["书记", "副书记"]
    assert committee["posts"] == [["书记", "2024-03-12", "2024-03-12", "", "", "current", "正处级"],
                                  ["副书记", "2021-03-05", "2021-03-05", "", "", "former", "副处级"]]
    (undated,) = [e for e in edges if labels[e["from"]] == "刘明远" and e["relation"] == "holds_post"]
    assert undated["posts"] == []
    assert {tuple(s[3:]) for s in data["sentences"]} == {
        (S2021.sentence, "2021-03-05"), (S2022.sentence, "2022-12-29"), (S2024.sentence, "2024-03-12"),
        (S_UNDATED.sentence,)}


def test_an_undated_graph_has_no_post_rows_and_no_sentence_dates():
    data = view_data(career_network(dated=False), large=False)
    assert all(row[data["edgeFields"].index("posts")] == [] for row in data["edges"])
    assert all(len(s) == 4 for s in data["sentences"])


# ------------------------------------------------------------------ the page in Chromium

@pytest.fixture
def page(chromium, tmp_path):  # noqa: F811
    path = tmp_path / "graph.html"
    write_html(career_network(), str(path))
    p = Page(chromium, str(path))
    yield p
    p.close()


def visible(p: Page) -> set[str]:
    return set(p.js("""() => { const x = window.kgExplorer;
        return x.nodes.get().filter(n => !n.hidden).map(n => x.data.nodes[n.id][2]); }"""))


def shown_posts(p: Page) -> set[tuple[str, str]]:
    """(person, institution) of the post edges drawn."""
    return {tuple(pair) for pair in p.js("""() => { const x = window.kgExplorer, f = x.data.edgeFields;
        const st = x.state, label = i => x.data.nodes[i][2];
        return x.edges.get().filter(e => !e.hidden && st.visible[e.from] && st.visible[e.to])
            .map(e => x.data.edges[e.id]).filter(r => r[f.indexOf('relation')] === 'holds_post')
            .map(r => [label(r[0]), label(r[1])]); }""")}


@browser_only
def test_a_persons_panel_lists_the_posts_as_a_timeline(page):
    p = page
    p.js("i => window.kgExplorer.focusNode(i)", p.node("欧阳林峰"))
    assert p.page.inner_text("#kg-panel-body h2") == "欧阳林峰"
    items = p.page.locator("#kg-posts.kg-timeline > li")
    assert items.count() == 3
    texts = [items.nth(k).inner_text() for k in range(3)]
    assert [t.split(" · ")[0] for t in texts] == ["县长", "副书记", "书记"]           # by start, else first seen
    assert [items.nth(k).get_attribute("data-when") for k in range(3)] == ["2021-01-08", "2021-03-05", "2024-03-12"]
    assert "攸县人民政府" in texts[0] and "离任 ended" in texts[0] and "正处级" in texts[0]
    assert "任期 term 2021-01-08 – 2022-12-28" in texts[0] and "见于 seen 2021-03-05 – 2022-12-29" in texts[0]
    assert "原任 former" in texts[1] and "副处级" in texts[1] and "见于 seen 2021-03-05" in texts[1]
    assert "现任 current" in texts[2] and "中共攸县委员会" in texts[2]
    assert "主持会议" in texts[0]                                                   # its source sentences stay

    p.page.locator("#kg-posts button", has_text="攸县人民政府").first.click()
    holders = p.page.locator("#kg-holders > li")
    assert [holders.nth(k).inner_text().split(" · ")[0] for k in range(holders.count())] == ["欧阳林峰", "谭文博"]
    assert "现任 current" in holders.nth(1).inner_text() and "2022-12-28" in holders.nth(1).inner_text()

    p.js("i => window.kgExplorer.focusNode(i)", p.node("刘明远"))           # an undated post: the plain list
    assert p.page.locator("#kg-posts.kg-timeline").count() == 0
    assert "局长 · 株洲市教育局" in p.page.inner_text("#kg-posts")
    p.clean()


@browser_only
def test_the_date_range_filters_the_graph(page):
    p = page
    everyone = visible(p)
    assert p.page.is_visible("#kg-dates")
    assert p.page.get_attribute("#kg-date-from", "min") == "2021-01-08"
    assert p.page.get_attribute("#kg-date-to", "max") == "2024-03-12"
    assert p.page.input_value("#kg-date-from") == "2021-01-08"

    p.page.fill("#kg-date-from", "2023-06-01")
    p.page.dispatch_event("#kg-date-from", "change")
    # 欧阳林峰's 县长 ended in 2022: that edge goes; he stays for the 书记 he holds, 谭文博 for his 县长
    assert shown_posts(p) == {("欧阳林峰", "中共攸县委员会"), ("谭文博", "攸县人民政府"), ("刘明远", "株洲市教育局")}
    assert {"欧阳林峰", "谭文博", "刘明远", "攸县人民政府"} <= visible(p)
    assert "2021-03-05.txt" not in visible(p) and "2024-03-12.txt" in visible(p)

    p.page.uncheck("#kg-undated")                                       # the undated go
    assert "刘明远" not in visible(p) and "株洲市教育局" not in visible(p) and "湖南省" not in visible(p)
    assert shown_posts(p) == {("欧阳林峰", "中共攸县委员会"), ("谭文博", "攸县人民政府")}

    p.page.fill("#kg-date-from", "2019-01-01")
    p.page.fill("#kg-date-to", "2020-12-31")
    p.page.dispatch_event("#kg-date-to", "change")                     # before anything is dated
    assert visible(p) == set()
    assert p.page.get_attribute("#kg-status", "data-visible-nodes") == "0"

    p.page.check("#kg-undated")
    p.page.fill("#kg-date-from", "")
    p.page.fill("#kg-date-to", "")
    p.page.dispatch_event("#kg-date-to", "change")                     # cleared: the whole range again
    assert visible(p) == everyone
    p.clean()


@browser_only
def test_an_undated_graph_has_no_date_filter_and_the_plain_posts_list(chromium, tmp_path):  # noqa: F811
    path = tmp_path / "graph.html"
    write_html(career_network(dated=False), str(path))
    p = Page(chromium, str(path))
    assert not p.page.is_visible("#kg-dates")
    p.js("i => window.kgExplorer.focusNode(i)", p.node("欧阳林峰"))
    assert p.page.locator("#kg-posts.kg-timeline").count() == 0
    assert "书记、副书记 · 中共攸县委员会" in p.page.inner_text("#kg-posts")
    p.clean()
    p.close()

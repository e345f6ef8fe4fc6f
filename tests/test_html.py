"""graph.html, the explorer: its data (labels from the ontology, region
containment, safe JSON, same bytes for the same graph), and the page itself in
headless Chromium (Debian's /usr/bin/chromium driven by Playwright, no browser
download) with every network request blocked: it draws, search finds and
highlights, filters hide, the side panel shows sources, and names carrying
HTML or script show as text and never run."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile

import networkx as nx
import pytest
import rdflib
from conftest import ROOT

from kg.build import build
from kg.export.html import render, script_json, write_html
from kg.export.html_data import view_data
from kg.export.layout import force_layout

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
PWN = "</script><script>window.kgPwned=1</script>"


def page_data(html: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def nodes_of(data: dict) -> list[dict]:
    return [dict(zip(data["nodeFields"], row)) for row in data["nodes"]]


def add(g: nx.MultiDiGraph, iri: str, kind: str, label: str, **attrs) -> str:
    g.add_node(iri, kind=kind, label=label, code=attrs.get("code", ""), level=attrs.get("level", ""),
               aliases=json.dumps(attrs.get("aliases", []), ensure_ascii=False), region=attrs.get("region", ""),
               mentions=1, sources=json.dumps(attrs.get("sources", []), ensure_ascii=False))
    return iri


def link(g, u, v, relation, title="", sources=()):
    g.add_edge(u, v, key=f"{relation}:{title}", relation=relation, label=relation, title=title, support=1,
               rule="test", confidence=0.9, sources=json.dumps(list(sources), ensure_ascii=False))


def small_graph() -> nx.MultiDiGraph:
    """湖南省 > 株洲市 > 天元区, and 岳阳市 beside it; a hospital in 天元区 with a department, its
    president, a program it runs, and the file they come from."""
    g = nx.MultiDiGraph()
    src = [{"file": "a.txt", "sentence": "天元区人民医院院长张三出席。", "start": 5, "end": 19}]
    hn = add(g, "r/430000", "region", "湖南省", code="430000", level="province")
    zz = add(g, "r/430200", "region", "株洲市", code="430200", level="prefecture")
    ty = add(g, "r/430211", "region", "天元区", code="430211", level="county")
    yy = add(g, "r/430600", "region", "岳阳市", code="430600", level="prefecture")
    hosp = add(g, "o/hospital", "institution", "天元区人民医院", region="430211", sources=src)
    dept = add(g, "o/dept", "institution", "天元区人民医院急诊科")
    boss = add(g, "p/zhang", "official", "张三", sources=src)
    prog = add(g, "g/prog", "program", "智慧医院")
    doc = add(g, "d/a", "document", "a.txt")
    link(g, zz, hn, "part_of")
    link(g, ty, zz, "part_of")
    link(g, yy, hn, "part_of")
    link(g, hosp, ty, "located_in")
    link(g, dept, hosp, "sub_organization_of")
    link(g, boss, hosp, "holds_post", "院长", src)
    link(g, boss, hosp, "holds_post", "党委副书记", src)
    link(g, prog, hosp, "run_by")
    link(g, boss, doc, "mentioned_in")
    return g


# ------------------------------------------------------------------ the page's data

def test_relation_and_class_labels_are_the_ontologys_chinese_labels():
    data = view_data(small_graph(), large=False)
    relations = {r["relation"]: r["label"] for r in data["relations"]}
    assert relations == {"holds_post": "任职于", "located_in": "位于", "part_of": "属于",
                         "sub_organization_of": "隶属于", "run_by": "实施主体", "mentioned_in": "出自"}
    onto = rdflib.Graph().parse(os.path.join(ROOT, "ontology", "kg.ttl"))
    for r in data["relations"] + data["classes"]:
        zh = {str(o) for o in onto.objects(rdflib.URIRef(r["iri"]), rdflib.RDFS.label) if o.language == "zh"}
        assert zh == {r["label"]}, r["iri"]
    assert [c["label"] for c in data["classes"]] == ["任职人员", "机构", "行政区划", "园区", "项目/政策", "来源文件"]


def test_a_region_contains_everything_under_it_and_nothing_beside_it():
    data = view_data(small_graph(), large=False)
    nodes = nodes_of(data)
    index = {n["label"]: i for i, n in enumerate(nodes)}
    under = {name: {n["label"] for n in nodes if index[name] in n["places"]} for name in ("株洲市", "岳阳市", "湖南省")}
    assert under["株洲市"] == {"株洲市", "天元区", "天元区人民医院", "天元区人民医院急诊科", "张三", "智慧医院",
                               "a.txt"}
    assert under["岳阳市"] == {"岳阳市"}
    assert under["湖南省"] == {n["label"] for n in nodes}
    tree = [(nodes[i]["label"], depth) for i, depth in data["regionTree"]]
    assert tree == [("湖南省", 0), ("株洲市", 1), ("天元区", 2), ("岳阳市", 1)]


def test_parallel_posts_become_one_edge_with_both_titles_and_their_sentence():
    data = view_data(small_graph(), large=False)
    edges = [dict(zip(data["edgeFields"], row)) for row in data["edges"]]
    (post,) = [e for e in edges if e["relation"] == "holds_post"]
    assert post["titles"] == ["党委副书记", "院长"]
    assert [data["sentences"][s][3] for s in post["sources"]] == ["天元区人民医院院长张三出席。"]
    assert data["files"][data["sentences"][post["sources"][0]][0]] == "a.txt"


def test_json_in_the_page_cannot_end_its_script_block():
    value = {"name": PWN + "<!--" + "\u2028\u2029&" + SCRIPT}
    text = script_json(value)
    assert not re.search(r"</|<!--|<script|[\u2028\u2029<>&]", text)
    assert json.loads(text) == value


def test_the_page_loads_nothing_from_anywhere():
    html = render(small_graph())
    head = html[:html.index('<script id="kg-data"')]
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", head, re.I)
    assert len(re.findall(r"<script\b", html)) == 3 and "<script src" not in html
    assert "sourceMappingURL" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split(";")[1]


def test_the_same_graph_gives_the_same_bytes_whatever_the_insertion_order():
    g = small_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    assert render(g) == render(shuffled)


def test_large_graphs_get_a_spread_out_integer_layout():
    g = nx.MultiDiGraph(nx.grid_2d_graph(30, 30))
    order = sorted(g.nodes)
    pos = force_layout(g, order)
    assert pos == force_layout(g, order)
    assert all(isinstance(c, int) for xy in pos.values() for c in xy)
    assert len(set(pos.values())) == len(order)
    import math
    edge = sorted(math.dist(pos[u], pos[v]) for u, v in g.edges())
    corner = math.dist(pos[(0, 0)], pos[(29, 29)])
    assert corner > 10 * edge[len(edge) // 2]        # unfolded: opposite corners far apart, neighbours close


# ------------------------------------------------------------------ the page in Chromium

def _have_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


browser_only = pytest.mark.skipif(
    not os.path.exists(CHROMIUM) or not _have_playwright(),
    reason=f"needs Debian's chromium at {CHROMIUM} and the playwright package (.ci/run installs both)")


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                        viewport={"width": 1400, "height": 900})
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


class Page:
    """One page with every non-file request aborted and counted, page errors, console errors and dialogs kept."""

    def __init__(self, context, path: str):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("dialog", self._dialog)
        self.page.goto("file://" + os.path.abspath(path))
        self.page.wait_for_selector("html[data-drawn=true]", state="attached", timeout=60_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def node(self, label: str) -> int:
        i = self.js("label => window.kgExplorer.nodeIndex(label)", label)
        assert i >= 0, label
        return i

    def clean(self) -> None:
        assert self.errors == [] and self.requests == [] and self.dialogs == []

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def seeds_html(seeds_build):
    return str(seeds_build[0] / "graph.html")


@pytest.fixture
def seeds_page(chromium, seeds_html):
    page = Page(chromium, seeds_html)
    yield page
    page.close()


@browser_only
def test_seeds_page_draws_offline_without_errors(seeds_page, seeds_html):
    p = seeds_page
    painted = p.js("""() => {
        const c = document.querySelector('#kg-graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        return n;
    }""")
    assert painted > 5000
    total = len(page_data(open(seeds_html, encoding="utf-8").read())["nodes"])
    assert p.page.get_attribute("#kg-status", "data-visible-nodes") == str(total)
    p.clean()


def next_frame(p: "Page") -> None:
    p.js("() => new Promise(ok => { const n = window.kgExplorer.network; "
         "n.once('afterDrawing', () => ok(true)); n.redraw(); })")


def centre_pixels(p: "Page", ids: list[int]) -> dict[int, list[int]]:
    """RGBA on the canvas at the centre of each node that is inside the view."""
    return {int(k): v for k, v in p.js("""ids => {
        const net = window.kgExplorer.network, c = document.querySelector('#kg-graph canvas');
        const ctx = c.getContext('2d'), r = window.devicePixelRatio || 1, out = {};
        for (const i of ids) {
            const d = net.canvasToDOM(net.getPosition(i));
            if (d.x < 5 || d.y < 5 || d.x > c.clientWidth - 5 || d.y > c.clientHeight - 5) continue;
            out[i] = Array.from(ctx.getImageData(Math.round(d.x * r), Math.round(d.y * r), 1, 1).data);
        }
        return out; }""", ids).items()}


def pale(rgba: list[int]) -> bool:
    return min(rgba[:3]) >= 180


@browser_only
def test_search_finds_zhuzhou_central_hospital_and_highlights_it_and_its_neighbours(seeds_page, seeds_html):
    p = seeds_page
    p.page.uncheck("#kg-physics")                      # hold the layout still while pixels are read
    p.page.fill("#kg-search", "株洲市中心医院")
    p.page.press("#kg-search", "Enter")
    first = p.page.locator("#kg-results li button").first
    assert first.inner_text().strip().startswith("株洲市中心医院")
    target = p.node("株洲市中心医院")
    state = p.js("""() => {
        const x = window.kgExplorer, s = x.state;
        return {focus: s.focus, highlight: [...s.highlight].sort((a, b) => a - b),
                selected: x.network.getSelectedNodes()};
    }""")
    assert state["focus"] == target and state["selected"] == [target]
    data = page_data(open(seeds_html, encoding="utf-8").read())
    edges = [dict(zip(data["edgeFields"], row)) for row in data["edges"]]
    neighbours = {e["to"] for e in edges if e["from"] == target} | {e["from"] for e in edges if e["to"] == target}
    assert set(state["highlight"]) == neighbours | {target} and len(neighbours) >= 3
    assert p.page.inner_text("#kg-panel-body h2") == "株洲市中心医院"

    # on the canvas: the hospital in its class colour, the nodes around it greyed out, until cleared
    p.page.wait_for_timeout(600)                        # the zoom animation
    next_frame(p)
    others = [i for i in range(len(data["nodes"])) if i not in neighbours | {target}]
    colour = next(c["color"] for c in data["classes"] if c["kind"] == "institution")
    hospital = centre_pixels(p, [target])[target]
    assert all(abs(a - int(colour[k:k + 2], 16)) <= 12 for a, k in zip(hospital, (1, 3, 5)))
    dimmed = centre_pixels(p, others)
    assert len(dimmed) >= 10 and sum(map(pale, dimmed.values())) >= 0.8 * len(dimmed)
    p.page.click("#kg-clear")
    next_frame(p)
    cleared = centre_pixels(p, list(dimmed))
    assert sum(map(pale, cleared.values())) <= 0.2 * len(cleared)
    assert p.js("() => window.kgExplorer.state.highlight") is None
    p.clean()


@browser_only
def test_class_filter_hides_that_class_and_region_filter_keeps_what_is_under_the_place(seeds_page, seeds_html):
    p = seeds_page
    data = page_data(open(seeds_html, encoding="utf-8").read())
    nodes = nodes_of(data)
    programs = sum(n["kind"] == "program" for n in nodes)
    assert programs > 0
    p.page.uncheck("#kg-classes input[data-kind=program]")
    hidden = p.js("() => window.kgExplorer.nodes.get().filter(n => n.hidden).map(n => n.id)")
    assert sorted(hidden) == [i for i, n in enumerate(nodes) if n["kind"] == "program"]
    assert p.page.get_attribute("#kg-status", "data-visible-nodes") == str(len(nodes) - programs)
    p.page.check("#kg-classes input[data-kind=program]")
    assert p.js("() => window.kgExplorer.nodes.get().filter(n => n.hidden).length") == 0

    zhuzhou = p.node("株洲市")
    p.page.select_option("#kg-region", str(zhuzhou))
    shown = set(p.js("() => window.kgExplorer.nodes.get().filter(n => !n.hidden).map(n => n.id)"))
    assert shown == {i for i, n in enumerate(nodes) if zhuzhou in n["places"]}
    assert p.node("株洲市中心医院") in shown and p.node("天元区") in shown
    assert p.node("岳阳市") not in shown and p.node("湖南省") not in shown
    p.clean()


@browser_only
def test_clicking_a_node_opens_its_attributes_posts_and_source_sentences(seeds_page):
    p = seeds_page
    p.page.uncheck("#kg-physics")                      # hold the layout still so the click lands
    hospital = p.node("株洲市中心医院")
    p.js("i => window.kgExplorer.focusNode(i)", hospital)
    p.page.click("#kg-panel-close")
    p.page.wait_for_timeout(600)                        # the focus animation
    x, y = p.js("""i => { const net = window.kgExplorer.network;
                          const d = net.canvasToDOM(net.getPosition(i));
                          const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
                          return [r.left + d.x, r.top + d.y]; }""", hospital)
    p.page.mouse.click(x, y)
    assert p.page.is_visible("#kg-panel")
    assert p.page.inner_text("#kg-panel-body h2") == "株洲市中心医院"
    panel = p.page.inner_text("#kg-panel-body")
    assert "430200" in panel and "市中心医院" in panel           # region code and alias
    assert "院长" in panel and "蔡安烈" in panel                  # a holder and the title
    source = p.page.locator("#kg-sources .kg-source").first
    assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", source.locator(".kg-file").inner_text())
    assert "中心医院" in source.locator("p").inner_text()
    assert source.locator("mark").count() >= 1

    p.page.locator("#kg-holders button", has_text="蔡安烈").click()
    assert p.page.inner_text("#kg-panel-body h2") == "蔡安烈"
    assert "院长 · 株洲市中心医院" in p.page.inner_text("#kg-posts")
    p.clean()


def probe_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    sentence = f"株洲市{IMG}科技有限公司董事长{SCRIPT}王小明表示。"
    src = [{"file": f"{IMG}.txt", "sentence": sentence, "start": 0, "end": len(sentence)}]
    company = add(g, "o/probe", "institution", f"株洲市{IMG}科技有限公司", aliases=[SCRIPT, PWN + "<!--"],
                  sources=src, region="<b>430200</b>")
    person = add(g, "p/probe", "official", f"王{SCRIPT}小明\u2028", sources=src)
    doc = add(g, "d/probe", "document", f"{IMG}.txt")
    link(g, person, company, "holds_post", f"董事长{IMG}", src)
    link(g, person, doc, "mentioned_in")
    link(g, company, doc, "mentioned_in")
    return g


def no_injected_markup(p: Page) -> None:
    assert p.js("() => document.querySelectorAll('img, iframe, object, embed, b').length") == 0
    assert p.js("() => document.scripts.length") == 3
    assert p.js("() => window.kgPwned") is None
    assert p.dialogs == []


@browser_only
def test_html_in_names_and_sentences_shows_as_text_and_never_runs(chromium, tmp_path):
    path = tmp_path / "graph.html"
    write_html(probe_graph(), str(path))
    p = Page(chromium, str(path))
    p.page.fill("#kg-search", f"{IMG}科技")
    assert p.page.locator("#kg-results li button").first.inner_text().strip().startswith(f"株洲市{IMG}科技有限公司")
    p.page.press("#kg-search", "Enter")
    panel = p.page.inner_text("#kg-panel-body")
    for text in (f"株洲市{IMG}科技有限公司", SCRIPT, PWN + "<!--", "<b>430200</b>", f"{IMG}.txt",
                 f"董事长{SCRIPT}王小明表示"):
        assert text in panel
    p.page.locator("#kg-holders button").first.click()
    assert f"董事长{IMG}" in p.page.inner_text("#kg-posts")
    p.page.locator("#kg-posts button").first.hover()
    p.page.wait_for_timeout(300)
    no_injected_markup(p)
    p.clean()
    p.close()


@browser_only
def test_html_in_news_text_reaches_the_page_as_text(chromium, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "probe.txt").write_text(
        f"株洲日报讯 记者 张三\n株洲市{IMG}科技有限公司董事长王小明表示,株洲市{SCRIPT}医院院长李大华参加了会议。\n"
        f"株洲市人民政府启动“<b>智慧株洲</b>”行动。\n", encoding="utf-8")
    build([str(tmp_path / "in")], str(tmp_path / "out"), cache=False, formats=["html"])
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    nodes = nodes_of(page_data(html))
    sentences = page_data(html)["sentences"]
    carrying = [i for i, n in enumerate(nodes) if any(IMG in sentences[s][3] for s in n["sources"])]
    assert carrying, "the extractor kept no sentence with the probe"
    p = Page(chromium, str(tmp_path / "out" / "graph.html"))
    p.js("i => window.kgExplorer.focusNode(i)", carrying[0])
    assert IMG in p.page.inner_text("#kg-sources") and SCRIPT in p.page.inner_text("#kg-sources")
    no_injected_markup(p)
    p.clean()
    p.close()

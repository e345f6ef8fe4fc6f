"""Time to first draw of graph.html in headless Chromium, for synthetic graphs
shaped like the real one (regions in a tree, institutions located in them,
officials holding posts, programs run by both, source files mentioning all),
about four edges per node.

    python benchmarks/html_draw.py                 # 1,000 / 5,000 / 20,000 nodes
    python benchmarks/html_draw.py --nodes 5000 --keep /tmp/bench

For each size it prints: the time to write graph.html (layout included), its
size, the time from navigation to vis-network's first `afterDrawing` (median
of --runs page loads), the canvas redraw time while panning (a mouse drag
across the canvas; edges are hidden during the drag on large graphs), a full
redraw with edges, and, from the call to the end of the frame showing it, the
highlight of the busiest node (as a search does) and hiding the programs with
the class filter. Needs /usr/bin/chromium and the playwright package
(no browser download). Nothing leaves 127.0.0.1: every non-file request is
aborted and counted."""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time

import networkx as nx

from kg.export.html import write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
RELATION_LABELS = {"holds_post": "任职于", "located_in": "位于", "part_of": "属于", "sub_organization_of": "隶属于",
                   "run_by": "实施主体", "mentioned_in": "出自"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国文辉力斌鹏宇浩凯健俊帆帅"
SUFFIXES = ("人民医院", "卫健委", "教育局", "自然资源局", "发改委", "公安局", "街道办事处", "中学", "供电公司",
            "市场监管局")
TITLES = ("局长", "副局长", "书记", "副书记", "主任", "副主任", "院长", "区长", "县长", "党组书记")
PROGRAMS = ("一件事一次办", "放管服改革", "乡村振兴", "河长制", "最多跑一次", "智慧城市", "文明创建", "营商环境优化")


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    counts = {"document": max(3, n // 60), "region": n // 10, "zone": n // 50, "official": n * 15 // 100,
              "program": n * 25 // 100}
    counts["institution"] = n - sum(counts.values())
    ids: dict[str, list[str]] = {k: [] for k in counts}
    docs = [f"{i:03d}_news.txt" for i in range(counts["document"])]

    def source(label: str) -> str:
        start = rnd.randrange(0, 20000)
        return json.dumps([{"file": rnd.choice(docs), "sentence": f"据报道，{label}近日召开会议，部署下一阶段工作。",
                            "start": start, "end": start + 20}], ensure_ascii=False)

    def node(kind: str, label: str, **attrs) -> str:
        iri = f"https://w3id.org/hunan-kg/{kind}/{len(g)}"
        g.add_node(iri, kind=kind, label=label, code=attrs.get("code", ""), level=attrs.get("level", ""),
                   aliases="[]", region=attrs.get("region", ""), mentions=rnd.randint(1, 9),
                   sources="[]" if kind == "document" else source(label))
        ids[kind].append(iri)
        return iri

    def edge(u: str, v: str, rel: str, title: str = "") -> None:
        g.add_edge(u, v, key=f"{rel}:{title}", relation=rel, title=title, support=1, rule="synthetic",
                   confidence=0.9, sources="[]" if rel == "mentioned_in" else g.nodes[u]["sources"],
                   label=f"{RELATION_LABELS[rel]}:{title}" if title else RELATION_LABELS[rel])

    for name in docs:
        node("document", name)
    for i in range(counts["region"]):
        level = "province" if i == 0 else "prefecture" if i < 15 else "county" if i < 140 else "township"
        r = node("region", f"区划{i}{'省市县镇'[['province', 'prefecture', 'county', 'township'].index(level)]}",
                 code=f"{430000 + i:06d}", level=level)
        if i:
            parents = ids["region"][:1] if level == "prefecture" else ids["region"][1:15] if level == "county" \
                else ids["region"][15:140] or ids["region"][1:15]
            edge(r, rnd.choice(parents), "part_of")
    for i in range(counts["zone"]):
        z = node("zone", f"高新区{i}")
        edge(z, rnd.choice(ids["region"]), "part_of")
    places = ids["region"] + ids["zone"]
    for i in range(counts["institution"]):
        place = rnd.choice(places)
        inst = node("institution", g.nodes[place]["label"] + rnd.choice(SUFFIXES), region=g.nodes[place]["code"])
        edge(inst, place, "located_in")
        if i > 10 and rnd.random() < 0.5:
            edge(inst, rnd.choice(ids["institution"][:-1]), "sub_organization_of")
    for i in range(counts["official"]):
        person = node("official", rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2))))
        for _ in range(rnd.randint(1, 3)):
            edge(person, rnd.choice(ids["institution"]), "holds_post", rnd.choice(TITLES))
    for i in range(counts["program"]):
        prog = node("program", f"{rnd.choice(PROGRAMS)}{i}")
        for _ in range(rnd.randint(1, 4)):
            edge(prog, rnd.choice(ids["institution"] + places), "run_by")
    for kind in ("region", "zone", "institution", "official", "program"):
        for iri in ids[kind]:
            for d in rnd.sample(ids["document"], k=min(len(docs), rnd.choice((1, 2, 3, 4)))):
                edge(iri, d, "mentioned_in")
    return g


def measure(path: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright
    blocked: list[str] = []
    draws, pans, fulls, highlights, filters = [], [], [], [], []
    with sync_playwright() as pw:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                            viewport={"width": 1400, "height": 900})
                page = ctx.new_page()
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                           else (blocked.append(route.request.url), route.abort()))
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto("file://" + os.path.abspath(path))
                page.wait_for_selector("html[data-drawn=true]", state="attached", timeout=300_000)
                if errors:
                    raise SystemExit(f"{path}: page error: {errors[0]}")
                draws.append(page.evaluate("window.kgFirstDraw"))
                if not pans:
                    pans, full, highlight, class_filter = _interact(page)
                    fulls.append(full)
                    highlights.append(highlight)
                    filters.append(class_filter)
                ctx.close()
    return {"first_draw_ms": statistics.median(draws), "pan_frame_ms": statistics.median(pans) if pans else None,
            "pan_frame_max_ms": max(pans) if pans else None, "full_redraw_ms": statistics.median(fulls),
            "highlight_ms": statistics.median(highlights), "filter_ms": statistics.median(filters),
            "blocked": len(blocked)}


def _interact(page) -> tuple[list[float], float, float, float]:
    """Canvas frame times while dragging the view; then a full redraw, a search highlight and a class
    filter, each timed from the call to the end of the frame that shows it."""
    page.evaluate("""() => {
        window.kgFrames = [];
        const net = window.kgExplorer.network;
        net.on('beforeDrawing', () => { window.kgFrameStart = performance.now(); });
        net.on('afterDrawing', () => { window.kgFrames.push(performance.now() - window.kgFrameStart); });
    }""")
    box = page.locator("#kg-graph canvas").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 31):
        page.mouse.move(x + 8 * step, y + 4 * step)
        page.wait_for_timeout(30)
    frames = page.evaluate("window.kgFrames.splice(0)")
    page.mouse.up()
    page.wait_for_timeout(300)
    timed = """action => new Promise(done => {
        const net = window.kgExplorer.network, t = performance.now();
        net.once('afterDrawing', () => done(performance.now() - t));
        action();
    })"""
    full = page.evaluate(f"({timed})(() => window.kgExplorer.network.redraw())")
    busiest = page.evaluate("() => { const d = window.kgExplorer.data, f = d.nodeFields.indexOf('degree'); "
                            "let b = 0; d.nodes.forEach((n, i) => { if (n[f] > d.nodes[b][f]) b = i; }); return b; }")
    highlight = page.evaluate(f"i => ({timed})(() => window.kgExplorer.focusNode(i))", busiest)
    page.evaluate("() => window.kgExplorer.clearHighlight()")
    page.wait_for_timeout(300)
    click = "document.querySelector('#kg-classes input[data-kind=program]').click()"
    class_filter = page.evaluate(f"({timed})(() => {click})")
    return frames, full, highlight, class_filter


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, nargs="*", default=[1000, 5000, 20000])
    ap.add_argument("--runs", type=int, default=3, help="page loads per size (median first draw)")
    ap.add_argument("--keep", metavar="DIR", help="keep the generated graph.html files here")
    args = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print(f"html_draw: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"headless Chromium with --disable-gpu")
    print(f"{'nodes':>7} {'edges':>7} {'write s':>8} {'html MB':>8} {'first draw ms':>14} {'pan frame ms':>13} "
          f"{'pan max ms':>11} {'full redraw ms':>15} {'highlight ms':>13} {'filter ms':>10}")
    scratch = tempfile.TemporaryDirectory(prefix="kg-html-bench-")
    out = args.keep or scratch.name
    if args.keep:
        os.makedirs(out, exist_ok=True)
    for n in args.nodes:
        g = synthetic_graph(n)
        path = os.path.join(out, f"graph-{n}.html")
        t0 = time.perf_counter()
        write_html(g, path)
        written = time.perf_counter() - t0
        m = measure(path, args.runs)
        edges = len({(u, v, a["relation"]) for u, v, a in g.edges(data=True)})
        print(f"{n:>7} {edges:>7} {written:>8.1f} {os.path.getsize(path) / 1e6:>8.1f} {m['first_draw_ms']:>14.0f} "
              f"{m['pan_frame_ms'] or 0:>13.1f} {m['pan_frame_max_ms'] or 0:>11.1f} {m['full_redraw_ms']:>15.1f} "
              f"{m['highlight_ms']:>13.0f} {m['filter_ms']:>10.0f}"
              + (f"  ({m['blocked']} network requests blocked)" if m["blocked"] else ""), flush=True)
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The network view (kg.graph.network) as the explorer page's data: classes and
relations with their Chinese labels from the ontology, nodes and edges as
compact rows, source sentences stored once, the region tree for the region
filter and, per node, every region it lies under.

Everything is ordered (nodes by IRI, edges by endpoints and relation), so the
same graph always gives the same data. The data is made as JSON text in pieces
(`view_json`), so the page is written without holding every edge row at once:
one pass over the edges collects what the nodes need (degrees, containment,
layout), a second writes the edge rows."""
from __future__ import annotations

import json
import math
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator
from functools import partial

import numpy as np

from ..graph.network import Network, Source, as_network
from ..graph.rdf import LEVEL_IRIS as LEVELS
from ..graph.rdf import PREFIXES
from ..graph.vocab import RELATION_TERMS, label_of
from .layout import layout_positions

# Node kind -> (ontology class, colour, vis-network shape); shapes that honour a size, so size can show degree.
KG, ORG = PREFIXES["kg"], PREFIXES["org"]
CLASSES = {"official": (KG + "Official", "#e4572e", "dot"),
           "institution": (ORG + "Organization", "#4c72b0", "square"),
           "region": (KG + "Region", "#55a868", "triangle"),
           "zone": (KG + "Zone", "#8cc084", "triangleDown"),
           "program": (KG + "Program", "#c9a227", "diamond"),
           "document": (KG + "Document", "#8c8c8c", "hexagon")}
# The network's `relation` attribute -> the ontology property it stands for, and an edge colour.
COLORS = {"holds_post": "#e4572e", "located_in": "#55a868", "part_of": "#2f7d4a", "sub_organization_of": "#4c72b0",
          "run_by": "#c9a227", "mentioned_in": "#c8c8c8"}
RELATIONS = {name: (RELATION_TERMS[name], color) for name, color in COLORS.items()}
# Edges along which a node lies under a place: (relation, True if the subject is the one under the object).
UNDER = {"part_of": True, "located_in": True, "sub_organization_of": True, "run_by": True, "holds_post": True,
         "mentioned_in": False}
PLACES = ("region", "zone")

NODE_FIELDS = ("iri", "kind", "label", "code", "level", "region", "aliases", "mentions", "degree", "size",
               "sources", "places", "x", "y")
EDGE_FIELDS = ("from", "to", "relation", "titles", "sources", "support", "confidence", "rule", "posts")
# A post's dates, status and rank, one row per title in an edge's `posts`: page field ->
# the kg.graph.network.Edge attribute it is read from (ISO dates, a status name, a rank as 正处级).
# The page draws a person's posts as a timeline, and offers a date filter when any are dated.
# Source.date is the article's date; an undated graph's posts carry only a status and a rank.
POST_FIELDS = {"title": "title", "firstSeen": "first_seen", "lastSeen": "last_seen", "start": "start_date",
               "end": "end_date", "status": "status", "rank": "rank"}
STATUSES = ("current", "nominated", "ended", "former")


dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def view_data(graph, large: bool) -> dict:
    """The page's data as a dict (for tests and scripts; the page itself is written from view_json).
    `graph` is a kg.graph.network.Network or a networkx graph with to_network's attributes."""
    return json.loads("".join(view_json(as_network(graph), large)))


def view_json(net: Network, large: bool) -> Iterator[str]:
    """The page's data as JSON text, in pieces: the same text as json.dumps of one dict
    (compact separators, non-ASCII kept). Every node gets a precomputed position; a `large`
    graph is drawn plainly by the page (physics off, straight edges, arrowheads only around the focus)."""
    nodes = net.nodes
    n = len(nodes)
    index = {node.iri: i for i, node in enumerate(nodes)}
    kinds = [node.kind or "other" for node in nodes]
    sentences = Interner()
    degree = [0] * n
    below = array("q")            # parent * n + child: the node child lies directly under the place-like parent
    pairs = array("q")            # min * n + max for every linked pair, for the layout
    parent_of: dict[int, int] = {}
    for i, j, rel, *_ in _edge_rows(net, index, sentences):
        degree[i] += 1
        degree[j] += 1
        pairs.append(min(i, j) * n + max(i, j))
        if rel in UNDER:
            child, parent = (i, j) if UNDER[rel] else (j, i)
            below.append(parent * n + child)
        if rel == "part_of" and i not in parent_of and kinds[j] in PLACES:
            parent_of[i] = j
    places = _places(kinds, below, n)
    del below
    codes = np.unique(np.frombuffer(pairs, dtype=np.int64)) if pairs else np.zeros(0, dtype=np.int64)
    del pairs
    positions = layout_positions(n, np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1))
    del codes
    rows = []
    for i, node in enumerate(nodes):
        x, y = positions[i] if positions else (None, None)
        rows.append(dumps([node.iri, kinds[i], node.label or node.iri, node.code, node.level, node.region,
                           sorted(node.aliases), node.mentions, degree[i], _size(degree[i], large),
                           _sources(node.sources, sentences), places[i], x, y]))
    counts = defaultdict(int)
    for kind in kinds:
        counts[kind] += 1
    classes = [_class(k, counts[k]) for k in list(CLASSES) + sorted(set(kinds) - set(CLASSES))]
    tree = _region_tree(nodes, kinds, parent_of)
    yield (f'{{"large":{dumps(large)},"classes":{dumps(classes)},'
           f'"relations":{dumps([_relation(r) for r in RELATIONS])},'
           f'"levels":{dumps({name: label_of(term) for name, term in LEVELS.items()})},'
           f'"statuses":{dumps(_statuses())},"postFields":{dumps(list(POST_FIELDS))},'
           f'"files":{dumps(sentences.files)},"sentences":{dumps(sentences.rows)},'
           f'"nodeFields":{dumps(list(NODE_FIELDS))},"nodes":[')
    yield ",".join(rows)
    del rows
    yield f'],"edgeFields":{dumps(list(EDGE_FIELDS))},"edges":['
    batch: list[str] = []
    first = True
    for row in _edge_rows(net, index, sentences):
        batch.append(_row_json(row))
        if len(batch) == 4096:
            yield ("" if first else ",") + ",".join(batch)
            batch.clear()
            first = False
    if batch:
        yield ("" if first else ",") + ",".join(batch)
    yield f'],"regionTree":{dumps(tree)}}}'


def _class(kind: str, count: int) -> dict:
    term, color, shape = CLASSES.get(kind, (None, "#cccccc", "dot"))
    zh = label_of(term) if term is not None else kind
    en = label_of(term, "en") if term is not None else kind
    return {"kind": kind, "label": zh, "labelEn": en, "iri": str(term or ""), "color": color, "shape": shape,
            "count": count}


def _relation(name: str) -> dict:
    term, color = RELATIONS[name]
    return {"relation": name, "label": label_of(term), "labelEn": label_of(term, "en"), "iri": str(term),
            "color": color}


def _statuses() -> dict:
    """{"current": ["现任", "current"], ...}: the status concepts' labels from the ontology."""
    return {s: [label_of(KG + s.capitalize()), label_of(KG + s.capitalize(), "en")] for s in STATUSES}


def _post_row(e) -> list | None:
    """[title, first seen, last seen, start, end, status, rank] of a post edge, or None when it
    carries none of them (an undated graph then has no post rows at all)."""
    row = [str(getattr(e, attribute) or "") for attribute in POST_FIELDS.values()]
    return row if any(row[1:]) else None


def _size(degree: int, large: bool) -> float:
    """Node radius in pixels, growing with the square root of the degree."""
    base, step, top = (6, 2.0, 40) if large else (10, 3.5, 48)
    return round(min(top, base + step * math.sqrt(degree)), 1)


class Interner:
    """Source sentences and file names, each stored once and referred to by index."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.rows: list[list] = []
        self._files: dict[str, int] = {}
        self._rows: dict[tuple, int] = {}

    def add(self, source: Source) -> int:
        name = source.file
        if name not in self._files:
            self._files[name] = len(self.files)
            self.files.append(name)
        date = source.date or ""                          # the article's date, if dated
        key = (self._files[name], source.start, source.end, source.sentence, date)
        if key not in self._rows:
            self._rows[key] = len(self.rows)
            self.rows.append(list(key) if date else list(key[:4]))
        return self._rows[key]


def _sources(sources: tuple, sentences: Interner) -> list[int]:
    out: list[int] = []
    for s in sources:
        i = sentences.add(s)
        if i not in out:
            out.append(i)
    return out


def _edge_rows(net: Network, index: dict, sentences: Interner) -> Iterator[list]:
    """One row per (from, to, relation), in that order; parallel posts (党组书记, 主任) become one
    edge with both titles. Self-links are left out."""
    row = None
    for e in net.edges():
        i, j = index[e.source], index[e.target]
        if i == j:
            continue
        if row is None or row[1] != j or row[0] != i or row[2] != e.relation:
            if row is not None:
                yield _finish(row)
            row = [i, j, e.relation, [], [], 0, 0.0, [], []]
        row[5] += e.support
        if e.confidence is None and not e.sources and not e.title and not e.rule:
            continue                                    # a mention link: nothing more to add
        if e.title and e.title not in row[3]:
            row[3].append(e.title)
        for s in _sources(e.sources, sentences):
            if s not in row[4]:
                row[4].append(s)
        if e.confidence:
            row[6] = max(row[6], float(e.confidence))
        if e.rule and e.rule not in row[7]:
            row[7].append(e.rule)
        post = _post_row(e) if e.relation == "holds_post" else None
        if post is not None and post not in row[8]:
            row[8].append(post)
    if row is not None:
        yield _finish(row)


def _finish(row: list) -> list:
    if len(row[3]) > 1:
        row[3].sort()
    row[7] = ",".join(sorted(row[7])) if row[7] else ""
    row[8].sort()
    return row


_NAMES: dict[str, str] = {}


def _row_json(row: list) -> str:
    if row[3] or row[4] or row[7] or row[8]:
        return dumps(row)
    # a mention link: nothing to escape but the relation's name
    name = _NAMES.get(row[2])
    if name is None:
        name = _NAMES[row[2]] = dumps(row[2])
    return f"[{row[0]},{row[1]},{name},[],[],{row[5]},{float.__repr__(row[6])},\"\",[]]"


def _places(kinds: list[str], below: array, n: int) -> list[list[int]]:
    """For each node, the regions and zones it lies under (itself included), as sorted node indices:
    a place contains its sub-places, the institutions located in them and their sub-organisations,
    the officials holding posts there, the programs they run and the files that mention any of these."""
    codes = np.unique(np.frombuffer(below, dtype=np.int64)) if below else np.zeros(0, dtype=np.int64)
    parents, children = (codes // n).tolist(), (codes % n).tolist()
    under: dict[int, list[int]] = defaultdict(list)      # place-like node -> nodes directly under it
    for p, c in zip(parents, children):
        under[p].append(c)
    places: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        if kinds[i] not in PLACES:
            continue
        seen = {i}
        queue = deque([i])
        while queue:
            for j in under.get(queue.popleft(), ()):
                if j not in seen:
                    seen.add(j)
                    queue.append(j)
        for j in seen:
            places[j].append(i)
    return places          # appended in index order, so already sorted


def _region_tree(nodes: list, kinds: list[str], parent_of: dict[int, int]) -> list[list[int]]:
    """[[node, depth], ...]: regions and zones in tree order (part_of), children by code then name."""
    regions = [i for i, kind in enumerate(kinds) if kind in PLACES]

    def sort_key(i: int):
        node = nodes[i]
        return (node.code == "", node.code, node.label, node.iri)

    children: dict[int, list[int]] = defaultdict(list)
    roots = []
    for i in regions:
        (children[parent_of[i]] if i in parent_of else roots).append(i)
    out: list[list[int]] = []
    seen: set[int] = set()
    starts = sorted(roots, key=sort_key) + sorted(regions, key=sort_key)   # the latter for part_of cycles
    for start in starts:
        stack = [(start, 0)]
        while stack:
            i, depth = stack.pop()
            if i in seen:
                continue
            seen.add(i)
            out.append([i, depth])
            stack.extend((c, depth + 1) for c in sorted(children.get(i, ()), key=sort_key, reverse=True))
    return out

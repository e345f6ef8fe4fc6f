"""The network view (kg.graph.network) as the explorer page's data: classes and
relations with their Chinese labels from the ontology, nodes and edges as
compact rows, source sentences stored once, the region tree for the region
filter and, per node, every region it lies under.

Everything is ordered (nodes by IRI, edges by endpoints and relation), so the
same graph always gives the same data."""
from __future__ import annotations

import json
import math
from collections import defaultdict, deque

import networkx as nx

from ..graph.rdf import KG, LEVELS, ORG
from ..graph.vocab import RELATION_TERMS, label_of
from .layout import force_layout

# Node kind -> (ontology class, colour, vis-network shape); shapes that honour a size, so size can show degree.
CLASSES = {"official": (KG.Official, "#e4572e", "dot"),
           "institution": (ORG.Organization, "#4c72b0", "square"),
           "region": (KG.Region, "#55a868", "triangle"),
           "zone": (KG.Zone, "#8cc084", "triangleDown"),
           "program": (KG.Program, "#c9a227", "diamond"),
           "document": (KG.Document, "#8c8c8c", "hexagon")}
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
EDGE_FIELDS = ("from", "to", "relation", "titles", "sources", "support", "confidence", "rule")


def view_data(graph: nx.MultiDiGraph, large: bool) -> dict:
    """The page's data. Every node gets a precomputed position; a `large` graph is drawn
    plainly by the page (physics off, straight edges, arrowheads only around the focus)."""
    order = sorted(graph.nodes)
    index = {node: i for i, node in enumerate(order)}
    sentences = Interner()
    edges = _edges(graph, index, sentences)
    degree = [0] * len(order)
    for e in edges:
        degree[e[0]] += 1
        degree[e[1]] += 1
    places = _places(graph, order, index)
    positions = force_layout(graph, order)
    nodes = []
    for i, node in enumerate(order):
        a = graph.nodes[node]
        x, y = positions.get(node, (None, None))
        nodes.append([node, a.get("kind") or "other", a.get("label") or node, a.get("code", ""), a.get("level", ""),
                      a.get("region", ""), sorted(_json_list(a.get("aliases"))), int(a.get("mentions", 0) or 0),
                      degree[i], _size(degree[i], large), _sources(a.get("sources"), sentences), places[i], x, y])
    kinds = list(CLASSES) + sorted({n[1] for n in nodes} - set(CLASSES))
    return {"large": large,
            "classes": [_class(k, sum(n[1] == k for n in nodes)) for k in kinds],
            "relations": [_relation(r) for r in RELATIONS],
            "levels": {name: label_of(term) for name, term in LEVELS.items()},
            "files": sentences.files, "sentences": sentences.rows,
            "nodeFields": list(NODE_FIELDS), "nodes": nodes,
            "edgeFields": list(EDGE_FIELDS), "edges": edges,
            "regionTree": _region_tree(graph, order, index)}


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

    def add(self, source: dict) -> int:
        name = str(source.get("file", ""))
        if name not in self._files:
            self._files[name] = len(self.files)
            self.files.append(name)
        row = [self._files[name], int(source.get("start", 0) or 0), int(source.get("end", 0) or 0),
               str(source.get("sentence", ""))]
        key = tuple(row)
        if key not in self._rows:
            self._rows[key] = len(self.rows)
            self.rows.append(row)
        return self._rows[key]


def _json_list(value) -> list:
    if isinstance(value, (list, tuple)):
        return list(value)
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def _sources(value, sentences: Interner) -> list[int]:
    out: list[int] = []
    for s in _json_list(value):
        if isinstance(s, dict):
            i = sentences.add(s)
            if i not in out:
                out.append(i)
    return out


def _edges(graph: nx.MultiDiGraph, index: dict, sentences: Interner) -> list[list]:
    """One row per (from, to, relation); parallel posts (党组书记, 主任) become one edge with both titles."""
    grouped: dict[tuple, list] = {}
    for u, v, key in sorted(graph.edges(keys=True), key=lambda e: (index[e[0]], index[e[1]], str(e[2]))):
        if u == v:
            continue
        a = graph.edges[u, v, key]
        rel = a.get("relation", "")
        row = grouped.setdefault((index[u], index[v], rel), [index[u], index[v], rel, [], [], 0, 0.0, []])
        if a.get("title") and a["title"] not in row[3]:
            row[3].append(a["title"])
        for s in _sources(a.get("sources"), sentences):
            if s not in row[4]:
                row[4].append(s)
        row[5] += int(a.get("support", 1) or 0)
        row[6] = max(row[6], float(a.get("confidence", 0) or 0))
        if a.get("rule") and a["rule"] not in row[7]:
            row[7].append(a["rule"])
    rows = [grouped[k] for k in sorted(grouped)]
    for row in rows:
        row[3].sort()
        row[7] = ",".join(sorted(row[7]))
    return rows


def _places(graph: nx.MultiDiGraph, order: list, index: dict) -> list[list[int]]:
    """For each node, the regions and zones it lies under (itself included), as sorted node indices:
    a place contains its sub-places, the institutions located in them and their sub-organisations,
    the officials holding posts there, the programs they run and the files that mention any of these."""
    below: dict[int, list[int]] = defaultdict(list)      # place-like node -> nodes directly under it
    for u, v, rel in graph.edges(data="relation"):
        if rel in UNDER and u != v:
            child, parent = (u, v) if UNDER[rel] else (v, u)
            below[index[parent]].append(index[child])
    places: list[list[int]] = [[] for _ in order]
    for i, node in enumerate(order):
        if graph.nodes[node].get("kind") not in PLACES:
            continue
        seen = {i}
        queue = deque([i])
        while queue:
            for j in below.get(queue.popleft(), ()):
                if j not in seen:
                    seen.add(j)
                    queue.append(j)
        for j in seen:
            places[j].append(i)
    return places          # appended in index order, so already sorted


def _region_tree(graph: nx.MultiDiGraph, order: list, index: dict) -> list[list[int]]:
    """[[node, depth], ...]: regions and zones in tree order (part_of), children by code then name."""
    regions = [i for i, n in enumerate(order) if graph.nodes[n].get("kind") in PLACES]
    parent_of: dict[int, int] = {}
    for u, v, rel in sorted(graph.edges(data="relation"), key=lambda e: (index[e[0]], index[e[1]])):
        if rel == "part_of" and u != v and index[u] not in parent_of \
                and graph.nodes[v].get("kind") in PLACES:
            parent_of[index[u]] = index[v]

    def sort_key(i: int):
        a = graph.nodes[order[i]]
        return (a.get("code", "") == "", a.get("code", ""), a.get("label", ""), order[i])

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

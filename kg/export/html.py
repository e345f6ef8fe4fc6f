"""graph.html: an interactive pyvis view that works from file:// with no network."""
from __future__ import annotations

import html
import json

import networkx as nx
from pyvis.network import Network

from .atomic import write_text

COLORS = {"official": "#e4572e", "institution": "#4c72b0", "region": "#55a868", "zone": "#8fbc8f",
          "program": "#c9a227", "document": "#999999"}
SHAPES = {"official": "dot", "institution": "box", "region": "triangle", "zone": "triangleDown",
          "program": "diamond", "document": "square"}


def write_html(graph: nx.MultiDiGraph, path: str) -> None:
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    degree = dict(graph.degree())
    for node in sorted(graph.nodes):
        a = graph.nodes[node]
        kind = a.get("kind", "")
        net.add_node(node, label=a.get("label", ""), title=f"{kind}: {a.get('label', '')}",
                     color=COLORS.get(kind, "#cccccc"), shape=SHAPES.get(kind, "dot"),
                     size=8 + min(30, 2 * degree.get(node, 0)))
    for s, o, k, a in sorted(graph.edges(keys=True, data=True)):
        net.add_edge(s, o, label=a.get("label", ""), title=a.get("label", ""))
    write_text(path, net.generate_html())

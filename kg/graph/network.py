"""The merged model as a network, for the HTML view and graph tools.

Nodes are entities and source files, keyed by IRI; posts become edges from
the official to the institution (with the title, and what the sources say of
the post over time: status, rank, first and last seen, start and end); every
node carries its class, Chinese label, region code where known, aliases and
source sentences (with their article's date, when it has one).

`network(merged)` is the light view the exports are written from: the nodes
as a sorted list, the edges streamed in order (source, target, relation,
title) and rebuilt on every pass from the merged model, so no per-edge
structure is kept (the edges are mostly `mentioned_in` links, one per entity
and file). `to_network(merged)` gives the same graph as a networkx
MultiDiGraph, with list values JSON-encoded so GraphML and GEXF can hold them."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import NamedTuple

import networkx as nx

from ..model import Merged
from .iri import doc_iri, entity_iri
from .vocab import RELATION_TERMS, relation_label

KINDS = {"person": "official", "org": "institution", "region": "region", "zone": "zone", "program": "program"}
RELATIONS = {name: relation_label(name) for name in RELATION_TERMS}   # 任职于, 位于, 属于, 隶属于, 实施主体, 出自
MAX_SOURCES = 20
_doc_of = attrgetter("doc_id")
_new = tuple.__new__    # Edge(...) without NamedTuple's Python-level __new__, for the many mention links


class Source(NamedTuple):
    """A sentence a node or an edge was read from: file name, text, original-file offsets, and
    its article's date (ISO, "" if undated)."""
    file: str
    sentence: str
    start: int
    end: int
    date: str = ""


class Node(NamedTuple):
    iri: str
    kind: str            # official, institution, region, zone, program, document
    label: str
    code: str            # GB/T 2260 code of a region, else ""
    level: str
    region: str          # code of the region the node is located in, else ""
    mentions: int
    aliases: tuple       # sorted
    sources: tuple       # Source, at most MAX_SOURCES


class Edge(NamedTuple):
    source: str
    target: str
    relation: str        # holds_post, located_in, part_of, sub_organization_of, run_by, mentioned_in
    label: str           # 任职于:院长, 位于, ...
    title: str           # the post, for holds_post
    support: int         # sentences saying it (1 for the gazetteer's containment, which cites none)
    rule: str            # "" for mentioned_in
    confidence: float | None   # None for mentioned_in
    sources: tuple       # Source, at most MAX_SOURCES
    # A post's (holds_post) career, as kg.model.MergedFact has it; "" for other edges and when unknown
    first_seen: str = ""
    last_seen: str = ""
    start_date: str = ""
    end_date: str = ""
    status: str = ""     # current, nominated, ended, former
    rank: str = ""       # 正处级 …


# A post edge's career attributes in the graph tools' files, in this order (the Edge's fields; not
# start and end, which GEXF keeps for a dynamic graph's time).
POST_ATTRS = ("status", "rank", "first_seen", "last_seen", "start_date", "end_date")
NO_CAREER = ("",) * len(POST_ATTRS)


def post_values(e: Edge) -> tuple[str, ...]:
    """A post edge's career values, in POST_ATTRS order."""
    return (e.status, e.rank, e.first_seen, e.last_seen, e.start_date, e.end_date)


def sources_json(sources: tuple) -> str:
    """Sources as the JSON text the graph-tool exports carry ([{file, sentence, start, end[, date]}, ...];
    date only for a dated article's sentence)."""
    if not sources:
        return "[]"
    return json.dumps([s._asdict() if s.date else {"file": s.file, "sentence": s.sentence, "start": s.start,
                                                   "end": s.end} for s in sources], ensure_ascii=False)


def aliases_json(aliases: tuple) -> str:
    return json.dumps(list(aliases), ensure_ascii=False) if aliases else "[]"


class Network:
    """Nodes sorted by IRI, and a fresh iterator over the edges, sorted by
    (source, target, relation, title), each time `edges()` is called."""

    def __init__(self, nodes: list[Node], edges: Callable[[], Iterator[Edge]], number_of_edges: int, rated: int,
                 posts: int = 0):
        self.nodes = nodes
        self._edges = edges
        self.number_of_edges = number_of_edges
        self.rated = rated          # edges with a confidence (facts; mentions have none)
        self.posts = posts          # holds_post edges, which carry a post's career (POST_ATTRS)

    def edges(self) -> Iterator[Edge]:
        return self._edges()

    def to_networkx(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for n in self.nodes:
            g.add_node(n.iri, kind=n.kind, label=n.label, code=n.code, level=n.level,
                       aliases=aliases_json(n.aliases), region=n.region, mentions=n.mentions,
                       sources=sources_json(n.sources))
        for e in self.edges():
            attrs = {"relation": e.relation, "label": e.label, "title": e.title, "support": e.support}
            if e.confidence is not None:
                attrs.update(rule=e.rule, confidence=e.confidence)
            if e.relation == "holds_post":
                attrs.update(zip(POST_ATTRS, post_values(e)))
            g.add_edge(e.source, e.target, key=_edge_key(e), **attrs, sources=sources_json(e.sources))
        return g


def _edge_key(e: Edge) -> str:
    return "mentioned_in" if e.confidence is None else f"{e.relation}:{e.title}"


def _order(e: Edge):
    # a fact sorts after a mention link it could tie with (as it was added to the networkx graph after it)
    return (e.target, e.relation, e.title, e.confidence is not None)


def network(merged: Merged) -> Network:
    """The light network view of the merged model (see the module docstring)."""
    lookup = _SentenceLookup(merged)
    region_of = {f.subject: f.object for f in merged.facts if f.predicate == "located_in"}
    nodes: dict[str, Node] = {}
    mentioned: dict[str, list] = {}             # entity IRI -> the EntityInfos whose mentions link it to files
    for key, info in merged.entities.items():
        if key.kind not in KINDS:
            continue
        iri = entity_iri(key)
        region = region_of.get(key)
        nodes[iri] = Node(iri, KINDS[key.kind], info.label, info.attrs.get("code", ""), info.attrs.get("level", ""),
                          (merged.entities[region].attrs.get("code", "") if region in merged.entities else ""),
                          len(info.mentions), tuple(sorted(info.aliases)), lookup.sources(info.mentions))
        mentioned.setdefault(iri, []).append(info)
    files = {}
    for doc in merged.documents:
        iri = files[doc.doc_id] = doc_iri(doc.doc_id)
        nodes[iri] = Node(iri, "document", doc.name, "", "", "", 0, (), ())
    facts: dict[str, dict[tuple, Edge]] = {}
    for f in merged.facts:
        if f.predicate not in RELATIONS or f.rule == "gazetteer" and f.subject not in merged.entities:
            continue
        s, o = entity_iri(f.subject), entity_iri(f.object)
        if s not in nodes or o not in nodes:
            continue
        label = f"{RELATIONS[f.predicate]}:{f.title}" if f.title else RELATIONS[f.predicate]
        career = (f.first_seen, f.last_seen, f.start, f.end, f.status, f.rank) if f.predicate == "holds_post" \
            else NO_CAREER
        facts.setdefault(s, {})[(o, f.predicate, f.title)] = Edge(   # a later equal fact replaces it, as in networkx
            s, o, f.predicate, label, f.title, len(f.evidence) or 1, f.rule, f.confidence,
            lookup.sources(f.evidence), *career)
    del lookup
    mention_label = RELATIONS["mentioned_in"]

    def mention_counts(infos: list) -> dict[str, int]:
        """{file: mentions in it}; where several entities share an IRI, the last one's count for a file wins."""
        if len(infos) == 1:
            return _per_file(infos[0].mentions)
        counts: dict[str, int] = {}
        for info in infos:
            counts.update(_per_file(info.mentions))
        return counts

    def edges() -> Iterator[Edge]:
        for s in sorted(mentioned.keys() | facts.keys()):
            out = [_new(Edge, (s, files[doc], "mentioned_in", mention_label, "", count, "", None, ()) + NO_CAREER)
                   for doc, count in mention_counts(mentioned.get(s, ())).items() if doc in files]
            out.extend(facts.get(s, {}).values())
            out.sort(key=_order)
            yield from out

    links = sum(len(mention_counts(infos).keys() & files.keys()) for infos in mentioned.values())
    rated = sum(len(by_subject) for by_subject in facts.values())
    posts = sum(e.relation == "holds_post" for by_subject in facts.values() for e in by_subject.values())
    return Network([nodes[iri] for iri in sorted(nodes)], edges, links + rated, rated, posts)


def _per_file(mentions) -> dict[str, int]:
    """{doc_id: mentions in it}: the merge's EvidenceList counts them without making Evidence objects."""
    count = getattr(mentions, "per_document", None)
    return count() if count is not None else Counter(map(_doc_of, mentions))


class _SentenceLookup:
    """Evidence -> Source: the sentence is looked up in the evidence's article, else in its whole file."""

    def __init__(self, merged: Merged):
        self.documents = {d.doc_id: d for d in merged.documents}
        self.by_file: dict[str, dict] = {}

    def sources(self, evidence: list) -> tuple:
        out = []
        for e in evidence[:MAX_SOURCES]:
            doc = self.documents.get(e.doc_id)
            if doc is None:
                continue
            found = date = None
            if 0 <= e.article < len(doc.articles) and doc.articles[e.article].index == e.article:
                art = doc.articles[e.article]
                for s in art.sentences:
                    if s.index == e.sentence:
                        found, date = s, art.date
                        break
            if found is None:
                sentences = self.by_file.get(e.doc_id)
                if sentences is None:
                    sentences = self.by_file[e.doc_id] = {s.index: (s, a.date) for a in doc.articles
                                                          for s in a.sentences}
                found, date = sentences.get(e.sentence, (None, None))
            if found is not None:
                out.append(Source(doc.name, found.text, e.start, e.end, date or ""))
        return tuple(out)


def to_network(merged: Merged) -> nx.MultiDiGraph:
    """The network view as a networkx MultiDiGraph: node and edge attributes as in GraphML
    (aliases and sources JSON-encoded), edge keys `mentioned_in` and `relation:title`."""
    return network(merged).to_networkx()


def from_networkx(graph: nx.MultiDiGraph) -> Network:
    """A Network from a MultiDiGraph with to_network's attributes, e.g. a hand-made graph for
    write_html; a node without a kind is kept, as kind "other"."""
    nodes = []
    for iri in sorted(graph.nodes):
        a = graph.nodes[iri]
        nodes.append(Node(iri, a.get("kind") or "other", a.get("label") or "", a.get("code", ""), a.get("level", ""),
                          a.get("region", ""), int(a.get("mentions", 0) or 0),
                          tuple(sorted(str(x) for x in _json_list(a.get("aliases")))),
                          _sources(a.get("sources"))))
    edges = []
    for u, v, key, a in graph.edges(keys=True, data=True):
        confidence = a.get("confidence")
        career = (str(a.get(name) or "") for name in ("first_seen", "last_seen", "start_date", "end_date", "status",
                                                       "rank"))
        edges.append(Edge(u, v, a.get("relation", ""), a.get("label", ""), a.get("title", ""),
                          int(a.get("support", 1) or 0), a.get("rule", ""),
                          None if confidence is None else float(confidence), _sources(a.get("sources")), *career))
    edges.sort(key=lambda e: (e.source, _order(e)))
    return Network(nodes, lambda: iter(edges), len(edges), sum(e.confidence is not None for e in edges),
                   sum(e.relation == "holds_post" for e in edges))


def _json_list(value) -> list:
    if isinstance(value, (list, tuple)):
        return list(value)
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def _sources(value) -> tuple:
    return tuple(Source(str(s.get("file", "")), str(s.get("sentence", "")), int(s.get("start", 0) or 0),
                        int(s.get("end", 0) or 0), str(s.get("date") or "")) for s in _json_list(value)
                 if isinstance(s, dict))


def as_network(graph) -> Network:
    """A Network as it is; a networkx graph through from_networkx."""
    return graph if isinstance(graph, Network) else from_networkx(graph)


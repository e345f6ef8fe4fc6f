"""The merged model as a networkx MultiDiGraph, for the HTML view and graph tools.

Nodes are entities and source files, keyed by IRI; posts become edges from
the official to the institution (with the title); every node carries its
class, Chinese label, region code where known, aliases and source sentences.
Attribute values are scalars (lists are JSON-encoded) so GraphML and GEXF can
hold them."""
from __future__ import annotations

import json

import networkx as nx

from ..resolve.merge import Merged
from .iri import doc_iri, entity_iri
from .vocab import RELATION_TERMS, relation_label

KINDS = {"person": "official", "org": "institution", "region": "region", "zone": "zone", "program": "program"}
RELATIONS = {name: relation_label(name) for name in RELATION_TERMS}   # 任职于, 位于, 属于, 隶属于, 实施主体, 出自
MAX_SOURCES = 20


def to_network(merged: Merged) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    sentences = {(d.doc_id, s.index): (d.name, s.text) for d in merged.documents
                 for a in d.articles for s in a.sentences}
    region_of = {f.subject: f.object for f in merged.facts if f.predicate == "located_in"}

    def source_list(evidence):
        return json.dumps([{"file": sentences[(e.doc_id, e.sentence)][0], "sentence": sentences[(e.doc_id, e.sentence)][1],
                            "start": e.start, "end": e.end} for e in evidence[:MAX_SOURCES]
                           if (e.doc_id, e.sentence) in sentences], ensure_ascii=False)

    for key, info in merged.entities.items():
        if key.kind not in KINDS:
            continue
        region = region_of.get(key)
        code = info.attrs.get("code", "")
        g.add_node(entity_iri(key), kind=KINDS[key.kind], label=info.label, code=code,
                   level=info.attrs.get("level", ""), aliases=json.dumps(sorted(info.aliases), ensure_ascii=False),
                   region=(merged.entities[region].attrs.get("code", "") if region in merged.entities else ""),
                   mentions=len(info.mentions), sources=source_list(info.mentions))
        for doc_id in sorted({e.doc_id for e in info.mentions}):
            g.add_edge(entity_iri(key), doc_iri(doc_id), key="mentioned_in", relation="mentioned_in",
                       label=RELATIONS["mentioned_in"], title="", support=sum(e.doc_id == doc_id for e in info.mentions),
                       sources="[]")
    for doc in merged.documents:
        g.add_node(doc_iri(doc.doc_id), kind="document", label=doc.name, code="", level="", aliases="[]",
                   region="", mentions=0, sources="[]")
    for f in merged.facts:
        if f.predicate not in RELATIONS or f.rule == "gazetteer" and f.subject not in merged.entities:
            continue
        s, o = entity_iri(f.subject), entity_iri(f.object)
        if s not in g or o not in g:
            continue
        label = f"{RELATIONS[f.predicate]}:{f.title}" if f.title else RELATIONS[f.predicate]
        # support: the sentences saying it, or 1 for the gazetteer's containment, which cites none
        g.add_edge(s, o, key=f"{f.predicate}:{f.title}", relation=f.predicate, label=label, title=f.title,
                   support=len(f.evidence) or 1, rule=f.rule, confidence=f.confidence, sources=source_list(f.evidence))
    return g

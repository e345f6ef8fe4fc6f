"""Merging the files' entities and facts into one graph-shaped model.

Entities with the same key are one thing: their aliases, attributes and
mentions are unioned. Facts with the same subject, predicate, object (and
title, for posts) are one fact supported by several sentences. Everything is
sorted, so the result does not depend on the order files were read in."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Document, EntityInfo, EntityKey, Evidence, FileResult, FileSummary, OffsetMap


@dataclass
class MergedFact:
    subject: EntityKey
    predicate: str
    object: EntityKey | str
    title: str
    evidence: list[Evidence]
    rule: str
    confidence: float


@dataclass
class Merged:
    documents: list[Document]
    entities: dict[EntityKey, EntityInfo]
    facts: list[MergedFact]
    warnings: list[str] = field(default_factory=list)


def _ev_key(ev: Evidence):
    return (ev.doc_id, ev.sentence, ev.start, ev.end)


class Merger:
    """merge(), one file at a time, so a build keeps only the merged graph in
    memory, never every file's results. Files must come in doc_id order: the
    first file to name an entity gives its label."""

    def __init__(self):
        self.documents: list[Document] = []
        self.entities: dict[EntityKey, EntityInfo] = {}
        self.grouped: dict[tuple, dict] = {}
        self.warnings: list[str] = []

    def add(self, r: FileResult) -> None:
        if self.documents and r.document.doc_id < self.documents[-1].doc_id:
            raise ValueError(f"files out of doc_id order: {r.document.doc_id} after {self.documents[-1].doc_id}")
        self.documents.append(r.document)
        self.warnings.extend(r.warnings)
        entities, grouped = self.entities, self.grouped
        for key, info in r.entities.items():
            into = entities.get(key)
            if into is None:
                into = entities[key] = EntityInfo(key, info.label)
            into.aliases |= info.aliases
            for k, v in info.attrs.items():
                if k == "explicit":
                    into.attrs[k] = into.attrs.get(k, False) or v
                else:
                    into.attrs.setdefault(k, v)
            into.mentions.extend(info.mentions)
        for f in r.facts:
            title = f.attrs.get("title", "") if f.predicate == "holds_post" else f.attrs.get("role", "")
            g = grouped.setdefault((f.subject, f.predicate, f.object, title),
                                   {"evidence": [], "rules": set(), "conf": 0.0})
            if f.evidence is not None:      # background facts (the gazetteer's containment) cite no sentence
                g["evidence"].append(f.evidence)
            g["rules"].add(f.rule)
            g["conf"] = max(g["conf"], f.confidence)

    def finish(self) -> Merged:
        for info in self.entities.values():
            info.mentions = sorted({_ev_key(e): e for e in info.mentions}.values(), key=_ev_key)
            info.aliases.discard(info.label)
        facts = []
        for (s, p, o, title), g in self.grouped.items():
            ev = sorted({_ev_key(e): e for e in g["evidence"]}.values(), key=_ev_key)
            facts.append(MergedFact(s, p, o, title, ev, "+".join(sorted(g["rules"])), round(g["conf"], 2)))
        facts.sort(key=lambda f: (f.predicate, _sort_key(f.subject), _sort_key(f.object), f.title))
        return Merged(self.documents, dict(sorted(self.entities.items(), key=lambda kv: _sort_key(kv[0]))),
                      facts, self.warnings)


def merge(results: list[FileResult]) -> Merged:
    merger = Merger()
    for r in sorted(results, key=lambda r: r.document.doc_id):
        merger.add(r)
    return merger.finish()


def compact(result: FileResult) -> FileSummary:
    """What the merge needs from one file, and no more: entities, facts, article
    metadata and the sentences some evidence cites. The clean text and the
    other sentences are dropped; kept spans are turned into original-file
    offsets, so the compact document's offset map is the identity."""
    doc = result.document
    cited = {ev.sentence for info in result.entities.values() for ev in info.mentions if ev is not None}
    cited.update(f.evidence.sentence for f in result.facts if f.evidence is not None)
    articles, sentences = [], 0
    for art in doc.articles:
        sentences += len(art.sentences)
        kept = []
        for s in art.sentences:
            if s.index in cited:
                start, end = doc.offsets.span(s.start, s.end)
                kept.append(replace(s, start=start, end=end))
        start, end = doc.offsets.span(art.start, art.end)
        articles.append(replace(art, start=start, end=end, sentences=kept))
    small = replace(doc, text="", offsets=OffsetMap(), articles=articles)
    return FileSummary(replace(result, document=small), articles=len(doc.articles), sentences=sentences,
                       chars=len(doc.text))


def _sort_key(x):
    if isinstance(x, EntityKey):
        return (x.kind, x.name, x.scope)
    return ("", str(x), "")

"""Merging the files' entities and facts into one graph-shaped model.

Entities with the same key are one thing: their aliases, attributes and
mentions are unioned. Facts with the same subject, predicate, object (and
title, for posts) are one fact supported by several sentences. Everything is
sorted, so the result does not depend on the order files were read in.

A post's statements (current, nominated, ended, former, each dated by its article)
are gathered across files and settled once, in finish(): its status, first and
last seen, start and end (kg.resolve.career says how); then its rank."""
from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..model import (
    Document,
    EntityInfo,
    EntityKey,
    Evidence,
    EvidenceList,
    Fact,
    FileResult,
    FileSummary,
    Merged,
    MergedFact,
    OffsetMap,
    Sentence,
    pack_evidence,
)
from . import career


class SentenceStore:
    """Cited sentences parked in an unnamed temporary file while a build merges and
    exports: the largest part of a merged corpus that is only read at export time.
    Read with os.pread, so a forked exporter can share the file."""

    CACHED = 256     # articles' sentences kept unpickled, most recently read first

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="kg-sentences-")
        self._end = 0
        self._recent: dict[tuple[int, int], list[Sentence]] = {}

    def put(self, sentences: list[Sentence]) -> tuple[int, int]:
        data = pickle.dumps(sentences, protocol=pickle.HIGHEST_PROTOCOL)
        os.pwrite(self._file.fileno(), data, self._end)
        key = (self._end, len(data))
        self._end += len(data)
        return key

    def get(self, key: tuple[int, int]) -> list[Sentence]:
        found = self._recent.pop(key, None)
        if found is None:
            found = pickle.loads(os.pread(self._file.fileno(), key[1], key[0]))
            if len(self._recent) >= self.CACHED:
                del self._recent[next(iter(self._recent))]
        self._recent[key] = found
        return found


class StoredSentences(Sequence):
    """An article's cited sentences, read from a SentenceStore when asked for."""

    __slots__ = ("_store", "_key", "_n")

    def __init__(self, store: SentenceStore, sentences: list[Sentence]):
        self._store, self._key, self._n = store, store.put(sentences), len(sentences)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        return self._store.get(self._key)[i]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self._store.get(self._key))


class Merger:
    """merge(), one file at a time, so a build keeps only the merged graph in
    memory, never every file's results. Files must come in doc_id order: the
    first file to name an entity gives its label."""

    def __init__(self, spill: bool = False):
        """`spill`: keep the documents' cited sentences in a temporary file, not in
        memory (a build does; their documents' articles are changed in place)."""
        self.store = SentenceStore() if spill else None
        self.documents: list[Document] = []
        self.doc_ids: list[str] = []
        self.entities: dict[EntityKey, EntityInfo] = {}
        self.grouped: dict[tuple, dict] = {}
        self.warnings: list[str] = []

    def add(self, r: FileResult) -> None:
        if self.documents and r.document.doc_id < self.documents[-1].doc_id:
            raise ValueError(f"files out of doc_id order: {r.document.doc_id} after {self.documents[-1].doc_id}")
        doc = len(self.documents)
        self.documents.append(r.document)
        if self.store is not None:
            for art in r.document.articles:
                if art.sentences:
                    art.sentences = StoredSentences(self.store, art.sentences)
        self.doc_ids.append(r.document.doc_id)
        self.warnings.extend(r.warnings)
        entities, grouped = self.entities, self.grouped
        for key, info in r.entities.items():
            into = entities.get(key)
            if into is None:
                into = entities[key] = EntityInfo(key, info.label, mentions=EvidenceList(self.doc_ids))
            into.aliases |= info.aliases
            for k, v in info.attrs.items():
                if k == "explicit":
                    into.attrs[k] = into.attrs.get(k, False) or v
                else:
                    into.attrs.setdefault(k, v)
            if isinstance(info.mentions, array):
                into.mentions.add(doc, info.mentions)          # a compact result: packed already
            else:
                into.mentions.extend(doc, info.mentions)
        evidence: dict[tuple, list[Evidence]] = {}
        days = career.day_of(r.document)
        for f in r.facts:
            key = (f.subject, f.predicate, f.object, _title(f))
            g = grouped.get(key)
            if g is None:
                g = grouped[key] = {"evidence": EvidenceList(self.doc_ids), "rules": set(), "conf": 0.0}
            if f.predicate == "holds_post":
                g.setdefault("said", set()).update(career.statements(f, days))
            if isinstance(f.evidence, array):                  # a compact result: one fact per key, packed
                g["evidence"].add(doc, f.evidence)
            elif f.evidence is not None:    # background facts (the gazetteer's containment) cite no sentence
                evidence.setdefault(key, []).append(f.evidence)
            g["rules"].update(f.rule.split("+"))
            g["conf"] = max(g["conf"], f.confidence)
        for key, found in evidence.items():
            grouped[key]["evidence"].extend(doc, found)

    def finish(self) -> Merged:
        for info in self.entities.values():
            info.aliases.discard(info.label)
        facts = []
        for (s, p, o, title), g in self.grouped.items():
            fact = MergedFact(s, p, o, title, g["evidence"], "+".join(sorted(g["rules"])), round(g["conf"], 2))
            if p == "holds_post":
                (fact.status, fact.first_seen, fact.last_seen, fact.start, fact.end) = career.settle(g.get("said", ()))
            facts.append(fact)
        facts.sort(key=lambda f: (f.predicate, _sort_key(f.subject), _sort_key(f.object), f.title))
        entities = dict(sorted(self.entities.items(), key=lambda kv: _sort_key(kv[0])))
        career.rank_posts(entities, facts)
        return Merged(self.documents, entities, facts, self.warnings)


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
    entities = {key: replace(info, mentions=pack_evidence(e for e in info.mentions if e is not None))
                for key, info in result.entities.items()}
    return FileSummary(replace(result, document=small, entities=entities, facts=_grouped_facts(result.facts)),
                       articles=len(doc.articles), sentences=sentences, chars=len(doc.text))


def _title(f: Fact) -> str:
    """What tells two facts with the same ends apart: a post's title, a byline's role."""
    return f.attrs.get("title", "") if f.predicate == "holds_post" else f.attrs.get("role", "")


def _grouped_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per subject, predicate, object and title, as the merge groups them: the
    rules joined by "+", the highest confidence, the evidence packed (pack_evidence), and a
    post's statements (kg.resolve.career.seen)."""
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        groups.setdefault((f.subject, f.predicate, f.object, _title(f)), []).append(f)
    out = []
    for (s, p, o, title), group in groups.items():
        attrs = {"title" if p == "holds_post" else "role": title} if title else {}
        if p == "holds_post":
            attrs[career.SEEN] = career.seen(group)      # what each statement says of the post, by article
        out.append(Fact(s, p, o, pack_evidence(f.evidence for f in group if f.evidence is not None),
                        "+".join(sorted({f.rule for f in group})), max(f.confidence for f in group), attrs))
    return out


def _sort_key(x):
    if isinstance(x, EntityKey):
        return (x.kind, x.name, x.scope)
    return ("", str(x), "")

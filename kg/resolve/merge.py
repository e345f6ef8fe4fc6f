"""Merging the files' entities and facts into one graph-shaped model.

Entities with the same key are one thing: their aliases, attributes and
mentions are unioned. Facts with the same subject, predicate, object (and
title, for posts) are one fact supported by several sentences. Everything is
sorted, so the result does not depend on the order files were read in."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, EntityInfo, EntityKey, Evidence, FileResult


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


def merge(results: list[FileResult]) -> Merged:
    results = sorted(results, key=lambda r: r.document.doc_id)
    entities: dict[EntityKey, EntityInfo] = {}
    grouped: dict[tuple, dict] = {}
    for r in results:
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
            g["evidence"].append(f.evidence)
            g["rules"].add(f.rule)
            g["conf"] = max(g["conf"], f.confidence)
    for info in entities.values():
        info.mentions = sorted({_ev_key(e): e for e in info.mentions}.values(), key=_ev_key)
        info.aliases.discard(info.label)
    facts = []
    for (s, p, o, title), g in grouped.items():
        ev = sorted({_ev_key(e): e for e in g["evidence"]}.values(), key=_ev_key)
        facts.append(MergedFact(s, p, o, title, ev, "+".join(sorted(g["rules"])), round(g["conf"], 2)))
    facts.sort(key=lambda f: (f.predicate, _sort_key(f.subject), _sort_key(f.object), f.title))
    return Merged([r.document for r in results], dict(sorted(entities.items(), key=lambda kv: _sort_key(kv[0]))),
                  facts, [w for r in results for w in r.warnings])


def _sort_key(x):
    if isinstance(x, EntityKey):
        return (x.kind, x.name, x.scope)
    return ("", str(x), "")

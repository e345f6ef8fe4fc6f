"""posts.csv: one row per post, the career table political-elite databases keep (person, post,
body, place at three levels, rank, status, start and end), with where the graph read it.

It opens alike in Excel, pandas and R: UTF-8 with a byte-order mark (Excel reads the Chinese
right only then), RFC 4180 (comma-separated, CRLF line ends, a field quoted when it holds a
comma, a quote or a line break, quotes doubled), a header row, dates as ISO 8601 (YYYY-MM-DD)
and "" when unknown. Rows are sorted by person, then by when the post is dated (its start, else
its first sighting; undated posts last), so the same graph gives the same bytes.

  person, title, organization   the official, the title as written, the institution
  region, region_code           the place the institution (or the body above it) is located in
  province, prefecture, county  that place's province, prefecture and county (itself included)
  rank                          正部级 … 副科级, for posts of party and state bodies
  status                        current, nominated, ended or former
  first_seen, last_seen         the earliest and latest days of the articles stating it
  start, end                    the days of the notices that began and ended it
  sources                       how many sentences state it
  source_file, sentence         the first of them: its file and its text
  confidence, rule              how sure the rule that read it is, and which rule(s)
  post                          the post's IRI in graph.ttl (an org:Membership)
"""
from __future__ import annotations

import csv
import os

from ..graph.iri import entity_iri, post_iri
from ..model import EntityKey, Merged, MergedFact
from .atomic import atomic_path

COLUMNS = ("person", "title", "organization", "region", "region_code", "province", "prefecture", "county", "rank",
           "status", "first_seen", "last_seen", "start", "end", "sources", "source_file", "sentence", "confidence",
           "rule", "post")
FILE = "posts.csv"
LEVELS = ("province", "prefecture", "county")
MAX_DEPTH = 12       # bodies above an institution, and places above a place, followed at most


def write_posts_csv(out: str, merged: Merged) -> str:
    """posts.csv in `out`, written atomically; its path."""
    path = os.path.join(out, FILE)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")      # RFC 4180; QUOTE_MINIMAL
            writer.writerow(COLUMNS)
            writer.writerows(post_rows(merged))
    return path


def post_rows(merged: Merged) -> list[list[str]]:
    """posts.csv's rows, without the header, in order."""
    places = Places(merged)
    sentences = Sentences(merged)
    rows = []
    for f in merged.facts:
        if f.predicate != "holds_post" or not isinstance(f.object, EntityKey):
            continue
        region = places.region_of(f.object)
        when = f.start or f.first_seen
        key = (f.subject.name, entity_iri(f.subject), when == "", when, f.title, f.object.name)
        rows.append((key, row(f, merged, places, sentences, region)))
    rows.sort(key=lambda r: r[0] + (r[1][-1],))
    return [r for _, r in rows]


def row(f: MergedFact, merged: Merged, places: "Places", sentences: "Sentences", region: EntityKey | None) -> list[str]:
    label = lambda key: merged.entities[key].label if key in merged.entities else key.name   # noqa: E731
    levels = places.levels(region)
    first = f.evidence[0] if len(f.evidence) else None
    file, sentence = sentences.of(first) if first is not None else ("", "")
    return [label(f.subject), f.title, label(f.object), label(region) if region is not None else "",
            places.code(region), *(levels.get(level, "") for level in LEVELS), f.rank, f.status, f.first_seen,
            f.last_seen, f.start, f.end, str(len(f.evidence)), file, sentence, f"{f.confidence:.2f}", f.rule,
            post_iri(f.subject, f.object, f.title)]


class Places:
    """Where institutions are (located_in, through the bodies above them) and what contains a place
    (part_of), from the merged facts; the first of several, in the facts' sorted order."""

    def __init__(self, merged: Merged):
        self.entities = merged.entities
        self.located: dict[EntityKey, EntityKey] = {}
        self.parent: dict[EntityKey, EntityKey] = {}
        self.within: dict[EntityKey, EntityKey] = {}
        for f in merged.facts:
            if f.predicate == "located_in":
                self.located.setdefault(f.subject, f.object)
            elif f.predicate == "sub_organization_of":
                self.parent.setdefault(f.subject, f.object)
            elif f.predicate == "part_of":
                self.within.setdefault(f.subject, f.object)

    def region_of(self, org: EntityKey) -> EntityKey | None:
        at, seen = org, set()
        while at not in self.located and at in self.parent and at not in seen and len(seen) < MAX_DEPTH:
            seen.add(at)
            at = self.parent[at]
        return self.located.get(at)

    def code(self, place: EntityKey | None) -> str:
        """A place's GB/T 2260 code (a township's too), '' for a village, a zone, a place abroad."""
        if place is None:
            return ""
        info = self.entities.get(place)
        code = info.attrs.get("code", "") if info is not None else ""
        return code or (place.scope if place.kind == "region" and place.scope.isdigit() else "")

    def levels(self, place: EntityKey | None) -> dict[str, str]:
        """{level: name} of the place and the places containing it."""
        out: dict[str, str] = {}
        seen = set()
        while place is not None and place not in seen and len(seen) < MAX_DEPTH:
            seen.add(place)
            info = self.entities.get(place)
            if info is not None and info.attrs.get("level") in LEVELS:
                out.setdefault(info.attrs["level"], info.label)
            place = self.within.get(place)
        return out


class Sentences:
    """Evidence -> (file name, sentence text), through the evidence's article."""

    def __init__(self, merged: Merged):
        self.documents = {d.doc_id: d for d in merged.documents}

    def of(self, ev) -> tuple[str, str]:
        doc = self.documents.get(ev.doc_id)
        if doc is None:
            return "", ""
        arts = [a for a in doc.articles if a.index == ev.article] or doc.articles
        for art in arts:
            for s in art.sentences:
                if s.index == ev.sentence:
                    return doc.name, s.text
        return doc.name, ""

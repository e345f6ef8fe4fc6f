"""The plain data model every stage passes along, in the spirit of spaCy's Doc/Span.

document -> articles -> sentences -> mentions -> (entities, facts)

Offsets in `Sentence`, `Mention` are into the document's *clean* text; the
document's `offsets` map turns them back into offsets in the original file.
Everything here is plain, picklable data so per-file work can run in other
processes and be cached.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Piecewise map from clean-text offsets to original-file offsets.

    `runs` holds (clean_start, original_start, length) triples, sorted; inside a
    run the two texts advance together. Runs, not one int per character, keep
    memory small for very large files."""

    runs: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, clean_start: int, original_start: int, length: int) -> None:
        if length <= 0:
            return
        if self.runs:
            c, o, n = self.runs[-1]
            if c + n == clean_start and o + n == original_start:
                self.runs[-1] = (c, o, n + length)
                return
        self.runs.append((clean_start, original_start, length))

    def to_original(self, clean: int) -> int:
        """Original offset of the clean character at `clean` (or just past the last one)."""
        if not self.runs:
            return clean
        i = bisect_right(self.runs, (clean, float("inf"), 0)) - 1
        if i < 0:
            return self.runs[0][1]
        c, o, n = self.runs[i]
        return o + min(clean - c, n)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end); end exclusive."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass
class Document:
    path: str            # as given on the command line
    name: str            # file name, used in provenance
    doc_id: str          # stable id: file stem (+ hash on collision)
    sha256: str
    encoding: str
    text: str            # clean text: full-width ASCII folded, layout breaks joined
    offsets: OffsetMap
    articles: list["Article"] = field(default_factory=list)


@dataclass
class Article:
    index: int
    start: int           # clean offsets
    end: int
    headline: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)   # (role, name): 记者/刘琼
    source: str = ""     # the paper named in the dateline/byline (株洲日报)
    home: str = ""       # region code of the place the article is about
    sentences: list["Sentence"] = field(default_factory=list)


@dataclass(slots=True)   # a large build keeps hundreds of thousands: no __dict__ each
class Sentence:
    index: int           # running index within the document
    start: int
    end: int
    text: str
    is_heading: bool = False


@dataclass
class Mention:
    kind: str            # region | institution | person | title | program
    start: int           # clean offsets, end exclusive
    end: int
    text: str
    sentence: int        # Sentence.index
    attrs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class EntityKey:
    """What makes two mentions the same thing, before IRIs exist.

    kind + a canonical name + a disambiguating scope (a region code for
    regions and persons, "" where the name alone decides)."""

    kind: str
    name: str
    scope: str = ""


@dataclass
class Evidence:
    doc_id: str
    article: int
    sentence: int
    start: int           # original-file offsets of the supporting span
    end: int


@dataclass
class Fact:
    subject: EntityKey
    predicate: str       # holds_post | located_in | part_of | sub_organization_of | runs | author_of
    object: EntityKey | str
    evidence: Evidence
    rule: str
    confidence: float
    attrs: dict = field(default_factory=dict)   # e.g. {"title": "副书记"} for posts


@dataclass
class EntityInfo:
    """What one file says about an entity; merged across files by the resolver."""

    key: EntityKey
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict = field(default_factory=dict)   # code, level, subtype, implicit, …
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class FileResult:
    """Everything extracted from one file: the unit of caching and parallel work."""

    document: Document
    entities: dict[EntityKey, EntityInfo]
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)


@dataclass
class FileSummary:
    """A FileResult compacted to what the merge needs (kg.resolve.merge.compact),
    with the counts the build report shows: what a build keeps and caches per file."""

    result: FileResult
    articles: int
    sentences: int
    chars: int           # characters of clean text read

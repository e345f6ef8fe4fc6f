"""The plain data model every stage passes along, in the spirit of spaCy's Doc/Span.

document -> articles -> sentences -> mentions -> (entities, facts)

Offsets in `Sentence`, `Mention` are into the document's *clean* text; the
document's `offsets` map turns them back into offsets in the original file.
Everything here is plain, picklable data so per-file work can run in other
processes and be cached.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from types import MappingProxyType
from typing import Mapping, NamedTuple


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
    paper: str = ""      # the paper its masthead names (长沙日报)
    section: str = ""    # the page's name in the masthead (县域·炎陵)


@dataclass
class Article:
    index: int
    start: int           # clean offsets
    end: int
    headline: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)   # (role, name): 记者/刘琼
    source: str = ""     # the paper named in the dateline, or the page's masthead (株洲日报)
    home: str = ""       # region code of the place the article is about
    sentences: list["Sentence"] = field(default_factory=list)
    date: str = ""       # ISO 8601 (2024-03-12, 2024-03 or 2024) when the page says it (kg.ingest.dates)
    date_source: str = ""     # where it was read: header, meta, dateline, filename
    date_precision: str = ""  # day, month, year


@dataclass(slots=True)   # a large build keeps hundreds of thousands: no __dict__ each
class Sentence:
    index: int           # running index within the document
    start: int
    end: int
    text: str
    is_heading: bool = False


NO_ATTRS: Mapping[str, object] = MappingProxyType({})


class Mention(NamedTuple):
    """A typed span of one sentence: what every recogniser returns, like a spaCy Span.

    `start` and `end` (exclusive) are offsets into the sentence's text; the
    sentence's own offsets and the document's OffsetMap turn them into offsets
    in the original file. `attrs` carries what a kind needs beyond its span (a
    place's gazetteer codes, an institution's subtype, the titles a person holds)
    and is never changed in place. A tuple, not a dataclass: recognisers make one
    for every candidate."""

    kind: str            # region | zone | institution | title | person | program
    start: int
    end: int
    text: str            # the sentence's text from start to end
    attrs: Mapping[str, object] = NO_ATTRS
    rule: str = ""       # the rule that found it
    confidence: float = 1.0   # how sure the rule is; higher is surer

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)


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


def pack_evidence(evidence: Iterable[Evidence]) -> array:
    """One document's evidence as rows of four ints (article, sentence, start, end),
    sorted by sentence and span, without repeats: what a compact file result carries
    (an array pickles as one block of bytes, where Evidence objects cost one each)."""
    rows = array("q")
    for sentence, start, end, article in sorted({(e.sentence, e.start, e.end, e.article) for e in evidence}):
        rows.extend((article, sentence, start, end))
    return rows


class EvidenceList(Sequence):
    """The sentences supporting one entity or fact, sorted, as a read-only list of
    Evidence. A large corpus has millions of them: their rows (pack_evidence) are
    kept in one array, 32 bytes a row, with 16 bytes per document saying where its
    rows start, and made into Evidence objects only when read."""

    __slots__ = ("_docs", "_rows", "_starts")
    WIDTH = 4

    def __init__(self, docs: list[str]):
        self._docs = docs              # doc_id by index, shared by every list of one merge
        self._rows = array("q")        # (article, sentence, start, end) rows, document after document
        self._starts = array("q")      # (doc index, first row) per document that has rows

    def add(self, doc_index: int, rows: array) -> None:
        """Append one document's packed evidence, after every earlier document's."""
        if rows:
            self._starts.extend((doc_index, len(self._rows) // self.WIDTH))
            self._rows.extend(rows)

    def extend(self, doc_index: int, evidence: Iterable[Evidence]) -> None:
        self.add(doc_index, pack_evidence(evidence))

    def __len__(self) -> int:
        return len(self._rows) // self.WIDTH

    def _runs(self) -> Iterator[tuple[str, int, int]]:
        """(doc_id, first row, end row) per document."""
        starts, n = self._starts, len(self)
        for k in range(0, len(starts), 2):
            yield self._docs[starts[k]], starts[k + 1], starts[k + 3] if k + 3 < len(starts) else n

    def __iter__(self) -> Iterator[Evidence]:
        rows, w = self._rows, self.WIDTH
        for doc, first, end in self._runs():
            for k in range(first * w, end * w, w):
                yield Evidence(doc, rows[k], rows[k + 1], rows[k + 2], rows[k + 3])

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step == 1:
                return list(islice(self, start, stop))
            return list(self)[i]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("evidence index out of range")
        return next(islice(self, i, None))

    def per_document(self) -> dict[str, int]:
        """{doc_id: how many of the evidence are in that document}, in document order, without
        making an Evidence of each (the network exports count mentions per file this way)."""
        counts: dict[str, int] = {}
        for doc, first, end in self._runs():
            counts[doc] = counts.get(doc, 0) + end - first
        return counts

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"EvidenceList({list(self)!r})"


@dataclass
class MergedFact:
    subject: EntityKey
    predicate: str
    object: EntityKey | str
    title: str
    evidence: EvidenceList
    rule: str
    confidence: float
    # What the sources say of a post over time (kg.resolve.career), posts only, "" when unknown:
    status: str = ""     # current | nominated | ended | former
    first_seen: str = ""  # the earliest and latest day-precision dates of the articles stating it (ISO)
    last_seen: str = ""
    start: str = ""      # the date of the notice that appointed or elected the person
    end: str = ""        # the date of the notice that ended the post
    rank: str = ""       # 正处级 … (kg.lexicon.ranks), for posts of party and state bodies


@dataclass
class Merged:
    documents: list[Document]
    entities: dict[EntityKey, EntityInfo]
    facts: list[MergedFact]
    warnings: list[str] = field(default_factory=list)

"""One file through every per-file stage: read -> clean -> segment -> recognise
-> resolve in context. The result is plain data (a FileResult), the unit of
caching and of parallel work; merging files happens in kg.resolve.merge."""
from __future__ import annotations

import os

from . import __version__
from .extract.tokens import has_word
from .ingest.clean import clean
from .ingest.dates import DEFAULT_POLICY, article_dates
from .ingest.read import RawText, read_file
from .ingest.segment import segment
from .lexicon.lexicon import Lexicon, infer_province, load_lexicon
from .lexicon.names import name_score
from .model import Document, FileResult
from .resolve.article import ArticleReader
from .resolve.local import FileResolver

EXTRACTOR_VERSION = __version__ + "+1"


def load_document(path: str, doc_id: str | None = None, dates: str = DEFAULT_POLICY,
                  named: str | None = None) -> Document:
    """A file read, cleaned, cut into articles and sentences, and dated (`dates`, `named`: see document)."""
    return document(read_file(path), doc_id, dates=dates, named=named)


def document(raw: RawText, doc_id: str | None = None, *, dates: str = DEFAULT_POLICY,
             named: str | None = None) -> Document:
    """Decoded text cleaned and cut into articles and sentences; `raw.path` names it. Each article
    gets the date the page gives it, by the policy `dates` (kg.ingest.dates.POLICIES); a date in
    the file's name is read from `named`, the path as the user gave it (default: raw.path)."""
    text, offsets, blocks = clean(raw.text, has_word)
    name = os.path.basename(raw.path)
    doc = Document(path=raw.path, name=name, doc_id=doc_id or os.path.splitext(name)[0], sha256=raw.sha256,
                   encoding=raw.encoding, text=text, offsets=offsets)
    segment(doc, blocks, name_score)
    date_articles(doc, raw.meta, dates, raw.path if named is None else named)
    return doc


def date_articles(doc: Document, meta, policy: str, path: str) -> None:
    """Each article's date, its source and precision, when the page (or the file's name) says it."""
    found = article_dates(doc.text, [a.start for a in doc.articles], path=path, meta=meta, policy=policy)
    for art, date in zip(doc.articles, found):
        if date is not None and date.date:
            art.date, art.date_source, art.date_precision = date.date, date.source, date.precision


def extract_file(path: str, doc_id: str | None = None, province: str | None = None, dates: str = DEFAULT_POLICY,
                 named: str | None = None) -> FileResult:
    """One file's entities and facts. `province`: the corpus's home province
    (None: inferred from this file alone); `dates`, `named`: how its articles are dated (document)."""
    doc = load_document(path, doc_id, dates, named)
    return extract(doc, load_lexicon(infer_province([doc.text]) if province is None else province))


def extract(doc: Document, lexicon: Lexicon) -> FileResult:
    res = FileResolver(doc.doc_id, lexicon)
    for art in doc.articles:
        ArticleReader(doc, art, res).read()
    return FileResult(document=doc, entities=res.entities, facts=res.facts)

"""One file through every per-file stage: read -> clean -> segment -> recognise
-> resolve in context. The result is plain data (a FileResult), the unit of
caching and of parallel work; merging files happens in kg.resolve.merge."""
from __future__ import annotations

import os

from . import __version__
from .extract.tokens import has_word
from .ingest.clean import clean
from .ingest.read import RawText, read_file
from .ingest.segment import segment
from .lexicon.lexicon import Lexicon, infer_province, load_lexicon
from .lexicon.names import name_score
from .model import Document, FileResult
from .resolve.article import ArticleReader
from .resolve.local import FileResolver

EXTRACTOR_VERSION = __version__ + "+1"


def load_document(path: str, doc_id: str | None = None) -> Document:
    """A file read, cleaned and cut into articles and sentences."""
    return document(read_file(path), doc_id)


def document(raw: RawText, doc_id: str | None = None) -> Document:
    """Decoded text cleaned and cut into articles and sentences; `raw.path` names it."""
    text, offsets, blocks = clean(raw.text, has_word)
    name = os.path.basename(raw.path)
    doc = Document(path=raw.path, name=name, doc_id=doc_id or os.path.splitext(name)[0], sha256=raw.sha256,
                   encoding=raw.encoding, text=text, offsets=offsets)
    segment(doc, blocks, name_score)
    return doc


def extract_file(path: str, doc_id: str | None = None, province: str | None = None) -> FileResult:
    """One file's entities and facts. `province`: the corpus's home province
    (None: inferred from this file alone)."""
    doc = load_document(path, doc_id)
    return extract(doc, load_lexicon(infer_province([doc.text]) if province is None else province))


def extract(doc: Document, lexicon: Lexicon) -> FileResult:
    res = FileResolver(doc.doc_id, lexicon)
    for art in doc.articles:
        ArticleReader(doc, art, res).read()
    return FileResult(document=doc, entities=res.entities, facts=res.facts)

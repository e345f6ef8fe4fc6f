"""An embedded SPARQL 1.1 engine over RDF files: pyoxigraph (fast, optionally a
persistent on-disk store) or rdflib (pure Python, the fallback). Both return the
same plain Result, so output formats and tests do not care which one ran."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from itertools import islice

# File extension -> rdflib parser name; pyoxigraph knows the same formats by extension.
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
STORE_META = "urn:hunan-kg:store"          # named graph recording what a persistent store holds
SOURCES_SHA256 = "urn:hunan-kg:sources-sha256"


class QueryError(Exception):
    """A bad file, store or query; the message is one line."""


@dataclass(frozen=True)
class Term:
    kind: str              # uri | literal | bnode | triple
    value: str
    lang: str = ""
    datatype: str = ""     # empty for simple literals and language-tagged strings


@dataclass
class Result:
    form: str                                   # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)     # tuples of Term or None (unbound)
    boolean: bool | None = None
    triples: list[tuple] = field(default_factory=list)  # (Term, Term, Term)


def rdf_format(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in RDF_FORMATS:
        raise QueryError(f"{path}: unknown RDF file type {ext or '(no extension)'!r} "
                         f"(use {', '.join(sorted(RDF_FORMATS))})")
    return RDF_FORMATS[ext]


def sources_digest(paths: list[str]) -> str:
    """What a set of graph files holds, independent of their order."""
    hashes = []
    for path in paths:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        hashes.append(h.hexdigest())
    return hashlib.sha256("\n".join(sorted(hashes)).encode()).hexdigest()


def _check_readable(path: str) -> None:
    if not os.path.exists(path):
        raise QueryError(f"{path}: no such file")
    if os.path.isdir(path):
        raise QueryError(f"{path}: is a folder, not an RDF file")
    if not os.access(path, os.R_OK):
        raise QueryError(f"{path}: not readable")


def _bounded(rows, max_rows: int) -> list:
    """The rows, or QueryError if there are more than max_rows (0: no limit); stops reading there."""
    if not max_rows:
        return list(rows)
    kept = list(islice(rows, max_rows + 1))
    if len(kept) > max_rows:
        raise QueryError(f"stopped at {max_rows:,} results (--max-rows): add LIMIT to the query, "
                         "or give a larger --max-rows (0: none)")
    return kept


# rdflib's Turtle parser puts the text it read so far in its message (the whole file, for a file cut short)
TURTLE_ERROR = re.compile(r"at line (\d+) of <[^>]*>:\s*Bad syntax \((.*?)\) at \^ in:", re.S)
MAX_MESSAGE = 200


def one_line(exc: BaseException) -> str:
    """A parser's or engine's error as one short line."""
    text = getattr(exc, "msg", None) if isinstance(exc, SyntaxError) else None
    text = text or str(exc) or type(exc).__name__
    m = TURTLE_ERROR.match(text)
    if m:
        text = f"line {m.group(1)}: bad syntax ({m.group(2)})"
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


class OxigraphEngine:
    name = "oxigraph"

    def __init__(self, store_dir: str | None = None):
        import pyoxigraph as ox
        self.ox = ox
        self.store_dir = store_dir
        try:
            self.store = ox.Store(store_dir) if store_dir else ox.Store()
        except OSError as exc:
            raise QueryError(f"cannot open store {store_dir}: {one_line(exc)}") from None

    def load(self, paths: list[str]) -> None:
        for path in paths:
            _check_readable(path)
            rdf_format(path)
            fmt = self.ox.RdfFormat.from_extension(os.path.splitext(path)[1][1:].lower())
            try:
                self.store.bulk_load(path=path, format=fmt)
            except SyntaxError as exc:
                raise QueryError(f"{path}: {one_line(exc)}") from None
            except (OSError, ValueError) as exc:
                raise QueryError(f"{path}: {one_line(exc)}") from None

    def sync(self, paths: list[str]) -> str:
        """Make a persistent store hold exactly `paths`: 'reused' if it already does,
        else cleared and 'loaded'. The marker is written last, so a load that was
        interrupted is redone next time."""
        ox = self.ox
        meta = ox.NamedNode(STORE_META)
        digest = sources_digest(paths)
        held = [q.object.value for q in self.store.quads_for_pattern(meta, ox.NamedNode(SOURCES_SHA256), None, meta)]
        if held == [digest]:
            return "reused"
        self.store.clear()
        self.load(paths)
        self.store.add(ox.Quad(meta, ox.NamedNode(SOURCES_SHA256), ox.Literal(digest), meta))
        self.store.flush()
        return "loaded"

    def is_empty(self) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, self.ox.DefaultGraph())), None) is None

    def term(self, t) -> Term | None:
        ox = self.ox
        if t is None:
            return None
        if isinstance(t, ox.NamedNode):
            return Term("uri", t.value)
        if isinstance(t, ox.BlankNode):
            return Term("bnode", t.value)
        if isinstance(t, ox.Literal):
            dt = t.datatype.value
            return Term("literal", t.value, t.language or "", "" if dt in (XSD_STRING, RDF_LANGSTRING) else dt)
        return Term("triple", str(t))

    def query(self, text: str, max_rows: int = 0) -> Result:
        """Run a query (kg.sparql.guard checks it first in `kg query`); at most max_rows results."""
        ox = self.ox
        term = self.term
        try:
            result = self.store.query(text)
            if isinstance(result, ox.QueryBoolean):
                return Result("ask", boolean=bool(result))
            if isinstance(result, ox.QueryTriples):
                return Result("graph", triples=_bounded(((term(t.subject), term(t.predicate), term(t.object))
                                                         for t in result), max_rows))
            names = [v.value for v in result.variables]
            rows = _bounded((tuple(term(sol[name]) for name in names) for sol in result), max_rows)
            return Result("select", variables=names, rows=rows)
        except SyntaxError as exc:
            raise QueryError(f"bad query: {one_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {one_line(exc)}") from None

    def close(self) -> None:
        if self.store_dir:
            self.store.flush()
        del self.store


class RdflibEngine:
    name = "rdflib"

    def __init__(self):
        from rdflib import Graph
        from rdflib.plugins import sparql
        sparql.SPARQL_LOAD_GRAPHS = False   # FROM <url> would fetch the graph from the network
        self.graph = Graph()

    def load(self, paths: list[str]) -> None:
        for path in paths:
            _check_readable(path)
            try:
                self.graph.parse(path, format=rdf_format(path))
            except QueryError:
                raise
            except Exception as exc:  # rdflib's parsers raise many types; all mean "cannot read this file"
                raise QueryError(f"{path}: {one_line(exc)}") from None

    def term(self, t) -> Term | None:
        from rdflib import BNode, Literal, URIRef
        if t is None:
            return None
        if isinstance(t, URIRef):
            return Term("uri", str(t))
        if isinstance(t, BNode):
            return Term("bnode", str(t))
        if isinstance(t, Literal):
            dt = str(t.datatype) if t.datatype else ""
            return Term("literal", str(t), t.language or "", "" if dt in (XSD_STRING, RDF_LANGSTRING) else dt)
        return Term("triple", str(t))

    def query(self, text: str, max_rows: int = 0) -> Result:
        from rdflib.plugins.sparql import prepareQuery
        try:
            prepared = prepareQuery(text)
        except Exception as exc:
            raise QueryError(f"bad query: {one_line(exc)}") from None
        try:
            result = self.graph.query(prepared)
            if result.type == "ASK":
                return Result("ask", boolean=bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                return Result("graph", triples=_bounded((tuple(self.term(x) for x in t) for t in result.graph),
                                                        max_rows))
            names = [str(v) for v in result.vars]
            return Result("select", variables=names,
                          rows=_bounded((tuple(self.term(x) for x in row) for row in result), max_rows))
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"query failed: {one_line(exc)}") from None

    def close(self) -> None:
        pass


def available_engine() -> str:
    try:
        import pyoxigraph  # noqa: F401
        return "oxigraph"
    except ImportError:
        return "rdflib"


def open_engine(paths: list[str], engine: str = "auto", store_dir: str | None = None, note=lambda msg: None):
    """An engine holding `paths`. With store_dir: a persistent pyoxigraph store, loaded
    from `paths` when they changed since the last load, else reused as it is."""
    name = available_engine() if engine == "auto" else engine
    if store_dir and name != "oxigraph":
        raise QueryError("--store needs the oxigraph engine (pip install pyoxigraph)")
    if name == "oxigraph":
        eng = OxigraphEngine(store_dir)
    elif name == "rdflib":
        eng = RdflibEngine()
    else:
        raise QueryError(f"unknown engine {engine!r} (use oxigraph or rdflib)")
    try:
        if store_dir and paths:
            if eng.sync(paths) == "loaded":
                note(f"store {store_dir}: loaded from {', '.join(paths)}")
        elif store_dir:
            if eng.is_empty():
                raise QueryError(f"store {store_dir} is empty: give --graph FILE to load it")
        else:
            eng.load(paths)
    except BaseException:
        eng.close()
        raise
    return eng

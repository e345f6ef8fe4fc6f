"""graph.ttl, graph.jsonld and graph.nt, streamed from the merged model in one pass.

kg.graph.rdf.subjects gives the graph one subject at a time, in code point
order of the subjects' IRIs; each writer turns a subject's block into text and
writes it into the file's atomic temporary file (kg.export.atomic), and the
block is forgotten. No writer holds more than a few blocks, so memory does not
grow with the number of triples.

  Turtle    subjects in IRI order, as they come (kg.export.turtle)
  JSON-LD   the compact form of rdflib's serializer with our prefixes as @context,
            @graph sorted by @id, keys and value arrays sorted, indent 1
  N-Triples one line per triple, all lines sorted. The lines of one subject all
            start with `<IRI>`, so sorting them is sorting subjects by IRI + '>'
            and each subject's lines among themselves. That order differs from
            the IRI order only where one IRI is a prefix of another and the
            next character sorts before '>' (doc/x comes after doc/x/a000), so a
            subject is held back while such extensions of it follow: a stack
            never deeper than the longest chain of such prefixes."""
from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from contextlib import ExitStack

from ..graph.iri import BASE
from ..graph.rdf import PREFIXES, RDF_TYPE, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING, Pairs, Term, subjects
from ..model import Merged
from .atomic import atomic_path
from .turtle import (
    IRI_SPECIAL,
    LITERAL_SPECIAL,
    NATIVE,
    VOCAB_UNDER_BASE,
    TurtleWriter,
    escape_iri,
    escape_literal,
    is_data,
)

RDF_FORMATS = ("ttl", "jsonld", "nt")
FILES = {"ttl": "graph.ttl", "jsonld": "graph.jsonld", "nt": "graph.nt"}

# ---------------------------------------------------------------- N-Triples


def nt_term(t: Term) -> str:
    """One term in N-Triples syntax, with the same escaping and lexical forms as graph.ttl."""
    if isinstance(t, str):
        return f"<{escape_iri(t)}>"
    dt = t.datatype
    if dt in NATIVE:   # graph.ttl writes these bare, i.e. in canonical form
        return f'"{t.value}"^^<{dt}>'
    body = f'"{escape_literal(t.value)}"'
    if t.lang:
        return f"{body}@{t.lang}"
    if dt and dt != XSD_STRING:
        return f"{body}^^<{escape_iri(dt)}>"
    return body


class NTriplesWriter:
    """Writes graph.nt: every triple's line, sorted, from subjects in IRI order (see the module docstring)."""

    def __init__(self, fh):
        self.fh = fh
        self.held: list[tuple[str, list[str]]] = []   # (`<IRI`, its lines): each a prefix of the next
        self.last = ""
        self.predicates: dict[str, str] = {}

    def write(self, s: str, pairs: Pairs) -> None:
        head = f"<{escape_iri(s)}"
        names = self.predicates
        lines = []
        for p, o in pairs:   # nt_term, inlined
            pn = names.get(p)
            if pn is None:
                pn = names[p] = f"<{escape_iri(p)}> "
            if type(o) is str:
                text = f"<{escape_iri(o) if IRI_SPECIAL.search(o) else o}>"
            else:
                value, lang, dt = o
                if dt in NATIVE:
                    text = f'"{value}"^^<{dt}>'
                else:
                    if LITERAL_SPECIAL.search(value):
                        value = escape_literal(value)
                    if lang:
                        text = f'"{value}"@{lang}'
                    elif dt and dt != XSD_STRING:
                        text = f'"{value}"^^<{escape_iri(dt)}>'
                    else:
                        text = f'"{value}"'
            lines.append(f"{head}> {pn}{text} .\n")
        lines = sorted(set(lines))
        held = self.held
        while held:   # a held subject h waits while `head` extends it with a character below '>'
            h = held[-1][0]
            if len(head) > len(h) and head.startswith(h) and head[len(h)] < ">":
                break
            self._emit(*held.pop())
        held.append((head, lines))

    def _emit(self, head: str, lines: list[str]) -> None:
        key = head + ">"
        if key <= self.last:
            raise RuntimeError(f"N-Triples: subject {head[1:]} after {self.last[1:-1]} (each subject once, in order)")
        self.last = key
        self.fh.writelines(lines)

    def close(self) -> None:
        while self.held:
            self._emit(*self.held.pop())


# ---------------------------------------------------------------- JSON-LD

_string = json.encoder.encode_basestring   # json.dumps(s, ensure_ascii=False), C-accelerated
_NATIVE_JSON = NATIVE | {XSD_STRING, "http://www.w3.org/2001/XMLSchema#double"}   # rdflib's PLAIN_LITERAL_TYPES


class _Context:
    """IRIs as rdflib's JSON-LD serializer writes them under a context of prefixes only:
    `kg:Official` for vocabulary, data IRIs in full."""

    def __init__(self):
        self.namespaces = {ns: p for p, ns in PREFIXES.items()}
        self.shrunk: dict[str, str] = {}
        self.symbols: dict[str, str] = {ns: p for p, ns in PREFIXES.items()}   # a namespace is its prefix's term

    def shrink(self, iri: str) -> str:
        """Context.shrink_iri: `@id` values."""
        if is_data(iri):
            return iri
        got = self.shrunk.get(iri)
        if got is None:
            got = self.shrunk[iri] = self._prefixed(iri)
        return got

    def symbol(self, iri: str) -> str:
        """Context.to_symbol: keys and `@type` values."""
        if is_data(iri):
            return iri
        got = self.symbols.get(iri)
        if got is None:
            got = self.symbols[iri] = self._prefixed(iri)
        return got

    def _prefixed(self, iri: str) -> str:
        for delim in ("#", "/", ":"):   # rdflib's split_iri
            at = iri.rfind(delim)
            if at > -1:
                ns, name = iri[:at + 1], iri[at + 1:]
                prefix = self.namespaces.get(ns)
                return f"{prefix}:{name}" if prefix else iri
        return iri


def _native(t) -> str:
    if t.datatype == XSD_STRING:
        return _string(t.value)
    if t.datatype == XSD_INTEGER:
        return str(int(t.value))
    if t.datatype == XSD_BOOLEAN:
        return "true" if t.value in ("true", "1") else "false"
    return json.dumps(float(t.value))


class JsonLdWriter:
    """Writes graph.jsonld: the text json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)
    gives for {"@context": prefixes, "@graph": nodes sorted by @id}, one node at a time.

    Each value is held as (its compact JSON, which orders an array as json.dumps(v, sort_keys=True)
    does; its indented JSON as a key's single value). In an array, one level deeper, every line
    but the first moves one space right: JSON text holds no raw newline but those of the layout."""

    def __init__(self, fh):
        self.fh = fh
        self.context = _Context()
        self.keys: dict[str, tuple[str, str]] = {}   # predicate IRI -> (key, key as JSON text)
        self.last: str | None = None
        context = json.dumps(dict(PREFIXES), ensure_ascii=False, sort_keys=True, indent=1)
        fh.write('{\n "@context": ' + context.replace("\n", "\n ") + ',\n "@graph": [')

    def _key(self, p: str) -> tuple[str, str]:
        key = "@type" if p == RDF_TYPE else self.context.symbol(p)
        got = self.keys[p] = (key, _string(key))
        return got

    def value(self, t: Term) -> tuple[str, str]:
        """(compact, indented) JSON of any value; write() inlines the common ones."""
        if isinstance(t, str):
            items = (("@id", self.context.shrink(t)),)
        elif t.datatype in _NATIVE_JSON:
            text = _native(t)
            return text, text
        elif t.datatype:
            items = (("@type", self.context.symbol(t.datatype)), ("@value", t.value))
        elif t.lang:
            items = (("@language", t.lang), ("@value", t.value))
        else:
            text = _string(t.value)
            return text, text
        items = [(_string(k), _string(v)) for k, v in items]
        return ("{" + ", ".join(f"{k}: {v}" for k, v in items) + "}",
                "{\n" + ",\n".join(f"    {k}: {v}" for k, v in items) + "\n   }")

    def write(self, s: str, pairs: Pairs) -> None:
        context = self.context
        node_id = context.shrink(s)
        if self.last is not None and node_id <= self.last:
            raise RuntimeError(f"JSON-LD: node {node_id} after {self.last} (each node once, in order)")
        fh = self.fh
        fh.write("\n  {\n" if self.last is None else ",\n  {\n")
        self.last = node_id
        keys = self.keys
        # A data IRI's value is held as its JSON string alone (the most common value, and a place
        # can have thousands of sources); any other as (compact, indented), see the class docstring.
        node_id = _string(node_id)
        by_key: dict[str, list] = {"@id": [(node_id, node_id)]}
        encoded = {"@id": '"@id"'}
        for p, o in pairs:
            key = keys.get(p) or self._key(p)
            if type(o) is str and key[0] == "@type":
                v = _string(context.symbol(o))
                v = (v, v)
            elif type(o) is str:
                v = _string(o if o.startswith(BASE) and not o.startswith(VOCAB_UNDER_BASE) else context.shrink(o))
            elif o[1] and not o[2]:
                tag, e = _string(o[1]), _string(o[0])
                v = ('{"@language": ' + tag + ', "@value": ' + e + "}",
                     '{\n    "@language": ' + tag + ',\n    "@value": ' + e + "\n   }")
            else:
                v = self.value(o)
            got = by_key.get(key[0])
            if got is None:
                by_key[key[0]] = [v]
                encoded[key[0]] = key[1]
            else:
                got.append(v)
        sep = ""
        for key in sorted(by_key):
            values = by_key[key]
            if len(values) == 1:
                v = values[0]
                fh.write(f'{sep}   {encoded[key]}: {{\n    "@id": {v}\n   }}' if type(v) is str
                         else f"{sep}   {encoded[key]}: {v[1]}")
            else:
                # '{"@id": "a"}' sorts before '{"@id": "b"}' as '"a"' before '"b"':
                # a JSON string ends at its only bare quote
                values.sort(key=None if all(type(v) is str for v in values) else _compact)
                fh.write(f"{sep}   {encoded[key]}: [\n    ")
                for i in range(0, len(values), 1024):   # a long array is written in pieces, not joined whole
                    fh.write(",\n    ".join([f'{{\n     "@id": {v}\n    }}' if type(v) is str
                                              else v[1].replace("\n", "\n ") for v in values[i:i + 1024]])
                             + (",\n    " if i + 1024 < len(values) else ""))
                fh.write("\n   ]")
            sep = ",\n"
        fh.write("\n  }")

    def close(self) -> None:
        self.fh.write("]\n}\n" if self.last is None else "\n ]\n}\n")


def _compact(value) -> str:
    """json.dumps(value, ensure_ascii=False, sort_keys=True): the order of values in an array."""
    return '{"@id": ' + value + "}" if type(value) is str else value[0]


# ---------------------------------------------------------------- all three, one pass

WRITERS = {"ttl": TurtleWriter, "jsonld": JsonLdWriter, "nt": NTriplesWriter}


def write_blocks(blocks: Iterable[tuple[str, Pairs]], outputs: dict[str, object]) -> int:
    """Stream subject blocks into one writer per format ({format: text file}); the number of triples."""
    writers = [WRITERS[fmt](fh) for fmt, fh in outputs.items()]
    count = 0
    for s, pairs in blocks:
        if not pairs:   # a subject is a subject of some triple
            continue
        count += len(pairs)
        for w in writers:
            w.write(s, pairs)
    for w in writers:
        w.close()
    return count


def write_rdf(out: str, merged: Merged, formats=RDF_FORMATS) -> tuple[list[str], int]:
    """The chosen RDF files in `out`, each written atomically; (paths in RDF_FORMATS order, triples).
    Nothing but the merged model, a few indexes and the subject being written is in memory."""
    chosen = [f for f in RDF_FORMATS if f in formats]
    if not chosen:
        return [], 0
    paths = [os.path.join(out, FILES[f]) for f in chosen]
    with ExitStack() as stack:
        outputs = {}
        for fmt, path in zip(chosen, paths):
            tmp = stack.enter_context(atomic_path(path))
            outputs[fmt] = stack.enter_context(open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 18))
        count = write_blocks(subjects(merged), outputs)
    return paths, count


def render(blocks: Iterable[tuple[str, Pairs]], fmt: str) -> str:
    """One format's text of subject blocks, as a string (for tests and small graphs)."""
    buf = io.StringIO()
    write_blocks(blocks, {fmt: buf})
    return buf.getvalue()


def to_ntriples(blocks) -> str:
    return render(_blocks(blocks), "nt")


def to_jsonld(blocks) -> str:
    return render(_blocks(blocks), "jsonld")


def _blocks(blocks):
    if hasattr(blocks, "triples"):   # an rdflib Graph
        from ..graph.rdf import blocks_of
        return blocks_of(blocks)
    return blocks


__all__ = ["FILES", "JsonLdWriter", "NTriplesWriter", "RDF_FORMATS", "nt_term", "render", "to_jsonld",
           "to_ntriples", "write_blocks", "write_rdf"]

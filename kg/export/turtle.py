"""A deterministic, streaming Turtle writer.

rdflib's serializer is correct but its subject order and speed are not ours to
control, and it needs the whole graph in memory; this writer takes the graph
one subject at a time, in sorted order (kg.graph.rdf.subjects), sorts
predicates (rdf:type first) and objects, abbreviates only vocabulary IRIs with
prefixes, writes data IRIs in full, and escapes every literal per the Turtle
grammar. Same triples, same bytes."""
from __future__ import annotations

import re

from ..graph.iri import BASE
from ..graph.rdf import PREFIXES, RDF_TYPE, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING, Lit, Pairs, Term

NATIVE = {XSD_INTEGER, XSD_BOOLEAN}   # written bare, in canonical form (7, true)
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


# Characters that need escaping; most text has none, and a regex finds that fast.
LITERAL_SPECIAL = re.compile('[\\\\"\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]')
IRI_SPECIAL = re.compile('[<>"{}|^`\\\\\x00-\x20]')


def escape_literal(text: str) -> str:
    if not LITERAL_SPECIAL.search(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append("\\uFFFD" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04X}")
        else:
            out.append(ch)
    return "".join(out)


def escape_iri(iri: str) -> str:
    """IRIREF forbids <>"{}|^`\\ and controls and space; percent-encode any that slipped through."""
    if not IRI_SPECIAL.search(iri):
        return iri
    return "".join(ch if ch not in '<>"{}|^`\\ ' and ord(ch) > 0x20 else "".join(f"%{b:02X}" for b in ch.encode())
                   for ch in iri)


VOCAB_UNDER_BASE = tuple(ns for ns in PREFIXES.values() if ns.startswith(BASE))   # kg:


def is_data(iri: str) -> bool:
    """A data IRI (region/430202, doc/.../s0012): under BASE, in no namespace of PREFIXES."""
    return iri.startswith(BASE) and not iri.startswith(VOCAB_UNDER_BASE)


class Names:
    """Turtle's text for terms. Vocabulary IRIs (a few dozen) are named once and
    remembered; data IRIs are written in full each time, so memory stays flat."""

    def __init__(self):
        self.prefixes = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
        self.vocab: dict[str, str] = {}

    def iri(self, s: str) -> str:
        name = self.vocab.get(s)
        if name is not None:
            return name
        if is_data(s):
            return f"<{escape_iri(s)}>"
        for ns, p in self.prefixes:
            local = s[len(ns):]
            if s.startswith(ns) and local and local.replace("_", "").replace("-", "").isascii() \
                    and local.replace("_", "").replace("-", "").isalnum() and local[0].isalpha():
                name = f"{p}:{local}"
                break
        else:
            name = f"<{escape_iri(s)}>"
        self.vocab[s] = name
        return name

    def predicate(self, p: str) -> str:
        return "a" if p == RDF_TYPE else self.iri(p)

    def term(self, t: Term) -> str:
        if isinstance(t, str):
            return self.iri(t)
        dt = t.datatype
        if dt in NATIVE:
            return t.value
        body = f'"{escape_literal(t.value)}"'
        if t.lang:
            return f"{body}@{t.lang}"
        if dt and dt != XSD_STRING:
            return f"{body}^^{self.iri(dt)}"
        return body


def object_key(t: Term) -> tuple:
    """IRIs first, then literals by lexical form, language, datatype."""
    if isinstance(t, str):
        return (0, t)
    return (1, t.value, t.lang, t.datatype)


def header() -> str:
    return "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())) + "\n"


class TurtleWriter:
    """Writes graph.ttl to `fh`, one subject at a time; subjects must come in sorted order."""

    def __init__(self, fh):
        self.fh = fh
        self.names = Names()
        self.predicates: dict[str, tuple[str, str]] = {}   # IRI -> (sort key, name): rdf:type ("a") first
        self.last: str | None = None
        fh.write(header())

    def write(self, s: str, pairs: Pairs) -> None:
        if self.last is not None and s <= self.last:
            raise RuntimeError(f"Turtle: subject {s} after {self.last} (each subject once, in order)")
        self.last = s
        names, predicates = self.names, self.predicates
        vocab, iri = names.vocab, names.iri
        by_p: dict[str, list] = {}
        for p, o in pairs:   # the term's text, inlined: most of graph.ttl is this loop
            if type(o) is str:
                text = vocab.get(o)
                if text is None:
                    if o.startswith(BASE) and not o.startswith(VOCAB_UNDER_BASE):   # a data IRI: is_data
                        text = f"<{escape_iri(o) if IRI_SPECIAL.search(o) else o}>"
                    else:
                        text = iri(o)
            else:
                value, lang, dt = o
                if dt in NATIVE:
                    text = value
                else:
                    if LITERAL_SPECIAL.search(value):
                        value = escape_literal(value)
                    if lang:
                        text = f'"{value}"@{lang}'
                    elif dt and dt != XSD_STRING:
                        text = f'"{value}"^^{iri(dt)}'
                    else:
                        text = f'"{value}"'
            objs = by_p.get(p)
            if objs is None:
                by_p[p] = [(o, text)]
                if p not in predicates:
                    name = names.predicate(p)
                    predicates[p] = ("" if p == RDF_TYPE else name, name)
            else:
                objs.append((o, text))
        parts = []
        for p in (sorted(by_p, key=predicates.__getitem__) if len(by_p) > 1 else by_p):
            objs = by_p[p]
            if len(objs) == 1:
                parts.append(f"{predicates[p][1]} {objs[0][1]}")
            else:   # a long list (a place's sources) is written as it is joined, not copied again
                objs.sort(key=_object_key)
                parts.append(f"{predicates[p][1]} ")
                parts.append(", ".join([text for _, text in objs]))
                del by_p[p][:]
            parts.append(" ;\n    ")
        parts[-1] = " .\n"
        self.fh.write(f"\n{vocab.get(s) or iri(s)} ")
        self.fh.writelines(parts)

    def close(self) -> None:
        pass


def _object_key(item) -> tuple:
    return object_key(item[0])


__all__ = ["Lit", "Names", "TurtleWriter", "escape_iri", "escape_literal", "header", "object_key"]

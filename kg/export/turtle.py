"""A deterministic Turtle writer.

rdflib's serializer is correct but its subject order and speed are not ours to
control; this writer sorts subjects, predicates (rdf:type first) and objects,
abbreviates only vocabulary IRIs with prefixes, writes data IRIs in full, and
escapes every literal per the Turtle grammar. Same triples, same bytes."""
from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..graph.rdf import PREFIXES

NATIVE = {str(XSD.integer), str(XSD.boolean)}
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


class _Names:
    def __init__(self):
        self.prefixes = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
        self.iris: dict[URIRef, str] = {}

    def term(self, t) -> str:
        if isinstance(t, URIRef):
            # IRIs repeat (every class, predicate and entity many times): name each once
            name = self.iris.get(t)
            if name is None:
                name = self.iris[t] = self._iri(t)
            return name
        return self._literal(t)

    def _iri(self, t: URIRef) -> str:
        s = str(t)
        if t == RDF.type:
            return "a"
        for ns, p in self.prefixes:
            local = s[len(ns):]
            if s.startswith(ns) and local and local.replace("_", "").replace("-", "").isascii() \
                    and local.replace("_", "").replace("-", "").isalnum() and local[0].isalpha():
                return f"{p}:{local}"
        return f"<{escape_iri(s)}>"

    def _literal(self, t) -> str:
        if isinstance(t, Literal):
            dt = str(t.datatype) if t.datatype else ""
            if dt in NATIVE:
                return str(t).lower() if dt == str(XSD.boolean) else str(int(t))
            body = f'"{escape_literal(str(t))}"'
            if t.language:
                return f"{body}@{t.language}"
            if dt and dt != str(XSD.string):
                return f"{body}^^{self.term(URIRef(dt))}"
            return body
        raise TypeError(f"no blank nodes expected: {t!r}")


def _sort_key(t) -> tuple:
    if isinstance(t, Literal):
        return (1, str(t), t.language or "", str(t.datatype or ""))
    return (0, str(t), "", "")


def serialize(graph: Graph) -> str:
    names = _Names()
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted((p, str(ns)) for p, ns in PREFIXES.items())]
    lines.append("")
    by_subject: dict = {}
    for s, p, o in graph:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    for s in sorted(by_subject, key=str):
        preds = by_subject[s]
        order = sorted(preds, key=lambda p: (p != RDF.type, names.term(p)))
        parts = []
        for p in order:
            objs = ", ".join(names.term(o) for o in sorted(preds[p], key=_sort_key))
            parts.append(f"{names.term(p)} {objs}")
        lines.append(f"{names.term(s)} " + " ;\n    ".join(parts) + " .\n")
    return "\n".join(lines)

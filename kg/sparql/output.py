"""Query results as text.

  table  aligned columns for reading (vocabulary IRIs shortened to kg:, org:, ...;
         literals without their language tag; long cells cut at --max-width)
  csv    SPARQL 1.1 Query Results CSV: plain values, header without '?'
  tsv    SPARQL 1.1 Query Results TSV: terms in N-Triples syntax, header with '?'
  json   SPARQL 1.1 Query Results JSON (application/sparql-results+json)

ASK gives true/false (JSON: {"head": {}, "boolean": ...}); CONSTRUCT and DESCRIBE
give sorted N-Triples whatever the format."""
from __future__ import annotations

import csv
import io
import json
import unicodedata

from ..export.turtle import escape_iri, escape_literal
from ..graph.rdf import PREFIXES
from ..terminal import line
from .engine import Result, Term

FORMATS = ("table", "csv", "tsv", "json")
_VOCAB = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def render(result: Result, fmt: str = "table", max_width: int = 60) -> str:
    if result.form == "graph":
        return "".join(sorted({f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in result.triples}))
    if result.form == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    return {"table": table, "csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](result, max_width)


def nt(t: Term | None) -> str:
    """A term in N-Triples syntax ('' when unbound)."""
    if t is None:
        return ""
    if t.kind == "uri":
        return f"<{escape_iri(t.value)}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    if t.kind == "literal":
        body = f'"{escape_literal(t.value)}"'
        if t.lang:
            return f"{body}@{t.lang}"
        return f"{body}^^<{t.datatype}>" if t.datatype else body
    return t.value


def plain(t: Term | None) -> str:
    if t is None:
        return ""
    return f"_:{t.value}" if t.kind == "bnode" else t.value


def short(t: Term | None) -> str:
    if t is not None and t.kind == "uri":
        for ns, prefix in _VOCAB:
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{prefix}:{t.value[len(ns):]}"
    return plain(t)


def width(text: str) -> int:
    """Terminal columns: CJK and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def clip(text: str, limit: int) -> str:
    text = line(" ".join(text.split()))  # one line per row, control characters as escapes, whatever the literal holds
    if limit <= 0 or width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(result: Result, max_width: int = 60) -> str:
    header = list(result.variables)
    cells = [[clip(short(t), max_width) for t in row] for row in result.rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values):
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip() + "\n"

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''})\n")
    return "".join(out)


def to_csv(result: Result, _max_width: int = 0) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([plain(t) for t in row] for row in result.rows)
    return buf.getvalue()


def to_tsv(result: Result, _max_width: int = 0) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(nt(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def json_term(t: Term) -> dict:
    if t.kind == "literal":
        out = {"type": "literal", "value": t.value}
        if t.lang:
            out["xml:lang"] = t.lang
        elif t.datatype:
            out["datatype"] = t.datatype
        return out
    return {"type": t.kind if t.kind in ("uri", "bnode") else "triple", "value": t.value}


def to_json(result: Result, _max_width: int = 0) -> str:
    bindings = [{v: json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

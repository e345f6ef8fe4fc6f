"""Finding a query (a .rq file, a bundled query's name, or the text itself) and
binding its variables from the command line (`--bind code=430200`)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..export.turtle import escape_literal
from .engine import QueryError

BUNDLED = Path(__file__).resolve().parent.parent / "ontology" / "queries"
VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# First words of query text that has no '{' (CLEAR ALL, LOAD <...>): read as a query, to be refused as one.
QUERY_STARTS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE", "INSERT", "DELETE", "LOAD", "CLEAR",
                "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//)?[^\s<>\"{}|^`\\]+$")


def bundled() -> dict[str, Path]:
    return {p.stem: p for p in sorted(BUNDLED.glob("*.rq"))}


def describe(path: Path) -> str:
    """The first sentence of a .rq file's opening comment: what the query answers."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        words.append(line.lstrip("# ").strip())
        if words[-1].endswith((".", ":")):
            break
    return " ".join(w for w in words if w).rstrip(":")


def load_query(spec: str) -> tuple[str, str]:
    """(name, text) for a .rq file path, a bundled query's name, or query text containing '{'."""
    if os.path.isfile(spec):
        try:
            with open(spec, encoding="utf-8") as fh:
                return spec, fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
            raise QueryError(f"{spec}: cannot read: {why}") from None
    queries = bundled()
    name = spec[:-3] if spec.endswith(".rq") else spec
    if name in queries:
        return name, queries[name].read_text(encoding="utf-8")
    if "{" in spec or spec.split(None, 1)[:1] and spec.split(None, 1)[0].upper() in QUERY_STARTS:
        return "query", spec
    raise QueryError(f"{spec}: no such query file, and no bundled query of that name "
                     f"(bundled: {', '.join(queries)})")


def sparql_term(value: str) -> str:
    """A command-line value as a SPARQL term: <iri> or an absolute IRI -> IRI; text that
    starts with a double quote is taken as written ("株洲市"@zh, "3"^^xsd:integer);
    anything else is a plain string literal."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
        if not ABSOLUTE_IRI.match(value):
            raise QueryError(f"not an IRI: <{value}>")
        return f"<{value}>"
    if value.startswith('"'):
        return value
    if ABSOLUTE_IRI.match(value) and "://" in value:
        return f"<{value}>"
    return f'"{escape_literal(value)}"'


def bind(text: str, bindings: list[str]) -> str:
    """Append a trailing VALUES clause (SPARQL 1.1 §10.2.2) fixing the given variables."""
    if not bindings:
        return text
    names, terms = [], []
    for item in bindings:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not VARIABLE.fullmatch(name):
            raise QueryError(f"--bind {item!r}: expected NAME=VALUE, e.g. code=430200")
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            raise QueryError(f"--bind {name}: the query has no variable ?{name}")
        if name in names:
            raise QueryError(f"--bind {name}: given twice")
        names.append(name)
        terms.append(sparql_term(value))
    return (f"{text.rstrip()}\nVALUES ({' '.join('?' + n for n in names)}) "
            f"{{ ({' '.join(terms)}) }}\n")

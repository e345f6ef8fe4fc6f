"""Check a graph against the SHACL shapes in ontology/shapes.ttl with pySHACL and
turn the validation report into one readable line per problem."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH

from .graph.rdf import PREFIXES
from .sparql.engine import QueryError, one_line, rdf_format

SHAPES = Path(__file__).resolve().parent / "ontology" / "shapes.ttl"
_VOCAB = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


@dataclass(frozen=True, order=True)
class Problem:
    focus: str          # the node that fails, in full
    label: str          # its rdfs:label, if it has one
    path: str           # the property checked, shortened (org:member, ^org:member)
    message: str
    value: str = ""
    severity: str = "Violation"

    def line(self) -> str:
        named = f'{self.focus} "{self.label}"' if self.label else self.focus
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {named}: {self.path}: {self.message}{value}"


def read_graph(path: str) -> Graph:
    """The graph in an RDF file; QueryError in one short line if it cannot be read or holds no triples."""
    if not os.path.isfile(path):
        raise QueryError(f"{path}: no such file")
    g = Graph()
    try:
        g.parse(path, format=rdf_format(path))
    except QueryError:
        raise
    except UnicodeDecodeError as exc:          # cut inside a character, or not text
        with open(path, "rb") as fh:
            line = fh.read(exc.start).count(b"\n") + 1
        raise QueryError(f"{path}: line {line}: bad syntax: not UTF-8 at byte {exc.start} "
                         "(the file is cut short or is not text)") from None
    except IndexError:   # rdflib's Turtle parser, when the file ends inside a token (kg:end 35|)
        with open(path, "rb") as fh:
            line = fh.read().count(b"\n") + 1
        raise QueryError(f"{path}: line {line}: bad syntax: the file ends inside a statement "
                         "(it is cut short)") from None
    except Exception as exc:  # any parser failure means: not a readable RDF file
        raise QueryError(f"{path}: {one_line(exc)}") from None
    if not len(g):
        raise QueryError(f"{path}: no triples (an empty graph has nothing to check)")
    return g


def short(term) -> str:
    if isinstance(term, URIRef):
        s = str(term)
        for ns, prefix in _VOCAB:
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns):]}"
        return s
    if isinstance(term, Literal):
        return f'"{term}"@{term.language}' if term.language else f'"{term}"'
    return str(term)


def _path(report: Graph, node) -> str:
    if node is None:
        return "(node)"
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{short(inverse)}"
    return short(node)


def validate(data: Graph, shapes_path: str | os.PathLike = SHAPES) -> tuple[bool, list[Problem]]:
    import pyshacl
    shapes = read_graph(str(shapes_path))
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                               allow_warnings=True, abort_on_first=False)
    problems = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        label = data.value(focus, RDFS.label) if focus is not None else None
        problems.append(Problem(
            focus=str(focus), label=str(label) if label is not None else "",
            path=_path(report, report.value(result, SH.resultPath)),
            message=str(report.value(result, SH.resultMessage) or ""),
            value=short(value) if value is not None else "",
            severity=str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]))
    return bool(conforms), sorted(set(problems))


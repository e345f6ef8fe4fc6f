"""The ontology's own words for things: which property each network relation
stands for, and the @zh/@en labels of ontology/kg.ttl, read from the file so
that no label is typed out twice."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pyoxigraph

from .rdf import IS_PART_OF, LABEL, PREDICATE_IRIS, PREFIXES

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"

# The network's `relation` attribute -> the ontology property it stands for.
RELATION_TERMS = {"holds_post": PREFIXES["org"] + "organization",
                  "located_in": PREDICATE_IRIS["located_in"],
                  "part_of": PREDICATE_IRIS["part_of"],
                  "sub_organization_of": PREDICATE_IRIS["sub_organization_of"],
                  "run_by": PREDICATE_IRIS["run_by"],
                  "mentioned_in": IS_PART_OF}


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, str]]:
    """{term IRI: {"zh": label, "en": label}} for every rdfs:label in ontology/kg.ttl."""
    # pyoxigraph, not rdflib: a build should not pay rdflib's import time for a few labels
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    found = sorted((t.subject.value, t.object.language, t.object.value)
                   for t in pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
                   if isinstance(t.subject, pyoxigraph.NamedNode) and t.predicate.value == LABEL
                   and isinstance(t.object, pyoxigraph.Literal) and t.object.language in ("zh", "en"))
    for term, lang, label in found:
        labels[term][lang] = label
    return dict(labels)


def label_of(term, lang: str = "zh") -> str:
    """`term`: an IRI, as str or an rdflib URIRef."""
    labels = ontology_labels().get(str(term), {})
    if lang not in labels:
        raise KeyError(f"ontology/kg.ttl has no @{lang} rdfs:label for {term}")
    return labels[lang]


def relation_label(relation: str, lang: str = "zh") -> str:
    """任职于, 位于, 属于, 隶属于, 实施主体, 出自: the label of the property a relation stands for."""
    return label_of(RELATION_TERMS[relation], lang)

"""The ontology's own words for things: which property each network relation
stands for, and the @zh/@en labels of ontology/kg.ttl, read from the file so
that no label is typed out twice."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS

from .rdf import ORG, PREDICATES

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"

# The network's `relation` attribute -> the ontology property it stands for.
RELATION_TERMS = {"holds_post": ORG.organization,
                  "located_in": PREDICATES["located_in"],
                  "part_of": PREDICATES["part_of"],
                  "sub_organization_of": PREDICATES["sub_organization_of"],
                  "run_by": PREDICATES["run_by"],
                  "mentioned_in": DCTERMS.isPartOf}


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, str]]:
    """{term IRI: {"zh": label, "en": label}} for every rdfs:label in ontology/kg.ttl."""
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for term, _, label in sorted(g.triples((None, RDFS.label, None))):
        if isinstance(term, URIRef) and label.language in ("zh", "en"):
            labels[str(term)][label.language] = str(label)
    return dict(labels)


def label_of(term: URIRef, lang: str = "zh") -> str:
    labels = ontology_labels().get(str(term), {})
    if lang not in labels:
        raise KeyError(f"ontology/kg.ttl has no @{lang} rdfs:label for {term}")
    return labels[lang]


def relation_label(relation: str, lang: str = "zh") -> str:
    """任职于, 位于, 属于, 隶属于, 实施主体, 出自: the label of the property a relation stands for."""
    return label_of(RELATION_TERMS[relation], lang)

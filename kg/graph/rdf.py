"""The merged model as RDF, under the ontology in ontology/kg.ttl.

Posts are W3C ORG memberships (an n-ary node: member, organization, role,
title, source). Other relations are plain triples, each also described by an
rdf:Statement carrying its sources, rule and confidence, so that every
relation can be traced to the sentences that support it.

The triples are plain Python values, generated straight from the merged model
and never held all at once: `subjects(merged)` yields one subject at a time,
with all of its (predicate, object) pairs, subjects in code point order of
their IRIs. IRIs are `str`; literals are `Lit` tuples. Only small indexes are
kept (which sentences are cited, which article has which authors, which
entity has which relations), so writers can stream the graph to disk:
generate a subject's block, write it, forget it (kg.export.rdf_files).
`to_rdf` builds an rdflib Graph of the same triples, for tests and for
library users; `kg build` does not use it."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import NamedTuple

from ..lexicon.ranks import RANKS
from ..model import Merged
from .iri import (
    GAZETTEER,
    article_iri,
    doc_iri,
    entity_iri,
    instant_iri,
    interval_iri,
    post_iri,
    role_iri,
    sentence_iri,
    statement_iri,
)
from .iri import KG as KG_IRI

# Namespaces, prefix -> IRI (the prefixes of graph.ttl and of graph.jsonld's @context).
PREFIXES = {"kg": KG_IRI, "org": "http://www.w3.org/ns/org#", "schema": "https://schema.org/",
            "prov": "http://www.w3.org/ns/prov#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
            "owl": "http://www.w3.org/2002/07/owl#", "time": "http://www.w3.org/2006/time#"}
_KG, _ORG, _SCHEMA, _PROV, _SKOS, _DCT, _RDFS, _RDF, _XSD = (
    PREFIXES[p] for p in ("kg", "org", "schema", "prov", "skos", "dcterms", "rdfs", "rdf", "xsd"))

RDF_TYPE = _RDF + "type"
XSD_INTEGER, XSD_BOOLEAN, XSD_DECIMAL, XSD_STRING = (_XSD + n for n in ("integer", "boolean", "decimal", "string"))
XSD_DATE = _XSD + "date"
# An article's date by its precision (kg.model.Article.date_precision) -> the datatype of its dcterms:date
DATE_TYPES = {"day": XSD_DATE, "month": _XSD + "gYearMonth", "year": _XSD + "gYear"}
LABEL, ALT_LABEL, NOTATION = _RDFS + "label", _SKOS + "altLabel", _SKOS + "notation"
DERIVED_FROM, IS_PART_OF = _PROV + "wasDerivedFrom", _DCT + "isPartOf"

# Term names -> IRIs, as str. (The same names as rdflib terms: see __getattr__ below.)
LEVEL_IRIS = {"province": _KG + "Province", "prefecture": _KG + "Prefecture", "county": _KG + "County",
              "township": _KG + "Township", "village": _KG + "Village"}
WORLD_TYPES = {"country": _SCHEMA + "Country", "city": _SCHEMA + "City"}
PREDICATE_IRIS = {"located_in": _KG + "locatedIn", "part_of": _SCHEMA + "containedInPlace",
                  "sub_organization_of": _ORG + "subOrganizationOf", "run_by": _KG + "runBy"}
TYPE_IRIS = {"region": [_KG + "Region"], "zone": [_KG + "Region", _KG + "Zone"], "org": [_ORG + "Organization"],
             "person": [_KG + "Official", _SCHEMA + "Person"], "journalist": [_KG + "Journalist", _SCHEMA + "Person"],
             "program": [_KG + "Program"]}
# A post's status and rank (kg.model.MergedFact) -> their SKOS concepts in ontology/kg.ttl
STATUS_IRIS = {s: _KG + s.capitalize() for s in ("current", "nominated", "ended", "former")}
RANK_IRIS = dict(zip(RANKS, (_KG + n for n in ("ZhengBu", "FuBu", "ZhengTing", "FuTing", "ZhengChu", "FuChu",
                                                 "ZhengKe", "FuKe")), strict=True))
_TIME = PREFIXES["time"]
GAZETTEER_LABEL = "GB/T 2260 administrative divisions, from jionlp 1.5.31 (Apache-2.0), vintage 2021"


class Lit(NamedTuple):
    """A literal: lexical form, language tag ("" if none), datatype IRI ("" for a plain string).
    Integers and booleans carry their canonical lexical form (7, true)."""
    value: str
    lang: str = ""
    datatype: str = ""


Term = str | Lit
Pairs = list[tuple[str, Term]]


def zh(text: str) -> Lit:
    return Lit(text, "zh")


def lit(value) -> Lit:
    """A Python value as rdflib's Literal(value) would type it: bool, int or str."""
    if isinstance(value, bool):
        return Lit("true" if value else "false", "", XSD_BOOLEAN)
    if isinstance(value, int):
        return Lit(str(value), "", XSD_INTEGER)
    if isinstance(value, str):
        return Lit(value)
    raise TypeError(f"no literal for {type(value).__name__} {value!r}")


def decimal(value: float) -> Lit:
    return Lit(f"{value:.2f}", "", XSD_DECIMAL)


# ---------------------------------------------------------------- the subjects, in order

# Kinds of top-level items; PARTS stands for all the articles and cited sentences of a
# document, whose IRIs all start with the document's IRI + "/" and so form one run.
_ENTITY, _POST, _ROLE, _STATEMENT, _GAZETTEER, _DOC, _PARTS, _OTHER, _INTERVAL, _INSTANT = range(10)


class _Index:
    """What the merged model does not say in one place: per-subject lookups, no triples."""

    def __init__(self, merged: Merged):
        self.cited: dict[str, bytearray] = {}            # doc_id -> bitmap of the sentences some triple cites
        self.authors: dict[str, dict[int, list[str]]] = {}   # doc_id -> article index -> journalist IRIs
        self.relations: dict[str, Pairs] = {}            # entity IRI -> (predicate, object) of its relations
        items: list[tuple[str, int, object]] = []        # (subject IRI, kind, what it is made from)
        for key, info in merged.entities.items():
            items.append((entity_iri(key), _ENTITY, info))
            if key.kind != "journalist":
                self._cite(info.mentions)
        roles, days = set(), set()
        for f in merged.facts:
            if f.predicate == "holds_post":
                post = post_iri(f.subject, f.object, f.title)
                items.append((post, _POST, f))
                roles.add((role_iri(f.title), f.title))
                self._cite(f.evidence)
                if f.start or f.end:
                    items.append((interval_iri(post), _INTERVAL, f))
                    days.update(d for d in (f.start, f.end) if d)
            elif f.predicate == "author_of":
                doc_id, index = f.object.rsplit("/", 1)
                self.authors.setdefault(doc_id, {}).setdefault(int(index), []).append(entity_iri(f.subject))
            else:
                s, p, o = entity_iri(f.subject), PREDICATE_IRIS[f.predicate], entity_iri(f.object)
                self.relations.setdefault(s, []).append((p, o))
                items.append((statement_iri(s, p, o), _STATEMENT, (s, p, o, f)))
                if f.rule != "gazetteer":
                    self._cite(f.evidence)
        items.extend((iri, _ROLE, title) for iri, title in roles)
        items.extend((instant_iri(day), _INSTANT, day) for day in days)
        items.append((GAZETTEER, _GAZETTEER, None))
        docs = set()
        for doc in merged.documents:
            d = doc_iri(doc.doc_id)
            items.append((d, _DOC, doc))
            items.append((d + "/", _PARTS, doc))
            docs.add(doc.doc_id)
        # Relations of subjects that are not entities, authors of articles of unknown documents:
        # the pipeline makes none, but if it did, they would still be written, in order.
        entities = {iri for iri, kind, _ in items if kind == _ENTITY}
        self.other: dict[str, Pairs] = {}
        for s, pairs in self.relations.items():
            if s not in entities:
                self.other.setdefault(s, []).extend(pairs)
        for doc_id, arts in self.authors.items():
            if doc_id not in docs:
                for i, journalists in arts.items():
                    self.other.setdefault(article_iri(doc_id, i), []).extend(
                        (_SCHEMA + "author", j) for j in journalists)
        items.extend((iri, _OTHER, None) for iri in self.other)
        items.sort(key=itemgetter(0))
        self.items = items

    def _cite(self, evidence) -> None:
        cited = self.cited
        for ev in evidence:
            bits = cited.get(ev.doc_id)
            if bits is None:
                bits = cited[ev.doc_id] = bytearray()
            byte = ev.sentence >> 3
            if byte >= len(bits):
                bits.extend(bytes(byte + 1 - len(bits)))
            bits[byte] |= 1 << (ev.sentence & 7)


def subjects(merged: Merged) -> Iterator[tuple[str, Pairs]]:
    """(subject IRI, its (predicate, object) pairs without duplicates) for every subject
    of the graph, in code point order of the IRIs, each subject once."""
    index = _Index(merged)
    items = index.items
    i, n = 0, len(items)
    while i < n:
        j = i + 1
        while j < n and items[j][0] == items[i][0]:
            j += 1
        group = items[i:j]
        i = j
        if group[0][1] == _PARTS:
            yield from _parts([doc for _, _, doc in group], index)
            continue
        pairs: Pairs = []
        for iri, kind, what in group:
            pairs.extend(_pairs(iri, kind, what, index))
        yield group[0][0], list(dict.fromkeys(pairs))


def _pairs(iri: str, kind: int, what, index: _Index) -> Pairs:
    if kind == _ENTITY:
        info = what
        k = info.key.kind
        pairs: Pairs = [(RDF_TYPE, t) for t in TYPE_IRIS[k]]
        pairs.append((LABEL, zh(info.label)))
        pairs.extend((ALT_LABEL, zh(alias)) for alias in info.aliases)
        attrs = info.attrs
        if attrs.get("code"):
            pairs.append((NOTATION, lit(attrs["code"])))
        if attrs.get("level") in LEVEL_IRIS:
            pairs.append((_KG + "level", LEVEL_IRIS[attrs["level"]]))
        elif attrs.get("level") in WORLD_TYPES:        # a country or a city outside China
            pairs.insert(1, (RDF_TYPE, WORLD_TYPES[attrs["level"]]))
        if k == "org":
            pairs.append((_KG + "explicit", lit(bool(attrs.get("explicit", False)))))
        if k != "journalist":
            pairs.append((_KG + "mentionCount", lit(len(info.mentions))))
            pairs.extend(_sources(info.mentions))
        pairs.extend(index.relations.get(iri, ()))
        return pairs
    if kind == _POST:
        f = what
        role = role_iri(f.title)
        pairs = [(RDF_TYPE, _ORG + "Membership"), (_ORG + "member", entity_iri(f.subject)),
                 (_ORG + "organization", entity_iri(f.object)), (_ORG + "role", role), (_KG + "title", zh(f.title)),
                 (LABEL, zh(f"{f.subject.name} {f.object.name}{f.title}")), (_KG + "rule", lit(f.rule)),
                 (_KG + "confidence", decimal(f.confidence))]
        pairs.extend(_career(iri, f))
        pairs.extend(_sources(f.evidence))
        return pairs
    if kind == _INTERVAL:
        f = what
        pairs = [(RDF_TYPE, _TIME + "Interval")]
        if f.start:
            pairs.append((_TIME + "hasBeginning", instant_iri(f.start)))
        if f.end:
            pairs.append((_TIME + "hasEnd", instant_iri(f.end)))
        return pairs
    if kind == _INSTANT:
        return [(RDF_TYPE, _TIME + "Instant"), (_TIME + "inXSDDate", Lit(what, "", XSD_DATE))]
    if kind == _ROLE:
        return [(RDF_TYPE, _ORG + "Role"), (LABEL, zh(what))]
    if kind == _STATEMENT:
        s, p, o, f = what
        pairs = [(RDF_TYPE, _RDF + "Statement"), (_RDF + "subject", s), (_RDF + "predicate", p), (_RDF + "object", o),
                 (_KG + "rule", lit(f.rule)), (_KG + "confidence", decimal(f.confidence))]
        if f.rule == "gazetteer":
            pairs.append((DERIVED_FROM, GAZETTEER))
        else:
            pairs.extend(_sources(f.evidence))
        return pairs
    if kind == _GAZETTEER:
        return [(RDF_TYPE, _PROV + "Entity"), (LABEL, Lit(GAZETTEER_LABEL, "en"))]
    if kind == _DOC:
        doc = what
        return [(RDF_TYPE, _KG + "Document"), (_SCHEMA + "name", lit(doc.name)), (_KG + "sha256", lit(doc.sha256)),
                (_KG + "encoding", lit(doc.encoding))]
    return index.other[iri]   # _OTHER: a subject known only from the relations or authors index


def _career(post: str, f) -> Pairs:
    """A post's status, rank, the days it was first and last seen, and its tenure's interval."""
    pairs: Pairs = []
    if f.status in STATUS_IRIS:
        pairs.append((_KG + "status", STATUS_IRIS[f.status]))
    if f.rank in RANK_IRIS:
        pairs.append((_KG + "rank", RANK_IRIS[f.rank]))
    if f.first_seen:
        pairs.append((_KG + "firstSeen", Lit(f.first_seen, "", XSD_DATE)))
    if f.last_seen:
        pairs.append((_KG + "lastSeen", Lit(f.last_seen, "", XSD_DATE)))
    if f.start or f.end:
        pairs.append((_ORG + "memberDuring", interval_iri(post)))
    return pairs


def _sources(evidence) -> Iterator[tuple[str, str]]:
    for ev in evidence:
        yield DERIVED_FROM, sentence_iri(ev.doc_id, ev.sentence)


def _parts(docs: list, index: _Index) -> Iterator[tuple[str, Pairs]]:
    """The articles and cited sentences of one document (of several, should two share an IRI), in order."""
    children: dict[str, Pairs] = {}
    for doc in docs:
        d = doc_iri(doc.doc_id)
        cited = index.cited.get(doc.doc_id, b"")
        authors = index.authors.get(doc.doc_id, {})
        span = doc.offsets.span
        for art in doc.articles:
            a = article_iri(doc.doc_id, art.index)
            pairs = children.setdefault(a, [])
            pairs += [(RDF_TYPE, _KG + "Article"), (IS_PART_OF, d)]
            if art.headline:
                pairs.append((_SCHEMA + "headline", zh(art.headline)))
            if art.source:
                pairs.append((_DCT + "publisher", zh(art.source)))
            start, end = span(art.start, art.end)
            pairs += [(_KG + "start", lit(start)), (_KG + "end", lit(end))]
            if art.date and art.date_precision in DATE_TYPES:
                pairs += [(_DCT + "date", Lit(art.date, "", DATE_TYPES[art.date_precision])),
                          (_KG + "dateSource", lit(art.date_source)), (_KG + "datePrecision", lit(art.date_precision))]
            pairs.extend((_SCHEMA + "author", j) for j in authors.get(art.index, ()))
            for sent in art.sentences:
                byte = sent.index >> 3
                if byte >= len(cited) or not cited[byte] >> (sent.index & 7) & 1:
                    continue
                start, end = span(sent.start, sent.end)
                children.setdefault(sentence_iri(doc.doc_id, sent.index), []).extend(
                    [(RDF_TYPE, _KG + "Sentence"), (IS_PART_OF, a), (_KG + "text", zh(sent.text)),
                     (_KG + "start", lit(start)), (_KG + "end", lit(end))])
        known = {art.index for art in doc.articles}
        for i, journalists in authors.items():       # authors of an article the document does not have
            if i not in known:
                children.setdefault(article_iri(doc.doc_id, i), []).extend(
                    (_SCHEMA + "author", j) for j in journalists)
    for iri in sorted(children):
        yield iri, list(dict.fromkeys(children[iri]))


def triples(merged: Merged) -> Iterator[tuple[str, str, Term]]:
    for s, pairs in subjects(merged):
        for p, o in pairs:
            yield s, p, o


# ---------------------------------------------------------------- rdflib, for tests and library users

def to_rdflib(term: Term):
    from rdflib import Literal, URIRef
    if isinstance(term, str):
        return URIRef(term)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def to_rdf(merged: Merged):
    """An rdflib Graph of `triples(merged)` (kg build writes its files without one)."""
    return graph_of(triples(merged))


def graph_of(triples_: Iterable[tuple[str, str, Term]]):
    from rdflib import Graph
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o in triples_:
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return g


def from_rdflib(term) -> Term:
    """An rdflib IRI or literal as a plain value (blank nodes are not expected)."""
    from rdflib import Literal, URIRef
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        if term.language:
            return Lit(str(term), term.language)
        dt = str(term.datatype) if term.datatype else ""
        if dt == XSD_BOOLEAN:          # canonical lexical forms, as graph.ttl writes them bare
            return Lit(str(term).lower(), "", dt)
        if dt == XSD_INTEGER:
            return Lit(str(int(term)), "", dt)
        return Lit(str(term), "", dt)
    raise TypeError(f"no blank nodes expected: {term!r}")


def blocks_of(graph) -> list[tuple[str, Pairs]]:
    """An rdflib Graph as subject blocks in the order `subjects` gives them (for writing any graph)."""
    by_subject: dict[str, Pairs] = {}
    for s, p, o in graph:
        by_subject.setdefault(from_rdflib(s), []).append((str(p), from_rdflib(o)))
    return [(s, list(dict.fromkeys(by_subject[s]))) for s in sorted(by_subject)]

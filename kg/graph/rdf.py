"""The merged model as RDF, under the ontology in ontology/kg.ttl.

Posts are W3C ORG memberships (an n-ary node: member, organization, role,
title, source). Other relations are plain triples, each also described by an
rdf:Statement carrying its sources, rule and confidence, so that every
relation can be traced to the sentences that support it."""
from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..resolve.merge import Merged
from .iri import (GAZETTEER, KG as KG_IRI, article_iri, doc_iri, entity_iri, post_iri, role_iri,
                  sentence_iri, statement_iri)

KG = Namespace(KG_IRI)
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {"kg": KG, "org": ORG, "schema": SCHEMA, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS,
            "rdfs": RDFS, "rdf": RDF, "xsd": XSD, "owl": OWL}
LEVELS = {"province": KG.Province, "prefecture": KG.Prefecture, "county": KG.County, "township": KG.Township,
          "village": KG.Village}
PREDICATES = {"located_in": KG.locatedIn, "part_of": SCHEMA.containedInPlace,
              "sub_organization_of": ORG.subOrganizationOf, "run_by": KG.runBy}
TYPES = {"region": [KG.Region], "zone": [KG.Region, KG.Zone], "org": [ORG.Organization],
         "person": [KG.Official, SCHEMA.Person], "journalist": [KG.Journalist, SCHEMA.Person],
         "program": [KG.Program]}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def to_rdf(merged: Merged) -> Graph:
    g = Graph(store="SimpleMemory")   # one graph, no contexts: twice as fast to fill and read as the default store
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    used_sentences: set[tuple[str, int]] = set()

    def sources(node: URIRef, evidence) -> None:
        for ev in evidence:
            g.add((node, PROV.wasDerivedFrom, URIRef(sentence_iri(ev.doc_id, ev.sentence))))
            used_sentences.add((ev.doc_id, ev.sentence))

    for key, info in merged.entities.items():
        node = URIRef(entity_iri(key))
        for t in TYPES[key.kind]:
            g.add((node, RDF.type, t))
        g.add((node, RDFS.label, zh(info.label)))
        for alias in sorted(info.aliases):
            g.add((node, SKOS.altLabel, zh(alias)))
        if info.attrs.get("code"):
            g.add((node, SKOS.notation, Literal(info.attrs["code"])))
        if info.attrs.get("level") in LEVELS:
            g.add((node, KG.level, LEVELS[info.attrs["level"]]))
        if key.kind == "org":
            g.add((node, KG.explicit, Literal(bool(info.attrs.get("explicit", False)))))
        if key.kind != "journalist":
            g.add((node, KG.mentionCount, Literal(len(info.mentions))))
            sources(node, info.mentions)

    for f in merged.facts:
        s = URIRef(entity_iri(f.subject))
        if f.predicate == "holds_post":
            post = URIRef(post_iri(f.subject, f.object, f.title))
            role = URIRef(role_iri(f.title))
            g.add((post, RDF.type, ORG.Membership))
            g.add((post, ORG.member, s))
            g.add((post, ORG.organization, URIRef(entity_iri(f.object))))
            g.add((post, ORG.role, role))
            g.add((post, KG.title, zh(f.title)))
            g.add((post, RDFS.label, zh(f"{f.subject.name} {f.object.name}{f.title}")))
            g.add((post, KG.rule, Literal(f.rule)))
            g.add((post, KG.confidence, Literal(f"{f.confidence:.2f}", datatype=XSD.decimal)))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, zh(f.title)))
            sources(post, f.evidence)
            continue
        if f.predicate == "author_of":
            doc_id, index = f.object.rsplit("/", 1)
            g.add((URIRef(article_iri(doc_id, int(index))), SCHEMA.author, s))
            continue
        p = PREDICATES[f.predicate]
        o = URIRef(entity_iri(f.object))
        g.add((s, p, o))
        stmt = URIRef(statement_iri(str(s), str(p), str(o)))
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, p))
        g.add((stmt, RDF.object, o))
        g.add((stmt, KG.rule, Literal(f.rule)))
        g.add((stmt, KG.confidence, Literal(f"{f.confidence:.2f}", datatype=XSD.decimal)))
        if f.rule == "gazetteer":
            g.add((stmt, PROV.wasDerivedFrom, URIRef(GAZETTEER)))
        else:
            sources(stmt, f.evidence)

    g.add((URIRef(GAZETTEER), RDF.type, PROV.Entity))
    g.add((URIRef(GAZETTEER), RDFS.label,
           Literal("GB/T 2260 administrative divisions, from jionlp 1.5.31 (Apache-2.0), vintage 2021", lang="en")))

    for doc in merged.documents:
        d = URIRef(doc_iri(doc.doc_id))
        g.add((d, RDF.type, KG.Document))
        g.add((d, SCHEMA.name, Literal(doc.name)))
        g.add((d, KG.sha256, Literal(doc.sha256)))
        g.add((d, KG.encoding, Literal(doc.encoding)))
        for art in doc.articles:
            a = URIRef(article_iri(doc.doc_id, art.index))
            g.add((a, RDF.type, KG.Article))
            g.add((a, DCTERMS.isPartOf, d))
            if art.headline:
                g.add((a, SCHEMA.headline, zh(art.headline)))
            if art.source:
                g.add((a, DCTERMS.publisher, zh(art.source)))
            start, end = doc.offsets.span(art.start, art.end)
            g.add((a, KG.start, Literal(start)))
            g.add((a, KG.end, Literal(end)))
            for sent in art.sentences:
                if (doc.doc_id, sent.index) not in used_sentences:
                    continue
                sn = URIRef(sentence_iri(doc.doc_id, sent.index))
                start, end = doc.offsets.span(sent.start, sent.end)
                g.add((sn, RDF.type, KG.Sentence))
                g.add((sn, DCTERMS.isPartOf, a))
                g.add((sn, KG.text, zh(sent.text)))
                g.add((sn, KG.start, Literal(start)))
                g.add((sn, KG.end, Literal(end)))
    return g

"""`kg validate`: the seeds' graph conforms to ontology/shapes.ttl; a graph broken
on purpose does not, and the report names each broken node."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.cli import main

KG = Namespace("https://w3id.org/hunan-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def ttl(seeds_build):
    return seeds_build[0] / "graph.ttl"       # the seeds' build (conftest), with graph.nt beside it


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_seeds_graph_conforms(capsys, ttl):
    code, out, err = run(capsys, str(ttl))
    assert code == 0, out
    assert out.splitlines()[-1].startswith(f"{ttl}: conforms to shapes.ttl (")
    assert "Violation" not in out and err == ""


def test_ntriples_export_conforms_too(capsys, ttl):
    code, out, _ = run(capsys, str(ttl).replace(".ttl", ".nt"))
    assert code == 0 and "conforms" in out.splitlines()[-1]


@pytest.fixture(scope="module")
def broken(ttl, tmp_path_factory):
    """The seeds' graph with five things broken, one node each."""
    g = rdflib.Graph().parse(ttl)
    posts = sorted(g.subjects(RDF.type, ORG.Membership))
    sourceless = posts[0]
    g.remove((sourceless, PROV.wasDerivedFrom, None))
    holderless = posts[1]
    g.remove((holderless, ORG.member, None))
    lonely = URIRef("https://w3id.org/hunan-kg/person/430200/无职务")
    g.add((lonely, RDF.type, KG.Official))
    g.add((lonely, RDFS.label, Literal("无职务", lang="zh")))
    region = URIRef("https://w3id.org/hunan-kg/region/430200")
    g.remove((region, SKOS.notation, None))
    g.add((region, SKOS.notation, Literal("43020")))
    untagged = sorted(g.subjects(RDF.type, ORG.Organization))[0]
    g.remove((untagged, RDFS.label, None))
    g.add((untagged, RDFS.label, Literal("无语言标签")))
    path = tmp_path_factory.mktemp("broken") / "broken.ttl"
    g.serialize(path, format="turtle")
    return path, {"sourceless": sourceless, "holderless": holderless, "lonely": lonely, "region": region,
                  "untagged": untagged}


def test_a_broken_graph_does_not_conform_and_each_node_is_named(capsys, broken):
    path, nodes = broken
    code, out, _ = run(capsys, str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[-1].startswith(f"{path}: does not conform to shapes.ttl: ")

    def line_for(node, path_text):
        found = [ln for ln in lines if ln.startswith(f"Violation: {node}") and f": {path_text}: " in ln]
        assert found, f"no violation for {node} {path_text}"
        return found[0]

    assert "source sentence" in line_for(nodes["sourceless"], "prov:wasDerivedFrom")
    assert "holder" in line_for(nodes["holderless"], "org:member")
    assert '"无职务"' in line_for(nodes["lonely"], "^org:member")
    region = line_for(nodes["region"], "skos:notation")
    assert "six digits" in region and '"43020"' in region
    assert "language tag" in line_for(nodes["untagged"], "rdfs:label")
    assert lines[-1].split(": ")[-1].startswith("5 violations")


def test_error_paths_are_one_line(capsys, tmp_path, ttl):
    code, _, err = run(capsys, str(tmp_path / "missing.ttl"))
    assert code == 1 and err == f"kg validate: {tmp_path / 'missing.ttl'}: no such file\n"
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> .\n:a :b\n", encoding="utf-8")
    code, _, err = run(capsys, str(bad))
    assert code == 1 and err.startswith(f"kg validate: {bad}: ") and len(err.splitlines()) == 1
    code, _, err = run(capsys, str(ttl), "--shapes", str(bad))
    assert code == 1 and err.startswith(f"kg validate: {bad}: ") and len(err.splitlines()) == 1


def test_a_truncated_graph_is_one_short_line_and_an_empty_one_does_not_conform(capsys, tmp_path, ttl):
    cut = tmp_path / "cut.ttl"
    cut.write_bytes(ttl.read_bytes()[:100_000])
    code, out, err = run(capsys, str(cut))
    assert code == 1 and out == "" and len(err) < 300 and err.count("\n") == 1
    assert err.startswith(f"kg validate: {cut}: line ") and "bad syntax" in err
    for text in ("", "@prefix kg: <https://w3id.org/hunan-kg/ontology#> .\n"):
        empty = tmp_path / "empty.ttl"
        empty.write_text(text, encoding="utf-8")
        code, out, err = run(capsys, str(empty))
        assert code == 1 and out == ""
        assert err == f"kg validate: {empty}: no triples (an empty graph has nothing to check)\n"

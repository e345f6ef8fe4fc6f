"""`kg build` end to end on the seeds: the Turtle, its provenance, the SPARQL contract."""
import os
import subprocess
import sys

import pyoxigraph
import pytest
import rdflib
from conftest import ROOT, SEEDS, exports

KG = "https://w3id.org/hunan-kg/ontology#"
PREFIXES = f"""PREFIX kg: <{KG}> PREFIX org: <http://www.w3.org/ns/org#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/> """


@pytest.fixture(scope="module")
def built(seeds_build, seeds_graph):
    out, report = seeds_build
    return out, report, seeds_graph


def test_summary_counts_what_was_read(built):
    _, report, _ = built
    assert report.files == 5 and report.articles >= 30 and report.sentences >= 700
    assert report.posts >= 45 and report.entities["person"] >= 35


def test_turtle_parses_alike_in_rdflib_and_pyoxigraph(built):
    out, _, graph = built
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 5000


def test_appositive_form_gives_two_posts_through_the_contract_query(built):
    _, _, graph = built
    query = open(os.path.join(ROOT, "ontology", "queries", "officials.rq"), encoding="utf-8").read()
    rows = {(str(r.person), str(r.title), str(r.org)) for r in graph.query(query)}
    assert ("罗鹏程", "副书记", "中共株洲市荷塘区委员会") in rows
    assert ("罗鹏程", "区长", "荷塘区人民政府") in rows


def test_every_post_links_to_a_sentence_with_offsets_into_the_original_file(built):
    _, _, graph = built
    rows = list(graph.query(PREFIXES + """
        SELECT ?post ?text ?start ?end ?file WHERE {
          ?post a org:Membership ; prov:wasDerivedFrom ?s .
          ?s a kg:Sentence ; kg:text ?text ; kg:start ?start ; kg:end ?end ;
             dcterms:isPartOf/dcterms:isPartOf/schema:name ?file .
        }"""))
    posts = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/org#Membership")))
    assert {r.post for r in rows} == posts
    for r in rows:
        original = open(os.path.join(SEEDS, str(r.file)), encoding="utf-8").read()
        span = original[int(r.start):int(r.end)]
        assert span[0] == str(r.text)[0] and span[-1] == str(r.text)[-1]


def test_every_relation_statement_has_a_source_rule_and_confidence(built):
    _, _, graph = built
    missing = list(graph.query(PREFIXES + """
        SELECT ?st WHERE { ?st a rdf:Statement .
          FILTER NOT EXISTS { ?st prov:wasDerivedFrom ?src ; kg:rule ?rule ; kg:confidence ?c } }""",
        initNs={"rdf": rdflib.RDF}))
    assert missing == []


def test_region_iris_carry_their_code(built):
    _, _, graph = built
    code = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#notation")
    for region, notation in graph.subject_objects(code):
        assert str(region).endswith("/region/" + str(notation))


def test_committed_exports_are_what_a_rebuild_writes(built):
    out, _, _ = built
    committed, rebuilt = exports(os.path.join(ROOT, "exports")), exports(out)
    assert committed, "exports/ is empty"
    for name, data in committed.items():
        assert name in rebuilt, f"exports/{name} is committed but no longer built"
        assert rebuilt[name] == data, f"exports/{name} is stale: run `kg build`"


def test_cli_reports_a_missing_input_in_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "nowhere"), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "nowhere" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_output_into_a_closed_pipe_is_not_a_traceback(monkeypatch, tmp_path):
    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    from kg.cli import main
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    # `kg build | head -1`: the summary meets a reader that has gone
    one_seed = os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0])
    assert main(["build", one_seed, "--out", str(tmp_path), "--workers", "1", "--formats", "ttl", "--no-cache"]) == 0

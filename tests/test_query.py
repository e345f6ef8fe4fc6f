"""`kg query` on the seeds' graph: every output format read back by an independent
parser, both engines agreeing with each other and with rdflib run directly,
--bind, --store, and the error paths (one line on stderr, non-zero exit)."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal

import pytest
import rdflib

from kg.cli import main
from kg.sparql.engine import OxigraphEngine, RdflibEngine
from kg.sparql.queries import bundled

DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
CONTRACT = {"officials": ["person", "title", "org", "region"], "regions": ["name", "code"],
            "institutions": ["name"], "programs": ["name"]}


@pytest.fixture(scope="module")
def ttl(seeds_build):
    return str(seeds_build[0] / "graph.ttl")      # the seeds' build (conftest), with graph.jsonld beside it


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def value(term: dict | None):
    """A SPARQL JSON term, comparable across engines (xsd:decimal 0.90 == 0.9)."""
    if term is None:
        return None
    if term.get("datatype") == DECIMAL:
        return ("decimal", Decimal(term["value"]))
    return (term["type"], term["value"], term.get("xml:lang", ""), term.get("datatype", ""))


def rows_of(doc: dict) -> list[tuple]:
    names = doc["head"]["vars"]
    return sorted((tuple(value(b.get(v)) for v in names) for b in doc["results"]["bindings"]), key=repr)


def rdflib_rows(graph: rdflib.Graph, text: str) -> list[tuple]:
    """The same query run by rdflib directly, not through kg, on the graph file as rdflib parsed it."""
    result = graph.query(text)
    return rows_of(json.loads(result.serialize(format="json")))


FORKED: dict[str, rdflib.Graph] = {}      # what the forked process below inherits


def bundled_rdflib_rows(name: str) -> list[tuple]:
    """rdflib_rows of a bundled query on the seeds' graph, in the forked process (which holds the graph)."""
    return rdflib_rows(FORKED["graph"], bundled()[name].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rdflib_expected(seeds_graph):
    """rdflib's own rows for every bundled query, worked out one after another in a forked process
    while the tests run kg's two engines in this one (a second core is otherwise idle here)."""
    FORKED["graph"] = seeds_graph
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        yield {name: pool.submit(bundled_rdflib_rows, name) for name in sorted(bundled())}
    FORKED.clear()


def test_bundled_queries_are_listed_with_what_they_answer(capsys):
    code, out, _ = run(capsys, "--list")
    assert code == 0
    for name in ["officials", "regions", "institutions", "programs", "officials_in_region",
                 "institutions_by_region", "programs_and_runners", "sentence_facts"]:
        line = next(ln for ln in out.splitlines() if ln.split()[0] == name)
        assert len(line.split(None, 1)[1]) > 10


def test_contract_queries_keep_their_variables(capsys, ttl):
    for name, variables in CONTRACT.items():
        code, out, _ = run(capsys, name, "--graph", ttl, "--format", "json")
        assert code == 0
        assert json.loads(out)["head"]["vars"][:len(variables)] == variables


@pytest.mark.parametrize("name", sorted(bundled()))
def test_every_bundled_query_gives_rdflibs_rows_on_both_engines(capsys, ttl, rdflib_expected, name):
    found = {}
    for engine in ("oxigraph", "rdflib"):
        code, out, err = run(capsys, name, "--graph", ttl, "--format", "json", "--engine", engine)
        assert code == 0, err
        found[engine] = rows_of(json.loads(out))
    expected = rdflib_expected[name].result()
    assert expected, f"{name} finds nothing in the seeds' graph"
    for engine, rows in found.items():
        assert rows == expected, engine


def test_table_csv_tsv_and_json_hold_the_same_rows(capsys, ttl):
    _, out, _ = run(capsys, "officials", "--graph", ttl, "--format", "json")
    doc = json.loads(out)
    n = len(doc["results"]["bindings"])
    assert n > 10

    _, out, _ = run(capsys, "officials", "--graph", ttl, "--format", "csv")
    table = list(csv.reader(io.StringIO(out, newline="")))
    assert table[0] == doc["head"]["vars"] and len(table) == n + 1
    assert [r[0] for r in table[1:]] == [b["person"]["value"] for b in doc["results"]["bindings"]]

    _, out, _ = run(capsys, "officials", "--graph", ttl, "--format", "tsv")
    lines = out.rstrip("\n").split("\n")
    assert lines[0].split("\t") == ["?" + v for v in doc["head"]["vars"]] and len(lines) == n + 1
    first = lines[1].split("\t")
    assert first[0] == json.dumps(doc["results"]["bindings"][0]["person"]["value"], ensure_ascii=False) + "@zh"
    assert first[-1].startswith("<https://w3id.org/hunan-kg/post/")

    _, out, _ = run(capsys, "officials", "--graph", ttl)
    lines = out.splitlines()
    assert lines[0].split() == doc["head"]["vars"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({n} rows)" and len(lines) == n + 3
    # columns line up in a terminal: every row's second column starts where the header's does
    from kg.sparql.output import width
    col = width(lines[0][:lines[0].index("title")])
    for line in lines[2:-1]:
        person = line.split("  ")[0]
        assert width(person) <= col and line[len(person):].startswith(" ")


def test_jsonld_graph_answers_like_turtle(capsys, ttl):
    _, from_ttl, _ = run(capsys, "regions", "--graph", ttl, "--format", "json")
    _, from_jsonld, _ = run(capsys, "regions", "--graph", ttl.replace(".ttl", ".jsonld"), "--format", "json")
    assert rows_of(json.loads(from_jsonld)) == rows_of(json.loads(from_ttl))


def test_bind_restricts_officials_in_region_to_the_region_and_below(capsys, ttl):
    _, out, _ = run(capsys, "officials_in_region", "--graph", ttl, "--format", "json")
    everything = json.loads(out)["results"]["bindings"]
    code, out, err = run(capsys, "officials_in_region", "--graph", ttl, "--format", "json", "--bind", "code=430200")
    assert code == 0, err
    rows = json.loads(out)["results"]["bindings"]
    assert rows and all(r["code"]["value"] == "430200" and r["region"]["value"] == "株洲市" for r in rows)
    assert rows == [r for r in everything if r["code"]["value"] == "430200"]
    places = {r["place"]["value"] for r in rows if "place" in r}
    assert "株洲市" in places and len(places) > 1          # the city and places inside it


def test_bind_a_sentence_iri_shows_what_it_asserts(capsys, ttl):
    _, out, _ = run(capsys, "sentence_facts", "--graph", ttl, "--format", "json")
    rows = json.loads(out)["results"]["bindings"]
    post = next(r for r in rows if r["relation"]["value"] == "http://www.w3.org/ns/org#memberOf")
    sentence = post["sentence"]["value"]
    code, out, _ = run(capsys, "sentence_facts", "--graph", ttl, "--format", "json", "--bind", f"sentence={sentence}")
    assert code == 0
    mine = json.loads(out)["results"]["bindings"]
    assert mine == [r for r in rows if r["sentence"]["value"] == sentence]
    assert post in mine and mine[0]["text"]["xml:lang"] == "zh"


def test_ask_construct_and_inline_queries(capsys, ttl):
    code, out, _ = run(capsys, "ASK { ?s a <http://www.w3.org/ns/org#Membership> }", "--graph", ttl)
    assert (code, out) == (0, "true\n")
    _, out, _ = run(capsys, "ASK { ?s a <urn:nothing> }", "--graph", ttl, "--format", "json")
    assert json.loads(out) == {"head": {}, "boolean": False}
    _, out, _ = run(capsys, "PREFIX org: <http://www.w3.org/ns/org#> "
                            "CONSTRUCT { ?p org:memberOf ?o } WHERE { ?m org:member ?p ; org:organization ?o }",
                    "--graph", ttl)
    g = rdflib.Graph().parse(data=out, format="nt")
    assert len(g) > 10 and out.splitlines() == sorted(out.splitlines())


def test_persistent_store_is_loaded_once_and_reloaded_when_the_graph_changes(capsys, ttl, tmp_path):
    store = str(tmp_path / "store")
    code, first, err = run(capsys, "regions", "--graph", ttl, "--store", store, "--format", "csv")
    assert code == 0 and "loaded" in err
    code, again, err = run(capsys, "regions", "--graph", ttl, "--store", store, "--format", "csv")
    assert code == 0 and err == "" and again == first
    code, alone, err = run(capsys, "regions", "--store", store, "--format", "csv")   # no --graph: use as it is
    assert code == 0 and alone == first
    small = tmp_path / "small.ttl"
    small.write_text('<https://w3id.org/hunan-kg/region/1> a <https://w3id.org/hunan-kg/ontology#Region> ; '
                     '<http://www.w3.org/2000/01/rdf-schema#label> "某地"@zh ; '
                     '<https://w3id.org/hunan-kg/ontology#mentionCount> 1 .\n', encoding="utf-8")
    code, out, err = run(capsys, "regions", "--graph", str(small), "--store", store, "--format", "csv")
    assert code == 0 and "loaded" in err and out.splitlines()[1:] == ["某地,,"]


@pytest.mark.parametrize("argv, message", [
    (["SELEC ?x WHERE { ?s ?p ?o }"], "kg query: bad query: "),
    (["nonesuch"], "no bundled query of that name (bundled: "),
    (["officials", "--bind", "nope=1"], "the query has no variable ?nope"),
    (["officials", "--bind", "person"], "expected NAME=VALUE"),
    (["officials", "--bind", "person=<not an iri>"], "not an IRI"),
])
def test_errors_are_one_line_and_exit_non_zero(capsys, ttl, argv, message):
    code, out, err = run(capsys, *argv, "--graph", ttl)
    assert code != 0 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_bad_graph_files_are_named(capsys, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, _, err = run(capsys, "officials", "--graph", str(bad))
    assert code == 1 and err.startswith(f"kg query: {bad}: ") and len(err.splitlines()) == 1
    code, _, err = run(capsys, "officials", "--graph", str(bad), "--engine", "rdflib")
    assert code == 1 and err.startswith(f"kg query: {bad}: ") and len(err.splitlines()) == 1
    code, _, err = run(capsys, "officials", "--graph", str(tmp_path / "missing.ttl"))
    assert code == 1 and "missing.ttl: no such file" in err
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    code, _, err = run(capsys, "officials", "--graph", str(odd))
    assert code == 1 and "unknown RDF file type '.csv'" in err


def test_a_store_in_use_or_unusable_is_reported(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "officials", "--store", str(blocker / "store"), "--graph", str(blocker))
    assert code == 1 and err.startswith("kg query: cannot open store") and len(err.splitlines()) == 1
    empty = tmp_path / "empty"
    code, _, err = run(capsys, "officials", "--store", str(empty))
    assert code == 1 and "is empty: give --graph FILE" in err
    shutil.rmtree(empty, ignore_errors=True)


def test_engines_convert_terms_alike(ttl):
    q = ("SELECT ?s ?label ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label ; "
         "<https://w3id.org/hunan-kg/ontology#mentionCount> ?n } ORDER BY ?s LIMIT 5")
    results = []
    for cls in (OxigraphEngine, RdflibEngine):
        eng = cls()
        eng.load([ttl])
        results.append(eng.query(q))
        eng.close()
    assert results[0] == results[1] and len(results[0].rows) == 5
    assert results[0].rows[0][1].lang == "zh" and results[0].rows[0][2].datatype.endswith("#integer")


def test_bind_on_institutions_by_region_keeps_only_that_region(capsys, ttl):
    code, out, _ = run(capsys, "institutions_by_region", "--graph", ttl, "--format", "json", "--bind", "code=430211")
    rows = json.loads(out)["results"]["bindings"]
    assert code == 0 and rows
    assert {(r["code"]["value"], r["region"]["value"]) for r in rows} == {("430211", "天元区")}

"""What `kg query` refuses and where it stops, in both engines: SPARQL Update,
SERVICE without --allow-service (no request leaves the machine), queries
past --timeout, results past --max-rows; each in one line saying why."""
from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT

from kg.cli import main
from kg.sparql.guard import keywords

ENGINES = ["oxigraph", "rdflib"]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "graph.nt"
    path.write_text("".join(f"<http://e/{i}> <http://e/p> \"{i}\" .\n" for i in range(300)), encoding="utf-8")
    return str(path)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def endpoint():
    """A SPARQL endpoint on 127.0.0.1 that answers one row and counts the requests it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            requests.append(self.path)
            body = json.dumps({"head": {"vars": ["s"]},
                               "results": {"bindings": [{"s": {"type": "uri", "value": "http://e/remote"}}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", requests
    server.shutdown()


@pytest.mark.parametrize("engine", ENGINES)
def test_service_is_refused_unless_allowed_and_nothing_is_sent(capsys, graph, endpoint, engine):
    url, requests = endpoint
    for text in (f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                 f"select ?s {{ service silent <{url}> {{ ?s ?p ?o }} }}",
                 f"SELECT ?s {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}"):      # a codepoint escape is still SERVICE
        code, out, err = run(capsys, text, "--graph", graph, "--engine", engine)
        assert code == 1 and out == ""
        assert err == ("kg query: refused: SERVICE would send the query to another endpoint over the network; "
                       "give --allow-service to allow it\n")
    assert requests == []
    code, out, _ = run(capsys, f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "--graph", graph,
                       "--engine", engine, "--allow-service", "--format", "csv")
    assert code == 0 and out.splitlines() == ["s", "http://e/remote"] and len(requests) == 1


def test_service_as_a_name_or_in_text_is_not_a_service_call():
    text = 'PREFIX ex: <http://e/> SELECT ?service { ?s ex:service "SERVICE" ; :SERVICE <http://e/SERVICE> } # SERVICE'
    assert "SERVICE" not in list(keywords(text))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, verb", [
    ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "INSERT"),
    ("PREFIX e: <http://e/>\nDELETE WHERE { ?s e:p ?o }", "DELETE"),
    ("LOAD <http://e/graph.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
])
def test_updates_are_refused_saying_so(capsys, graph, engine, text, verb):
    code, out, err = run(capsys, text, "--graph", graph, "--engine", engine)
    assert code == 1 and out == ""
    assert err == (f"kg query: refused: {verb} is SPARQL Update, which changes data; kg query only reads "
                   "(SELECT, ASK, CONSTRUCT, DESCRIBE)\n")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_query_past_its_timeout_is_stopped_in_one_line(graph, engine):
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", CARTESIAN, "--graph", graph, "--engine", engine,
                           "--timeout", "1"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == ("kg query: stopped after 1 s (--timeout): the query had not finished; narrow it, "
                           "or give a longer --timeout (0: none)\n")
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("engine", ENGINES)
def test_results_past_max_rows_stop_the_query(capsys, graph, engine):
    many = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"                 # 90,000 rows
    code, out, err = run(capsys, many, "--graph", graph, "--engine", engine, "--max-rows", "1000")
    assert code == 1 and out == ""
    assert err == ("kg query: stopped at 1,000 results (--max-rows): add LIMIT to the query, or give a larger "
                   "--max-rows (0: none)\n")
    code, out, _ = run(capsys, "CONSTRUCT WHERE { ?s ?p ?o }", "--graph", graph, "--engine", engine,
                       "--max-rows", "299")
    assert code == 1
    code, out, _ = run(capsys, "CONSTRUCT WHERE { ?s ?p ?o }", "--graph", graph, "--engine", engine,
                       "--max-rows", "300")
    assert code == 0 and len(out.splitlines()) == 300
    code, out, _ = run(capsys, many + " LIMIT 5", "--graph", graph, "--engine", engine, "--max-rows", "5",
                       "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 6


def test_the_defaults_are_a_minute_and_a_hundred_thousand_rows(capsys):
    with pytest.raises(SystemExit):
        main(["query", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(0: never; default 60)" in text and "(0: no limit; default 100000)" in text
    assert "--allow-service" in text

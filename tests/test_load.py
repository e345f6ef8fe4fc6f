"""`kg load` against a real SPARQL server: the `oxigraph` package's server, started
on 127.0.0.1 by the test and always stopped. The same query over HTTP gives the
same rows as `kg query` on the file."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from kg.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OFFICIALS = os.path.join(ROOT, "ontology", "queries", "officials.rq")


def oxigraph_binary() -> str | None:
    beside_python = os.path.join(os.path.dirname(sys.executable), "oxigraph")
    return shutil.which("oxigraph") or (beside_python if os.access(beside_python, os.X_OK) else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph; .ci/run installs it with .[test])")
    port = free_port()
    log = open(tmp_path_factory.mktemp("oxigraph-log") / "server.log", "w+")
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph-data")),
                             "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):   # up to about 30 s for the server to answer
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"oxigraph serve exited with {proc.returncode}: {log.read()[-500:]}")
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer on " + base)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def ttl(seeds_build):
    return str(seeds_build[0] / "graph.ttl")      # the seeds' build (conftest), with graph.nt beside it


def http_query(base: str, text: str, **params) -> dict:
    data = urllib.parse.urlencode({"query": text, **params}).encode()
    req = urllib.request.Request(base + "/query", data=data,
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def rows(doc: dict) -> list:
    names = doc["head"]["vars"]
    return sorted(json.dumps([b.get(v) for v in names], sort_keys=True, ensure_ascii=False)
                  for b in doc["results"]["bindings"])


def count(base: str, **params) -> int:
    doc = http_query(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **params)
    return int(doc["results"]["bindings"][0]["n"]["value"])


def kg(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def triples_in(path: str) -> int:
    return sum(1 for _ in ox.parse(path=path, format=ox.RdfFormat.from_extension(path.rsplit(".", 1)[1])))


def test_load_then_http_query_gives_the_rows_of_kg_query(capsys, server, ttl):
    code, out, err = kg(capsys, "load", ttl, "--endpoint", server + "/store")
    assert code == 0, err
    n = triples_in(ttl)
    assert out.startswith(f"loaded {n} triples from {ttl} into the default graph at {server}/store?default (")
    assert count(server) == n
    code, out, _ = kg(capsys, "query", "officials", "--graph", ttl, "--format", "json")
    local = json.loads(out)
    assert len(local["results"]["bindings"]) > 10
    with open(OFFICIALS, encoding="utf-8") as fh:
        remote = http_query(server, fh.read())
    assert remote["head"]["vars"] == local["head"]["vars"]
    assert rows(remote) == rows(local)


def test_load_replaces_the_graph_and_append_adds(capsys, server, ttl, tmp_path):
    one = tmp_path / "one.nt"
    one.write_text('<https://example.org/a> <https://example.org/b> "一"@zh .\n', encoding="utf-8")
    assert kg(capsys, "load", ttl, "--endpoint", server + "/store")[0] == 0
    assert kg(capsys, "load", str(one), "--endpoint", server + "/store")[0] == 0
    assert count(server) == 1
    code, out, _ = kg(capsys, "load", ttl, "--endpoint", server + "/store", "--append")
    assert code == 0 and out.startswith("added ")
    assert count(server) == triples_in(ttl) + 1


def test_load_into_a_named_graph(capsys, server, ttl):
    iri = "https://w3id.org/hunan-kg/graph/seeds"
    code, out, err = kg(capsys, "load", ttl, "--endpoint", server + "/store", "--graph-iri", iri)
    assert code == 0, err
    assert f"into graph <{iri}> at {server}/store?graph=" in out
    assert count(server, **{"default-graph-uri": iri}) == triples_in(ttl)
    _, out, _ = kg(capsys, "query", "regions", "--graph", ttl, "--format", "json")
    with open(os.path.join(ROOT, "ontology", "queries", "regions.rq"), encoding="utf-8") as fh:
        remote = http_query(server, fh.read(), **{"default-graph-uri": iri})
    assert rows(remote) == rows(json.loads(out))


def test_a_bad_file_sends_nothing(capsys, server, ttl, tmp_path):
    assert kg(capsys, "load", ttl, "--endpoint", server + "/store")[0] == 0
    before = count(server)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, out, err = kg(capsys, "load", str(bad), "--endpoint", server + "/store")
    assert code == 1 and out == "" and err.startswith(f"kg load: {bad}: ") and len(err.splitlines()) == 1
    assert count(server) == before


def test_server_errors_and_unreachable_endpoints_are_one_line(capsys, server, ttl):
    code, _, err = kg(capsys, "load", ttl, "--endpoint", server + "/no-such-path")
    assert code == 1 and " answered 404 " in err and len(err.splitlines()) == 1
    nobody = f"http://127.0.0.1:{free_port()}/store"
    code, _, err = kg(capsys, "load", ttl, "--endpoint", nobody)
    assert code == 1 and err.startswith(f"kg load: cannot reach {nobody}?default: ") and len(err.splitlines()) == 1
    code, _, err = kg(capsys, "load", ttl, "--endpoint", "ftp://127.0.0.1/store")
    assert code == 1 and "expected an http(s) URL" in err


def test_credentials_in_the_url_become_basic_auth_and_formats_their_media_type(capsys, ttl):
    """A recording HTTP server on 127.0.0.1 sees what `kg load` sends."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen = []

    class Recorder(BaseHTTPRequestHandler):
        def do_PUT(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((self.command, self.path, self.headers.get("Authorization"), self.headers["Content-Type"],
                         body))
            self.send_response(204)
            self.end_headers()

        do_POST = do_PUT

        def log_message(self, *args):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        code, out, err = kg(capsys, "load", ttl, "--endpoint", f"http://admin:s%40cret@127.0.0.1:{port}/ds/data")
        assert code == 0, err
        assert "admin" not in out and "cret" not in out
        nt = ttl.replace(".ttl", ".nt")
        assert kg(capsys, "load", nt, "--endpoint", f"http://127.0.0.1:{port}/ds/data", "--append",
                  "--graph-iri", "urn:x:g")[0] == 0
    finally:
        httpd.shutdown()
        httpd.server_close()
    (m1, p1, a1, t1, b1), (m2, p2, a2, t2, b2) = seen
    assert (m1, p1, t1) == ("PUT", "/ds/data?default", "text/turtle; charset=utf-8")
    assert a1 == "Basic " + base64.b64encode(b"admin:s@cret").decode()
    with open(ttl, "rb") as fh:
        assert b1 == fh.read()
    assert (m2, p2, a2, t2) == ("POST", "/ds/data?graph=urn%3Ax%3Ag", None, "application/n-triples; charset=utf-8")

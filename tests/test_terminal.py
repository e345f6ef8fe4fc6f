"""Nothing prints raw control characters to a terminal: file names in warnings
and errors, query table cells, query and validate output on a terminal, kg ner
on a terminal, and the error page a server answers kg load with."""
from __future__ import annotations

import http.server
import re
import sys
import threading

import pytest

from kg.cli import main
from kg.terminal import line, visible

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")      # what must not reach the terminal (\t, \n aside)
EVIL = "a\x1b]0;pwned\x07b\x1b[2Jc\x9bd\u202ee\rf"


def test_line_and_visible_show_controls_as_escapes():
    assert line("x\x1b[31my\nz\t\u202e") == "x\\x1b[31my\\x0az\\x09\\u202e"
    assert visible("x\x1b[31my\nz\tw\r\n") == "x\\x1b[31my\nz\tw\n"
    assert line("株洲市 plain") == "株洲市 plain"


def test_file_names_in_warnings_and_errors_are_escaped(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.txt").write_text("株洲市人民政府副市长李明出席会议。\n", encoding="utf-8")
    (corpus / f"{EVIL}.txt").write_bytes(b"")                        # empty: skipped with a warning
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--formats", "ttl"]) == 0
    out, err = capsys.readouterr()
    assert "empty file" in err and not RAW.search(err) and "\\x1b]0;pwned\\x07" in err
    assert main(["build", str(tmp_path / f"missing{EVIL}"), "--out", str(tmp_path / "out2")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and not RAW.search(err) and "\\x1b[2J" in err


@pytest.fixture
def graph(tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text(f'<http://e/s> <http://e/p> "{EVIL.replace(chr(13), "")}\\r" .\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_table_cells_are_escaped_and_data_formats_kept(capsys, graph, engine, monkeypatch):
    assert main(["query", "SELECT ?o WHERE { ?s ?p ?o }", "--graph", graph, "--engine", engine]) == 0
    table = capsys.readouterr().out
    assert not RAW.search(table) and "\\x1b]0;pwned\\x07" in table and "\\u202e" in table
    assert main(["query", "SELECT ?o WHERE { ?s ?p ?o }", "--graph", graph, "--engine", engine,
                 "--format", "csv"]) == 0
    assert "\x1b]0;pwned\x07" in capsys.readouterr().out              # piped: the data as it is
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for fmt in ("csv", "tsv", "json"):
        assert main(["query", "SELECT ?o WHERE { ?s ?p ?o }", "--graph", graph, "--engine", engine,
                     "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert not RAW.search(out.replace("\r\n", "\n")), fmt


def test_kg_ner_on_a_terminal_escapes_what_json_leaves_raw(capsys, monkeypatch):
    import kg.ner
    found = [{"start": 0, "end": 3, "type": "person", "subtype": "", "text": "a\x9bb\x7fc"}]
    monkeypatch.setattr(kg.ner, "recognise", lambda text, lexicon: found)
    assert main(["ner", "--text", "a\x9bb\x7fc"]) == 0
    assert "a\x9bb\x7fc" in capsys.readouterr().out                   # piped: the JSON as it is
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["ner", "--text", "a\x9bb\x7fc"]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out) and '"a\\x9bb\\x7fc"' in out


def test_a_servers_error_page_is_echoed_escaped(capsys, tmp_path):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = "\x1b[2J\x1b]0;owned\x07 bad request".encode()
            self.send_response(400, "Bad \x1b[31mRequest")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    graph = tmp_path / "g.nt"
    graph.write_text("<http://e/s> <http://e/p> <http://e/o> .\n", encoding="utf-8")
    try:
        code = main(["load", str(graph), "--endpoint", f"http://127.0.0.1:{server.server_address[1]}/store"])
    finally:
        server.shutdown()
    err = capsys.readouterr().err
    assert code == 1 and "answered 400" in err and "\\x1b[2J" in err and not RAW.search(err)

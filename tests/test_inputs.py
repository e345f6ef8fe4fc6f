"""Every input file is read once, by its real path, or named in a warning; the
output folder is never read as input; a document's IRI depends on its own path only."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import rdflib
from conftest import ROOT

from kg.build import BuildError, build
from kg.ingest import inputs
from kg.ingest.inputs import doc_ids, scan_inputs

NEWS = "株洲市人民政府副市长李明出席会议并讲话。\n"


def docs(out) -> set[str]:
    graph = rdflib.Graph().parse(out / "graph.nt", format="nt")
    kind = rdflib.URIRef("https://w3id.org/hunan-kg/ontology#Document")
    return {str(d).rsplit("/doc/", 1)[1] for d in graph.subjects(rdflib.RDF.type, kind)}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "2021").mkdir(parents=True)
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    (folder / "2021" / "page.txt").write_text(NEWS, encoding="utf-8")
    return folder


def test_a_folder_that_cannot_be_read_is_named_and_strict_fails(corpus, tmp_path, monkeypatch):
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text(NEWS, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):       # as for a folder without read permission, even when the tests run as root
        if not isinstance(path, int) and os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    said: list[str] = []
    report = build([str(corpus)], str(tmp_path / "out"), cache=False, formats=["nt"], warn=said.append)
    assert said == [f"{locked}: cannot read folder: Permission denied"] and report.files == 2
    assert len(report.skipped) == 1
    with pytest.raises(BuildError, match="--strict: 1 warnings"):
        build([str(corpus)], str(tmp_path / "out2"), cache=False, strict=True, warn=said.append)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_read_permission_is_named(corpus, tmp_path):
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text(NEWS, encoding="utf-8")
    locked.chmod(0)
    try:
        found = scan_inputs([str(corpus)])
    finally:
        locked.chmod(0o755)
    assert found.warnings == [f"{locked}: cannot read folder: Permission denied"]


def test_a_symlinked_folder_is_named_and_strict_fails_in_one_line(corpus, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_text(NEWS, encoding="utf-8")
    os.symlink(elsewhere, corpus / "linked")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(tmp_path / "out"),
                           "--strict", "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"warning: {corpus / 'linked'}: a symbolic link to a folder, not followed (name the folder to read it)",
        "kg build: --strict: 1 warnings (1 files or folders skipped); no exports written"]
    assert scan_inputs([str(corpus / "linked")]).files[0].rel == "more.txt"     # named, it is read


def test_one_file_named_several_ways_is_read_once(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    once = build([str(corpus / "news.txt")], str(tmp_path / "once"), cache=False, formats=["nt"])
    twice = build(["corpus/news.txt", str(corpus / "news.txt"), "./corpus/../corpus/news.txt"],
                  str(tmp_path / "twice"), cache=False, formats=["nt"])
    assert once.files == twice.files == 1 and once.sentences == twice.sentences
    assert (tmp_path / "once" / "graph.nt").read_bytes() == (tmp_path / "twice" / "graph.nt").read_bytes()
    via_folder = build([str(corpus), str(corpus / "news.txt")], str(tmp_path / "both"), cache=False, formats=["nt"])
    assert via_folder.files == 2 and docs(tmp_path / "both") == {"news", "2021%2Fpage"}


def test_out_inside_the_input_folder_is_never_read(corpus):
    first = build([str(corpus)], str(corpus / "graph"), cache=False)
    second = build([str(corpus)], str(corpus / "graph"))
    assert first.files == second.files == 2 and second.skipped == []


def test_a_document_iri_does_not_depend_on_the_other_files(corpus, tmp_path):
    build([str(corpus)], str(tmp_path / "before"), cache=False, formats=["nt"])
    (corpus / "2022").mkdir()
    (corpus / "2022" / "news.txt").write_text(NEWS, encoding="utf-8")       # same name, another folder
    (corpus / "2022" / "page.txt").write_text(NEWS, encoding="utf-8")
    build([str(corpus)], str(tmp_path / "after"), cache=False, formats=["nt"])
    assert docs(tmp_path / "before") == {"news", "2021%2Fpage"}
    assert docs(tmp_path / "after") == {"news", "2021%2Fpage", "2022%2Fnews", "2022%2Fpage"}


def test_files_that_would_share_an_id_get_the_same_hashes_in_any_order_and_place(tmp_path):
    names = ["news.txt", "news.html", "NEWS.htm"]
    found = []
    for place in ("a", "b/c"):
        folder = tmp_path / place / "corpus"
        folder.mkdir(parents=True)
        for name in names:
            (folder / name).write_text(NEWS, encoding="utf-8")
        files = scan_inputs([str(folder)]).files
        found.append(sorted(doc_ids(files).values()))
        assert sorted(doc_ids(files[::-1]).values()) == found[-1]
    assert found[0] == found[1] and len(set(found[0])) == 3
    assert {i.split("-")[0] for i in found[0]} == {"news", "NEWS"} and "NEWS" in found[0]

"""Scale: compact per-file results, the per-file cache, the process pool, the
Dask engine and the progress bar, each on real files and real processes."""
from __future__ import annotations

import fcntl
import importlib.util
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
import threading

import pytest
from conftest import ROOT, SEEDS, exports

import kg.build
import kg.cache
import kg.pipeline
from kg.build import WorkerMismatch, build, extract_sent
from kg.cache import fingerprint
from kg.cli import main
from kg.graph.rdf import subjects
from kg.model import Evidence, EvidenceList, pack_evidence
from kg.pipeline import extract_file
from kg.resolve.merge import Merger, StoredSentences, compact, merge


def _benchmark():
    spec = importlib.util.spec_from_file_location("build_scale", os.path.join(ROOT, "benchmarks", "build_scale.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds and 8 shuffled variants made by the benchmark's generator: more files
    than the pool keeps in flight, so results must come back in order."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in os.listdir(SEEDS):
        shutil.copy(os.path.join(SEEDS, name), folder / name)
    _benchmark().make_corpus(folder / "variants", 0.16, 8)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    build([str(corpus)], str(out), workers=1, cache=False)
    return exports(out)


@pytest.fixture(scope="module")
def two_seeds(tmp_path_factory):
    """A folder of two seed pages: enough for a build to cache one file and extract the other."""
    folder = tmp_path_factory.mktemp("two-seeds")
    for name in sorted(os.listdir(SEEDS))[:2]:
        shutil.copy(os.path.join(SEEDS, name), folder / name)
    return folder


@pytest.fixture
def calls(monkeypatch):
    """Files the build really extracts (workers=1 extracts in this process)."""
    seen: list[str] = []

    def counting(path, doc_id=None, province=None, *dating):
        seen.append(os.path.basename(path))
        return extract_file(path, doc_id, province, *dating)

    monkeypatch.setattr(kg.build, "extract_file", counting)
    return seen


@pytest.fixture
def fresh_fingerprint():
    fingerprint.cache_clear()
    yield
    fingerprint.cache_clear()


def test_the_compact_summary_keeps_what_the_graph_needs_and_drops_the_text():
    path = os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0])
    full = extract_file(path)
    summary = compact(extract_file(path))
    kept = sum(len(a.sentences) for a in summary.result.document.articles)
    assert summary.result.document.text == ""
    assert summary.sentences == sum(len(a.sentences) for a in full.document.articles)
    assert 0 < kept < summary.sentences
    assert summary.chars == len(full.document.text)
    assert list(subjects(merge([summary.result]))) == list(subjects(merge([full])))


def test_merged_evidence_reads_as_a_sorted_list_without_repeats():
    ev = [Evidence("b", 0, 3, 40, 44), Evidence("b", 0, 1, 10, 12), Evidence("b", 0, 1, 10, 12)]
    evidence = EvidenceList(["a", "b"])
    evidence.extend(0, [Evidence("a", 1, 7, 90, 95)])
    evidence.add(1, pack_evidence(ev))
    assert list(evidence) == [Evidence("a", 1, 7, 90, 95), Evidence("b", 0, 1, 10, 12), Evidence("b", 0, 3, 40, 44)]
    assert len(evidence) == 3 and evidence[-1] == Evidence("b", 0, 3, 40, 44) and evidence[1:] == list(evidence)[1:]
    assert evidence.per_document() == {"a": 1, "b": 2}
    with pytest.raises(IndexError):
        evidence[3]


def test_a_merge_that_parks_sentences_on_disk_gives_the_same_graph():
    paths = [os.path.join(SEEDS, name) for name in sorted(os.listdir(SEEDS))]
    in_memory, parked = Merger(), Merger(spill=True)
    for path in paths:
        in_memory.add(compact(extract_file(path)).result)
        parked.add(compact(extract_file(path)).result)
    merged = parked.finish()
    assert any(isinstance(a.sentences, StoredSentences) for d in merged.documents for a in d.articles)
    assert list(subjects(merged)) == list(subjects(in_memory.finish()))


def test_two_workers_and_a_cached_rebuild_give_the_bytes_of_one_worker(corpus, reference, tmp_path):
    out = tmp_path / "out"
    first = build([str(corpus)], str(out), workers=2)
    assert first.cached == 0 and exports(out) == reference
    again = build([str(corpus)], str(out), workers=2)
    assert again.cached == again.files == first.files and exports(out) == reference


def test_adding_a_file_extracts_only_that_file(two_seeds, tmp_path, calls):
    work = tmp_path / "corpus"
    shutil.copytree(two_seeds, work)
    out = tmp_path / "out"
    build([str(work)], str(out), workers=1)
    files = len(calls)
    calls.clear()
    shutil.copy(os.path.join(SEEDS, sorted(os.listdir(SEEDS))[2]), work / "added.txt")
    report = build([str(work)], str(out), workers=1)
    assert calls == ["added.txt"]
    assert report.cached == files and report.files == files + 1
    build([str(work)], str(tmp_path / "fresh"), workers=1, cache=False)
    assert exports(out) == exports(tmp_path / "fresh")


def test_an_edited_file_is_extracted_again(two_seeds, tmp_path, calls):
    work = tmp_path / "corpus"
    shutil.copytree(two_seeds, work)
    build([str(work)], str(tmp_path / "out"), workers=1)
    calls.clear()
    edited = sorted(os.listdir(work))[1]
    with open(work / edited, "a", encoding="utf-8") as fh:
        fh.write("\n\n株洲市人民政府副市长李明出席会议。\n")
    build([str(work)], str(tmp_path / "out"), workers=1)
    assert calls == [edited]


def test_a_new_extractor_version_invalidates_the_cache(two_seeds, tmp_path, calls, monkeypatch, fresh_fingerprint):
    build([str(two_seeds)], str(tmp_path / "out"), workers=1)
    calls.clear()
    monkeypatch.setattr(kg.pipeline, "EXTRACTOR_VERSION", kg.pipeline.EXTRACTOR_VERSION + ".test")
    fingerprint.cache_clear()
    report = build([str(two_seeds)], str(tmp_path / "out"), workers=1)
    assert report.cached == 0 and len(calls) == len(os.listdir(two_seeds))


def test_a_changed_lexicon_invalidates_the_cache(two_seeds, tmp_path, calls, monkeypatch, fresh_fingerprint):
    before = fingerprint()
    build([str(two_seeds)], str(tmp_path / "out"), workers=1)
    calls.clear()
    package = tmp_path / "kg"
    shutil.copytree(kg.cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    with open(package / "data" / "titles.tsv", "a", encoding="utf-8") as fh:
        fh.write("首席测试官\tgeneric\n")
    monkeypatch.setattr(kg.cache, "PACKAGE", package)
    fingerprint.cache_clear()
    assert fingerprint() != before
    report = build([str(two_seeds)], str(tmp_path / "out"), workers=1)
    assert report.cached == 0 and len(calls) == len(os.listdir(two_seeds))


def test_a_corrupted_cache_entry_is_ignored_with_a_warning(two_seeds, tmp_path, calls):
    out = tmp_path / "out"
    build([str(two_seeds)], str(out), workers=1)
    reference = exports(out)
    entries = sorted(p for p in (out / ".cache").rglob("*.json.z"))
    assert len(entries) == len(os.listdir(two_seeds))
    entries[0].write_bytes(b"not a pickle")
    calls.clear()
    warnings: list[str] = []
    report = build([str(two_seeds)], str(out), workers=1, warn=warnings.append)
    assert len(calls) == 1 and report.cached == len(entries) - 1
    assert any("ignored: not a cache entry" in w and str(entries[0]) in w for w in warnings)
    assert exports(out) == reference
    assert build([str(two_seeds)], str(out), workers=1).cached == len(entries)   # the entry was written again


def test_cache_option_puts_the_cache_elsewhere_and_no_cache_keeps_none(two_seeds, tmp_path, capsys):
    cache = tmp_path / "shared-cache"
    for args in (["--cache", str(cache)], ["--no-cache"]):
        out = tmp_path / args[0].strip("-")
        code = main(["build", str(two_seeds), "--out", str(out), "--workers", "1", *args])
        assert code == 0, capsys.readouterr().err
        assert not (out / ".cache").exists()
    assert len(list(cache.rglob("*.json.z"))) == len(os.listdir(two_seeds))


def test_a_dask_local_cluster_gives_the_bytes_of_a_local_build(corpus, reference, tmp_path, capsys):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", scheduler_port=0, dashboard_address=None) as cluster:
        out = tmp_path / "out"
        args = ["build", str(corpus), "--out", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address]
        code = main(args)        # the client in this process; the files go to the cluster over TCP
        assert code == 0, capsys.readouterr().err
        assert exports(out) == reference
        capsys.readouterr()
        code = main(args)
        cached = capsys.readouterr().out
        assert code == 0 and "from cache" in cached
        assert f"({len(list(corpus.rglob('*.txt')))} from cache)" in cached
        assert exports(out) == reference


def test_a_dask_worker_with_other_code_refuses_the_work():
    data = open(os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]), "rb").read()
    summary, entry = extract_sent(data, "page.txt", "page", "430000", fingerprint(), True)
    assert summary.result.document.doc_id == "page" and isinstance(entry, bytes)
    with pytest.raises(WorkerMismatch, match="install the same kg on workers"):
        extract_sent(data, "page.txt", "page", "430000", "0" * 64, True)


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("dask.distributed")
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")

    def kg_build(out: str, *args, **kwargs) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", SEEDS, "--out", str(tmp_path / out), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, **kwargs)

    # three processes side by side, each with an output folder of its own
    unreachable = kg_build("a", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", env=env)
    no_address = kg_build("b", "--engine", "dask")
    malformed = kg_build("c", "--engine", "dask", "--scheduler", "nonsense")
    _, err = unreachable.communicate()
    assert unreachable.returncode == 1
    assert err.startswith("kg build: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
    _, err = no_address.communicate()
    assert no_address.returncode == 1 and "--scheduler" in err
    _, err = malformed.communicate()
    assert malformed.returncode == 1
    assert err.strip() == ("kg build: bad Dask scheduler address 'nonsense': "
                           "missing port number in address 'nonsense'")


def _on_a_terminal(args: list[str]) -> tuple[str, str]:
    """Run `kg build ARGS` with stderr on a pseudo-terminal of 100x30; (terminal text, stdout)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", SEEDS, *args], stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL, cwd=ROOT)
    os.close(slave)
    chunks: list[bytes] = []

    def drain():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:   # EIO: the child closed its end
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout, _ = proc.communicate(timeout=600)
    reader.join(timeout=10)
    os.close(master)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace"), stdout.decode()


def test_progress_shows_files_and_characters_per_second_on_a_terminal(tmp_path):
    terminal, stdout = _on_a_terminal(["--out", str(tmp_path / "out"), "--no-cache"])
    files = len(os.listdir(SEEDS))
    assert "file/s" in terminal and "chars/s" in terminal and f"{files}/{files}" in terminal
    assert "files read" in stdout


def test_quiet_prints_no_progress_and_no_summary(tmp_path):
    terminal, stdout = _on_a_terminal(["--out", str(tmp_path / "out"), "--no-cache", "--quiet"])
    assert terminal == "" and stdout == ""
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", SEEDS, "--out", str(tmp_path), "--no-cache"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "files read" in proc.stdout
    assert "file/s" not in proc.stderr and "chars/s" not in proc.stderr

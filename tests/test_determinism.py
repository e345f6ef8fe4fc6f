"""Same input -> byte-identical exports: in any order, with any number of
workers, from any folder on any machine, under any hash seed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS, exports

from kg.build import build, doc_ids

SEED_FILES = sorted(os.path.join(SEEDS, f) for f in os.listdir(SEEDS))


@pytest.fixture(scope="module")
def reference(seeds_build):
    files = exports(seeds_build[0])      # the seeds built in this process, one worker, no cache
    assert {"graph.ttl", "graph.html"} <= set(files)
    return files


def test_files_in_reverse_order_with_two_workers_give_the_same_bytes(reference, tmp_path):
    build(list(reversed(SEED_FILES)), str(tmp_path / "out"), workers=2, cache=False)
    assert exports(tmp_path / "out") == reference


def test_a_copy_in_another_folder_gives_the_same_bytes(reference, tmp_path):
    copy = tmp_path / "somewhere" / "else" / "corpus"
    shutil.copytree(SEEDS, copy)
    named = [os.path.join(str(copy), ".", f) for f in sorted(os.listdir(copy))[::2]]
    build(named + [str(copy)], str(tmp_path / "out"), workers=2, cache=False)   # files named twice count once
    assert exports(tmp_path / "out") == reference


def test_other_hash_seeds_give_the_same_bytes(reference, tmp_path):
    runs = {}
    for seed in ("0", "1", "4242"):     # the three processes run side by side
        out = tmp_path / f"out-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        runs[seed] = out, subprocess.Popen([sys.executable, "-m", "kg.cli", "build", SEEDS, "--out", str(out),
                                            "--no-cache", "--workers", "2", "--quiet"],
                                           env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for seed, (out, proc) in runs.items():
        _, stderr = proc.communicate()
        assert proc.returncode == 0, stderr
        assert exports(out) == reference, f"PYTHONHASHSEED={seed}"


def test_any_blas_kernel_gives_the_committed_exports(tmp_path):
    """OpenBLAS picks its kernels by CPU, so forcing one stands in for another machine: Prescott
    (any x86-64) and the machine's own. The page's layout used to differ in its coordinates."""
    runs = {}
    for kernel in ("Prescott", None):
        env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
        if kernel:
            env["OPENBLAS_CORETYPE"] = kernel
        out = tmp_path / (kernel or "default")
        runs[kernel] = out, subprocess.Popen([sys.executable, "-m", "kg.cli", "build", SEEDS, "--out", str(out),
                                              "--no-cache", "--workers", "1", "--quiet"],
                                             env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    committed = exports(os.path.join(ROOT, "exports"))
    for kernel, (out, proc) in runs.items():
        assert proc.wait() == 0, proc.stderr.read()
        built = exports(out)
        assert set(built) == set(committed)
        assert [n for n in committed if built[n] != committed[n]] == [], f"OPENBLAS_CORETYPE={kernel}"


def test_files_sharing_a_name_get_ids_that_do_not_depend_on_where_the_corpus_is(tmp_path):
    outputs = []
    for place in ("a", "b/deeper"):
        corpus = tmp_path / place / "corpus"
        for sub in ("2021", "2022"):
            (corpus / sub).mkdir(parents=True)
            shutil.copy(SEED_FILES[0], corpus / sub / "page.txt")
        (corpus / "2022" / "page.html").write_text("<p>株洲市人民政府副市长李明出席会议。</p>", encoding="utf-8")
        ids = doc_ids([str(corpus / "2022" / "page.html"), str(corpus / "2021" / "page.txt"),
                       str(corpus / "2022" / "page.txt")])
        assert len(set(ids.values())) == 3 and all(i.startswith("page-") for i in ids.values())
        build([str(corpus)], str(tmp_path / place / "out"), workers=1, cache=False)
        outputs.append(exports(tmp_path / place / "out"))
    assert outputs[0] == outputs[1]

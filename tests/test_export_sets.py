"""Whole export sets: a build that is killed, interrupted, run twice at once or out
of disk leaves the previous set of exports or the new one, never a mix; leaves no
temporary file once the next build has run; and leaves no process behind."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, exports

from kg.build import build
from kg.export import atomic, output_folder
from kg.export.output_folder import OutputFolder

OLD = "株洲日报讯(记者/张三)株洲市人民政府副市长李明出席会议并讲话。\n"
NEW = "株洲市荷塘区委副书记、区长罗鹏程要求各地实施“美丽乡村”行动。\n株洲市中心医院院长蔡安烈参加。\n"


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """Inputs for an old and a new build, and the export set each gives (the old one with its cache)."""
    root = tmp_path_factory.mktemp("sets")
    found = {}
    for name, text in (("old", OLD), ("new", NEW)):
        (root / name).mkdir()
        (root / name / "news.txt").write_text(text, encoding="utf-8")
        build([str(root / name)], str(root / f"{name}-out"), cache=name == "old")
        found[name] = exports(root / f"{name}-out")
    assert found["old"] != found["new"] and len(found["new"]) == 9      # with posts.csv
    return root, found


@pytest.fixture
def out(sets, tmp_path):
    """An output folder holding the old set, the cache and a file of the user's own."""
    root, found = sets
    folder = tmp_path / "out"
    shutil.copytree(root / "old-out", folder)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "neo4j" / "import.sh").write_text("neo4j-admin ...", encoding="utf-8")
    return folder


def leftovers(folder) -> list[str]:
    """Temporary files and folders in OUT or beside it."""
    names = [os.path.join(r, n) for r, dirs, files in os.walk(folder) for n in dirs + files]
    names += [os.path.join(folder.parent, n) for n in os.listdir(folder.parent)]
    return [n for n in names if os.path.basename(n).startswith(".tmp")]


def kg_build(args: list[str], fault: str = "", **kwargs) -> subprocess.Popen:
    """`kg build ARGS` in a session of its own (its workers too), killing itself at checkpoint `fault`."""
    env = dict(os.environ, KG_FAULT=fault)
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *args, "--quiet"], env=env, cwd=ROOT,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kwargs)


def session(sid: int) -> list[int]:
    """Processes of a session, from /proc (none where there is no /proc)."""
    found = []
    if not os.path.isdir("/proc/self"):
        return found
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != b"Z":
            found.append(int(pid))
    return found


def ended(proc: subprocess.Popen) -> list[int]:
    """Wait for a killed build's processes to go (a worker dies a moment after its parent); those left."""
    deadline = time.monotonic() + 10
    while session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return session(proc.pid)


def export_files(files: dict) -> dict:
    return {k: v for k, v in files.items() if k not in ("notes.txt", os.path.join("neo4j", "import.sh"))}


@pytest.mark.parametrize("workers, fault", [("1", "extracting"), ("1", "staged"), ("1", "carried"),
                                            ("1", "swapped"), ("2", "exporting")])
def test_a_build_killed_at_any_step_leaves_one_whole_set(sets, out, workers, fault):
    root, found = sets
    proc = kg_build([str(root / "new"), "--out", str(out), "--workers", workers], fault)
    assert proc.wait(timeout=60) == -signal.SIGKILL, proc.stderr.read()
    assert ended(proc) == []
    now = export_files(exports(out))
    assert now in (found["old"], found["new"]), f"a mixed set after a kill at {fault}"
    assert (now == found["new"]) == (fault == "swapped")
    build([str(root / "new")], str(out))           # the next build cleans up and puts everything back
    assert leftovers(out) == []
    files = exports(out)
    assert export_files(files) == found["new"]
    assert files["notes.txt"] == b"mine" and os.path.join("neo4j", "import.sh") in files
    assert any(p.is_file() for p in (out / ".cache").rglob("*"))


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc")
def test_no_process_outlives_a_killed_build(sets, out):
    root, _ = sets
    proc = kg_build([str(root / "new"), "--out", str(out), "--workers", "2"], "exporting")
    assert proc.wait(timeout=60) == -signal.SIGKILL
    assert ended(proc) == [], "the forked exporter outlived its build"


def test_a_second_build_into_a_busy_out_is_refused_in_one_line(sets, out):
    root, found = sets
    with OutputFolder(str(out)):
        proc = kg_build([str(root / "new"), "--out", str(out)])
        assert proc.wait(timeout=60) == 1
        err = proc.stderr.read()
    assert err.startswith("kg build: another kg build is writing to") and f"(pid {os.getpid()})" in err
    assert len(err.strip().splitlines()) == 1
    assert export_files(exports(out)) == found["old"]


def test_a_full_disk_is_one_line_and_keeps_the_previous_set(sets, out):
    root, found = sets

    def small_files():      # writes past 300 KB fail as on a full disk (graph.html is larger)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    proc = kg_build([str(root / "new"), "--out", str(out), "--no-cache"], preexec_fn=small_files)
    assert proc.wait(timeout=60) == 1
    err = proc.stderr.read()
    assert err == f"kg build: cannot write to {out}: File too large\n"
    assert export_files(exports(out)) == found["old"] and leftovers(out) == []


@pytest.mark.parametrize("fail_at", [1, 4, 8])
def test_an_interrupted_build_leaves_the_previous_set(sets, out, monkeypatch, fail_at):
    root, found = sets
    calls = []
    real_replace = os.replace

    def replace_then_stop(src, dst):
        calls.append(dst)
        if len(calls) == fail_at:
            raise KeyboardInterrupt      # Ctrl-C while this export is put in place
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace_then_stop)
    with pytest.raises(KeyboardInterrupt):
        build([str(root / "new")], str(out))
    assert export_files(exports(out)) == found["old"] and leftovers(out) == []


def test_ctrl_c_while_your_files_are_staged_puts_them_back(sets, out, monkeypatch):
    root, found = sets

    def stop_at(name):
        if name == "carried":
            raise KeyboardInterrupt

    monkeypatch.setattr(output_folder.faults, "checkpoint", stop_at)
    with pytest.raises(KeyboardInterrupt):
        build([str(root / "new")], str(out))
    files = exports(out)
    assert export_files(files) == found["old"] and files["notes.txt"] == b"mine" and leftovers(out) == []
    assert (out / ".cache").is_dir()


def test_an_out_whose_parent_is_not_writable_is_written_in_place(sets, out, monkeypatch):
    root, found = sets
    real_access = os.access
    monkeypatch.setattr(output_folder.os, "access",
                        lambda path, mode: False if os.fspath(path) == str(out.parent) else real_access(path, mode))
    said: list[str] = []
    build([str(root / "new")], str(out), warn=said.append)
    assert said == [f"{out}: exports replaced one by one, not as one set (it is a mount point, or {out.parent} "
                    "is not writable)"]
    files = exports(out)
    assert export_files(files) == found["new"] and files["notes.txt"] == b"mine" and leftovers(out) == []


def test_where_folders_cannot_be_swapped_the_exports_are_replaced_one_by_one(sets, out, monkeypatch):
    root, found = sets
    monkeypatch.setattr(output_folder, "_exchange", lambda a, b: "cannot swap folders here: Invalid argument")
    said: list[str] = []
    build([str(root / "new")], str(out), warn=said.append)
    assert said == [f"{out}: exports replaced one by one, not as one set (cannot swap folders here: Invalid argument)"]
    files = exports(out)
    assert export_files(files) == found["new"] and files["notes.txt"] == b"mine" and leftovers(out) == []


def test_temporary_files_older_versions_left_are_removed(sets, out):
    root, _ = sets
    (out / ".tmp-k3j2graph.ttl").write_text("half a graph", encoding="utf-8")
    (out / "neo4j" / ".tmp-x9nodes.csv").write_text("half a table", encoding="utf-8")
    build([str(root / "new")], str(out))
    assert leftovers(out) == []

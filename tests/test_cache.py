"""The cache holds data, not code: entries are JSON checked against the file's
SHA-256, its id and name, the extractor's fingerprint and their own checksum;
a swapped, edited, forged, truncated or foreign entry is ignored with a
warning, the file extracted again and the entry rewritten."""
from __future__ import annotations

import json
import os
import pickle
import shutil
import time
import zlib
from array import array

import pytest
from conftest import exports

from kg import plain_data
from kg.build import build
from kg.cache import FORMAT, fingerprint
from kg.model import EntityKey, Evidence

TEXTS = {"a.txt": "株洲市人民政府副市长李明出席会议并讲话。\n",
         "b.txt": "株洲市荷塘区委副书记、区长罗鹏程要求各地实施“美丽乡村”行动。\n",
         "c.txt": "株洲市中心医院院长蔡安烈参加。\n"}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("cache")
    (root / "corpus").mkdir()
    for name, text in TEXTS.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    build([str(root / "corpus")], str(root / "out"))
    return root


@pytest.fixture
def built(first_build, tmp_path):
    """A copy of a corpus built with its cache: (corpus, out, exports, {file name: its cache entry})."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(first_build / "corpus", corpus)
    shutil.copytree(first_build / "out", out)
    entries = {}
    for path in (out / ".cache").rglob("*.json.z"):
        header = json.loads(zlib.decompress(path.read_bytes()).split(b"\n", 1)[0])
        entries[header["name"]] = path
    assert set(entries) == set(TEXTS)
    return corpus, out, exports(out), entries


def rebuild(corpus, out) -> tuple[object, list[str]]:
    said: list[str] = []
    report = build([str(corpus)], str(out), warn=said.append)
    return report, said


def body(path) -> tuple[dict, bytes]:
    line, data = zlib.decompress(path.read_bytes()).split(b"\n", 1)
    return json.loads(line), data


def write(path, header: dict, data: bytes, checksum: bool = True) -> None:
    import hashlib
    if checksum:
        header = dict(header, **{"body-sha256": hashlib.sha256(data).hexdigest()})
    path.write_bytes(zlib.compress(json.dumps(header, ensure_ascii=False).encode() + b"\n" + data))


def test_swapped_entries_are_ignored_and_rewritten(built):
    corpus, out, reference, entries = built
    a, b = entries["a.txt"].read_bytes(), entries["b.txt"].read_bytes()
    entries["a.txt"].write_bytes(b)
    entries["b.txt"].write_bytes(a)
    report, said = rebuild(corpus, out)
    assert report.cached == 1 and len(said) == 2
    assert all("ignored: it is another file's (sha256 differs); extracting again" in w for w in said)
    assert exports(out) == reference
    assert rebuild(corpus, out)[0].cached == 3                     # rewritten


def test_an_edited_entry_is_ignored(built):
    corpus, out, reference, entries = built
    header, data = body(entries["a.txt"])
    assert "李明".encode() in data
    write(entries["a.txt"], header, data.replace("李明".encode(), "王五".encode()), checksum=False)
    report, said = rebuild(corpus, out)
    assert report.cached == 2
    assert said == [f"cache entry {entries['a.txt']} ignored: its content does not match its checksum "
                    "(edited or damaged); extracting again"]
    assert exports(out) == reference


def test_a_pickle_that_would_run_code_is_not_run(built, tmp_path):
    corpus, out, reference, entries = built
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    entries["a.txt"].write_bytes(zlib.compress(pickle.dumps(Exploit()), 1))      # what the old cache read
    report, said = rebuild(corpus, out)
    assert not marker.exists() and report.cached == 2
    assert said == [f"cache entry {entries['a.txt']} ignored: not a cache entry; extracting again"]
    assert exports(out) == reference


@pytest.mark.parametrize("forged, reason", [
    (b'{"fields":{},"data":{"@Popen":[["touch","x"]]}}', "not a file summary: unknown tag"),
    (b'{"fields":{"EntityKey":["kind"]},"data":{"@EntityKey":["x"]}}', "not a file summary: written with other fields"),
    (b'{"fields":{},"data":{"@r":5}}', "not a file summary: IndexError"),
    (b'{"fields":{},"data":[1,2]}', "not this file's summary"),
])
def test_a_forged_entry_is_only_data_and_is_refused(built, forged, reason):
    corpus, out, reference, entries = built
    header, _ = body(entries["a.txt"])
    write(entries["a.txt"], header, forged)                       # a header that fits, checksum and all
    report, said = rebuild(corpus, out)
    assert report.cached == 2 and len(said) == 1 and f"ignored: {reason}" in said[0]
    assert exports(out) == reference


def test_an_entry_of_another_file_under_a_fitting_header_is_refused(built):
    corpus, out, reference, entries = built
    header, _ = body(entries["a.txt"])
    _, other = body(entries["b.txt"])
    write(entries["a.txt"], header, other)
    report, said = rebuild(corpus, out)
    assert report.cached == 2 and said[0].endswith("ignored: not this file's summary; extracting again")
    assert exports(out) == reference


def test_truncated_and_foreign_entries_are_ignored(built):
    corpus, out, reference, entries = built
    data = entries["a.txt"].read_bytes()
    entries["a.txt"].write_bytes(data[: len(data) // 2])
    header, raw = body(entries["b.txt"])
    write(entries["b.txt"], dict(header, fingerprint="0" * 64), raw)
    report, said = rebuild(corpus, out)
    assert report.cached == 1 and len(said) == 2
    assert any("ignored: not a cache entry (truncated or damaged)" in w for w in said)
    assert any("ignored: written by another kg (fingerprint differs)" in w for w in said)
    assert exports(out) == reference
    assert FORMAT == header["kg-cache"] and header["fingerprint"] == fingerprint()


def test_the_model_round_trips_through_plain_json():
    key = EntityKey("person", "罗鹏程", "430200")
    value = {"list": [key, key, Evidence("d", 0, 1, 2, 3)], "tuple": ("a", 1), "set": {"x", "y"},
             "dict": {key: array("q", [1, 2, 3])}, "@odd": {"\ud800lone": 1.5, "n": None}, "bools": [True, False]}
    again = plain_data.loads(plain_data.dumps(value))
    assert again == value and again["list"][0] is again["list"][1]      # a repeated key is written once
    with pytest.raises(plain_data.DataError, match="cannot store a object"):
        plain_data.dumps([object()])


def test_temporary_files_of_killed_cache_writes_are_removed(built, tmp_path):
    corpus, out, _, entries = built
    left = entries["a.txt"].parent / ".tmp-x1y2.json.z"
    left.write_bytes(b"half an entry")
    rebuild(corpus, out)
    assert not left.exists()                      # OUT's own cache: this build is its only writer
    shared = tmp_path / "shared"
    build([str(corpus)], str(tmp_path / "out2"), cache_dir=str(shared))
    fresh = next(shared.rglob("*.json.z")).parent / ".tmp-fresh.json.z"
    stale = fresh.parent / ".tmp-stale.json.z"
    fresh.write_bytes(b"being written by another build")
    stale.write_bytes(b"left by a killed build")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    build([str(corpus)], str(tmp_path / "out2"), cache_dir=str(shared))
    assert fresh.exists() and not stale.exists()  # a shared cache (--cache): only what is old

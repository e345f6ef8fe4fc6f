"""Per-file results cached on disk, so a rebuild re-extracts only what changed.

An entry is keyed by the file's content hash, the name it is known by (its
document id and file name appear in the graph), the corpus's home province and
what its articles' dates depend on besides the content (the --date-from policy
and the date the file's path gives: `dating`), and filed under a fingerprint
of everything else a result depends on: the extractor version, the lexicons in
kg/data, the source of the per-file stages and the segmenter's version.
Changing any of them starts a new, empty folder; entries are never reused
across fingerprints.

An entry holds data, not code: zlib-compressed JSON (kg.plain_data, which
makes only kg.model's classes), a header line and then the FileSummary. The
header names the cache format, the fingerprint, the file's SHA-256, document
id and name, and the SHA-256 of the summary's JSON. An entry is used only if
all of them are this build's and this file's; otherwise (truncated, edited,
swapped with another file's, forged, from another kg) it is ignored with a
warning, the file is extracted again and the entry rewritten. An entry edited
with its checksum recomputed is still only data: it can change the graph,
never run code; keep the cache where only you write."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import zlib
from importlib import metadata
from pathlib import Path

from . import plain_data
from .export.atomic import atomic_path
from .ingest.dates import filename_date
from .model import FileSummary

FORMAT = 3
PACKAGE = Path(__file__).resolve().parent
# What a per-file result is computed by: kg.pipeline and everything it imports, and
# kg.build, whose worker function finishes each result (warnings, names, compaction).
STAGES = ("build.py", "pipeline.py", "model.py", "cache.py", "plain_data.py", "data", "ingest", "extract", "lexicon",
          "resolve")
LIBRARIES = ("rjieba",)


@functools.cache
def fingerprint() -> str:
    from .pipeline import EXTRACTOR_VERSION
    h = hashlib.sha256(f"cache format {FORMAT}\0extractor {EXTRACTOR_VERSION}\0".encode())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib} {metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib} none\0".encode())
    for path in _stage_files():
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _stage_files() -> list[Path]:
    files = []
    for name in STAGES:
        p = PACKAGE / name
        if p.is_dir():
            files.extend(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                         and not f.name.startswith(".") and f.suffix != ".pyc")
        elif p.is_file():
            files.append(p)
    return sorted(files)


class BadEntry(Exception):
    """A cache entry that is not this file's result from this kg; the message says why."""


def dating(path: str, policy: str) -> str:
    """What a file's dates depend on besides its content: the --date-from policy and, when the
    policy reads file names, the date its path gives (kg.ingest.dates.filename_date), if any."""
    named = filename_date(path) if "filename" in policy else None
    return f"{policy} {named.date if named is not None else ''}"


def entry(summary: FileSummary, name: str, dates: str = "") -> bytes:
    """A file's cache entry: a header line, then the summary (kg.plain_data JSON), zlib-compressed.
    `name`, `dates`: the file name and the dating (`dating`) the cache key is made with."""
    body = plain_data.dumps(summary)
    doc = summary.result.document
    header = {"kg-cache": FORMAT, "fingerprint": fingerprint(), "sha256": doc.sha256, "doc_id": doc.doc_id,
              "name": name, "dates": dates, "body-sha256": hashlib.sha256(body).hexdigest()}
    line = json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return zlib.compress(line + b"\n" + body, 1)


def read_entry(data: bytes, sha256: str, doc_id: str, name: str, dates: str = "") -> FileSummary:
    """The summary in an entry if it is whole (its checksum) and the result for this file (SHA-256,
    document id, name, dating) from this kg (format, fingerprint); else BadEntry."""
    try:
        text = zlib.decompress(data)
    except zlib.error:
        raise BadEntry("not a cache entry (truncated or damaged)") from None
    try:
        line, body = text.split(b"\n", 1)
        header = json.loads(line.decode("utf-8", "surrogatepass"))
    except ValueError:
        header = None
    if type(header) is not dict:
        raise BadEntry("not a cache entry")
    expected = {"kg-cache": FORMAT, "fingerprint": fingerprint(), "sha256": sha256, "doc_id": doc_id,
                "name": name, "dates": dates, "body-sha256": hashlib.sha256(body).hexdigest()}
    wrong = next((k for k, v in expected.items() if header.get(k) != v), None)
    if wrong in ("sha256", "doc_id", "name", "dates"):
        raise BadEntry(f"it is another file's ({wrong} differs)")
    if wrong == "body-sha256":
        raise BadEntry("its content does not match its checksum (edited or damaged)")
    if wrong:
        raise BadEntry(f"written by another kg ({wrong} differs)")
    try:
        summary = plain_data.loads(body)
    except plain_data.DataError as exc:
        raise BadEntry(f"not a file summary: {exc}") from None
    doc = getattr(getattr(summary, "result", None), "document", None)
    if not isinstance(summary, FileSummary) or getattr(doc, "sha256", None) != sha256 \
            or getattr(doc, "doc_id", None) != doc_id:
        raise BadEntry("not this file's summary")
    return summary


def content_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Cache:
    """FOLDER/<fingerprint>/<2 hex>/<key>.json.z; writes are atomic, bad entries are misses."""

    STALE = 60    # seconds after which the temporary file of an interrupted write is removed

    def __init__(self, folder: str, warn=lambda msg: None, shared: bool = True, province: str = ""):
        """`shared`: other builds may write here now (--cache), so only stale temporary files go.
        `province`: the home province the corpus is read in, part of every entry's key."""
        self.province = province
        self.folder = os.path.join(folder, fingerprint()[:16])
        self.warn = warn
        self.hits = self.misses = 0
        self._remove_temporary(time.time() - self.STALE if shared else float("inf"))

    def key(self, sha256: str, doc_id: str, name: str, dates: str = "") -> str:
        return hashlib.sha256(f"{sha256}\0{doc_id}\0{name}\0{self.province}\0{dates}"
                              .encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, sha256: str, doc_id: str, name: str, dates: str = "") -> str:
        key = self.key(sha256, doc_id, name, dates)
        return os.path.join(self.folder, key[:2], key + ".json.z")

    def get(self, sha256: str, doc_id: str, name: str, dates: str = "") -> FileSummary | None:
        """The file's summary, if its entry is there and good (read_entry). `dates`: its dating."""
        path = self.path(sha256, doc_id, name, dates)
        try:
            with open(path, "rb") as fh:
                summary = read_entry(fh.read(), sha256, doc_id, name, dates)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, BadEntry) as exc:
            self.warn(f"cache entry {path} ignored: {exc}; extracting again")
            self.misses += 1
            return None
        self.hits += 1
        return summary

    def put(self, sha256: str, doc_id: str, name: str, data: bytes, dates: str = "") -> None:
        """Store an entry made by `entry`; a cache that cannot be written only costs time."""
        path = self.path(sha256, doc_id, name, dates)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with atomic_path(path) as tmp:
                with open(tmp, "wb") as fh:
                    fh.write(data)
        except OSError as exc:
            self.warn(f"cannot write cache entry {path}: {exc.strerror or exc}")

    def _remove_temporary(self, before: float) -> None:
        """Temporary files of writes a killed build left, last changed before `before`."""
        if not os.path.isdir(self.folder):
            return
        for sub in os.scandir(self.folder):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for f in os.scandir(sub.path):
                try:
                    if f.name.startswith(".tmp-") and f.stat(follow_symlinks=False).st_mtime < before:
                        os.unlink(f.path)
                except OSError:
                    pass

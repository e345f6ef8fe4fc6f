"""Per-file results cached on disk, so a rebuild re-extracts only what changed.

An entry is keyed by the file's content hash and the name it is known by (its
document id and file name appear in the graph), and filed under a fingerprint
of everything else a result depends on: the extractor version, the lexicons in
kg/data, the source of the per-file stages and the segmenter's version.
Changing any of them starts a new, empty folder; entries are never reused
across fingerprints. Entries are compressed pickles of FileSummary: trust a cache folder
as you trust your own code."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import zlib
from importlib import metadata
from pathlib import Path

from .export.atomic import atomic_path
from .model import FileSummary

FORMAT = 2
PACKAGE = Path(__file__).resolve().parent
# What a per-file result is computed by: kg.pipeline and everything it imports, and
# kg.build, whose worker function finishes each result (warnings, names, compaction).
STAGES = ("build.py", "pipeline.py", "model.py", "cache.py", "data", "ingest", "extract", "lexicon", "resolve")
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


def pack(summary: FileSummary) -> bytes:
    """A summary as it travels from a worker and rests in the cache: a pickle,
    zlib-compressed (5x smaller, about half a millisecond per file)."""
    return zlib.compress(pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> FileSummary:
    summary = pickle.loads(zlib.decompress(data))
    if not isinstance(summary, FileSummary):
        raise TypeError(f"{type(summary).__name__}, not a file summary")
    return summary


def content_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Cache:
    """FOLDER/<fingerprint>/<2 hex>/<key>.pkl.z; writes are atomic, unreadable entries are misses."""

    def __init__(self, folder: str, warn=lambda msg: None):
        self.folder = os.path.join(folder, fingerprint()[:16])
        self.warn = warn
        self.hits = self.misses = 0

    @staticmethod
    def key(sha256: str, doc_id: str, name: str, province: str = "") -> str:
        return hashlib.sha256(f"{sha256}\0{doc_id}\0{name}\0{province}".encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".pkl.z")

    def get(self, key: str) -> FileSummary | None:
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                summary = unpack(fh.read())
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:  # a truncated or foreign file: ignore it, extract again
            self.warn(f"cache entry {path} is unreadable ({type(exc).__name__}); extracting again")
            self.misses += 1
            return None
        self.hits += 1
        return summary

    def put(self, key: str, data: bytes) -> None:
        """Store a packed FileSummary; a cache that cannot be written only costs time."""
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with atomic_path(path) as tmp:
                with open(tmp, "wb") as fh:
                    fh.write(data)
        except OSError as exc:
            self.warn(f"cannot write cache entry {path}: {exc.strerror or exc}")

"""The output folder replaced as a whole: readers see the previous set of exports
or the new set, never a mix, whatever stops a build (Ctrl-C, kill -9, a full disk).

A build writes its exports into a staging folder beside OUT, on the same file
system (PARENT/.tmp-kg-NAME-HASH.new-XXXX); moves everything else OUT holds
(the cache, your own files, the exports of formats it does not write) into it;
and then swaps the two folders in one step, renameat2(RENAME_EXCHANGE). The
old folder, now at the staging path, is deleted. A build that dies leaves at
most that staging folder: the next build into OUT moves back any of your files
it holds and deletes it, before anything else. OUT keeps its path (exports/
in git stays a folder of regular files); it is a new folder after each build.

One build at a time: an flock on PARENT/.tmp-kg-NAME-HASH.lock, held for the
whole build; a second build into OUT is refused (BusyError).

Where the swap cannot be done (OUT is a mount point, its parent folder is not
writable, the file system or kernel has no RENAME_EXCHANGE), the exports are
staged inside OUT and put in place one by one, each atomically, with a warning
that the set is not."""
from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable

from .. import faults

# Everything a build may write, relative to OUT: never carried from one set to the next.
EXPORT_FILES = ("graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "graph.gexf", "graph.html",
                "neo4j/nodes.csv", "neo4j/relationships.csv", "posts.csv")
# What an interrupted per-file write of older versions (kg.export.atomic) left in OUT.
OLD_TEMPORARY = re.compile(r"\.tmp-.*(" + "|".join(re.escape(os.path.basename(f)) for f in EXPORT_FILES) + r")$")
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class BusyError(Exception):
    """Another build holds OUT."""


class OutputFolder:
    """with OutputFolder(out, warn) as folder: write into folder.stage(), then folder.commit(paths).
    OUT must exist."""

    def __init__(self, out: str, warn: Callable[[str], None] = lambda msg: None):
        self.out = out
        self.real = os.path.realpath(out)
        self.parent, name = os.path.split(self.real)
        self.prefix = f".tmp-kg-{name[:80]}-{hashlib.sha1(name.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
        self.warn = warn
        self.staging = ""
        self.swap = False
        self._lock: tuple[int, str] | None = None     # (fd, path)
        self._carried: set[str] | None = None     # the staged exports, while OUT's other entries are staged too

    # ------------------------------------------------------------ lock and leftovers
    def __enter__(self) -> OutputFolder:
        self._lock = self._take_lock()
        try:
            self._recover()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._carried is not None:      # stopped between moving your files and the swap
                _carry(self.staging, self.real, skip=self._carried)
            if self.staging:
                _remove(self.staging)          # an unfinished set, or the previous one if not yet gone
                _remove(self.staging + MANIFEST)
        finally:
            self._release()

    def _take_lock(self) -> tuple[int, str]:
        """flock on a lock file beside OUT (inside it if its parent is not writable). The file is
        removed when the build ends, so after locking it is checked to be still the one at its path."""
        path = os.path.join(self.parent, self.prefix + ".lock")
        if not os.access(self.parent, os.W_OK):
            path = os.path.join(self.real, ".tmp-kg-lock")
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                raise BusyError(f"another kg build is writing to {self.out}"
                                + (f" (pid {holder})" if holder.isdigit() else "") + "; try again when it is done") \
                    from None
            try:
                same = os.stat(path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
                return fd, path
            os.close(fd)               # the build before us removed that file: lock the one there now

    def _release(self) -> None:
        if self._lock is not None:
            fd, path = self._lock
            self._lock = None
            try:
                os.unlink(path)
            except OSError:
                pass
            os.close(fd)

    def _recover(self) -> None:
        """What a build that died left: your files in its staging folder go back to OUT, the
        folder goes; so do in-place staging folders and older versions' temporary files in OUT."""
        left = sorted(e.path for e in os.scandir(self.parent) if e.name.startswith(self.prefix + ".new-"))
        for path in left:
            if os.path.isdir(path) and not os.path.islink(path):
                carried = _read_manifest(path)
                if carried is not None and os.path.isdir(self.real):
                    _carry(path, self.real, skip=carried)
                _remove(path)
        for path in left:
            _remove(path)                          # manifests
        for folder in (self.real, os.path.join(self.real, "neo4j")):
            if os.path.isdir(folder) and not os.path.islink(folder):
                for entry in os.scandir(folder):
                    if entry.name.startswith(".tmp-kg-") and entry.name != ".tmp-kg-lock" \
                            or OLD_TEMPORARY.match(entry.name) and entry.is_file(follow_symlinks=False):
                        _remove(entry.path)

    # ------------------------------------------------------------ staging and the swap
    def stage(self) -> str:
        """A new, empty staging folder for the exports: beside OUT when OUT can be swapped."""
        self.swap = os.path.dirname(self._lock[1]) == self.parent and not os.path.ismount(self.real)
        self.staging = tempfile.mkdtemp(prefix=(self.prefix if self.swap else ".tmp-kg-in-place") + ".new-",
                                        dir=self.parent if self.swap else self.real)
        return self.staging

    def commit(self, written: list[str]) -> None:
        """Make the staged exports (paths under the staging folder) OUT's exports: one set if possible."""
        _sync(written, self.staging)
        faults.checkpoint("staged")
        names = {os.path.relpath(p, self.staging).replace(os.sep, "/") for p in written}
        if self.swap:
            _write_manifest(self.staging, names)
            os.chmod(self.staging, os.stat(self.real).st_mode & 0o7777)
            self._carried = names
            _carry(self.real, self.staging, skip=names)
            faults.checkpoint("carried")
            reason = _exchange(self.staging, self.real)
            if reason is None:
                self._carried = None
                faults.checkpoint("swapped")
                _remove(self.staging)                                 # the previous set
                _remove(self.staging + MANIFEST)
                return
            _carry(self.staging, self.real, skip=names)              # your files back, then one by one
            self._carried = None
            _remove(self.staging + MANIFEST)
            self.warn(f"{self.out}: exports replaced one by one, not as one set ({reason})")
        else:
            self.warn(f"{self.out}: exports replaced one by one, not as one set "
                      f"(it is a mount point, or {self.parent} is not writable)")
        for path in written:
            target = os.path.join(self.real, os.path.relpath(path, self.staging))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(path, target)
            faults.checkpoint("replaced")

    def final(self, path: str) -> str:
        """Where a staged file ends up: the same path under OUT, as the user named OUT."""
        return os.path.join(self.out, os.path.relpath(path, self.staging))


MANIFEST = ".staged"     # beside a staging folder: the exports staged in it, one per line; the rest was carried


def _write_manifest(staging: str, names: set[str]) -> None:
    with open(staging + MANIFEST, "w", encoding="utf-8", errors="surrogateescape") as fh:
        fh.write("".join(f"{n}\n" for n in sorted(names)))
        fh.flush()
        os.fsync(fh.fileno())


def _read_manifest(staging: str) -> set[str] | None:
    """The staged exports, or None when nothing was carried into this folder yet."""
    try:
        with open(staging + MANIFEST, encoding="utf-8", errors="surrogateescape") as fh:
            return set(fh.read().splitlines())
    except OSError:
        return None


def _carry(source: str, target: str, skip: set[str], under: str = "") -> None:
    """Move each entry of `source` that `target` lacks and that is not in `skip` (staged exports,
    relative paths) into `target`; a folder holding staged exports (neo4j/) entry by entry."""
    for entry in os.scandir(source):
        rel = under + entry.name
        if entry.name.startswith(".tmp-kg-") or rel in skip:
            continue
        dest = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False) and os.path.isdir(dest) and not os.path.islink(dest) \
                and any(s.startswith(rel + "/") for s in skip):
            _carry(entry.path, dest, skip, rel + "/")
        elif not os.path.lexists(dest):
            os.rename(entry.path, dest)


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _sync(paths: list[str], folder: str) -> None:
    """Flush the staged files and their folders to disk, so a swap never shows files the disk lacks."""
    for path in [*paths, *sorted({os.path.dirname(p) for p in paths} | {folder})]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _exchange(a: str, b: str) -> str | None:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); None, or why it cannot be done here."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return "no renameat2 on this system"
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return None
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV, errno.EBUSY, errno.EPERM):
        return f"cannot swap folders here: {os.strerror(code)}"
    raise OSError(code, os.strerror(code), b)

"""Which files a build reads, and the document id each gets.

Every file is read once, by its real path, however often and however it is
named (seeds/a.txt, ./seeds/a.txt, /home/me/seeds/a.txt, a folder holding it).
A folder that cannot be read, or that is a symbolic link inside a folder
being walked (not followed: it could loop or lead anywhere), is named in a
warning. The output folder and the staging folders of builds (.tmp-kg-*)
are never read.

A document's id depends on the file alone: its path relative to the argument
it came from, without the suffix (a file named directly: its name). So
seeds/001_344709538c4b7dd9.txt is 001_344709538c4b7dd9 and corpus/2021/page.txt,
found through `corpus`, is 2021/page. Files that would share an id (page.txt
and page.html) each get a short hash of their path added."""
from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass

from .read import HTML_SUFFIXES, InputError, readable_name

SUFFIXES = (".txt",) + HTML_SUFFIXES
STAGING = ".tmp-kg-"          # kg.export.output_folder's staging folders start so


@dataclass(frozen=True)
class InputFile:
    path: str      # the argument joined with the path below it
    rel: str       # the path relative to that argument, '/'-separated (a file named directly: its name)
    arg: str       # the argument, as given


@dataclass
class Inputs:
    files: list[InputFile]     # sorted by path
    warnings: list[str]        # "path: why it was not read"


def scan_inputs(args: list[str], skip: tuple[str, ...] = (), suffixes=SUFFIXES) -> Inputs:
    """Files named directly, and files with a known suffix found recursively in folders, each
    once by real path (named several ways, it keeps its shortest relative path); folders in
    `skip` (real paths) are not entered. InputError for an argument that does not exist."""
    found: dict[str, InputFile] = {}
    warnings: list[str] = []
    skip = tuple(os.path.realpath(p) for p in skip)

    def add(item: InputFile) -> None:
        real = os.path.realpath(item.path)
        held = found.get(real)
        if held is None or (len(item.rel), item.rel, item.arg) < (len(held.rel), held.rel, held.arg):
            found[real] = item

    for arg in args:
        if os.path.isdir(arg):
            if os.path.realpath(arg) not in skip:
                _walk(arg, arg, "", suffixes, skip, add, warnings)
        elif os.path.lexists(arg):
            add(InputFile(os.path.normpath(arg), os.path.basename(os.path.normpath(arg)), arg))
        else:
            raise InputError(f"{arg}: no such file or folder")
    return Inputs(sorted(found.values(), key=lambda f: f.path), sorted(warnings))


def _walk(arg: str, folder: str, under: str, suffixes, skip, add, warnings: list[str]) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        warnings.append(f"{os.path.normpath(folder)}: cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path, rel = os.path.normpath(entry.path), under + entry.name
        try:
            is_link, is_dir = entry.is_symlink(), entry.is_dir()
        except OSError as exc:
            warnings.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            if is_link:
                warnings.append(f"{path}: a symbolic link to a folder, not followed (name the folder to read it)")
            elif not entry.name.startswith(STAGING) and os.path.realpath(path) not in skip:
                _walk(arg, entry.path, rel + "/", suffixes, skip, add, warnings)
        elif entry.name.lower().endswith(suffixes):
            add(InputFile(path, rel, arg))


def find_inputs(args: list[str], suffixes=SUFFIXES) -> list[str]:
    """The paths scan_inputs finds, sorted (its warnings left out)."""
    return [f.path for f in scan_inputs(args, suffixes=suffixes).files]


def doc_ids(files: list[InputFile] | list[str]) -> dict[str, str]:
    """{path: document id}: the relative path without its suffix (see the module doc); ids that
    several files would share get a hash of the relative path, and of where the arguments differ
    if that is the same too. A plain path counts as a file named directly."""
    files = [f if isinstance(f, InputFile) else InputFile(f, os.path.basename(f), f) for f in files]
    by_id: dict[str, list[InputFile]] = defaultdict(list)
    for f in files:
        by_id[readable_name(os.path.splitext(f.rel)[0])].append(f)
    ids: dict[str, str] = {}
    for base, group in by_id.items():
        if len(group) == 1:
            ids[group[0].path] = base
            continue
        rels = [f.rel for f in group]
        root = os.path.commonpath([os.path.abspath(f.arg) for f in group])
        for f in group:
            key = f.rel if rels.count(f.rel) == 1 else \
                os.path.relpath(os.path.abspath(f.arg), root).replace(os.sep, "/") + "\0" + f.rel
            ids[f.path] = f"{base}-{hashlib.sha1(key.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
    return _unique(ids, files)


def _unique(ids: dict[str, str], files: list[InputFile]) -> dict[str, str]:
    """Number the ids a hash did not tell apart (or a file that is named like a hashed id)."""
    taken: dict[str, int] = defaultdict(int)
    for f in sorted(files, key=lambda f: (ids[f.path], f.rel, f.arg, f.path)):
        n = taken[ids[f.path]] = taken[ids[f.path]] + 1
        if n > 1:
            ids[f.path] = f"{ids[f.path]}-{n}"
    return ids


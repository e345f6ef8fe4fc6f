"""Bytes to text: encoding detection per file, with clear reasons for what cannot be read."""
from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
from dataclasses import dataclass


class InputError(Exception):
    """A file that cannot be read as news text; the message names the reason."""


@dataclass
class RawText:
    path: str
    text: str
    encoding: str
    sha256: str


# Encodings tried in order after the BOM checks. GB18030 is a superset of GBK and GB2312.
FALLBACKS = ("utf-8", "gb18030", "big5")
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF")
HTML_SUFFIXES = (".html", ".htm")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], name), "utf-16"
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise InputError("binary file, not text")
    for name in FALLBACKS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name != "utf-8" and not _looks_chinese(text):
            continue
        return text, name
    raise InputError("not decodable as UTF-8, UTF-16, GB18030 or Big5")


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {name} at byte {exc.start}") from None


def _looks_chinese(text: str) -> bool:
    """Legacy decodes succeed on much garbage; accept them only when they read as CJK text."""
    sample = text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return cjk >= 0.2 * max(1, len(sample.strip())) and controls == 0


TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
BLOCK_TAG = re.compile(r"<\s*(br|/p|/div|/h[1-6]|/li|/tr|p|div|h[1-6])\b[^>]*>", re.I)


def strip_html(text: str) -> str:
    """Tags out, entities decoded, block elements become line breaks.

    Offsets of HTML input refer to this stripped text, which the provenance
    records as such (the original markup carries no news content)."""
    text = BLOCK_TAG.sub("\n", text)
    text = TAG.sub("", text)
    return html.unescape(text)


def read_file(path: str) -> RawText:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode(data)
    if path.lower().endswith(HTML_SUFFIXES):
        text = strip_html(text)
        encoding += "+html"
    return RawText(path=path, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def find_inputs(paths: list[str], suffixes=(".txt",) + HTML_SUFFIXES) -> list[str]:
    """Files named directly, and files with a known suffix found recursively in folders; sorted."""
    found = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(suffixes))
        elif os.path.exists(p):
            found.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(set(found))

"""Bytes to text: encoding detection per file, with clear reasons for what cannot be read.

Detection, first match wins:
1. empty (only whitespace) or not a regular file: refused;
2. a byte-order mark: UTF-8, UTF-16 LE/BE;
3. known binary signatures (PDF, images, archives, executables): refused;
4. NUL bytes: UTF-16 without BOM when one byte order reads as text, else binary;
5. strict UTF-8;
6. GB18030 (superset of GBK and GB2312) and Big5, scored by how many of the
   non-ASCII characters are common Chinese characters or punctuation: Big5
   bytes often decode as GB18030 without error, but into rare characters;
   then UTF-16 without BOM and without NUL bytes (text with no ASCII), scored alike;
7. UTF-8 with a few invalid bytes (a damaged scrape), replaced by U+FFFD.

A file cut in the middle of a multi-byte character is read without that
character. Both are reported as warnings (InputWarning) but the file is used.
Traditional characters are kept here: the text is the provenance; folding to
simplified for matching happens in clean.fold_char, one character for one.
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import html
import os
import re
import stat
import warnings
from dataclasses import dataclass

from .dates import FoundDate, meta_date


class InputError(Exception):
    """A file that cannot be read as news text; the message names the reason."""


class InputWarning(UserWarning):
    """A file was read, but not cleanly (truncated, a few invalid bytes replaced)."""


@dataclass
class RawText:
    path: str
    text: str
    encoding: str
    sha256: str
    meta: FoundDate | None = None    # an HTML page's published date, read from its <meta> tags (kg.ingest.dates)


BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b",
                b"BM", b"II*\x00", b"MM\x00*", b"RIFF", b"OggS", b"ID3", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf",
                b"Rar!", b"\x00\x00\x01\x00", b"wOFF", b"\x00asm", b"SQLite format 3")
HTML_SUFFIXES = (".html", ".htm")
LEGACY = ("gb18030", "big5", "cp950")     # in order of preference when scores tie
UTF16 = ("utf-16-le", "utf-16-be")
SAMPLE = 200_000                          # characters scored per candidate
MIN_SCORE = 0.8                           # share of non-ASCII characters that must read as Chinese
MAX_BAD_UTF8 = 0.001                      # invalid bytes per byte tolerated in a damaged UTF-8 file
TRUNCATION = 4                            # an incomplete final character is at most this many bytes


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError; warns InputWarning for damaged files."""
    if not data.strip():
        raise InputError("empty file")
    for bom, name, label in ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")):
        if data.startswith(bom):
            text = _decode_damaged(data[len(bom):], name, max_bad=0.01)
            if text is None:
                raise InputError(f"starts with a {name} byte-order mark but is not valid {name}")
            return text, label
    if data.startswith(BINARY_MAGIC):
        raise InputError("binary file, not text")
    if b"\x00" in data[:8192]:
        # ASCII (newlines, digits) in UTF-16 puts NUL bytes at every other position; binary data has them anywhere.
        best = _best(data, UTF16, ascii_counts=True)
        if best is None:
            raise InputError("binary file, not text")
        return best
    decoded = _strict(data, "utf-8")
    if decoded is not None:
        return _accept(decoded, "utf-8"), "utf-8"
    best = _best(data, LEGACY) or _best(data, UTF16)     # UTF-16 text without ASCII has no NUL bytes
    if best is not None:
        return best
    text = _decode_damaged(data, "utf-8", MAX_BAD_UTF8)
    if text is not None:
        return text, "utf-8"
    raise InputError("not text in UTF-8, UTF-16, GB18030, GBK, GB2312 or Big5")


def _strict(data: bytes, name: str) -> tuple[str, int] | None:
    """Strict decode -> (text, bytes dropped); only a character cut off at the very end may be dropped."""
    try:
        return data.decode(name), 0
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or exc.start < len(data) - TRUNCATION:
            return None
        cut = exc.start
    try:
        return data[:cut].decode(name), len(data) - cut
    except UnicodeDecodeError:
        return None


def _accept(decoded: tuple[str, int], name: str) -> str:
    text, dropped = decoded
    if dropped:
        warnings.warn(InputWarning(f"ends in the middle of a {name} character (truncated?): "
                                   f"last {dropped} bytes dropped"), stacklevel=2)
    return text


def _decode_damaged(data: bytes, name: str, max_bad: float) -> str | None:
    """Decode with invalid sequences replaced by U+FFFD when they are few (a damaged scrape), else None."""
    decoded = _strict(data, name)
    if decoded is not None:
        return _accept(decoded, name)
    text = data.decode(name, "replace")
    bad = text.count("\ufffd") - data.decode(name, "ignore").count("\ufffd")
    if bad > max(1, max_bad * len(data)):
        return None
    warnings.warn(InputWarning(f"{bad} invalid {name} byte sequence{'s' if bad > 1 else ''} "
                               f"replaced by U+FFFD"), stacklevel=2)
    return text


def _best(data: bytes, names: tuple[str, ...], ascii_counts: bool = False) -> tuple[str, str] | None:
    """The strict decode that reads most like Chinese text, if any reads well enough; ties go to the first name."""
    best = None
    for name in names:
        decoded = _strict(data, name)
        if decoded is not None:
            score = _score(decoded[0], ascii_counts)
            if score >= MIN_SCORE and (best is None or score > best[0]):
                best = (score, name, decoded)
    return None if best is None else (_accept(best[2], best[1]), best[1])


@functools.cache
def _common_chars() -> frozenset[str]:
    """The level-1 (most frequent) characters of GB2312 and of Big5: about 6,800 simplified and traditional."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", "ignore"))
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            chars.update(bytes((lead, trail)).decode("big5", "ignore"))
    return frozenset(chars)


def _plausible(ch: str, common: frozenset[str]) -> bool:
    return (ch in common or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e"
            or "\u2010" <= ch <= "\u2026" or ch in "·×÷°")


def _score(text: str, ascii_counts: bool = False) -> float:
    """Share of characters that read as Chinese text (ASCII not counted unless asked)."""
    common = _common_chars()
    sample = text[:SAMPLE]
    good = total = 0
    for ch in sample:
        if ch.isascii():
            if not ascii_counts:
                continue
            good += ch.isprintable() or ch in "\r\n\t"
        else:
            good += _plausible(ch, common)
        total += 1
    return good / total if total else 1.0


# ------------------------------------------------------------------ HTML

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>")
BLOCK_TAGS = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "ul",
              "ol", "section", "article", "header", "footer", "title", "blockquote", "pre", "hr", "dt", "dd"}
RAW_TEXT_END = {name: re.compile(rf"<\s*/\s*{name}\s*>", re.I) for name in ("script", "style", "noscript", "template")}
CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""", re.I)


def strip_html(text: str) -> str:
    """Tags out, entities decoded, block elements become line breaks.

    Linear in the text however the markup is broken: a tag never spans
    another '<', unclosed comments and scripts end the text. Offsets of HTML
    input refer to this stripped text, which the provenance records as such
    (the original markup carries no news content)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = text.find("<", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        if text.startswith("<!--", j):
            k = text.find("-->", j + 4)
            i = n if k < 0 else k + 3
            continue
        if text.startswith(("<!", "<?"), j):
            k = text.find(">", j)
            i = n if k < 0 else k + 1
            continue
        m = TAG.match(text, j)
        if m is None:
            out.append("<")       # a lone '<' is text
            i = j + 1
            continue
        name = m.group(2).lower()
        i = m.end()
        if name in BLOCK_TAGS:
            out.append("\n")
        if name in RAW_TEXT_END and not m.group(1):
            end = RAW_TEXT_END[name].search(text, i)
            i = n if end is None else end.end()
    return html.unescape("".join(out))


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares, when it is one we read (gbk -> gb18030, its superset)."""
    m = CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return {"gbk": "gb18030", "gb2312": "gb18030", "euc_cn": "gb18030"}.get(name, name) \
        if name in ("utf-8", "gbk", "gb2312", "euc_cn", "gb18030", "big5", "cp950", "big5hkscs") else None


# ------------------------------------------------------------------ files

def read_file(path: str) -> RawText:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    is_html = path.lower().endswith(HTML_SUFFIXES)
    text = encoding = None
    declared = declared_charset(data) if is_html and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                          codecs.BOM_UTF16_BE)) else None
    if declared:
        decoded = _strict(data, declared)
        # A page that lies about its encoding (or a GB page that is really Big5) is detected instead.
        if decoded is not None and (declared == "utf-8" or _score(decoded[0]) >= MIN_SCORE):
            text, encoding = _accept(decoded, declared), declared
    if text is None:
        text, encoding = decode(data)
    meta = None
    if is_html:
        meta = meta_date(text)
        text = strip_html(text)
        encoding += "+html"
    return RawText(path=path, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), meta=meta)


def readable_name(name: str) -> str:
    """A file name for ids and labels: bytes that are not UTF-8 (lone surrogates in Python) become U+FFFD."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")

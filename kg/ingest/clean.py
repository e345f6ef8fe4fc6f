"""Clean text from raw text: fold full-width ASCII, and join page-layout line breaks.

Newspaper pages break lines where the column ends, not where the sentence does:
"加快\n\n省“五个100”项目" is one sentence, and a column can even carry a
headline in the middle of a sentence ("…的先进硬质材料产\n\n让硬质合金“硬”起来\n\n园建设…").
We join such breaks and move the interrupting short lines after the joined
paragraph, keeping an offset map back to the original file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from ..lexicon.names import is_han
from ..model import OffsetMap
from .patterns import dateline, is_byline_line, source_named

TERMINAL = set("。!?;…)】」』")
CLOSERS = set("”’\"'")
CONTINUERS = set(",、:(“《")
ENDS_WITH_DATE = re.compile(r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
BODY_WIDTH = 25        # a line this long that stops mid-sentence was cut by the column
HEADLINE_MAX = 30      # lines up to this long may be headings or captions dropped into a sentence
MAX_SKIPPED = 2


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in "\u3000\t\xa0"})
    # Traditional -> simplified, only for characters simplified text never uses (kg/data/SOURCES.md).
    rows = resources.files("kg.data").joinpath("t2s.tsv").read_text(encoding="utf-8").splitlines()[1:]
    table.update({ord(t): s for t, s in (row.split("\t") for row in rows)})
    return table


FOLD = _fold_table()


def fold_char(ch: str) -> str:
    """Full-width ASCII to half-width, odd spaces to space, traditional to simplified; one char in, one out."""
    return FOLD.get(ord(ch), ch)


def fold(text: str) -> str:
    """fold_char over a whole string, at C speed; the length never changes."""
    return text.translate(FOLD)


@dataclass
class Line:
    text: str      # folded, stripped
    start: int     # original offset of text[0]
    after_blank: bool = False   # a blank line stands before it


@dataclass
class Block:
    """A paragraph of clean text: one or more original lines joined."""

    start: int
    end: int
    displaced: bool = False   # a heading or caption that interrupted a sentence


def split_lines(raw: str) -> list[Line]:
    lines = []
    blank = False
    for m in re.finditer(r"[^\r\n]+|\r?\n(?:[ \t\u3000\xa0]*\r?\n)+", raw):
        seg = m.group()
        if seg[0] in "\r\n":
            blank = True          # two line breaks or more: a blank line
            continue
        stripped = seg.strip(" \t\u3000\xa0\ufeff")
        if not stripped:
            blank = True
            continue
        lead = seg.index(stripped[0])
        lines.append(Line(fold(stripped), m.start() + lead, blank))
        blank = False
    return lines


def blank_paragraphs(lines: list[Line]) -> bool:
    """Does the file set its paragraphs apart with blank lines? Then a line break with no
    blank line after a line that stops mid-sentence is the layout's, not the writer's."""
    return len(lines) >= 4 and sum(ln.after_blank for ln in lines) * 2 >= len(lines)


def is_terminal(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return True
    if t[-1] in CLOSERS:
        return len(t) >= 2 and (t[-2] in TERMINAL or t[-2] in "!?")
    return t[-1] in TERMINAL or t[-1] in "!?"


def unbalanced(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count("《") > text.count("》") or text.count("(") > text.count(")")


def junction_is_word(a: str, b: str, has_word) -> bool:
    if not a or not b or not ("\u4e00" <= a[-1] <= "\u9fff" and "\u4e00" <= b[0] <= "\u9fff"):
        return False
    return any(has_word(w) for w in (a[-1] + b[0], a[-2:] + b[0], a[-1] + b[:2]) if len(w) >= 2)


def is_cut(text: str, nxt: str, has_word, tight: bool = False) -> bool:
    """Does this line stop in the middle of a sentence that `nxt` continues? `tight`: no blank
    line parts them in a file whose paragraphs are parted by blank lines."""
    if is_terminal(text) or is_byline_line(nxt) or dateline(nxt) or source_named(text) or source_named(nxt) \
            or ENDS_WITH_DATE.search(text):
        return False       # 来源:…  发布时间:2024-03-05 is a line of its own
    return (len(text) >= BODY_WIDTH or text[-1] in CONTINUERS or unbalanced(text)
            or junction_is_word(text, nxt, has_word) and not headline_like(nxt)
            or tight and len(nxt) >= BODY_WIDTH and is_han(text[-1]) and is_han(nxt[0]))


def headline_like(text: str) -> bool:
    return len(text) <= HEADLINE_MAX and not is_terminal(text)


def clean(raw: str, has_word=lambda w: False) -> tuple[str, OffsetMap, list[Block]]:
    """Return clean text (blocks joined by '\n'), its offset map, and its blocks."""
    lines = split_lines(raw)
    parts: list[str] = []
    offsets = OffsetMap()
    blocks: list[Block] = []
    pos = 0

    def emit(pieces: list[Line], displaced=False):
        nonlocal pos
        if blocks or parts:
            parts.append("\n")
            pos += 1
        start = pos
        for ln in pieces:
            parts.append(ln.text)
            offsets.add(pos, ln.start, len(ln.text))
            pos += len(ln.text)
        blocks.append(Block(start, pos, displaced))

    i, n = 0, len(lines)
    spaced = blank_paragraphs(lines)
    while i < n:
        pieces, held = [lines[i]], []
        i += 1
        while i < n and is_cut(pieces[-1].text, lines[i].text, has_word, spaced and not lines[i].after_blank):
            last = pieces[-1].text
            skip = 0
            # Interrupting headings/captions: skip them when the word does not run on into them.
            while (skip < MAX_SKIPPED and i + skip + 1 < n and headline_like(lines[i + skip].text)
                   and not junction_is_word(last, lines[i + skip].text, has_word)
                   and not is_byline_line(lines[i + skip + 1].text)
                   and not lines[i + skip + 1].text.startswith(("株洲日报", "湖南日报"))):
                skip += 1
            if skip and (len(last) < BODY_WIDTH and last[-1] not in CONTINUERS):
                break   # a short unfinished line before headings is itself a heading
            held.extend(lines[i:i + skip])
            pieces.append(lines[i + skip])
            i += skip + 1
        emit(pieces)
        for h in held:
            emit([h], displaced=True)
    return "".join(parts), offsets, blocks

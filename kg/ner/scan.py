"""Reading a text fast: folding it as the build does, where its tokens start and end, and
every occurrence of a set of words (found from their last characters, in C)."""
from __future__ import annotations

import functools
import re
from importlib import resources

from ..extract.tokens import Token
from ..lexicon.names import is_han


@functools.cache
def fold_table() -> dict[int, str]:
    """kg.ingest.clean's folding (full-width ASCII to half-width, odd spaces, traditional
    to simplified), one character in, one out; read here to keep the ingest package,
    which `kg ner` does not need, out of its start-up."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in "\u3000\t\xa0"})
    rows = resources.files("kg.data").joinpath("t2s.tsv").read_text(encoding="utf-8").splitlines()[1:]
    table.update({ord(t): s for t, s in (row.split("\t") for row in rows)})
    return table


def fold(text: str) -> str:
    """The text as the build reads it (full-width punctuation folded, traditional to simplified);
    one character for one, so offsets do not move."""
    return text.translate(fold_table())


class TokenIndex:
    """Where tokens start and end. tokenize() cuts the text into contiguous tokens, so a token
    starts where the one before ends: one dict serves both lookups."""

    def __init__(self, tokens: list[Token]) -> None:
        self.by_end = {t.end: k for k, t in enumerate(tokens)}
        self.count = len(tokens)

    def ending_at(self, end: int) -> int | None:
        return self.by_end.get(end)

    def starting_at(self, start: int) -> int | None:
        if start == 0:
            return 0 if self.count else None
        k = self.by_end.get(start)
        return k + 1 if k is not None and k + 1 < self.count else None

    def is_start(self, start: int) -> bool:
        return self.starting_at(start) is not None


def char_class(chars) -> re.Pattern:
    """A pattern matching any one of `chars`: the text is scanned for them in C, not word by word."""
    return re.compile("[" + "".join(sorted({re.escape(c) for c in chars})) + "]")


class WordFinder:
    """Every occurrence of a set of words in a text, as (index of its last character, value), longest
    first where several end at one place: what an Aho-Corasick automaton's iter() gives. Found by
    scanning the text for the words' last characters (in C), then comparing the few words that end
    with the two characters there; on Chinese text this beats an automaton whose root has a child for
    every first character."""

    def __init__(self, words: dict[str, object]) -> None:
        self.single = {w: v for w, v in words.items() if len(w) == 1}
        self.by_last_two: dict[str, list[tuple[str, object]]] = {}
        for w, v in sorted(words.items(), key=lambda wv: (-len(wv[0]), wv[0])):
            if len(w) > 1:
                self.by_last_two.setdefault(w[-2:], []).append((w, v))
        self.last = char_class(w[-1] for w in words) if words else None

    def iter(self, text: str):
        if self.last is None:
            return
        get, single = self.by_last_two.get, self.single
        for m in self.last.finditer(text):
            end = m.end()
            for w, v in get(text[end - 2:end], ()) if end >= 2 else ():
                if len(w) <= end and text.startswith(w, end - len(w)):
                    yield end - 1, v
            if text[end - 1] in single:
                yield end - 1, single[text[end - 1]]


def is_han_word(word: str) -> bool:
    return all(map(is_han, word))


def stem_is_function(stem: str) -> bool:
    """The stem of a name starts with a number, a determiner or a direction (一家, 各, 上下): no name."""
    return stem[:1] in "一二三四五六七八九十两几多这那每各全首本该此某上下左右" or stem.isdigit()

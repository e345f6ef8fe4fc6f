"""What the words around a name-shaped match say against it: the head of a thing after it
(夏威夷|水岸), a cut title's closing mark, quotation marks, a function word read as a surname (结果|和凯).
"""
from __future__ import annotations

from ...lexicon.names import is_han
from ...model import Mention
from ..tokens import has_word
from .base import char_tag
from .cues import PersonWords

CLOSERS = {"》": "《", "”": "“"}


def names_no_one(text: str, m: Mention, title_ends: frozenset[int], words: PersonWords,
                 openers: dict[str, int]) -> bool:
    """A name-shaped match that the words around it say names a thing, ends a cut title or is a
    function word (cheap first tests: a character in a set). `openers`: first_openers(text)."""
    nxt = text[m.end:m.end + 1]
    return nxt in words.thing_after_firsts and (names_a_thing(text, m.end, words)
                                                or _closes_cut_title(text, m.start, m.end, openers)) \
        or m.text[0] in "于和与" and _joins_words(text, m.start, m.text[0], title_ends, words)


def names_a_thing(text: str, end: int, words: PersonWords) -> bool:
    """夏威夷|水岸, 纪晓岚|故居, 华瀚|国际, 托马斯|岛: a name before the head of a place, a sight,
    a firm or a product is part of that name, not a person (张明|山东: 山东 is a word, no head)."""
    return text.startswith(words.thing_after, end) \
        or text[end:end + 1] in words.thing_after_chars and not has_word(text[end:end + 2])


def _joins_words(text: str, start: int, ch: str, title_ends: frozenset[int], words: PersonWords) -> bool:
    """横行|于世, 来自|于丽泽, 结果|和凯: 于 after a verb or a preposition, 和 or 与 after a word, is a
    function word, not a surname (but 副县长|于建斌, 被告|于海: a title or a word that takes a person)."""
    if start == 0 or start in title_ends or not is_han(text[start - 1]) or text.endswith(words.before_name, 0, start):
        return False
    return ch != "于" or char_tag(text[start - 1]) in ("p", "v", "vg")


def first_openers(text: str) -> dict[str, int]:
    """Where the first opening mark of each closing mark of CLOSERS is in text (-1: none)."""
    return {closer: text.find(opener) for closer, opener in CLOSERS.items()}


def _closes_cut_title(text: str, start: int, end: int, openers: dict[str, int]) -> bool:
    """叶问》将上映, 杰西卡·阿尔巴”的票房: a name before a closing title mark or quotation mark
    whose opening one the text lacks before it (the text starts inside the title) ends a work's
    title or a term."""
    first = openers.get(text[end:end + 1])
    return first is not None and not 0 <= first < start


def quoted(text: str, start: int, end: int) -> bool:
    """“黄金周”, “姚仙”: a word in quotation marks is a term, a brand or a nickname."""
    return text[start - 1:start] in ("“", "\"", "'", "‘") and text[end:end + 1] in ("”", "\"", "'", "’")

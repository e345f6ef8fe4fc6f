"""Foreign names whose parts a name dot or a hyphen joins into one, whatever characters they are
written in (刘易斯·卡洛尔, 詹姆斯·c·斯特拉斯, 弗朗西斯-福德-科波拉).
"""
from __future__ import annotations

import functools
import re

from ...lexicon.names import is_han
from ...model import Mention
from ..tokens import Token
from .base import NAME_JOINERS, person
from .cues import PersonWords, is_translit, translit_chars
from .foreign import is_ordinary


@functools.cache
def _hyphen_re() -> re.Pattern:
    chars = "".join(sorted(translit_chars()))
    # a match starts where a run of the characters starts (so a long run is read once, not from each character)
    return re.compile(f"(?<![{chars}])[{chars}]{{2,}}(?:-(?:[{chars}]{{2,}}|[A-Za-z]))*-[{chars}]{{2,}}")


def hyphened_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """福雷斯特-阿伦, 弗朗西斯-福德-科波拉: parts of a foreign name in transliteration
    characters joined by a hyphen are one name, unless a place's word follows (劳拉-克劳馥|路)."""
    if "-" not in text:
        return []
    out = []
    bounds = {t.start for t in tokens} | {t.end for t in tokens}
    for m in _hyphen_re().finditer(text):
        if m.start() in bounds and m.end() in bounds and not text.startswith(words.place_after, m.end()) \
                and text[m.end():m.end() + 1] not in words.place_endings:
            out.append(person(m.start(), m.end(), m.group(), HYPHENED, "hyphened"))
    return out


HYPHENED = 1.5
DOTTED = 1.2
DOT_PART_TAGS = {"nr", "nrt", "nrfg", "ns", "nz", "n", "x", "j", "ng", "eng", "vn", "v", "a", "q"}
MAX_DOT_PART = 6


def dotted_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """迈克尔·坎宁安, 刘易斯·卡洛尔: a name dot joins the parts of one foreign name,
    whatever characters they are written in; a dot left hanging ends it (哈罗德·)."""
    if not any(dot in text for dot in NAME_JOINERS):
        return []
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].word not in NAME_JOINERS or i == 0 or not _dot_part(tokens[i - 1]):
            i += 1
            continue
        k = i - 1
        while k > 0 and is_translit(tokens[k - 1].word) and not is_ordinary(tokens[k - 1]) \
                and tokens[k - 1].pos in DOT_PART_TAGS and tokens[i - 1].end - tokens[k - 1].start <= MAX_DOT_PART:
            k -= 1
        start, end, j = tokens[k].start, tokens[i].end, i
        while j < n and tokens[j].word in NAME_JOINERS:
            if j + 3 < n and _initial(tokens[j + 1].word) and tokens[j + 2].word in NAME_JOINERS \
                    and _dot_part(tokens[j + 3]):
                j += 2          # 詹姆斯·c·斯特拉斯: a middle initial between two dots
            if j + 1 < n and _dot_part(tokens[j + 1]):
                j += 1
                end = tokens[j].end
                while j + 1 < n and is_translit(tokens[j + 1].word) and not is_ordinary(tokens[j + 1]) \
                        and tokens[j + 1].end - tokens[j].start <= MAX_DOT_PART:
                    j += 1
                    end = tokens[j].end
                j += 1
            else:
                end = tokens[j].end if j + 1 >= n or not is_han(text[tokens[j].end]) else tokens[j].start
                break
        name = text[start:end]
        if len(name.strip(NAME_JOINERS)) >= 2 and name not in words.not_names and not _chinese_dotted(name):
            out.append(person(start, end, name, DOTTED, "dotted"))
        i = max(j, i + 1)
    return out


def _initial(word: str) -> bool:
    return len(word) == 1 and ("a" <= word <= "z" or "A" <= word <= "Z")


def by_dot(text: str, start: int, end: int) -> bool:
    """A name dot right after or right before text[start:end]."""
    return end < len(text) and text[end] in NAME_JOINERS or start > 0 and text[start - 1] in NAME_JOINERS


DOTS = re.compile("[" + NAME_JOINERS + "]")


def _chinese_dotted(name: str) -> bool:
    """龙湖·花墅, 首开·常青藤: parts that are none of them in transliteration characters name an
    estate, a brand or a slogan, not a foreign person."""
    parts = [p for p in DOTS.split(name) if p]
    return (len(parts) >= 2 or parts == [name]) and not any(is_translit(p) for p in parts)


def _dot_part(tok: Token) -> bool:
    return tok.pos in DOT_PART_TAGS and 1 <= len(tok.word) <= MAX_DOT_PART and all(is_han(c) for c in tok.word)

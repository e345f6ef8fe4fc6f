"""Names right after a title: a surname and one or two characters between a title and a verb of
saying or a byline's word (分析师温彬表示), and a reporter's name ending a byline (本报记者官平).
"""
from __future__ import annotations

import re

from ...lexicon.names import is_han
from ...model import Mention
from ..tokens import Token, has_word
from .base import FUNCTION_TAGS, char_tag, person, surname_len
from .chinese import addressed, no_given_name
from .cues import PersonWords, is_place


def titled_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """A surname and one or two characters between a title and a verb of saying (or a
    byline's word) is a name, however rare its characters (分析师温彬表示, 秘书长钟彬先生);
    so are two or three characters ending a reporter's byline, whatever the surname
    (本报记者官平, (记者渠宏伟), 记者区明明文/图)."""
    out = []
    for end in title_ends:
        byline = text.endswith(words.byline_titles, 0, end)
        for length in (4, 3, 2):
            name = text[end:end + length]
            if length == 4 and surname_len(name) != 2:
                continue        # four characters: 司徒明强, a compound surname and two given characters
            if len(name) == length and all(is_han(c) for c in name) and not no_given_name(name, words) \
                    and not (length == 3 and addressed(text, end, end + length, words)) \
                    and ((surname_len(name) or _unknown_name(name))
                         and text.startswith(words.said_or_byline, end + length)
                         or byline and _byline_end(text, end + length) and char_tag(name[0]) != "p"
                         and not is_place(name)) \
                    and name not in words.not_names:
                # a compound surname's name outranks its given part read as a name (司徒|文涛)
                out.append(person(end, end + length, name, 1.2 if length == 4 else 0.9, "titled"))
                break
    return out


def _unknown_name(name: str) -> bool:
    """栗浩然: no surname this reader knows, but no word either, nor a function word and what follows."""
    return not has_word(name) and not has_word(name[:2]) and char_tag(name[0]) not in FUNCTION_TAGS


# What ends a byline's name: 文/图, 摄, a place and 报道 or 电 (记者蒋家明香港报道).
BYLINE_END = re.compile(r"$|[)、\s/]|文/|摄|[\u4e00-\u9fff]{2,3}(?:报道|电)")


def _byline_end(text: str, end: int) -> bool:
    """The name of a byline ends here: the text or the bracket ends, another name or the
    byline's words follow, or a place (in the gazetteer or a world city) and 报道."""
    m = BYLINE_END.match(text, end)
    if not m:
        return False
    if m.end() - end <= 2:
        return True
    place = m.group()[:-2] if m.group().endswith("报道") else m.group()[:-1]
    return is_place(place)

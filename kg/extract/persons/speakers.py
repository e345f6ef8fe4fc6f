"""Names where a text hands over to a person: an interview's speaker opening a line (姜山:…), a
columnist heading a column (孙一刀火线解盘:…), a name before a link to a blog (林觉(blog)).
"""
from __future__ import annotations

import re

from ...lexicon.names import is_han
from ...model import Mention
from ..tokens import Token, has_word
from .base import person, shape_score, surname_len
from .chinese import no_given_name
from .cues import PersonWords

SPEAKER = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{2,4}):")
# A columnist's heading: the name, the column, a colon (张路足彩推荐:, 陆明慧火线解盘:).
COLUMN = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{3,12}):")


def blogged_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """林觉(blog): the two or three characters with a surname before a link to a blog name a
    person (not a film's title: 《剑雨》(blog) ends with a bracket)."""
    if "(" not in text:
        return []
    out = []
    for m in words.blog_link.finditer(text):
        end, best = m.start(), None
        for length in (3, 2):
            name = text[end - length:end]
            if len(name) == length and all(is_han(c) for c in name) and surname_len(name) \
                    and not no_given_name(name, words) and name not in words.not_names:
                score = shape_score(name)
                if best is None or score > best[0]:
                    best = (score, name)
        if best and best[0] > 0:
            out.append(person(end - len(best[1]), end, best[1], best[0] + 0.8, "speaker"))
    return out


def speaker_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """金石明:… — the speaker opening a line of an interview, whatever the segmenter made of it;
    a columnist's name heading a column (詹俊足彩推荐:)."""
    if ":" not in text:
        return []
    out = []
    for m in SPEAKER.finditer(text):
        name = m.group(1)
        score = shape_score(name)
        if score >= 0.3 and name not in words.not_names:
            out.append(person(m.start(1), m.end(1), name, score + 0.5, "speaker"))
    for m in COLUMN.finditer(text):
        name = _column_name(m.group(1), words)
        if name and name not in words.not_names:
            out.append(person(m.start(1), m.start(1) + len(name), name, shape_score(name) + 0.5, "speaker"))
    return out


def _column_name(heading: str, words: PersonWords) -> str | None:
    """The name before the column's title: the split after which a word starts (詹俊|足彩推荐, 关一刀|火线解盘)."""
    for length in (3, 2):
        name, rest = heading[:length], heading[length:]
        if len(rest) >= 2 and any(w in rest for w in words.column_words) and surname_len(name) \
                and shape_score(name) >= 0.2 \
                and (has_word(rest[:2]) or has_word(rest[:3]) or rest.startswith(words.column_words)):
            return name
    return None

"""Names where a text hands over to a person: an interview's speaker opening a line (姜山:…), a
columnist heading a column (孙一刀火线解盘:…), a name before a link to a blog (林觉(blog)).
"""
from __future__ import annotations

import re

from ..tokens import has_word
from .base import PersonMatch, _is_han, _surname_len, name_score
from .chinese import no_given_name
from .cues import COLUMN_WORDS, not_names

SPEAKER = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{2,4}):")
# Sina's link to a person's blog or microblog after the name (林觉(blog), 陈冰(微博), 黄静(听歌blog)).
BLOG_LINK = re.compile(r"\((?:blog|微博|博客|听歌blog)\)")


def _blogged(text: str) -> list[PersonMatch]:
    """林觉(blog): the two or three characters with a surname before a link to a blog name a
    person (not a film's title: 《剑雨》(blog) ends with a bracket)."""
    if "(" not in text:
        return []
    out = []
    for m in BLOG_LINK.finditer(text):
        end, best = m.start(), None
        for length in (3, 2):
            name = text[end - length:end]
            if len(name) == length and all(_is_han(c) for c in name) and _surname_len(name) \
                    and not no_given_name(name) and name not in not_names():
                score = name_score(name)
                if best is None or score > best[0]:
                    best = (score, name)
        if best and best[0] > 0:
            out.append(PersonMatch(end - len(best[1]), end, best[1], best[0] + 0.8, "speaker"))
    return out



def _speakers(text: str) -> list[PersonMatch]:
    """金石明:… — the speaker opening a line of an interview, whatever the segmenter made of it."""
    if ":" not in text:
        return []
    out = []
    for m in SPEAKER.finditer(text):
        name = m.group(1)
        score = name_score(name)
        if score >= 0.3 and name not in not_names():
            out.append(PersonMatch(m.start(1), m.end(1), name, score + 0.5, "speaker"))
    for m in COLUMN.finditer(text):
        name = _column_name(m.group(1))
        if name and name not in not_names():
            out.append(PersonMatch(m.start(1), m.start(1) + len(name), name, name_score(name) + 0.5, "speaker"))
    return out


# A columnist's heading: the name, the column, a colon (张路足彩推荐:, 陆明慧火线解盘:).
COLUMN = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{3,12}):")


def _column_name(heading: str) -> str | None:
    """The name before the column's title: the split after which a word starts (詹俊|足彩推荐, 关一刀|火线解盘)."""
    for length in (3, 2):
        name, rest = heading[:length], heading[length:]
        if len(rest) >= 2 and any(w in rest for w in COLUMN_WORDS) and _surname_len(name) \
                and name_score(name) >= 0.2 and (has_word(rest[:2]) or has_word(rest[:3]) or rest.startswith(COLUMN_WORDS)):
            return name
    return None

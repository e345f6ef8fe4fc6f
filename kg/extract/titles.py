"""Titles: a core post title (书记, 县长, 院长; kg/data/titles.tsv) with the
modifiers written before it inside the title (副, 常务副, 党组; title_modifiers.txt).
Occupations and ranks that are no post (主任医师; non_posts.txt) are left out."""
from __future__ import annotations

import functools
import re

from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .tokens import Token

OFFICE_AFTER = ("办", "处")


@functools.cache
def title_pattern(lexicon: Lexicon) -> re.Pattern:
    terms = lexicon.terms
    cores = sorted(terms.titles, key=len, reverse=True)
    mods = sorted(terms.modifiers, key=len, reverse=True)
    return re.compile(rf"(?P<mods>(?:{'|'.join(map(re.escape, mods))})*)(?P<core>{'|'.join(map(re.escape, cores))})")


def find_titles(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Every title in the sentence, in text order; attrs["core"] is the core title (县长 of 常务副县长)."""
    non_posts = lexicon.terms.non_posts
    hits = []
    for m in title_pattern(lexicon).finditer(sentence):
        start, end = m.start(), m.end()
        after = sentence[end:end + 3]
        if any(len(np) > end - start and sentence.startswith(np, start) for np in non_posts) or any(
                (m.group("core") + after).startswith(np) and len(np) > len(m.group("core")) for np in non_posts):
            continue   # 主任医师 is a rank, not a post; 护士长 is a post though 护士 is none
        if m.group("core") in ("委员", "常委") and after[:1] == "会" or after[:1] in OFFICE_AFTER:
            continue   # 委员会, 人大常委会; 河长办, 书记处: a body named after the post
        hits.append(Mention("title", start, end, m.group(0), {"core": m.group("core")}, "title-word"))
    return hits

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
    # the lookahead on first characters lets the engine skip most positions at once
    firsts = re.escape("".join(sorted({w[0] for w in cores} | {w[0] for w in mods})))
    return re.compile(rf"(?=[{firsts}])(?P<mods>(?:{'|'.join(map(re.escape, mods))})*)"
                      rf"(?P<core>{'|'.join(map(re.escape, cores))})")


@functools.cache
def non_posts_by_first(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """The occupations and ranks that are no post (主任医师), by their first character."""
    out: dict[str, list[str]] = {}
    for word in sorted(lexicon.terms.non_posts):
        out.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in out.items()}


def find_titles(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Every title in the sentence, in text order; attrs["core"] is the core title (县长 of 常务副县长)."""
    non_posts = non_posts_by_first(lexicon)
    hits = []
    for m in title_pattern(lexicon).finditer(sentence):
        start, end = m.start(), m.end()
        after, core = sentence[end:end + 3], m.group("core")
        if any(len(np) > end - start and sentence.startswith(np, start) for np in non_posts.get(sentence[start], ())) \
                or any((core + after).startswith(np) and len(np) > len(core) for np in non_posts.get(core[0], ())):
            continue   # 主任医师 is a rank, not a post; 护士长 is a post though 护士 is none
        if core in ("委员", "常委") and after[:1] == "会" or after[:1] in OFFICE_AFTER:
            continue   # 委员会, 人大常委会; 河长办, 书记处: a body named after the post
        hits.append(Mention("title", start, end, m.group(0), {"core": core}, "title-word"))
    return hits

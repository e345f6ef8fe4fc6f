"""Recognisers: each a function `find_<kind>(sentence, tokens, lexicon) -> list[Mention]`
over one sentence's text and tokens, like a spaCy pipeline component over a Doc.

tokens      segmentation with POS tags (rjieba), primed with our lexicons
regions     administrative places: gazetteer names, villages by suffix, development zones
orgs        institutions: place + stem + suffix, departments, anaphora (该院)
titles      post titles (书记, 常务副县长)
posts       title chains and the names after them: person Mentions with their titles
appointments  任免 notices: appointed, nominated, elected, dismissed
programs    named policies, projects, campaigns
persons/    personal names anywhere in a sentence, one reader a module
spans       growing a name leftwards from its head word (shared by orgs, regions, programs)

`recognise` runs them over one sentence; kg.resolve reads the mentions in
the article's context.
"""
from __future__ import annotations

from ..ingest.patterns import AUTHOR_NOTE
from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .appointments import find_appointments
from .orgs import find_orgs
from .posts import find_author_posts, find_posts
from .programs import find_programs
from .regions import find_places
from .tokens import Token, tokenize

__all__ = ["find_places", "recognise", "tokenize"]


def recognise(sentence: str, tokens: list[Token], lexicon: Lexicon, places: list[Mention]) -> list[Mention]:
    """The institutions, posts and programs of one sentence whose places (find_places) are
    known, in that order. An author note's posts ("(作者系…)") are a person Mention with no
    name (rule author-note): the byline names the author."""
    mentions = find_orgs(sentence, tokens, lexicon)
    note = author_note(sentence)
    if note is not None:
        start, body = note
        titles = find_author_posts(body, lexicon)
        if titles:
            mentions.append(Mention("person", start, start, "", {"titles": titles}, "author-note", 0.9))
    else:
        notices = find_appointments(sentence, tokens, lexicon)
        spans = [(t.start, t.end) for p in notices for t in p.attrs["titles"]]
        mentions += notices + [p for p in find_posts(sentence, tokens, lexicon, places)
                               if not any(s <= p.start < e for s, e in spans)]
    return mentions + find_programs(sentence, tokens, lexicon)


def author_note(sentence: str) -> tuple[int, str] | None:
    """(where its body starts, the body) of an author note closing an article: (作者系…)."""
    m = AUTHOR_NOTE.search(sentence)
    if m and m.group(1) == "作者系":
        return m.start("body"), m.group("body")
    return None

"""The NER view of one text: typed, non-overlapping mentions (person, title, institution with a
subtype, region), the spans `kg ner` prints and the CLUENER2020 benchmark scores."""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from ..extract.persons import find_persons
from ..extract.persons.chinese import glued_last, no_given_name
from ..extract.persons.context import names_a_thing
from ..extract.persons.cues import not_names
from ..extract.persons.foreign import uncued
from ..extract.posts import read_name
from ..extract.tokens import Token, tokenize
from ..lexicon.lexicon import Lexicon
from ..lexicon.names import load_surnames, person_name_score
from .addresses import countries, find_addresses
from .brands import find_brands
from .institutions import find_institutions
from .latin import find_latin_firms
from .scan import TokenIndex, fold
from .settle import settle
from .span import NORMAL, WEAK, Span
from .sports import club_words, clubs_in, find_teams, is_sports
from .titles import find_titles

# How well a name the build's reader finds after a title must read as a name (person_name_score).
READ_MIN = 0.36


def recognise(original: str, lexicon: Lexicon) -> list[dict]:
    """Typed mentions of `original`, in text order, `end` exclusive:
    {"start", "end", "type", "subtype", "text"}, offsets and text those of `original`."""
    text = fold(original)      # as the build reads text (full-width punctuation folded); same length
    tokens = tokenize(text, lexicon)
    index = TokenIndex(tokens)
    titles = find_titles(text, tokens, index, lexicon)
    # a match report: its words (比赛, 首发阵容…), or a club's name of three characters or more (切尔西)
    sports = is_sports(text) or not club_words().isdisjoint(map(itemgetter(0), tokens))
    spans = (find_addresses(text, tokens, sports, index, lexicon) + find_institutions(text, tokens, index, lexicon)
             + titles + _persons(text, tokens, frozenset(t.end for t in titles), lexicon) + find_latin_firms(text)
             + find_brands(text, tokens))
    if sports:
        spans = find_teams(text, tokens, spans + clubs_in(text, tokens))
    if titles:
        spans = _no_person_inside(spans, titles)
    if "《" in text:
        inside = _in_title_marks(text)
        spans = [s for s in spans if not inside(s)]
    return [s.as_dict(original) for s in settle(text, spans)]


def _persons(text: str, tokens: list[Token], title_ends: frozenset[int], lexicon: Lexicon) -> list[Span]:
    """The person reader's names (a foreign name without a person's cue is weak: in a match report
    it is a team), and the build's reading of a name after each title where it reads like a name."""
    out = [Span(m.start, m.end, "person", "", WEAK if uncued(m) else NORMAL)
           for m in find_persons(text, tokens, title_ends) if m.text not in countries()]
    surnames = load_surnames()
    found = {s.start: s.end for s in out}
    for end in sorted(title_ends):
        if text[end:end + 1] not in surnames and text[end:end + 2] not in surnames \
                and not text.startswith(lexicon.sequence("posts", "saying"), end + 2):
            continue                   # no name can start here (read_name needs a surname or 说/表示 after)
        name = read_name(text, end, lexicon)    # the build's reading of the name after a post title
        if name and not no_given_name(name[0]) and person_name_score(name[0]) >= READ_MIN \
                and name[0] not in not_names() \
                and not (found.get(end, 0) == end + len(name[0]) - 1 and glued_last(text, end, end + len(name[0]))) \
                and not names_a_thing(text, end + len(name[0])):
            # the reader's name, not the build's with a word glued to it (画家李涛|的作品, 副部长马涛|在, 董事长李诚|李总)
            out.append(Span(end, end + len(name[0]), "person", "", NORMAL))
    return out


def _no_person_inside(spans: list[Span], titles: list[Span]) -> list[Span]:
    """档案中心副主任王晓东办公室, 里昂主帅加西亚: no institution's name holds a title and a
    person after it; the grammar ran over them, so the institution goes and they stay."""
    persons = sorted((s.start, s.end) for s in spans if s.type == "person" and s.strength >= NORMAL)
    if not persons:
        return spans
    inner_titles = sorted((t.start, t.end) for t in titles)
    return [s for s in spans if s.type != "institution" or not _holds(inner_titles, s.start, s.end, False)
            or not _holds(persons, s.start, s.end, True)]


def _holds(inner: list[tuple[int, int]], start: int, end: int, proper: bool) -> bool:
    """Does [start, end) hold one of `inner` (sorted (start, end) pairs), other than itself when
    `proper`? Only the pairs starting inside are read."""
    k = bisect_left(inner, (start,))
    while k < len(inner) and inner[k][0] < end:
        if inner[k][1] <= end and not (proper and inner[k] == (start, end)):
            return True
        k += 1
    return False


def _in_title_marks(text: str):
    """A test of a span: is it inside 《…》, the title of a book, film or game (《哈利·波特》), whose
    words name no one here? (An opening mark before it with no closing one between, and a closing
    mark after it.)"""
    opens = [m.start() for m in re.finditer("《", text)]
    closes = [m.start() for m in re.finditer("》", text)]
    last_close = closes[-1] if closes else -1

    def inside(span: Span) -> bool:
        k = bisect_left(opens, span.start) - 1
        if k < 0 or last_close < span.end:
            return False
        j = bisect_left(closes, span.start) - 1
        return j < 0 or closes[j] < opens[k]
    return inside

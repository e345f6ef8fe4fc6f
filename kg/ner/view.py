"""The NER view of one text: typed, non-overlapping mentions (person, title, institution with a
subtype, region), the spans `kg ner` prints and the CLUENER2020 benchmark scores."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..extract.tokens import tokenize
from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .addresses import find_addresses
from .brands import find_brands
from .institutions import find_institutions
from .latin import find_latin_firms
from .persons import find_ner_persons
from .scan import TokenIndex, fold
from .settle import settle
from .span import NORMAL, as_dict
from .sports import clubs_in, find_teams, is_sports
from .titles import find_titles


def recognise(original: str, lexicon: Lexicon) -> list[dict]:
    """Typed mentions of `original`, in text order, `end` exclusive:
    {"start", "end", "type", "subtype", "text"}, offsets and text those of `original`."""
    text = fold(original)      # as the build reads text (full-width punctuation folded); same length
    tokens = tokenize(text, lexicon)
    index = TokenIndex(tokens)
    titles = find_titles(text, tokens, index, lexicon)
    sports = is_sports(text, tokens, lexicon)
    title_ends = frozenset(t.end for t in titles)
    spans = (find_addresses(text, tokens, sports, index, lexicon) + find_institutions(text, tokens, index, lexicon)
             + titles + find_ner_persons(text, tokens, title_ends, lexicon) + find_latin_firms(text, lexicon)
             + find_brands(text, tokens))
    if sports:
        spans = find_teams(text, tokens, spans + clubs_in(text, tokens, lexicon), lexicon)
    if titles:
        spans = _no_person_inside(spans, titles)
    if "《" in text:
        inside = _in_title_marks(text)
        spans = [s for s in spans if not inside(s)]
    return [as_dict(m, original) for m in settle(text, spans, lexicon)]


def _no_person_inside(spans: list[Mention], titles: list[Mention]) -> list[Mention]:
    """档案中心副主任王晓东办公室, 里昂主帅加西亚: no institution's name holds a title and a
    person after it; the grammar ran over them, so the institution goes and they stay."""
    persons = sorted((s.start, s.end) for s in spans if s.kind == "person" and s.confidence >= NORMAL)
    if not persons:
        return spans
    inner_titles = sorted((t.start, t.end) for t in titles)
    return [s for s in spans if s.kind != "institution" or not _holds(inner_titles, s.start, s.end, False)
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

    def inside(span: Mention) -> bool:
        k = bisect_left(opens, span.start) - 1
        if k < 0 or last_close < span.end:
            return False
        j = bisect_left(closes, span.start) - 1
        return j < 0 or closes[j] < opens[k]
    return inside

"""Names in lists (、和与及): an item too weak to stand alone is a person when the item next to it
is one (吴待春、吴子明).
"""
from __future__ import annotations

from ..intervals import Taken
from ..posts import PUNCT
from .base import PersonMatch
from .cues import BEFORE_NAME, LIST_END, PLACE_ENDINGS
from .foreign import CUED

LIST_SEPARATORS = ("、", "和", "与", "及", "以及", "同")
LIST_CHARS = frozenset("、和与及同")
# What a name in a list with a recognised person must score on its own (吴待春、吴子明, 邓恩和里德).
LISTED_CHINESE = 0.4
LISTED_FOREIGN = 0.0


def _listed(text: str, accepted: list[PersonMatch], weak: list[PersonMatch], taken: Taken) -> list[PersonMatch]:
    """Items of a list are of one kind: a name-shaped item too weak to stand alone is
    a person when the item next to it is one (a foreign name only with a person's cue)."""
    if not weak or not LIST_CHARS.intersection(text):
        return []
    anchors = [m for m in accepted if m.rule != "foreign" or m.score >= CUED]
    ends = {m.end for m in anchors}
    starts = {m.start for m in anchors}
    pool = [m for m in weak if m.score >= (LISTED_FOREIGN if m.rule == "foreign" else LISTED_CHINESE)]
    out: list[PersonMatch] = []
    grown = True
    while grown:
        grown = False
        for m in pool:
            before = next((sep for sep in LIST_SEPARATORS if text.endswith(sep, 0, m.start)), None)
            after = next((sep for sep in LIST_SEPARATORS if text.startswith(sep, m.end)), None)
            if m.text[-1] in PLACE_ENDINGS:
                continue
            if (before and m.start - len(before) in ends and (after or _item_end(text, m.end))
                or after and m.end + len(after) in starts and (before or _item_start(text, m.start))) \
                    and taken.take(m.start, m.end):
                out.append(PersonMatch(m.start, m.end, m.text, max(m.score, CUED), m.rule + "-listed"))
                ends.add(m.end)
                starts.add(m.start)
                grown = True
    return out


def _item_end(text: str, end: int) -> bool:
    """The list item ends here: punctuation, the end, or what is said of people (等, 两人)."""
    return end >= len(text) or text[end] in PUNCT or text[end] in "(" or text.startswith(LIST_END, end)


def _item_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in PUNCT or text.endswith(BEFORE_NAME, 0, start)

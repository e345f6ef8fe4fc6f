"""Names in lists (、和与及): an item too weak to stand alone is a person when the item next to it
is one (吴待春、吴子明).
"""
from __future__ import annotations

from heapq import heappop, heappush

from ...model import Mention
from ..intervals import Taken
from ..posts import PUNCT
from .base import person
from .cues import PersonWords
from .foreign import CUED

# What a name in a list with a recognised person must score on its own (吴待春、吴子明, 邓恩和里德).
LISTED_CHINESE = 0.4
LISTED_FOREIGN = 0.0


def listed_names(text: str, accepted: list[Mention], weak: list[Mention], taken: Taken,
                 words: PersonWords) -> list[Mention]:
    """Items of a list are of one kind: a name-shaped item too weak to stand alone is
    a person when the item next to it is one (a foreign name only with a person's cue).

    The items are read in passes, in text order, until a pass adds none; an item is read
    again only when a name was added next to it (in the same pass if it comes later in the
    text, in the next pass if earlier), so a long list costs its length, not its square."""
    if not weak or not words.list_chars.intersection(text):
        return []
    anchors = [m for m in accepted if m.rule != "foreign" or m.confidence >= CUED]
    ends = {m.end for m in anchors}
    starts = {m.start for m in anchors}
    pool = [m for m in weak if m.confidence >= (LISTED_FOREIGN if m.rule == "foreign" else LISTED_CHINESE)]
    separators = words.list_separators
    # per item: the end of a name before it and the start of a name after it that would make it an item
    needs: list[tuple[int | None, int | None]] = []
    after_end: dict[int, list[int]] = {}      # an end -> the items waiting for a name ending there
    before_start: dict[int, list[int]] = {}   # a start -> the items waiting for a name starting there
    for k, m in enumerate(pool):
        before = next((sep for sep in separators if text.endswith(sep, 0, m.start)), None)
        after = next((sep for sep in separators if text.startswith(sep, m.end)), None)
        end_before = m.start - len(before) if before and (after or _item_end(text, m.end, words)) else None
        start_after = m.end + len(after) if after and (before or _item_start(text, m.start, words)) else None
        if m.text[-1] in words.place_endings:
            end_before = start_after = None
        needs.append((end_before, start_after))
        if end_before is not None:
            after_end.setdefault(end_before, []).append(k)
        if start_after is not None:
            before_start.setdefault(start_after, []).append(k)
    queue = [(0, k) for k in range(len(pool)) if needs[k] != (None, None)]
    read: set[tuple[int, int]] = set()
    out: list[Mention] = []
    while queue:
        rnd, k = heappop(queue)
        if (rnd, k) in read:
            continue
        read.add((rnd, k))
        m = pool[k]
        end_before, start_after = needs[k]
        if (end_before in ends or start_after in starts) and taken.take(m.start, m.end):
            out.append(person(m.start, m.end, m.text, max(m.confidence, CUED), m.rule + "-listed"))
            ends.add(m.end)
            starts.add(m.start)
            for j in after_end.get(m.end, []) + before_start.get(m.start, []):
                heappush(queue, (rnd if j > k else rnd + 1, j))
    return out


def _item_end(text: str, end: int, words: PersonWords) -> bool:
    """The list item ends here: punctuation, the end, or what is said of people (等, 两人)."""
    return end >= len(text) or text[end] in PUNCT or text[end] in "(" or text.startswith(words.list_end, end)


def _item_start(text: str, start: int, words: PersonWords) -> bool:
    return start == 0 or text[start - 1] in PUNCT or text.endswith(words.before_name, 0, start)

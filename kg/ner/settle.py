"""Settling the NER view's candidate spans: the strongest, then the longest, wins an overlap; then
an institution right after another becomes its branch, untyped items of a list take their
neighbours' type, and a venue run by an institution is an address."""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..extract.intervals import Taken
from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .institutions import subtype_of
from .span import WEAK, retyped, span, subtype

RULES = "ner"         # kg/data/rules/ner.txt
TYPES = ("person", "title", "institution", "region")     # the order that settles a tie
LIST_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,6}")
ITEM_CHAR = re.compile(r"(?![等和与及的])[\u4e00-\u9fffA-Za-z0-9]")
LIST_TYPES = ("institution",)
MAX_NAME = 40         # characters; a parent, a branch and a department


class SettleWords(NamedTuple):
    venues: tuple[str, ...]            # [venues]: a building where things take place (会议中心, 球场)
    generic_heads: tuple[str, ...]     # [generic_heads]: no branch starts with one (相关, 各)


@functools.cache
def settle_words(lexicon: Lexicon) -> SettleWords:
    return SettleWords(lexicon.sequence(RULES, "venues"), lexicon.sequence(RULES, "generic_heads"))


def settle(text: str, spans: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Non-overlapping spans in text order: by strength, then length, then position, then type."""
    chosen: list[Mention] = []
    taken = Taken(len(text))
    for s in sorted(spans, key=lambda s: (-s.confidence, -(s.end - s.start), s.start, TYPES.index(s.kind))):
        if taken.take(s.start, s.end):
            chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    words = settle_words(lexicon)
    joined = _join_branches(text, chosen, words.generic_heads)
    return [_venue(text, s, words.venues) for s in _coordinated(text, joined)]


def _venue(text: str, m: Mention, venues: tuple[str, ...]) -> Mention:
    """洛杉矶国际会议中心, 伯纳乌球场: a building where things take place is an address, whoever runs it."""
    if m.kind == "institution" and subtype(m) != "government" and text.endswith(venues, m.start, m.end):
        return retyped(m, "region", "venue")
    return m


def _coordinated(text: str, spans: list[Mention]) -> list[Mention]:
    """招行、浦发、民生: the items of a list are of one kind; an item the rules
    missed takes the type of a recognised neighbour."""
    if "、" not in text:
        return spans
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    added: list[Mention] = []
    taken = Taken(len(text))
    for s in spans:
        taken.take(s.start, s.end)
    seps = [m.start() for m in re.finditer("、", text)]
    for order in (seps, seps[::-1]):
        for sep in order:
            for item_start, item_end, neighbour in _list_neighbours(text, sep, by_start, by_end):
                if neighbour.kind in LIST_TYPES and LIST_ITEM.fullmatch(text[item_start:item_end]) \
                        and taken.take(item_start, item_end):
                    new = span(neighbour.kind, item_start, item_end, text, WEAK, "list-item", subtype(neighbour))
                    added.append(new)
                    by_start[new.start], by_end[new.end] = new, new
    return sorted(spans + added, key=lambda s: s.start)


def _list_neighbours(text: str, sep: int, by_start: dict, by_end: dict):
    """(start, end, typed neighbour) for the untyped item on either side of the 、 at `sep`."""
    before, after = by_end.get(sep), by_start.get(sep + 1)
    if after is not None and before is None:
        start = sep
        while start > 0 and ITEM_CHAR.match(text, start - 1) and sep - start < 6:
            start -= 1
        yield start, sep, after
    if before is not None and after is None:
        end = sep + 1
        while end < len(text) and ITEM_CHAR.match(text, end) and end - sep - 1 < 6:
            end += 1
        yield sep + 1, end, before


def _join_branches(text: str, spans: list[Mention], generic_heads: tuple[str, ...]) -> list[Mention]:
    """招行|广州分行, 中国电影集团公司|营销策划分公司: an institution written right after
    another is its branch or department, and the two are one name; so is a place
    written right before an institution (北京市|住建委, 黎巴嫩|防空部队); not one that starts
    with a generic head (相关部门, 各银行)."""
    out: list[Mention] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("institution", "region") and s.kind == "institution" \
                and prev.end == s.start and text[prev.end - 1] not in "、和与及" \
                and not text.startswith(generic_heads, s.start) and s.end - prev.start <= MAX_NAME:
            joined = subtype(prev) if prev.kind == "institution" else subtype_of(text[prev.start:s.end], subtype(s))
            out[-1] = span("institution", prev.start, s.end, text, max(prev.confidence, s.confidence), "branch", joined)
        else:
            out.append(s)
    return out

"""Foreign names in Chinese characters: runs of transliteration characters (阿德巴约, 德罗巴) that
the segmenter does not read as ordinary words, with the words around saying whether each names a
person, a place or (in a match report) a team.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from ...model import Mention
from ..tokens import Token, has_word
from .base import NAME_JOINERS, THRESHOLD, person
from .cues import PersonWords, is_place, is_translit, role_words, translit_chars, translit_run, world_places

FOREIGN_PART_TAGS = {"nr", "nrt", "nrfg", "x", "ns", "n", "nz", "ng", "v", "q", "m", "a", "d", "j"}
FOREIGN_THRESHOLD = 0.4
PLACE_AS_PERSON = 0.6
# A foreign name scoring this much has a person's cue (a role before it, 说 or 伤愈 after it).
CUED = 0.5

# What a Chinese-looking name in transliteration characters (桑普) needs beyond the threshold to be cued.
TRANSLIT_CUE = 0.3


def uncued(m: Mention) -> bool:
    """A foreign name (桑普, 切尔西) with no person's cue around it: in a match report, a team."""
    return m.rule == "foreign" and m.confidence < CUED \
        or m.rule == "chinese" and m.confidence < THRESHOLD + TRANSLIT_CUE and is_translit(m.text)


def whole_foreign(found: list[Mention]) -> list[Mention]:
    """贝尼|蒂斯, 霍芬|海姆: a "Chinese" name in transliteration characters that a foreign
    name runs on past is the start of that foreign name, which takes its score, short of
    a person's cue (in a match report it may be a team: 费耶|诺德)."""
    foreign = {m.start: m for m in found if m.rule == "foreign"}
    if not foreign:
        return found
    cut = {}
    for m in found:
        f = foreign.get(m.start)
        if m.rule == "chinese" and f is not None and f.end > m.end and is_translit(m.text):
            cut[id(m)] = f
    # 卡|马克说: a "Chinese" name inside a foreign name, in its characters, is a part of it
    spans = sorted((f.start, f.end) for f in foreign.values())
    starts, reach = [s for s, _ in spans], list(accumulate((e for _, e in spans), max))   # the furthest end so far
    inner = {id(m) for m in found if m.rule == "chinese" and m.start not in foreign and is_translit(m.text)
             and (k := bisect_left(starts, m.start) - 1) >= 0 and reach[k] >= m.end}
    if inner:
        found = [m for m in found if id(m) not in inner]
    if not cut:
        return found
    best = {}
    for m in found:
        if id(m) in cut:
            f = cut[id(m)]
            best[id(f)] = max(best.get(id(f), f.confidence), min(m.confidence, CUED - 0.05))
    return [m._replace(confidence=best[id(m)]) if id(m) in best else m for m in found if id(m) not in cut]


def foreign_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """Runs of transliteration characters the segmenter does not read as ordinary words, scored by
    the words around them (德罗巴伤愈, 主教练科比斯基)."""
    if not translit_run().search(text):
        return []               # no transliteration character: no foreign name
    blocked = words.not_names
    # Only a word that can start a foreign name can start a run: the others are skipped unread.
    part, firsts = _foreign_start(words.glued_before_foreign)
    starts = [k for k, t in enumerate(tokens) if t.word[0] in firsts and part(t.word)]
    runs = []
    n = len(tokens)
    i = 0
    for k in starts:
        if k < i:
            continue            # inside the run found before
        i = j = k
        parts = []
        glued = glued_first(tokens, i, words)
        if glued:
            parts.append(glued)     # 有斯|库利, 和沃|克尔: a word glued to the start of the name
            j += 1
        while j < n:
            w = tokens[j].word
            if tokens[j].pos in FOREIGN_PART_TAGS and is_translit(w) and not is_ordinary(tokens[j]) \
                    or (w in NAME_JOINERS and parts and j + 1 < n and is_translit(tokens[j + 1].word)):
                parts.append(tokens[j])
                j += 1
            else:
                break
        if not parts:
            continue
        i = j
        start, end = parts[0].start, parts[-1].end
        if j < n and _glued_last(tokens[j], words):
            end += 1            # 韦斯特|伍说, 洛伦|特与: the name's last character glued to what follows
        name = text[start:end]
        if len(name) >= 2 and name not in blocked:
            runs.append((start, end, parts))
    out = []
    groups = _groups(text, runs, words)
    long_lists = _long_lists(text, runs, groups, words) if len(runs) >= 3 else set()
    for (start, end, parts), (first, last) in zip(runs, groups):
        score = _foreign_score(text, start, end, parts, first, last, words) + (0.3 if start in title_ends else 0.0)
        if (first, last) in long_lists:
            score += LONG_LIST      # 布洛维奇、马特里尼和卡斯特拉诺: three foreign names name people
        # a place unless said of a person: 德罗巴伤愈
        place = len(parts) == 1 and parts[0].pos == "ns" or text[start:end] in world_places()
        out.append(person(start, end, text[start:end], score, "foreign",
                          PLACE_AS_PERSON if place else FOREIGN_THRESHOLD))
    return out


@functools.cache
def _foreign_start(glue: frozenset[str]) -> tuple[Callable[[str], re.Match | None], frozenset[str]]:
    """A test of a word that can start a foreign name, written in transliteration characters,
    perhaps after a one-character word of `glue` glued to its first one (有斯|库利), and the first
    characters of such words."""
    glue_class = "".join(sorted(map(re.escape, glue)))
    chars = "".join(sorted(map(re.escape, translit_chars())))
    return re.compile(f"[{glue_class}]?[{chars}]+").fullmatch, translit_chars() | glue


# Evidence for each item of a list of three foreign names or more, none a place or a club.
LONG_LIST = 0.4


def _long_lists(text: str, runs: list, groups: list[tuple[int, int]], words: PersonWords) -> set[tuple[int, int]]:
    """The lists of three runs or more none of which is a place or a club (the places and clubs
    are listed as often as the people)."""
    size: dict[tuple[int, int], int] = {}
    bad = set()
    is_club = words.is_club
    for (start, end, parts), bounds in zip(runs, groups):
        size[bounds] = size.get(bounds, 0) + 1
        name = text[start:end]
        if is_place(name) or is_club(name):
            bad.add(bounds)
    return {bounds for bounds, k in size.items() if k >= 3 and bounds not in bad}


def _groups(text: str, runs: list, words: PersonWords) -> list[tuple[int, int]]:
    """(start of the first, end of the last) of the list each run is an item of
    (迪亚比和纳斯里受伤: what is said after the list is said of every item)."""
    bounds = []
    k = 0
    while k < len(runs):
        j = k
        while j + 1 < len(runs) and text[runs[j][1]:runs[j + 1][0]] in words.group_separators:
            j += 1
        bounds += [(runs[k][0], runs[j][1])] * (j - k + 1)
        k = j + 1
    return bounds


def _glued_last(tok: Token, words: PersonWords) -> bool:
    """伍说, 特与, 诺均: a transliteration character and a one-character word after a name,
    which the segmenter read as one word."""
    w = tok.word
    return len(w) == 2 and w[0] in translit_chars() and w[1] in words.glued_after_foreign and not has_word(w)


def glued_first(tokens: list[Token], i: int, words: PersonWords) -> Token | None:
    """有斯|库利, 令法|夫尔: the first character of a foreign name glued to a one-character word
    before it; the rest of the name follows. Returns the name's part of the token."""
    tok = tokens[i]
    w = tok.word
    if len(w) >= 2 and w[0] in words.glued_before_foreign and is_translit(w[1:]) and not has_word(w) \
            and i + 1 < len(tokens) and is_translit(tokens[i + 1].word) and not is_ordinary(tokens[i + 1]):
        return Token(w[1:], tok.pos, tok.start + 1, tok.end)
    return None


def is_ordinary(tok: Token) -> bool:
    """历史, 基本: a dictionary word that is no name, though written in transliteration characters."""
    return len(tok.word) >= 2 and tok.pos in ("n", "v", "a", "d", "vn", "ad", "m", "q", "r", "c", "p") \
        and has_word(tok.word)


def _foreign_score(text: str, start: int, end: int, parts: list[Token], first: int, last: int,
                   words: PersonWords) -> float:
    """Evidence for a foreign name at [start, end), in a list running from `first` to `last`."""
    name = text[start:end]
    score = 0.2 if len(name) >= 3 else 0.0
    if any(t.word in NAME_JOINERS for t in parts):
        score += 0.4
    if len(parts) == 1 and parts[0].pos == "nrt" and len(name) >= 3:
        score += 0.2
    before, after = text[max(0, first - 6):first], text[last:last + 4]
    if before.endswith(words.person_roles) or _role_before(before, words):
        score += 0.6          # a role is the strongest cue: 国脚丹尼, 主教练科比斯基
    if after.startswith(words.speech_after):
        score += 0.4          # a team does not speak: 贝尼特斯解释说
    elif after.startswith(words.foreign_person_after):
        score += 0.3
    if after.startswith(words.player_after) or before.endswith(words.player_before):
        score += 0.4          # said only of a person: 托雷斯伤愈, 老板贝鲁斯科尼
    if after.startswith(words.team_after) or before.endswith(words.team_before):
        score -= 0.3
    if before.endswith(words.place_before) or after.startswith(words.place_after):
        score -= 0.3          # 在威尼斯, 奥兰多市: a foreign place
    return score


def _role_before(before: str, words: PersonWords) -> bool:
    roles = role_words()
    return any(before.endswith(w) and w not in words.not_person_roles
               for w in (before[-k:] for k in range(2, 6)) if w in roles)


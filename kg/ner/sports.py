"""Match reports (the NER view): a sentence is one when it holds a match's words, a team's record or a
club's name; there a city or a club without a person's cue is the team (曼联主场战胜阿森纳), and a foreign
name that is neither is a player (科雷萨罗的发挥).
"""
from __future__ import annotations

import functools
import re
from operator import itemgetter
from typing import NamedTuple

from ..extract.persons import char_tag, is_ordinary, is_place, is_translit, person_words, translit_chars
from ..extract.tokens import Token, has_word, word_count
from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .clubs import (
    CLUB_PREFIX,
    bookmakers,
    club_like,
    club_names,
    club_start,
    club_words,
    clubs,
    longest_club,
    sports_terms,
)
from .span import NORMAL, WEAK, retyped, span

RULES = "sports"      # kg/data/rules/sports.txt

# A team's record (3胜1平2负, 1平8负) or a score (2-0, 0比3) in the sentence: a match report too.
RECORD_RE = re.compile(r"\d(?:胜\d|平\d|负|[-比]\d(?![\d.-]))")
# How often (in the segmenter's dictionary) a noun may occur and still be read as a player's name.
RARE_NOUN = 100


class SportsWords(NamedTuple):
    cues: re.Pattern                   # [sports_cues]: the words of a match report (比赛, 首发阵容)
    not_team_after: tuple[str, ...]    # after a place, not a team (球场, 市)
    locative_before: tuple[str, ...]   # before a place, not a team (在, 前往): ner.txt [locative_before]
    noun_name_after: tuple[str, ...]   # after a rare noun that is a player's name (说, 伤愈, 也)
    not_player_after: tuple[str, ...]  # after a club's or a ground's name, not a player's (公园, 队)
    versus: tuple[str, ...]            # vs, VS: between two teams
    place_endings: frozenset[str]      # the person readers' place endings (镇, 宫)


@functools.cache
def sports_words(lexicon: Lexicon) -> SportsWords:
    seq = functools.partial(lexicon.sequence, RULES)
    pw = person_words(lexicon)
    return SportsWords(re.compile("|".join(map(re.escape, seq("sports_cues")))), seq("not_team_after"),
                       lexicon.sequence("ner", "locative_before"),
                       pw.speech_after + pw.player_after + pw.after_person + seq("noun_name_after"),
                       seq("not_player_after"), seq("versus"), pw.place_endings)


def is_sports(text: str, tokens: list[Token], lexicon: Lexicon) -> bool:
    """A match report: its words (比赛, 首发阵容…), a record or a score, or a club's name of three
    characters or more (切尔西)."""
    return sports_words(lexicon).cues.search(text) is not None or RECORD_RE.search(text) is not None \
        or not club_words().isdisjoint(map(itemgetter(0), tokens))


def find_teams(text: str, tokens: list[Token], spans: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """In a match report, places and clubs without a person's cue are teams; a foreign name that
    is no club (kg/data/ner_clubs.txt, or the start of one) nor a place is a player."""
    sw = sports_words(lexicon)
    out = []
    for s in spans:
        short = s.end - s.start <= 6
        name = text[s.start:s.end].replace("·", "")       # 威廉·希尔 is 威廉希尔
        person_like = short and s.kind == "person" and (s.confidence == WEAK and _teamish(text, s.start, s.end)
                                                        or name in clubs())
        if short and (s.kind == "region" or person_like) and _team_like(text, s.start, s.end, sw):
            if s.kind == "region" and is_translit(name) and text[s.end - 1] not in sw.place_endings \
                    and not text.endswith(sw.versus, 0, s.start) and not _teamish(text, s.start, s.end):
                # a foreign name the segmenter calls a place (伦德) but no place or club: a player
                out.append(retyped(s, "person", "player"))
            elif name not in sports_terms():
                out.append(retyped(s, "institution", "team", _club_kind(name), NORMAL))
        else:
            out.append(s)
    covered = bytearray(len(text))
    for s in out:
        if s.confidence >= NORMAL:
            covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and is_translit(tokens[j].word) and not is_ordinary(tokens[j]):
            j += 1
        if j == i and tokens[i].pos == "n" and len(tokens[i].word) == 2 and is_translit(tokens[i].word) \
                and text.startswith(sw.noun_name_after, tokens[i].end) and word_count(tokens[i].word) < RARE_NOUN:
            j = i + 1       # 扬格也, 胡珀的球队: a foreign name the dictionary lists as a rare noun (not 历史, 豪门)
        if j > i:
            start, end = tokens[i].start, tokens[j - 1].end
            if j < n and _glued_on(tokens[j]):
                end += 1            # 马蒂诺|斯会: the name's last character glued to the next word
            if end - start >= 2 and not any(covered[start:end]) and _team_like(text, start, end, sw):
                if text[start:end] in sports_terms():
                    pass            # 凯利指数: a term, no team
                elif _teamish(text, start, end):
                    out.append(span("institution", start, end, text, WEAK, "team", _club_kind(text[start:end])))
                elif (end - start >= 3 or _short_player(text, start, end, tokens[i].pos)) \
                        and not text.startswith(sw.not_player_after, end) and not text.endswith(sw.versus, 0, start):
                    # a foreign name that no cue made a person, but no club either: a player (科雷萨罗)
                    out.append(span("person", start, end, text, WEAK, "player"))
            i = j
        else:
            i += 1
    return out


def _glued_on(tok: Token) -> bool:
    w = tok.word
    return len(w) == 2 and w[0] in translit_chars() and not has_word(w) and not is_translit(w)


def _club_kind(name: str) -> str:
    """The subtype of a team's span: a betting house (威廉希尔, 立博) is a company."""
    return "company" if any(name.startswith(b) for b in bookmakers()) else "other"


def _short_player(text: str, start: int, end: int, pos: str) -> bool:
    """鲁卡, 佩顿: a two-character foreign name in a match report is a player when it stands whole
    (no transliteration character glued on either side: 奥林匹亚|科斯), is no dictionary word unless
    the dictionary calls it a foreign name (佩顿; but 多达, 多 a number) and starts no club's name
    (沙尔 for 沙尔克)."""
    name = text[start:end]
    return text[start - 1:start] not in translit_chars() and text[end:end + 1] not in translit_chars() \
        and (pos == "nrt" and char_tag(name[0]) != "m" or pos == "n" or not has_word(name)) and not club_start(name)


def _teamish(text: str, start: int, end: int) -> bool:
    """A club (or the start or end of its name, 米德尔), a country or a city: a team in a match
    report, also where the segmenter cut the club's first characters off (费|耶诺德, 比|莱切) or glued
    a word after it (威廉希尔|凯比值), or two clubs written together (罗马米兰)."""
    name = text[start:end]
    longest = longest_club()       # no club's name is longer: the tests below read no further
    return club_like(name) or club_like(name[1:]) or club_like(text[max(0, start - 1):end]) \
        or club_like(text[max(0, start - 2):end]) or is_place(name) or len(name) == 2 and club_start(name) \
        or any(club_like(name[:k]) for k in range(CLUB_PREFIX, min(len(name), longest + 1))) \
        or any(club_like(name[:k]) and club_like(name[k:])
               for k in range(max(2, len(name) - longest), min(len(name) - 1, longest + 1)))


def clubs_in(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """蓝军, 国米, 皇马: in a match report a word that is a club's usual name is the team."""
    names = club_names()
    sw = sports_words(lexicon)
    out = []
    for k, t in enumerate(tokens):
        end, word = t.end, t.word
        if word not in names and k + 1 < len(tokens):
            end, word = tokens[k + 1].end, word + tokens[k + 1].word    # 国际|米兰: a name the segmenter cut
            if word not in names:
                continue
        elif word not in names:
            continue
        if _team_like(text, t.start, end, sw):
            out.append(span("institution", t.start, end, text, WEAK, "club", _club_kind(word)))
    return out


def _team_like(text: str, start: int, end: int, sw: SportsWords) -> bool:
    """Not a place: 在米兰, 罗马市, 米兰球场 are places even in a match report."""
    after = text[end:end + 4]
    before = text[max(0, start - 2):start]
    return not after.startswith(sw.not_team_after) and not before.endswith(sw.locative_before)

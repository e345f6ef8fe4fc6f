"""Match reports (the NER view): a sentence is one when it holds a match's words, a team's record or a
club's name; there a city or a club without a person's cue is the team (曼联主场战胜阿森纳), and a foreign
name that is neither is a player (科雷萨罗的发挥).
"""
from __future__ import annotations

import functools
import re

from ..extract.persons.base import char_tag
from ..extract.persons.cues import (AFTER_PERSON, CLUB_PREFIX, PLACE_ENDINGS, PLAYER_CUES_AFTER, SPEECH_AFTER, bookmakers,
                                    club_like, club_start, clubs, is_place, is_translit, sports_terms, translit_chars)
from ..extract.persons.foreign import is_ordinary
from ..extract.tokens import Token, has_word, word_count
from .span import NORMAL, WEAK, Span

# In a match report a city or a foreign name stands for the team (米兰, 利物浦, 拉齐奥).
SPORTS_CUES = ("比赛", "赛季", "联赛", "主场", "客场", "球队", "进球", "射门", "战胜", "击败", "逼平", "让球", "盘口",
               "主胜", "客胜", "赔率", "足彩", "胜负彩", "欧冠", "英超", "意甲", "西甲", "德甲", "法甲", "中超", "积分",
               "主帅", "教练", "球迷", "平局", "比分", "vs", "VS", "联赛杯", "足总杯", "国家队", "国脚", "前锋", "后卫",
               "中场", "门将", "降级", "保级", "争冠", "夺冠", "冷门", "上轮", "本轮", "首回合", "次回合", "小组赛",
               "淘汰赛", "决赛", "半决赛", "NBA", "球员", "球场", "德比", "大胜", "不敌", "负于", "输给", "交锋", "交手",
               "替补", "缺阵", "伤停", "入球", "中锋", "锋线", "防线", "破门", "助攻", "点球", "红牌", "梅开二度",
               "帽子戏法", "转会", "租借", "联盟杯", "世界杯", "欧洲杯", "足总", "博彩", "用兵", "首发阵容", "首发出场", "伤愈", "边锋", "中卫", "后腰", "射手", "执教", "球星",
               "稳胆", "双选", "防冷", "平赔", "胜赔", "球半", "平半", "半球", "立博", "易胜博", "威廉希尔", "威廉·希尔",
               "bet365", "必发")
NOT_TEAM_AFTER = ("球场", "体育场", "体育馆", "市", "省", "人", "的球场", "时间")


SPORTS_RE = re.compile("|".join(map(re.escape, SPORTS_CUES)))
# A team's record (3胜1平2负, 1平8负) or a score (2-0, 0比3) in the sentence: a match report too.
RECORD_RE = re.compile(r"\d(?:胜\d|平\d|负|[-比]\d(?![\d.-]))")


@functools.cache
def club_words() -> frozenset[str]:
    """Clubs' names of three characters or more (切尔西, 阿森纳): no shorter, which are cities (罗马, 米兰)."""
    return frozenset(c for c in clubs() if len(c) >= 3)


def is_sports(text: str) -> bool:
    return SPORTS_RE.search(text) is not None or RECORD_RE.search(text) is not None


def find_teams(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """In a match report, places and clubs without a person's cue are teams; a foreign name that
    is no club (kg/data/ner_clubs.txt, or the start of one) nor a place is a player."""
    out = []
    for s in spans:
        short = s.end - s.start <= 6
        name = text[s.start:s.end].replace("·", "")       # 威廉·希尔 is 威廉希尔
        if short and (s.type == "region" or s.type == "person" and (s.strength == WEAK and _teamish(text, s.start, s.end)
                                                                     or name in clubs())) \
                and _team_like(text, s.start, s.end):
            if s.type == "region" and is_translit(name) and text[s.end - 1] not in PLACE_ENDINGS \
                    and not text.endswith(("vs", "VS"), 0, s.start) and not _teamish(text, s.start, s.end):
                # a foreign name the segmenter calls a place (伦德) but no place or club: a player
                out.append(Span(s.start, s.end, "person", "", s.strength))
            elif name not in sports_terms():
                out.append(Span(s.start, s.end, "institution", _club_kind(name), NORMAL))
        else:
            out.append(s)
    covered = bytearray(len(text))
    for s in out:
        if s.strength >= NORMAL:
            covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and is_translit(tokens[j].word) and not is_ordinary(tokens[j]):
            j += 1
        if j == i and tokens[i].pos == "n" and len(tokens[i].word) == 2 and is_translit(tokens[i].word) \
                and text.startswith(NOUN_NAME_AFTER, tokens[i].end) and word_count(tokens[i].word) < RARE_NOUN:
            j = i + 1       # 扬格也, 胡珀的球队: a foreign name the dictionary lists as a rare noun (not 历史, 豪门)
        if j > i:
            start, end = tokens[i].start, tokens[j - 1].end
            if j < n and _glued_on(tokens[j]):
                end += 1            # 马蒂诺|斯会: the name's last character glued to the next word
            if end - start >= 2 and not any(covered[start:end]) and _team_like(text, start, end):
                if text[start:end] in sports_terms():
                    pass            # 凯利指数: a term, no team
                elif _teamish(text, start, end):
                    out.append(Span(start, end, "institution", _club_kind(text[start:end]), WEAK))
                elif (end - start >= 3 or _short_player(text, start, end, tokens[i].pos)) \
                        and not text.startswith(NOT_PLAYER_AFTER, end) and not text.endswith(("vs", "VS"), 0, start):
                    # a foreign name that no cue made a person, but no club either: a player (科雷萨罗)
                    out.append(Span(start, end, "person", "", WEAK))
            i = j
        else:
            i += 1
    return out


# How often (in the segmenter's dictionary) a noun may occur and still be read as a player's name.
RARE_NOUN = 100
NOUN_NAME_AFTER = SPEECH_AFTER + PLAYER_CUES_AFTER + AFTER_PERSON + ("也", "的球队")


def _glued_on(tok: Token) -> bool:
    w = tok.word
    return len(w) == 2 and w[0] in translit_chars() and not has_word(w) and not is_translit(w)


def _club_kind(name: str) -> str:
    """The subtype of a team's span: a betting house (威廉希尔, 立博) is a company."""
    return "company" if any(name.startswith(b) for b in bookmakers()) else "other"


def _short_player(text: str, start: int, end: int, pos: str) -> bool:
    """鲁卡, 佩顿: a two-character foreign name in a match report is a player when it stands whole
    (no transliteration character glued on either side: 奥林匹亚|科斯), is no dictionary word unless
    the dictionary calls it a foreign name (佩顿; but 多达, 多 a number) and starts no club's name (沙尔 for 沙尔克)."""
    name = text[start:end]
    return text[start - 1:start] not in translit_chars() and text[end:end + 1] not in translit_chars() \
        and (pos == "nrt" and char_tag(name[0]) != "m" or pos == "n" or not has_word(name)) and not club_start(name)


# What follows a club's or a ground's name, not a player's (…公园, …vs, …队).
NOT_PLAYER_AFTER = ("公园", "vs", "VS", "队")


def _teamish(text: str, start: int, end: int) -> bool:
    """A club (or the start or end of its name, 米德尔), a country or a city: a team in a match
    report, also where the segmenter cut the club's first characters off (费|耶诺德, 比|莱切) or glued
    a word after it (威廉希尔|凯比值), or two clubs written together (罗马米兰)."""
    name = text[start:end]
    longest = _longest_club()       # no club's name is longer: the tests below read no further
    return club_like(name) or club_like(name[1:]) or club_like(text[max(0, start - 1):end]) \
        or club_like(text[max(0, start - 2):end]) or is_place(name) or len(name) == 2 and club_start(name) \
        or any(club_like(name[:k]) for k in range(CLUB_PREFIX, min(len(name), longest + 1))) \
        or any(club_like(name[:k]) and club_like(name[k:])
               for k in range(max(2, len(name) - longest), min(len(name) - 1, longest + 1)))


@functools.cache
def _longest_club() -> int:
    return max(map(len, clubs()))


@functools.cache
def _club_names() -> frozenset[str]:
    """Clubs and betting houses of kg/data/ner_clubs.txt (not its terms: 凯利, 德比)."""
    return clubs() - sports_terms()


def clubs_in(text: str, tokens: list[Token]) -> list[Span]:
    """蓝军, 国米, 皇马: in a match report a word that is a club's usual name is the team."""
    names = _club_names()
    out = []
    for k, t in enumerate(tokens):
        end, word = t.end, t.word
        if word not in names and k + 1 < len(tokens):
            end, word = tokens[k + 1].end, word + tokens[k + 1].word    # 国际|米兰: a name the segmenter cut
            if word not in names:
                continue
        elif word not in names:
            continue
        if _team_like(text, t.start, end):
            out.append(Span(t.start, end, "institution", _club_kind(word), WEAK))
    return out


LOCATIVE_BEFORE = ("在", "到", "于", "来到", "前往", "抵达", "位于", "赴", "飞往", "从", "来自")


def _team_like(text: str, start: int, end: int) -> bool:
    """Not a place: 在米兰, 罗马市, 米兰球场 are places even in a match report."""
    after = text[end:end + 4]
    before = text[max(0, start - 2):start]
    return not after.startswith(NOT_TEAM_AFTER) and not before.endswith(LOCATIVE_BEFORE)

"""The words the person readers look for: the sections of kg/data/ner_person_cues.txt (cue words
before and after a name, by rule), read once, and the small word lists of kg/data they share
(transliteration characters, world places, clubs, words that are no names, roles).
"""
from __future__ import annotations

import functools
import re

from ...lexicon.terms import data_lines, data_sections, data_words, load_terms
from ...lexicon.lexicon import rule_lists


@functools.cache
def _cue_lists() -> dict[str, tuple[str, ...]]:
    """The word lists of kg/data/ner_person_cues.txt, by [section]."""
    return {name: tuple(words) for name, words in data_sections("ner_person_cues.txt").items()}


def _cues(section: str) -> tuple[str, ...]:
    return _cue_lists()[section]


def _chars(section: str) -> frozenset[str]:
    return frozenset("".join(_cue_lists()[section]))


GLUE_CHARS_ = _chars("glue_before")
# What often precedes a bare name: a reference to a person's role or kin.
BEFORE_NAME = _cues("before_name")
AFTER_PERSON = rule_lists("posts")["after_name"] + _cues("after_person")
# Verbs before the name of a character an actor plays (扮演, 饰演).
PLAYED_BEFORE = _cues("played_before")
# Roles that are no post but name the person right after them (店主, 家庭主妇, 调解员).
ROLE_BEFORE = _cues("role_before")
# What follows a three-character name whose third character the segmenter joined to the next
# word (梅建|明文/摄, 张照|新分析, 黄信|敬昨日表示): a byline's 文 and 摄, a date.
AFTER_THIRD = _cues("after_third")
# What follows a person's name and not a thing's (林海导演的, 林海笔下, 生前).
WORK_AFTER = _cues("work_after")

# What a "given name" never is: 林先生, 郭老师, 王某 name no one.
NOT_GIVEN = _cues("not_given")

# One-character words that follow a name and that the segmenter glues to it (张博说, 齐骥在, 丁晟是).
GLUED_AFTER = _chars("glued_after")

PLACE_ENDINGS = _chars("place_endings")

# What follows a name between a title and the words it says or a byline (分析师温彬表示, 记者印立新发自).
TITLED_AFTER = _cues("titled_after")

# A reporter's title heading a byline (本报记者官平, (记者田冰)).
BYLINE_TITLES = _cues("byline_titles")

# Heads of places, sights, firms and goods (…故居, …火山, …国际, …岛): the name before one names the thing.
THING_AFTER = _cues("thing_after")
THING_AFTER_CHARS = _chars("thing_after_chars")

# What follows the last item of a list of people (张三和李四都…, 两人, 等人).
LIST_END = _cues("list_end")

# Words around a foreign name that say it names a person, or a team (阿森纳, 拉齐奥 read like names).
PERSON_ROLES = _cues("person_roles")
TEAM_CUES_AFTER = _cues("team_after")
TEAM_CUES_BEFORE = _cues("team_before")
CHINESE_TEAM_CUES_BEFORE = tuple(w for w in TEAM_CUES_BEFORE if w not in ("让", "与", "和", "面对", "看好"))
# What is said of a player, not of a team (德罗巴伤愈复出, 西塞等人).
PLAYER_CUES_AFTER = _cues("player_after")
# What is said before a player's or a coach's name (老板贝鲁斯科尼, 受伤的波多尔斯基, 引进了罗比尼奥).
PLAYER_CUES_BEFORE = _cues("player_before")

SPEECH_AFTER = _cues("speech_after")
NOT_PERSON_ROLES = _cues("not_person_roles")

AT_PERSON = _cues("at_person")
PLACE_CUES_BEFORE = _cues("place_before")
PLACE_CUES_AFTER = _cues("place_after")

LATIN_ROLES = _cues("latin_roles")
# What a person says and a company does not (a company 宣布, 称): Johnson说, Gibeau认为.
LATIN_SAID = tuple(w for w in SPEECH_AFTER if w not in ("宣布", "称", "解释")) + _cues("latin_after")

COLUMN_WORDS = _cues("column_words")

# Word lists joined once (they are defined in the sections above).
_SAID_OR_BYLINE = SPEECH_AFTER + TITLED_AFTER + AFTER_THIRD
_AFTER_GIVEN = NOT_GIVEN + AFTER_PERSON + SPEECH_AFTER + AFTER_THIRD
_SAID_OR_DATED = SPEECH_AFTER + AFTER_THIRD
_PERSON_AFTER = _cues("address_after") + WORK_AFTER
_NOT_GIVEN_LONG = tuple(w for w in NOT_GIVEN if len(w) >= 2)


@functools.cache
def translit_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("ner_translit_chars.txt")))


@functools.cache
def _translit_re() -> re.Pattern:
    return re.compile("[" + "".join(sorted(translit_chars())) + "]+")


def is_translit(word: str) -> bool:
    """Written only with transliteration characters (莫里尼奥)."""
    return bool(word) and word[0] in translit_chars() and _translit_re().fullmatch(word) is not None


@functools.cache
def world_places() -> frozenset[str]:
    """Countries, capitals and big cities (kg/data/ner_world_places.txt: 威尼斯, 卢森堡), and more
    places that read like names: states, resorts, sights (ner_more_places.txt: 夏威夷, 罗布泊)."""
    return data_words("ner_world_places.txt", "ner_more_places.txt")


@functools.cache
def _sports_names() -> dict[str, frozenset[str]]:
    """The sections of kg/data/ner_clubs.txt: clubs, bookmakers, terms."""
    return {name: frozenset(words) for name, words in data_sections("ner_clubs.txt").items()}


@functools.cache
def clubs() -> frozenset[str]:
    """Clubs, betting houses and terms of match reports (kg/data/ner_clubs.txt): 阿森纳, 威廉希尔, 凯利."""
    return frozenset().union(*_sports_names().values())


def sports_terms() -> frozenset[str]:
    """Words of match previews that name no one and no team (凯利 of 凯利指数, 德比)."""
    return _sports_names()["terms"]


def bookmakers() -> frozenset[str]:
    """Betting houses (威廉希尔, 立博): companies, not clubs."""
    return _sports_names()["bookmakers"]


# How short a start or an end of a club's name may be written (米德尔, 纽卡斯).
CLUB_PREFIX = 3


@functools.cache
def _club_forms() -> frozenset[str]:
    """The clubs and the starts and ends of their names a report writes for them (米德尔 for
    米德尔斯堡; 拉德巴赫, where the segmenter cut 门兴格|拉德巴赫)."""
    return frozenset([c[:k] for c in clubs() for k in range(min(CLUB_PREFIX, len(c)), len(c) + 1)]
                     + [c[-k:] for c in clubs() for k in range(CLUB_PREFIX, len(c))])


def club_like(word: str) -> bool:
    """A club's name or the start of one (米德尔, 纽卡斯): no player."""
    return word in _club_forms()


@functools.cache
def _club_starts() -> frozenset[str]:
    return frozenset(c[:2] for c in clubs())


def club_start(word: str) -> bool:
    """The first two characters of a club's name (沙尔 of 沙尔克)."""
    return word in _club_starts()


@functools.cache
def not_names() -> frozenset[str]:
    """Ordinary words that look like names (ner_not_names.txt) and companies and brands known
    worldwide (ner_brands.txt: 西门子, 爱马仕, 易胜博)."""
    return data_words("ner_not_names.txt", "ner_brands.txt")


@functools.cache
def role_words() -> frozenset[str]:
    """Posts, occupations and roles (主任, 专家, 记者): the build's titles and the NER view's."""
    return frozenset(w for w in data_words("ner_titles.txt") | set(load_terms().titles) if len(w) >= 2)


@functools.cache
def is_place(word: str) -> bool:
    """A world city or country, or a place of the gazetteer."""
    from ...lexicon.gazetteer import load_gazetteer
    return word in world_places() or bool(load_gazetteer().lookup(word))

"""The words the person readers look for: the sections of kg/data/rules/persons.txt (cue words
before and after a name, by rule) as one PersonWords per Lexicon, and the small word lists of
kg/data they share (transliteration characters, world places, words that are no names, roles).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ...lexicon.gazetteer import load_gazetteer
from ...lexicon.lexicon import Lexicon
from ...lexicon.terms import data_lines, data_words, load_terms
from .base import NO_EXTRAS, PersonExtras

RULES = "persons"     # kg/data/rules/persons.txt


class PersonWords:
    """What the person readers know for one Lexicon and one caller: the lexicon's person words (a
    field a section of rules/persons.txt unless said otherwise) and the caller's vetoes; read-only.
    (A class with slots, not a named tuple: the readers read its fields in their inner loops, and
    slots are read as fast as local names, a named tuple's fields by the slow path.)"""

    lexicon: Lexicon

    before_name: tuple[str, ...]      # a role or kin before a bare name, or a word that takes a person (叫, 由)
    after_person: tuple[str, ...]     # posts' [after_name] and [after_person]: what follows a name
    played_before: tuple[str, ...]    # 扮演, 饰演: a character played follows
    role_before: tuple[str, ...]      # roles that are no post but name the person after them (调解员)
    after_third: tuple[str, ...]      # after a third given character the segmenter glued on (…明|文/摄)
    work_after: tuple[str, ...]       # said of a person, not a thing (导演, 笔下, 生前)
    not_given: tuple[str, ...]        # what a given name never is (先生, 总, 某)
    not_given_long: tuple[str, ...]   # those of two characters or more
    not_given_first: frozenset[str]   # characters no given name starts with (某氏姓)
    glued_after: frozenset[str]       # one-character words glued after a name (说, 在)
    glued_after_foreign: frozenset[str]    # glued_after and more, after a foreign name (均)
    glue_before: frozenset[str]       # one-character words glued before a name (问, 由)
    glued_before_foreign: frozenset[str]   # glue_before and more, before a foreign name (有, 令)
    place_endings: frozenset[str]     # last characters of places and things (镇, 宫, 卡)
    titled_after: tuple[str, ...]     # between a titled name and what it says (发自, 报道)
    byline_titles: tuple[str, ...]    # 记者, 通讯员
    list_end: tuple[str, ...]         # after the last item of a list of people (等, 两人)
    list_separators: tuple[str, ...]  # between names of a list, in the order they are tried
    list_chars: frozenset[str]        # the last characters of the list separators
    group_separators: frozenset[str]  # between the foreign names of one group
    person_roles: tuple[str, ...]     # roles before a foreign name (主教练, 总统)
    not_person_roles: tuple[str, ...]      # title words before companies (开发商)
    team_after: tuple[str, ...]       # after a club's name (主场, 逼平)
    team_before: tuple[str, ...]      # before a club's name (迎战, 负于)
    chinese_team_before: tuple[str, ...]   # team_before less what stands before Chinese names as often (与)
    player_after: tuple[str, ...]     # said of a player or a coach, not of a team (伤愈)
    player_before: tuple[str, ...]    # said before a player's or a coach's name (老板)
    foreign_person_after: tuple[str, ...]  # after a foreign name of a person ((, 先生, 主演)
    speech_after: tuple[str, ...]     # verbs of saying and thinking
    at_person: tuple[str, ...]        # after a name after 在/到 when it is a person (看来, 生前)
    place_before: tuple[str, ...]     # before a foreign place (在, 前往)
    place_after: tuple[str, ...]      # after a foreign place (市, 机场)
    thing_after: tuple[str, ...]      # heads of places, sights, firms and goods (故居, 国际)
    thing_after_chars: frozenset[str]      # one-character heads of places (岛, 山)
    thing_after_firsts: frozenset[str]     # the first characters of what names_no_one looks at after a name
    column_words: tuple[str, ...]     # words of a column's title (推荐, 解盘)
    blog_link: re.Pattern             # a link to a blog after a name ((blog), (微博))
    said_or_byline: tuple[str, ...]   # speech_after + titled_after + after_third
    after_given: tuple[str, ...]      # not_given + after_person + speech_after + after_third
    said_or_dated: tuple[str, ...]    # speech_after + after_third
    person_after: tuple[str, ...]     # [address_after] + work_after
    not_names: frozenset[str]         # ner_not_names.txt and the caller's extra not-names (brands)
    is_club: Callable[[str], bool]    # the caller's: a team's name (no list of people holds one)

    __slots__ = tuple(__annotations__)

    def __init__(self, **fields) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, fields.pop(name))
        if fields:
            raise TypeError(f"PersonWords: unknown fields {sorted(fields)}")

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"PersonWords is read-only: {name}")

    def replace(self, **changes) -> PersonWords:
        """A copy with some fields changed."""
        return PersonWords(**{name: changes.get(name, getattr(self, name)) for name in self.__slots__})


@functools.cache
def person_words(lexicon: Lexicon, extras: PersonExtras = NO_EXTRAS) -> PersonWords:
    """The lexicon's person words with the vetoes of `extras`: its not_names join the words that
    name no one, its is_club says what is a team."""
    if extras != NO_EXTRAS:
        core = person_words(lexicon)
        return core.replace(not_names=core.not_names | extras.not_names, is_club=extras.is_club)
    seq = functools.partial(lexicon.sequence, RULES)

    def chars(section: str) -> frozenset[str]:
        return frozenset("".join(seq(section)))

    speech, after_third, not_given = seq("speech_after"), seq("after_third"), seq("not_given")
    after_person = lexicon.sequence("posts", "after_name") + seq("after_person")
    work_after, titled_after = seq("work_after"), seq("titled_after")
    team_before, not_chinese = seq("team_before"), frozenset(seq("team_before_not_chinese"))
    thing_after, thing_chars = seq("thing_after"), chars("thing_after_chars")
    separators = seq("list_separators")
    blog = "|".join(map(re.escape, seq("blog_links")))
    return PersonWords(
        lexicon=lexicon, before_name=seq("before_name"), after_person=after_person, played_before=seq("played_before"),
        role_before=seq("role_before"), after_third=after_third, work_after=work_after, not_given=not_given,
        not_given_long=tuple(w for w in not_given if len(w) >= 2), not_given_first=chars("not_given_first"),
        glued_after=chars("glued_after"), glued_after_foreign=chars("glued_after") | chars("glued_after_foreign"),
        glue_before=chars("glue_before"), glued_before_foreign=chars("glue_before") | chars("glued_before_foreign"),
        place_endings=chars("place_endings"), titled_after=titled_after, byline_titles=seq("byline_titles"),
        list_end=seq("list_end"), list_separators=separators, list_chars=frozenset(s[-1] for s in separators),
        group_separators=frozenset(seq("group_separators")), person_roles=seq("person_roles"),
        not_person_roles=seq("not_person_roles"), team_after=seq("team_after"), team_before=team_before,
        chinese_team_before=tuple(w for w in team_before if w not in not_chinese),
        player_after=seq("player_after"), player_before=seq("player_before"),
        foreign_person_after=seq("foreign_person_after"), speech_after=speech, at_person=seq("at_person"),
        place_before=seq("place_before"), place_after=seq("place_after"), thing_after=thing_after,
        thing_after_chars=thing_chars,
        thing_after_firsts=frozenset(w[0] for w in thing_after) | thing_chars | frozenset("》”"),
        column_words=seq("column_words"), blog_link=re.compile(rf"\((?:{blog})\)"),
        said_or_byline=speech + titled_after + after_third, after_given=not_given + after_person + speech + after_third,
        said_or_dated=speech + after_third, person_after=seq("address_after") + work_after,
        not_names=common_not_names(), is_club=NO_EXTRAS.is_club)


@functools.cache
def translit_chars() -> frozenset[str]:
    """The characters of the standard transliteration of foreign names (ner_translit_chars.txt)."""
    return frozenset("".join(data_lines("ner_translit_chars.txt")))


@functools.cache
def translit_run() -> re.Pattern:
    """A run of transliteration characters."""
    return re.compile("[" + "".join(sorted(translit_chars())) + "]+")


def is_translit(word: str) -> bool:
    """Written only with transliteration characters (莫里尼奥)."""
    return bool(word) and word[0] in translit_chars() and translit_run().fullmatch(word) is not None


@functools.cache
def world_places() -> frozenset[str]:
    """Countries, capitals and big cities (kg/data/ner_world_places.txt: 威尼斯, 卢森堡), and more
    places that read like names: states, resorts, sights (ner_more_places.txt: 夏威夷, 罗布泊)."""
    return data_words("ner_world_places.txt", "ner_more_places.txt")


@functools.cache
def common_not_names() -> frozenset[str]:
    """Ordinary words that look like names (ner_not_names.txt: 黄花梨, 高尔夫, 周三)."""
    return data_words("ner_not_names.txt")


@functools.cache
def role_words() -> frozenset[str]:
    """Posts, occupations and roles (主任, 专家, 记者): the build's titles and ner_titles.txt."""
    return frozenset(w for w in data_words("ner_titles.txt") | set(load_terms().titles) if len(w) >= 2)


@functools.lru_cache(maxsize=1 << 16)
def is_place(word: str) -> bool:
    """A world city or country, or a place of the gazetteer."""
    return word in world_places() or bool(load_gazetteer().lookup(word))

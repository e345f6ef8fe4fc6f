"""Personal names anywhere in a sentence, not only after a title.

Chinese names are read from their shape: a surname (single or compound) and
one or two given characters, rated with the surname and given-character
statistics (kg.lexicon.names), with the segmenter's person tag (nr) and the
words around the name as evidence. Foreign names are runs of transliteration
characters (阿德巴约, 奥普拉·温弗利) that the segmenter does not read as
ordinary words or places.
"""
from __future__ import annotations

import functools
import re
from importlib import resources
from typing import NamedTuple

import rjieba

from ..lexicon.names import UNLISTED_RATIO, load_given_ratios, load_surnames, person_name_score
from .intervals import Taken
from .officials import AFTER_NAME, PUNCT
from .tokens import Token, has_word


@functools.cache
def _cue_lists() -> dict[str, tuple[str, ...]]:
    """The word lists of kg/data/ner_person_cues.txt, by [section]."""
    text = resources.files("kg.data").joinpath("ner_person_cues.txt").read_text(encoding="utf-8")
    lists: dict[str, list[str]] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            lists[section] = []
        else:
            lists[section].extend(line.split())
    return {name: tuple(words) for name, words in lists.items()}


def _cues(section: str) -> tuple[str, ...]:
    return _cue_lists()[section]


def _chars(section: str) -> frozenset[str]:
    return frozenset("".join(_cue_lists()[section]))


PERSON_TAGS = {"nr", "nrfg", "nrt"}
# Tags of tokens that may hold (part of) a name the segmenter did not know.
OPEN_TAGS = PERSON_TAGS | {"x", "n", "ns", "nz", "ng", "a", "v", "d", "vn", "j", "b", "q", "m", "t"}
NAME_JOINERS = "·•・"
GLUE_CHARS_ = _chars("glue_before")
# What often precedes a bare name: a reference to a person's role or kin.
BEFORE_NAME = _cues("before_name")
AFTER_PERSON = AFTER_NAME + _cues("after_person")
# Verbs before the name of a character an actor plays (扮演, 饰演).
PLAYED_BEFORE = _cues("played_before")
# Roles that are no post but name the person right after them (店主, 家庭主妇, 调解员).
ROLE_BEFORE = _cues("role_before")
# What follows a three-character name whose third character the segmenter joined to the next
# word (梅建|明文/摄, 张照|新分析, 黄信|敬昨日表示): a byline's 文 and 摄, a date.
AFTER_THIRD = _cues("after_third")
# What follows a person's name and not a thing's (林海导演的, 林海笔下, 生前).
WORK_AFTER = _cues("work_after")
# How much likelier in given names than in ordinary words (log10, given_names.tsv) a character
# that is also a verb or an adverb must be to end one.
THIRD_RATIO = -1.0
# How much likelier in ordinary words than in given names (log10) the last character of a
# three-character "name" the segmenter made up must be to be tried as a word glued to it (李菁|版).
WORD_RATIO = -1.5
# How likely in given names a character standing alone between a two-character name and a verb
# or an adverb must be to be read as its third character (李定|邦|无疑是).
THIRD_ALONE = 0.0
VERB_TAGS = {"v", "vn", "d", "ad"}
# How likely in given names a character the segmenter glues after names (才, 亦) must be to be
# read as a name's third character all the same (李双|才强调).
THIRD_GLUED = 0.0
# What a "given name" never is: 林先生, 郭老师, 王某 name no one.
NOT_GIVEN = _cues("not_given")
# Tags a surname character has when the segmenter reads it as a function word (和, 但, 从, 于, 有).
FUNCTION_TAGS = {"p", "c", "d", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "f", "m", "q", "v", "y", "t", "a", "vn"}
# One-character words that follow a name and that the segmenter glues to it (张博说, 齐骥在, 丁晟是).
GLUED_AFTER = _chars("glued_after")
# Evidence against a name ending in one of those characters.
GLUED = 0.2
# Tags of a word after a function word that make the two no name (从|扬州, 于|凌晨, 曾|承诺).
NOT_GIVEN_TAGS = {"t", "ns", "v", "vn", "d", "a"}
# Evidence of a two-character word the dictionary tags as a name (阳光, 荣幸 — but also 成龙).
DICT_PAIR = -0.1
# Evidence of a word the segmenter's model (not its dictionary) tags as a full name (nrfg).
FULL_NAME = 0.6
# Evidence of a surname the segmenter tagged as a name on its own (郭|建设, 曹|鹏飞).
SURNAME_TAGGED = 0.3
# What a Chinese-looking name in transliteration characters (桑普) needs beyond the threshold to be cued.
TRANSLIT_CUE = 0.3
# Evidence of a verb of saying or thinking after a name.
SAID = 0.3
# Scores are name_score plus evidence; thresholds chosen on the CLUENER train split.
THRESHOLD = 0.8
PLACE_ENDINGS = _chars("place_endings")


# The same candidates come back sentence after sentence (a name, 和平, 高速): each is rated once.
name_score = functools.lru_cache(maxsize=1 << 16)(person_name_score)


class PersonMatch(NamedTuple):    # a tuple: made for every candidate, so it must be cheap
    start: int
    end: int
    text: str
    score: float
    rule: str          # chinese | foreign | latin | speaker | glued | dotted
    needed: float = 0.0    # the score the rule asks of a name standing alone


@functools.cache
def translit_chars() -> frozenset[str]:
    text = resources.files("kg.data").joinpath("ner_translit_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")))


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
    words = set()
    for filename in ("ner_world_places.txt", "ner_more_places.txt"):
        text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
        words.update(w for ln in text.splitlines() if ln.strip() and not ln.startswith("#") for w in ln.split())
    return frozenset(words)


@functools.cache
def _sports_names() -> dict[str, frozenset[str]]:
    """The sections of kg/data/ner_clubs.txt: clubs, bookmakers, terms."""
    text = resources.files("kg.data").joinpath("ner_clubs.txt").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line and not line.startswith("#"):
            sections.setdefault(section, set()).update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


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
    words = set()
    for filename in ("ner_not_names.txt", "ner_brands.txt"):
        text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
        words.update(w for ln in text.splitlines() if ln.strip() and not ln.startswith("#") for w in ln.split())
    return frozenset(words)


def find_persons(text: str, tokens: list[Token], title_ends: frozenset[int] = frozenset()) -> list[PersonMatch]:
    """Non-overlapping personal names in text order. `title_ends`: offsets where a
    title ends (记者|马力, 副局长|逯军), the strongest sign that a name follows."""
    dotted = _dotted(text, tokens)
    found = (_chinese(text, tokens, title_ends) + _foreign(text, tokens, title_ends) + _latin(text, tokens, title_ends)
             + _speakers(text) + _blogged(text) + _glued(text, tokens) + dotted + _titled(text, title_ends)
             + _hyphened(text, tokens))
    found = _whole_foreign(found)
    found = [m for m in found if not _names_no_one(text, m, title_ends)]
    if dotted or "·" in text or "•" in text or "・" in text:
        # 龙湖|·蔚澜香醍: a name dot joins parts of a foreign name, which _dotted reads whole;
        # a name read otherwise right before or after one is part of a longer name (an estate's)
        found = [m for m in found if m.rule == "dotted" or not _by_dot(text, m.start, m.end)
                 or any(dot in m.text for dot in NAME_JOINERS)]
    if "“" in text or "\"" in text or "'" in text or "‘" in text:
        found = [m for m in found if not _quoted(text, m.start, m.end)]
    found.sort(key=lambda m: (-m.score, m.start))
    out: list[PersonMatch] = []
    taken = Taken()
    for m in found:
        if m.score >= m.needed and taken.take(m.start, m.end):
            out.append(m)
    out += _listed(text, out, [m for m in found if m.score < m.needed], taken)
    out += [g for g in _glosses(text, out) if taken.take(g.start, g.end)]
    return sorted(out, key=lambda m: m.start)


GLOSS = re.compile(r"\(([A-Za-z][A-Za-z.\-']{1,39})\)")


def _glosses(text: str, persons: list[PersonMatch]) -> list[PersonMatch]:
    """阿特金森(martinatkinson): the name in Latin script, in brackets after a name, is a name."""
    if "(" not in text:
        return []
    out = []
    for m in persons:
        g = GLOSS.match(text, m.end)
        if g and g.group(1).lower() not in not_names() and m.rule in ("chinese", "foreign", "dotted", "hyphened", "foreign-listed",
                                                                      "chinese-listed"):
            out.append(PersonMatch(g.start(1), g.end(1), g.group(1), m.score, "gloss"))
    return out


# What follows a name between a title and the words it says or a byline (分析师温彬表示, 记者印立新发自).
TITLED_AFTER = _cues("titled_after")


def _titled(text: str, title_ends: frozenset[int]) -> list[PersonMatch]:
    """A surname and one or two characters between a title and a verb of saying (or a
    byline's word) is a name, however rare its characters (分析师温彬表示, 秘书长钟彬先生);
    so are two or three characters ending a reporter's byline, whatever the surname
    (本报记者官平, (记者渠宏伟), 记者区明明文/图)."""
    out = []
    for end in title_ends:
        byline = text.endswith(BYLINE_TITLES, 0, end)
        for length in (4, 3, 2):
            name = text[end:end + length]
            if length == 4 and _surname_len(name) != 2:
                continue        # four characters: 司徒明强, a compound surname and two given characters
            if len(name) == length and all(_is_han(c) for c in name) and not no_given_name(name) \
                    and not (length == 3 and _addressed(text, end, end + length)) \
                    and ((_surname_len(name) or _unknown_name(name)) and text.startswith(_SAID_OR_BYLINE, end + length)
                         or byline and _byline_end(text, end + length) and _char_tag(name[0]) != "p"
                         and not is_place(name)) \
                    and name not in not_names():
                # a compound surname's name outranks its given part read as a name (司徒|文涛)
                out.append(PersonMatch(end, end + length, name, 1.2 if length == 4 else 0.9, "titled"))
                break
    return out


def _addressed(text: str, start: int, end: int) -> bool:
    """孙敏孙|女士, 李诚李|总: the name's surname again, then a form of address: the last
    character starts the address, not the name."""
    return text[end - 1] == text[start] and text.startswith(NOT_GIVEN, end)


def _unknown_name(name: str) -> bool:
    """栗浩然: no surname this reader knows, but no word either, nor a function word and what follows."""
    return not has_word(name) and not has_word(name[:2]) and _char_tag(name[0]) not in FUNCTION_TAGS


# A reporter's title heading a byline (本报记者官平, (记者田冰)).
BYLINE_TITLES = _cues("byline_titles")
# What ends a byline's name: 文/图, 摄, a place and 报道 or 电 (记者蒋家明香港报道).
BYLINE_END = re.compile(r"$|[)、\s/]|文/|摄|[\u4e00-\u9fff]{2,3}(?:报道|电)")


def _byline_end(text: str, end: int) -> bool:
    """The name of a byline ends here: the text or the bracket ends, another name or the
    byline's words follow, or a place (in the gazetteer or a world city) and 报道."""
    m = BYLINE_END.match(text, end)
    if not m:
        return False
    if m.end() - end <= 2:
        return True
    place = m.group()[:-2] if m.group().endswith("报道") else m.group()[:-1]
    return is_place(place)


@functools.cache
def is_place(word: str) -> bool:
    """A world city or country, or a place of the gazetteer."""
    from ..lexicon.gazetteer import load_gazetteer
    return word in world_places() or bool(load_gazetteer().lookup(word))


def uncued(m: PersonMatch) -> bool:
    """A foreign name (桑普, 切尔西) with no person's cue around it: in a match report, a team."""
    return m.rule == "foreign" and m.score < CUED \
        or m.rule == "chinese" and m.score < THRESHOLD + TRANSLIT_CUE and is_translit(m.text)


# Heads of places, sights, firms and goods (…故居, …火山, …国际, …岛): the name before one names the thing.
THING_AFTER = _cues("thing_after")
THING_AFTER_CHARS = _chars("thing_after_chars")


# The first characters of what _names_no_one looks at after a name: most names are followed by none.
_AFTER_FIRSTS = frozenset(w[0] for w in THING_AFTER) | THING_AFTER_CHARS | frozenset("》”")


def _names_no_one(text: str, m: PersonMatch, title_ends: frozenset[int]) -> bool:
    """A name-shaped match that the words around it say names a thing, ends a cut title or is a
    function word (cheap first tests: a character in a set)."""
    nxt = text[m.end:m.end + 1]
    return nxt in _AFTER_FIRSTS and (names_a_thing(text, m.end) or _closes_cut_title(text, m.start, m.end)) \
        or m.text[0] in "于和与" and _joins_words(text, m.start, m.text[0], title_ends)


def names_a_thing(text: str, end: int) -> bool:
    """夏威夷|水岸, 纪晓岚|故居, 华瀚|国际, 托马斯|岛: a name before the head of a place, a sight,
    a firm or a product is part of that name, not a person (张明|山东: 山东 is a word, no head)."""
    return text.startswith(THING_AFTER, end) \
        or text[end:end + 1] in THING_AFTER_CHARS and not has_word(text[end:end + 2])


def _joins_words(text: str, start: int, ch: str, title_ends: frozenset[int]) -> bool:
    """横行|于世, 来自|于丽泽, 结果|和凯: 于 after a verb or a preposition, 和 or 与 after a word, is a
    function word, not a surname (but 副县长|于建斌, 被告|于海: a title or a word that takes a person)."""
    if start == 0 or start in title_ends or not _is_han(text[start - 1]) or text.endswith(BEFORE_NAME, 0, start):
        return False
    return ch != "于" or _char_tag(text[start - 1]) in ("p", "v", "vg")


CLOSERS = {"》": "《", "”": "“"}


def _closes_cut_title(text: str, start: int, end: int) -> bool:
    """叶问》将上映, 杰西卡·阿尔巴”的票房: a name before a closing title mark or quotation mark
    whose opening one the text lacks (the text starts inside the title) ends a work's title or a term."""
    opener = CLOSERS.get(text[end:end + 1])
    return opener is not None and opener not in text[:start]


def _quoted(text: str, start: int, end: int) -> bool:
    """“黄金周”, “姚仙”: a word in quotation marks is a term, a brand or a nickname."""
    return text[start - 1:start] in ("“", "\"", "'", "‘") and text[end:end + 1] in ("”", "\"", "'", "’")


def _whole_foreign(found: list[PersonMatch]) -> list[PersonMatch]:
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
    inner = {id(m) for m in found if m.rule == "chinese" and m.start not in foreign and is_translit(m.text)
             and any(f.start < m.start and m.end <= f.end for f in foreign.values())}
    if inner:
        found = [m for m in found if id(m) not in inner]
    if not cut:
        return found
    best = {}
    for m in found:
        if id(m) in cut:
            f = cut[id(m)]
            best[id(f)] = max(best.get(id(f), f.score), min(m.score, CUED - 0.05))
    return [PersonMatch(m.start, m.end, m.text, best[id(m)], m.rule, m.needed) if id(m) in best else m
            for m in found if id(m) not in cut]


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


# What follows the last item of a list of people (张三和李四都…, 两人, 等人).
LIST_END = _cues("list_end")


def _item_end(text: str, end: int) -> bool:
    """The list item ends here: punctuation, the end, or what is said of people (等, 两人)."""
    return end >= len(text) or text[end] in PUNCT or text[end] in "(" or text.startswith(LIST_END, end)


def _item_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in PUNCT or text.endswith(BEFORE_NAME, 0, start)


@functools.cache
def _surname_firsts() -> frozenset[str]:
    return frozenset(s[0] for s in load_surnames())


def _surname_len(s: str, surnames: dict | None = None) -> int:
    surnames = surnames or load_surnames()
    if s[:2] in surnames and len(s) >= 3:
        return 2
    return 1 if s[:1] in surnames else 0


def _bounded_after(text: str, end: int) -> bool:
    after = text[end:end + 4]
    return not after or after[0] in PUNCT or after[0] in "(【[\"'" or not _is_han(after[0]) \
        or after.startswith(AFTER_PERSON)


def _bounded_before(text: str, start: int) -> bool:
    before = text[max(0, start - 6):start]
    return not before or before[-1] in PUNCT or not _is_han(before[-1]) or before.endswith(BEFORE_NAME)


def _ratio(ch: str) -> float:
    return load_given_ratios().get(ch, UNLISTED_RATIO)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _chinese(text: str, tokens: list[Token], title_ends: frozenset[int]) -> list[PersonMatch]:
    out = []
    blocked = not_names()
    n = len(tokens)
    surnames, firsts = load_surnames(), _surname_firsts()
    # Only a token starting with a surname's first character can start a name.
    for i in [k for k, t in enumerate(tokens) if t.word[0] in firsts]:
        tok = tokens[i]
        w = tok.word
        sl = _surname_len(w, surnames)
        if not sl or not _is_han(w[0]):
            continue
        if len(w) > sl and (tok.pos not in ("nr", "nrfg") or len(w) > sl + 2) and has_word(w):
            continue        # a dictionary word that starts with a surname (和平, 高速): no candidate
        if w[0] in GLUED_BEFORE_FOREIGN and _glued_first(tokens, i):
            continue        # 和菲尔|马尼: a word glued to the start of a foreign name, read by _foreign
        if tok.start and text[tok.start - 1] in NAME_JOINERS:
            continue        # 凯文·|罗玛: the last part of a dotted foreign name, read by _dotted
        if tok.start >= 2 and text[tok.start - 2:tok.start] in surnames:
            continue        # 司徒|文涛: the given name of a compound surname, read by _titled or as a whole
        known = has_word(w)
        cands: list[tuple[int, float]] = []    # (end offset, evidence from the segmenter)
        if len(w) > sl:
            if tok.pos in ("nr", "nrfg") and len(w) <= sl + 2:
                # the dictionary's two-character "names" are mostly words (阳光, 荣幸); longer ones are people
                evidence = DICT_PAIR if len(w) == 2 and has_word(w) else 0.3
                if tok.pos == "nrfg":
                    evidence = FULL_NAME if not has_word(w) else 0.3   # 潘彤: the segmenter reads a full name
                if len(w) == sl + 2 and _addressed(text, tok.start, tok.end):
                    cands.append((tok.end - 1, evidence))      # 李诚|李总: the name, then its form of address
                elif len(w) == sl + 2 and not is_translit(w) \
                        and (w[-1] in GLUED_AFTER or not has_word(w) and _ratio(w[-1]) < WORD_RATIO):
                    # 张波|说, 周骥|在, 李菁|版: a word glued to the name, or a character of ordinary words
                    cands.append((tok.end - 1, evidence))
                    cands.append((tok.end, evidence - GLUED))
                else:
                    cands.append((tok.end, evidence))
                if len(w) == sl + 1 and i + 1 < n and _third_given(text, tokens[i + 1], tokens[i + 2] if i + 2 < n else None):
                    cands.append((tok.end + 1, evidence))      # 张明|渝的, 李晓|林先生
            elif not known:
                # a word the segmenter made up: the name, perhaps glued to what follows (张连生为)
                for length in (sl + 2, sl + 1):
                    if length <= len(w):
                        cands.append((tok.start + length, 0.1 if length == len(w) else 0.0))
        elif i + 1 < n and (tok.pos not in FUNCTION_TAGS or tok.start in title_ends
                            or tokens[i + 1].pos in PERSON_TAGS and len(tokens[i + 1].word) == 2):
            nxt = tokens[i + 1]
            if _is_han(nxt.word[0]) and nxt.pos not in ("uj", "ul", "p", "c", "u", "m", "q", "f", "r", "y"):
                if len(nxt.word) <= 2:
                    # 郭|建设, 曹|鹏飞: the segmenter tagging the surname alone as a name says a name starts here
                    word_given = -0.1 if has_word(nxt.word) and len(nxt.word) == 2 else 0.0
                    if tok.pos in FUNCTION_TAGS and nxt.pos in NOT_GIVEN_TAGS and has_word(nxt.word):
                        word_given -= 0.3     # 记者|从|扬州, 秘书|于|凌晨: a preposition before a word
                    cands.append((nxt.end, word_given + (SURNAME_TAGGED if tok.pos in PERSON_TAGS else 0.0)))
                if len(nxt.word) == 1 and i + 2 < n and len(tokens[i + 2].word) == 1 and _is_han(tokens[i + 2].word):
                    cands.append((tokens[i + 2].end, -0.05))
                if len(nxt.word) == 3 and not has_word(nxt.word):
                    cands.append((nxt.start + 2, -0.1))
        best = None
        for end, evidence in cands:
            name = text[tok.start:end]
            if name in blocked or not all(_is_han(c) for c in name) or _not_given(name[sl:]):
                continue
            if name[-1] == "人" and is_place(name[:-1]):
                continue            # 徐州|人, 温州|人: someone from a place, not a name
            if name[-1] in PLACE_ENDINGS:
                evidence -= 0.3     # 蓝塘镇, 卢浮宫
            if name in world_places():
                evidence -= 0.4     # 吉隆坡, 卢森堡: a place unless a title or a verb of saying says otherwise
            if len(name) >= 3 and is_translit(name) and tok.start not in title_ends:
                continue            # 桑坦德, 米德尔: read as a foreign name, with its own evidence
            if len(name) == 3 and _char_tag(name[0]) in ("p", "c") and has_word(name[1:]) and tok.start not in title_ends:
                evidence -= 0.3     # 于|曼联, 和|雅虎: a preposition or a conjunction before a word
            if len(w) > sl and _function_char(w[0]) and evidence < 0.3 and _char_tag(w[0]) != "q":
                evidence -= 0.3     # 但存栏, 和义: a function word glued to what follows (not 张, a measure word)
            if tok.start in title_ends or text.endswith(ROLE_BEFORE, 0, tok.start):
                evidence += 0.25          # 副局长|马涛, 调解员|邬秀英: a post or a role right before the name
            elif text.endswith(PLAYED_BEFORE, 0, tok.start):
                evidence += SAID          # 扮演|武松: a character played
            elif text.startswith(TEAM_CUES_AFTER, end) or text.endswith(CHINESE_TEAM_CUES_BEFORE, 0, tok.start):
                evidence -= 0.3           # 迎战富勒姆, 尤文主场: a team
            elif i and tokens[i - 1].word in PLACE_CUES_BEFORE and not text.startswith(AT_PERSON, end):
                evidence -= 0.2           # 在王府井, 到吉隆坡: a place (but 在郭菲看来, 在吴冠中生前)
            if _speaker(text, tok.start, end):
                evidence += 0.35
            elif text.startswith(SPEECH_AFTER, end) or text[end:end + 1] in GLUED_AFTER \
                    and text.startswith(SPEECH_AFTER, end + 1):
                evidence += SAID          # 成龙说, 闫大勇认为, 林晓都说
            elif text.startswith(_PERSON_AFTER, end):
                evidence += SAID          # 钱海平(化名), 娄兰小姐, 林海导演: a name before what is said of a person
            score = _score(text, tok.start, end, name, evidence)
            if best is None or score > best[0]:
                best = (score, end)
        if best and best[0] >= LISTED_CHINESE:
            out.append(PersonMatch(tok.start, best[1], text[tok.start:best[1]], best[0], "chinese", THRESHOLD))
    return out


@functools.cache
def role_words() -> frozenset[str]:
    """Posts, occupations and roles (主任, 专家, 记者): the build's titles and the NER view's."""
    from ..lexicon.terms import load_terms
    text = resources.files("kg.data").joinpath("ner_titles.txt").read_text(encoding="utf-8")
    words = {w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split()}
    return frozenset(w for w in words | set(load_terms().titles) if len(w) >= 2)


def no_given_name(name: str) -> bool:
    """陈女士, 王主任, 和专家: a surname (or a character that may be one) before a
    form of address or a role, not a name."""
    sl = _surname_len(name)
    return bool(sl) and _not_given(name[sl:])


def _not_given(given: str) -> bool:
    """林先生, 王总, 李某, 王主任, 和专家: no given name. A two-character given name may
    start with a character that is a form of address on its own (叶老松, 王家卫, 李伯文)."""
    if given.endswith(NOT_GIVEN) or len(given) >= 2 and given[-2:] in role_words():
        return True
    if len(given) == 1:
        return given in NOT_GIVEN
    return given[0] in "某氏姓" or given.startswith(_NOT_GIVEN_LONG)


def glued_last(text: str, start: int, end: int) -> bool:
    """The last character of text[start:end] is not the name's: a one-character word glued
    after it that never ends one (周骥|在, 李涛|的), or the surname of a form of address (李诚|李总)."""
    return text[end - 1] in GLUED_AFTER and _ratio(text[end - 1]) < THIRD_RATIO or _addressed(text, start, end)


def _third_given(text: str, nxt: Token, after: Token | None = None) -> bool:
    """The segmenter cut a three-character name after two (张明|渝, 李晓|林先生): the next
    character stands alone or before a word said of a person, and the name is bounded after it,
    or it is a name's character standing alone before a verb (`after`, the token after it)."""
    ch = nxt.word[0]
    if not _is_han(ch) or ch in load_surnames() and len(nxt.word) == 1 or ch in GLUED_AFTER and _ratio(ch) < THIRD_GLUED:
        return False
    if _function_char(ch) and (_char_tag(ch) not in ("v", "a", "d", "t", "vn")
                               or _ratio(ch) < THIRD_RATIO):
        return False          # 张明|在, but 黄信|敬, 宋双|才: a verb or an adverb that is common in names
    rest = nxt.word[1:]
    if not rest and after is not None and after.pos in VERB_TAGS and _ratio(ch) >= THIRD_ALONE and not _function_char(ch):
        return True           # 李定|邦|无疑, 刘望|军|公开表示: a name character standing alone before a verb
    return (not rest or rest.startswith(_AFTER_GIVEN)) \
        and (_bounded_after(text, nxt.start + 1) or text.startswith(_SAID_OR_DATED, nxt.start + 1))


def _speaker(text: str, start: int, end: int) -> bool:
    """姜山:… — a name opening a line of an interview (text folded: ASCII punctuation)."""
    return text[end:end + 1] == ":" and (start == 0 or text[start - 1] in "。!?;\n “\"")


@functools.cache
def _char_tag(ch: str) -> str:
    """The segmenter's tag of a character standing alone."""
    return rjieba.tag(ch)[0][1]


char_tag = _char_tag


def _function_char(ch: str) -> bool:
    return _char_tag(ch) in FUNCTION_TAGS


def _score(text: str, start: int, end: int, name: str, evidence: float) -> float:
    score = name_score(name)
    if score == 0:
        return 0.0
    score += evidence
    if _bounded_after(text, end):
        score += 0.1
    if _bounded_before(text, start):
        score += 0.1
    return score


# Words around a foreign name that say it names a person, or a team (阿森纳, 拉齐奥 read like names).
PERSON_ROLES = _cues("person_roles")
TEAM_CUES_AFTER = _cues("team_after")
TEAM_CUES_BEFORE = _cues("team_before")
CHINESE_TEAM_CUES_BEFORE = tuple(w for w in TEAM_CUES_BEFORE if w not in ("让", "与", "和", "面对", "看好"))
# What is said of a player, not of a team (德罗巴伤愈复出, 西塞等人).
PLAYER_CUES_AFTER = _cues("player_after")
# What is said before a player's or a coach's name (老板贝鲁斯科尼, 受伤的波多尔斯基, 引进了罗比尼奥).
PLAYER_CUES_BEFORE = _cues("player_before")
FOREIGN_PART_TAGS = {"nr", "nrt", "nrfg", "x", "ns", "n", "nz", "ng", "v", "q", "m", "a", "d", "j"}
FOREIGN_THRESHOLD = 0.4
PLACE_AS_PERSON = 0.6
# A foreign name scoring this much has a person's cue (a role before it, 说 or 伤愈 after it).
CUED = 0.5


@functools.cache
def _foreign_firsts() -> frozenset[str]:
    return translit_chars() | GLUED_BEFORE_FOREIGN


@functools.cache
def _foreign_part_re() -> re.Pattern:
    """A word that can start a foreign name: written in transliteration characters, perhaps after
    a one-character word glued to the name's first character (有斯|库利)."""
    glue = "".join(sorted(map(re.escape, GLUED_BEFORE_FOREIGN)))
    return re.compile(f"[{glue}]?[{''.join(sorted(map(re.escape, translit_chars())))}]+")


def _foreign(text: str, tokens: list[Token], title_ends: frozenset[int]) -> list[PersonMatch]:
    if not _translit_re().search(text):
        return []               # no transliteration character: no foreign name
    blocked = not_names()
    # Only a word _foreign_part_re matches can start a run: the others are skipped unread.
    part = _foreign_part_re().fullmatch
    firsts = _foreign_firsts()
    starts = [k for k, t in enumerate(tokens) if t.word[0] in firsts and part(t.word)]
    runs = []
    n = len(tokens)
    i = 0
    for k in starts:
        if k < i:
            continue            # inside the run found before
        i = j = k
        parts = []
        glued = _glued_first(tokens, i)
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
        if j < n and _glued_last(tokens[j]):
            end += 1            # 韦斯特|伍说, 洛伦|特与: the name's last character glued to what follows
        name = text[start:end]
        if len(name) >= 2 and name not in blocked:
            runs.append((start, end, parts))
    out = []
    groups = _groups(text, runs)
    long_lists = _long_lists(text, runs, groups) if len(runs) >= 3 else set()
    for (start, end, parts), (first, last) in zip(runs, groups):
        score = _foreign_score(text, start, end, parts, first, last) + (0.3 if start in title_ends else 0.0)
        if (first, last) in long_lists:
            score += LONG_LIST      # 布洛维奇、马特里尼和卡斯特拉诺: three foreign names name people
        # a place unless said of a person: 德罗巴伤愈
        place = len(parts) == 1 and parts[0].pos == "ns" or text[start:end] in world_places()
        out.append(PersonMatch(start, end, text[start:end], score, "foreign",
                               PLACE_AS_PERSON if place else FOREIGN_THRESHOLD))
    return out


# Evidence for each item of a list of three foreign names or more, none a place or a club.
LONG_LIST = 0.4


def _long_lists(text: str, runs: list, groups: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The lists of three runs or more none of which is a place or a club (the places and clubs
    are listed as often as the people)."""
    size: dict[tuple[int, int], int] = {}
    bad = set()
    for (start, end, parts), bounds in zip(runs, groups):
        size[bounds] = size.get(bounds, 0) + 1
        name = text[start:end]
        if is_place(name) or club_like(name):
            bad.add(bounds)
    return {bounds for bounds, k in size.items() if k >= 3 and bounds not in bad}


GROUP_SEPARATORS = ("、", "和", "与", "及", "以及", "或", "或者")


def _groups(text: str, runs: list) -> list[tuple[int, int]]:
    """(start of the first, end of the last) of the list each run is an item of
    (迪亚比和纳斯里受伤: what is said after the list is said of every item)."""
    bounds = []
    k = 0
    while k < len(runs):
        j = k
        while j + 1 < len(runs) and text[runs[j][1]:runs[j + 1][0]] in GROUP_SEPARATORS:
            j += 1
        bounds += [(runs[k][0], runs[j][1])] * (j - k + 1)
        k = j + 1
    return bounds


def _glued_last(tok: Token) -> bool:
    """伍说, 特与, 诺均: a transliteration character and a one-character word after a name,
    which the segmenter read as one word."""
    w = tok.word
    return len(w) == 2 and w[0] in translit_chars() and w[1] in GLUED_AFTER_FOREIGN and not has_word(w)


GLUED_AFTER_FOREIGN = GLUED_AFTER | frozenset("均会则")


def _glued_first(tokens: list[Token], i: int) -> Token | None:
    """有斯|库利, 令法|夫尔: the first character of a foreign name glued to a one-character word
    before it; the rest of the name follows. Returns the name's part of the token."""
    tok = tokens[i]
    w = tok.word
    if len(w) >= 2 and w[0] in GLUED_BEFORE_FOREIGN and is_translit(w[1:]) and not has_word(w) \
            and i + 1 < len(tokens) and is_translit(tokens[i + 1].word) and not is_ordinary(tokens[i + 1]):
        return Token(w[1:], tok.pos, tok.start + 1, tok.end)
    return None


GLUED_BEFORE_FOREIGN = GLUE_CHARS_ | frozenset("及有令获看按上")


def is_ordinary(tok: Token) -> bool:
    """历史, 基本: a dictionary word that is no name, though written in transliteration characters."""
    return len(tok.word) >= 2 and tok.pos in ("n", "v", "a", "d", "vn", "ad", "m", "q", "r", "c", "p") \
        and has_word(tok.word)


def _foreign_score(text: str, start: int, end: int, parts: list[Token], first: int, last: int) -> float:
    """Evidence for a foreign name at [start, end), in a list running from `first` to `last`."""
    name = text[start:end]
    score = 0.2 if len(name) >= 3 else 0.0
    if any(t.word in NAME_JOINERS for t in parts):
        score += 0.4
    if len(parts) == 1 and parts[0].pos == "nrt" and len(name) >= 3:
        score += 0.2
    before, after = text[max(0, first - 6):first], text[last:last + 4]
    if before.endswith(PERSON_ROLES) or _role_before(before):
        score += 0.6          # a role is the strongest cue: 国脚丹尼, 主教练科比斯基
    if after.startswith(SPEECH_AFTER):
        score += 0.4          # a team does not speak: 贝尼特斯解释说
    elif after.startswith(("(", "先生", "女士", "夫人", "主演", "执导", "饰演", "曾", "在接受")):
        score += 0.3
    if after.startswith(PLAYER_CUES_AFTER) or before.endswith(PLAYER_CUES_BEFORE):
        score += 0.4          # said only of a person: 托雷斯伤愈, 老板贝鲁斯科尼
    if after.startswith(TEAM_CUES_AFTER) or before.endswith(TEAM_CUES_BEFORE):
        score -= 0.3
    if before.endswith(PLACE_CUES_BEFORE) or after.startswith(PLACE_CUES_AFTER):
        score -= 0.3          # 在威尼斯, 奥兰多市: a foreign place
    return score


SPEECH_AFTER = _cues("speech_after")
NOT_PERSON_ROLES = _cues("not_person_roles")


def _role_before(before: str) -> bool:
    return any(before.endswith(w) and w not in NOT_PERSON_ROLES for w in (before[-k:] for k in range(2, 6)) if w in role_words())


AT_PERSON = _cues("at_person")
PLACE_CUES_BEFORE = _cues("place_before")
PLACE_CUES_AFTER = _cues("place_after")


LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,15}")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def _latin(text: str, tokens: list[Token], title_ends: frozenset[int]) -> list[PersonMatch]:
    """Latin-script names only where a role or a verb of saying says so (选手Infi,
    总监BradBuxer, Johnson说): companies announce (宣布), people say."""
    if not LATIN_LETTER.search(text):
        return []
    out = []
    for t in tokens:
        if t.pos == "eng" and LATIN_NAME.fullmatch(t.word) and not t.word.isupper() \
                and (t.start in title_ends and not text.endswith(NOT_PERSON_ROLES, 0, t.start)
                     or text[max(0, t.start - 6):t.start].endswith(PERSON_ROLES + LATIN_ROLES)
                     or text.startswith(LATIN_SAID, t.end) or _given_latin(t.word)):
            out.append(PersonMatch(t.start, t.end, t.word, 0.8, "latin"))
    return out


@functools.cache
def latin_given_names() -> frozenset[str]:
    """Common European given names (kg/data/ner_latin_given.txt: John, Linda)."""
    text = resources.files("kg.data").joinpath("ner_latin_given.txt").read_text(encoding="utf-8")
    return frozenset(w for ln in text.splitlines() if ln.strip() and not ln.startswith("#") for w in ln.split())


# JohnCarpenter, GrahamMcTavish: a given name and a capitalised surname written without a space.
CAMEL_NAME = re.compile(r"([A-Z][a-z]+)(?:Mc|Mac|O|De|Van)?[A-Z][a-z]{2,}")


def _given_latin(word: str) -> bool:
    """A given name alone (Linda, Raymond) or before a surname (BillRoper) names a person."""
    if word in latin_given_names():
        return True
    m = CAMEL_NAME.fullmatch(word)
    return m is not None and m.group(1) in latin_given_names()


LATIN_ROLES = _cues("latin_roles")
# What a person says and a company does not (a company 宣布, 称): Johnson说, Gibeau认为.
LATIN_SAID = tuple(w for w in SPEECH_AFTER if w not in ("宣布", "称", "解释")) + _cues("latin_after")


SPEAKER = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{2,4}):")
# Sina's link to a person's blog or microblog after the name (林觉(blog), 陈冰(微博), 黄静(听歌blog)).
BLOG_LINK = re.compile(r"\((?:blog|微博|博客|听歌blog)\)")


def _blogged(text: str) -> list[PersonMatch]:
    """林觉(blog): the two or three characters with a surname before a link to a blog name a
    person (not a film's title: 《剑雨》(blog) ends with a bracket)."""
    if "(" not in text:
        return []
    out = []
    for m in BLOG_LINK.finditer(text):
        end, best = m.start(), None
        for length in (3, 2):
            name = text[end - length:end]
            if len(name) == length and all(_is_han(c) for c in name) and _surname_len(name) \
                    and not no_given_name(name) and name not in not_names():
                score = name_score(name)
                if best is None or score > best[0]:
                    best = (score, name)
        if best and best[0] > 0:
            out.append(PersonMatch(end - len(best[1]), end, best[1], best[0] + 0.8, "speaker"))
    return out



def _speakers(text: str) -> list[PersonMatch]:
    """金石明:… — the speaker opening a line of an interview, whatever the segmenter made of it."""
    if ":" not in text:
        return []
    out = []
    for m in SPEAKER.finditer(text):
        name = m.group(1)
        score = name_score(name)
        if score >= 0.3 and name not in not_names():
            out.append(PersonMatch(m.start(1), m.end(1), name, score + 0.5, "speaker"))
    for m in COLUMN.finditer(text):
        name = _column_name(m.group(1))
        if name and name not in not_names():
            out.append(PersonMatch(m.start(1), m.start(1) + len(name), name, name_score(name) + 0.5, "speaker"))
    return out


# A columnist's heading: the name, the column, a colon (张路足彩推荐:, 陆明慧火线解盘:).
COLUMN = re.compile(r"(?:^|(?<=[。!?;\n “\"]))([\u4e00-\u9fff]{3,12}):")
COLUMN_WORDS = _cues("column_words")


def _column_name(heading: str) -> str | None:
    """The name before the column's title: the split after which a word starts (詹俊|足彩推荐, 关一刀|火线解盘)."""
    for length in (3, 2):
        name, rest = heading[:length], heading[length:]
        if len(rest) >= 2 and any(w in rest for w in COLUMN_WORDS) and _surname_len(name) \
                and name_score(name) >= 0.2 and (has_word(rest[:2]) or has_word(rest[:3]) or rest.startswith(COLUMN_WORDS)):
            return name
    return None


@functools.cache
def _hyphen_re() -> re.Pattern:
    chars = "".join(sorted(translit_chars()))
    return re.compile(f"[{chars}]{{2,}}(?:-(?:[{chars}]{{2,}}|[A-Za-z]))*-[{chars}]{{2,}}")


def _hyphened(text: str, tokens: list[Token]) -> list[PersonMatch]:
    """福雷斯特-阿伦, 弗朗西斯-福德-科波拉: parts of a foreign name in transliteration
    characters joined by a hyphen are one name, unless a place's word follows (劳拉-克劳馥|路)."""
    if "-" not in text:
        return []
    out = []
    bounds = {t.start for t in tokens} | {t.end for t in tokens}
    for m in _hyphen_re().finditer(text):
        if m.start() in bounds and m.end() in bounds and not text.startswith(PLACE_CUES_AFTER, m.end()) \
                and text[m.end():m.end() + 1] not in PLACE_ENDINGS:
            out.append(PersonMatch(m.start(), m.end(), m.group(), HYPHENED, "hyphened"))
    return out


HYPHENED = 1.5
DOT_PART_TAGS = {"nr", "nrt", "nrfg", "ns", "nz", "n", "x", "j", "ng", "eng", "vn", "v", "a", "q"}
MAX_DOT_PART = 6


def _dotted(text: str, tokens: list[Token]) -> list[PersonMatch]:
    """迈克尔·坎宁安, 刘易斯·卡洛尔: a name dot joins the parts of one foreign name,
    whatever characters they are written in; a dot left hanging ends it (哈罗德·)."""
    if not any(dot in text for dot in NAME_JOINERS):
        return []
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].word not in NAME_JOINERS or i == 0 or not _dot_part(tokens[i - 1]):
            i += 1
            continue
        k = i - 1
        while k > 0 and is_translit(tokens[k - 1].word) and not is_ordinary(tokens[k - 1]) \
                and tokens[k - 1].pos in DOT_PART_TAGS and tokens[i - 1].end - tokens[k - 1].start <= MAX_DOT_PART:
            k -= 1
        start, end, j = tokens[k].start, tokens[i].end, i
        while j < n and tokens[j].word in NAME_JOINERS:
            if j + 3 < n and _initial(tokens[j + 1].word) and tokens[j + 2].word in NAME_JOINERS \
                    and _dot_part(tokens[j + 3]):
                j += 2          # 詹姆斯·c·斯特拉斯: a middle initial between two dots
            if j + 1 < n and _dot_part(tokens[j + 1]):
                j += 1
                end = tokens[j].end
                while j + 1 < n and is_translit(tokens[j + 1].word) and not is_ordinary(tokens[j + 1]) \
                        and tokens[j + 1].end - tokens[j].start <= MAX_DOT_PART:
                    j += 1
                    end = tokens[j].end
                j += 1
            else:
                end = tokens[j].end if j + 1 >= n or not _is_han(text[tokens[j].end]) else tokens[j].start
                break
        name = text[start:end]
        if len(name.strip(NAME_JOINERS)) >= 2 and name not in not_names() and not _chinese_dotted(name):
            out.append(PersonMatch(start, end, name, 1.2, "dotted"))
        i = max(j, i + 1)
    return out


def _initial(word: str) -> bool:
    return len(word) == 1 and ("a" <= word <= "z" or "A" <= word <= "Z")


def _by_dot(text: str, start: int, end: int) -> bool:
    return end < len(text) and text[end] in NAME_JOINERS or start > 0 and text[start - 1] in NAME_JOINERS


DOTS = re.compile("[" + NAME_JOINERS + "]")


def _chinese_dotted(name: str) -> bool:
    """龙湖·花墅, 首开·常青藤: parts that are none of them in transliteration characters name an
    estate, a brand or a slogan, not a foreign person."""
    parts = [p for p in DOTS.split(name) if p]
    return (len(parts) >= 2 or parts == [name]) and not any(is_translit(p) for p in parts)


def _dot_part(tok: Token) -> bool:
    return tok.pos in DOT_PART_TAGS and 1 <= len(tok.word) <= MAX_DOT_PART and all(_is_han(c) for c in tok.word)


GLUE_CHARS = GLUE_CHARS_


def _glued(text: str, tokens: list[Token]) -> list[PersonMatch]:
    """问孙南, 由林文: a name the segmenter glued to the word before it; 但梁|大海, 叫钟|富强,
    由林|超杰: a surname glued to the word before it, the given name standing after it, read
    as a name standing alone."""
    out = []
    glue = GLUE_CHARS
    # Only a token starting with a glue character can hold one: the others are skipped unread.
    for k in [k for k, t in enumerate(tokens) if t.word[0] in glue]:
        t = tokens[k]
        w = t.word
        if 3 <= len(w) <= 4 and _surname_len(w[1:]) \
                and (t.pos in PERSON_TAGS or t.pos in ("x", "n", "nz") and not has_word(w)):
            name = w[1:]
            score = name_score(name) + (0.4 if text.startswith(SPEECH_AFTER, t.end) else 0.2)
            if score >= THRESHOLD - 0.1 and name not in not_names():
                out.append(PersonMatch(t.start + 1, t.end, name, score, "glued"))
        elif len(w) == 2 and k + 1 < len(tokens) and w[1] in load_surnames() and not has_word(w):
            glued = _glued_surname(text, w[1], tokens[k + 1])
            if glued:
                out.append(glued)
    return out


# Tags of a word after a glued surname that make it no given name (但梁|大海, but 以章|的).
NOT_GIVEN_AFTER_GLUE = FUNCTION_TAGS - {"v", "a", "vn", "t"}


def _glued_surname(text: str, surname: str, nxt: Token) -> PersonMatch | None:
    """The surname glued to the word before it and the given name `nxt` after it (但梁|大海)."""
    if len(nxt.word) > 2 or not all(_is_han(c) for c in nxt.word) or nxt.pos in NOT_GIVEN_AFTER_GLUE:
        return None
    name = surname + nxt.word
    if name in not_names() or _not_given(nxt.word):
        return None
    score = name_score(name) + 0.1 + (SAID if text.startswith(SPEECH_AFTER, nxt.end) else 0.0) \
        + (0.1 if _bounded_after(text, nxt.end) else 0.0)
    return PersonMatch(nxt.start - 1, nxt.end, name, score, "glued", THRESHOLD)


# Word lists joined once (they are defined in the sections above).
_SAID_OR_BYLINE = SPEECH_AFTER + TITLED_AFTER + AFTER_THIRD
_AFTER_GIVEN = NOT_GIVEN + AFTER_PERSON + SPEECH_AFTER + AFTER_THIRD
_SAID_OR_DATED = SPEECH_AFTER + AFTER_THIRD
_PERSON_AFTER = _cues("address_after") + WORK_AFTER
_NOT_GIVEN_LONG = tuple(w for w in NOT_GIVEN if len(w) >= 2)

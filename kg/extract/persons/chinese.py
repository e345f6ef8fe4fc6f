"""Chinese names: a surname (single or compound) and one or two given characters, rated with
the surname and given-character statistics, the segmenter's person tag (nr) and the words around
(成龙说, 副局长|马涛); a third given character the segmenter cut off (张明|渝) goes back.
"""
from __future__ import annotations

import functools

from ...lexicon.names import UNLISTED_RATIO, is_han, load_given_ratios, load_surnames
from ...model import Mention
from ..posts import PUNCT
from ..tokens import Token, has_word
from .base import (
    FUNCTION_TAGS,
    NAME_JOINERS,
    THRESHOLD,
    char_tag,
    function_char,
    person,
    shape_score,
    surname_len,
)
from .cues import PersonWords, is_place, is_translit, role_words, world_places
from .foreign import glued_first
from .lists import LISTED_CHINESE

PERSON_TAGS = {"nr", "nrfg", "nrt"}

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

# Evidence against a name ending in one of those characters (PersonWords.glued_after).
GLUED = 0.2
# Tags of a word after a function word that make the two no name (从|扬州, 于|凌晨, 曾|承诺).
NOT_GIVEN_TAGS = {"t", "ns", "v", "vn", "d", "a"}
# Evidence of a two-character word the dictionary tags as a name (阳光, 荣幸 — but also 成龙).
DICT_PAIR = -0.1
# Evidence of a word the segmenter's model (not its dictionary) tags as a full name (nrfg).
FULL_NAME = 0.6
# Evidence of a surname the segmenter tagged as a name on its own (郭|建设, 曹|鹏飞).
SURNAME_TAGGED = 0.3

# Evidence of a verb of saying or thinking after a name.
SAID = 0.3
# How much less a name right after a title needs to stand alone (理事长|段春生围坐: the title
# vouches for what follows, though 春生 is also a word).
TITLED_EASE = 0.1


def addressed(text: str, start: int, end: int, words: PersonWords) -> bool:
    """孙敏孙|女士, 李诚李|总: the name's surname again, then a form of address: the last
    character starts the address, not the name."""
    return text[end - 1] == text[start] and text.startswith(words.not_given, end)


@functools.cache
def _surname_firsts() -> frozenset[str]:
    return frozenset(s[0] for s in load_surnames())


def bounded_after(text: str, end: int, words: PersonWords) -> bool:
    """A name may end here: punctuation, no Han character, or what follows names (说, 先生)."""
    after = text[end:end + 4]
    return not after or after[0] in PUNCT or after[0] in "(【[\"'" or not is_han(after[0]) \
        or after.startswith(words.after_person)


def _bounded_before(text: str, start: int, words: PersonWords) -> bool:
    before = text[max(0, start - 6):start]
    return not before or before[-1] in PUNCT or not is_han(before[-1]) or before.endswith(words.before_name)


def _ratio(ch: str) -> float:
    return load_given_ratios().get(ch, UNLISTED_RATIO)


def chinese_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """Surname + given characters, rated by their shape and the words around them (成龙说, 副局长|马涛)."""
    out = []
    blocked = words.not_names
    n = len(tokens)
    surnames, firsts = load_surnames(), _surname_firsts()
    # Only a token starting with a surname's first character can start a name.
    for i in [k for k, t in enumerate(tokens) if t.word[0] in firsts]:
        tok = tokens[i]
        w = tok.word
        sl = surname_len(w, surnames)
        if not sl or not is_han(w[0]):
            continue
        if len(w) > sl and (tok.pos not in ("nr", "nrfg") or len(w) > sl + 2) and has_word(w):
            continue        # a dictionary word that starts with a surname (和平, 高速): no candidate
        if w[0] in words.glued_before_foreign and glued_first(tokens, i, words):
            continue        # 和菲尔|马尼: a word glued to the start of a foreign name, read by foreign_names
        if tok.start and text[tok.start - 1] in NAME_JOINERS:
            continue        # 凯文·|罗玛: the last part of a dotted foreign name, read by dotted_names
        if tok.start >= 2 and text[tok.start - 2:tok.start] in surnames:
            continue        # 司徒|文涛: the given name of a compound surname, read by titled_names or as a whole
        known = has_word(w)
        cands: list[tuple[int, float]] = []    # (end offset, evidence from the segmenter)
        if len(w) > sl:
            if tok.pos in ("nr", "nrfg") and len(w) <= sl + 2:
                # the dictionary's two-character "names" are mostly words (阳光, 荣幸); longer ones are people
                evidence = DICT_PAIR if len(w) == 2 and has_word(w) else 0.3
                if tok.pos == "nrfg":
                    evidence = FULL_NAME if not has_word(w) else 0.3   # 潘彤: the segmenter reads a full name
                if len(w) == sl + 2 and addressed(text, tok.start, tok.end, words):
                    cands.append((tok.end - 1, evidence))      # 李诚|李总: the name, then its form of address
                elif len(w) == sl + 2 and not is_translit(w) \
                        and (w[-1] in words.glued_after or not has_word(w) and _ratio(w[-1]) < WORD_RATIO):
                    # 张波|说, 周骥|在, 李菁|版: a word glued to the name, or a character of ordinary words
                    cands.append((tok.end - 1, evidence))
                    cands.append((tok.end, evidence - GLUED))
                else:
                    cands.append((tok.end, evidence))
                if len(w) == sl + 1 and i + 1 < n and _third_given(text, words, tokens[i + 1],
                                                                  tokens[i + 2] if i + 2 < n else None):
                    cands.append((tok.end + 1, evidence))      # 张明|渝的, 李晓|林先生
            elif not known:
                # a word the segmenter made up: the name, perhaps glued to what follows (张连生为)
                for length in (sl + 2, sl + 1):
                    if length <= len(w):
                        cands.append((tok.start + length, 0.1 if length == len(w) else 0.0))
        elif i + 1 < n and (tok.pos not in FUNCTION_TAGS or tok.start in title_ends
                            or tokens[i + 1].pos in PERSON_TAGS and len(tokens[i + 1].word) == 2):
            nxt = tokens[i + 1]
            if is_han(nxt.word[0]) and nxt.pos not in ("uj", "ul", "p", "c", "u", "m", "q", "f", "r", "y"):
                if len(nxt.word) <= 2:
                    # 郭|建设, 曹|鹏飞: the segmenter tagging the surname alone as a name says a name starts here
                    word_given = -0.1 if has_word(nxt.word) and len(nxt.word) == 2 else 0.0
                    if tok.pos in FUNCTION_TAGS and nxt.pos in NOT_GIVEN_TAGS and has_word(nxt.word):
                        word_given -= 0.3     # 记者|从|扬州, 秘书|于|凌晨: a preposition before a word
                    cands.append((nxt.end, word_given + (SURNAME_TAGGED if tok.pos in PERSON_TAGS else 0.0)))
                if len(nxt.word) == 1 and i + 2 < n and len(tokens[i + 2].word) == 1 and is_han(tokens[i + 2].word):
                    cands.append((tokens[i + 2].end, -0.05))
                if len(nxt.word) == 3 and not has_word(nxt.word):
                    cands.append((nxt.start + 2, -0.1))
        best = None
        for end, evidence in cands:
            name = text[tok.start:end]
            if name in blocked or not all(is_han(c) for c in name) or not_given(name[sl:], words):
                continue
            if name[-1] == "人" and is_place(name[:-1]):
                continue            # 徐州|人, 温州|人: someone from a place, not a name
            if name[-1] in words.place_endings:
                evidence -= 0.3     # 蓝塘镇, 卢浮宫
            if name in world_places():
                evidence -= 0.4     # 吉隆坡, 卢森堡: a place unless a title or a verb of saying says otherwise
            if len(name) >= 3 and is_translit(name) and tok.start not in title_ends:
                continue            # 桑坦德, 米德尔: read as a foreign name, with its own evidence
            if len(name) == 3 and char_tag(name[0]) in ("p", "c") and has_word(name[1:]) \
                    and tok.start not in title_ends:
                evidence -= 0.3     # 于|曼联, 和|雅虎: a preposition or a conjunction before a word
            if len(w) > sl and function_char(w[0]) and evidence < 0.3 and char_tag(w[0]) != "q":
                evidence -= 0.3     # 但存栏, 和义: a function word glued to what follows (not 张, a measure word)
            if tok.start in title_ends or text.endswith(words.role_before, 0, tok.start):
                evidence += 0.25          # 副局长|马涛, 调解员|邬秀英: a post or a role right before the name
            elif text.endswith(words.played_before, 0, tok.start):
                evidence += SAID          # 扮演|武松: a character played
            elif text.startswith(words.team_after, end) or text.endswith(words.chinese_team_before, 0, tok.start):
                evidence -= 0.3           # 迎战富勒姆, 尤文主场: a team
            elif i and tokens[i - 1].word in words.place_before and not text.startswith(words.at_person, end):
                evidence -= 0.2           # 在王府井, 到吉隆坡: a place (but 在郭菲看来, 在吴冠中生前)
            if _speaker(text, tok.start, end):
                evidence += 0.35
            elif text.startswith(words.speech_after, end) or text[end:end + 1] in words.glued_after \
                    and text.startswith(words.speech_after, end + 1):
                evidence += SAID          # 成龙说, 闫大勇认为, 林晓都说
            elif text.startswith(words.person_after, end):
                evidence += SAID          # 钱海平(化名), 娄兰小姐, 林海导演: a name before what is said of a person
            score = _score(text, tok.start, end, name, evidence, words)
            if best is None or score > best[0]:
                best = (score, end)
        if best and best[0] >= LISTED_CHINESE:
            out.append(person(tok.start, best[1], text[tok.start:best[1]], best[0], "chinese",
                              THRESHOLD - TITLED_EASE if tok.start in title_ends else THRESHOLD))
    return out


def no_given_name(name: str, words: PersonWords) -> bool:
    """陈女士, 王主任, 和专家: a surname (or a character that may be one) before a
    form of address or a role, not a name."""
    sl = surname_len(name)
    return bool(sl) and not_given(name[sl:], words)


def not_given(given: str, words: PersonWords) -> bool:
    """林先生, 王总, 李某, 王主任, 和专家: no given name. A two-character given name may
    start with a character that is a form of address on its own (叶老松, 王家卫, 李伯文)."""
    if given.endswith(words.not_given) or len(given) >= 2 and given[-2:] in role_words():
        return True
    if len(given) == 1:
        return given in words.not_given
    return given[0] in words.not_given_first or given.startswith(words.not_given_long)


def glued_last(text: str, start: int, end: int, words: PersonWords) -> bool:
    """The last character of text[start:end] is not the name's: a one-character word glued
    after it that never ends one (周骥|在, 李涛|的), or the surname of a form of address (李诚|李总)."""
    return text[end - 1] in words.glued_after and _ratio(text[end - 1]) < THIRD_RATIO \
        or addressed(text, start, end, words)


def _third_given(text: str, words: PersonWords, nxt: Token, after: Token | None = None) -> bool:
    """The segmenter cut a three-character name after two (张明|渝, 李晓|林先生): the next
    character stands alone or before a word said of a person, and the name is bounded after it,
    or it is a name's character standing alone before a verb (`after`, the token after it)."""
    ch = nxt.word[0]
    if not is_han(ch) or ch in load_surnames() and len(nxt.word) == 1 \
            or ch in words.glued_after and _ratio(ch) < THIRD_GLUED:
        return False
    if function_char(ch) and (char_tag(ch) not in ("v", "a", "d", "t", "vn") or _ratio(ch) < THIRD_RATIO):
        return False          # 张明|在, but 黄信|敬, 宋双|才: a verb or an adverb that is common in names
    rest = nxt.word[1:]
    if not rest and after is not None and after.pos in VERB_TAGS and _ratio(ch) >= THIRD_ALONE \
            and not function_char(ch):
        return True           # 李定|邦|无疑, 刘望|军|公开表示: a name character standing alone before a verb
    return (not rest or rest.startswith(words.after_given)) \
        and (bounded_after(text, nxt.start + 1, words) or text.startswith(words.said_or_dated, nxt.start + 1))


def _speaker(text: str, start: int, end: int) -> bool:
    """姜山:… — a name opening a line of an interview (text folded: ASCII punctuation)."""
    return text[end:end + 1] == ":" and (start == 0 or text[start - 1] in "。!?;\n “\"")


def _score(text: str, start: int, end: int, name: str, evidence: float, words: PersonWords) -> float:
    score = shape_score(name)
    if score == 0:
        return 0.0
    score += evidence
    if bounded_after(text, end, words):
        score += 0.1
    if _bounded_before(text, start, words):
        score += 0.1
    return score

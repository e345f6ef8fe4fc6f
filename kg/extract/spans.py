"""Growing a name leftwards from its head word: the shared rule behind
institution, zone and program names ("石峰区" + "行政审批" + "局").

A name grows over noun-like tokens and stops at function words, punctuation
and verbs — except the verbs institution names are made of (审批, 监督, 深化:
"行政审批局", "深化医药卫生体制改革领导小组"). A place name, a level prefix
(市/县/区/省) or 该 anchors the name: growth stops there (after any places
stacked before it: 湖南 + 衡东 + 经济开发区).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..lexicon.lexicon import Lexicon
from .tokens import Token, has_word

STOP_POS = {"p", "c", "u", "uj", "ul", "uv", "uz", "ud", "ug", "d", "q", "t", "y", "e", "o", "x", "w",
            "r", "f", "ad", "z", "zg", "mq", "tg", "i"}
LEVEL_PREFIX = set("市县区省镇乡州")
YEARS = re.compile(r"(?:19|20)\d\d年?|年|[—\-~]+")     # 2024年, 2011——2020年: a year inside a program's name
RULES = "spans"       # kg/data/rules/spans.txt


class SpanWords(NamedTuple):
    stop_words: frozenset[str]        # a name never grows over these
    name_verbs: frozenset[str]        # verbs names are made of (审批, 监督)
    self_references: frozenset[str]   # 我市, 本县
    official_and: tuple[str, ...]     # 发展和改革: a 和 inside an official name
    not_level_starts: tuple[str, ...]  # 市场, 区域: a level character that is no level


@functools.cache
def span_words(lexicon: Lexicon) -> SpanWords:
    return SpanWords(lexicon.words(RULES, "stop_words"), lexicon.words(RULES, "name_verbs"),
                     lexicon.words(RULES, "self_references"), lexicon.sequence(RULES, "official_and"),
                     lexicon.sequence(RULES, "not_level_starts"))


MAX_CHARS = 24


def is_place_token(tok: Token) -> bool:
    return tok.pos == "ns" and len(tok.word) >= 2


def expand_left(tokens: list[Token], head: int, text: str, lexicon: Lexicon, *, stop_at_org=None,
                extra_words: frozenset = frozenset()) -> tuple[int, int | None]:
    """Start offset of the name whose last token is tokens[head], and the index of
    a parent token where growth stopped at another institution (or None).
    `extra_words` are more words a name of this kind may contain (programs: 支付, 改造…)."""
    words = span_words(lexicon)
    start = tokens[head].start
    end = tokens[head].end
    j = head - 1
    while j >= 0:
        tok = tokens[j]
        if end - tok.start > MAX_CHARS:
            break
        if stop_at_org is not None and stop_at_org(tok):
            return start, j      # the parent institution anchors the name
        if tok.pos == "nnt":
            break                # a title is no part of a name: 主席|诸葛某|代表政协…
        word = tok.word
        if word.startswith("该") and len(word) <= 3 or word in words.self_references:
            return tok.start, None   # 该院, 该区, 我市: resolved from the article's context
        if word == ")":
            k = skip_parenthesis(tokens, j, words)
            if k is None:
                break
            j = k - 1            # 乡镇(街道)社会工作服务站: a short aside inside the name
            start = tokens[k].start
            continue
        if word in ("市", "县", "区", "省") and (j == 0 or not name_like(tokens[j - 1], words)):
            return tok.start, None   # 县|行政审批服务局: a bare level word jieba tagged oddly
        if word in ("和", "及") and j > 0 and text[tokens[j - 1].start:tok.end + 4].startswith(words.official_and):
            start = tok.start     # 发展和改革委员会, 住房和城乡建设局: the 和 of an official name
            j -= 1
            continue
        if not name_like(tok, words) and not (tok.word in extra_words or "vn" in extra_words and tok.pos == "vn"
                                              or "year" in extra_words and YEARS.fullmatch(tok.word)
                                              or "quantity" in extra_words and tok.pos in ("m", "q")
                                              and counted(tokens, j)):
            break
        start = tok.start
        if j >= 2 and tokens[j - 1].word in ("和", "及") \
                and text[tokens[j - 2].start:tok.end + 4].startswith(words.official_and):
            j -= 1                # 水利和|湖泊局: the place-like word is part of an official name
            continue
        if is_place_token(tok) or level_anchor(tokens, j, words):
            while j > 0 and is_place_token(tokens[j - 1]) and end - tokens[j - 1].start <= MAX_CHARS:
                j -= 1            # 湖南 + 衡东 + 经济开发区: places stack
                start = tokens[j].start
            return start, None
        j -= 1
    return start, None


def counted(tokens: list[Token], j: int) -> bool:
    """Is tokens[j] a number, or the unit of the number written before it (5|万吨)?"""
    return any(c.isdigit() for c in tokens[j].word) or j > 0 and any(c.isdigit() for c in tokens[j - 1].word)


def name_like(tok: Token, words: SpanWords) -> bool:
    """May a name grow over this token? (`words`: span_words(lexicon))"""
    word = tok.word
    if not word:
        return False
    if tok.pos == "f" and len(word) > 1 and word not in words.stop_words:
        return True    # 汇中: jieba's 方位词 tag on a name part
    if word in words.stop_words or tok.pos in STOP_POS or not is_name_char(word[0]):
        return False
    if tok.pos == "m" and any(ch.isdigit() for ch in word):
        return False
    if tok.pos.startswith("v") and word not in words.name_verbs and has_word(word):
        return False   # a verb ends the name (紧邻|经开区); words jieba only guessed as verbs are names (聚味堂)
    return True


def level_anchor(tokens: list[Token], j: int, words: SpanWords) -> bool:
    """市/县/区/省 opening a name after a boundary: 这是|市中心医院, 利用|市卫健委."""
    word = tokens[j].word
    if word[0] not in LEVEL_PREFIX or word.startswith(words.not_level_starts):
        return False
    return j == 0 or not name_like(tokens[j - 1], words)


def skip_parenthesis(tokens: list[Token], j: int, words: SpanWords) -> int | None:
    """Index of the "(" matching tokens[j] == ")" when what is inside is a short word."""
    k = j - 1
    while k >= 0 and j - k <= 4 and tokens[k].word != "(":
        if not is_name_char(tokens[k].word[0]):
            return None
        k -= 1
    if k < 0 or tokens[k].word != "(" or tokens[j].start - tokens[k].end > 4 or k == 0:
        return None
    return k if name_like(tokens[k - 1], words) else None


def is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isalnum() or ch in "·"

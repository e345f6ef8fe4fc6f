"""Word segmentation with POS tags, primed once with the lexicons so that
titles, place names and institution words come out whole."""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

import rjieba

from ..lexicon.gazetteer import load_gazetteer
from ..lexicon.lexicon import Lexicon, rule_lists
from ..lexicon.terms import load_terms


class Token(NamedTuple):    # a tuple: made for every word of every sentence, so it must be cheap
    word: str
    pos: str
    start: int     # offsets relative to the text given to `tokenize`
    end: int


RULES = "tokens"      # kg/data/rules/tokens.txt
LEVEL_CHARS = frozenset("市县区省镇乡州村厅")
CONJUNCTIONS = frozenset("及和与")


@functools.cache
def prime() -> None:
    """Teach the segmenter our words (idempotent, once per process). The same words
    for every home province: one segmenter serves every Lexicon of a process."""
    terms = load_terms()
    for title in terms.titles:
        rjieba.add_word(title, None, "nnt")
    for word in rule_lists(RULES)["institution_words"]:
        rjieba.add_word(word, None, "nt")
    gaz = load_gazetteer()
    add_word, has_word = rjieba.add_word, rjieba.has_word
    for surface, _ in gaz.surface_items():
        if len(surface) >= 2 and not has_word(surface):     # never retag an existing word: 合作 stays a verb
            add_word(surface, None, "ns")


@functools.cache
def title_cores(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Title words by their last character, longest first: most words end in no
    title's last character, and a dict lookup says so at once."""
    cores: dict[str, list[str]] = {}
    for title in sorted(lexicon.terms.titles, key=len, reverse=True):
        cores.setdefault(title[-1], []).append(title)
    for occupation in lexicon.sequence(RULES, "occupations"):   # 外科|医生: split like a title, tagged as one
        cores.setdefault(occupation[-1], []).append(occupation)
    return {last: tuple(words) for last, words in cores.items()}


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def tag_words(text: str) -> list[tuple[str, str]]:
    """jieba's (word, tag) pairs; a lone surrogate (which no UTF-8 holds) is read as U+FFFD,
    one character for one, so offsets stay those of `text`."""
    try:
        return rjieba.tag(text)
    except UnicodeEncodeError:
        return rjieba.tag(LONE_SURROGATE.sub("\ufffd", text))


def tokenize(text: str, lexicon: Lexicon) -> list[Token]:
    """Tagged tokens with offsets. Place names are tagged ns whatever jieba thinks
    (怀化 is a verb in its dictionary), and words that fuse an institution with a
    title (医院院长, 协会会长, 外科主任) are split before the title."""
    prime()
    places, cores, titles = _place_words(lexicon), title_cores(lexicon), lexicon.terms.titles
    function_chars = lexicon.words(RULES, "function_chars")
    out, pos = [], 0
    append, new = out.append, tuple.__new__      # Token(...) without the Python-level __new__ frame
    for word, tag in tag_words(text):
        n = len(word)
        if not n:
            continue
        conjoined = n >= 2 and word[0] in function_chars and word[1] in LEVEL_CHARS \
            and not (n == 2 and out and out[-1].pos == "ns")      # 安徽省|和县 is the county
        if word in places and not (n == 2 and conjoined):
            tag = "ns"
        elif n >= 2:
            if conjoined:
                append(new(Token, (word[0], "p", pos, pos + 1)))  # 由|县人大常委会, 和|县域经济, 和|县乡村振兴局
                word, pos, n, tag = word[1:], pos + 1, n - 1, "n"
            elif n == 2 and word[1] in CONJUNCTIONS and not has_word(word):
                append(new(Token, (word[0], tag, pos, pos + 1)))     # 羊贵|平及|市委: a name's end and 及
                word, pos, n, tag = word[1], pos + 1, 1, "c"
        ending = cores.get(word[-1]) if n >= 3 else None
        if ending and word not in titles:
            core = next((c for c in ending if word.endswith(c) and n > len(c)), None)
            if core and word[:-len(core)] not in ("副", "总", "常务副"):
                head = word[:-len(core)]
                append(new(Token, (head, "n", pos, pos + len(head))))
                append(new(Token, (core, "nnt", pos + len(head), pos + n)))
                pos += n
                continue
        append(new(Token, (word, tag, pos, pos + n)))
        pos += n
    return out


@functools.cache
def _place_words(lexicon: Lexicon) -> frozenset[str]:
    from .regions import place_words  # regions imports this module
    return place_words(lexicon)


def has_word(word: str) -> bool:
    return rjieba.has_word(word)


def word_count(word: str) -> int:
    """The segmenter's count of a word in its dictionary (at least what it takes to keep the
    word whole): 历史 34460, 温格 71."""
    return rjieba.suggest_freq(word)

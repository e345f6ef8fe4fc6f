"""Word segmentation with POS tags, primed once with the lexicons so that
titles, place names and institution words come out whole."""
from __future__ import annotations

import functools
from typing import NamedTuple

import rjieba

from ..lexicon.gazetteer import load_gazetteer
from ..lexicon.terms import load_terms


class Token(NamedTuple):    # a tuple: made for every word of every sentence, so it must be cheap
    word: str
    pos: str
    start: int     # offsets relative to the text given to `tokenize`
    end: int


EXTRA_WORDS = {
    "nt": ["区委", "市委", "县委", "省委", "镇党委", "党工委", "管委会", "经开区", "高新区", "示范区",
           "卫健委", "住建局", "人社局", "发改委", "行政审批局", "行政审批服务局", "文旅广体局", "市监局",
           "医保局", "疾控局", "疾控中心", "财政局", "民政局", "公安局", "城管局", "应急管理局", "金融办",
           "道安办", "领导小组", "党支部", "总工会", "社工站", "妇幼保健院", "人民医院", "中医院", "中医医院"],
}


@functools.cache
def prime() -> None:
    """Teach the segmenter our words (idempotent, once per process)."""
    terms = load_terms()
    for title in terms.titles:
        rjieba.add_word(title, None, "nnt")
    for word in EXTRA_WORDS["nt"]:
        rjieba.add_word(word, None, "nt")
    gaz = load_gazetteer()
    # a full name, or the short or old name of a unit above the county or in Hunan (not 合作, Gansu's county)
    wide = {d.code for d in gaz if d.level != "county" or d.code.startswith("43")}
    add_word, has_word, full_names = rjieba.add_word, rjieba.has_word, gaz.full_names
    for surface, codes in gaz.surface_items():
        # the set tests first: they rule out more surfaces than the dictionary does, and cost less
        if len(surface) >= 2 and (surface in full_names or not wide.isdisjoint(codes)) \
                and not has_word(surface):     # never retag an existing word: 合作 stays a verb
            add_word(surface, None, "ns")


@functools.cache
def _place_words() -> frozenset[str]:
    from .regions import place_words     # regions imports this module
    return place_words()


OCCUPATIONS = ("医生", "教授", "专家", "护士", "主任医师", "副主任医师")


@functools.cache
def _title_cores() -> dict[str, tuple[str, ...]]:
    """Title words by their last character, longest first: most words end in no
    title's last character, and a dict lookup says so at once."""
    cores: dict[str, list[str]] = {}
    for title in sorted(load_terms().titles, key=len, reverse=True):
        cores.setdefault(title[-1], []).append(title)
    for occupation in OCCUPATIONS:   # 外科|医生: split like a title, tagged as one
        cores.setdefault(occupation[-1], []).append(occupation)
    return {last: tuple(words) for last, words in cores.items()}


def tokenize(text: str) -> list[Token]:
    """Tagged tokens with offsets. Place names are tagged ns whatever jieba thinks
    (怀化 is a verb in its dictionary), and words that fuse an institution with a
    title (医院院长, 协会会长, 外科主任) are split before the title."""
    prime()
    places, cores, titles = _place_words(), _title_cores(), load_terms().titles
    out, pos = [], 0
    new = tuple.__new__          # Token(...) without the Python-level __new__ frame
    for word, tag in rjieba.tag(text):
        if not word:
            continue
        if word in places:
            tag = "ns"
        ending = cores.get(word[-1]) if len(word) >= 3 else None
        core = next((c for c in ending if word.endswith(c) and len(word) > len(c)), None) if ending else None
        if core and word not in titles and not word[: -len(core)] in ("副", "总", "常务副"):
            head = word[: -len(core)]
            out.append(Token(head, "n", pos, pos + len(head)))
            out.append(Token(core, "nnt", pos + len(head), pos + len(word)))
        else:
            out.append(new(Token, (word, tag, pos, pos + len(word))))
        pos += len(word)
    return out


def has_word(word: str) -> bool:
    return rjieba.has_word(word)


def word_count(word: str) -> int:
    """The segmenter's count of a word in its dictionary (at least what it takes to keep the
    word whole): 历史 34460, 温格 71."""
    return rjieba.suggest_freq(word)

"""Names in Latin script, which the NER view reads beyond the core: a person's name after a role,
before a verb of saying, or a known given name (选手Infi, Johnson说, Linda); the Latin name in
brackets after a name (阿特金森(martinatkinson)); a firm after a word for a games or media firm
(开发商Valve).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..extract.persons import PersonWords, person, person_words
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_words
from ..model import Mention
from .span import WEAK, span

RULES = "ner"         # kg/data/rules/ner.txt

LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,15}")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# The score of a Latin name a cue vouches for.
LATIN = 0.8


class LatinWords(NamedTuple):
    roles: tuple[str, ...]     # the person readers' roles and [latin_roles]: 选手, 总监
    said: tuple[str, ...]      # verbs of saying but those a company uses too (宣布, 称), and [latin_after]
    firm: re.Pattern           # a Latin name after one of [firm_words] (开发商Valve): the name is group 1


@functools.cache
def latin_words(lexicon: Lexicon) -> LatinWords:
    pw, company = person_words(lexicon), frozenset(lexicon.sequence(RULES, "company_speech"))
    firm_words = "|".join(map(re.escape, lexicon.sequence(RULES, "firm_words")))
    return LatinWords(pw.person_roles + lexicon.sequence(RULES, "latin_roles"),
                      tuple(w for w in pw.speech_after if w not in company) + lexicon.sequence(RULES, "latin_after"),
                      re.compile(rf"(?:{firm_words})([A-Za-z][A-Za-z0-9]{{1,20}})(?![A-Za-z0-9])"))


def latin_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """Latin-script names only where a role or a verb of saying says so (选手Infi,
    总监BradBuxer, Johnson说): companies announce (宣布), people say."""
    if not LATIN_LETTER.search(text):
        return []
    lw = latin_words(words.lexicon)
    out = []
    for t in tokens:
        if t.pos == "eng" and LATIN_NAME.fullmatch(t.word) and not t.word.isupper() \
                and (t.start in title_ends and not text.endswith(words.not_person_roles, 0, t.start)
                     or text[max(0, t.start - 6):t.start].endswith(lw.roles)
                     or text.startswith(lw.said, t.end) or _given_latin(t.word)):
            out.append(person(t.start, t.end, t.word, LATIN, "latin"))
    return out


@functools.cache
def latin_given_names() -> frozenset[str]:
    """Common European given names (kg/data/ner_latin_given.txt: John, Linda)."""
    return data_words("ner_latin_given.txt")


# JohnCarpenter, GrahamMcTavish: a given name and a capitalised surname written without a space.
CAMEL_NAME = re.compile(r"([A-Z][a-z]+)(?:Mc|Mac|O|De|Van)?[A-Z][a-z]{2,}")


def _given_latin(word: str) -> bool:
    """A given name alone (Linda, Raymond) or before a surname (BillRoper) names a person."""
    if word in latin_given_names():
        return True
    m = CAMEL_NAME.fullmatch(word)
    return m is not None and m.group(1) in latin_given_names()


GLOSS = re.compile(r"\(([A-Za-z][A-Za-z.\-']{1,39})\)")
GLOSSED_RULES = ("chinese", "foreign", "dotted", "hyphened", "foreign-listed", "chinese-listed")


def latin_glosses(text: str, persons: list[Mention], words: PersonWords) -> list[Mention]:
    """阿特金森(martinatkinson): the name in Latin script, in brackets after a name, is a name."""
    if "(" not in text:
        return []
    out = []
    for m in persons:
        g = GLOSS.match(text, m.end)
        if g and g.group(1).lower() not in words.not_names and m.rule in GLOSSED_RULES:
            out.append(person(g.start(1), g.end(1), g.group(1), m.confidence, "gloss"))
    return out


def find_latin_firms(text: str, lexicon: Lexicon) -> list[Mention]:
    """开发商Valve, 发行商Ubisoft: a Latin name after a word for a games or media firm is that firm."""
    if not LATIN_LETTER.search(text):
        return []
    return [span("institution", m.start(1), m.end(1), text, WEAK, "latin-firm", "company")
            for m in latin_words(lexicon).firm.finditer(text)]

"""Personal names anywhere in a sentence, not only after a title.

Chinese names are read from their shape: a surname (single or compound) and
one or two given characters, rated with the surname and given-character
statistics (kg.lexicon.names), with the segmenter's person tag (nr) and the
words around the name as evidence. Foreign names are runs of transliteration
characters (阿德巴约, 奥普拉·温弗利) that the segmenter does not read as
ordinary words or places.

One reader a module; find_persons (here) runs them all and settles their overlaps:

cues       the word lists: PersonWords (kg/data/rules/persons.txt by section) and the small lexicons
base       PersonExtras, the person Mention, shape_score and the character tests
chinese    surname + given characters (张明|渝, 成龙说)
glued      names glued to the word before them (问孙南, 但梁|大海)
foreign    runs of transliteration characters (德罗巴伤愈)
dotted     names joined by a name dot or hyphens (刘易斯·卡洛尔)
speakers   interview speakers, columnists, blog links (姜山:…)
titled     names after a title, bylines (分析师温彬表示, 本报记者官平)
lists      weak names listed with a recognised one (吴待春、吴子明)
context    what the words around say against a name (夏威夷|水岸, “金卡”)

A caller adds readers and vetoes through PersonExtras (kg.ner adds Latin-script
names and glosses, brands and clubs).
"""
from __future__ import annotations

from ...lexicon.lexicon import Lexicon
from ...model import Mention
from ..intervals import Taken
from ..tokens import Token
from .base import NAME_JOINERS, NO_EXTRAS, PersonExtras, char_tag, person
from .chinese import chinese_names, glued_last, no_given_name
from .context import first_openers, names_a_thing, names_no_one, quoted
from .cues import PersonWords, is_place, is_translit, person_words, translit_chars, world_places
from .dotted import by_dot, dotted_names, hyphened_names
from .foreign import foreign_names, is_ordinary, uncued, whole_foreign
from .glued import glued_names
from .lists import listed_names
from .speakers import blogged_names, speaker_names
from .titled import titled_names

# The public surface: find_persons, what an extra reader needs (PersonExtras, PersonWords, person, person_words)
# and the tests other layers share with the readers (kg.ner: names after titles, match reports).
__all__ = ["PersonExtras", "PersonWords", "char_tag", "find_persons", "glued_last", "is_ordinary", "is_place",
           "is_translit", "names_a_thing", "no_given_name", "person", "person_words", "translit_chars", "uncued",
           "world_places"]



def find_persons(sentence: str, tokens: list[Token], lexicon: Lexicon, title_ends: frozenset[int] = frozenset(),
                 extras: PersonExtras | None = None) -> list[Mention]:
    """Non-overlapping person Mentions in text order. `title_ends`: offsets where a title ends
    (记者|马力, 副局长|逯军), the strongest sign that a name follows. `extras`: readers and vetoes a
    caller adds (PersonExtras).

    A Mention's confidence is its score: the rating of the name's shape (shape_score, at most 1)
    plus the evidence around it, so it may exceed 1 (a name with a title before it and a verb of
    saying after it). A reader that asks a score of a name standing alone (0.8 for a Chinese name)
    puts it in attrs["needed"]; a name below it is kept only as an item of a list with a name in it.
    The rule is the reader's: chinese, foreign, speaker, glued, dotted, titled, hyphened (with
    -listed when a list made it a name), or an extra reader's."""
    extras = extras or NO_EXTRAS
    words = person_words(lexicon, extras)
    found = (chinese_names(sentence, tokens, title_ends, words) + foreign_names(sentence, tokens, title_ends, words)
             + speaker_names(sentence, tokens, title_ends, words) + blogged_names(sentence, tokens, title_ends, words)
             + glued_names(sentence, tokens, title_ends, words) + dotted_names(sentence, tokens, title_ends, words)
             + titled_names(sentence, tokens, title_ends, words) + hyphened_names(sentence, tokens, title_ends, words))
    for reader in extras.readers:
        found += reader(sentence, tokens, title_ends, words)
    found = whole_foreign(found)
    openers = first_openers(sentence) if "》" in sentence or "”" in sentence else {}
    found = [m for m in found if not names_no_one(sentence, m, title_ends, words, openers)]
    if "·" in sentence or "•" in sentence or "・" in sentence:     # NAME_JOINERS
        # 龙湖|·蔚澜香醍: a name dot joins parts of a foreign name, which dotted_names reads whole;
        # a name read otherwise right before or after one is part of a longer name (an estate's)
        found = [m for m in found if m.rule == "dotted" or not by_dot(sentence, m.start, m.end)
                 or any(dot in m.text for dot in NAME_JOINERS)]
    if "“" in sentence or "\"" in sentence or "'" in sentence or "‘" in sentence:
        found = [m for m in found if not quoted(sentence, m.start, m.end)]
    found.sort(key=lambda m: (-m.confidence, m.start))
    out: list[Mention] = []
    weak: list[Mention] = []          # too weak to stand alone: perhaps an item of a list of names
    taken = Taken(len(sentence))
    for m in found:
        if m.confidence < (m.attrs.get("needed", 0.0) if m.attrs else 0.0):
            weak.append(m)
        elif taken.take(m.start, m.end):
            out.append(m)
    out += listed_names(sentence, out, weak, taken, words)
    for gloss in extras.glossers:
        out += [g for g in gloss(sentence, out, words) if taken.take(g.start, g.end)]
    return sorted(out, key=lambda m: m.start)

"""Personal names anywhere in a sentence, not only after a title.

Chinese names are read from their shape: a surname (single or compound) and
one or two given characters, rated with the surname and given-character
statistics (kg.lexicon.names), with the segmenter's person tag (nr) and the
words around the name as evidence. Foreign names are runs of transliteration
characters (阿德巴约, 奥普拉·温弗利) that the segmenter does not read as
ordinary words or places.

One reader a module; find_persons (here) runs them all and settles their overlaps:

cues       the word lists: ner_person_cues.txt by section, and the small lexicons
base       PersonMatch, name_score and the character tests every reader shares
chinese    surname + given characters (张明|渝, 成龙说)
glued      names glued to the word before them (问孙南, 但梁|大海)
foreign    runs of transliteration characters (德罗巴伤愈)
latin      Latin-script names and glosses (选手Infi, Johnson说)
dotted     names joined by a name dot or hyphens (刘易斯·卡洛尔)
speakers   interview speakers, columnists, blog links (姜山:…)
titled     names after a title, bylines (分析师温彬表示, 本报记者官平)
lists      weak names listed with a recognised one (吴待春、吴子明)
context    what the words around say against a name (夏威夷|水岸, “金卡”)
"""
from __future__ import annotations

from ..intervals import Taken
from ..tokens import Token
from .base import NAME_JOINERS, PersonMatch
from .chinese import _chinese
from .context import _names_no_one, _quoted, first_openers
from .cues import club_like
from .dotted import _by_dot, _dotted, _hyphened
from .foreign import _foreign, _whole_foreign
from .glued import _glued
from .latin import _glosses, _latin
from .lists import _listed
from .speakers import _blogged, _speakers
from .titled import _titled

__all__ = ["PersonMatch", "club_like", "find_persons"]


def find_persons(text: str, tokens: list[Token], title_ends: frozenset[int] = frozenset()) -> list[PersonMatch]:
    """Non-overlapping personal names in text order. `title_ends`: offsets where a
    title ends (记者|马力, 副局长|逯军), the strongest sign that a name follows."""
    dotted = _dotted(text, tokens)
    found = (_chinese(text, tokens, title_ends) + _foreign(text, tokens, title_ends) + _latin(text, tokens, title_ends)
             + _speakers(text) + _blogged(text) + _glued(text, tokens) + dotted + _titled(text, title_ends)
             + _hyphened(text, tokens))
    found = _whole_foreign(found)
    openers = first_openers(text)
    found = [m for m in found if not _names_no_one(text, m, title_ends, openers)]
    if dotted or "·" in text or "•" in text or "・" in text:
        # 龙湖|·蔚澜香醍: a name dot joins parts of a foreign name, which _dotted reads whole;
        # a name read otherwise right before or after one is part of a longer name (an estate's)
        found = [m for m in found if m.rule == "dotted" or not _by_dot(text, m.start, m.end)
                 or any(dot in m.text for dot in NAME_JOINERS)]
    if "“" in text or "\"" in text or "'" in text or "‘" in text:
        found = [m for m in found if not _quoted(text, m.start, m.end)]
    found.sort(key=lambda m: (-m.score, m.start))
    out: list[PersonMatch] = []
    taken = Taken(len(text))
    for m in found:
        if m.score >= m.needed and taken.take(m.start, m.end):
            out.append(m)
    out += _listed(text, out, [m for m in found if m.score < m.needed], taken)
    out += [g for g in _glosses(text, out) if taken.take(g.start, g.end)]
    return sorted(out, key=lambda m: m.start)

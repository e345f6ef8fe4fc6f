"""The benchmark layer: `kg ner`'s view of a text as typed, non-overlapping mentions, scored on
CLUENER2020 (docs/cluener.md).

It runs the core recognisers of kg.extract (tokens, places, institutions, titles, persons) and
adds what general news holds beyond a government notice, one job a module:

view          recognise(text, lexicon): runs the rest, returns the mentions as dicts
settle        overlaps settled by strength and length; branches joined, lists typed, venues
addresses     places grown over streets and buildings, labelled and located addresses
institutions  generic government words and armies (警方, 美军), the segmenter's organisations
titles        occupations and ranks with the words before them (首席经济学家)
sports        match reports: teams and players
brands        companies known worldwide (西门子)
latin         firms named in Latin script (开发商Valve)
scan          folding, token boundaries, finding words by their last characters
span          the typed span and the strengths that settle overlaps
"""
from __future__ import annotations

from .scan import fold
from .view import recognise

__all__ = ["fold", "recognise"]

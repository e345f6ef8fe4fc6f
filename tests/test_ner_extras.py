"""The core person reader (kg.extract.persons.find_persons) returns Mentions, and what only the
benchmark's pages need comes through PersonExtras: without them the core reads no Latin-script
name, no gloss, and takes a brand for a name; with kg.ner's extras it reads as `kg ner` does.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.extract.persons import PersonExtras, find_persons
from kg.extract.tokens import tokenize
from kg.lexicon.lexicon import load_lexicon
from kg.ner.persons import ner_extras

HUNAN = load_lexicon("430000")


def names(sentence: str, extras: PersonExtras | None = None) -> list[tuple[str, str]]:
    tokens = tokenize(sentence, HUNAN)
    return [(m.text, m.rule) for m in find_persons(sentence, tokens, HUNAN, frozenset(), extras)]


def test_persons_are_mentions_with_their_score():
    sentence = "副局长马涛说，工作已经完成。"
    tokens = tokenize(sentence, HUNAN)
    [m] = find_persons(sentence, tokens, HUNAN, frozenset({3}))
    assert (m.kind, m.start, m.end, m.text, m.rule) == ("person", 3, 5, "马涛", "chinese")
    assert m.confidence > 1          # a title before it and a verb of saying after it: the score exceeds 1
    assert m.attrs["needed"] == pytest.approx(0.7)  # what a name must score: 0.8 alone, 0.1 less after a title
    [alone] = find_persons("马涛说,工作已经完成。", tokenize("马涛说,工作已经完成。", HUNAN), HUNAN)
    assert alone.attrs["needed"] == 0.8


@pytest.mark.parametrize("sentence, core, with_extras", [
    # a Latin-script name after a role: read by kg.ner's extra reader only
    ("选手Infi说这场比赛很难。", [], [("Infi", "latin")]),
    # the Latin gloss in brackets after a name: an extra glosser
    ("导演戴维·芬奇(davidfincher)说新片明年上映。", [("戴维·芬奇", "foreign")],
     [("戴维·芬奇", "foreign"), ("davidfincher", "gloss")]),
    # a brand that reads like a name: an extra not-name
    ("西门子表示将扩大投资。", [("西门子", "chinese")], []),
    # a list holding a club is no list of people: the extras' is_club
    ("卢卡斯、费耶诺德、切尔西三人", [("卢卡斯", "foreign"), ("费耶诺德", "foreign"), ("切尔西", "foreign")],
     [("费耶诺德", "foreign"), ("切尔西", "foreign")]),
])
def test_extras(sentence, core, with_extras):
    assert names(sentence) == core
    assert names(sentence, ner_extras()) == with_extras

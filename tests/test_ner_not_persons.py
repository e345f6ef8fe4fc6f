"""Issue 8, round 4: what reads like a name but names a place, a sight, a team, a firm or a
work (kg/extract/persons.py, mentions.py), and Latin-script names. Sentences written for
these tests in the style of general news; each states the persons `recognise` must give."""
from __future__ import annotations

import pytest

from kg.extract.mentions import recognise


def persons(text: str) -> list[str]:
    return [m["text"] for m in recognise(text) if m["type"] == "person"]


@pytest.mark.parametrize("text, expected", [
    # a name before the head of a place, a sight, a firm or a product names that thing
    ("游客可以参观纪晓岚故居和附近的老街。", []),
    ("记者来到金鹏国际的售楼处。", []),
    ("他们乘船去了罗宾逊岛、玛丽岛等几个小岛。", []),
    ("这几年黄花梨家具的价格翻了几倍。", []),
    # but a head that makes a word with what follows is no head (山东), and a person stays one
    ("王建国山东人，今年五十岁。", ["王建国"]),
    ("李建华说他下周去公园跑步。", ["李建华"]),
])
def test_names_of_things(text, expected):
    assert persons(text) == expected

"""`kg ner`, round 4 of issue 8: names in Chinese characters with a surname
(kg/extract/persons.py). Sentences written for these tests, in the style of
general news; each states the persons `recognise` must give."""
from __future__ import annotations

import pytest

from kg.extract.mentions import recognise


def persons(text: str) -> list[str]:
    return [m["text"] for m in recognise(text) if m["type"] == "person"]


@pytest.mark.parametrize("text, expected", [
    # after a title, a word glued to the name (的, 在) stays out of it
    ("今年春拍，清初画家李涛的作品流拍了。", ["李涛"]),
    ("住建部副部长马涛在谈及保障房时说，今年还要加快建设。", ["马涛"]),
    # a third given character that often ends names is still read (才, 和)
    ("本报记者周范才石家庄报道", ["周范才"]),
])
def test_chinese_name_patterns(text, expected):
    assert persons(text) == expected

"""Names in Latin script the NER view reads beyond the core: firms after a word for a games or
media firm (开发商Valve)."""
from __future__ import annotations

import re

from .span import WEAK, Span

# 开发商Valve, 发行商Ubisoft: a Latin name after a word for a games or media firm is that firm.
LATIN_FIRM = re.compile(r"(?:开发商|发行商|运营商|厂商|代理商|游戏公司|制作公司)([A-Za-z][A-Za-z0-9]{1,20})(?![A-Za-z0-9])")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def find_latin_firms(text: str) -> list[Span]:
    if not LATIN_LETTER.search(text):
        return []
    return [Span(m.start(1), m.end(1), "institution", "company", WEAK) for m in LATIN_FIRM.finditer(text)]

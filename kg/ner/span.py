"""The typed span every rule of the NER view returns, and the strengths that settle overlaps
between them."""
from __future__ import annotations

from typing import NamedTuple

# Rule strengths: a longer span wins between equals; a stronger rule wins first.
STRONG, NORMAL, WEAK = 3, 2, 1


class Span(NamedTuple):
    start: int
    end: int
    type: str
    subtype: str
    strength: int

    def as_dict(self, text: str) -> dict:
        return {"start": self.start, "end": self.end, "type": self.type, "subtype": self.subtype,
                "text": text[self.start:self.end]}

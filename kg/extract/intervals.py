"""Disjoint character spans of one text, taken one by one: each test reads only the
characters of the span asked about, so settling candidates in a long text stays linear."""
from __future__ import annotations


class Taken:
    __slots__ = ("_covered",)

    def __init__(self, size: int = 0) -> None:
        self._covered = bytearray(size)     # 1 where a taken span covers the character

    def take(self, start: int, end: int) -> bool:
        """Take [start, end) if it overlaps nothing taken; say whether it was taken."""
        if end <= start:
            return False
        covered = self._covered
        if end > len(covered):
            covered.extend(bytes(end - len(covered)))
        if covered.find(1, start, end) >= 0:
            return False
        covered[start:end] = b"\x01" * (end - start)
        return True

"""Disjoint character spans, taken one by one: the overlap test is a binary
search, so settling thousands of candidates in a long text stays fast."""
from __future__ import annotations

from bisect import bisect_right, insort


class Taken:
    def __init__(self) -> None:
        self._starts: list[int] = []
        self._end_of: dict[int, int] = {}

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self._end_of[self._starts[i]] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def take(self, start: int, end: int) -> bool:
        """Take [start, end) if it overlaps nothing taken; say whether it was taken."""
        if end <= start or self.overlaps(start, end):
            return False
        insort(self._starts, start)
        self._end_of[start] = end
        return True

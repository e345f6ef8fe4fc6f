"""A progress bar for long builds: files/s and characters/s on stderr, only when
stderr is a terminal and the user did not ask for quiet."""
from __future__ import annotations

import os
import sys
import time


class Progress:
    def __init__(self, total: int, enabled: bool, stream=None):
        self.chars = self.cached = 0
        self.started = time.perf_counter()
        self.bar = None
        if enabled:
            from tqdm import tqdm
            tqdm.monitor_interval = 0   # no monitor thread: the build forks worker processes
            stream = stream or sys.stderr
            columns, rows = _size(stream)   # a terminal that reports no size gets 80x24, not an empty bar
            self.bar = tqdm(total=total, unit="file", desc="extract", file=stream, mininterval=0.5,
                            dynamic_ncols=bool(columns), ncols=None if columns else 80,
                            nrows=None if rows else 24, leave=True)

    def step(self, chars: int, cached: bool = False) -> None:
        self.chars += chars
        self.cached += cached
        if self.bar is None:
            return
        self.bar.update(1)
        rate = self.chars / max(1e-9, time.perf_counter() - self.started)
        self.bar.set_postfix_str(f"{rate / 1000:,.0f}k chars/s" + (f", {self.cached} cached" if self.cached else ""),
                                 refresh=False)

    def stage(self, what: str) -> None:
        """Name the step after extraction (merge, exports), which has no per-file ticks."""
        if self.bar is not None:
            self.bar.set_description(what)
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _size(stream) -> tuple[int, int]:
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return 0, 0
    return size.columns, size.lines

"""Text bound for a terminal never carries a raw control character.

A file name, a literal in the graph or a server's error page can hold ESC
sequences (clear the screen, retitle the window, hide the rest of a line),
C1 controls, carriage returns or bidirectional overrides that make a line
read as something else. Messages show each as an escape (\\x1b, \\u202e);
output meant for reading on a terminal does too, keeping its line breaks
and tabs. Output piped to a file or a program is left as it is: it is data."""
from __future__ import annotations

import re
import sys

# C0 and C1 controls, DEL, and the invisible characters that reorder or break a line.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def line(text: object) -> str:
    """One line of a message: every control character (line breaks and tabs too) as an escape."""
    text = str(text)
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


def visible(text: str) -> str:
    """Text to read on a terminal: control characters as escapes, but line breaks and tabs kept."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda m: m.group(0) if m.group(0) in "\n\t" else _escape(m), text.replace("\r\n", "\n"))


def for_stdout(text: str) -> str:
    """`text` as it may be written to standard output: visible() on a terminal, as it is elsewhere."""
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    return visible(text) if tty else text

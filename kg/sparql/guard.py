"""What `kg query` refuses to run, and its bounds, the same for either engine.

* SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...): kg query only reads.
* SERVICE, unless allowed: it sends (part of) the query to any URL the query
  names, so a query file from elsewhere could make requests from your machine.
* More results than a limit, and more time than a limit: a cartesian product
  otherwise runs until memory runs out.

The query is read as the SPARQL grammar reads it: codepoint escapes (\\u0053
is S) undone first, then strings, IRIs, comments and prefixed names set
aside, so SERVICE is found as a keyword and not inside `ex:service` or a
literal."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from .engine import QueryError

CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
TOKEN = re.compile(r"""
    \#[^\n\r]*                                          # a comment
  | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)                 # long strings
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
  | '(?:[^'\\\n\r]|\\.)*'? | "(?:[^"\\\n\r]|\\.)*"?    # strings
  | <[^<>"{}|^`\\\x00-\x20]*>                           # an IRI
  | [?$]\w+                                             # a variable
  | (?P<name>[^\W\d]\w*(?:[.-]+\w+)*)(?P<local>:[\w.%:-]*)?   # a keyword, or a prefixed name
  | :[\w.%:-]*                                          # a prefixed name with the empty prefix
  | \S
""", re.VERBOSE | re.DOTALL)
UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
PROLOGUE = {"BASE", "PREFIX"}

T = TypeVar("T")


class TimedOut(QueryError):
    """The query is still running, in a thread nothing waits for: leave its engine alone."""


def keywords(text: str) -> Iterator[str]:
    """The bare words of a query (keywords, function names, `a`), upper-cased, in order."""
    for m in TOKEN.finditer(CODEPOINT.sub(_codepoint, text)):
        if m.group("name") and not m.group("local"):
            yield m.group("name").upper()


def _codepoint(m: re.Match) -> str:
    code = int(m.group(1) or m.group(2), 16)
    return chr(code) if code <= 0x10FFFF else m.group(0)


def check(text: str, allow_service: bool = False) -> None:
    """QueryError, in one line, for an update, or for SERVICE unless allowed."""
    words = list(keywords(text))
    first = next((w for w in words if w not in PROLOGUE), "")
    if first in UPDATE:
        raise QueryError(f"refused: {first} is SPARQL Update, which changes data; kg query only reads "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE)")
    if "SERVICE" in words and not allow_service:
        raise QueryError("refused: SERVICE would send the query to another endpoint over the network; "
                         "give --allow-service to allow it")


def within(seconds: float, work: Callable[[], T]) -> T:
    """work(), or QueryError if it takes more than `seconds` (0: no limit). The work goes on in a
    daemon thread that nothing waits for: the command ends, and the process with it."""
    if not seconds:
        return work()
    done: list = []

    def run() -> None:
        try:
            done.append((True, work()))
        except QueryError as exc:
            # a new error without the traceback: its frames hold the engine's result objects,
            # which must be dropped in this thread (pyoxigraph's cannot change threads)
            done.append((False, QueryError(*exc.args)))
        except BaseException as exc:       # noqa: BLE001 - handed over to the caller's thread
            done.append((False, exc.with_traceback(None)))

    thread = threading.Thread(target=run, name="kg-query", daemon=True)
    thread.start()
    thread.join(seconds)
    if not done:
        raise TimedOut(f"stopped after {seconds:g} s (--timeout): the query had not finished; "
                         "narrow it, or give a longer --timeout (0: none)")
    ok, value = done[0]
    if not ok:
        raise value
    return value

"""Posts over time: what each statement says of a post, and what the corpus says of it once merged.

A statement of a post (one holds_post fact, from one sentence of one article) has a status:

    免去X的Y职务, X不再担任Y, 辞去       ended       (appointments.py: event dismissed)
    提名X为Y候选人                       nominated   (event nominated)
    原Y X, 前任, 时任                      former      (chains.py: the title's status former)
    anything else                         current     (任命, 当选, 聘任 also say when it began)

and a date: its article's date, when that is known to the day. The merge gathers every
statement of a post across the corpus, (date, status, event) each, and settles them:

- first seen, last seen: the earliest and the latest of their dates;
- status: the latest statement's. Statements are ordered by date, an undated one before any
  dated one (it is not known to be later), and on the same day (or when none is dated) by the
  stage of a post's life they speak of: nominated < current < former < ended. So a post stated
  current on 3月1日 and ended on 6月30日 is ended; a post only nominated and appointed on the
  same page is current; a post a dismissal notice ends and another page calls 原局长 is ended.
- end: when the status is ended, the day of the first of the last run of ending statements (a
  dismissal reprinted a week later does not move it; none if undated);
- start: the earliest appointment or election dated after any earlier end and not after the
  end: the start of the tenure the status speaks of (none if the status is nominated, or no
  appointment is dated).

Everything is computed from sets and sorted, so it does not depend on the order of files,
articles or workers. Ranks (kg.lexicon.ranks) are read after the merge, from the institution's
name, the names of the bodies above it and the level of its place (or the level its name says:
a 街道党工委 located only in its county is still a township's body).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..lexicon.ranks import body_kind, name_level, rank_of
from ..model import Document, EntityInfo, EntityKey, Fact, MergedFact

STAGES = ("nominated", "current", "former", "ended")      # a post's life, in order
EVENT_STATUS = {"dismissed": "ended", "nominated": "nominated"}
STARTS = ("appointed", "elected")                        # events that begin a tenure
MAX_DEPTH = 8        # bodies above an institution looked at for its rank
SEEN = "seen"        # a compact fact's attribute: its statements as (article, status, event)


class Statement(NamedTuple):
    date: str            # ISO day of its article, "" when not known to the day
    status: str          # one of STAGES
    event: str           # appointed, elected, nominated, dismissed or ""


class Career(NamedTuple):
    status: str
    first_seen: str
    last_seen: str
    start: str
    end: str


def status_of(event: str, said: str = "") -> str:
    """The status one statement gives a post: its event's (dismissed: ended, nominated), else
    `said`, the title's own status word (原, 前任, 时任: former), else current."""
    return EVENT_STATUS.get(event) or ("former" if said == "former" else "current")


def post_attrs(event: str, said: str) -> dict[str, str]:
    """A holds_post fact's attributes for what its sentence says of the post (status, event)."""
    attrs = {"status": status_of(event, said)}
    if event:
        attrs["event"] = event
    return attrs


def seen(facts: Iterable[Fact]) -> tuple[tuple[int, str, str], ...]:
    """The statements of one file's facts about one post, (article, status, event), sorted and
    without repeats: what a compact fact keeps of them (kg.resolve.merge.compact)."""
    return tuple(sorted({(f.evidence.article, f.attrs.get("status") or "current", f.attrs.get("event", ""))
                         for f in facts if f.evidence is not None}))


def day_of(doc: Document) -> dict[int, str]:
    """{article index: its date} for the document's articles dated to the day."""
    return {a.index: a.date for a in doc.articles if a.date and a.date_precision == "day"}


def statements(f: Fact, days: dict[int, str]) -> Iterator[Statement]:
    """A fact's statements, dated by their articles (`days`: day_of its document)."""
    rows = f.attrs.get(SEEN)
    if rows is None:                 # a fact straight from the resolver, not compacted
        rows = seen([f])
    for article, status, event in rows:
        yield Statement(days.get(article, ""), status if status in STAGES else "current", event)


def settle(found: Iterable[Statement]) -> Career:
    """What the statements of one post say together (see the module docstring)."""
    found = sorted(set(found), key=lambda s: (s.date, STAGES.index(s.status), s.event))
    if not found:
        return Career("current", "", "", "", "")
    dates = [s.date for s in found if s.date]
    last = found[-1]
    k = len(found) - 1                  # the first of the statements that end the post last
    while last.status == "ended" and k > 0 and found[k - 1].status == "ended" and found[k - 1].date:
        k -= 1
    end = found[k].date if last.status == "ended" else ""
    start = ""
    if last.status != "nominated":
        floor = max((s.date for s in found[:k] if s.status == "ended" and s.date), default="")
        start = next((s.date for s in found if s.event in STARTS and s.date and s.date > floor
                      and (not found[k].date or s.date <= found[k].date)), "")
    return Career(last.status, dates[0] if dates else "", dates[-1] if dates else "", start, end)


# ------------------------------------------------------------------ ranks

def rank_posts(entities: dict[EntityKey, EntityInfo], facts: list[MergedFact]) -> None:
    """Set the rank of every post of a party or state body whose place's level is known."""
    located: dict[EntityKey, EntityKey] = {}
    parent: dict[EntityKey, EntityKey] = {}
    for f in facts:                  # sorted: the first of several is kept
        if f.predicate == "located_in":
            located.setdefault(f.subject, f.object)
        elif f.predicate == "sub_organization_of":
            parent.setdefault(f.subject, f.object)
    for f in facts:
        if f.predicate == "holds_post" and isinstance(f.object, EntityKey):
            f.rank = post_rank(f.title, f.object, entities, located, parent) or ""


def post_rank(title: str, org: EntityKey, entities: dict[EntityKey, EntityInfo],
              located: dict[EntityKey, EntityKey], parent: dict[EntityKey, EntityKey]) -> str | None:
    """The rank of `title` in `org`: its kind of body read from its name and those above it, the
    level and code of the place it (or the nearest body above it) is located in."""
    chain = [org]
    while chain[-1] in parent and parent[chain[-1]] not in chain and len(chain) < MAX_DEPTH:
        chain.append(parent[chain[-1]])
    place = next((located[k] for k in chain if k in located), None)
    info = entities.get(place) if place is not None else None
    if info is None:
        return None
    code = info.attrs.get("code") or (place.scope if place.scope.isdigit() else "")
    names = [entities[k].label if k in entities else k.name for k in chain]
    level = next((lvl for lvl in map(name_level, names) if lvl), None) or info.attrs.get("level", "")
    return rank_of(title, body_kind(names[0], names[1:]), level, code)

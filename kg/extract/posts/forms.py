"""Posts written in other shapes than a title chain before a name: a name, a comma and its post
(周明,局长); posts in brackets after a name (刘某(新化县公安局党委书记、局长)); a post taken after
the name (…雷某被选派到望云村担任驻村第一书记); a full name before its title (蒋新华主任介绍)."""
from __future__ import annotations

import functools
import re

from ...lexicon.lexicon import Lexicon
from ...lexicon.names import name_score
from ...model import Mention
from ..orgs import dept_suffix, head_suffix
from ..titles import find_titles
from ..tokens import has_word
from .chains import PUNCT, OrgBefore, chain_units, with_org
from .names import after_name, read_name

CJK = "\u4e00-\u9fff"
TITLED_NAME_MIN = 0.5   # how well a name written before its title must rate: no word marks where it starts


@functools.cache
def name_first_pattern() -> re.Pattern:
    """A name, then a comma and the posts it holds."""
    return re.compile(rf"(?:^|[,。;:!?“”\s])(?P<name>[{CJK}]{{2,4}}),(?:是|系|任|现任|担任)?(?=[{CJK}])")


def name_first_posts(text: str, org_before: OrgBefore, hits: list[Mention], taken: list[Mention],
                     lexicon: Lexicon) -> list[Mention]:
    """"周明,局长" / "孙一鸣,是云龙示范区…社工服务站站长": the name, a comma, then the post."""
    out = []
    for m in name_first_pattern().finditer(text):
        name = m.group("name")
        if name_score(name) < 0.35 or any(p.text == name for p in taken):
            continue
        after = m.end()
        hit = next((h for h in hits if h.start >= after and h.start - after <= 25
                    and not any(ch in PUNCT - {"(", ")"} for ch in text[after:h.start])), None)
        if hit is None or text[hit.end:hit.end + 1] not in (",", "。", ";", "、", ""):
            continue
        unit = with_org(hit, text[after:hit.start], after, lexicon)
        out.append(Mention("person", m.start("name"), m.end("name"), name, {"titles": (unit,)},
                           "name-comma-title", 0.75))
    return out


BRACKETED = re.compile(rf"(?P<name>[{CJK}]{{2,4}})\((?P<posts>[^()]{{2,60}})\)")


def bracketed_posts(text: str, taken: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """刘建伟(新化县公安局党委书记、局长), 粟某(芷江侗族自治县县长): a name, then its posts in brackets."""
    out = []
    for m in BRACKETED.finditer(text):
        body, start = m.group("posts"), m.start("posts")
        hits = find_titles(body, [], lexicon)
        if not hits or hits[-1].end != len(body) or any(p.start <= m.start("name") < p.end for p in taken):
            continue
        name = bracketed_name(text, m.start("name"), m.end("name"))
        if not name:
            continue
        chain = chain_units(body, hits, len(hits) - 1, lambda pos: (body[:pos], 0), lexicon)
        chain = tuple(t._replace(start=t.start + start, end=t.end + start,
                                 attrs={**t.attrs, "org_start": t.attrs["org_start"] + start}) for t in chain)
        out.append(Mention("person", m.end("name") - len(name), m.end("name"), name, {"titles": chain},
                           "name-bracketed-posts", 0.85))
    return out


def bracketed_name(text: str, start: int, end: int) -> str:
    """The name that ends right before a bracket: of its last 3, 2 or 4 characters, the one that
    rates best as a name, a two-character one only when clearly better (邀请到卢思明( -> 卢思明)."""
    best = ""
    for length in (3, 2, 4):
        if end - length < start:
            continue
        cand = text[end - length:end]
        if name_score(cand) >= 0.3 and (not best or name_score(cand) > name_score(best) + (0.1 if length == 2 else 0)):
            best = cand
    return best


TAKES = re.compile(r"(?:担任|兼任|出任|任)$")
MAX_TAKES_GAP = 15     # characters between a person's name and 担任


def taken_posts(text: str, hits: list[Mention], posts: list[Mention], org_before: OrgBefore,
                lexicon: Lexicon) -> list[Mention]:
    """副科长雷某被选派到望云村担任驻村第一书记: a post taken (担任, 兼任, 出任) by the person
    named just before, where no name follows the title."""
    out = []
    used = [(p.start, p.end) for p in posts] + [(t.start, t.end) for p in posts for t in p.attrs["titles"]]
    for k, hit in enumerate(hits):
        if any(s <= hit.start < e for s, e in used) or read_name(text, hit.end, lexicon):
            continue
        verb = TAKES.search(text, max(0, hit.start - 2), hit.start)
        org, org_start = ("", hit.start) if verb else org_before(hit.start)
        verb = verb or TAKES.search(text, max(0, org_start - 2), org_start)
        if verb is None:
            continue
        person = max((p for p in posts if p.end <= verb.start() and verb.start() - p.end <= MAX_TAKES_GAP
                      and not any(c in "。;" for c in text[p.end:verb.start()])), key=lambda p: p.end, default=None)
        if person is not None:
            unit = with_org(hit, org, org_start, lexicon)
            out.append(Mention("person", person.start, person.end, person.text, {"titles": (unit,)},
                               "name-takes-post", 0.8))
    return out


def titled_names(text: str, hits: list[Mention], posts: list[Mention], org_before: OrgBefore,
                 lexicon: Lexicon) -> list[Mention]:
    """县卫健局蒋新华主任介绍: a full name, then its title, then what it says; the institution is
    written before the name."""
    out = []
    used = [(p.start, p.end) for p in posts] + [(t.start, t.end) for p in posts for t in p.attrs["titles"]]
    follows = after_name(lexicon)
    for hit in hits:
        after = text[hit.end:hit.end + 2]
        if any(s <= hit.start < e for s, e in used) or not (after[:1] in PUNCT or after.startswith(follows)):
            continue
        best = None
        for length in (3, 2, 4):
            start = hit.start - length
            cand = text[max(0, start):hit.start]
            if start < 0 or len(cand) < length or (length == 4 and cand[:2] not in lexicon.surnames) \
                    or start and has_word(text[start - 1] + cand[0]):
                continue          # 已连续9年担|任村党支部书记: the name's first character ends a word
            score = name_score(cand)
            if score >= TITLED_NAME_MIN and (best is None or score > best[1] + (0.1 if length == 2 else 0)):
                best = (cand, score)
        if best is None or any(s < hit.start - len(best[0]) + 1 and hit.start - len(best[0]) < e for s, e in used):
            continue
        name_start = hit.start - len(best[0])
        org, org_start = org_before(name_start)
        if not org or not (head_suffix(org, lexicon) or dept_suffix(org, lexicon)):
            continue              # 王明主任 alone, 全国劳模周仕钧主任: which body, nobody can tell
        unit = with_org(hit, org, org_start, lexicon)
        out.append(Mention("person", name_start, hit.start, best[0], {"titles": (unit,)}, "name-then-title", 0.75))
    return out

"""Appointment notices (任免): who is appointed, nominated, elected or dismissed to which post.

    任命彭思远为湘潭市人民政府办公室副主任;      appointed
    龙振宇为湘潭市教育局局长;                    appointed (a line of a 任命 list)
    提名庹志成为雨湖区人民政府副区长候选人;      nominated
    当选为…主任 / 聘任X为… / 批准任命X为…       elected, appointed
    免去邹立新的湘潭市教育局局长职务;            dismissed
    邹立新的湘潭市教育局局长职务;                dismissed (a line of a 免去 list)
    X同志任县委书记 / X不再担任…职务             appointed, dismissed
    X同志兼任…, X履新/出任/升任/调任…           appointed
    蒋建明,1962年12月生,江苏沭阳县委书记        (a short biography: the posts held)

Each is a person Mention like find_posts gives (attrs["titles"]: the title Mentions with
the institution written before each), with attrs["event"] saying which of these it is.
The notice's own shape delimits the name, so a rare surname (庹, 谌, 佴) is read too.
"""
from __future__ import annotations

import re

from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .posts import chain_units
from .titles import find_titles, title_pattern
from .tokens import Token

NAME = r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:同志)?"
# One name or a list of them (王土祥、张晓源、李瑛; 张志伟和刘丹; 张迎春(女)), then 等20名代表 for the unnamed rest.
ONE = r"[\u4e00-\u9fff]{2,4}?(?:\(女\))?"
NAMES = rf"(?P<name>{ONE}(?:、{ONE})*(?:和{ONE})?)(?:同志)?(?:等\d+名[\u4e00-\u9fff]{{1,3}})?"
VOTES = r"(?:以[\u4e00-\u9fff\d]{1,8}?票(?:的高票)?)?"     # 邓泽佳以190票的高票|当选为
BOUNDARY = r"(?:^|(?<=[,:;。\s]))"
POST = r"(?P<post>[^;,。:()]{2,60}?)"
END = r"(?=[;。,]|\(|$)"
WHEN = r"(?:(?:去年|今年|前年|近日|日前|年初|年底|上月|本月|(?:19|20)\d\d年(?:\d{1,2}月)?)新?)?"   # X去年新|当选
PATTERNS = (
    (re.compile(rf"(?:提名|推荐){NAME}为{POST}(?:候选人|人选){END}"), "nominated"),
    (re.compile(rf"(?:免去|撤销){NAME}(?:同志)?的{POST}职务"), "dismissed"),
    (re.compile(rf"{NAME}(?:不再担任|辞去){POST}(?:职务)?{END}"), "dismissed"),
    (re.compile(rf"(?:任命|聘任|聘用|批准任命|决定任命|选举|补选|任){NAMES}为{POST}{END}"), "appointed"),
    (re.compile(rf"{BOUNDARY}{NAMES}{WHEN}{VOTES}当选为?{POST}{END}"), "elected"),
    (re.compile(rf"(?:^|[:;])\s*{NAME}为{POST}{END}"), "appointed"),      # a line of a 任命 list
    (re.compile(rf"(?:^|[,:;])\s*{NAME}同志(?:兼任|担任|出任|任){POST}{END}"), "appointed"),
    (re.compile(rf"(?:^|(?<=[,:;。]))\s*{NAME}{WHEN}(?:履新|出任|升任|调任|转任|兼任){POST}{END}"), "appointed"),
    (re.compile(rf"(?:^|[:;])\s*{NAME}的{POST}职务(?=\([^()]*\)|[;。]|$)"), "dismissed"),   # a line of a 免去 list
    (re.compile(rf"{BOUNDARY}{NAME}(?:\(女\))?,(?:[男女],)?(?:[\u4e00-\u9fff]{{1,3}}族,)?(?:19|20)\d\d年\d{{1,2}}月"
                rf"(?:出)?生,(?:现任)?{POST}{END}"), ""),      # 蒋建明,1962年12月生,江苏沭阳县委书记: a short biography
)


def find_appointments(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """The appointments, nominations, elections and dismissals a notice's sentence states."""
    if not any(w in sentence for w in ("为", "免去", "任", "履新", "职务", "当选", "月生")) \
            or title_pattern(lexicon).search(sentence) is None:
        return []        # a notice names a post, and every post has a title
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern, event in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            post_start = m.start("post")
            post = m.group("post")
            titles = find_titles(post, [], lexicon)
            names = [(start, name) for start, name in listed_names(m.group("name"), m.start("name"))
                     if acceptable_name(name, lexicon)]
            if not titles or titles[-1].end != len(post) or not names:
                continue
            chain = chain_units(post, titles, len(titles) - 1, lambda pos: (post[:pos], 0), lexicon)
            chain = tuple(t._replace(start=t.start + post_start, end=t.end + post_start,
                                     attrs={**t.attrs, "org_start": t.attrs["org_start"] + post_start})
                          for t in chain)
            for start, name in names:
                out.append(Mention("person", start, start + len(name), name, {"titles": chain, "event": event},
                                   "appointment" if event else "biography", 0.95))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def listed_names(text: str, at: int) -> list[tuple[int, str]]:
    """(offset, name) of each name of a list written at offset `at` (王土祥、张晓源、张志伟和刘丹)."""
    out = []
    for part in re.finditer(r"[^、]+", text):
        item, start = part.group(), at + part.start()
        pair = item.split("和")
        written = pair if len(pair) == 2 and all(2 <= len(p.replace("(女)", "")) <= 4 for p in pair) else [item]
        for name in written:
            out.append((start, name.replace("(女)", "")))
            start += len(name) + 1
    return out


def acceptable_name(name: str, lexicon: Lexicon) -> bool:
    """A name the notice's shape delimits: it opens with a surname, or is two or three
    characters that neither are nor open with a word the segmenter knows."""
    from .tokens import has_word
    if name[:1] in lexicon.surnames or name[:2] in lexicon.surnames:
        return not has_word(name) or len(name) == 3
    return len(name) in (2, 3) and not has_word(name) and not has_word(name[:2])   # not 去年|新当选

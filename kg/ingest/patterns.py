"""Recognisers for newspaper furniture: bylines, datelines, author notes."""
from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
NAME = rf"[{CJK}·]{{2,4}}"
ROLES = "全媒体记者|首席记者|见习记者|特约记者|记者|通讯员|实习生|责任编辑|美术编辑|编辑|校对|摄影|摄"
ROLE_RE = re.compile(rf"({ROLES})\s*[/:]?\s*((?:{NAME}(?:[ 、,]+|$|(?=通讯员|实习生|记者)))+)")

# "株洲日报讯", "株洲日报(全媒体记者/…)", "湖南日报4月20日讯(…)", "株洲日报·掌上株洲讯(记者/…)"
DATELINE = re.compile(
    rf"^(?P<paper>[{CJK}]{{2,8}}?(?:日报|晚报|报|新闻网|融媒体中心)(?:·[{CJK}]{{2,6}}?(?=讯|\d|\s|[(]|记者))?)"
    rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯)?\s*(?:[(\[]\s*(?P<inner>[^()]{{0,80}}?)\s*[)\]])?\s*"
)
# A standalone byline line: "株洲日报全媒体记者/谭昕吾", "通讯员/龚旭华", "株洲日报记者 刘琼 通讯员/宋玺"
BYLINE_LINE = re.compile(rf"^(?:[{CJK}·]{{2,12}}?(?:日报|晚报|报))?(?:{ROLES})\s*[/ ]")
AUTHOR_LINE = re.compile(rf"^{NAME}(?:\s+{NAME})*$")
AUTHOR_NOTE = re.compile(r"[((]\s*(作者系|作者单位[::]|作者为)\s*(?P<body>[^()()]{2,60})[))]\s*$")
TRAILING_AUTHORS = re.compile(rf"[((]\s*(?P<names>{NAME}(?:\s+{NAME}){{0,4}})\s*[))]\s*$")
CREDIT = re.compile(rf"(通讯员|记者)\s*(?P<name>{NAME})?\s*/?\s*(供图|摄)\s*$")


def is_byline_line(text: str) -> bool:
    return len(text) <= 60 and bool(BYLINE_LINE.match(text)) and bool(ROLE_RE.search(text))


def byline_people(text: str) -> list[tuple[str, str]]:
    """(role, name) pairs named in a byline: 记者/刘琼 通讯员/宋玺 黎婕婷."""
    people = []
    for m in ROLE_RE.finditer(text):
        role = "记者" if "记者" in m.group(1) else m.group(1)
        for name in re.split(r"[ 、,]+", m.group(2).strip()):
            if 2 <= len(name) <= 4:
                people.append((role, name))
    return people


# A portal's source line: "来源:衡阳县融媒体中心", "来源：株洲日报 作者：…"
SOURCE_LINE = re.compile(rf"(?:^|\s)(?:来源|稿源|信息来源)\s*[:：]\s*(?P<source>[{CJK}·]{{2,20}}?)"
                         rf"(?=$|\s|[|,,]|作者|编辑|发布|时间)")


def source_named(text: str) -> str:
    """The paper or media centre a portal's source line names, or ''."""
    m = SOURCE_LINE.search(text) if "来源" in text or "稿源" in text else None
    return m.group("source") if m else ""


def dateline(text: str):
    """(paper, people, length) for a paragraph opening with a dateline, else None."""
    m = DATELINE.match(text)
    if not m:
        return None
    inner = m.group("inner") or ""
    has_xun = "讯" in m.group(0)
    if not has_xun and not ROLE_RE.search(inner):
        return None
    return m.group("paper"), byline_people(inner), m.end()

"""A page's masthead: the lines above its first story that name the paper, the date
and the page ("长沙日报" / "2024年4月16日 星期二" / "A01 要闻"; "安化新闻 2024年3月9日").
They describe the page, not a story: no article takes them as its headline."""
from __future__ import annotations

import re
from typing import NamedTuple

CJK = "\u4e00-\u9fff"
# A paper or a county's media centre: 长沙日报, 长沙晚报, 安化新闻, 浏阳市融媒体中心, 红网.
PAPER = re.compile(rf"^(?P<paper>[{CJK}·]{{1,12}}?"
                   rf"(?:日报|晚报|早报|都市报|商报|时报|周报|新闻|新闻网|融媒体中心|电视台|报|网))"
                   rf"(?=$|\s|\d|第|[A-Z]\d)")
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
# A page's number and name: "A06 县域·炎陵", "第03版", "A02 政务·公告".
PAGE = re.compile(rf"(?:^|\s)(?:[A-Z]\d{{1,2}}|第\s*\d{{1,3}}\s*版)(?:\s+(?P<section>[{CJK}·、]{{1,16}}))?")
MAX_LINES = 4
MAX_LINE = 60


class Masthead(NamedTuple):
    paper: str = ""      # 长沙日报
    section: str = ""    # the page's name: 县域·炎陵
    lines: int = 0       # how many of the first lines it takes


def read_masthead(lines: list[str]) -> Masthead:
    """The masthead at the top of a page, from its first non-blank lines; Masthead() if none."""
    paper = section = ""
    taken = 0
    for line in lines[:MAX_LINES]:
        line = line.strip()
        if len(line) > MAX_LINE:
            break
        m = PAPER.match(line) if not paper and taken == 0 else None
        rest = line[m.end():] if m else line
        page = PAGE.search(rest)
        dated = DATE.search(rest)
        leftover = PAGE.sub(" ", WEEKDAY.sub(" ", DATE.sub(" ", rest)))
        if not (m or page or dated) or _has_words(leftover, page):
            break
        if m:
            paper = m.group("paper")
        if page and page.group("section"):
            section = page.group("section")
        taken += 1
    return Masthead(paper, section, taken) if paper or taken >= 2 else Masthead()


def _has_words(leftover: str, page) -> bool:
    """Is anything besides the date, the weekday, the page and a lunar date left on the line?"""
    rest = re.sub(r"[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S*|农历\S*|第\S*期|总第\S*", " ", leftover)
    return bool(re.search(rf"[{CJK}]", rest))

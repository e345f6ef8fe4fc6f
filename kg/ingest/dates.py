"""Dates of pages and articles, when the page says them: a page header (株洲日报 2024年3月12日
星期二), a dateline (湖南日报4月20日讯, 本报讯(记者 X)3月11日), an HTML page's published-time
meta, or a date in the file name (2024-03-12.txt, 20240312_a01.txt).

No date is better than a wrong one: nothing comes from a file's modification time, impossible
dates (2月30日) and years before 1949 are refused, a header's weekday must agree with its date,
a date without a year gets one only from a reference date (a month after the reference's month
is in the year before; a day after the reference is refused), and dates in body text
(会议于2023年12月召开) never date the page.

Every function folds its input first (kg.ingest.clean.fold: full-width digits to ASCII,
traditional to simplified, one character for one), so it reads ２０２４年３月１２日 and 3月11號
alike, and offsets stay offsets into the text given: the document's clean text in the
pipeline (already folded), the raw markup for `meta_date`, the file path for `filename_date`.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import fold

SOURCES = ("header", "meta", "dateline", "filename")      # where an article's date was read
PRECISIONS = ("day", "month", "year")
POLICIES = ("text,filename", "text", "filename", "none")  # --date-from: text (header, meta, dateline) then file name
DEFAULT_POLICY = "text,filename"
MIN_YEAR, MAX_YEAR = 1949, 2099
FUTURE_DAYS = 1          # a dateline may be this many days after the page's date (a paper dated the next morning)
FIRST_LINES = 3          # a bare date line (no paper, weekday or page number beside it) counts only this high up
BODY_LINE = 60           # a line this long, or holding a full stop, is body text: the page header is above it


@dataclass(frozen=True)
class FoundDate:
    date: str | None     # ISO 8601: 2024-03-12, 2024-03 or 2024; None for an expression that stays unresolved
    precision: str       # day | month | year ("" when unresolved)
    source: str          # header | meta | dateline | filename, or body for find_dates
    start: int           # where it was read: offsets into the text (the markup for meta, the path for filename)
    end: int

    @property
    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.date) if self.precision == "day" else None

    @property
    def latest(self) -> dt.date | None:
        """The last day it can be (2024-03: 2024-03-31): a reference for dates without a year."""
        if self.precision == "month":
            year, month = (int(x) for x in self.date.split("-"))
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return self.day


# ------------------------------------------------------------------ reading one date

CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
CN_NUM = "〇零○O一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"
FULL = re.compile(                                    # a date with its year, as pages and headers write it
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号](?!\d)"
    r"|(?<![\d./-])(?P<y2>(?:19|20)\d\d)(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d])"
    rf"|(?P<yc>[{CN_NUM[:4]}一二三四五六七八九]{{4}})年(?P<mc>[{CN_NUM}]{{1,2}})月(?P<dc>[{CN_NUM}]{{1,3}})日")
WEEKDAY = re.compile(rf"(?:星期|礼拜|周)(?P<w>[{WEEKDAYS}天])")


def _cn_number(text: str) -> int | None:
    """一 .. 三十一 as written in dates (十二, 二十八, 三十一); a year digit by digit (二〇二四)."""
    if "十" not in text:
        return int("".join(str(CN_DIGITS[c]) for c in text)) if all(c in CN_DIGITS for c in text) else None
    tens, _, ones = text.partition("十")
    if tens and tens not in CN_DIGITS or ones and ones not in CN_DIGITS:
        return None
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def _ymd(m: re.Match) -> tuple[int, int, int] | None:
    if m.group("y"):
        return int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if m.group("y2"):
        return int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    parts = [_cn_number(m.group(g)) for g in ("yc", "mc", "dc")]
    return None if None in parts else tuple(parts)


def valid(year: int, month: int, day: int | None = None) -> bool:
    """A real calendar date (or month) between 1949 and 2099: 2月30日 is not."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def iso(year: int, month: int, day: int | None = None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


# ------------------------------------------------------------------ page headers

# What may stand beside the date in a page header, and nothing else: the paper, the weekday,
# the page (第03版, A05), the issue, the lunar date, a time, "发布时间:" and "来源:…" labels.
PAPER = r"[\u4e00-\u9fff·]{1,12}(?:日报|晚报|早报|商报|时报|都市报|报|新闻网|新闻|网|客户端|融媒体中心|电视台)"
PAGE = (r"第\s*[0-9一二三四五六七八九十]+\s*[版期]|总第\s*\d+\s*期|本期\s*\d+\s*版|[A-H]\s?\d{1,2}(?:版)?"
        r"|\d{1,2}\s*版")
LUNAR = (r"(?:农历)?(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)?(?:闰)?[正一二三四五六七八九十冬腊]{1,2}月"
         r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十)"
         r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
LABEL = (r"(?:发布|发表|更新|刊发|出版|刊登|见报)?(?:时间|日期)\s*:|发布于"
         r"|(?:来源|作者|编辑|责任编辑|责编)\s*:\s*[^\s|]{0,20}")
TOKENS = tuple(re.compile(t) for t in (LABEL, PAGE, LUNAR, TIME, PAPER))
SEPARATORS = re.compile(r"[\s|/·—-]+")


def _furniture(rest: str) -> int | None:
    """How many furniture tokens `rest` is made of, or None if anything else is in it. Read left to
    right, the longest token at each place: linear, however odd the line."""
    i, n, count = 0, len(rest), 0
    while True:
        sep = SEPARATORS.match(rest, i)
        if sep:
            i = sep.end()
        if i >= n:
            return count
        ends = [m.end() for m in (t.match(rest, i) for t in TOKENS) if m and m.end() > i]
        if not ends:
            return None
        i, count = max(ends), count + 1


def _lines(text: str):
    """(start, end) of each line of `text`."""
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _is_body(line: str) -> bool:
    return "。" in line or len(line) > BODY_LINE or line.rstrip().endswith(("!", "?"))


def _header_in(text: str, start: int, end: int, bare_ok: bool) -> FoundDate | None:
    """The date of a header line text[start:end]: one full date, and around it only page furniture
    (at least one piece of it unless `bare_ok`)."""
    line = text[start:end]
    found = list(FULL.finditer(line))
    if len(found) != 1:
        return None
    m = found[0]
    ymd = _ymd(m)
    if ymd is None or not valid(*ymd):
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    weekday = WEEKDAY.search(rest)
    if weekday:
        w = weekday.group("w")
        if WEEKDAYS.index("日" if w == "天" else w) != dt.date(*ymd).weekday():
            return None                         # 2024年3月12日 星期三: one of the two is wrong
        rest = rest[:weekday.start()] + " " + rest[weekday.end():]
    pieces = _furniture(rest)
    if pieces is None or not (pieces or weekday or bare_ok):
        return None
    return FoundDate(iso(*ymd), "day", "header", start + m.start(), start + m.end())


def header_dates(text: str) -> list[FoundDate]:
    """Page-header dates in reading order: the masthead's, above the first line of body text
    (a bare date line only in the first lines), then every later header line that carries a
    weekday, the paper or a page number (a file holding several pages). A date closing a notice
    (2024年6月30日 alone on its line) is not a header."""
    return _header_dates(fold(text))


def _header_dates(text: str) -> list[FoundDate]:
    found: list[FoundDate] = []
    in_masthead, seen = True, 0
    for start, end in _lines(text):
        line = text[start:end].strip()
        if not line:
            continue
        seen += 1
        if in_masthead and _is_body(line):
            in_masthead = False
        if in_masthead and found or len(line) > BODY_LINE:
            continue                            # the masthead's first date is the page's
        date = _header_in(text, start, end, bare_ok=in_masthead and seen <= FIRST_LINES)
        if date is not None:
            found.append(date)
    return found


# ------------------------------------------------------------------ datelines

MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号](?!\d)")
# 湖南日报4月20日讯 / 本报长沙3月11日电 / 新华社长沙3月11日电 / 3月11日讯: the date inside the dateline.
DATELINE_IN = re.compile(r"^(?:[\u4e00-\u9fff·]{1,16}?)?(?P<md>\d{1,2}月\d{1,2}日)\s*[讯电]")
# 本报讯(记者 X)3月11日, / 株洲日报讯 12月13日, / 株洲日报(全媒体记者/…)6月24日,: the date just after it.
DATELINE_BEFORE = re.compile(
    r"^(?:[\u4e00-\u9fff·]{1,16}?(?:讯|电)\s*(?:[(\[]\s*[^()\[\]]{0,80}?[)\]])?"
    r"|[\u4e00-\u9fff·]{2,16}?(?:日报|晚报|报|新闻网|融媒体中心)\s*[(\[][^()\[\]]{0,80}?(?:记者|通讯员)[^()\[\]]{0,80}?[)\]])"
    r"\s*(?=\d)")
# A lede that opens with the day and no year: 1月26日,全市公安工作会议召开 (after a byline line).
LEDE = re.compile(r"^(?P<md>\d{1,2}月\d{1,2}日)(?=[,上下中晚凌早午当前]|\s)")


def infer_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date of 3月11日 seen on a page of `reference`: this year, or last year when the month
    is after the reference's; None when impossible or more than FUTURE_DAYS after it."""
    year = reference.year - (month > reference.month)
    if not valid(year, month, day):
        return None
    date = dt.date(year, month, day)
    return date if (date - reference).days <= FUTURE_DAYS else None


def dateline_date(text: str, start: int, end: int, reference: dt.date | None) -> FoundDate | None:
    """The date an article's dateline gives, read in its first body paragraph within
    text[start:end] (headlines and bylines above it are skipped): 湖南日报4月20日讯, 本报讯(记者
    X)3月11日, or a lede that opens with the day (1月26日,…) under a byline. A dateline without a
    year takes it from `reference` (the page's date, or the file name's) and gives none without
    one; 日前 and 近日 (days ago) give none."""
    return _dateline(fold(text), start, end, reference)


def _dateline(text: str, start: int, end: int, reference: dt.date | None) -> FoundDate | None:
    for s, e in _lines(text[start:end]):
        line = text[start + s:start + e].lstrip()
        at = start + e - len(line)
        body = _is_body(line)
        m = DATELINE_IN.match(line)
        if m:
            md_at = m.start("md")
        else:
            m = DATELINE_BEFORE.match(line) or (LEDE.match(line) if body else None)
            md_at = None if m is None else m.end() if m.re is DATELINE_BEFORE else m.start("md")
        if md_at is not None:
            full = FULL.match(line, md_at)
            if full and m.re is not LEDE:
                ymd = _ymd(full)
                return (FoundDate(iso(*ymd), "day", "dateline", at + full.start(), at + full.end())
                        if ymd and valid(*ymd) else None)
            md = MONTH_DAY.match(line, md_at)
            if md is None or reference is None:
                return None
            date = infer_year(int(md.group("m")), int(md.group("d")), reference)
            if date is None:
                return None
            return FoundDate(date.isoformat(), "day", "dateline", at + md.start(), at + md.end())
        if body:
            return None                          # the first paragraph has no dateline
    return None


# ------------------------------------------------------------------ HTML meta

META = re.compile(r"<meta\b[^<>]*>", re.I)
ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""")
# Names of published-time metas, most trusted first: Open Graph's article:published_time, the
# PubDate that Chinese government sites carry (政府网站发展指引, 2017), publishdate on news sites,
# schema.org's datePublished (as itemprop or in JSON-LD), Dublin Core.
META_NAMES = ("article:published_time", "og:article:published_time", "og:published_time", "pubdate", "publishdate",
              "publish_date", "publish-date", "publishtime", "publish_time", "pubtime", "weibo: article:create_at",
              "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date")
JSON_LD = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
META_VALUE = re.compile(
    r"^\s*(?P<y>\d{4})(?:(?P<s>[-/.年]?)(?P<m>\d{1,2})(?:(?P=s)(?P<d>\d{1,2})[日]?)?)?"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?\s*$")
CHINA = dt.timezone(dt.timedelta(hours=8))


def _meta_value(value: str) -> tuple[str, str] | None:
    """(ISO date, precision) of a meta's content, in China's time zone when the value names another."""
    m = META_VALUE.match(value)
    if not m or (m.group("m") and not m.group("s") and len(value.strip()) not in (6, 8)):
        return None
    year, month, day = int(m.group("y")), m.group("m"), m.group("d")
    if month is None:
        return (str(year), "year") if MIN_YEAR <= year <= MAX_YEAR else None
    month = int(month)
    if day is None:
        return (iso(year, month), "month") if valid(year, month) else None
    day = int(day)
    if not valid(year, month, day):
        return None
    if m.group("tz") and m.group("H"):
        tz = m.group("tz")
        offset = dt.timezone.utc if tz == "Z" else dt.timezone(
            (1 if tz[0] == "+" else -1) * dt.timedelta(hours=int(tz[1:3]), minutes=int(tz[-2:])))
        moment = dt.datetime(year, month, day, int(m.group("H")), int(m.group("M")), tzinfo=offset)
        return moment.astimezone(CHINA).date().isoformat(), "day"
    return iso(year, month, day), "day"


def meta_date(markup: str) -> FoundDate | None:
    """The published date an HTML page's <meta> tags (or JSON-LD datePublished) give; offsets
    are into the markup. Modified and updated times are not publication dates and are ignored."""
    best: tuple[int, FoundDate] | None = None
    for tag in META.finditer(markup):
        attrs = {}
        for a in ATTR.finditer(tag.group()):
            attrs[a.group(1).lower()] = html.unescape(next(v for v in a.groups()[1:] if v is not None))
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        if key not in META_NAMES or "content" not in attrs:
            continue
        read = _meta_value(attrs["content"])
        rank = META_NAMES.index(key)
        if read and (best is None or rank < best[0]):
            best = (rank, FoundDate(read[0], read[1], "meta", tag.start(), tag.end()))
    if best is None:
        for m in JSON_LD.finditer(markup):
            read = _meta_value(m.group(1))
            if read:
                return FoundDate(read[0], read[1], "meta", m.start(1), m.end(1))
    return best[1] if best else None


# ------------------------------------------------------------------ file names

NAME_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[-_.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<![0-9a-fA-F])(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?![0-9a-fA-F])"),   # not inside a hash
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[-_.])(?P<m>\d{1,2})(?![\d]|(?P=s)\d)"),             # month only
)
DIR_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<s>[-_.]?)(?P<m>\d\d)(?P=s)(?P<d>\d\d)")


def _name_date(name: str, offset: int) -> FoundDate | None:
    found = {}
    for pattern in NAME_DATES:
        for m in pattern.finditer(name):
            year, month = int(m.group("y")), int(m.group("m"))
            day = int(m.group("d")) if "d" in m.groupdict() and m.group("d") else None
            if valid(year, month, day) and not any(s <= m.start() < e for s, e in found.values()):
                found[iso(year, month, day)] = (m.start(), m.end())
    if len(found) != 1:
        return None                              # none, or two different dates: which one?
    (date, (s, e)), = found.items()
    return FoundDate(date, "day" if len(date) == 10 else "month", "filename", offset + s, offset + e)


def filename_date(path: str) -> FoundDate | None:
    """The date in a file's name (2024-03-12.txt, 20240312_a01.txt, 2024_03_12, 2024-03.txt), or
    else in its folder's name when that is wholly a date (…/2024-03-12/a01.txt); offsets are into
    `path`. Two different dates in the name give none."""
    base = os.path.basename(path)
    stem = base[:base.rfind(".")] if "." in base else base
    date = _name_date(stem, len(path) - len(base))
    if date is not None:
        return date
    folder = os.path.basename(os.path.dirname(path))
    m = DIR_DATE.fullmatch(folder)
    if m and valid(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
        at = len(os.path.dirname(path)) - len(folder)
        return FoundDate(iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", "filename",
                         at, at + len(folder))
    return None


# ------------------------------------------------------------------ articles

def article_dates(text: str, starts: Sequence[int], *, path: str = "", meta: FoundDate | None = None,
                  policy: str = DEFAULT_POLICY) -> list[FoundDate | None]:
    """The date of each article of a page, the articles given by their start offsets in `text`
    (in order). By `policy`: "text" reads the page (`meta`, an HTML page's meta_date read from
    its markup before the tags are stripped, then the header above the article; an article under
    no header takes its own dateline's date), "filename" the file name only (`path`, as given:
    its folder may be the date), "none" nothing; the default, "text,filename", reads the text,
    then the file name. An article's dateline without a year takes it from the file name's date."""
    if policy not in POLICIES:
        raise ValueError(f"date policy {policy!r}: expected one of {', '.join(POLICIES)}")
    named = filename_date(path) if "filename" in policy and path else None
    if not starts:
        return []                                # a file with no article (blank, or only a masthead)
    if "text" not in policy:
        return [named for _ in starts]
    text = fold(text)
    headers = _header_dates(text)
    header_starts = [h.start for h in headers]
    ends = list(starts[1:]) + [len(text)]
    out: list[FoundDate | None] = []
    for start, end in zip(starts, ends, strict=True):
        # the last header above the article's end: a page's masthead sits inside its first article
        k = bisect_left(header_starts, end)
        header = headers[k - 1] if k else None
        page = meta or header
        out.append(page or _dateline(text, start, end, named.latest if named else None) or named)
    return out


# ------------------------------------------------------------------ dates in sentences

RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1, "后天": 2}
RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
EXPRESSION = re.compile(
    r"(?P<full>(?<!\d)(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)"
    rf"|(?P<cn>[{CN_NUM[:4]}一二三四五六七八九]{{4}}年[{CN_NUM}]{{1,2}}月(?:[{CN_NUM}]{{1,3}}日)?)"
    r"|(?P<rel_year>[今去前明]年)(?P<rm>\d{1,2})月(?:(?P<rd>\d{1,2})[日号])?"
    r"|(?P<md>(?<![\d年])\d{1,2}月\d{1,2}[日号])"
    r"|(?P<week>(?:上|本|这|下)(?:个)?(?:周|星期|礼拜))(?P<wd>[一二三四五六日天])"
    rf"|(?P<day>{'|'.join(RELATIVE_DAYS)})"
    r"|(?P<vague>日前|近日|近期|此前|前不久|不久前)")


def _week_day(which: str, weekday: str, reference: dt.date) -> dt.date:
    shift = {"上": -7, "下": 7}.get(which[0], 0)
    monday = reference - dt.timedelta(days=reference.weekday())
    return monday + dt.timedelta(days=shift + WEEKDAYS.index("日" if weekday == "天" else weekday))


def resolve_date(expression: str, reference: dt.date | None) -> tuple[str, str] | None:
    """(ISO date, precision) of a date expression: 2023年12月 and 2024年3月11日 as written;
    3月11日, 今年3月, 昨天, 前天, 上周五 against the reference date (None without one);
    日前 and 近日 never."""
    m = EXPRESSION.fullmatch(fold(expression).strip())
    if m is None:
        return None
    if m.group("full"):
        parts = [int(x) for x in re.findall(r"\d+", m.group("full"))]
        return (iso(*parts), "day" if len(parts) == 3 else "month") if valid(*parts) else None
    if m.group("cn"):
        parts = [_cn_number(x) for x in re.split(r"[年月日]", m.group("cn")) if x]
        return None if None in parts or not valid(*parts) else (iso(*parts), "day" if len(parts) == 3 else "month")
    if reference is None or m.group("vague"):
        return None
    if m.group("rel_year"):
        year, month = reference.year + RELATIVE_YEARS[m.group("rel_year")], int(m.group("rm"))
        day = int(m.group("rd")) if m.group("rd") else None
        if not valid(year, month, day):
            return None
        return iso(year, month, day), "day" if day else "month"
    if m.group("md"):
        month, day = (int(x) for x in re.findall(r"\d+", m.group("md")))
        date = infer_year(month, day, reference)
        return (date.isoformat(), "day") if date else None
    if m.group("week"):
        return _week_day(m.group("week"), m.group("wd"), reference).isoformat(), "day"
    return (reference + dt.timedelta(days=RELATIVE_DAYS[m.group("day")])).isoformat(), "day"


def find_dates(text: str, reference: dt.date | None = None) -> list[FoundDate]:
    """Every date expression in a sentence, with its offsets, resolved against `reference` (the
    article's date) where it can be and otherwise kept with date None: 免去…职务 dated 昨天 on a
    page of 2024-03-12 is 2024-03-11; 日前 stays unresolved."""
    folded = fold(text)
    out = []
    for m in EXPRESSION.finditer(folded):
        read = resolve_date(m.group(), reference)
        out.append(FoundDate(read[0] if read else None, read[1] if read else "", "body", m.start(), m.end()))
    return out

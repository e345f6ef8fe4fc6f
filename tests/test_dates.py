"""kg.ingest.dates: the date of a page and of each article, from the page header, the dateline,
an HTML page's meta or the file name, and nothing when none says it; relative dates against a
reference. The pages are written for these tests (people invented, places real)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.ingest.clean import clean
from kg.ingest.dates import (
    FoundDate,
    article_dates,
    dateline_date,
    filename_date,
    find_dates,
    header_dates,
    meta_date,
    resolve_date,
)
from kg.ingest.read import strip_html

PAGE = ("""株洲日报
2024年3月12日 星期二
A03 县域·攸县

攸县召开乡村振兴工作推进会

株洲日报记者 贺晓岚 通讯员 龙子墨

本报讯 3月11日,攸县乡村振兴工作推进会召开。县委书记欧阳林峰出席并讲话,"""
        """县委副书记、县长谭文博主持。会议于2023年12月部署的各项任务已全部完成。

醴陵陶瓷产业链签约6个项目

株洲日报记者 贺晓岚

本报讯(记者 贺晓岚)日前,醴陵市陶瓷产业链招商推介会在长沙举行,现场签约项目6个。
""")


def starts(text: str, *headlines: str) -> list[int]:
    """Article starts: where each headline is (the segmenter's job in the pipeline)."""
    return [text.index(h) for h in headlines]


def dates(found):
    return [f.date if f else None for f in found]


# ------------------------------------------------------------------ page headers

def test_a_page_header_dates_the_page_and_its_offsets_point_at_the_date():
    (found,) = header_dates(PAGE)
    assert found == FoundDate("2024-03-12", "day", "header", found.start, found.end)
    assert PAGE[found.start:found.end] == "2024年3月12日"


@pytest.mark.parametrize("line, date", [
    ("株洲日报 2024年3月12日 星期二", "2024-03-12"),
    ("2024-03-12 星期二 第03版", "2024-03-12"),
    ("岳阳日报 2024年03月12日 第3版", "2024-03-12"),
    ("常德日报 2024.3.12", "2024-03-12"),
    ("湘潭日报 2024/3/12 周二", "2024-03-12"),
    ("二〇二四年三月十二日 星期二 农历甲辰年二月初三", "2024-03-12"),
    ("第 23 期 总第1647期 本期16版 2024年3月12日 星期二 甲辰年二月初三", "2024-03-12"),
    ("湖南日报·新湖南客户端 2024-03-12 09:30:15", "2024-03-12"),
    ("发布时间:2024-03-12 09:30 来源:株洲日报", "2024-03-12"),
    ("株洲日报 ２０２４年３月１２日 星期二", "2024-03-12"),        # full-width, as a page may write it
    ("株洲日報 2024年3月12日 星期二", "2024-03-12"),              # traditional characters
    ("株洲日报 2024年3月12日 星期三", None),                      # the weekday disagrees: which is wrong?
    ("株洲日报 2024年2月30日", None),                             # no such day
    ("株洲日报 1948年3月12日", None),                             # before 1949
    ("2024年3月12日:一个值得铭记的日子", None),                   # a headline, not furniture
    ("(2024年3月8日株洲市第十六届人民代表大会常务委员会第十九次会议通过)", None),
])
def test_header_lines(line, date):
    found = header_dates(f"{line}\n要闻\n攸县召开乡村振兴工作推进会,县委书记欧阳林峰出席并讲话。\n")
    assert dates(found) == ([date] if date else [])


def test_the_functions_read_raw_text_and_clean_text_alike_with_the_same_offsets():
    raw = "株洲日報\n\n２０２４年３月１２日　星期二\n\n攸縣召開鄉村振興工作推進會,縣委書記歐陽林峰出席並講話。\n"
    text, offsets, _ = clean(raw)
    (on_raw,), (on_clean,) = header_dates(raw), header_dates(text)
    assert on_raw.date == on_clean.date == "2024-03-12"
    assert raw[on_raw.start:on_raw.end] == "２０２４年３月１２日"
    assert offsets.span(on_clean.start, on_clean.end) == (on_raw.start, on_raw.end)


def test_a_date_in_body_text_never_dates_the_page():
    body = "攸县召开乡村振兴工作推进会\n\n会议于2023年12月召开,2024年1月5日又召开了第二次会议。\n"
    assert header_dates(body) == []
    assert article_dates(body, [0], path="seeds/001_344709538c4b7dd9.txt") == [None]


def test_a_bare_date_under_a_notice_is_not_a_page_header():
    page = ("湘潭日报\n2024年7月2日 星期二\n\n湘潭市人民代表大会常务委员会任免名单\n\n"
            "任命刘明远为湘潭市教育局局长。\n\n2024年6月28日\n\n二〇二四年六月三十日\n\n"
            "雨湖区开展防汛演练\n\n湘潭日报记者 周雨桐\n\n本报讯 7月1日,雨湖区开展防汛应急演练。\n")
    assert dates(header_dates(page)) == ["2024-07-02"]


def test_a_bare_date_line_dates_a_page_only_at_its_top():
    assert dates(header_dates("2024年3月12日\n攸县召开乡村振兴工作推进会\n会议强调,要抓好春耕生产。\n")) == [
        "2024-03-12"]
    nav = "首页\n新闻中心\n县域动态\n图片新闻\n2024-03-10\n攸县召开乡村振兴工作推进会\n会议强调,要抓好春耕生产。\n"
    assert header_dates(nav) == []


def test_every_article_of_a_page_takes_the_page_date_and_a_second_page_its_own():
    second = ("\n株洲日报 2024年3月13日 星期三 A04\n\n茶陵县举行招商推介会\n\n"
              "株洲日报记者 龙子墨\n\n本报讯 3月12日,茶陵县举行招商推介会。\n")
    page = PAGE + second
    found = article_dates(page, starts(page, "攸县召开", "醴陵陶瓷", "株洲日报 2024年3月13日"))
    assert dates(found) == ["2024-03-12", "2024-03-12", "2024-03-13"]
    assert {f.source for f in found} == {"header"}


# ------------------------------------------------------------------ datelines

NO_HEADER = """攸县召开乡村振兴工作推进会

株洲日报记者 贺晓岚

本报讯(记者 贺晓岚 通讯员 龙子墨)3月11日,攸县乡村振兴工作推进会召开,县委书记欧阳林峰出席。

醴陵陶瓷产业链签约6个项目

株洲日报记者 贺晓岚

湖南日报3月10日讯(全媒体记者 贺晓岚)醴陵市陶瓷产业链招商推介会在长沙举行,现场签约项目6个。

茶陵县举行招商推介会

株洲日报记者 龙子墨

本报讯(记者 龙子墨)日前,茶陵县举行招商推介会,签约项目3个。

炎陵黄桃产业发展大会召开

株洲日报记者 龙子墨

3月9日上午,炎陵黄桃产业发展大会召开。县委副书记、县长罗清源出席。
"""
FOUR = starts(NO_HEADER, "攸县召开", "醴陵陶瓷", "茶陵县举行", "炎陵黄桃")


def test_datelines_take_their_year_from_the_file_name_and_日前_gives_no_day():
    found = article_dates(NO_HEADER, FOUR, path="archive/2024-03-12.txt")
    assert dates(found) == ["2024-03-11", "2024-03-10", "2024-03-12", "2024-03-09"]
    assert [f.source for f in found] == ["dateline", "dateline", "filename", "dateline"]
    assert [NO_HEADER[f.start:f.end] for f in found if f.source == "dateline"] == ["3月11日", "3月10日", "3月9日"]


def test_a_month_in_the_file_name_gives_datelines_their_year():
    found = article_dates(NO_HEADER, FOUR, path="archive/2024-03.txt")
    assert [(f.date, f.source) for f in found] == [("2024-03-11", "dateline"), ("2024-03-10", "dateline"),
                                                   ("2024-03", "filename"), ("2024-03-09", "dateline")]
    assert found[2].precision == "month"


def test_a_dateline_without_a_year_and_nothing_to_take_it_from_gives_no_date():
    assert article_dates(NO_HEADER, FOUR, path="news/page.txt") == [None] * 4


@pytest.mark.parametrize("first, reference, date", [
    ("本报讯(记者 贺晓岚)12月30日,攸县召开年终总结会。", "2024-01-03", "2023-12-30"),   # a later month: last year
    ("湖南日报1月2日讯(记者 贺晓岚)攸县召开年终总结会。", "2024-01-03", "2024-01-02"),
    ("新华社长沙1月2日电(记者 贺晓岚)攸县召开年终总结会。", "2024-01-03", "2024-01-02"),
    ("株洲日报讯 1月4日,攸县召开年终总结会。", "2024-01-03", "2024-01-04"),          # a morning paper
    ("株洲日报讯 1月9日,攸县将召开年终总结会。", "2024-01-03", None),                 # in the future: refused
    ("株洲日报讯 2月30日,攸县召开年终总结会。", "2024-03-03", None),                  # no such day
    ("本报讯 2023年12月30日,攸县召开年终总结会。", None, "2023-12-30"),                # a year needs no reference
    ("株洲日报(全媒体记者/贺晓岚 通讯员/龙子墨)6月24日,攸县召开防汛工作会。", "2024-06-25", "2024-06-24"),
    ("本报讯(记者 贺晓岚)近日,攸县召开防汛工作会。", "2024-06-25", None),
    ("2019年3月11日,贺晓岚第一次来到攸县。", "2024-06-25", None),                     # a story's past, not a dateline
])
def test_datelines(first, reference, date):
    text = f"攸县新闻\n\n{first}\n"
    ref = dt.date.fromisoformat(reference) if reference else None
    found = dateline_date(text, 0, len(text), ref)
    assert (found.date if found else None) == date
    if found:
        assert found.source == "dateline" and text[found.start:found.end].endswith("日")


# ------------------------------------------------------------------ HTML meta

def html_page(head: str) -> str:
    return (f"<html><head><meta charset=\"utf-8\">{head}<title>攸县召开乡村振兴工作推进会</title></head>"
            "<body><div>首页 &gt; 县域</div><h1>攸县召开乡村振兴工作推进会</h1>"
            "<p>发布时间:2024-03-12 09:30 来源:株洲日报</p><p>3月11日,攸县乡村振兴工作推进会召开。</p></body></html>")


@pytest.mark.parametrize("head, date", [
    ('<meta property="article:published_time" content="2024-03-12T09:30:00+08:00">', "2024-03-12"),
    ('<meta property="article:published_time" content="2024-03-11T23:30:00Z">', "2024-03-12"),   # 07:30 in China
    ('<meta name="PubDate" content="2024-03-12 09:30">', "2024-03-12"),
    ("<meta name='publishdate' content='2024/03/12'>", "2024-03-12"),
    ('<meta itemprop="datePublished" content="2024-03-12">', "2024-03-12"),
    ('<meta name="pubdate" content="20240312">', "2024-03-12"),
    ('<meta property="article:modified_time" content="2024-05-01T10:00:00+08:00">', None),   # not the publication
    ('<meta name="PubDate" content="2024-02-30 09:30">', None),
    ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-12T09:30:00+08:00"}</script>',
     "2024-03-12"),
])
def test_published_time_metas(head, date):
    markup = html_page(head)
    found = meta_date(markup)
    assert (found.date if found else None) == date
    if found:
        assert found.source == "meta" and "2024" in markup[found.start:found.end]


def test_the_most_trusted_meta_wins_and_an_html_page_also_has_its_header_line():
    markup = html_page('<meta name="publishdate" content="2024-03-13"><meta property="article:published_time" '
                       'content="2024-03-12T09:30:00+08:00">')
    assert meta_date(markup).date == "2024-03-12"
    text = strip_html(markup)
    assert dates(header_dates(text)) == ["2024-03-12"]
    assert [(f.date, f.source) for f in article_dates(text, [0], meta=meta_date(markup))] == [("2024-03-12", "meta")]


# ------------------------------------------------------------------ file names

@pytest.mark.parametrize("path, date", [
    ("corpus/2024-03-12.txt", "2024-03-12"),
    ("corpus/20240312_a01.txt", "2024-03-12"),
    ("corpus/zzrb_2024_03_12_a03.html", "2024-03-12"),
    ("corpus/株洲日报2024年3月12日.txt", "2024-03-12"),
    ("corpus/2024-03.txt", "2024-03"),
    ("corpus/2024-03-12/a01.txt", "2024-03-12"),                # the folder, named by the date
    ("corpus/20240312/a01.txt", "2024-03-12"),
    ("seeds/001_344709538c4b7dd9.txt", None),                   # digits of a hash are not a date
    ("corpus/a5dca6b920240312f68b.txt", None),
    ("corpus/2024-03-12_to_2024-03-15.txt", None),              # two dates: which one?
    ("corpus/2024-02-30.txt", None),
    ("corpus/1948-03-12.txt", None),
    ("corpus/2024/page3.txt", None),
])
def test_file_names(path, date):
    found = filename_date(path)
    assert (found.date if found else None) == date
    if found:
        assert found.source == "filename" and found.precision == ("day" if len(date) == 10 else "month")
        assert path[found.start:found.end].replace("_", "-").startswith(date[:4])


def test_the_date_policy():
    two = starts(PAGE, "攸县召开", "醴陵陶瓷")
    assert dates(article_dates(PAGE, two, path="x/2024-01-01.txt")) == ["2024-03-12"] * 2
    assert dates(article_dates(PAGE, two, path="x/2024-01-01.txt", policy="filename")) == ["2024-01-01"] * 2
    assert dates(article_dates(NO_HEADER, FOUR, path="x/2024-03-12.txt", policy="text")) == [None] * 4
    assert dates(article_dates(PAGE, two, path="x/2024-01-01.txt", policy="none")) == [None] * 2
    with pytest.raises(ValueError):
        article_dates(PAGE, two, policy="mtime")


# ------------------------------------------------------------------ dates in sentences

REF = dt.date(2024, 3, 12)       # a Tuesday


@pytest.mark.parametrize("expression, reference, expected", [
    ("昨天", REF, ("2024-03-11", "day")),
    ("前天", REF, ("2024-03-10", "day")),
    ("上周五", REF, ("2024-03-08", "day")),
    ("本周一", REF, ("2024-03-11", "day")),
    ("3月11日", REF, ("2024-03-11", "day")),
    ("12月28日", REF, ("2023-12-28", "day")),
    ("今年3月", REF, ("2024-03", "month")),
    ("去年12月", REF, ("2023-12", "month")),
    ("2023年12月", None, ("2023-12", "month")),
    ("二〇二四年三月八日", None, ("2024-03-08", "day")),
    ("2月30日", REF, None),
    ("3月11日", None, None),
    ("昨天", None, None),
    ("日前", REF, None),
])
def test_resolve_date(expression, reference, expected):
    assert resolve_date(expression, reference) == expected


def test_find_dates_in_a_sentence_keeps_what_it_cannot_resolve():
    sentence = "会议于2023年12月召开;昨天,株洲市人大常委会决定免去周立新的株洲市教育局局长职务,日前已公示。"
    found = find_dates(sentence, REF)
    assert [(sentence[f.start:f.end], f.date, f.precision) for f in found] == [
        ("2023年12月", "2023-12", "month"), ("昨天", "2024-03-11", "day"), ("日前", None, "")]
    assert {f.source for f in found} == {"body"}

"""Issue 15, items 2-4: each post's status (current, nominated, ended, former), the days the corpus
first and last saw it, the start and end its notices date, and its rank; how the statements of
several sources settle (kg.resolve.career); and officials.rq, the evaluation's contract, leaving
ended posts out."""
from __future__ import annotations

import datetime as dt
import itertools
import os

import pytest
import rdflib

import kg
from kg.resolve.career import Career, Statement, settle

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def page(day: str, body: str, paper: str = "株洲日报") -> str:
    y, m, d = (int(x) for x in day.split("-"))
    weekday = "一二三四五六日"[dt.date(y, m, d).weekday()]
    return f"{paper}\n{y}年{m}月{d}日 星期{weekday}\nA02 政务\n\n\n{body}\n"


def posts(graph) -> dict[tuple[str, str, str], object]:
    return {(f.subject.name, f.title, f.object.name): f for f in graph.facts if f.predicate == "holds_post"}


MEETING = ("攸县召开教育工作会议\n\n本报讯(记者 李晓彤)攸县召开全县教育工作会议。县委副书记、县长谭立新出席会议,"
           "原县教育局局长周国富、新任县教育局局长彭雅琴参加。")
NOTICE = ("攸县人民政府关于彭雅琴等同志职务任免的通知\n\n经县人民政府研究决定:\n任命彭雅琴为攸县教育局局长;\n"
          "免去周国富的攸县教育局局长职务;\n提名刘建波为攸县人民政府副县长候选人。")


# ------------------------------------------------------------------ one page

def test_a_dated_notice_gives_statuses_and_its_day_as_start_and_end():
    graph = kg.extract_text(page("2024-03-12", NOTICE), "notice.txt")
    found = posts(graph)
    appointed = found["彭雅琴", "局长", "攸县教育局"]
    assert (appointed.status, appointed.start, appointed.end) == ("current", "2024-03-12", "")
    dismissed = found["周国富", "局长", "攸县教育局"]
    assert (dismissed.status, dismissed.start, dismissed.end) == ("ended", "", "2024-03-12")
    nominated = found["刘建波", "副县长", "攸县人民政府"]
    assert (nominated.status, nominated.start, nominated.end) == ("nominated", "", "")
    for f in found.values():
        assert (f.first_seen, f.last_seen) == ("2024-03-12", "2024-03-12")


def test_a_person_only_dismissed_holds_no_current_post():
    graph = kg.extract_text(page("2024-03-12", NOTICE), "notice.txt")
    held = {(key[1], f.status) for key, f in posts(graph).items() if key[0] == "周国富"}
    assert held == {("局长", "ended")}


def test_a_former_and_a_new_holder_in_a_meeting_report():
    graph = kg.extract_text(page("2024-03-12", MEETING), "report.txt")
    found = posts(graph)
    assert found["周国富", "局长", "攸县教育局"].status == "former"
    assert found["彭雅琴", "局长", "攸县教育局"].status == "current"
    assert found["谭立新", "县长", "攸县人民政府"].status == "current"
    assert all(f.start == f.end == "" for f in found.values())          # a report dates no tenure


def test_an_undated_page_gives_statuses_without_dates():
    graph = kg.extract_text(NOTICE, "notice.txt")
    found = posts(graph)
    assert found["周国富", "局长", "攸县教育局"].status == "ended"
    assert all(f.first_seen == f.last_seen == f.start == f.end == "" for f in found.values())


def test_the_lines_of_a_dismissal_list_are_dismissals():
    text = page("2024-07-02", "湘潭市人民代表大会常务委员会任免名单\n\n二、决定免去:\n邹立新的湘潭市教育局局长职务;\n"
                              "钟汉生的湘潭市中级人民法院副院长职务(退休)。", paper="湘潭日报")
    found = posts(kg.extract_text(text, "list.txt"))
    assert {k: (f.status, f.end) for k, f in found.items()} == {
        ("邹立新", "局长", "湘潭市教育局"): ("ended", "2024-07-02"),
        ("钟汉生", "副院长", "湘潭市中级人民法院"): ("ended", "2024-07-02")}


# ------------------------------------------------------------------ across the corpus

def test_a_post_stated_current_then_ended_is_ended_with_its_end_whatever_the_order_of_files():
    texts = {"a-report.txt": page("2024-03-12", MEETING.replace("原县教育局局长周国富", "县教育局局长周国富")
                                  .replace("新任县教育局局长彭雅琴", "县教育局副局长彭雅琴")),
             "b-notice.txt": page("2024-06-30", NOTICE)}
    for names in itertools.permutations(texts):
        renamed = {f"{i}-{n}": texts[n] for i, n in enumerate(names)}     # the files read in either order
        post = posts(kg.extract_texts(renamed))["周国富", "局长", "攸县教育局"]
        assert (post.status, post.first_seen, post.last_seen, post.start, post.end) == \
            ("ended", "2024-03-12", "2024-06-30", "", "2024-06-30")
        appointed = posts(kg.extract_texts(renamed))["彭雅琴", "局长", "攸县教育局"]
        assert (appointed.status, appointed.start) == ("current", "2024-06-30")


S = Statement


@pytest.mark.parametrize("statements, career", [
    # seen current in March, ended in June: ended on its notice's day
    ([S("2024-03-01", "current", ""), S("2024-06-30", "ended", "dismissed")],
     Career("ended", "2024-03-01", "2024-06-30", "", "2024-06-30")),
    # a dismissal printed again: the post ended on the first day
    ([S("2024-03-01", "current", ""), S("2024-06-30", "ended", "dismissed"), S("2024-07-04", "ended", "dismissed")],
     Career("ended", "2024-03-01", "2024-07-04", "", "2024-06-30")),
    # nominated and appointed on one page: current, from that day
    ([S("2024-07-02", "nominated", "nominated"), S("2024-07-02", "current", "appointed")],
     Career("current", "2024-07-02", "2024-07-02", "2024-07-02", "")),
    # a dismissal and a 原局长 on one day: ended
    ([S("2024-07-02", "former", ""), S("2024-07-02", "ended", "dismissed")],
     Career("ended", "2024-07-02", "2024-07-02", "", "2024-07-02")),
    # appointed, dismissed, appointed again: current, from the second appointment
    ([S("2020-01-05", "current", "appointed"), S("2022-01-05", "ended", "dismissed"),
      S("2024-01-05", "current", "elected"), S("2024-03-01", "current", "")],
     Career("current", "2020-01-05", "2024-03-01", "2024-01-05", "")),
    # appointed, then dismissed: the tenure's two ends
    ([S("2021-05-01", "current", "appointed"), S("2021-05-20", "current", "appointed"),
      S("2023-09-01", "ended", "dismissed")],
     Career("ended", "2021-05-01", "2023-09-01", "2021-05-01", "2023-09-01")),
    # an undated dismissal is no later than a dated statement; alone, it ends the post undated
    ([S("", "ended", "dismissed"), S("2024-03-01", "current", "")],
     Career("current", "2024-03-01", "2024-03-01", "", "")),
    ([S("", "ended", "dismissed"), S("", "current", "")], Career("ended", "", "", "", "")),
    # a nomination dates no start
    ([S("2024-07-01", "nominated", "nominated")], Career("nominated", "2024-07-01", "2024-07-01", "", "")),
    ([], Career("current", "", "", "", "")),
])
def test_statements_settle_in_date_order_then_by_stage(statements, career):
    for order in itertools.permutations(statements):
        assert settle(order) == career


# ------------------------------------------------------------------ the evaluation's contract

def officials(graph) -> set[tuple[str, str, str]]:
    """officials.rq's rows on the graph's Turtle, read as the scorer reads them (rdflib)."""
    g = rdflib.Graph().parse(data=kg.to_turtle(graph), format="turtle")
    with open(os.path.join(ROOT, "ontology", "queries", "officials.rq"), encoding="utf-8") as fh:
        return {(str(r.person), str(r.title), str(r.org)) for r in g.query(fh.read())}


def test_officials_leaves_ended_posts_out_and_keeps_nominated_and_former_ones():
    rows = officials(kg.extract_texts({"a.txt": page("2024-03-12", MEETING), "b.txt": page("2024-03-13", NOTICE)}))
    assert ("彭雅琴", "局长", "攸县教育局") in rows
    assert ("刘建波", "副县长", "攸县人民政府") in rows                 # nominated
    assert not any(person == "周国富" for person, _, _ in rows)       # former, then ended: ended
    rows = officials(kg.extract_text(page("2024-03-12", MEETING), "a.txt"))
    assert ("周国富", "局长", "攸县教育局") in rows                     # only former: kept


# ------------------------------------------------------------------ ranks

def test_posts_of_party_and_state_bodies_get_the_rank_of_their_title_and_level():
    text = page("2024-03-12", "攸县召开教育工作会议\n\n本报讯 攸县召开全县教育工作会议。县委副书记、县长谭立新出席会议,"
                              "县委常委、组织部部长易晓阳,县教育局局长彭雅琴,株洲市教育局局长龙振华,"
                              "网岭镇党委书记贺志斌,株洲市中心医院院长蔡文良参加。")
    ranks = {k: f.rank for k, f in posts(kg.extract_text(text, "a.txt")).items()}
    assert ranks["谭立新", "副书记", "中共攸县委员会"] == "副处级"
    assert ranks["谭立新", "县长", "攸县人民政府"] == "正处级"
    assert ranks["彭雅琴", "局长", "攸县教育局"] == "正科级"           # a county's bureau
    assert ranks["龙振华", "局长", "株洲市教育局"] == "正处级"         # a prefecture's
    assert ranks["贺志斌", "书记", "网岭镇党委"] == "正科级"
    assert ranks["蔡文良", "院长", "株洲市中心医院"] == ""             # a hospital: outside the civil service
    assert ranks["易晓阳", "常委", "中共攸县委员会"] == "副处级"


def test_a_subdistrict_body_the_gazetteer_cannot_place_still_ranks_as_a_townships():
    text = page("2024-05-22", "龙阳街道:网格连民心\n\n麦晓东\n\n近年来,汉寿县龙阳街道推进网格化管理。\n\n"
                              "(作者系汉寿县龙阳街道党工委副书记)")
    found = posts(kg.extract_text(text, "a.txt"))
    assert found["麦晓东", "副书记", "汉寿县龙阳街道党工委"].rank == "副科级"     # not the county's 副处级

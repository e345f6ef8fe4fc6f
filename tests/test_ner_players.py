"""`kg ner`: foreign names in sports and general news — players and coaches against
clubs and places (kg/extract/persons/, kg/ner/sports.py `find_teams`). The
sentences are written for these tests."""
from __future__ import annotations

import pytest

from kg.lexicon.lexicon import load_lexicon
from kg.ner import recognise
from kg.ner.clubs import club_like

HUNAN = load_lexicon("430000")   # the home province the rules were written for


def tagged(text: str) -> set[tuple[str, str, str]]:
    return {(m["text"], m["type"], m["subtype"]) for m in recognise(text, HUNAN)}


def persons(text: str) -> list[str]:
    return [m["text"] for m in recognise(text, HUNAN) if m["type"] == "person"]


def test_club_forms():
    assert club_like("阿森纳") and club_like("费耶诺德")
    assert club_like("米德尔")          # the start of 米德尔斯堡, as a match preview writes it
    assert not club_like("米德")        # too short to tell
    assert not club_like("科雷萨罗")


@pytest.mark.parametrize("text, expected", [
    # in a match report, a foreign name that is no club and no place is a player, cue or not
    ("上轮比赛中，科雷萨罗的发挥至关重要，帮助球队客场取胜。", {("科雷萨罗", "person", "")}),
    ("本轮比赛，主队的进攻要依靠达米亚诺维奇在中路的组织。", {("达米亚诺维奇", "person", "")}),
    ("主帅赛后承认，球队少了帕斯托雷利，进攻乏力。", {("主帅", "title", ""), ("帕斯托雷利", "person", "")}),
    # clubs stay teams, also written short
    ("本轮联赛，费耶诺德主场迎战格罗宁根。",
     {("费耶诺德", "institution", "other"), ("格罗宁根", "institution", "other")}),
    ("米德尔上周客场惨败，这一轮必须全取三分。", {("米德尔", "institution", "other")}),
    # two characters: a player when they stand whole and start no club's name
    ("本场比赛，主队的锋线依靠鲁卡，他的状态非常好。", {("鲁卡", "person", "")}),
    ("球队中场核心伤愈复出，佩顿也将首发。", {("中场", "title", ""), ("佩顿", "person", "")}),
    ("上轮联赛，勒沃客场取胜，本场主胜。", {("勒沃", "institution", "other")}),
    # a foreign name the dictionary lists as a rare noun, with what is said of a person after it
    ("比赛结束后，扬格也承认球队踢得不好。", {("扬格", "person", "")}),
    ("不过胡珀的球队本场必须取胜。", {("胡珀", "person", "")}),
    ("两队在联赛历史上只交手过两次。", set()),                  # a common noun
    # a foreign name the segmenter calls a place, but no place or club the lexicons know, is a player
    ("本场比赛，客队依靠伦德的远射扳平比分。", {("伦德", "person", "")}),
    ("赛季初伦尼教练对阵容做了调整。", {("伦尼", "person", ""), ("教练", "title", "")}),
    # a match report is told by its words (首发出场) or by a club's name of three characters or more
    ("上周末，帕尔蒂诺再次首发出场。", {("帕尔蒂诺", "person", "")}),
    ("阿森纳近况不佳，托雷蒂诺难辞其咎。", {("阿森纳", "institution", "other"), ("托雷蒂诺", "person", "")}),
    # 首发 alone is no match report's word: a product's launch
    ("新品在北京、杭州首发，活动也在上海举行。",
     {("北京", "region", ""), ("杭州", "region", ""), ("上海", "region", "")}),
    # the name's last character glued to the word after it goes back to the name (马蒂诺|斯会)
    ("本场比赛马蒂诺斯会更多地从右路突破。", {("马蒂诺斯", "person", "")}),
    # a club's name is the club, even with what reads as a person's cue (a bracket after it)
    ("目前积分榜上，领头的切尔西（35分）优势明显。", {("切尔西", "institution", "other")}),
    # a betting house is a company; a term of match previews is nothing
    ("威廉希尔为这场比赛开出的主胜赔率是1.55。", {("威廉希尔", "institution", "company")}),
    ("本轮比赛的凯利指数显示主队占优。", set()),
    ("本场比赛，威廉·希尔开出了较低的主胜赔率。", {("威廉·希尔", "institution", "company")}),
    # two clubs written together are no player
    ("本轮联赛，罗马米兰均有主场之利。", {("罗马米兰", "institution", "other")}),
])
def test_match_report_players_and_clubs(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize("text", [
    "从赔率看，威廉希尔凯比值偏低，本场比赛主队不败可期。",       # a betting house, a word glued after it
    "本场比赛在马尔科维公园球场进行，主队占优。",             # a ground
    "上赛季，这支球队的平局多达九场，进球却不少。",             # a word the dictionary tags as a foreign name
])
def test_match_report_no_player(text):
    assert persons(text) == []


@pytest.mark.parametrize("text, expected", [
    # what is said only of a person after a foreign name (生前, 的时代, 作于, 宣称…)
    ("据说卡斯泰利生前最喜欢这幅画。", ["卡斯泰利"]),
    ("即使在阿雷戈尼的时代，球队也没有这样的阵容。", ["阿雷戈尼"]),
])
def test_person_cues_after_foreign_names(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text, expected", [
    # three foreign names or more in a list, none a place or a club, are people
    ("展出的作品包括布洛维奇、马特里尼和卡斯特拉诺的油画。", ["布洛维奇", "马特里尼", "卡斯特拉诺"]),
    # not a list of places
    ("他去过伦敦、巴黎、马德里和维也纳。", []),
])
def test_long_lists_of_foreign_names(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text", [
    # a foreign name before a sight's or a venue's word is a place (…小镇, …拱门, …神庙, …赛道)
    "我们的第一站是安德马特小镇，风景很美。",
    "傍晚我们到了壮观的奥尔特加拱门。",
])
def test_foreign_places_are_no_persons(text):
    assert persons(text) == []

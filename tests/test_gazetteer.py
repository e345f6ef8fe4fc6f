"""Tests for kg.lexicon.gazetteer (shipped data: kg/data/divisions.tsv, renamings.tsv)."""

import pytest

from kg.lexicon.gazetteer import Division, Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def codes(divs):
    return [d.code for d in divs]


def test_short_form_prefecture(gaz):
    found = gaz.lookup("株洲")
    assert codes(found) == ["430200"]
    assert found[0] == Division("430200", "株洲市", "株洲", "prefecture", "430000")


def test_county_full_name_and_ancestors(gaz):
    (d,) = gaz.lookup("天元区")
    assert d.code == "430211" and d.parent == "430200" and d.level == "county"
    assert [(a.code, a.name) for a in gaz.ancestors("430211")] == [
        ("430200", "株洲市"), ("430000", "湖南省")]
    assert gaz.lookup("天元") == [d]


def test_province(gaz):
    (d,) = gaz.lookup("湖南省")
    assert d.code == "430000" and d.level == "province" and d.parent == ""
    assert gaz.lookup("湖南") == [d]
    assert gaz.ancestors("430000") == []


def test_renamed_county_resolves_to_current_code(gaz):
    # jionlp's change log: 2018-06-19 国批 株洲县 => 湖南省 株洲市 渌口区
    found = gaz.lookup("株洲县")
    assert codes(found) == ["430212"]
    assert found[0].name == "渌口区"
    assert ("渌口区", "430212", "2018-06-19") in gaz.renamings["株洲县"]
    assert gaz.lookup("宁乡县")[0].name == "宁乡市"
    assert codes(gaz.lookup("襄樊市")) == ["420600"]  # 襄樊市 -> 襄阳市 (2010)


def test_ambiguous_short_form_keeps_all_candidates(gaz):
    found = gaz.lookup("长沙")
    assert codes(found) == ["430100", "430121"]   # prefecture before county
    assert [d.name for d in found] == ["长沙市", "长沙县"]
    assert gaz.surfaces()["长沙"] == ["430100", "430121"]


def test_hunan_township(gaz):
    found = gaz.lookup("龙船镇")
    hunan = [d for d in found if d.parent == "430212"]
    assert len(hunan) == 1
    t = hunan[0]
    assert t.level == "township" and t.code == "430212-龙船镇"
    assert t in gaz.children("430212")
    assert [a.code for a in gaz.ancestors(t.code)] == ["430212", "430200", "430000"]
    assert gaz.is_within(t.code, "430000")
    assert gaz.is_within(t.code, "430200")
    assert not gaz.is_within(t.code, "430100")


def test_townships_only_for_hunan(gaz):
    townships = [d for d in gaz if d.level == "township"]
    assert len(townships) > 1500
    assert all(d.parent.startswith("43") for d in townships)
    assert all(gaz.get(d.parent).level == "county" for d in townships)


def test_is_within(gaz):
    assert gaz.is_within("430211", "430200")
    assert gaz.is_within("430211", "430000")
    assert gaz.is_within("430211", "430211")
    assert not gaz.is_within("430200", "430211")
    assert not gaz.is_within("430121", "430200")
    assert not gaz.is_within("999999", "430000")


def test_whole_country_levels(gaz):
    levels = {}
    for d in gaz:
        levels[d.level] = levels.get(d.level, 0) + 1
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 360
    assert levels["county"] > 2800
    for d in gaz:
        if d.level != "township":
            assert len(d.code) == 6 and d.code.isdigit(), d
        if d.level != "province":
            assert gaz.get(d.parent) is not None, d
    # municipalities: districts hang directly under the province
    assert gaz.get(gaz.lookup("浦东新区")[0].parent).name == "上海市"


def test_children_and_get(gaz):
    kids = gaz.children("430200")
    assert "430211" in codes(kids) and "430212" in codes(kids)
    assert all(k.parent == "430200" for k in kids)
    assert codes(kids) == sorted(codes(kids))
    assert gaz.get("433100").short == "湘西"
    assert gaz.get("nope") is None
    assert gaz.lookup("不存在的地方") == []


def test_surfaces(gaz):
    s = gaz.surfaces()
    assert s["株洲"] == ["430200"]
    assert s["株洲县"] == ["430212"]
    assert "430212-龙船镇" in s["龙船镇"]
    assert all(len(k) >= 2 for k in s)          # no one-char short forms
    assert "高新区" not in s and "经开区" not in s  # generic aliases dropped
    s["株洲"].append("x")                         # returned copy is safe to mutate
    assert gaz.surfaces()["株洲"] == ["430200"]


def test_lookup_order_is_level_then_code(gaz):
    rank = {"province": 0, "prefecture": 1, "county": 2, "township": 3}
    for surface, cands in gaz.surfaces().items():
        ds = [gaz.get(c) for c in cands]
        keys = [(rank[d.level], d.code) for d in ds]
        assert keys == sorted(keys), surface


def test_load_is_cached():
    # (speed is measured in benchmarks/, not asserted in tests)
    load_gazetteer.cache_clear()
    g = load_gazetteer()
    assert load_gazetteer() is g

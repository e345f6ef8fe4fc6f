"""Tests for kg.lexicon.names (shipped data: kg/data/surnames.tsv, given_chars.tsv, given_names.tsv)."""
from kg.lexicon.names import (
    load_given_chars,
    load_given_ratios,
    load_surnames,
    name_score,
    person_name_score,
    split_name,
)


def test_surnames_loaded():
    s = load_surnames()
    for sur in "王李张刘陈罗欧肖粟旷":
        assert s[sur] > 0, sur
    for comp in ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒",
                 "夏侯", "尉迟", "公孙", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫", "西门"):
        assert s[comp] > 0, comp
    assert s["王"] > s["罗"] > s["粟"]
    assert "认" not in s and "的" not in s
    assert 0.95 < sum(s.values()) < 1.05
    assert len(s) >= 500


def test_given_chars_loaded():
    g = load_given_chars()
    assert g["鹏"] > 0.5
    assert g["伟"] > g["的"]
    assert all(0.0 <= p <= 1.0 for p in g.values())
    assert "认" not in g or g["认"] < 0.05


def test_name_score_ranks_real_names_above_words():
    assert name_score("罗鹏程") > name_score("罗认真")
    assert name_score("罗鹏程") > 0.5
    assert name_score("王伟") > name_score("那些")
    assert name_score("刘德华") > name_score("周末")


def test_name_boundary():
    # 罗鹏程 is a better full name than 罗鹏, and 罗鹏 better than 罗鹏市
    assert name_score("罗鹏程") > name_score("罗鹏") > name_score("罗鹏市")


def test_compound_surname():
    assert name_score("欧阳浩") > 0.3
    assert ("欧阳", "浩") in split_name("欧阳浩")
    assert name_score("司马光") > 0
    assert name_score("诸葛亮明") > 0       # compound + 2 given chars
    assert name_score("欧阳") == 0.0         # bare compound surname


def test_not_a_name():
    assert name_score("认真聆") == 0.0      # 认 is not a surname
    assert name_score("王") == 0.0
    assert name_score("王小明明") == 0.0     # 1-char surname + 3 given chars
    assert name_score("李abc") == 0.0
    assert name_score("长沙市") == 0.0      # 长 alone is not a surname (only 长孙)
    assert name_score("") == 0.0


def test_range():
    for s in ("罗鹏程", "欧阳浩", "王伟", "张三", "那些", "东方红", "高兴"):
        assert 0.0 <= name_score(s) <= 1.0


def test_given_ratios_loaded():
    r = load_given_ratios()
    assert r["鹏"] > r["伟"] > r["明"] > 0 > r["的"] > r["说"]
    assert len(r) > 5000


def test_person_name_score_uses_real_given_names():
    # jieba's name tags rate 迅 low and 末 high; real given names say otherwise
    assert name_score("周迅") < name_score("周末")
    assert person_name_score("周迅") > person_name_score("周末")
    # a character of ordinary text glued after a name lowers it (宋焱|报道)
    assert person_name_score("宋焱") > person_name_score("宋焱报")
    assert person_name_score("王伟") > person_name_score("王的")
    assert person_name_score("罗鹏程") > 0.5
    # the same shape rules as name_score
    for s in ("欧阳", "认真聆", "王", "王小明明", "李abc", ""):
        assert person_name_score(s) == 0.0
    assert person_name_score("欧阳浩") > 0.3

"""kg.lexicon.ranks: the rank (级别) of a post from its title, the kind of body and the level of the
body's place (kg/data/ranks.tsv), and the kind of body an institution's name says it is."""
from __future__ import annotations

import pytest

from kg.lexicon.ranks import BODIES, LEVELS, RANKS, body_kind, name_level, rank_of, rank_table


@pytest.mark.parametrize("title, body, level, rank", [
    # the examples: a county's 县委书记 and 县长, its 县委副书记, a prefecture's and a county's 局长, a 镇长
    ("书记", "party", "county", "正处级"),
    ("县长", "government", "county", "正处级"),
    ("副书记", "party", "county", "副处级"),
    ("局长", "department", "prefecture", "正处级"),
    ("局长", "department", "county", "正科级"),
    ("镇长", "government", "township", "正科级"),
    # the four levels of a party committee and its government
    ("书记", "party", "province", "正部级"),
    ("书记", "party", "prefecture", "正厅级"),
    ("书记", "party", "township", "正科级"),
    ("常委", "party", "prefecture", "副厅级"),
    ("常委", "party", "township", None),                 # a township committee has no standing committee
    ("委员", "party", "township", "副科级"),
    ("省长", "government", "province", "正部级"),
    ("常务副省长", "government", "province", "副部级"),
    ("市长", "government", "prefecture", "正厅级"),
    ("市长", "government", "county", "正处级"),           # a county-level city (汨罗市)
    ("副市长", "government", "prefecture", "副厅级"),
    ("州长", "government", "prefecture", "正厅级"),
    ("区长", "government", "county", "正处级"),
    ("常务副县长", "government", "county", "副处级"),
    ("副乡长", "government", "township", "副科级"),
    ("主任", "government", "township", "正科级"),         # a 街道办事处's
    ("县长", "government", "prefecture", None),
    # congresses, CPPCC, discipline, courts and procuratorates
    ("主任", "congress", "prefecture", "正厅级"),
    ("副主任", "congress", "county", "副处级"),
    ("主席", "congress", "township", "正科级"),           # a 镇人大主席
    ("主席", "cppcc", "county", "正处级"),
    ("副主席", "cppcc", "province", "副部级"),
    ("书记", "discipline", "county", "副处级"),
    ("纪委书记", "party", "prefecture", "副厅级"),
    ("主任", "discipline", "prefecture", "副厅级"),       # a 监委主任
    ("院长", "court", "prefecture", "副厅级"),            # a 中级人民法院
    ("检察长", "procuratorate", "county", "副处级"),
    ("副院长", "court", "county", "正科级"),
    # departments, one level down: a province's 厅, a prefecture's and a county's 局, 委, 办, 部
    ("厅长", "department", "province", "正厅级"),
    ("副局长", "department", "prefecture", "副处级"),
    ("主任", "department", "prefecture", "正处级"),       # 市发改委主任
    ("部长", "core", "county", "副处级"),                 # 县委组织部长: a standing-committee member
    ("副部长", "core", "county", "副科级"),
    ("书记", "core", "prefecture", "副厅级"),             # 市委政法委书记
    ("部长", "department", "county", "正科级"),           # 县委社会工作部部长
    ("党组书记", "department", "county", "正科级"),
    ("科长", "section", "prefecture", "正科级"),
    ("科长", "section", "county", None),                  # a county bureau's 股 is below the scale
    # outside the table
    ("院长", None, "prefecture", None),
    ("董事长", "department", "prefecture", None),
    ("书记", "party", "village", None),
])
def test_rank_of(title, body, level, rank):
    assert rank_of(title, body, level) == rank


@pytest.mark.parametrize("name, body", [
    ("中共衡南县委员会", "party"),
    ("中共株洲市天元区委员会", "party"),
    ("中共湖南省委员会", "party"),
    ("州委", "party"),
    ("鹿原镇党委", "party"),
    ("月塘街道党工委", "party"),
    ("攸县人民政府", "government"),
    ("圭塘街道办事处", "government"),
    ("湘潭市人大常委会", "congress"),
    ("湘潭市人民代表大会常务委员会", "congress"),
    ("中国人民政治协商会议衡南县委员会", "cppcc"),
    ("衡南县政协", "cppcc"),
    ("长沙市监委", "discipline"),
    ("中共攸县纪律检查委员会", "discipline"),
    ("中共衡南县委统战部", "core"),
    ("政法委", "core"),
    ("长沙市中级人民法院", "court"),
    ("衡南县人民检察院", "procuratorate"),
    ("湘潭县教育局", "department"),
    ("湖南省商务厅", "department"),
    ("株洲市发展和改革委员会", "department"),
    ("炎陵县委办", "department"),
    ("雨花区委社会工作部", "department"),
    ("邵阳市交通运输局综合规划科", "section"),
    # outside the ranked civil service, or ranked by more than the name
    ("株洲市中心医院", None),
    ("常德市第一人民医院心血管内科", None),
    ("湘潭大学", None),
    ("湖南润湘物流有限公司", None),
    ("衡阳市输变电装备行业协会", None),
    ("金鸡村党总支", None),
    ("德润园社区党委", None),
    ("衡阳高新区党工委", None),
    ("开福区检察院第二检察部", None),
    ("长沙海关", None),
    ("新化县公安局洋溪派出所", None),
])
def test_body_kind(name, body):
    assert body_kind(name) == body


def test_a_department_of_a_hospital_is_not_a_government_department():
    assert body_kind("护理部") == "department"
    assert body_kind("护理部", parents=["株洲市中心医院"]) is None
    assert body_kind("综合规划科", parents=["邵阳市交通运输局"]) == "section"


@pytest.mark.parametrize("title, body, level, code, rank", [
    ("书记", "party", "prefecture", "430100", "正厅级"),      # 长沙: a provincial capital, not sub-provincial
    ("书记", "party", "prefecture", "420100", "副部级"),      # 武汉: sub-provincial
    ("局长", "department", "prefecture", "420100", "副厅级"),
    ("区长", "government", "county", "420106", "副厅级"),     # a district of 武汉
    ("镇长", "government", "township", "420116", None),       # its townships rank city by city
    ("区长", "government", "county", "110105", "正厅级"),     # a district of 北京
    ("镇长", "government", "township", "110105", "正处级"),
    ("局长", "department", "province", "110000", "正厅级"),   # a municipality's own bureau
    ("书记", "party", "county", "430224", "正处级"),          # 茶陵县
])
def test_municipalities_and_sub_provincial_cities_rank_above_their_level(title, body, level, code, rank):
    assert rank_of(title, body, level, code) == rank


def test_the_table_is_well_formed_and_covers_the_common_titles():
    table = rank_table()
    assert {body for _, body in table} <= set(BODIES)
    assert all(set(levels) <= set(LEVELS) and set(levels.values()) <= set(RANKS) for levels in table.values())
    for title, body in [("书记", "party"), ("副书记", "party"), ("常委", "party"), ("市长", "government"),
                        ("副县长", "government"), ("常务副县长", "government"), ("主任", "congress"),
                        ("主席", "cppcc"), ("部长", "core"), ("局长", "department"), ("副局长", "department"),
                        ("院长", "court"), ("检察长", "procuratorate"), ("书记", "discipline")]:
        assert (title, body) in table, (title, body)


@pytest.mark.parametrize("name, level", [
    ("汉寿县龙阳街道党工委", "township"), ("中共汉寿县龙阳街道工作委员会", "township"), ("网岭镇党委", "township"),
    ("中共网岭镇委员会", "township"), ("虎形山瑶族乡人民政府", "township"), ("玉潭街道办事处", "township"),
    ("中共攸县委员会", None), ("攸县人民政府", None), ("株洲市教育局", None), ("长沙市人大常委会", None),
])
def test_a_bodys_name_may_say_its_level(name, level):
    assert name_level(name) == level

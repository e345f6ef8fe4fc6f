"""Regions, institutions and programs: what a sentence must yield."""
from conftest import names

from kg.model import EntityKey


def region_codes(m) -> dict[str, str]:
    return {info.label: info.attrs.get("code", "") for key, info in m.entities.items()
            if key.kind == "region" and info.mentions}


def test_regions_get_codes_and_parents(extract):
    # (seed) short forms resolve to the full name; parents come from the gazetteer
    m = extract("株洲日报讯 株洲、萍乡等湘赣边六地市签订合作协议。天元区在职党员进小区。")
    codes = region_codes(m)
    assert codes["株洲市"] == "430200" and codes["萍乡市"] == "360300" and codes["天元区"] == "430211"
    part_of = {(f.subject.name, f.object.name) for f in m.facts if f.predicate == "part_of"}
    assert ("天元区", "株洲市") in part_of and ("株洲市", "湖南省") in part_of


def test_old_names_resolve_through_the_renaming_log(extract):
    # written: 株洲县 became 渌口区 in 2018
    m = extract("株洲日报讯 株洲县龙船镇的文师傅感慨不已。")
    assert region_codes(m).get("渌口区") == "430212"
    assert "龙船镇" in region_codes(m)


def test_ambiguous_short_name_prefers_the_city(extract):
    # written: 长沙 alone is the city, not 长沙县
    m = extract("湖南日报讯 有来自长沙的专家为我们看病。")
    assert region_codes(m) == {"长沙市": "430100"}


def test_villages_communities_and_streets_under_their_place(extract):
    # (seed) suffix-recognised places below the gazetteer
    m = extract("邵阳日报讯 双清区通过创建杨柳村、渡头桥社区两个示范村,提升农村道路交通安全水平。")
    labels = region_codes(m)
    assert {"杨柳村", "渡头桥社区", "双清区"} <= set(labels)
    assert "农村" not in labels and "示范村" not in labels


def test_institutions_with_implicit_city_and_departments(extract):
    # (seed) 市中心医院 is the paper's city's hospital; its department hangs under it
    m = extract("株洲日报讯 12月10日,段师傅被紧急送到市中心医院急诊科。")
    orgs = names(m, "org")
    assert {"株洲市中心医院", "株洲市中心医院急诊科"} <= orgs
    sub = {(f.subject.name, f.object.name) for f in m.facts if f.predicate == "sub_organization_of"}
    assert ("株洲市中心医院急诊科", "株洲市中心医院") in sub


def test_institution_located_in_its_region(extract):
    # (seed) the place that opens the name locates the institution
    m = extract("株洲日报讯 近日,株洲经开区住建局副局长陈旭率队走访企业。")
    located = {(f.subject.name, f.object.name) for f in m.facts if f.predicate == "located_in"}
    assert ("株洲经开区住建局", "株洲经开区") in located


def test_kinds_of_institutions_are_not_institutions(extract):
    # (seed) 公立医院, 三甲医院 name kinds, not institutions
    m = extract("湘潭日报讯 湘潭市县级公立医院诊疗能力提升,城市三甲医院对口支援县级医院。")
    assert not {n for n in names(m, "org") if n.endswith("医院")}


def test_companies_keep_their_full_name(extract):
    # (seed) a company's name runs from its place to its suffix, across words that stop other names
    m = extract("据悉,衡阳市汇中再生资源有限公司和株洲市瑞和渣土有限公司负责人参加会议。")
    assert {"衡阳市汇中再生资源有限公司", "株洲市瑞和渣土有限公司"} <= names(m, "org")


def test_programs_quoted_documents_and_named_campaigns(extract):
    # (seed) quoted names with a program word, slogans, 《》 policy documents, named campaigns
    m = extract("株洲日报讯 加快省“五个100”、市“五个一批”项目建设进度。深入推进温暖企业行动。"
                "审议《岳阳市公立医院高质量发展若干措施》。全力开展征地拆迁“百日攻坚”行动。"
                "聚焦产业“风口”和“窗口”。")
    progs = names(m, "program")
    assert {"五个100", "五个一批", "温暖企业行动", "岳阳市公立医院高质量发展若干措施", "百日攻坚"} <= progs
    assert not {"风口", "窗口"} & progs


def test_programs_are_run_by_the_place_or_institution_before_them(extract):
    # written: the runner is the agent named before the program
    m = extract("株洲日报讯 醴陵市深入推进“厕所革命”行动,成效明显。")
    runs = {(f.subject.name, f.object.name) for f in m.facts if f.predicate == "run_by"}
    assert ("厕所革命行动", "醴陵市") in runs      # a program's kind stays in its quoted name


def test_zone_is_a_region_and_locates_its_offices(extract):
    # (seed) 经开区 is a place with its own administration
    m = extract("株洲日报讯 株洲经开区财政局局长蒋伟平认为,两区深度融合。")
    assert EntityKey("zone", "株洲经开区") in m.entities

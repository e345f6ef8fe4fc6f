"""Posts: each pattern with a sentence and the posts it must yield.

Sentences marked (seed) come from the seed pages; the others are written for
patterns the seeds lack, with places and names the lexicons have never seen."""
from conftest import names, posts


def test_two_posts_in_one_apposition_party_and_government_apart(extract):
    # (seed) the district comes from the article: 荷塘区 is named before the post
    m = extract("荷塘区召开政企早餐会\n\n株洲日报(全媒体记者/肖捷 通讯员/汪子涵)"
                "6月25日,荷塘区2022年第二次政企早餐会在机关食堂举行。"
                "区委副书记、区长罗鹏程邀请6位企业家共进早餐。罗鹏程认真聆听,不时与企业家交流看法。")
    assert posts(m) == {("罗鹏程", "副书记", "中共株洲市荷塘区委员会"), ("罗鹏程", "区长", "荷塘区人民政府")}


def test_name_repeated_without_title_is_the_same_person(extract):
    m = extract("株洲日报讯 荷塘区召开早餐会。区委副书记、区长罗鹏程邀请企业家共进早餐。罗鹏程认真聆听。")
    (person,) = [info for key, info in m.entities.items() if key.kind == "person"]
    assert person.label == "罗鹏程" and len(person.mentions) == 2


def test_three_posts_two_bodies(extract):
    # (seed) county posts read from the article's county; the zone's working committee keeps its own name
    m = extract("4月19日,笔者一踏进位于衡东县大浦镇的湖南衡东经济开发区的大门,"
                "县委常委、副县长、衡东经开区党工委副书记周叶华高兴地告诉笔者一个喜讯。")
    assert posts(m) == {("周叶华", "常委", "中共衡东县委员会"), ("周叶华", "副县长", "衡东县人民政府"),
                        ("周叶华", "副书记", "衡东经开区党工委")}


def test_author_note_gives_the_author_posts(extract):
    # (seed) the author line under the headline names the person; the note at the end gives the posts
    m = extract("产业项目建设\n\n以产业比实力 以项目论英雄\n\n周建光\n\n围绕产业项目建设,在提质增效提速上下功夫。\n\n"
                "(作者系株洲高新区党工委书记、天元区委书记)")
    assert posts(m) == {("周建光", "书记", "株洲高新区党工委"), ("周建光", "书记", "中共株洲市天元区委员会")}


def test_city_level_word_resolves_to_the_papers_city(extract):
    # (seed) 市中心医院 in a Zhuzhou paper is 株洲市中心医院
    m = extract("株洲日报讯 “如今,百姓就医越来越重视舒适性。”市中心医院院长蔡安烈一语中的。")
    assert posts(m) == {("蔡安烈", "院长", "株洲市中心医院")}


def test_department_of_the_institution_last_named(extract):
    # written: 该院 refers back to the hospital of the previous sentence
    m = extract("湘潭日报讯 近日,湘潭市中心医院开设心衰门诊。该院心血管内科主任刘红梅介绍,门诊每周开放五天。")
    assert ("刘红梅", "主任", "湘潭市中心医院心血管内科") in posts(m)
    sub = [f for f in m.facts if f.predicate == "sub_organization_of"]
    assert any(f.subject.name == "湘潭市中心医院心血管内科" and f.object.name == "湘潭市中心医院" for f in sub)


def test_party_secretary_of_another_city(extract):
    # written: a city named in full, its party committee and government
    m = extract("邵阳日报讯 昨日,邵阳市委副书记、市长龙国文主持召开市政府常务会议。")
    assert posts(m) == {("龙国文", "副书记", "中共邵阳市委员会"), ("龙国文", "市长", "邵阳市人民政府")}


def test_county_secretary_resolves_to_the_article_county(extract):
    # written: 县委 with no place, in an article about 攸县
    m = extract("株洲日报讯 攸县召开乡村振兴推进会。县委书记陈志强强调,要把产业发展放在首位。")
    assert posts(m) == {("陈志强", "书记", "中共攸县委员会")}


def test_name_first_then_title(extract):
    # written: "name, title" order
    m = extract("“我们会尽快办结。”王建新,湘潭县住建局局长,在现场表示。")
    assert posts(m) == {("王建新", "局长", "湘潭县住建局")}


def test_compound_surname_and_company_post(extract):
    # written: a compound surname after a company post
    m = extract("株洲千金药业股份有限公司董事长欧阳雄介绍,公司今年将新建两条生产线。")
    assert posts(m) == {("欧阳雄", "董事长", "株洲千金药业股份有限公司")}


def test_rank_and_occupation_are_not_posts(extract):
    # (seed) 主任医师 is a rank; patients and residents are not officials
    m = extract("株洲日报讯 介入血管外科紧急开启绿色通道,主任医师张胜祖亲自主刀。患者李女士说,感谢医生。")
    assert posts(m) == set()


def test_byline_people_are_authors_not_officials(extract):
    # (seed) 记者/通讯员 become authors of the article
    m = extract("恺德心衰中心 通过认证\n\n株洲日报记者 刘琼 通讯员/黎婕婷\n\n"
                "株洲日报讯 12月13日,株洲恺德心血管病医院心衰中心通过认证。")
    assert posts(m) == set()
    assert names(m, "journalist") == {"刘琼", "黎婕婷"}
    authored = {f.subject.name for f in m.facts if f.predicate == "author_of"}
    assert authored == {"刘琼", "黎婕婷"}


def test_deputy_and_general_titles_are_kept_whole(extract):
    # (seed) 党组书记 and 副总经理 keep their modifiers; 局长 inherits the bureau of the chain
    m = extract("石峰区行政审批局党组书记、局长周明说,该局将持续发力。"
                "株洲硬质合金集团有限公司副总经理阳立庚首先打开话匣子。")
    assert posts(m) == {("周明", "党组书记", "石峰区行政审批局"), ("周明", "局长", "石峰区行政审批局"),
                        ("阳立庚", "副总经理", "株洲硬质合金集团有限公司")}


def test_provincial_and_city_committees_in_one_chain(extract):
    # written: two party committees of two levels
    m = extract("湖南日报讯 湖南省委常委、长沙市委书记吴桂英主持会议。")
    assert posts(m) == {("吴桂英", "常委", "中共湖南省委员会"), ("吴桂英", "书记", "中共长沙市委员会")}


def test_people_congress_and_cppcc(extract):
    # written: 人大常委会 and 政协 keep their place; 市 is the paper's city
    m = extract("岳阳日报讯 会上,岳阳市人大常委会主任李和平说,要依法履职。市政协副主席王晓红参加活动。")
    assert posts(m) == {("李和平", "主任", "岳阳市人大常委会"), ("王晓红", "副主席", "岳阳市政协")}


def test_party_bodies_of_towns_and_villages(extract):
    # written: 镇党委 and 村党支部 are the bodies; the title is 书记
    m = extract("衡阳日报讯 荣桓镇党委书记刘小明说,镇里将修路。中湖村党支部书记王德明介绍,村里种了300亩油茶。")
    assert posts(m) == {("刘小明", "书记", "荣桓镇党委"), ("王德明", "书记", "中湖村党支部")}


def test_two_people_listed_each_with_a_post(extract):
    # written: "市委书记A、市长B" is two people, not a chain
    m = extract("株洲日报讯 市委书记曹慧泉、市长刘事青出席会议。")
    assert posts(m) == {("曹慧泉", "书记", "中共株洲市委员会"), ("刘事青", "市长", "株洲市人民政府")}


def test_committee_department_in_a_chain(extract):
    # written: 宣传部 after 区委常委 is the district committee's department
    m = extract("株洲日报讯 天元区委常委、宣传部部长王波说,将加强宣传。")
    assert posts(m) == {("王波", "常委", "中共株洲市天元区委员会"), ("王波", "部长", "中共株洲市天元区委宣传部")}


def test_a_whole_article_from_a_city_the_seeds_never_mention(extract):
    # written: a full article, as an unseen paper would print it
    m = extract("益阳:医共体让村民看病不出县\n\n益阳日报讯(记者 陈静)“现在在家门口就能看专家门诊。”"
                "近日,桃江县灰山港镇村民李大爷说。\n\n"
                "据桃江县卫健局相关负责人介绍,该县今年启动“县乡一体化”医共体建设。"
                "桃江县人民医院党委书记欧阳建平表示,医院派出专家常驻基层。\n\n"
                "益阳市中心医院心内科主任医师司马红说,胸痛中心建设让救治更快。"
                "益阳市中心医院副院长、心内科主任王立新介绍,已开通远程会诊。\n\n"
                "会上,桃江县委副书记、县长胡立安要求,各乡镇要落实“两个确保”。县政府副县长文丽主持会议。")
    assert posts(m) == {
        ("欧阳建平", "党委书记", "桃江县人民医院"),
        ("王立新", "副院长", "益阳市中心医院"), ("王立新", "主任", "益阳市中心医院心内科"),
        ("胡立安", "副书记", "中共桃江县委员会"), ("胡立安", "县长", "桃江县人民政府"),
        ("文丽", "副县长", "桃江县人民政府"),
    }
    assert {"桃江县", "灰山港镇", "益阳市"} <= names(m, "region")
    assert {"县乡一体化", "两个确保"} <= names(m, "program")
    assert names(m, "journalist") == {"陈静"}


def test_place_and_title_means_the_place_government(extract):
    # written: "衡东县县长", "湘潭市副市长", "芙蓉区区委书记" (the level written twice)
    m = extract("长沙晚报讯 芙蓉区区委书记彭华松表示,将加快建设。望城区副区长黄志坚参加。"
                "湘潭市副市长、市公安局局长邓华说,治安稳定。")
    assert posts(m) == {("彭华松", "书记", "中共长沙市芙蓉区委员会"), ("黄志坚", "副区长", "望城区人民政府"),
                        ("邓华", "副市长", "湘潭市人民政府"), ("邓华", "局长", "湘潭市公安局")}


def test_official_names_with_and_inside(extract):
    # written: 发展和改革委员会, 住房和城乡建设局 keep their 和
    m = extract("长沙晚报讯 长沙市发展和改革委员会副主任张卫东介绍,株洲市住房和城乡建设局局长王力说,将加快建设。")
    assert posts(m) == {("张卫东", "副主任", "长沙市发展和改革委员会"), ("王力", "局长", "株洲市住房和城乡建设局")}


def test_town_and_village_posts(extract):
    # written: a town's head is its government's; a village committee keeps its village
    m = extract("衡阳日报讯 衡南县洪山镇镇长刘洪说,镇里将修路。该镇中湖村村委会主任王建军说,村里种了油茶。")
    assert posts(m) == {("刘洪", "镇长", "洪山镇人民政府"), ("王建军", "主任", "中湖村村委会")}


def test_party_group_member_then_deputy(extract):
    # written: 党组成员 is a post of its own; the deputy post is in the same body
    m = extract("邵阳日报讯 邵阳市发改委党组成员、副主任王勇介绍,项目进展顺利。")
    assert posts(m) == {("王勇", "党组成员", "邵阳市发改委"), ("王勇", "副主任", "邵阳市发改委")}

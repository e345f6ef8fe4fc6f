"""Issue 13: rules that hold on news the seeds never showed. Each test states the posts,
places or institutions a sentence of our own must yield (invented names, real places)."""
from conftest import names, posts


def test_a_market_bureau_is_no_bureau_of_a_city_called_chang(extract):
    # 市场 opens 市场监管局: no level word; the bare 县 before it is the county whose media centre wrote it
    m = extract("通道新闻 2024年3月9日\n\n3月8日,通道侗族自治县茶旅融合推进会召开。"
                "县市场监管局党组书记、局长杨青山说,要护好品牌。")
    assert posts(m) == {("杨青山", "党组书记", "通道侗族自治县市场监管局"),
                        ("杨青山", "局长", "通道侗族自治县市场监管局")}


def test_a_county_level_citys_own_paper_reads_its_level_word_as_the_county_level_city(extract):
    m = extract("浏阳日报\n2024年5月6日 星期一\n\n市委书记陈建林在市委常委会上强调,要抓好防汛。")
    assert posts(m) == {("陈建林", "书记", "中共浏阳市委员会")}


def test_the_pages_name_gives_the_home_county(extract):
    # 县域·攸县: the page is about 攸县, so its 县委 is 攸县's even before the county is named
    m = extract("株洲日报\n2024年5月24日 星期五\nA06 县域·攸县\n\n县委书记罗振华调研黄桃产业。")
    assert posts(m) == {("罗振华", "书记", "中共攸县委员会")}


def test_a_towns_party_body_is_the_town_named_last(extract):
    m = extract("邵阳日报讯 记者来到隆回县金石桥镇。镇党委书记刘国庆说,镇里建起了油茶加工厂。")
    assert posts(m) == {("刘国庆", "书记", "金石桥镇党委")}


def test_a_bare_towns_party_body_with_no_town_named_is_left_out(extract):
    m = extract("镇党委书记刘国庆说,镇里建起了油茶加工厂。")
    assert posts(m) == set()


def test_a_villages_bodies_are_the_village_named_last(extract):
    m = extract("邵阳日报讯 在隆回县金石桥镇茅坪村,村党支部书记、村委会主任谢春生带着记者看了新修的水渠。")
    assert posts(m) == {("谢春生", "书记", "茅坪村党支部"), ("谢春生", "主任", "茅坪村村委会")}


def test_a_communitys_committee_follows_its_party_body(extract):
    m = extract("常德日报讯 东湖社区党委书记、居委会主任宋雅琴介绍,社区办起了老年食堂。")
    assert posts(m) == {("宋雅琴", "书记", "东湖社区党委"), ("宋雅琴", "主任", "东湖社区居委会")}


def test_a_zones_committee_is_the_zone_named_last(extract):
    m = extract("娄底日报讯 娄底经开区党工委书记曾立平致辞。党工委副书记、管委会主任邹海涛介绍了园区情况。")
    assert ("邹海涛", "主任", "娄底经开区管委会") in posts(m)


def test_a_department_written_after_its_party_committee_in_a_chain(extract):
    m = extract("娄底日报讯 冷水江市委常委、政法委书记伍建军出席会议。")
    assert posts(m) == {("伍建军", "常委", "中共冷水江市委员会"), ("伍建军", "书记", "中共冷水江市委政法委")}


def test_a_bare_deputy_mayor_belongs_to_the_city_named_before_in_the_sentence(extract):
    # 常宁 is a county-level city of 衡阳: its 副市长 is 常宁's, not the paper's city's
    m = extract("衡阳日报讯 常宁市委副书记、市长唐志刚,副市长廖永红出席开工仪式。")
    assert ("廖永红", "副市长", "常宁市人民政府") in posts(m)


def test_appointment_notices_give_the_posts_they_appoint_and_nominate(extract):
    m = extract("益阳市人民政府关于职务任免的通知\n\n经市人民政府研究决定:\n任命喻晓东为益阳市财政局局长;\n"
                "免去佴志勇的益阳市财政局局长职务。\n\n中共益阳市委组织部公告\n\n"
                "提名庹文华为赫山区人民政府副区长候选人。")
    assert posts(m) == {("喻晓东", "局长", "益阳市财政局"), ("庹文华", "副区长", "赫山区人民政府")}


def test_a_line_of_an_appointment_list_is_an_appointment(extract):
    m = extract("益阳市人民代表大会常务委员会任免名单\n\n一、决定任命:\n谌立新为益阳市教育局局长;\n"
                "欧阳晓为益阳市卫生健康委员会主任。")
    assert posts(m) == {("谌立新", "局长", "益阳市教育局"), ("欧阳晓", "主任", "益阳市卫生健康委员会")}


def test_a_person_only_dismissed_holds_no_post(extract):
    m = extract("益阳日报讯 会议决定:免去佴志勇的益阳市财政局局长职务。")
    assert posts(m) == set()


def test_one_title_before_two_names_and_a_title_after_a_comma_stay_in_the_same_body(extract):
    m = extract("益阳日报讯 市人大常委会主任王建新主持会议,副主任李卫华、张秀英,秘书长赵志强出席。")
    assert posts(m) == {("王建新", "主任", "益阳市人大常委会"), ("李卫华", "副主任", "益阳市人大常委会"),
                        ("张秀英", "副主任", "益阳市人大常委会"), ("赵志强", "秘书长", "益阳市人大常委会")}


def test_a_word_saying_when_is_no_part_of_the_institution(extract):
    m = extract("益阳日报讯 新任市教育局局长谌立新接受采访。最高人民检察院原副检察长王卫东作报告。")
    assert posts(m) == {("谌立新", "局长", "益阳市教育局"), ("王卫东", "副检察长", "最高人民检察院")}


def test_a_line_break_without_a_blank_line_is_the_layouts_in_a_page_of_spaced_paragraphs(extract):
    # the paragraphs are parted by blank lines; the break inside 谭志\\n明 is the column's
    text = ("湘潭日报讯 全市教育工作会议召开。\n\n会议通报了去年的工作情况。\n\n湘潭大学文学院院长谭志\n"
            "明是首批下沉专家之一,他告诉记者,团队将在县一中建立名师工作站。\n\n会议还部署了今年的工作。")
    assert posts(extract(text)) == {("谭志明", "院长", "湘潭大学文学院")}


def test_river_chiefs_are_posts_of_a_level_of_government_for_a_river(extract):
    m = extract("常德日报讯 常德市委书记、市级总河长曹立军巡查沅江。副市长、沅江市级河长彭晓东介绍了治理情况。"
                "在汉寿县,县委书记兼沅江县级河长胡海洋每月巡河一次。")
    assert {("曹立军", "市级总河长", "常德市人民政府"), ("彭晓东", "沅江市级河长", "常德市人民政府"),
            ("胡海洋", "沅江县级河长", "汉寿县人民政府")} <= posts(m)


def test_a_chiefs_office_is_no_title_and_an_official_name_keeps_its_he(extract):
    m = extract("常德日报讯 市水利局副局长、市河长办主任陈志刚说。澧县水利和湖泊局局长罗海波介绍。")
    assert posts(m) == {("陈志刚", "副局长", "常德市水利局"), ("陈志刚", "主任", "常德市河长办"),
                        ("罗海波", "局长", "澧县水利和湖泊局")}


def test_a_township_head_is_the_townships_named_before(extract):
    m = extract("邵阳日报讯 记者走进隆回县虎形山瑶族乡。乡长蒋丽华告诉记者,全乡建起了村规民约。")
    assert posts(m) == {("蒋丽华", "乡长", "虎形山瑶族乡人民政府")}


def test_posts_in_brackets_after_a_name(extract):
    m = extract("娄底日报讯 刘志强(新化县公安局党委书记、局长)、曾丽娟(冷水江市公安局锡矿山派出所教导员)获评先进个人。")
    assert posts(m) == {("刘志强", "党委书记", "新化县公安局"), ("刘志强", "局长", "新化县公安局"),
                        ("曾丽娟", "教导员", "冷水江市公安局锡矿山派出所")}


def test_places_inside_words_and_titles_inside_places_are_neither(extract):
    m = extract("岳阳日报讯 汨罗市长乐镇推进农村人居环境整治,加快产业和县域经济发展,新店开在屈原南路。")
    regions = names(m, "region")
    assert "长乐镇" in regions and "和县" not in regions and "屈原管理区" not in regions
    assert posts(m) == set()


def test_a_preposition_glued_to_a_level_word_is_no_part_of_the_institution(extract):
    m = extract("衡阳日报讯 衡南县第十八届人民代表大会第四次会议开幕,大会由县人大常委会主任司马静川主持。")
    assert posts(m) == {("司马静川", "主任", "衡南县人大常委会")}


def test_a_nurse_in_charge_is_a_post_though_a_nurse_is_none(extract):
    m = extract("株洲日报讯 市二医院关节外科护士长黎晓红说,科室为患者建立了康复日记。")
    assert posts(m) == {("黎晓红", "护士长", "株洲市二医院关节外科")}


def test_kinds_of_communities_are_no_communities(extract):
    m = extract("常德日报讯 丹阳社区是一个典型的老旧城区社区。辖区所有社区都建起了议事会,一些社区推出“功能社区”。"
                "街道将在总结丹阳社区经验的基础上推广。")
    assert {n for n in names(m, "region") if n.endswith("社区")} == {"丹阳社区"}


def test_a_town_the_gazetteer_lacks_is_read_by_its_suffix(extract):
    m = extract("衡阳日报讯 衡南县完成宝盖镇、松江镇等6个乡镇的改造。松江镇镇长刘立平说,工程已经完工。")
    assert "松江镇" in names(m, "region")
    assert posts(m) == {("刘立平", "镇长", "松江镇人民政府")}


def test_foreign_countries_and_cities_are_regions_named_as_written(extract):
    m = extract("安化新闻讯 去年,县里的黑茶出口俄罗斯联邦、蒙古国,并在莫斯科开设了展销中心。")
    regions = {info.label: info for key, info in m.entities.items() if key.kind == "region"}
    assert {"俄罗斯", "蒙古", "莫斯科"} <= set(regions)
    assert regions["俄罗斯"].aliases == {"俄罗斯联邦"} and "code" not in regions["俄罗斯"].attrs
    assert ("莫斯科", "俄罗斯") in {(f.subject.name, f.object.name) for f in m.facts if f.predicate == "part_of"}


def test_a_bare_towns_name_in_a_list_is_a_town_of_the_articles_county(extract):
    m = extract("安化新闻\n\n安化县推进茶旅融合,在东坪、仙溪等镇建起了示范茶园。")
    assert {"东坪镇", "仙溪镇"} <= names(m, "region")
    # the same names in an article about another county are no towns of it
    other = extract("衡阳日报讯 衡南县推进茶旅融合,在东坪、仙溪等地建起了示范茶园。")
    assert not {"东坪镇", "仙溪镇"} & names(other, "region")


def test_verbs_and_titles_are_no_part_of_an_institutions_name(extract):
    m = extract("常德日报讯 市第一人民医院将选派心血管内科、神经外科等科室的医师坐诊。该院联合区公安分局建立快速通道。"
                "县政协主席刘文华代表政协常委会作工作报告。")
    orgs = names(m, "org")
    assert "常德市第一人民医院心血管内科" in orgs
    assert not any(o.startswith(("选派", "该院联合")) or "刘文华" in o for o in orgs)


def test_formal_names_sessions_and_party_bodies_of_institutions(extract):
    m = extract("娄底日报讯 政协第十一届双峰县委员会第四次会议开幕。区法院院长周建军说。"
                "市委常委、市纪委书记伍立新出席。市公安局党委书记、局长刘振华作报告。"
                "娄底市第七届人民代表大会常务委员会召开会议。")
    orgs = names(m, "org")
    assert {"政协双峰县委员会", "娄底市公安局党委", "娄底市人民代表大会常务委员会"} <= orgs
    assert ("伍立新", "书记", "娄底市纪委") in posts(m)
    assert ("刘振华", "党委书记", "娄底市公安局") in posts(m)
    assert not any("届" in o for o in orgs)


def test_a_short_name_is_the_fuller_one_the_article_used_and_the_paper_is_an_institution(extract):
    m = extract("长沙晚报\n\n6月11日,长沙市雨花区人民法院召开总结会。区法院执行局局长刘长青说,行动成效明显。")
    orgs = names(m, "org")
    assert {"长沙晚报", "长沙市雨花区人民法院", "长沙市雨花区人民法院执行局"} <= orgs
    assert ("刘长青", "局长", "长沙市雨花区人民法院执行局") in posts(m)


def test_quoted_programs_keep_their_kind_and_a_bodys_named_service_is_one(extract):
    m = extract("郴州日报讯 镇里实施“凤还巢”工程,推行“莲城名医”培养工程。东风社区“暖心食堂”开张了。"
                "全县推行林长制,开通5G远程诊疗平台,并与广东省韶关市签订武江流域生态保护补偿协议。")
    progs = names(m, "program")
    assert {"凤还巢工程", "莲城名医培养工程", "暖心食堂", "林长制", "5G远程诊疗平台",
            "武江流域生态保护补偿协议"} <= progs


def test_figures_of_speech_and_goals_are_no_programs(extract):
    m = extract("郴州日报讯 全县上下一条心、一盘棋,决不搞“一阵风”,让群众“看得见、摸得着、得实惠”。搭建惠民服务平台。")
    assert names(m, "program") == set()


def test_chains_across_a_comma_a_villages_work_team_and_a_post_taken_after_the_name(extract):
    m = extract("常德日报讯 汉寿县委常委、宣传部部长,县融媒体中心主任何丽君介绍了情况。"
                "益阳市农业农村局派驻茅湾村工作队队长兼第一书记周立军到村后走访。"
                "市林业局办公室副主任谢文斌被选派到竹山村担任驻村第一书记。")
    assert {("何丽君", "常委", "中共汉寿县委员会"), ("何丽君", "部长", "中共汉寿县委宣传部"),
            ("何丽君", "主任", "汉寿县融媒体中心"), ("周立军", "队长", "茅湾村工作队"),
            ("周立军", "第一书记", "茅湾村党支部"), ("谢文斌", "驻村第一书记", "竹山村党支部")} <= posts(m)


def test_offices_of_a_government_pairs_of_bodies_and_short_department_titles(extract):
    m = extract("株洲日报讯 湖南省人民政府驻深圳办事处主任刘明达说。市委市政府高度重视,省委省政府作出部署。"
                "市委常委、组织部长周文斌出席。攸县卫健局蒋新华主任介绍了情况。")
    orgs = names(m, "org")
    assert {"湖南省人民政府驻深圳办事处", "中共株洲市委员会", "株洲市人民政府", "中共湖南省委员会",
            "湖南省人民政府"} <= orgs
    assert not any(o.endswith("省政府") or o.startswith("中共湖南省委省") for o in orgs)
    assert {("刘明达", "主任", "湖南省人民政府驻深圳办事处"), ("周文斌", "部长", "中共株洲市委组织部")} <= posts(m)
    assert any(p[0] == "蒋新华" and p[1] == "主任" for p in posts(m))


def test_kinds_counts_and_plurals_of_bodies_are_no_institutions(extract):
    m = extract("株洲日报讯 各县市区政府要支持乡村学校,湘乡市一所中学和枫桥式公安派出所获表彰,广大政协委员积极履职。")
    assert not names(m, "org") - {"株洲日报"}


def test_a_bare_department_is_the_hospitals_named_last_and_a_company_department_the_companys(extract):
    m = extract("常德日报讯 市第一人民医院召开推进会。护理部主任龚丽红通报了情况。"
                "株洲新芯光电科技有限公司开展义诊。公司行政部经理苗晓说,员工都很满意。")
    assert {("龚丽红", "主任", "常德市第一人民医院护理部"),
            ("苗晓", "经理", "株洲新芯光电科技有限公司行政部")} <= posts(m)


def test_institutions_without_a_legal_suffix(extract):
    m = extract("湘西州讯 北汽二工厂和角山米业入选,湘西州博物馆、张家界荷花国际机场、秋收起义纪念馆开放。"
                "湖南省医学会心血管病学专业委员会主任委员李明远说。")
    assert {"北汽二工厂", "角山米业", "湘西州博物馆", "张家界荷花国际机场", "秋收起义纪念馆",
            "湖南省医学会心血管病学专业委员会"} <= names(m, "org")
    assert ("李明远", "主任委员", "湖南省医学会心血管病学专业委员会") in posts(m)


def test_programs_in_straight_quotes_with_years_and_drafts(extract):
    m = extract("湘潭日报讯 会议审议通过《关于政府工作报告的决议(草案)》,实施\"幸福里\"工程。全面实施湘潭市"
                "2011——2020年中长期人才发展规划,抓好十都镇2024年高标准农田建设项目。2018年深化医药卫生体制改革。")
    progs = names(m, "program")
    assert {"关于政府工作报告的决议(草案)", "幸福里工程", "湘潭市2011——2020年中长期人才发展规划",
            "十都镇2024年高标准农田建设项目"} <= progs
    assert not any(p.startswith("年") for p in progs)


def test_both_posts_of_a_party_secretary_who_chairs_the_congress(extract):
    m = extract("株洲日报讯 市委书记、市人大常委会主任毛建华主持,聂方平、羊国平及市委统战部负责同志发言。")
    assert {("毛建华", "书记", "中共株洲市委员会"), ("毛建华", "主任", "株洲市人大常委会")} <= posts(m)
    assert "中共株洲市委统战部" in names(m, "org") and not any("平及" in o for o in names(m, "org"))


def test_a_prefecture_called_zhou_and_a_dry_ports_operating_centre(extract):
    m = extract("团结报讯 州委书记向某某主持召开州委常委会会议。州委副书记、州长龙晓明说,要抓好旅游。"
                "吉首市委书记张汉文汇报。"
                "怀化国际陆港建设运营中心主任刘远志介绍,陆港今年开行班列300列。")
    assert {("向某某", "书记", "中共湘西土家族苗族自治州委员会"), ("龙晓明", "州长", "湘西土家族苗族自治州人民政府"),
            ("刘远志", "主任", "怀化国际陆港建设运营中心")} <= posts(m)


def test_a_community_named_twice_is_one_and_a_verb_makes_no_community(extract):
    m = extract("长沙晚报讯 雨花区东塘街道砂子塘社区的居民在议事。"
                "砂子塘社区党委书记易红霞说,53名干部下沉社区开展服务。")
    assert [n for n in sorted(names(m, "region")) if n.endswith("社区")] == ["砂子塘社区"]
    assert len([k for k in m.entities if k.kind == "region" and k.name == "砂子塘社区"]) == 1


def test_a_portals_source_line_makes_its_county_the_home_and_is_no_headline(extract):
    # the county visited in the sentence before does not move the article's own county
    m = extract("衡阳县召开乡村振兴推进会\n\n来源:衡阳县融媒体中心 作者:李明 发布时间:2024-03-05\n\n"
                "3月4日,衡南县考察团来衡阳县学习。县委书记刘志国强调,要抓好产业。")
    assert posts(m) == {("刘志国", "书记", "中共衡阳县委员会")}
    (article,) = m.documents[0].articles
    assert (article.source, article.headline) == ("衡阳县融媒体中心", "衡阳县召开乡村振兴推进会")


def test_a_quoted_name_in_a_chain_is_no_break(extract):
    m = extract("邵阳日报讯 市委书记、市委“邵商回归”工程领导小组组长皇甫正阳,市委副书记、市长邝立新座谈。")
    assert ("皇甫正阳", "书记", "中共邵阳市委员会") in posts(m)
    assert any(p[0] == "皇甫正阳" and p[1] == "组长" and "邵商回归" in p[2] for p in posts(m))


def test_a_name_only_the_person_reader_ends_still_holds_the_title_before_it(extract):
    # 先生 after the name is no word the title chain's name reader stops at; the core person
    # reader (the one kg ner runs) reads the name, so the post is the build's too
    m = extract("株洲市住房和城乡建设局副局长周富强先生致辞。湘潭县副县长于有斌先生出席。")
    assert posts(m) == {("周富强", "副局长", "株洲市住房和城乡建设局"), ("于有斌", "副县长", "湘潭县人民政府")}


def test_a_program_may_open_with_县城_and_the_verb_that_launches_it_is_no_part(extract):
    # 县城 opens with a level character but names no county; bare 学校 runs nothing; 规划科 is an office
    m = extract("邵阳日报讯 县里启动县城扩容提质三年行动,全县推进乡村学校提质改造项目,旅游公司开发花瑶梯田观光项目,"
                "深化医疗保障制度改革。市政府印发《长宁市2024年防汛抗旱应急预案》。"
                "2022年,邵阳市交通运输局综合规划科副科长雷某某被选派到村里。")
    assert names(m, "program") == {"县城扩容提质三年行动", "乡村学校提质改造项目", "花瑶梯田观光项目",
                                   "医疗保障制度改革", "长宁市2024年防汛抗旱应急预案"}


def test_the_verb_that_launches_a_program_bounds_its_name(extract):
    # plain verbs (会诊, 横向, 控制) and 与 inside the name; 年产 opens one; 新开工项目 is a kind
    m = extract("益阳日报讯 县医院开通5G远程会诊平台。桃江县与安乡县签订湘江流域横向生态保护补偿协议,"
                "两县建立跨省河湖联防联控机制,持续推进资水总磷污染控制与削减攻坚行动。"
                "企业年产3万吨新型电池负极材料项目已投产,全县新开工项目12个,办好十大民生实事。")
    assert names(m, "program") == {"5G远程会诊平台", "湘江流域横向生态保护补偿协议", "跨省河湖联防联控机制",
                                   "资水总磷污染控制与削减攻坚行动", "年产3万吨新型电池负极材料项目",
                                   "十大民生实事"}
    assert "湘煤集团年产50万吨焦炭项目" in names(extract("湘潭日报讯 湘煤集团年产50万吨焦炭项目开工。"), "program")
    assert "药品集中采购及相关配套改革试点" in names(extract("湘潭日报讯 全市推进药品集中采购及相关配套改革试点。"),
                                                     "program")
    assert "医用耗材集中采购改革试点" in names(extract("湘潭日报讯 湘潭市成为全省唯一的医用耗材集中采购改革试点城市。"),
                                              "program")


def test_no_place_inside_a_persons_name_or_a_dictionary_word(extract):
    # 嘉禾 in 庹嘉禾, 楚雄 in 刘楚雄: names, not the counties; 新增|城区 holds no 增城区
    m = extract("邵阳日报讯 副市长庹嘉禾出席。公司董事长刘楚雄是武冈人。全市新增城区学位3600个。")
    assert names(m, "region") == {"湖南省", "邵阳市", "武冈市"}      # the paper's city, its parents
    assert {("庹嘉禾", "副市长", "邵阳市人民政府")} <= posts(m)


def test_a_party_committees_standing_committee_is_a_body(extract):
    m = extract("益阳日报讯 4月2日,安化县委书记王某某主持召开县委常委会会议。市人大常委会主任李某出席。")
    assert {"中共安化县委常委会", "益阳市人大常委会"} <= names(m, "org")
    assert ("王某某", "书记", "中共安化县委员会") in posts(m)


def test_a_bureau_whose_name_ends_in_a_kind_word_is_still_a_bureau(extract):
    # 农村 makes 农村学校 a kind of school, but 农业农村局 is one bureau
    m = extract("永州日报讯 永州市农业农村局派驻李家村工作队进村。县里推动农村学校建设。")
    assert "永州市农业农村局" in names(m, "org")
    assert not any(o.endswith("农村学校") for o in names(m, "org"))


def test_a_name_right_after_a_title_may_have_a_word_for_its_given_name(extract):
    # 段 read as a measure word, 海生 a dictionary word: the title before it vouches for the name
    m = extract("衡阳日报讯 他来到清泉蔬菜专业合作社,与合作社理事长段海生围坐在一起算账。")
    assert posts(m) == {("段海生", "理事长", "清泉蔬菜专业合作社")}


def test_a_hospital_department_named_before_holds_the_post_of_该科(extract):
    # 康复医学科 ends in 学科 (a discipline, no body) but is a department; 该科 is the one named last
    m = extract("邵阳日报讯 市中心医院院长王明说,病人转入康复医学科。该科护士长李秋芸带领团队精心护理。")
    assert "邵阳市中心医院康复医学科" in names(m, "org")
    assert ("李秋芸", "护士长", "邵阳市中心医院康复医学科") in posts(m)
    assert not any(o.endswith("学科") for o in names(extract("邵阳日报讯 学校加强学科建设。"), "org"))


def test_appointments_written_as_兼任_履新_出任_and_a_generation_is_no_program(extract):
    m = extract("株洲日报讯 经省委研究决定,李建华同志兼任株洲市委委员、常委、副书记。2023年1月,王志强履新湖南省副省长。"
                "会上,赵立新出任株洲市人民政府副市长。其中有两位“70后”干部。")
    assert {("李建华", "副书记", "中共株洲市委员会"), ("李建华", "常委", "中共株洲市委员会"),
            ("王志强", "副省长", "湖南省人民政府"), ("赵立新", "副市长", "株洲市人民政府")} <= posts(m)
    assert names(m, "program") == set()


def test_a_party_department_is_one_body_however_the_chain_writes_it(extract):
    # 省委宣传部 written in full and 宣传部 after 区委常委 are both departments of a 中共 committee
    m = extract("株洲日报讯 湖南省委常委、省委宣传部部长王华参加。市委组织部副部长赵强说。"
                "渌口区委常委、宣传部部长杨丽介绍。市人大常委会办公室主任钱进说。")
    assert {("王华", "部长", "中共湖南省委宣传部"), ("赵强", "副部长", "中共株洲市委组织部"),
            ("杨丽", "部长", "中共株洲市渌口区委宣传部"), ("钱进", "主任", "株洲市人大常委会办公室")} <= posts(m)
    assert not any(o.endswith("委宣传部") and not o.startswith("中共") for o in names(m, "org"))


def test_a_bodys_name_keeps_its_opening_and_loses_its_session(extract):
    # 中共 or 政协 opens the name before the place; 中国共产党 is kept as 中共; the session goes
    m = extract("株洲日报讯 5月19日,中国共产党株洲市荷塘区第五届委员会第十一次全体会议召开。"
                "政协双峰县委员会主席王某某讲话。")
    assert {"中共株洲市荷塘区委员会", "政协双峰县委员会"} <= names(m, "org")
    assert not any(o.startswith(("株洲市荷塘区", "双峰县委员会", "中国共产党")) for o in names(m, "org"))
    assert ("王某某", "主席", "政协双峰县委员会") in posts(m)


def test_a_conjunction_before_a_county_body_and_a_rare_surname(extract):
    # 和|县乡村振兴局, not the county 和县 of 安徽; 翦 is a surname; 去年新 is no name
    m = extract("常德日报讯 县委副书记、县委统战部部长翦云,县人大常委会副主任杨德蓉和县乡村振兴局负责人出席。"
                "澧县县委书记王某某主持。张贤明是村里的能手,去年新当选为村党支部书记。")
    assert "和县" not in names(m, "region") and "安徽省" not in names(m, "region")
    assert "澧县乡村振兴局" in names(m, "org")
    assert {("翦云", "副书记", "中共澧县委员会"), ("翦云", "部长", "中共澧县委统战部"),
            ("杨德蓉", "副主任", "澧县人大常委会")} <= posts(m)
    assert not any(p[0] == "去年新" for p in posts(m))
    assert "和县" in names(extract("安徽日报讯 安徽省和县召开会议。"), "region")


def test_a_company_named_after_the_province_opens_there_and_边_ends_a_name(extract):
    # the town before 湖南… is where it stands; 为|村党支部 is the village's; 边走边讲 follows a name
    m = extract("常德日报讯 观摩团前往火连坡镇湖南民丰油茶专业合作社产业基地。长沙市湖南省人民医院院长李某某说。"
                "望月村村民说,刘建华去年当选为村党支部书记。镇党委书记王某某说,浦市镇党委书记李昊明边走边讲解。")
    orgs = names(m, "org")
    assert {"湖南民丰油茶专业合作社", "湖南省人民医院", "望月村党支部"} <= orgs
    assert not any(o.startswith(("火连坡镇湖南", "长沙市湖南", "为村")) for o in orgs)
    assert {("李某某", "院长", "湖南省人民医院"), ("李昊明", "书记", "浦市镇党委")} <= posts(m)


def test_a_body_written_in_two_spellings_is_one_and_在_ends_a_name(extract):
    # 卫生健康局 first, 卫健局 later: one bureau under the name written first; 王捷|在讲话中
    m = extract("衡阳日报讯 衡阳县卫生健康局党组书记、局长吕某某出席。"
                "县卫健局副局长王捷在讲话中指出,要抓好医共体建设。")
    assert {("吕某某", "局长", "衡阳县卫生健康局"), ("王捷", "副局长", "衡阳县卫生健康局")} <= posts(m)
    assert "衡阳县卫健局" not in names(m, "org")
    assert not any(p[0] == "王捷在" for p in posts(m))
    m = extract("湖南日报讯 湖南省第十届人民代表大会常务委员会第二十七次会议闭幕。省人大常委会主任张某某主持。")
    assert names(m, "org") >= {"湖南省人民代表大会常务委员会"} and "湖南省人大常委会" not in names(m, "org")
    assert ("张某某", "主任", "湖南省人民代表大会常务委员会") in posts(m)


def test_a_department_of_the_province_named_by_its_kind_alone(extract):
    # 公安厅长 is 公安厅's 厅长, the province's after 副省长; 厅党委, 副厅长: the 厅 named last;
    # 大庆 here is a celebration, not the city
    m = extract("湖南日报讯 根据湖南省副省长、公安厅长许某某的指示,省公安厅开展大庆安保慰问活动。"
                "厅党委副书记、常务副厅长袁某某看望民警。副市长、市公安局长李某某出席。")
    assert {("许某某", "副省长", "湖南省人民政府"), ("许某某", "厅长", "湖南省公安厅"),
            ("袁某某", "党委副书记", "湖南省公安厅"), ("袁某某", "常务副厅长", "湖南省公安厅")} <= posts(m)
    assert "黑龙江省" not in names(m, "region")
    assert not any(o in ("厅", "公安") for o in names(m, "org"))


def test_former_holders_affiliated_hospitals_and_a_county_level_citys_市(extract):
    # 前任院长: the hospital's, a former post; 杜君|及党办; 劳模 is no body; 附属 joins the school;
    # 湘乡市 the one place named, its prefecture never: 市人民政府 is 湘乡's; 代市长 keeps its 代
    m = extract("湘潭市第一人民医院党委书记杜君及党办负责人走访前任院长蔡博容、全国劳模周仕钧主任。")
    assert posts(m) == {("杜君", "党委书记", "湘潭市第一人民医院"), ("蔡博容", "院长", "湘潭市第一人民医院")}
    m = extract("本网讯 湘乡市委副书记、代市长郭某某表示,代表湘乡市委、市人民政府来看望大家。"
                "他调研湖南中医药高等专科学校附属第一医院。")
    assert ("郭某某", "代市长", "湘乡市人民政府") in posts(m)
    assert "湘潭市人民政府" not in names(m, "org")
    assert "湖南中医药高等专科学校附属第一医院" in names(m, "org")


def test_a_courts_divisions_and_a_court_written_with_its_places_short_name(extract):
    # 民四庭 is a division of the court named before it; 汉寿法院 is 汉寿县人民法院; a 家庭 is no body
    m = extract("常德日报讯 常德市中级人民法院副院长孙某某、民四庭庭长于某某来到汉寿法院调研。"
                "法官走进家庭调解纠纷。长沙银行行长赵某某出席。")
    assert {("孙某某", "副院长", "常德市中级人民法院"), ("于某某", "庭长", "常德市中级人民法院民四庭"),
            ("赵某某", "行长", "长沙银行")} <= posts(m)
    assert "汉寿县人民法院" in names(m, "org")
    assert not any(o.endswith("家庭") for o in names(m, "org"))


def test_a_zone_with_its_alias_in_parentheses_keeps_its_bodies(extract):
    # the aside (长沙高新区) is no break between the zone and its 党工委 or 管委会; 代理市长 is a title;
    # 循环 is part of a park's name
    m = extract("湘潭日报讯 长沙市委副书记、湖南湘江新区(长沙高新区)党工委书记、岳麓区委书记谭某某,湖南湘江新区"
                "(长沙高新区)管委会主任何某某,湘潭市委副书记、代理市长李某某出席。"
                "汨罗循环经济产业园区党工委书记刘某某说。")
    assert {("谭某某", "书记", "湖南湘江新区党工委"), ("何某某", "主任", "湖南湘江新区管委会"),
            ("李某某", "代理市长", "湘潭市人民政府"),
            ("刘某某", "书记", "汨罗循环经济产业园区党工委")} <= posts(m)
    assert not {"党工委", "管委会", "代理"} & names(m, "org")


def test_elections_with_votes_lists_of_names_and_the_unnamed_rest(extract):
    m = extract("郴州日报讯 嘉禾县第十六届人民代表大会第一次会议举行全体会议。经过计票,邓某某以190票的高票当选为"
                "县人大常委会主任,王某祥、张某源和李某当选为县人大常委会副主任,王某星等20名代表当选为县人大常委会委员;"
                "雷某平、刘某当选副县长。会议选举李某勋、张某春(女)为湖南省人民政府副省长。"
                "李某平当选政协嘉禾县委员会主席。")
    ps = posts(m)
    assert {("邓某某", "主任", "嘉禾县人大常委会"), ("王某祥", "副主任", "嘉禾县人大常委会"),
            ("张某源", "副主任", "嘉禾县人大常委会"), ("李某", "副主任", "嘉禾县人大常委会"),
            ("王某星", "委员", "嘉禾县人大常委会"), ("雷某平", "副县长", "嘉禾县人民政府"),
            ("刘某", "副县长", "嘉禾县人民政府"), ("李某勋", "副省长", "湖南省人民政府"),
            ("张某春", "副省长", "湖南省人民政府"), ("李某平", "主席", "政协嘉禾县委员会")} <= ps
    assert not any(p[0].startswith("名代表") or "(女)" in p[0] for p in ps)


def test_a_village_the_dictionary_knows_holds_the_post_of_its_new_secretary(extract):
    # 新华村 is a dictionary place word; 新上任的 between the village and the title
    m = extract("长沙晚报讯 安沙镇新华村新上任的党总支书记黄某国走访群众。")
    assert "新华村" in names(m, "region")
    assert ("黄某国", "书记", "新华村党总支") in posts(m)


def test_a_plan_titled_with_its_years_and_no_campaign_year_from_a_count_of_years(extract):
    # (2020-2022年) after a 《》 title is part of it; 建设三年 is a count of years, no 建设年 campaign
    m = extract("湖南日报讯 省发改委编制了《湖南省推进湘赣边区域合作示范区建设三年行动计划(2020-2022年)》,"
                "全省深入开展项目建设年活动。")
    progs = names(m, "program")
    assert {"湖南省推进湘赣边区域合作示范区建设三年行动计划(2020-2022年)", "项目建设年"} <= progs
    assert not any(p.endswith("建设三年") for p in progs)


def test_campaign_years_an_office_of_the_body_before_it_and_every_body_of_a_kind(extract):
    m = extract("团结报讯 湘西自治州人民政府办公室印发通知,各县市人民政府、州政府各局委要扎实做好产业发展提质年、"
                "项目建设提速年、招商引资提效年“三年工作”,对标省委要求抓落实。")
    assert {"产业发展提质年", "项目建设提速年", "招商引资提效年"} <= names(m, "program")
    orgs = names(m, "org")
    assert "湘西土家族苗族自治州人民政府办公室" in orgs
    assert not any(o.startswith(("各", "对标")) for o in orgs)


def test_a_short_name_given_in_parentheses_and_a_company_named_after_an_airport(extract):
    # (以下简称“…”) names the same body; 机场|管理集团 is one company, no 湖南省机场
    m = extract("张家界日报讯 张家界荷花国际机场(以下简称“张家界机场”)旅客量创新高。张家界机场通航以来发展迅速。"
                "湖南省机场管理集团副总经理谭某涛、刘某林等出席。")
    orgs = names(m, "org")
    assert {"张家界荷花国际机场", "湖南省机场管理集团"} <= orgs
    assert not {"张家界机场", "湖南省机场"} & orgs
    assert {("谭某涛", "副总经理", "湖南省机场管理集团"), ("刘某林", "副总经理", "湖南省机场管理集团")} <= posts(m)


def test_the_writers_own_body_and_an_office_of_an_unnamed_one_are_no_institutions(extract):
    # 我校 on a school's own page with no source that names it; 校办公室 of that school
    m = extract("长沙市教育局周某青处长介绍了情况。袁某光同志被任命为张家界市民族中学校长。"
                "会前,我校校长黄某初、校办公室主任苏某玲将新任校长袁某光送到张家界市民族中学。")
    orgs = names(m, "org")
    assert not {"我校", "校办公室"} & orgs
    assert ("袁某光", "校长", "张家界市民族中学") in posts(m)
    assert not any(p[0] in ("黄某初", "苏某玲") for p in posts(m))


def test_a_short_biography_gives_the_posts_and_a_provinces_short_name_its_county(extract):
    # NAME,YYYY年M月生,POSTS: the posts held; 江苏沭阳县委 is 沭阳县's committee, not 江苏's
    m = extract("人民网讯 采访对象\n\n蒋某明,1962年12月生,江苏沭阳县委书记;\n\n"
                "张某霞(女),1968年12月生,山东日照市委常委、东港区委书记。")
    assert {("蒋某明", "书记", "中共沭阳县委员会"), ("张某霞", "常委", "中共日照市委员会"),
            ("张某霞", "书记", "中共日照市东港区委员会")} <= posts(m)


def test_chambers_of_commerce_rotating_titles_and_a_body_the_text_calls_ours(extract):
    # 东莞市湖南邵阳商会 is a Hunan chamber in Dongguan; 轮值会长 a title; 我会 names no body, nor the
    # titles after it in its list
    m = extract("邵阳日报讯 东莞市湖南邵阳商会会长胡某华、福建邵阳商会轮值会长戴某谋、中建集团市场总监黄建根发言。"
                "我会常务副会长匡某金,执行秘书长徐某平,副会长谭某剑热情接待。")
    ps = posts(m)
    assert {("胡某华", "会长", "东莞市湖南邵阳商会"), ("戴某谋", "轮值会长", "福建邵阳商会"),
            ("黄建根", "市场总监", "中建集团")} <= ps
    assert not any(p[0] in ("匡某金", "徐某平", "谭某剑") for p in ps)
    assert "我会" not in names(m, "org")


def test_a_bare_town_body_is_the_town_named_last_and_a_meeting_hall_no_body(extract):
    m = extract("邵阳日报讯 隆回县金石桥镇中学校长竞聘大会在该镇政府会议厅举行。镇中心学校领导参加了大会。")
    orgs = names(m, "org")
    assert "金石桥镇中心学校" in orgs
    assert not any(o.startswith("镇") or o.endswith("会议厅") for o in orgs)


def test_a_character_glued_to_a_bare_village_word_names_no_village_body(extract):
    m = extract("怀化日报讯 溪口村举行分红大会。着力培养“致富带富”型村党支部书记,借村支两委换届选优配强村干部。")
    assert not any(o.startswith(("型村", "借村")) for o in names(m, "org"))


def test_village_pages_a_town_body_written_with_该_and_a_company_after_its_village(extract):
    # 该镇党委书记: the town's 党委; 麻塘山乡|横排|村 though jieba reads 横排 as a verb; 我村 is no village;
    # a company after its village starts where the village ends; 村支两委 is a kind
    m = extract("湘西日报讯 保靖县吕洞山镇排捧村党支部书记龙长金激动地公布消息。该镇党委书记雷某刚介绍情况。"
                "“以前我村集体经济薄弱。”隆回县麻塘山乡横排村党支部书记周某云说。"
                "走进东安县白牙市镇桐子山村好又多食品有限公司加工车间,村支两委积极谋划产业。")
    ps = posts(m)
    assert {("雷某刚", "书记", "吕洞山镇党委"), ("周某云", "书记", "横排村党支部"),
            ("龙长金", "书记", "保靖县吕洞山镇排捧村党支部")} <= ps
    regions, orgs = names(m, "region"), names(m, "org")
    assert "横排村" in regions and not any(r.endswith("我村") for r in regions)
    assert "好又多食品有限公司" in orgs and not {"村支两委", "吕洞山镇"} & orgs


def test_community_bodies_a_quoted_hall_and_a_list_of_bodies_after_a_citys(extract):
    # 金鹰社区党委 though jieba reads 金鹰 as a name; “快乐议事厅” is a service; 人大工委 is one body;
    # 市委组织部、民政局: the city's 民政局
    m = extract("长沙晚报讯 开福区洪山街道金鹰社区党委开放“快乐议事厅”。伍家岭街道人大工委主任侯某乐表示。"
                "武冈市委组织部、民政局负责人出席。")
    orgs = names(m, "org")
    assert {"伍家岭街道人大工委", "武冈市民政局"} <= orgs and any(o.endswith("金鹰社区党委") for o in orgs)
    assert not {"快乐议事厅", "伍家岭街道人大", "民政局"} & orgs
    assert ("侯某乐", "主任", "伍家岭街道人大工委") in posts(m)

"""Issue 13: rules that hold on news the seeds never showed. Each test states the posts,
places or institutions a sentence of our own must yield (invented names, real places)."""
from conftest import names, posts


def test_a_market_bureau_is_no_bureau_of_a_city_called_chang(extract):
    # 市场 opens 市场监管局: no level word; the bare 县 before it is the county whose media centre wrote it
    m = extract("通道新闻 2024年3月9日\n\n3月8日,通道侗族自治县茶旅融合推进会召开。县市场监管局党组书记、局长杨青山说,要护好品牌。")
    assert posts(m) == {("杨青山", "党组书记", "通道侗族自治县市场监管局"), ("杨青山", "局长", "通道侗族自治县市场监管局")}


def test_a_county_level_citys_own_paper_reads_its_level_word_as_the_county_level_city(extract):
    m = extract("浏阳日报\n2024年5月6日 星期一\n\n市委书记陈建林在市委常委会上强调,要抓好防汛。")
    assert posts(m) == {("陈建林", "书记", "中共浏阳市委员会")}


def test_the_pages_name_gives_the_home_county(extract):
    # 县域·攸县: the page is about 攸县, so its 县委 is 攸县's even before the county is named
    m = extract("株洲日报\n2024年5月24日 星期五\nA06 县域·攸县\n\n县委书记罗振华调研黄桃产业。")
    assert posts(m) == {("罗振华", "书记", "中共攸县委员会")}

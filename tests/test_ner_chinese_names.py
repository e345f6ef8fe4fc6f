"""`kg ner`, round 4 of issue 8: names in Chinese characters with a surname
(kg/extract/persons/). Sentences written for these tests, in the style of
general news; each states the persons `recognise` must give."""
from __future__ import annotations

import pytest

from kg.lexicon.lexicon import load_lexicon
from kg.ner import recognise

HUNAN = load_lexicon("430000")   # the home province the rules were written for


def persons(text: str) -> list[str]:
    return [m["text"] for m in recognise(text, HUNAN) if m["type"] == "person"]


@pytest.mark.parametrize("text, expected", [
    # after a title, a word glued to the name (的, 在) stays out of it
    ("今年春拍，清初画家李涛的作品流拍了。", ["李涛"]),
    ("住建部副部长马涛在谈及保障房时说，今年还要加快建设。", ["马涛"]),
    # a character of ordinary words the segmenter glued to a name it made up comes off it
    ("这套丛书有两个版本，我更喜欢李菁版。", ["李菁"]),
    ("在这笔买卖上只赚到两百元，刘菲算得上最吝啬的买家。", ["刘菲"]),
    # the name's surname again and a form of address after it: the address is no part of the name
    ("负责接待的是中心总监孙敏孙女士。", ["孙敏"]),
    ("我们请到了陈晓梅女士。", ["陈晓梅"]),
    # ... but a title before it says a name starts there
    ("记者于建涛报道。", ["于建涛"]),
    # a third given character that often ends names is still read (才, 和)
    ("本报记者王庆才石家庄报道", ["王庆才"]),
    ("投资眼光最重要。李双才强调，不要只看名气。", ["李双才"]),
    # a name's character standing alone between a two-character name and a verb or an adverb
    ("在金融界，李定邦无疑是最合适的人选。", ["李定邦"]),
    ("省物价局副局长刘望军公开表示，价格将保持稳定。", ["刘望军"]),
    # what is said of a person after a name the dictionary also knows as a word: directing,
    # acting, writing, dying (林海 is also "a sea of forest")
    ("在众多武侠小说里，林海笔下的人物最洒脱。", ["林海"]),
    ("据说林海生前最爱这幅画。", ["林海"]),
    ("她将与林海主演的新片下月开机。", ["林海"]),
    # 张 is a measure word on its own, not a function word glued to a word after it
    ("这幅字是张宁去世前一年写的。", ["张宁"]),
    # a surname the segmenter glued to the one-character word before it (叫钟|富强, 由林|超杰)
    ("头奖被一位叫钟富强（化名）的市民领取。", ["钟富强"]),
    ("这部由林超杰导演的影片下月上映。", ["林超杰"]),
    # Sina's link to a person's blog after the name; not after a film's title
    ("她的男友林觉（blog）也来了。", ["林觉"]),
    ("她主演的《剑雨》（blog）上映了。", []),
    # a form of address or a degree after the name
    ("请大家借鉴张宁老师的分析。", ["张宁"]),
    # a character an actor plays
    ("他在新片中依然扮演武松。", ["武松"]),
    ("她在剧中饰演林冲的妻子。", ["林冲"]),
    # a role that is no post, right before the name
    ("社区调解员邬秀英多次和物业联系。", ["邬秀英"]),
    ("老集邮爱好者柯建军看好今年的邮市。", ["柯建军"]),
    # the last part of a dotted foreign name stays in it, whatever the cue after it
    ("新片由英国导演凯文·罗玛执导，下月上映。", ["凯文·罗玛"]),
])
def test_chinese_name_patterns(text, expected):
    assert persons(text) == expected


def test_no_institution_holds_a_title_and_a_person():
    found = {(m["text"], m["type"]) for m in recognise("钥匙放在了档案中心副主任王晓东办公室的抽屉里。", HUNAN)}
    assert ("王晓东", "person") in found and ("副主任", "title") in found
    assert not any(t == "institution" and "王晓东" in x for x, t in found)


@pytest.mark.parametrize("text", [
    # words of things the segmenter tags as names (kg/data/ner_not_names.txt)
    "这套黄花梨家具在秋拍中卖出了高价。",
    "本周末米兰双雄将在德比中相遇。",
    "利比亚的一位官员周三表示，产量不会增加。",
    "本周足彩推荐：蓝军稳胆，红军防冷。",
    # after a title too (the build's reading of the name after it)
    "这届电影节最难预测的是导演单元。",
    # what ends the names of places and venues (…坊, …汇, …园, …环, …渠, …墅) ends no name
    "报名请到童乐汇。",
    "夜晚的金桂坊是最热闹的地方。",
    # someone from a place (徐州|人), not a name
    "他是徐州人，十年前来到长沙。",
    # a surname and a form of address name no one
    "他听完故事，还跟赵奶奶说了声谢谢。",
    # a preposition or a conjunction that is also a surname, before a word
    "谷歌和雅虎在搜索广告上展开合作。",
    "那场比赛他们溃败于曼联。",
])
def test_words_tagged_as_names_are_no_persons(text):
    assert persons(text) == []

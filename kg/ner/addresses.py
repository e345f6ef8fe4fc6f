"""Addresses (the NER view): a place grown rightwards over the places, streets, numbers and buildings
after it (北京市海淀区学院路30号), named streets and buildings, what a notice labels as an address
(地址:…) and what something is said to lie in (位于…). A place that only modifies the word after it
(美国财政部), a lone country and a sight standing alone are no address."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from ..extract.persons import world_places
from ..extract.regions import find_places
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_words
from .scan import TokenIndex, char_class, is_han_word, stem_is_function
from ..model import Mention
from .span import NORMAL, STRONG, WEAK, span

# Words that end an address or a named spot (中关村大街, 丽泽商务区, 玉泉营桥).
ADDRESS_SUFFIXES = ("路", "街", "大街", "大道", "巷", "胡同", "弄", "里", "号", "号楼", "楼", "层", "室", "单元", "广场",
                    "大厦", "大楼", "中心", "公园", "花园", "小区", "社区", "村", "庄", "镇", "乡", "县", "区", "市", "省",
                    "州", "岛", "湾", "港", "桥", "山", "峰", "河", "江", "湖", "海", "洋", "寺", "庙", "宫", "塔", "门",
                    "站", "机场", "码头", "车站", "球场", "体育场", "体育馆", "酒店", "宾馆", "饭店", "商场", "市场",
                    "商城", "城", "园", "街道", "地区", "一带", "海域", "基地", "商务区", "开发区", "新区", "景区",
                    "步行街", "环", "高速", "出口", "口", "馆", "网吧", "大酒店", "影城", "剧院")
# A proper name glued to a place makes one longer name with it (北京|匡时 拍卖公司, 秦皇岛|金海湾,
# 长江|索道): the place alone is no address. (In a match report two teams are written so: 曼联|切尔西.)
GLUED_TAGS = frozenset({"nr", "nrt", "nz", "eng", "j", "ng"})
MAX_ADDRESS = 40      # characters; the longest street address with building and floor


@functools.cache
def _not_places() -> frozenset[str]:
    return data_words("ner_not_places.txt")


WORLD = ("中国", "中华人民共和国", "全球", "世界", "海外", "国外", "境外", "欧美")


def _country_as_place(text: str, start: int, end: int, name: str, locative: tuple[str, ...]) -> bool:
    """A country is a place where something happens (在越南, 到巴西), or stands alone in a list
    or clause (美国、日本, 韩国和), not as the modifier of the next word."""
    return name not in WORLD and (text[max(0, start - 2):start].endswith(locative + ("、",))
                                  or text[end:end + 1] in ("、", ",", "和", "与", "及"))


@functools.cache
def countries() -> frozenset[str]:
    return data_words("ner_countries.txt")


# Words before a place that say something is, happens or goes there.
PLACE_CUES = ("往", "至", "去", "回", "来", "自", "游", "经", "途经", "进入", "走进", "离开", "落户",
                                "登陆", "驻", "住", "返回", "访问", "出访", "到达", "遍访", "的")
LIST_MARKS = ("、", "和", "与", "及", "等")
CLAUSE_MARKS = ",。;:!?()“”\"《》【】 "


def _placed(text: str, start: int, end: int, locative: tuple[str, ...]) -> bool:
    """在纽约, 到伦敦, 巴黎、罗马: a place the sentence locates something in, or an item of a list of places."""
    before, after = text[max(0, start - 2):start], text[end:end + 1]
    return before.endswith(locative + PLACE_CUES) or before[-1:] in LIST_MARKS and (not after or after in CLAUSE_MARKS + "、和与及的") \
        or (not before or before[-1] in CLAUSE_MARKS + "、和与及") and after in LIST_MARKS


def find_addresses(text: str, tokens: list[Token], sports: bool, index: TokenIndex,
                   lexicon: Lexicon) -> list[Mention]:
    """Addresses: a place grown rightwards over the places, streets, numbers and
    buildings after it (北京市海淀区学院路30号). A place that only modifies the
    word after it (美国财政部, 北京房价) is no address; nor is a lone country."""
    places = find_places(text, tokens, lexicon)
    place_at = {m.start: m.end for m in places}
    country_names = countries()
    locative = lexicon.sequence("ner", "locative_before")
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not (t.pos == "ns" and len(t.word) >= 2 or t.start in place_at or t.word in country_names):
            i += 1
            continue
        j = i
        end = max(t.end, place_at.get(t.start, t.end))
        while j + 1 < n and tokens[j + 1].start < end:
            j += 1
        parts = 1
        while j + 1 < n and tokens[j + 1].end - t.start <= MAX_ADDRESS:
            nxt = tokens[j + 1]
            if nxt.start in place_at or nxt.pos == "ns" and len(nxt.word) >= 2 and nxt.word not in _not_places():
                end = max(nxt.end, place_at.get(nxt.start, nxt.end))
            elif nxt.word.endswith(ADDRESS_SUFFIXES) and nxt.pos not in ("v", "p", "c", "uj", "d"):
                end = nxt.end
            elif nxt.pos == "m" and j + 2 < n and tokens[j + 2].word.startswith(("号", "楼", "层", "室", "单元")):
                end = tokens[j + 2].end
                j += 1
            else:
                break
            j += 1
            parts += 1
            while j + 1 < n and tokens[j + 1].start < end:
                j += 1
        name = text[t.start:end]
        quoted = text[t.start - 1:t.start] == "“" or text[end:end + 1] == "”"    # “光耀东方”: a brand or project
        # 巴厘岛, 泸沽湖, 苏州|博物馆: a sight, not an address (a place of the gazetteer alone stays: 秦皇岛)
        scenic = (parts > 1 or t.start not in place_at) and name.endswith(SCENIC)
        glued = not sports and j + 1 < n and tokens[j + 1].start == end and tokens[j + 1].pos in GLUED_TAGS
        # a word only the segmenter knows as a place (长城, 米兰 the club, 新建 the verb) needs a cue
        unknown = t.start not in place_at and name not in country_names and name not in world_places()
        if quoted or scenic or glued or parts == 1 and (
                name in _not_places() or name in country_names and not _country_as_place(text, t.start, end, name, locative)
                or unknown and not sports and not _placed(text, t.start, end, locative)):
            i = j + 1
            continue
        out.append(span("region", t.start, end, text, NORMAL if parts > 1 else WEAK, "address"))
        i = j + 1
    return out + _named_spots(text, tokens, index) + _labelled(text) + _located(text, tokens)


# 地址：北京市海淀区…, 地点：星河湾销售中心一层: what a notice labels as its address is one,
# whatever it is made of, up to the end of the clause (a parenthesis left open runs on to its close).
ADDRESS_LABEL = re.compile(r"(?:地址|地点|场地|住址|校址|会址|厂址|店址):\s*")
CLAUSE_END = re.compile(r"[,。;!?\s]|$")


# 位于北京市昌平区立水桥以北, 地处京良路南侧: what something is said to lie in is an address, up to the
# end of the clause: to a verb, a conjunction or a list comma (位于莲石路|和京石高速之间), without a
# trailing 的 or locative particle (位于福虹路|上). It must start as a name does (not 位于该行…, 位于第三层).
LOCATED = re.compile("位于|地处|坐落于|坐落在|座落于|座落在")
NOT_LOCATION_START = frozenset("rmdatpcu")     # first letters of jieba tags: pronouns, numbers, adverbs…
CLAUSE_TAGS = frozenset("pcdr")                # prepositions, conjunctions, adverbs, pronouns
CLAUSE_WORDS = frozenset(",。;!?、()“”\" ") | {"和", "与", "及", "或"}
TRAILING_LOCATIVES = ("上", "中", "里", "里面")
MAX_LOCATED = 25


def _located(text: str, tokens: list[Token]) -> list[Mention]:
    out = []
    for m in LOCATED.finditer(text):
        first = bisect_left(tokens, m.end(), key=lambda t: t.start)
        if first >= len(tokens) or tokens[first].start != m.end() or tokens[first].pos[:1] in NOT_LOCATION_START:
            continue
        k = _clause_end(tokens, first)
        if k is None:
            continue
        if k > first + 1 and tokens[k - 1].word in TRAILING_LOCATIVES + ("的",):
            k -= 1
        start, end = tokens[first].start, tokens[k - 1].end if k > first else tokens[first].start
        if 2 <= end - start <= MAX_LOCATED:
            out.append(span("region", start, end, text, NORMAL, "located"))
    return out


def _clause_end(tokens: list[Token], first: int) -> int | None:
    """The index of the token ending the clause that starts at tokens[first] (or len(tokens)); None
    when the address it holds would be longer than MAX_LOCATED (reading stops there)."""
    k = first
    while k < len(tokens) and tokens[k].pos[:1] not in CLAUSE_TAGS and tokens[k].word not in CLAUSE_WORDS \
            and not (tokens[k].pos[:1] == "v" and tokens[k].pos != "vn"):
        if k >= first + 2 and tokens[k - 2].end - tokens[first].start > MAX_LOCATED:
            return None         # the address would end at tokens[k - 2] or later
        k += 1
    return k


def _labelled(text: str) -> list[Mention]:
    if ":" not in text:
        return []
    out = []
    for m in ADDRESS_LABEL.finditer(text):
        start = m.end()
        end = CLAUSE_END.search(text, start, start + MAX_ADDRESS + 1).start()    # a longer clause is too long
        opened = text.rfind("(", start, end)
        if opened >= 0 and text.find(")", opened, end) < 0:
            close = text.find(")", end, start + MAX_ADDRESS)
            end = close + 1 if close >= 0 else end
        name = text[start:end]
        if 2 <= len(name) <= MAX_ADDRESS and not name.isascii() and "http" not in name and "www" not in name:
            out.append(span("region", start, end, text, STRONG, "labelled"))
    return out


# A named street, village or building: its name, then one of these. Sights (…岛, …湖, …寺,
# …公园) are no addresses on their own: news labels them as scenery.
SPOT_SUFFIXES = ("路", "街", "大街", "大道", "巷", "胡同", "村", "庄", "乡", "镇", "桥", "广场", "大厦", "球场",
                 "体育场", "体育馆", "商务区", "小区", "酒店", "大酒店", "宾馆", "饭店", "机场", "码头",
                 "湾", "港", "步行街", "商城", "市场", "古城", "大桥", "山庄")
SCENIC = ("湖", "岛", "山", "寺", "宫", "峰", "庙", "陵", "塔", "园", "公园", "花园", "景区", "古镇", "博物馆", "滩", "洞",
          "窟", "谷", "古城", "瀑布", "故居", "遗址", "风景区", "保护区", "纪念馆", "牌坊", "铁塔", "神庙", "歌剧院")
SPOT_SUFFIXES_LONGEST_FIRST = tuple(sorted(SPOT_SUFFIXES, key=len, reverse=True))
SPOT_LAST_CHARS = char_class(x[-1] for x in SPOT_SUFFIXES)
SPOT_STEM_TAGS = {"nr", "nz", "ns", "nrt", "j", "x", "eng", "ng", "nt"}


def _named_spots(text: str, tokens: list[Token], index: TokenIndex) -> list[Mention]:
    out = []
    for m in SPOT_LAST_CHARS.finditer(text):      # words ending in a suffix's last character
        i = index.ending_at(m.end())
        if i is None:
            continue
        t = tokens[i]
        if not t.word.endswith(SPOT_SUFFIXES):
            continue
        suffix = next(x for x in SPOT_SUFFIXES_LONGEST_FIRST if t.word.endswith(x))
        if len(t.word) > len(suffix):
            if len(t.word) >= 3 and t.pos in SPOT_STEM_TAGS | {"n"} and not stem_is_function(t.word):
                out.append(span("region", t.start, t.end, text, WEAK, "named-spot"))
            continue
        k = i
        while k > 0 and i - k < 2 and tokens[k - 1].pos in SPOT_STEM_TAGS and is_han_word(tokens[k - 1].word):
            k -= 1
        if k < i:
            out.append(span("region", tokens[k].start, t.end, text, WEAK, "named-spot"))
    return out

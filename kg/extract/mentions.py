"""The recogniser's view of one text as typed, non-overlapping mentions: the
spans `kg ner` prints and the CLUENER2020 benchmark scores.

It runs the build's own recognisers (tokenize, find_places, find_orgs,
find_titles) and the person recogniser, then adds what a general news
sentence has beyond a government notice: occupations as titles (记者, 主教练),
generic institutions (警方, 央行, 美军), the segmenter's place and organisation
words, and addresses grown over streets and buildings (北京市海淀区中关村大街).
Overlaps are settled by rule strength, then length.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from importlib import resources
from operator import itemgetter

from ..lexicon.names import load_surnames, person_name_score
from ..lexicon.terms import data_lines, data_words, load_terms
from .intervals import Taken
from ..lexicon.lexicon import Lexicon
from .posts import read_name
from .titles import find_titles
from .orgs import find_orgs
from .persons import find_persons
from .persons.chinese import glued_last, no_given_name
from .persons.context import names_a_thing
from .persons.cues import not_names, world_places
from .persons.foreign import uncued
from .regions import find_places
from .spans import expand_left
from .sports import LOCATIVE_BEFORE, _club_words, _clubs_in, _is_sports, _teams
from .tokens import Token, tokenize
from .typed_span import NORMAL, STRONG, WEAK, Span

TYPES = ("person", "title", "institution", "region")
SUBTYPES = {"government": "government", "party": "government", "company": "company"}


class TokenIndex:
    """Where tokens start and end. tokenize() cuts the text into contiguous tokens, so a token
    starts where the one before ends: one dict serves both lookups."""

    def __init__(self, tokens: list[Token]) -> None:
        self.by_end = {t.end: k for k, t in enumerate(tokens)}
        self.count = len(tokens)

    def ending_at(self, end: int) -> int | None:
        return self.by_end.get(end)

    def starting_at(self, start: int) -> int | None:
        if start == 0:
            return 0 if self.count else None
        k = self.by_end.get(start)
        return k + 1 if k is not None and k + 1 < self.count else None

    def is_start(self, start: int) -> bool:
        return self.starting_at(start) is not None


def _char_class(chars) -> re.Pattern:
    """A pattern matching any one of `chars`: the text is scanned for them in C, not word by word."""
    return re.compile("[" + "".join(sorted({re.escape(c) for c in chars})) + "]")


class WordFinder:
    """Every occurrence of a set of words in a text, as (index of its last character, value), longest
    first where several end at one place: what an Aho-Corasick automaton's iter() gives. Found by
    scanning the text for the words' last characters (in C), then comparing the few words that end
    with the two characters there; on Chinese text this beats an automaton whose root has a child for
    every first character."""

    def __init__(self, words: dict[str, object]) -> None:
        self.single = {w: v for w, v in words.items() if len(w) == 1}
        self.by_last_two: dict[str, list[tuple[str, object]]] = {}
        for w, v in sorted(words.items(), key=lambda wv: (-len(wv[0]), wv[0])):
            if len(w) > 1:
                self.by_last_two.setdefault(w[-2:], []).append((w, v))
        self.last = _char_class(w[-1] for w in words) if words else None

    def iter(self, text: str):
        if self.last is None:
            return
        get, single = self.by_last_two.get, self.single
        for m in self.last.finditer(text):
            end = m.end()
            for w, v in get(text[end - 2:end], ()) if end >= 2 else ():
                if len(w) <= end and text.startswith(w, end - len(w)):
                    yield end - 1, v
            if text[end - 1] in single:
                yield end - 1, single[text[end - 1]]


@functools.cache
def _title_automaton():
    """Occupations and posts with the words that may stand before them."""
    cores = set(load_terms().titles) | data_words("ner_titles.txt")
    prefixes = sorted(data_words("ner_title_prefixes.txt")
                      | set(load_terms().modifiers), key=len, reverse=True)
    return WordFinder({core: core for core in cores}), frozenset(prefixes), \
        tuple(sorted({len(p) for p in prefixes}, reverse=True))


@functools.cache
def _institution_words() -> tuple[dict[str, str], dict[str, str]]:
    words, suffixes = {}, {}
    for ln in data_lines("ner_institutions.tsv"):
        word, subtype, kind = ln.split("\t")
        (words if kind == "word" else suffixes)[word] = subtype
    return words, suffixes


@functools.cache
def _word_automaton() -> WordFinder:
    return WordFinder({word: (word, subtype) for word, subtype in _institution_words()[0].items()})


@functools.cache
def _fold_table() -> dict[int, str]:
    """kg.ingest.clean's folding (full-width ASCII to half-width, odd spaces, traditional
    to simplified), one character in, one out; read here to keep the ingest package,
    which `kg ner` does not need, out of its start-up."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in "\u3000\t\xa0"})
    rows = resources.files("kg.data").joinpath("t2s.tsv").read_text(encoding="utf-8").splitlines()[1:]
    table.update({ord(t): s for t, s in (row.split("\t") for row in rows)})
    return table


def fold(text: str) -> str:
    return text.translate(_fold_table())


def recognise(original: str, lexicon: Lexicon) -> list[dict]:
    """Typed mentions of `original`, in text order, `end` exclusive."""
    text = fold(original)      # as the build reads text (full-width punctuation folded); same length
    tokens = tokenize(text, lexicon)
    index = TokenIndex(tokens)
    titles = _titles(text, tokens, index, lexicon)
    # a match report: its words (比赛, 首发阵容…), or a club's name of three characters or more (切尔西)
    sports = _is_sports(text) or not _club_words().isdisjoint(map(itemgetter(0), tokens))
    spans = (_regions(text, tokens, sports, index, lexicon) + _institutions(text, tokens, index, lexicon) + titles
             + _persons(text, tokens, frozenset(t.end for t in titles), lexicon) + _latin_firms(text) + _brands(text, tokens))
    if sports:
        spans = _teams(text, tokens, spans + _clubs_in(text, tokens))
    if titles:
        spans = _no_person_inside(spans, titles)
    if "《" in text:
        inside = _in_title_marks(text)
        spans = [s for s in spans if not inside(s)]
    return [s.as_dict(original) for s in _settle(text, spans)]


def _no_person_inside(spans: list[Span], titles: list[Span]) -> list[Span]:
    """档案中心副主任王晓东办公室, 里昂主帅加西亚: no institution's name holds a title and a
    person after it; the grammar ran over them, so the institution goes and they stay."""
    persons = sorted((s.start, s.end) for s in spans if s.type == "person" and s.strength >= NORMAL)
    if not persons:
        return spans
    inner_titles = sorted((t.start, t.end) for t in titles)
    return [s for s in spans if s.type != "institution" or not _holds(inner_titles, s.start, s.end, False)
            or not _holds(persons, s.start, s.end, True)]


def _holds(inner: list[tuple[int, int]], start: int, end: int, proper: bool) -> bool:
    """Does [start, end) hold one of `inner` (sorted (start, end) pairs), other than itself when
    `proper`? Only the pairs starting inside are read."""
    k = bisect_left(inner, (start,))
    while k < len(inner) and inner[k][0] < end:
        if inner[k][1] <= end and not (proper and inner[k] == (start, end)):
            return True
        k += 1
    return False


# 开发商Valve, 发行商Ubisoft: a Latin name after a word for a games or media firm is that firm.
LATIN_FIRM = re.compile(r"(?:开发商|发行商|运营商|厂商|代理商|游戏公司|制作公司)([A-Za-z][A-Za-z0-9]{1,20})(?![A-Za-z0-9])")


def _latin_firms(text: str) -> list[Span]:
    if not LATIN_LETTER.search(text):
        return []
    return [Span(m.start(1), m.end(1), "institution", "company", WEAK) for m in LATIN_FIRM.finditer(text)]


LATIN_LETTER = re.compile(r"[A-Za-z]")


@functools.cache
def _brand_words() -> frozenset[str]:
    """Companies and brands known worldwide (ner_brands.txt)."""
    return frozenset(w for w in data_words("ner_brands.txt") if len(w) >= 2)


@functools.cache
def _dotted_brands() -> tuple[str, ...]:
    return tuple(sorted(w for w in _brand_words() if "·" in w))


def _brands(text: str, tokens: list[Token]) -> list[Span]:
    """西门子, 易胜博: a company known worldwide standing alone as a word of its own (not 新浪|乐居,
    花旗|银行: before a noun it starts a longer name, or modifies it)."""
    brands = _brand_words()
    out = []
    if "·" in text:         # 威廉·希尔: a name written with a name dot is several words
        for w in _dotted_brands():
            k = text.find(w)
            while k >= 0:
                out.append(Span(k, k + len(w), "institution", "company", WEAK))
                k = text.find(w, k + len(w))
    if brands.isdisjoint(map(itemgetter(0), tokens)):     # the words, read in C
        return out              # most sentences: no brand among the words
    for k, t in enumerate(tokens):
        if t.word in brands and not (k + 1 < len(tokens) and tokens[k + 1].pos in BRAND_GLUE_TAGS):
            out.append(Span(t.start, t.end, "institution", "company", WEAK))
    return out


BRAND_GLUE_TAGS = frozenset({"n", "nz", "nt", "nr", "nrt", "ns", "j", "eng", "vn", "ng"})


def _in_title_marks(text: str):
    """A test of a span: is it inside 《…》, the title of a book, film or game (《哈利·波特》), whose
    words name no one here? (An opening mark before it with no closing one between, and a closing
    mark after it.)"""
    opens = [m.start() for m in re.finditer("《", text)]
    closes = [m.start() for m in re.finditer("》", text)]
    last_close = closes[-1] if closes else -1

    def inside(span: Span) -> bool:
        k = bisect_left(opens, span.start) - 1
        if k < 0 or last_close < span.end:
            return False
        j = bisect_left(closes, span.start) - 1
        return j < 0 or closes[j] < opens[k]
    return inside


def _is_han_word(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _settle(text: str, spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    taken = Taken(len(text))
    for s in sorted(spans, key=lambda s: (-s.strength, -(s.end - s.start), s.start, TYPES.index(s.type))):
        if taken.take(s.start, s.end):
            chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    return [_venue(text, s) for s in _coordinated(text, _join_branches(text, chosen))]


# A building where things take place is an address, whoever runs it (洛杉矶国际会议中心, 伯纳乌球场).
VENUES = ("会议中心", "会展中心", "展览中心", "博览中心", "贸中心", "球场", "体育场", "体育馆", "大酒店", "酒店", "饭店",
          "宾馆", "机场", "火车站", "车站", "大厦")


def _venue(text: str, span: Span) -> Span:
    if span.type == "institution" and span.subtype != "government" and text.endswith(VENUES, span.start, span.end):
        return Span(span.start, span.end, "region", "", span.strength)
    return span


LIST_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,6}")
ITEM_CHAR = re.compile(r"(?![等和与及的])[\u4e00-\u9fffA-Za-z0-9]")
LIST_TYPES = ("institution",)


def _coordinated(text: str, spans: list[Span]) -> list[Span]:
    """招行、浦发、民生: the items of a list are of one kind; an item the rules
    missed takes the type of a recognised neighbour."""
    if "、" not in text:
        return spans
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    added: list[Span] = []
    taken = Taken(len(text))
    for s in spans:
        taken.take(s.start, s.end)
    seps = [m.start() for m in re.finditer("、", text)]
    for order in (seps, seps[::-1]):
        for sep in order:
            for item_start, item_end, neighbour in _list_neighbours(text, sep, by_start, by_end):
                if neighbour.type in LIST_TYPES and LIST_ITEM.fullmatch(text[item_start:item_end]) \
                        and taken.take(item_start, item_end):
                    new = Span(item_start, item_end, neighbour.type, neighbour.subtype, WEAK)
                    added.append(new)
                    by_start[new.start], by_end[new.end] = new, new
    return sorted(spans + added, key=lambda s: s.start)


def _list_neighbours(text: str, sep: int, by_start: dict, by_end: dict):
    """(start, end, typed neighbour) for the untyped item on either side of the 、 at `sep`."""
    before, after = by_end.get(sep), by_start.get(sep + 1)
    if after is not None and before is None:
        start = sep
        while start > 0 and ITEM_CHAR.match(text, start - 1) and sep - start < 6:
            start -= 1
        yield start, sep, after
    if before is not None and after is None:
        end = sep + 1
        while end < len(text) and ITEM_CHAR.match(text, end) and end - sep - 1 < 6:
            end += 1
        yield sep + 1, end, before


GENERIC_HEADS = ("相关", "有关", "各", "下属", "主管", "监管", "职能")


MAX_NAME = 40         # characters; a parent, a branch and a department


def _join_branches(text: str, spans: list[Span]) -> list[Span]:
    """招行|广州分行, 中国电影集团公司|营销策划分公司: an institution written right after
    another is its branch or department, and the two are one name; so is a place
    written right before an institution (北京市|住建委, 黎巴嫩|防空部队)."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.type in ("institution", "region") and s.type == "institution" \
                and prev.end == s.start and text[prev.end - 1] not in "、和与及" \
                and not text.startswith(GENERIC_HEADS, s.start) and s.end - prev.start <= MAX_NAME:
            subtype = prev.subtype if prev.type == "institution" else _subtype_of(text[prev.start:s.end], s.subtype)
            out[-1] = Span(prev.start, s.end, "institution", subtype, max(prev.strength, s.strength))
        else:
            out.append(s)
    return out


# ------------------------------------------------------------------ regions
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
AREA_WORDS = ("地区", "一带", "赛区", "地带", "片区")
MAX_ADDRESS = 40      # characters; the longest street address with building and floor


@functools.cache
def _not_places() -> frozenset[str]:
    return data_words("ner_not_places.txt")


WORLD = ("中国", "中华人民共和国", "全球", "世界", "海外", "国外", "境外", "欧美")


def _country_as_place(text: str, start: int, end: int, name: str) -> bool:
    """A country is a place where something happens (在越南, 到巴西), or stands alone in a list
    or clause (美国、日本, 韩国和), not as the modifier of the next word."""
    return name not in WORLD and (text[max(0, start - 2):start].endswith(LOCATIVE_BEFORE + ("、",))
                                  or text[end:end + 1] in ("、", ",", "和", "与", "及"))


@functools.cache
def _countries() -> frozenset[str]:
    return data_words("ner_countries.txt")


# Words before a place that say something is, happens or goes there.
PLACE_CUES = LOCATIVE_BEFORE + ("往", "至", "去", "回", "来", "自", "游", "经", "途经", "进入", "走进", "离开", "落户",
                                "登陆", "驻", "住", "返回", "访问", "出访", "到达", "遍访", "的")
LIST_MARKS = ("、", "和", "与", "及", "等")
CLAUSE_MARKS = ",。;:!?()“”\"《》【】 "


def _placed(text: str, start: int, end: int) -> bool:
    """在纽约, 到伦敦, 巴黎、罗马: a place the sentence locates something in, or an item of a list of places."""
    before, after = text[max(0, start - 2):start], text[end:end + 1]
    return before.endswith(PLACE_CUES) or before[-1:] in LIST_MARKS and (not after or after in CLAUSE_MARKS + "、和与及的") \
        or (not before or before[-1] in CLAUSE_MARKS + "、和与及") and after in LIST_MARKS


def _regions(text: str, tokens: list[Token], sports: bool, index: TokenIndex, lexicon: Lexicon) -> list[Span]:
    """Addresses: a place grown rightwards over the places, streets, numbers and
    buildings after it (北京市海淀区学院路30号). A place that only modifies the
    word after it (美国财政部, 北京房价) is no address; nor is a lone country."""
    places = find_places(text, tokens, lexicon)
    place_at = {m.start: m.end for m in places}
    countries = _countries()
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not (t.pos == "ns" and len(t.word) >= 2 or t.start in place_at or t.word in countries):
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
        unknown = t.start not in place_at and name not in _countries() and name not in world_places()
        if quoted or scenic or glued or parts == 1 and (
                name in _not_places() or name in _countries() and not _country_as_place(text, t.start, end, name)
                or unknown and not sports and not _placed(text, t.start, end)):
            i = j + 1
            continue
        out.append(Span(t.start, end, "region", "", NORMAL if parts > 1 else WEAK))
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


def _located(text: str, tokens: list[Token]) -> list[Span]:
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
            out.append(Span(start, end, "region", "", NORMAL))
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


def _labelled(text: str) -> list[Span]:
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
            out.append(Span(start, end, "region", "", STRONG))
    return out


# A named street, village or building: its name, then one of these. Sights (…岛, …湖, …寺,
# …公园) are no addresses on their own: news labels them as scenery.
SPOT_SUFFIXES = ("路", "街", "大街", "大道", "巷", "胡同", "村", "庄", "乡", "镇", "桥", "广场", "大厦", "球场",
                 "体育场", "体育馆", "商务区", "小区", "酒店", "大酒店", "宾馆", "饭店", "机场", "码头",
                 "湾", "港", "步行街", "商城", "市场", "古城", "大桥", "山庄")
SCENIC = ("湖", "岛", "山", "寺", "宫", "峰", "庙", "陵", "塔", "园", "公园", "花园", "景区", "古镇", "博物馆", "滩", "洞",
          "窟", "谷", "古城", "瀑布", "故居", "遗址", "风景区", "保护区", "纪念馆", "牌坊", "铁塔", "神庙", "歌剧院")
SPOT_SUFFIXES_LONGEST_FIRST = tuple(sorted(SPOT_SUFFIXES, key=len, reverse=True))
SPOT_LAST_CHARS = _char_class(x[-1] for x in SPOT_SUFFIXES)
SPOT_STEM_TAGS = {"nr", "nz", "ns", "nrt", "j", "x", "eng", "ng", "nt"}


def _named_spots(text: str, tokens: list[Token], index: TokenIndex) -> list[Span]:
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
            if len(t.word) >= 3 and t.pos in SPOT_STEM_TAGS | {"n"} and not _stem_is_function(t.word):
                out.append(Span(t.start, t.end, "region", "", WEAK))
            continue
        k = i
        while k > 0 and i - k < 2 and tokens[k - 1].pos in SPOT_STEM_TAGS and _is_han_word(tokens[k - 1].word):
            k -= 1
        if k < i:
            out.append(Span(tokens[k].start, t.end, "region", "", WEAK))
    return out


# ------------------------------------------------------------------ institutions
# One-character country names that make an army or a government (美军, 俄方, 日方).
COUNTRY_ABBREVIATIONS = set("美英法德俄日韩朝中印意苏越泰以伊叙土澳加蒙西葡荷瑞波乌")
NAME_TAGS = {"n", "nt", "nz", "ns", "nr", "nrt", "j", "x", "vn", "eng", "ng", "nnt", "l", "b"}


@functools.cache
def _not_institutions() -> frozenset[str]:
    return data_words("ner_not_institutions.txt")


def _institutions(text: str, tokens: list[Token], index: TokenIndex, lexicon: Lexicon) -> list[Span]:
    out = []
    for m in find_orgs(text, tokens, lexicon):
        start, k = m.start, index.starting_at(m.start)
        if k is not None and k >= 2 and tokens[k - 1].word == "和" and tokens[k - 2].pos in ("n", "vn"):
            start, _ = expand_left(tokens, k - 2, text, lexicon)    # 国土资源和|房屋管理局
        closed = text.rfind(")", start, m.end - 2)
        if closed >= 0:
            start = closed + 1      # 日电(记者刘赞)日本政府: a name does not run back over a closed bracket
        out.append(Span(start, m.end, "institution", _subtype_of(m.text, m.attrs["subtype"]), NORMAL))
    _, suffixes = _institution_words()
    for end_idx, (word, subtype) in _word_automaton().iter(text):
        start, last = index.starting_at(end_idx - len(word) + 1), index.ending_at(end_idx + 1)
        if start is not None and last is not None:
            start = _country_before(tokens, start, text)
            if word in suffixes:       # 防空|部队, 国土资源和房屋|管理局: the word may end a longer name
                grown = _grow_left(tokens, last, text, lexicon)
                if grown < start and not _stem_is_function(text[grown:start]):
                    start = grown
            out.append(Span(start, end_idx + 1, "institution", subtype, STRONG))
    titles = load_terms().titles
    blocked = _not_institutions()
    for t in tokens:
        if t.pos == "nt" and t.word not in blocked:
            out.append(Span(t.start, t.end, "institution", _subtype_of(t.word), WEAK))
    for m in _suffix_last_chars().finditer(text):    # words ending in a suffix's last character
        i = index.ending_at(m.end())
        if i is None:
            continue
        t = tokens[i]
        if t.word in blocked or t.word in titles:
            continue
        suffix = next((t.word[-n:] for n in (5, 4, 3, 2, 1) if t.word[-n:] in suffixes), "")
        if not suffix or (len(t.word) > len(suffix) and t.pos not in NAME_TAGS):
            continue
        if suffix == "军" and not _army(tokens, i):
            continue
        start = _grow_left(tokens, i, text, lexicon)
        name = text[start:t.end]
        if len(name) > len(suffix) and name not in blocked and not _stem_is_function(name[:-len(suffix)]):
            out.append(Span(start, t.end, "institution", suffixes[suffix], WEAK))
    out = [s for s in out if s.strength == STRONG or s.subtype == "government" or _has_proper_part(tokens, s)]
    by_end: dict[int, list[Span]] = {}
    for s in out:
        by_end.setdefault(s.end, []).append(s)
    return [_grown(text, s, by_end[s.end]) for s in out]


def _grown(text: str, span: Span, same_end: list[Span]) -> Span:
    """住房和城乡|建设部: a name grown further left over the same head is the name;
    it takes the strength of the shorter one it contains."""
    inner = [o for o in same_end if span.start < o.start and o.strength > span.strength]
    if not inner or any(True for _ in _title_automaton()[0].iter(text[span.start:max(o.start for o in inner)])):
        return span       # 嘉宾主持人|新浪乐居北京公司: a title is no part of a name
    return Span(span.start, span.end, span.type, span.subtype, max(o.strength for o in inner))


@functools.cache
def _suffix_last_chars() -> re.Pattern:
    return _char_class(suffix[-1] for suffix in _institution_words()[1])



def _stem_of(name: str) -> str:
    _, suffixes = _institution_words()
    for n in range(min(5, len(name) - 1), 0, -1):
        if name[-n:] in suffixes:
            return name[:-n]
    return ""


@functools.cache
def _kinds() -> frozenset[str]:
    return data_words("ner_institution_kinds.txt")


def _has_proper_part(tokens: list[Token], span: Span) -> bool:
    """外资银行, 博彩公司, 股份制银行 name a kind of company, not one: a name needs a
    part that is not a kind word (绿地集团, 英皇公司, 招商局地产)."""
    k = bisect_left(tokens, span.start, key=lambda t: t.start)
    inner = []
    while k < len(tokens) and tokens[k].end <= span.end:
        inner.append(tokens[k])
        k += 1
    if len(inner) <= 1:
        stem = _stem_of(inner[0].word) if inner else ""
        return not inner or not stem or not _all_kinds(stem)
    return not all(t.word in _kinds() or t.pos in ("m", "q", "r") for t in inner[:-1])


def _all_kinds(stem: str) -> bool:
    """商业, 股份制商业: the stem is kind words only."""
    if stem in _kinds():
        return True
    return any(stem[:k] in _kinds() and _all_kinds(stem[k:]) for k in range(1, len(stem)))


def _grow_left(tokens: list[Token], i: int, text: str, lexicon: Lexicon) -> int:
    """expand_left, also across one 和 inside a government name (住房和城乡建设部)."""
    start, _ = expand_left(tokens, i, text, lexicon)
    k = next((k for k in range(i, -1, -1) if tokens[k].start == start), None)
    if k is not None and k >= 2 and tokens[k - 1].word == "和" and tokens[k - 2].pos in ("n", "vn") \
            and tokens[i].word.endswith(("部", "局", "委", "委员会", "厅", "中心")):
        start, _ = expand_left(tokens, k - 2, text, lexicon)
    return start


def _country_before(tokens: list[Token], k: int, text: str) -> int:
    """印度|空军, 美国|国防部: a place just before a government word belongs to its name."""
    start = tokens[k].start
    while k > 0 and tokens[k - 1].pos == "ns" and len(tokens[k - 1].word) >= 2:
        k -= 1
        start = tokens[k].start
    return start


def _army(tokens: list[Token], i: int) -> bool:
    w = tokens[i].word
    if len(w) == 2:
        return w[0] in COUNTRY_ABBREVIATIONS
    if w == "军":
        return i > 0 and (tokens[i - 1].pos == "ns" or tokens[i - 1].word in COUNTRY_ABBREVIATIONS)
    return tokens[i].pos in ("nt", "nz", "n")


def _stem_is_function(stem: str) -> bool:
    return stem[:1] in "一二三四五六七八九十两几多这那每各全首本该此某上下左右" or stem.isdigit()


def _subtype_of(name: str, found: str = "") -> str:
    words, suffixes = _institution_words()
    for n in range(min(6, len(name)), 0, -1):
        if name[-n:] in words:         # 日本|央行
            return SUBTYPES.get(words[name[-n:]], "other")
        if name[-n:] in suffixes:
            return SUBTYPES.get(suffixes[name[-n:]], "other")
    if found:
        return SUBTYPES.get(found, "other")
    return SUBTYPES.get(load_terms().org_suffixes.get(load_terms().org_suffix(name), ""), "other")


# ------------------------------------------------------------------ titles
def _titles(text: str, tokens: list[Token], index: TokenIndex, lexicon: Lexicon) -> list[Span]:
    auto, prefixes, prefix_lengths = _title_automaton()
    hits = list(auto.iter(text))
    if not hits:
        return []         # no title word at all: neither rule can find one (most sentences)
    ends = index.by_end
    found = []
    build_titles = load_terms().titles
    for end_idx, core in hits:
        start, end = end_idx - len(core) + 1, end_idx + 1
        if end not in ends:
            continue
        grown = True
        while grown:
            grown = False
            for n in prefix_lengths:
                if n <= start and text[start - n:start] in prefixes:
                    start -= n
                    grown = True
                    break
        if not index.is_start(start) and not (end in ends and index.is_start(start - 2)):
            continue      # 本报记者: jieba glued the title to what precedes it
        found.append(Span(start, end, "title", "", NORMAL))
    if any(core in build_titles for _, core in hits):     # the build's title grammar needs one of its titles
        for h in find_titles(text, tokens, lexicon):
            found.append(Span(h.start, h.end, "title", "", NORMAL))
    return found


# ------------------------------------------------------------------ persons
def _persons(text: str, tokens: list[Token], title_ends: frozenset[int], lexicon: Lexicon) -> list[Span]:
    # A foreign name without a person's cue is weak: in a match report it is a team.
    out = [Span(m.start, m.end, "person", "", WEAK if uncued(m) else NORMAL)
           for m in find_persons(text, tokens, title_ends) if m.text not in _countries()]
    surnames = load_surnames()
    found = {s.start: s.end for s in out}
    for end in sorted(title_ends):
        if text[end:end + 1] not in surnames and text[end:end + 2] not in surnames \
                and not text.startswith(lexicon.sequence("posts", "saying"), end + 2):
            continue                   # no name can start here (read_name needs a surname or 说/表示 after)
        name = read_name(text, end, lexicon)    # the build's reading of the name after a post title
        if name and not no_given_name(name[0]) and person_name_score(name[0]) >= READ_MIN and name[0] not in not_names() \
                and not (found.get(end, 0) == end + len(name[0]) - 1 and glued_last(text, end, end + len(name[0]))) \
                and not names_a_thing(text, end + len(name[0])):
            # the reader's name, not the build's with a word glued to it (画家李涛|的作品, 副部长马涛|在, 董事长李诚|李总)
            out.append(Span(end, end + len(name[0]), "person", "", NORMAL))
    return out


READ_MIN = 0.36

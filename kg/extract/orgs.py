"""Institutions: a head word ending in an institution suffix (局, 委员会, 医院,
有限公司…) grown leftwards over its stem and place ("石峰区行政审批局"), and
departments (…科, …中心) hung under the institution before them or the one
the article last named ("该院卒中中心", "小儿外科")."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .spans import expand_left, span_words
from .tokens import Token, has_word

RULES = "orgs"        # kg/data/rules/orgs.txt


class OrgWords(NamedTuple):
    not_org_words: frozenset[str]
    not_org_endings: tuple[str, ...]
    generic_names: frozenset[str]
    single_char_suffixes: frozenset[str]
    offices: tuple[str, ...]
    kind_words: frozenset[str]
    continuations: frozenset[str]
    type_heads: frozenset[str]
    company_suffixes: frozenset[str]
    hard_stops: frozenset[str]
    occupations: frozenset[str]
    self_references: frozenset[str]
    plural_levels: tuple[str, ...]
    quantities: tuple[str, ...]


@functools.cache
def org_words(lexicon: Lexicon) -> OrgWords:
    words = functools.partial(lexicon.words, RULES)
    not_org = words("not_org_words")
    return OrgWords(not_org, tuple(w for w in sorted(not_org) if len(w) >= 2 and w not in ("常委", "人社")),
                    words("generic_names"), words("single_char_suffixes"), lexicon.sequence(RULES, "offices"),
                    words("kind_words"), words("continuations"), words("type_heads"), words("company_suffixes"),
                    words("hard_stops"), lexicon.words("tokens", "occupations"), span_words(lexicon).self_references,
                    lexicon.sequence(RULES, "plural_levels"), lexicon.sequence(RULES, "quantities"))


OFFICE_ENDS = ("办公室", "办公厅")
LEVEL_BODY = re.compile(r"^[省市州县区镇乡](?:委|政府|人民政府|人大|政协|纪委)$")
ANAPHOR = re.compile(r"该(院|局|公司|中心|所|站|校|委|会)")
ANAPHOR_BEFORE = re.compile(ANAPHOR.pattern + r"[^,。;:!?、“”()\s与和及在对的向同把被将等]{0,8}$")


def head_suffix(word: str, lexicon: Lexicon) -> str:
    """The institution suffix `word` ends in (局, 委员会, 有限公司), or ''."""
    if not word or word[-1] not in suffix_ends(lexicon):
        return ""                 # cheap test first: most words end in no suffix's last character
    words = org_words(lexicon)
    if word in words.not_org_words or word.endswith(words.not_org_endings):
        return ""
    if word.endswith("办"):
        return "办" if word.endswith(words.offices) else ""
    suffix = lexicon.terms.org_suffix(word)
    if not suffix:
        return ""
    if len(suffix) == 1 and suffix not in words.single_char_suffixes:
        return ""
    if suffix in ("所", "站", "厂", "厅") and len(word) < 3:
        return ""
    return suffix


@functools.cache
def suffix_ends(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(s[-1] for s in lexicon.terms.org_suffixes) | {"办"}


def dept_suffix(word: str, lexicon: Lexicon) -> str:
    """The department suffix `word` ends in (科, 中心, 实验室), or ''."""
    departments = lexicon.terms.departments
    if len(word) < 2 or word[-1] not in dept_last_chars(lexicon) or not word.endswith(departments):
        return ""
    words = org_words(lexicon)
    suffix = next((s for s in departments if word.endswith(s)), "")
    if word in words.not_org_words:
        return ""
    ending = next((e for e in words.not_org_endings if word.endswith(e)), "")
    return "" if len(ending) >= len(suffix) else suffix     # 学科 is none, but 重症医学科 is one


@functools.cache
def dept_last_chars(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(s[-1] for s in lexicon.terms.departments)


@functools.cache
def head_ends(lexicon: Lexicon) -> frozenset[str]:
    """Last characters of every word that can end an institution or a department."""
    return suffix_ends(lexicon) | dept_last_chars(lexicon) | {"科"}


def find_orgs(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Institutions and departments in text order. attrs: "subtype" (government, party,
    company, other), "parent" (the institution Mention written right before a department
    or branch, else None) and "anaphor" (院/局/公司 when the name opens with 该)."""
    text = sentence
    terms, words, ends = lexicon.terms, org_words(lexicon), head_ends(lexicon)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.word[-1] not in ends and tok.pos != "nt":
            i += 1                # cheap test first: most words can end no name
            continue
        suffix = head_suffix(tok.word, lexicon)
        if not suffix and tok.pos == "nt" and len(tok.word) >= 3 and tok.word not in words.generic_names \
                and not tok.word.endswith(words.not_org_endings) \
                and (tok.word[-1] in "部署局委院会所站厅团社行司校馆" or tok.word.endswith("海关")):
            suffix = "nt"         # jieba knows it as an organisation: 财政部, 海关总署
        is_dept = not suffix and (bool(dept_suffix(tok.word, lexicon)) or tok.word == "科" and i > 0)
        if (suffix in ("中心", "政府") or is_dept) and i + 1 < len(tokens) \
                and tokens[i + 1].pos in ("n", "ns", "nz", "vn", "nt") \
                and tokens[i + 1].word not in terms.titles and tokens[i + 1].word not in words.occupations:
            i += 1
            continue              # 娄底中心|城区, 急救中心|综合大楼: the word goes on
        if not suffix and not is_dept:
            i += 1
            continue
        # Absorb following suffix words: 集团 + 有限公司, 中医 + 医院.
        head = i
        while head + 1 < len(tokens) and tokens[head + 1].word in words.continuations:
            head += 1
        start, parent_idx = expand_left(tokens, i, text, lexicon, stop_at_org=lambda t: is_parent_token(t, lexicon))
        if suffix in words.company_suffixes and parent_idx is None:
            start = company_lookback(tokens, bisect_left(tokens, start, key=token_start), tok.end, words)
        start = province_opening(tokens, start, i, lexicon)
        prefix = body_prefix(text, start, lexicon)
        if prefix is not None:
            start = prefix        # 政协|第十一届|衡南县委员会: the body's name opens before its place
        m = ANAPHOR_BEFORE.search(text, max(0, tok.start - 10), tok.start)
        if m and m.start() < start and not any(t.word in span_words(lexicon).stop_words for t in tokens
                                                [bisect_left(tokens, m.end(1), key=token_start):i]):
            start = m.start()     # 该院卒中中心: the department of the institution last named (not 该院联合|…)
        name = text[start:tokens[head].end]
        parent = None
        if out and (out[-1].end == start or parent_idx is not None and out[-1].end == tokens[parent_idx].end) \
                and not LEVEL_BODY.match(name):          # 市委|市政府: two bodies, not a department
            parent = out[-1]
        if out and text[start - 1:start] == "驻" and out[-1].end == start - 1:
            start, name = out[-1].start, out[-1].text + "驻" + name   # 湖南省人民政府驻深圳办事处
        elif out and name.startswith("附属") and out[-1].end == start:
            start, name, parent = out[-1].start, out[-1].text + name, None   # 湖南师范大学附属第一医院
        elif parent is not None and parent.end == start and suffix in words.company_suffixes \
                and tokens[bisect_left(tokens, start, key=token_start)].pos == "vn":
            start, name, parent = parent.start, parent.text + name, None     # 湖南省机场|管理集团: one company
            out.pop()
        m = ANAPHOR.match(name)
        anaphor = m.group(1) if m else ""
        first = bisect_left(tokens, start, key=token_start)
        stem_tokens = [t for t in tokens[first:head + 1] if t.end <= tok.start]
        # 型村|党支部, 借村|支两委: a character glued to a bare 村 by the segmenter, no village's name
        glued_village = len(name) > 2 and name[1] == "村" and tokens[first].word == name[:2] \
            and tokens[first].pos != "ns"
        # “快乐议事厅”, “警民议事厅”: a quoted hall is a service's name, no institution
        quoted_hall = suffix == "厅" and text[start - 1:start] == "“" \
            and text[tokens[head].end:tokens[head].end + 1] == "”"
        if not glued_village and not quoted_hall and acceptable(name, is_dept, parent, anaphor, words) and (
                is_dept or parent or anaphor or named(stem_tokens, name, tokens[head], suffix, words)):
            subtype = terms.org_suffixes.get(suffix, "other") if suffix else "other"
            out.append(Mention("institution", start, tokens[head].end, name,
                               {"subtype": subtype, "parent": parent, "anaphor": anaphor}, "suffix"))
        i = head + 1
    out.sort(key=lambda o: o.start)
    listed = listed_companies(text, tokens, lexicon)
    if listed:      # those the suffix rule did not find: a binary search over its starts and furthest ends
        starts, reach = [o.start for o in out], list(accumulate((o.end for o in out), max))
        out += [c for c in listed if not ((k := bisect_left(starts, c.end)) and reach[k - 1] > c.start)]
        out.sort(key=lambda o: o.start)
    return out


def province_opening(tokens: list[Token], start: int, head: int, lexicon: Lexicon) -> int:
    """Where a name opens that starts with the home province after another place of it: the place is
    where it stands, not its name (火连坡镇|湖南民丰高效油茶专业合作社); a place outside the province
    is the name's own (东莞市湖南邵阳商会, the Hunan chamber in Dongguan)."""
    provinces = lexicon.province_names()
    for k in range(bisect_left(tokens, start, key=token_start) + 1, head):
        before = tokens[k - 1]
        if tokens[k].word in provinces and before.pos == "ns" and before.start >= start \
                and not any(not lexicon.in_province(d.code) for d in lexicon.gazetteer.lookup(before.word)):
            return tokens[k].start
    return start


@functools.cache
def body_prefix_pattern(lexicon: Lexicon) -> re.Pattern:
    words = "|".join(sorted(lexicon.sequence(RULES, "body_prefixes"), key=len, reverse=True))
    return re.compile(rf"(?:{words})(?:第?[一二三四五六七八九十百\d]+届)?$")


def body_prefix(text: str, start: int, lexicon: Lexicon) -> int | None:
    """Where a body's name opens when 政协 (and a session) stands before its place, else None."""
    m = body_prefix_pattern(lexicon).search(text, max(0, start - 16), start)
    return m.start() if m else None


def token_start(tok: Token) -> int:
    return tok.start


LIST_END = re.compile(r"(?:等|这样的)[^,。;]{0,10}?(?:企业|公司|厂家|厂商|品牌)")
LIST_STOPS = set(",。;:!?“”() \n")


def company_lists(text: str):
    """(start, end) of each 、-separated list that ends just before 等…企业 (linear: no backtracking)."""
    for m in LIST_END.finditer(text):
        end = m.start()
        start = end
        while start > 0 and text[start - 1] not in LIST_STOPS and end - start < 200:
            start -= 1
        items = text[start:end].split("、")
        if len(items) >= 2 and all(2 <= len(item) <= 18 for item in items[1:]) and len(items[0]) >= 2:
            yield start + max(0, len(items[0]) - 18), end


def listed_companies(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Companies named in a list that the sentence calls companies:
    “园区拥有湖南荣桓科技、广信科技、湖南有色衡东氟化学等10余家化工企业”."""
    generic = org_words(lexicon).generic_names
    out = []
    opened = closed = counted = 0     # quotes before the list, counted once along the text
    for list_start, list_end in company_lists(text):
        opened += text.count("“", counted, list_start)
        closed += text.count("”", counted, list_start)
        counted = list_start
        if opened > closed:
            continue              # a slogan: “熟地等项目、标厂等企业”
        pos = list_start
        for idx, item in enumerate(text[list_start:list_end].split("、")):
            start, end = pos, pos + len(item)
            pos = end + 1
            first = bisect_left(tokens, start, key=token_start)
            last = first
            while last < len(tokens) and tokens[last].end <= end:
                last += 1
            toks = tokens[first:last]
            if not toks or toks[-1].end != end:
                continue
            begin = start
            if idx == 0:          # only the first item carries the sentence's words before it: 园区拥有|湖南荣桓科技
                begin = max(start, expand_left(tokens, last - 1, text, lexicon)[0])
            name = text[begin:end]
            if 2 <= len(name) <= 14 and name not in generic and not name.isdigit() \
                    and (len(name) >= 3 or not has_word(name)) \
                    and not all(t.pos == "ns" for t in toks if t.start >= begin):
                out.append(Mention("institution", begin, end, name,
                                   {"subtype": "company", "parent": None, "anaphor": ""}, "company-list"))
    return out


def company_lookback(tokens: list[Token], first: int, end: int, words: OrgWords) -> int:
    """A company's full name starts at its place, even across words that stop other names:
    衡阳市|汇中|再生资源|有限公司, 株洲市|瑞|和|渣土|有限公司. `first`: the index of the
    name's first token so far."""
    start = tokens[first].start
    for t in reversed(tokens[max(0, first - 16):first]):     # 16 characters back at most: 16 tokens at most
        if end - t.start > 16 or t.word in words.hard_stops or not ("\u4e00" <= t.word[0] <= "\u9fff"):
            return start
        if t.pos.startswith("v") and has_word(t.word) and len(t.word) > 1:
            return start
        if t.pos == "ns" and len(t.word) >= 2:
            return t.start
    return start


def is_parent_token(tok: Token, lexicon: Lexicon) -> bool:
    """Does this word name an institution a department's name stops at (医院|烧伤科)?"""
    return bool(head_suffix(tok.word, lexicon)) and tok.word not in ("委", "办") \
        and tok.word not in org_words(lexicon).generic_names \
        or tok.word in ("医院", "中医院", "保健院", "公司", "集团", "有限公司")


def named(stem: list[Token], name: str, head: Token, suffix: str, words: OrgWords) -> bool:
    """Does the stem name one institution (株洲恺德, 石峰区行政审批, 菲斯克光电技术) rather than a kind (公立, 三甲)?"""
    inner = head.word[: -len(suffix)] if suffix != "nt" and head.word.endswith(suffix) else ""
    if inner:
        stem = stem + [Token(inner, head.pos, head.start, head.start + len(inner))]
    if not stem:
        return name.endswith(("委", "政府")) or head.pos == "nt"
    kind_words = words.kind_words
    proper_before = any(t.pos in ("nt", "nz", "j", "eng", "nr", "nrt") for t in stem[:-1])
    if stem[-1].word in kind_words and not (suffix in ("局", "厅") and len(stem) >= 2) and not proper_before \
            or stem[-1].word.endswith(("级", "型")) or any(t.word.endswith("式") for t in stem):
        return False          # 株洲市属|公立|医院; but 农业|农村|局 is a bureau, 湖南中医药|高等|专科学校 a school
    if name[0] in "市县区省镇乡" or any(t.pos == "ns" and len(t.word) >= 2 for t in stem):
        return True
    if all(t.word in kind_words or t.word in words.self_references or len(t.word) == 1 for t in stem):
        return False
    if suffix in words.type_heads:
        # 社区卫生服务中心, 部门联席会议: a type of body unless something proper names it
        return any(t.pos in ("nr", "nrt", "nz", "nt", "j", "eng") or not has_word(t.word) for t in stem)
    return any(t.pos in ("nr", "nrt", "nz", "nt", "j", "eng", "ns") or not has_word(t.word) or t.word not in kind_words
               for t in stem)


def acceptable(name: str, is_dept: bool, parent, anaphor: str, words: OrgWords) -> bool:
    if name in words.generic_names and parent is not None and name.endswith(OFFICE_ENDS):
        return True               # 湘西自治州人民政府|办公室: the office of the body written before it
    if name in words.generic_names or name in words.not_org_words or any(c in name for c in "之的了") \
            or name.startswith("各"):
        return False              # 各厅委, 各直属机构: every body of a kind
    if name.startswith(words.plural_levels) or any(q in name for q in words.quantities):
        return False              # 县市区政府, 湘乡市一所中学: every body of a level, or a count
    if name.startswith(("市级", "县级", "省级", "区级", "乡级", "镇级", "村级", "国家级", "地市级")):
        return False              # 县级调度中心: a level of body, not one body
    if is_dept:
        # A department needs an owner: the institution just before it, 该院, or (…科) the article's hospital.
        return (parent is not None or anaphor != "" or name.endswith(("外科", "内科", "科"))) and len(name) >= 3
    stem = name.lstrip("市县区省镇乡")
    return len(stem) >= 3 or anaphor != "" or name.endswith(("海关", "委", "政府", "法院", "检察院"))

"""Institutions: a head word ending in an institution suffix (局, 委员会, 医院,
有限公司…) grown leftwards over its stem and place ("石峰区行政审批局"), and
departments (…科, …中心) hung under the institution before them or the one
the article last named ("该院卒中中心", "小儿外科")."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from ..lexicon.terms import load_terms
from .spans import SELF_REFERENCES, expand_left
from .tokens import OCCUPATIONS, Token, has_word

# Words that end in a suffix character but name no institution.
NOT_ORG_WORDS = {"格局", "布局", "大局", "当局", "开局", "结局", "新局", "全局", "网站", "车站", "驿站", "全部", "内部",
                 "干部", "外部", "局部", "东部", "西部", "南部", "北部", "中部", "头部", "底部", "顶部", "俱乐部",
                 "场所", "住所", "厕所", "处所", "之处", "到处", "好处", "难处", "深处", "大厅", "餐厅", "客厅", "展厅",
                 "学科", "本科", "专科", "百科", "市中心", "重心", "核心", "圆心", "工作室", "会议室", "诊室", "教室",
                 "常委", "主任委员", "中心城区", "原厂", "出厂", "在所", "新区", "园区", "社区", "小区", "景区",
                 "城区", "辖区", "片区", "产区", "人社", "数据中心", "所", "部", "处", "科", "室", "社", "会", "团"}
NOT_ORG_ENDINGS = tuple(w for w in NOT_ORG_WORDS if len(w) >= 2 and w not in ("常委", "人社"))
# Names that are bare generic words, not institutions of their own.
GENERIC_NAMES = {"医院", "公司", "企业", "集团", "协会", "学校", "政府", "部门", "单位", "机构", "基地", "工厂",
                 "该院", "该局", "该公司", "本院", "我院", "各院", "全院", "两院", "委员会", "办公室", "研究所",
                 "事务所", "派出所", "党委", "镇党委", "党支部", "中心", "服务中心",
                 "党群服务中心", "管理中心", "指挥中心", "体检中心", "营运中心", "运营中心", "交易中心", "活动中心",
                 "文化中心", "会展中心", "党组织", "基层党组织", "物流中心", "研发中心", "分级诊疗中心", "局", "委", "办", "站", "院", "厂",
                 "厅", "卫生院", "乡镇卫生院", "医疗机构",
                 "市直机关", "日报社", "报社", "地市级医院", "市州医院", "省级医院", "市级医院", "公立医院", "民营医院", "县级医院", "基层医院", "上级医院", "大医院", "三甲医院"}
SINGLE_CHAR_SUFFIX_OK = set("局委所站厅院厂")
# 办 is mostly a verb (帮办, 一次办); only these offices end in it.
OFFICES = ("金融办", "道安办", "综治办", "党政办", "防汛办", "创文办", "扶贫办", "文明办", "改革办", "信访办",
           "应急办", "督查办", "编办", "党建办", "招商办", "商务办", "外事办", "侨办", "台办", "农办", "网信办",
           "维稳办", "安委办", "创卫办", "法制办", "国资办", "人防办", "残联办", "爱卫办", "食安办", "禁毒办", "消安办")
# Words that make a 医院/公司… a kind, not a name: 公立医院, 三甲医院, 顶尖医院.
KIND_WORDS = {"公立", "民营", "二级", "三级", "三甲", "二甲", "综合", "专科", "基层", "上级", "下级", "顶尖", "知名",
              "大型", "小型", "智慧", "数字", "城市", "农村", "乡镇", "社区", "区县", "县级", "市级", "省级", "地市级",
              "国内", "国外", "省内", "省外", "医疗", "定点", "相关", "有关", "其他", "大", "小", "新", "老", "好",
              "龙头", "配套", "骨干", "重点", "规上", "规模", "中小", "小微", "民营企业", "国有", "本地", "外地",
              "互联网", "义务教育", "义务教育阶段", "阶段", "学校", "全科", "村卫生室",
              "经办", "医保", "绿色", "示范", "标准", "单项", "冠军", "行业", "交警", "派出所", "中队", "分级诊疗",
              "研发", "级以上", "以上", "国家级", "省级以上"}
DEPT_SUFFIXES = load_terms().departments        # kg/data/departments.txt
DEPT_LAST_CHARS = frozenset(s[-1] for s in DEPT_SUFFIXES)


ANAPHOR = re.compile(r"该(院|局|公司|中心|所|站|校|委|会)")
ANAPHOR_BEFORE = re.compile(ANAPHOR.pattern + r"[^,。;:!?、“”()\s与和及在对的向同把被将等]{0,8}$")


class OrgMatch(NamedTuple):
    start: int
    end: int
    text: str
    subtype: str
    parent: "OrgMatch | None" = None
    anaphor: str = ""      # 院/局/公司 when the name starts with 该


def head_suffix(word: str, pos: str = "") -> str:
    terms = load_terms()
    if not word or word[-1] not in _suffix_ends():
        return ""                 # cheap test first: most words end in no suffix's last character
    if word in NOT_ORG_WORDS or word.endswith(NOT_ORG_ENDINGS):
        return ""
    if word.endswith("办"):
        return "办" if word.endswith(OFFICES) else ""
    suffix = terms.org_suffix(word)
    if not suffix:
        return ""
    if len(suffix) == 1 and suffix not in SINGLE_CHAR_SUFFIX_OK:
        return ""
    if suffix in ("所", "站", "厂", "厅") and len(word) < 3:
        return ""
    return suffix


@functools.cache
def _suffix_ends() -> frozenset[str]:
    return frozenset(s[-1] for s in load_terms().org_suffixes) | {"办"}


def dept_suffix(word: str) -> str:
    if len(word) < 2 or word[-1] not in DEPT_LAST_CHARS or not word.endswith(DEPT_SUFFIXES) or word in NOT_ORG_WORDS or word.endswith(NOT_ORG_ENDINGS):
        return ""
    return next((s for s in DEPT_SUFFIXES if word.endswith(s)), "")


@functools.cache
def _head_ends() -> frozenset[str]:
    """Last characters of every word that can end an institution or a department."""
    return _suffix_ends() | DEPT_LAST_CHARS | {"科"}


def find_orgs(text: str, tokens: list[Token]) -> list[OrgMatch]:
    terms = load_terms()
    head_ends = _head_ends()
    out: list[OrgMatch] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.word[-1] not in head_ends and tok.pos != "nt":
            i += 1                # cheap test first: most words can end no name
            continue
        suffix = head_suffix(tok.word)
        if not suffix and tok.pos == "nt" and len(tok.word) >= 3 and tok.word not in GENERIC_NAMES \
                and not tok.word.endswith(NOT_ORG_ENDINGS) \
                and (tok.word[-1] in "部署局委院会所站厅团社行司校馆" or tok.word.endswith("海关")):
            suffix = "nt"         # jieba knows it as an organisation: 财政部, 海关总署
        is_dept = not suffix and (bool(dept_suffix(tok.word)) or tok.word == "科" and i > 0)
        if (suffix in ("中心", "政府") or is_dept) and i + 1 < len(tokens) and tokens[i + 1].pos in ("n", "ns", "nz", "vn") and \
                tokens[i + 1].word not in load_terms().titles and tokens[i + 1].word not in OCCUPATION_WORDS:
            i += 1
            continue              # 娄底中心|城区, 急救中心|综合大楼: the word goes on
        if not suffix and not is_dept:
            i += 1
            continue
        # Absorb following suffix words: 集团 + 有限公司, 中医 + 医院.
        head = i
        while head + 1 < len(tokens) and tokens[head + 1].word in CONTINUATIONS:
            head += 1
        start, parent_idx = expand_left(tokens, i, text, stop_at_org=_is_parent_token)
        if suffix in COMPANY_SUFFIXES and parent_idx is None:
            start = _company_lookback(tokens, start, tok.end)
        m = ANAPHOR_BEFORE.search(text, max(0, tok.start - 10), tok.start)
        if m and m.start() < start:
            start = m.start()     # 该院卒中中心: the department of the institution last named
        name = text[start:tokens[head].end]
        parent = None
        if out and (out[-1].end == start or parent_idx is not None and out[-1].end == tokens[parent_idx].end):
            parent = out[-1]
        m = ANAPHOR.match(name)
        anaphor = m.group(1) if m else ""
        first = i                 # the words from `start` up to this one (tokens run in text order)
        while first > 0 and tokens[first - 1].start >= start:
            first -= 1
        stem_tokens = tokens[first:i]
        if _acceptable(name, is_dept, parent, anaphor) and (is_dept or parent or anaphor or _named(stem_tokens, name, tokens[head], suffix)):
            subtype = terms.org_suffixes.get(suffix, "other") if suffix else "other"
            out.append(OrgMatch(start, tokens[head].end, name, subtype, parent, anaphor))
        i = head + 1
    listed = listed_companies(text, tokens)
    if listed:                    # those that overlap no name found above: a binary search each
        known = sorted((o.start, o.end) for o in out)
        starts, reach = [s for s, _ in known], list(accumulate((e for _, e in known), max))
        out += [c for c in listed if not (k := bisect_left(starts, c.end)) or reach[k - 1] <= c.start]
    return sorted(out, key=lambda o: o.start)


CONTINUATIONS = {"有限公司", "股份有限公司", "有限责任公司", "公司", "分公司", "集团"}
TYPE_HEADS = {"中心", "中队", "大队", "党委", "联席会议", "卫生室", "站", "委员会", "办公室", "领导小组", "分局"}
COMPANY_SUFFIXES = {"有限公司", "有限责任公司", "股份有限公司", "公司", "集团"}
OCCUPATION_WORDS = frozenset(OCCUPATIONS)
HARD_STOPS = {"的", "在", "与", "是", "为", "对", "把", "被", "从", "向", "等", "了", "将", "由", "于", "及"}


LIST_END = re.compile(r"(?:等|这样的)[^,。;]{0,10}?(?:企业|公司|厂家|厂商|品牌)")
LIST_STOPS = set(",。;:!?“”() \n")


def _lists(text: str):
    """(start, end) of each 、-separated list that ends just before 等…企业 (linear: no backtracking)."""
    for m in LIST_END.finditer(text):
        end = m.start()
        start = end
        while start > 0 and text[start - 1] not in LIST_STOPS and end - start < 200:
            start -= 1
        items = text[start:end].split("、")
        if len(items) >= 2 and all(2 <= len(item) <= 18 for item in items[1:]) and len(items[0]) >= 2:
            yield start + max(0, len(items[0]) - 18), end


def listed_companies(text: str, tokens: list[Token]) -> list[OrgMatch]:
    """Companies named in a list that the sentence calls companies:
    “园区拥有湖南荣桓科技、广信科技、湖南有色衡东氟化学等10余家化工企业”."""
    out = []
    quotes = None
    for list_start, list_end in _lists(text):
        if quotes is None:        # where quotes open and close, counted by binary search per list
            quotes = [m.start() for m in re.finditer("“", text)], [m.start() for m in re.finditer("”", text)]
        if bisect_left(quotes[0], list_start) > bisect_left(quotes[1], list_start):
            continue              # a slogan: “熟地等项目、标厂等企业”
        pos = list_start
        for idx, item in enumerate(text[list_start:list_end].split("、")):
            start, end = pos, pos + len(item)
            pos = end + 1
            first, last = bisect_left(tokens, start, key=START), bisect_right(tokens, end, key=END)
            toks = tokens[first:last]        # the words within the item (tokens run in text order)
            if not toks or toks[-1].end != end:
                continue
            begin = start
            if idx == 0:          # only the first item carries the sentence's words before it: 园区拥有|湖南荣桓科技
                begin = max(start, expand_left(tokens, last - 1, text)[0])
            name = text[begin:end]
            if 2 <= len(name) <= 14 and name not in GENERIC_NAMES and not name.isdigit() \
                    and (len(name) >= 3 or not has_word(name)) \
                    and not all(t.pos == "ns" for t in toks if t.start >= begin):
                out.append(OrgMatch(begin, end, name, "company"))
    return out


START, END = attrgetter("start"), attrgetter("end")


def _company_lookback(tokens: list[Token], start: int, end: int) -> int:
    """A company's full name starts at its place, even across words that stop other names:
    衡阳市|汇中|再生资源|有限公司, 株洲市|瑞|和|渣土|有限公司."""
    for k in range(bisect_right(tokens, start, key=END) - 1, -1, -1):   # the words before, nearest first
        t = tokens[k]
        if end - t.start > 16 or t.word in HARD_STOPS or not ("\u4e00" <= t.word[0] <= "\u9fff"):
            return start
        if t.pos.startswith("v") and has_word(t.word) and len(t.word) > 1:
            return start
        if t.pos == "ns" and len(t.word) >= 2:
            return t.start
    return start


def _is_parent_token(tok: Token) -> bool:
    return bool(head_suffix(tok.word)) and tok.word not in ("委", "办") and tok.word not in GENERIC_NAMES \
        or tok.word in ("医院", "中医院", "保健院", "公司", "集团", "有限公司")


def _named(stem: list[Token], name: str, head: Token, suffix: str) -> bool:
    """Does the stem name one institution (株洲恺德, 石峰区行政审批, 菲斯克光电技术) rather than a kind (公立, 三甲)?"""
    inner = head.word[: -len(suffix)] if suffix != "nt" and head.word.endswith(suffix) else ""
    if inner:
        stem = stem + [Token(inner, head.pos, head.start, head.start + len(inner))]
    if not stem:
        return name.endswith(("委", "政府")) or head.pos == "nt"
    if stem[-1].word in KIND_WORDS or stem[-1].word.endswith(("级", "型")):
        return False          # 株洲市属|公立|医院, 湘潭市县级|公立|医院
    if name[0] in "市县区省镇乡" or any(t.pos == "ns" and len(t.word) >= 2 for t in stem):
        return True
    if all(t.word in KIND_WORDS or t.word in SELF_REFERENCES or len(t.word) == 1 for t in stem):
        return False
    if suffix in TYPE_HEADS:
        # 社区卫生服务中心, 部门联席会议: a type of body unless something proper names it
        return any(t.pos in ("nr", "nrt", "nz", "nt", "j", "eng") or not has_word(t.word) for t in stem)
    return any(t.pos in ("nr", "nrt", "nz", "nt", "j", "eng", "ns") or not has_word(t.word) or t.word not in KIND_WORDS
               for t in stem)


def _acceptable(name: str, is_dept: bool, parent, anaphor: str) -> bool:
    if name in GENERIC_NAMES or name in NOT_ORG_WORDS or any(c in name for c in "之的了"):
        return False
    if name.startswith(("市级", "县级", "省级", "区级", "乡级", "镇级", "村级", "国家级", "地市级")):
        return False              # 县级调度中心: a level of body, not one body
    if is_dept:
        # A department needs an owner: the institution just before it, 该院, or (…科) the article's hospital.
        return (parent is not None or anaphor != "" or name.endswith(("外科", "内科", "科"))) and len(name) >= 3
    stem = name.lstrip("市县区省镇乡")
    return len(stem) >= 3 or anaphor != "" or name.endswith(("海关", "委", "政府"))

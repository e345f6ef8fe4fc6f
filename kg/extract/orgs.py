"""Institutions: a head word ending in an institution suffix (局, 委员会, 医院,
有限公司…) grown leftwards over its stem and place ("石峰区行政审批局"), and
departments (…科, …中心) hung under the institution before them or the one
the article last named ("该院卒中中心", "小儿外科")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.terms import load_terms
from .spans import expand_left
from .tokens import Token

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
                 "事务所", "派出所", "县委", "市委", "区委", "省委", "党委", "镇党委", "中心", "服务中心",
                 "党群服务中心", "管理中心", "指挥中心", "体检中心", "营运中心", "运营中心", "交易中心", "活动中心",
                 "文化中心", "会展中心", "物流中心", "研发中心", "分级诊疗中心", "局", "委", "办", "站", "院", "厂",
                 "厅", "市政府", "县政府", "区政府", "省政府", "镇政府", "乡政府", "卫生院", "乡镇卫生院", "医疗机构",
                 "市直机关", "日报社", "报社", "地市级医院", "市州医院", "省级医院", "市级医院", "公立医院", "民营医院", "县级医院", "基层医院", "上级医院", "大医院", "三甲医院"}
SINGLE_CHAR_SUFFIX_OK = set("局委办所站厅院厂")
DEPT_SUFFIXES = ("外科", "内科", "科", "门诊", "病区", "中心", "研究室", "实验室")
PARENT_SUFFIXES = ("医院", "中医院", "保健院", "卫生院", "院", "大学", "学院", "局", "委员会", "委", "公司", "集团")


ANAPHOR = re.compile(r"该(院|局|公司|中心|所|站|校|委|会)")
ANAPHOR_BEFORE = re.compile(ANAPHOR.pattern + r"[^,。;:!?、“”()\s与和及在对的向同把被将等]{0,8}$")


@dataclass
class OrgMatch:
    start: int
    end: int
    text: str
    subtype: str
    parent: "OrgMatch | None" = None
    anaphor: str = ""      # 院/局/公司 when the name starts with 该


def head_suffix(word: str) -> str:
    terms = load_terms()
    if word in NOT_ORG_WORDS or word.endswith(NOT_ORG_ENDINGS):
        return ""
    suffix = terms.org_suffix(word)
    if not suffix:
        return ""
    if len(suffix) == 1 and suffix not in SINGLE_CHAR_SUFFIX_OK:
        return ""
    return suffix


def dept_suffix(word: str) -> str:
    if word in NOT_ORG_WORDS or word.endswith(NOT_ORG_ENDINGS) or len(word) < 2:
        return ""
    return next((s for s in DEPT_SUFFIXES if word.endswith(s)), "")


def find_orgs(text: str, tokens: list[Token]) -> list[OrgMatch]:
    terms = load_terms()
    out: list[OrgMatch] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        suffix = head_suffix(tok.word)
        is_dept = not suffix and bool(dept_suffix(tok.word))
        if not suffix and not is_dept:
            i += 1
            continue
        # Absorb following suffix words: 集团 + 有限公司, 中医 + 医院.
        head = i
        while head + 1 < len(tokens) and tokens[head + 1].word in terms.org_suffixes:
            head += 1
        start, parent_idx = expand_left(tokens, i, text, stop_at_org=_is_parent_token)
        m = ANAPHOR_BEFORE.search(text, max(0, tok.start - 10), tok.start)
        if m and m.start() < start:
            start = m.start()     # 该院卒中中心: the department of the institution last named
        name = text[start:tokens[head].end]
        parent = None
        if out and (out[-1].end == start or parent_idx is not None and out[-1].end == tokens[parent_idx].end):
            parent = out[-1]
        m = ANAPHOR.match(name)
        anaphor = m.group(1) if m else ""
        if _acceptable(name, is_dept, parent, anaphor):
            subtype = terms.org_suffixes.get(suffix, "other") if suffix else "other"
            out.append(OrgMatch(start, tokens[head].end, name, subtype, parent, anaphor))
        i = head + 1
    return out


def _is_parent_token(tok: Token) -> bool:
    return bool(head_suffix(tok.word)) and tok.word not in ("委", "办") and tok.word not in GENERIC_NAMES \
        or tok.word in ("医院", "中医院", "保健院", "公司", "集团", "有限公司")


def _acceptable(name: str, is_dept: bool, parent, anaphor: str) -> bool:
    if name in GENERIC_NAMES or name in NOT_ORG_WORDS:
        return False
    if is_dept:
        # A department needs an owner: the institution just before it, 该院, or (…科) the article's hospital.
        return (parent is not None or anaphor != "" or name.endswith(("外科", "内科", "科"))) and len(name) >= 3
    stem = name.lstrip("市县区省镇乡")
    return len(stem) >= 3 or anaphor != "" or name.endswith(("海关", "市委", "县委", "区委", "省委"))

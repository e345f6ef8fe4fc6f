"""Programs: named policies, projects, campaigns and reforms.

Three shapes: a quoted name with a program word after it (“百日攻坚”行动,
“135”工程), a quoted name that reads as a program on its own (“1+7+4”,
“送政策、解难题、优服务”, “双报到双考核”), a 《》 document, and a name that
ends in a program word (温暖企业行动, 市场主体培育工程)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import expand_left
from .tokens import Token

PROGRAM_WORDS = ("工程", "行动", "计划", "项目", "改革", "模式", "制度", "活动", "试点", "年", "政策", "机制", "平台",
                 "体系", "服务季", "攻势", "规则", "行", "示范区", "示范城市", "示范项目", "培育工程", "专项行动", "建设")
GENERIC = {"重点项目", "产业项目", "建设项目", "工程项目", "该项目", "这个项目", "新项目", "大项目", "好项目", "项目",
           "医疗改革", "医改", "改革", "各项改革", "这项改革", "活动", "该活动", "此次活动", "系列活动", "主题活动",
           "文艺演出", "工作", "工作机制", "长效机制", "运行机制", "体制机制", "政策", "惠企政策", "优惠政策", "扶持政策",
           "试点", "计划", "行动", "工程", "模式", "制度", "平台", "体系", "年", "今年", "去年", "明年", "全年", "半年",
           "新模式", "新机制", "民生工程", "民心工程", "大工程", "示范项目", "重大项目", "先进制造业项目", "设施配套项目",
           "服务体系", "医疗服务体系", "评价体系", "标准体系", "管理体系", "责任体系", "招商团队", "2022年", "2023年"}
UNQUOTED_PROGRAM_WORDS = ("工程", "行动", "计划", "改革", "试点", "模式", "制度", "项目", "服务季", "攻势")
YEAR_CAMPAIGN_STEMS = ("建设", "优化", "提升", "攻坚", "减负", "推进", "落实", "质量", "作风")
QUOTED = re.compile(r"“([^“”]{2,24})”")
BOOK = re.compile(r"《([^《》]{2,40})》")
PROGRAM_WORD_AFTER = re.compile(r"(" + "|".join(sorted(PROGRAM_WORDS, key=len, reverse=True)) + ")")
NUMBERED = re.compile(r"[0-9+]|^[一二三四五六七八九十两百千万]+[个大项张类化点级]|^[一二三四五六七八九十两]\w{0,2}[一二三四五六七八九十两]")
LAUNCH_VERBS = ("开展", "实施", "推进", "启动", "创建", "落实", "打造", "推行", "深化", "争创", "实行", "建设", "推出",
                "出台", "发起", "部署", "推广", "参与", "加入", "入选", "获评", "构筑", "构建", "探索", "创新", "全面推进",
                "深入推进", "持续开展", "深入开展", "扎实开展", "积极开展", "抓好")
POLICY_DOCS = ("通知", "意见", "办法", "方案", "措施", "规定", "条例", "决定", "规划", "纲要", "计划", "细则", "标准",
               "政策", "制度", "指南", "清单", "公告", "通告", "决议")
SLOGAN_SEP = re.compile(r"[、,+]")


@dataclass
class ProgramMatch:
    start: int
    end: int
    name: str
    rule: str


def find_programs(text: str, tokens: list[Token]) -> list[ProgramMatch]:
    out: list[ProgramMatch] = []
    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        after = PROGRAM_WORD_AFTER.match(text, m.end())
        before = text[max(0, m.start() - 6):m.start()]
        if after and after.group(1) not in ("年", "行", "建设") and len(inner) >= 2:
            out.append(ProgramMatch(m.start(), after.end(), inner, "quoted+program-word"))
        elif NUMBERED.search(inner) or (SLOGAN_SEP.search(inner) and 5 <= len(inner) <= 24
                                         and not any(c in inner for c in "。!?:;")
                                         and all(2 <= len(p) <= 8 for p in SLOGAN_SEP.split(inner))):
            out.append(ProgramMatch(m.start(), m.end(), inner, "quoted-name"))
        elif len(inner) >= 4 and before.endswith(LAUNCH_VERBS) and not any(c in inner for c in ",。!?"):
            out.append(ProgramMatch(m.start(), m.end(), inner, "quoted-after-launch-verb"))
    for m in BOOK.finditer(text):
        inner = m.group(1).strip()
        if inner.endswith(POLICY_DOCS) and len(inner) >= 4:
            out.append(ProgramMatch(m.start(), m.end(), inner, "document-title"))
    taken = [(p.start, p.end) for p in out]
    for i, tok in enumerate(tokens):
        word = next((w for w in UNQUOTED_PROGRAM_WORDS if tok.word.endswith(w)), None)
        if tok.word.endswith("年") and i and tokens[i - 1].word.endswith(YEAR_CAMPAIGN_STEMS):
            word = "年"
        if not word or any(s <= tok.start < e for s, e in taken):
            continue
        start, _ = expand_left(tokens, i, text)
        name = text[start:tok.end]
        if (name in GENERIC or len(name) < 5 or name.startswith(("该", "这", "此", "各", "一", "本", "全市", "全县", "全省"))
                or any(s < tok.end and start < e for s, e in taken) or "“" in name or "”" in name):
            continue
        out.append(ProgramMatch(start, tok.end, name, "program-word"))
    return sorted(out, key=lambda p: p.start)

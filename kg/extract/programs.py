"""Programs: named policies, projects, campaigns and reforms.

Quoted names are programs when the text treats them as one: a program word
follows (“百日攻坚”行动, “135”工程, “湘易办”APP), a launch verb precedes
(开展“优质服务基层行”), the name has a slogan's shape (“1+7+4”, “五个100”,
“送政策、解难题、优服务”, “两票制”), or it is listed with such names
(“潮汐停车”“爱心超市”“180一键通”等). Quotes used for emphasis (“出圈”,
“朋友圈”, “一盘棋”) are not. 《》 titles are programs when they name a policy
document (…通知, …措施, …条例). Unquoted names need a program word at the end
and something that makes them one program rather than a kind: a launch verb
before them, a proper name inside, or enough words (温暖企业行动 after 推进;
园区配售电改革试点; 菲斯克精密级光线陀螺产业化项目)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import SELF_REFERENCES, expand_left
from .tokens import Token, has_word

# Words after a quoted name that make it a program.
AFTER_WORDS = ("专项行动", "行动", "工程", "计划", "项目", "改革", "模式", "制度", "活动", "试点", "平台", "体系", "政策",
               "机制", "规则", "工作", "建设", "APP", "App", "app", "品牌", "服务品牌", "景区", "整治", "治理", "示范",
               "认证", "标准", "方案", "负责制", "园区", "服务季", "攻势", "综合平台", "责任", "要求", "理念", "战略")
LAUNCH_VERBS = ("开展", "实施", "推进", "启动", "创建", "落实", "打造", "推行", "深化", "争创", "实行", "推出", "首推",
                "出台", "发起", "部署", "推广", "参与", "加入", "构筑", "构建", "完善", "抓好", "形成了",
                "统筹推进", "全力开展", "深入开展", "持续开展", "扎实开展", "积极开展", "全面开展", "全面实施",
                "深入实施", "率先推出", "率先启动", "全面推进", "深入推进", "扎实推进", "大力推进", "加快推进",
                "启用", "上线", "建成", "搭建", "开通", "推动")
PROGRAM_WORDS = ("工程", "行动", "计划", "改革", "试点", "模式", "制度", "项目", "服务季", "攻势", "协作网", "大讲堂",
                 "示范城市", "示范区", "子平台", "认证")
EMPHASIS = re.compile(r"^[^一二三四五六七八九十两\d].?[级化式型]$")       # “国家级”认证, “数字化”, “保姆式”服务: manner, not a name
AFTER_SYSTEM = re.compile(r"[\u4e00-\u9fff]{0,3}制(?![\u4e00-\u9fff]{0,1}[度定造作])")   # “先建后验”承诺制
YEAR_CAMPAIGN_STEMS = ("建设", "优化", "提升", "攻坚", "减负", "推进", "落实", "质量", "作风")
PROGRAM_LAST_CHARS = frozenset(w[-1] for w in PROGRAM_WORDS) | {"作", "年"}
POLICY_DOCS = ("通知", "意见", "办法", "方案", "措施", "规定", "条例", "决定", "规划", "纲要", "计划", "细则", "标准",
               "政策", "制度", "指南", "清单", "公告", "通告", "决议")
# Stems that make a 项目/工程/模式 a kind, not a name.
GENERIC_STEMS = {"重点", "产业", "招商引资", "招商", "新能源", "标志性", "带动性", "政策资金", "建设", "生产", "工程",
                 "服务", "重大", "大", "好", "新", "整个", "该", "这个", "工业", "管理", "精细化", "连续性", "梯度",
                 "土石方", "配套", "示范", "民生", "民心", "设施", "设施配套", "先进制造业", "基础设施", "续建", "新建",
                 "专科建设", "重点专科", "社会工作服务", "居家家政服务", "家政服务", "审批服务", "医疗保障", "医保",
                 "综合监管", "医疗改革", "医改", "体制", "医药卫生体制", "公立医院", "两个", "两项", "多个", "一批"}
# Verbs program names are made of (DRG支付方式改革, 老旧小区改造项目), and measure words inside them.
PROGRAM_VERBS = frozenset("""vn 支付 改造 传承 创新 就医 结算 配售 托幼 签约 联动 减负 提升 优化 攻坚 培育 振兴 帮扶
治理 整治 保护 监督 服务 管理 建设 发展 改革 采购 引进 创业 就业 招商 提质 扩容 对接 支援 共建 共享 办 跑 级 台 万""".split())
GOAL_AFTER = ("为抓手", "为载体", "为重点", "为主线", "为突破口", "为切入点", "为平台", "为契机", "为目标")
NAME_ENDINGS = ("模式", "行动", "工程", "计划", "改革", "制", "经验", "样板", "战略", "工作法", "机制")
QUOTED = re.compile(r"[“‘]([^“”‘’]{1,24})[”’]")
BOOK = re.compile(r"《([^《》]{2,40})》")
SLOGAN_SEP = re.compile(r"[、,+]")
NUMERAL = "一二三四五六七八九十两百千万"
SHAPED = re.compile(rf"\d.*\d|\+|^[{NUMERAL}]+[个大项类化点级基好送清][\w]*$|^[{NUMERAL}]\w{{0,3}}[{NUMERAL}]\w+|制$")
SENTENCE_PUNCT = set("。!?;:")


@dataclass
class ProgramMatch:
    start: int
    end: int
    name: str
    rule: str


def find_programs(text: str, tokens: list[Token]) -> list[ProgramMatch]:
    out = _quoted(text) + _documents(text)
    taken = [(p.start, p.end) for p in out]
    out += [p for p in _suffixed(text, tokens) if not any(s < p.end and p.start < e for s, e in taken)]
    kept: list[ProgramMatch] = []
    for p in sorted(out, key=lambda p: (p.start, -p.end)):
        if not any(k.start <= p.start and p.end <= k.end for k in kept):
            kept.append(p)               # 园区配售电改革 inside 园区配售电改革试点
    return kept


def _quoted(text: str) -> list[ProgramMatch]:
    quotes = list(QUOTED.finditer(text))
    out: list[ProgramMatch] = []
    for i, m in enumerate(quotes):
        inner = m.group(1).strip()
        if any(c in SENTENCE_PUNCT for c in inner) or re.fullmatch(r"[\d·.\-/]+", inner) or len(inner) < 2:
            continue
        if EMPHASIS.match(inner) or re.match(r"\d{4}年", inner):
            continue                     # “国家级”, “数字化”; “2019年度…优秀社工” is an honour
        after = next((w for w in AFTER_WORDS if text.startswith(w, m.end())), "") or (
            "制" if AFTER_SYSTEM.match(text, m.end()) else "")
        before = text[max(0, m.start() - 6):m.start()]
        listed = _in_list(text, quotes, i)
        rule = ""
        if after and len(inner) <= 20:
            rule = "quoted+program-word"
        elif before.endswith(LAUNCH_VERBS) and "," not in inner and len(inner) >= 3:
            rule = "quoted-after-launch-verb"
        elif before.endswith("以") and text.startswith(GOAL_AFTER, m.end()):
            rule = "quoted-as-means"         # 以“家庭医生签约”为抓手
        elif inner.endswith(NAME_ENDINGS) and len(inner) >= 3:
            rule = "quoted-named"            # “株洲模式”, “种子计划”
        elif _shaped(inner):
            rule = "quoted-slogan"
        elif listed:
            rule = "quoted-list"
        if rule:
            name = inner + after if after == "园区" else inner    # “五好”园区: the word is part of the name
            out.append(ProgramMatch(m.start(), m.end(), name, rule))
    # A list of quoted names is programs together when one of them is.
    names = {p.start for p in out}
    for i, m in enumerate(quotes):
        if m.start() not in names and _in_list(text, quotes, i) and any(
                q.start() in names for q in _neighbours(text, quotes, i)):
            inner = m.group(1).strip()
            if 2 <= len(inner) <= 12 and not any(c in SENTENCE_PUNCT | {","} for c in inner):
                out.append(ProgramMatch(m.start(), m.end(), inner, "quoted-list"))
    return out


def _shaped(inner: str) -> bool:
    if "," in inner:
        return False
    if SLOGAN_SEP.search(inner) and 5 <= len(inner) <= 24 and all(2 <= len(p) <= 8 for p in SLOGAN_SEP.split(inner)):
        return True
    if re.search(r"[张盘对]", inner[:3]):
        return False                        # “一张图”, “一盘棋”, “一对一”: figures of speech
    return len(inner) >= 3 and (bool(SHAPED.search(inner)) or inner[0] in NUMERAL)


def _neighbours(text, quotes, i):
    out = []
    for j in (i - 1, i + 1):
        if 0 <= j < len(quotes):
            a, b = sorted((quotes[i], quotes[j]), key=lambda q: q.start())
            if text[a.end():b.start()] in ("", "、", "和", "及", "与"):
                out.append(quotes[j])
    return out


def _in_list(text, quotes, i) -> bool:
    """Part of “A”“B”“C”等… or “A”、“B”: a list of names."""
    group = [quotes[i]] + _neighbours(text, quotes, i)
    if len(group) < 2:
        return False
    last = max(group, key=lambda q: q.end())
    return text.startswith(("等",), last.end()) or len(group) >= 2 and any(
        text.startswith(w, last.end()) for w in AFTER_WORDS)


def _documents(text: str) -> list[ProgramMatch]:
    out = []
    for m in BOOK.finditer(text):
        inner = m.group(1).strip()
        if inner.endswith(POLICY_DOCS) and len(inner) >= 4:
            out.append(ProgramMatch(m.start(), m.end(), inner, "document-title"))
    return out


def _suffixed(text: str, tokens: list[Token]) -> list[ProgramMatch]:
    out = []
    for i, tok in enumerate(tokens):
        end = tok.end
        last = tok.word[-1:]
        if last not in PROGRAM_LAST_CHARS:
            continue                          # most words: no program word, 工作 or 年 can end here
        word = next((w for w in PROGRAM_WORDS if text.endswith(w, 0, end)), None) \
            if text.endswith(PROGRAM_WORDS, 0, end) else None
        if word is None and tok.word.endswith("工作"):
            core = tok.word[:-2]              # 试点|工作 glued by jieba
            word = next((w for w in PROGRAM_WORDS if core.endswith(w)), None)
            end = tok.end - 2 if word else end
        if tok.word.endswith("年") and i and tokens[i - 1].word.endswith(YEAR_CAMPAIGN_STEMS):
            word = "年"
        if not word:
            continue
        head = next(k for k in range(i, -1, -1) if tokens[k].start <= end - len(word))
        start, _ = expand_left(tokens, head, text, extra_words=PROGRAM_VERBS, stop_at_org=_is_org_token)
        while start < end and not ("\u4e00" <= text[start] <= "\u9fff" or text[start].isalpha()):
            start += 1                        # never open on a number or measure word
        name = text[start:end]
        stem_tokens = [t for t in tokens if start <= t.start and t.end <= end - len(word)]
        if word == "年":
            stem_tokens = [t for t in tokens if start <= t.start and t.end <= end]
        first = next((k for k, t in enumerate(tokens) if t.start >= start), 0)
        launched = first > 0 and tokens[first - 1].word.endswith(LAUNCH_VERBS)
        if _is_program_name(name, stem_tokens, word, launched):
            out.append(ProgramMatch(start, end, name, "program-word"))
    return out


def _is_org_token(tok: Token) -> bool:
    """An institution inside a program's words is its runner, not part of its name."""
    from .orgs import head_suffix
    return bool(head_suffix(tok.word)) and tok.word not in ("中心",)


def _is_program_name(name: str, stem: list[Token], word: str, launched: bool) -> bool:
    if len(name) < 5 or "“" in name or "”" in name or name.startswith(("该", "这", "此", "各", "本", "全市", "全县", "全省")):
        return False
    if name.endswith(("工程项目", "园项目", "园区项目")) or name[0] in "市县区省":
        return False          # 聚味堂食品工程项目 (an application), 泵业智造产业园项目 (the park itself)
    content = [t for t in stem if t.word not in GENERIC_STEMS and not (t.pos == "ns" and len(t.word) >= 2)
               and t.pos not in ("m", "q") and t.word not in SELF_REFERENCES]
    if content and content[0].pos.startswith("v") and content[0].pos != "vn":
        return False          # 深化医疗保障制度改革: an action on a program, not its name
    words = "".join(t.word for t in content)
    if not content or words in GENERIC_STEMS:
        return False          # 招商引资项目, 衡东经开区项目, 两项重点项目
    proper = any(t.pos in ("nz", "nt", "nr", "nrt", "j", "eng") or not has_word(t.word) or any(c.isdigit() for c in t.word)
                 for t in content)
    if word == "年":
        return True
    return launched or proper or (len(content) >= 3 and len(name) >= 8)

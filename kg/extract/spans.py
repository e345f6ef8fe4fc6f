"""Growing a name leftwards from its head word: the shared rule behind
institution, zone and program names ("石峰区" + "行政审批" + "局").

A name grows over noun-like tokens and stops at function words, punctuation
and verbs — except the verbs institution names are made of (审批, 监督, 深化:
"行政审批局", "深化医药卫生体制改革领导小组"). A place name, a level prefix
(市/县/区/省) or 该 anchors the name: growth stops there (after any places
stacked before it: 湖南 + 衡东 + 经济开发区).
"""
from __future__ import annotations

from .tokens import Token, has_word

STOP_POS = {"p", "c", "u", "uj", "ul", "uv", "uz", "ud", "ug", "d", "q", "t", "y", "e", "o", "x", "w",
            "r", "f", "ad", "z", "zg", "mq", "tg", "i"}
STOP_WORDS = {"的", "在", "与", "和", "及", "对", "向", "由", "把", "被", "让", "是", "为", "从", "到", "经", "据",
              "了", "将", "并", "等", "给", "同", "跟", "比", "以", "这", "那", "其", "各", "每", "全", "我", "我们",
              "联合", "牵头", "组织", "举行", "召开", "来到", "走进", "落户", "成立", "位于", "作为", "参加", "加入",
              "认定", "推出", "发布", "签订", "邀请", "前往", "率队", "走访", "开展", "带领", "陪同", "获得", "入选",
              "依托", "通过", "支持", "协调", "帮助", "推动", "建立", "建设", "打造", "实现", "完成", "开通", "启动",
              "获悉", "了解", "介绍", "表示", "说", "称", "指出", "强调", "要求", "如", "例如", "包括", "还有",
              "当天", "近日", "日前", "目前", "今年", "去年", "同时", "此外", "其中", "据悉", "记者", "笔者",
              "是否", "已经", "已", "正", "又", "也", "还", "都", "就", "才", "再", "更", "最",
              "所有", "全省", "全市", "全县", "全区", "全国", "各级", "多家", "两家", "几家", "一批", "这是", "年度",
              "年", "逐步", "落实", "积极", "探索", "不断", "完善", "健全", "形成", "晋升", "常有", "联系", "之",
              "大家", "一家", "首家", "利用", "借助", "依靠", "针对", "围绕", "面向", "按照", "根据", "该市", "我市", "我省", "我县", "本地", "当地", "外地", "其他", "有关", "相关"}
LEVEL_PREFIX = set("市县区省镇乡州")
# Official names with 和 inside them: the conjunction does not end the name.
ORG_AND = ("发展和改革", "住房和城乡", "人力资源和社会", "文化和旅游", "工业和信息", "自然资源和规划", "卫生和计划",
           "农业和农村", "教育和体育", "商务和粮食", "生态环境和", "交通运输和", "科学技术和", "水利和", "民族和宗教",
           "退役军人和", "应急和", "广播电视和")
SELF_REFERENCES = {"我市", "我县", "我区", "我省", "本市", "本县"}
NAME_VERBS = set("""审批 监督 执法 管理 服务 建设 发展 改革 深化 保障 监管 规划 防控 预防 控制 保护 救助 烧伤 整形
投资 运输 治疗 诊治 研发 审判 检察 经营 开发 创业 就业 培训 孵化 交易 采购 评审 认证 执行 指挥 调度 应急
综合 设计 研究 生产 制造 加工 养老 托育 教育 计划 生育 督查 巡视 巡察 接待 信访 统计 审计 稽查 征收 拆迁
安置 登记 公证 仲裁 调解 招商 合作 交流 协调 联络 振兴 扶贫 帮扶 维修 回收 再生 处置 净化 配送
销售 租赁 咨询 代理 担保 融资 互助 救援 急救 介入 诊疗 康复 保健 监测 检测 检验 评估 办理 审核 出版 传媒
融合 创新 转化 卫计 培育 集中 带量 配套 协作 鉴定 储备 营销 物流 运营 策划 旅游 体育 广电""".split())
MAX_CHARS = 24


def is_place(tok: Token) -> bool:
    return tok.pos == "ns" and len(tok.word) >= 2


def expand_left(tokens: list[Token], head: int, text: str, *, stop_at_org=None,
                extra_words: frozenset = frozenset()) -> tuple[int, int | None]:
    """Start offset of the name whose last token is tokens[head], and the index of
    a parent token where growth stopped at another institution (or None).
    `extra_words` are more words a name of this kind may contain (programs: 支付, 改造…)."""
    start = tokens[head].start
    end = tokens[head].end
    j = head - 1
    while j >= 0:
        tok = tokens[j]
        if end - tok.start > MAX_CHARS:
            break
        if stop_at_org is not None and stop_at_org(tok):
            return start, j      # the parent institution anchors the name
        word = tok.word
        if word.startswith("该") and len(word) <= 3 or word in SELF_REFERENCES:
            return tok.start, None   # 该院, 该区, 我市: resolved from the article's context
        if word == ")":
            k = _skip_parenthesis(tokens, j)
            if k is None:
                break
            j = k - 1            # 乡镇(街道)社会工作服务站: a short aside inside the name
            start = tokens[k].start
            continue
        if word in ("市", "县", "区", "省") and (j == 0 or not _name_like(tokens[j - 1])):
            return tok.start, None   # 县|行政审批服务局: a bare level word jieba tagged oddly
        if word in ("和", "及") and j > 0 and text[tokens[j - 1].start:tok.end + 4].startswith(ORG_AND):
            start = tok.start     # 发展和改革委员会, 住房和城乡建设局: the 和 of an official name
            j -= 1
            continue
        if not _name_like(tok) and not (tok.word in extra_words or "vn" in extra_words and tok.pos == "vn"):
            break
        start = tok.start
        if is_place(tok) or _level_anchor(tokens, j):
            while j > 0 and is_place(tokens[j - 1]) and end - tokens[j - 1].start <= MAX_CHARS:
                j -= 1            # 湖南 + 衡东 + 经济开发区: places stack
                start = tokens[j].start
            return start, None
        j -= 1
    return start, None


def _name_like(tok: Token) -> bool:
    word = tok.word
    if not word:
        return False
    if tok.pos == "f" and len(word) > 1 and word not in STOP_WORDS:
        return True    # 汇中: jieba's 方位词 tag on a name part
    if word in STOP_WORDS or tok.pos in STOP_POS or not _is_name_char(word[0]):
        return False
    if tok.pos == "m" and any(ch.isdigit() for ch in word):
        return False
    if tok.pos.startswith("v") and word not in NAME_VERBS and has_word(word):
        return False   # a verb ends the name (紧邻|经开区); words jieba only guessed as verbs are names (聚味堂)
    return True


def _level_anchor(tokens: list[Token], j: int) -> bool:
    """市/县/区/省 opening a name after a boundary: 这是|市中心医院, 利用|市卫健委."""
    word = tokens[j].word
    if word[0] not in LEVEL_PREFIX:
        return False
    return j == 0 or not _name_like(tokens[j - 1])


def _skip_parenthesis(tokens: list[Token], j: int) -> int | None:
    """Index of the "(" matching tokens[j] == ")" when what is inside is a short word."""
    k = j - 1
    while k >= 0 and j - k <= 4 and tokens[k].word != "(":
        if not _is_name_char(tokens[k].word[0]):
            return None
        k -= 1
    if k < 0 or tokens[k].word != "(" or tokens[j].start - tokens[k].end > 4 or k == 0:
        return None
    return k if _name_like(tokens[k - 1]) else None


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isalnum() or ch in "·"

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

import functools
import re
from bisect import bisect_left
from typing import NamedTuple

from ..lexicon.lexicon import Lexicon, rule_lists
from ..model import Mention
from .orgs import head_suffix, token_start
from .spans import MAX_CHARS, expand_left, is_place_token, span_words
from .tokens import Token, has_word

RULES = "programs"    # kg/data/rules/programs.txt
# “国家级”认证, “数字化”, “保姆式”服务: manner, not a name
EMPHASIS = re.compile(r"^[^一二三四五六七八九十两\d].?[级化式型]$")
AFTER_SYSTEM = re.compile(r"[\u4e00-\u9fff]{0,3}制(?![\u4e00-\u9fff]{0,1}[度定造作])")   # “先建后验”承诺制


class ProgramWords(NamedTuple):
    after_words: tuple[str, ...]
    launch_verbs: tuple[str, ...]
    program_words: tuple[str, ...]
    program_last_chars: frozenset[str]
    year_campaign_stems: tuple[str, ...]
    policy_docs: tuple[str, ...]
    generic_stems: frozenset[str]
    program_verbs: frozenset[str]
    goal_after: tuple[str, ...]
    name_endings: tuple[str, ...]
    self_references: frozenset[str]
    named_types: tuple[str, ...]
    launched_only: tuple[str, ...]
    figure_measures: tuple[str, ...]
    goal_before: tuple[str, ...]
    not_level_starts: tuple[str, ...]
    name_openers: frozenset[str]


@functools.cache
def program_words(lexicon: Lexicon) -> ProgramWords:
    seq = functools.partial(lexicon.sequence, RULES)
    words = seq("program_words")
    return ProgramWords(seq("after_words"), seq("launch_verbs"), words, frozenset(w[-1] for w in words) | {"作", "年"},
                        seq("year_campaign_stems"), seq("policy_docs"), lexicon.words(RULES, "generic_stems"),
                        lexicon.words(RULES, "program_verbs"), seq("goal_after"), seq("name_endings"),
                        span_words(lexicon).self_references, seq("named_types"), seq("launched_only"),
                        seq("figure_measures"), seq("goal_before"), span_words(lexicon).not_level_starts,
                        lexicon.words(RULES, "name_openers"))


QUOTED = re.compile(r"[“‘]([^“”‘’]{1,24})[”’]|\"([^\"“”]{1,24})\"")
BOOK = re.compile(r"《([^《》]{2,40})》")
GENERATION = re.compile(r"[\d零〇一二三四五六七八九]{2}后")
SLOGAN_SEP = re.compile(r"[、,+]")
NUMERAL = "一二三四五六七八九十两百千万"
SHAPED = re.compile(rf"\d.*\d|\+|^[{NUMERAL}]+[个大项类化点级基好送清][\w]*$|^[{NUMERAL}]\w{{0,3}}[{NUMERAL}]\w+|制$")
SENTENCE_PUNCT = set("。!?;:")
LAUNCH_SPAN_STOPS = frozenset(("x", "nr", "nrt", "nnt", "r", "uj", "ul", "d", "t", "c"))   # punctuation, persons, 的
COUNTERS = frozenset("个项家所批条种类名位座")
NUMBERED_START = re.compile(r"\d[A-Za-z]")
TYPED_AFTER = re.compile(r"(?:(?![等和与及的、])[\u4e00-\u9fff]){1,4}?(?:专项行动|行动|工程|计划|项目)")
OWNER_ENDINGS = ("社区", "村", "镇", "街道", "中心", "医院", "局", "院", "委", "站")
FIGURE_MEASURES = frozenset(rule_lists(RULES)["figure_measures"])


def find_programs(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Programs in text order; attrs["name"] is the name (a quoted one without its quotes)."""
    text, words = sentence, program_words(lexicon)
    out = quoted(text, words) + documents(text, words)
    taken = [(p.start, p.end) for p in out]
    out += [p for p in suffixed(text, tokens, lexicon) if not any(s < p.end and p.start < e for s, e in taken)]
    kept: list[Mention] = []
    for p in sorted(out, key=lambda p: (p.start, -p.end)):
        if not any(k.start <= p.start and p.end <= k.end for k in kept):
            kept.append(p)               # 园区配售电改革 inside 园区配售电改革试点
    return kept


def program(text: str, start: int, end: int, name: str, rule: str) -> Mention:
    return Mention("program", start, end, text[start:end], {"name": name}, rule)


def quoted(text: str, words: ProgramWords) -> list[Mention]:
    quotes = list(QUOTED.finditer(text))
    out: list[Mention] = []
    for i, m in enumerate(quotes):
        inner = quoted_text(m)
        if any(c in SENTENCE_PUNCT for c in inner) or re.fullmatch(r"[\d·.\-/]+", inner) or len(inner) < 2:
            continue
        if EMPHASIS.match(inner) or re.match(r"\d{4}年", inner):
            continue                     # “国家级”, “数字化”; “2019年度…优秀社工” is an honour
        after = text.startswith(words.after_words, m.end()) and next(
            w for w in words.after_words if text.startswith(w, m.end())) or (
            "制" if AFTER_SYSTEM.match(text, m.end()) else "") or typed_after(text, m.end(), words)
        before = text[max(0, m.start() - 6):m.start()]
        if SLOGAN_SEP.search(inner) and any(w in before[-5:] for w in words.goal_before):
            continue                     # 让邵商“回得来、留得住、发展好”: a goal, not a program
        listed = in_list(text, quotes, i, words)
        rule = ""
        if after and len(inner) <= 20:
            rule = "quoted+program-word"
        elif before.endswith(words.launch_verbs) and "," not in inner and len(inner) >= 3:
            rule = "quoted-after-launch-verb"
        elif owned(text, m.start()) and len(inner) >= 4 and not shaped(inner):
            rule = "quoted-after-owner"      # 桂馨社区“幸福食堂”: a body's named service
        elif before.endswith("以") and text.startswith(words.goal_after, m.end()):
            rule = "quoted-as-means"         # 以“家庭医生签约”为抓手
        elif inner.endswith(words.name_endings) and len(inner) >= 3:
            rule = "quoted-named"            # “株洲模式”, “种子计划”
        elif shaped(inner):
            rule = "quoted-slogan"
        elif listed:
            rule = "quoted-list"
        if rule:
            # “五好”园区, “雁归”工程, “莲乡名师”培养工程: the word is part of the name
            joined = after == "园区" or after.endswith(words.named_types) and not shaped(inner)
            name = inner + after if joined else inner
            out.append(program(text, m.start(), m.end(), name, rule))
    # A list of quoted names is programs together when one of them is.
    names = {p.start for p in out}
    for i, m in enumerate(quotes):
        if m.start() not in names and in_list(text, quotes, i, words) and any(
                q.start() in names for q in neighbours(text, quotes, i)):
            inner = quoted_text(m)
            if 2 <= len(inner) <= 12 and not any(c in SENTENCE_PUNCT | {","} for c in inner):
                out.append(program(text, m.start(), m.end(), inner, "quoted-list"))
    return out


def typed_after(text: str, end: int, words: ProgramWords) -> str:
    """A few words, then a program word, after a quoted name: “莲乡名师”培养工程 -> 培养工程."""
    m = TYPED_AFTER.match(text, end)
    if m and m.group(0).endswith(words.named_types):
        return m.group(0)
    return ""


def owned(text: str, start: int) -> bool:
    """Is the quoted name written right after a body that runs it (桂馨社区“幸福食堂”)?"""
    return text[max(0, start - 2):start].endswith(OWNER_ENDINGS)


def shaped(inner: str) -> bool:
    """Has a quoted name a slogan's shape (“1+7+4”, “五个100”, “送政策、解难题、优服务”)?"""
    if "," in inner or GENERATION.fullmatch(inner):
        return False                        # “70后”, “00后”: a generation, no program
    if SLOGAN_SEP.search(inner) and 5 <= len(inner) <= 24 and all(2 <= len(p) <= 8 for p in SLOGAN_SEP.split(inner)):
        return True
    if inner[:1] in NUMERAL and inner[1:2] in FIGURE_MEASURES:
        return False                        # “一张图”, “一盘棋”, “一阵风”: figures of speech
    return len(inner) >= 3 and (bool(SHAPED.search(inner)) or inner[0] in NUMERAL)


def neighbours(text, quotes, i):
    out = []
    for j in (i - 1, i + 1):
        if 0 <= j < len(quotes):
            a, b = sorted((quotes[i], quotes[j]), key=lambda q: q.start())
            if text[a.end():b.start()] in ("", "、", "和", "及", "与"):
                out.append(quotes[j])
    return out


def in_list(text, quotes, i, words: ProgramWords) -> bool:
    """Part of “A”“B”“C”等… or “A”、“B”: a list of names."""
    group = [quotes[i]] + neighbours(text, quotes, i)
    if len(group) < 2:
        return False
    last = max(group, key=lambda q: q.end())
    return text.startswith(("等",), last.end()) or text.startswith(words.after_words, last.end())


def quoted_text(m: re.Match) -> str:
    """What a pair of quotes holds, curly (“…”, ‘…’) or straight ("…")."""
    return (m.group(1) if m.group(1) is not None else m.group(2)).strip()


def documents(text: str, words: ProgramWords) -> list[Mention]:
    out = []
    for m in BOOK.finditer(text):
        inner = m.group(1).strip()
        bare = re.sub(r"\([^()]{1,14}\)$", "", inner)       # …决议(草案), …计划(2020-2022年)
        if bare.endswith(words.policy_docs) and len(bare) >= 4:
            out.append(program(text, m.start(), m.end(), inner, "document-title"))
    return out


def suffixed(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    words = program_words(lexicon)
    ends, last_chars = words.program_words, words.program_last_chars
    out = []
    for i, tok in enumerate(tokens):
        end = tok.end
        last = tok.word[-1:]
        if last not in last_chars:
            continue                          # most words: no program word, 工作 or 年 can end here
        word = next((w for w in ends if text.endswith(w, 0, end)), None) \
            if text.endswith(ends, 0, end) else None
        if word is None and tok.word.endswith("工作"):
            core = tok.word[:-2]              # 试点|工作 glued by jieba
            word = next((w for w in ends if core.endswith(w)), None)
            end = tok.end - 2 if word else end
        if tok.word == "年" and i and tokens[i - 1].word.endswith(words.year_campaign_stems):
            word = "年"
        if not word:
            continue
        head = next(k for k in range(i, -1, -1) if tokens[k].start <= end - len(word))
        start, _ = expand_left(tokens, head, text, lexicon, extra_words=words.program_verbs,
                               stop_at_org=lambda t: is_org_token(t, lexicon))
        by_launch, opener = launch_start(tokens, head, end - len(word), words)
        if by_launch is not None and (by_launch < start or opener and all(
                is_kind_word(t, lexicon) for t in tokens[bisect_left(tokens, start, key=token_start):
                                                         bisect_left(tokens, by_launch, key=token_start)])):
            start = by_launch                 # 签订|华容河流域横向生态保护补偿协议: the verb bounds the name
        opened = start
        while start < end and not ("\u4e00" <= text[start] <= "\u9fff" or text[start].isalpha()) \
                and not NUMBERED_START.match(text, start):
            start += 1                        # never open on a number or measure word (but 5G, 3D)
        if start > opened and text[start:start + 1] in COUNTERS:
            start += 1                        # 2个|专科…: the count's measure word goes with it
        if text.startswith("年", start) and not text.startswith("年产", start):
            start += 2 if text.startswith("年度", start) else 1     # 2018年|深化医药卫生体制改革
        first = bisect_left(tokens, start, key=token_start)
        if by_launch is None or by_launch != start:
            first, start = after_launch(tokens, first, i, start, end, words)
        name = text[start:end]
        whole = word in ("年", "长制")       # 项目建设年, 林长|制: the program word shares a token with the stem
        stem_tokens = [t for t in tokens[first:i + 1] if t.end <= (end if whole else end - len(word))]
        launched = first > 0 and tokens[first - 1].word.endswith(words.launch_verbs)
        if is_program_name(name, stem_tokens, word, launched, words):
            out.append(program(text, start, end, name, "program-word"))
    return out


def launch_start(tokens: list[Token], head: int, stem_end: int, words: ProgramWords) -> tuple[int | None, bool]:
    """Where a name opens right after the verb that launches it (开通|5G远程会诊平台), after a 的 before a
    long enough name, or at a word that opens one (年产…项目, True), if such a word stands within reach
    with only name words between."""
    for k in range(head, -1, -1):
        tok = tokens[k]
        if tok.end <= stem_end and tok.word in words.launch_verbs:
            return (tokens[k + 1].start if k < head or tok.end < stem_end else None), False
        if tok.word in words.name_openers:
            return tok.start, True            # 企业|年产2万吨锂电池正极材料前驱体项目
        if tok.word == "的" and k < head and stem_end - tokens[k + 1].start >= 6:
            return tokens[k + 1].start, False  # 唯一的|医药集中带量采购及相关配套改革试点(城市)
        if stem_end - tok.start > MAX_CHARS or tok.pos in LAUNCH_SPAN_STOPS and tok.word not in ("及",) \
                or tok.word in words.self_references \
                or not ("\u4e00" <= tok.word[0] <= "\u9fff" or tok.word[0].isalnum()):
            break
    return None, False


def after_launch(tokens: list[Token], first: int, last: int, start: int, end: int,
                 words: ProgramWords) -> tuple[int, int]:
    """Where a program's name opens once the verb before it is cut off: 旅游公司开发|花瑶梯田观光项目
    (a plain verb), 县里启动|县城扩容提质三年行动 (a launch verb after no more than its runner)."""
    for k in range(last - 1, first - 1, -1):
        tok = tokens[k]
        if tok.start < start or end - tokens[k + 1].start < 5:
            continue
        if tok.pos == "v" and tok.word not in words.program_verbs \
                or tok.word in words.launch_verbs and all(is_runner(t, words) for t in tokens[first:k]):
            return k + 1, tokens[k + 1].start
    return first, start


def is_runner(tok: Token, words: ProgramWords) -> bool:
    """A word that names who launches a program: a place, 县里, 全县, 我市."""
    w = tok.word
    return is_place_token(tok) or w in words.self_references or len(w) == 2 and (w[0] in "全各" or w[1] == "里")


def is_kind_word(tok: Token, lexicon: Lexicon) -> bool:
    """公司, 企业, 学校: a kind of runner, no name (企业|年产3万吨…项目, but 轻盐集团年产100万吨纯碱项目)."""
    return head_suffix(tok.word, lexicon) == tok.word or tok.word in program_words(lexicon).generic_stems


def is_org_token(tok: Token, lexicon: Lexicon) -> bool:
    """An institution inside a program's words is its runner, not part of its name."""
    suffix = head_suffix(tok.word, lexicon)
    return bool(suffix) and (len(tok.word) > len(suffix) or len(suffix) == 1)   # 学校, 中心 alone: a kind


def placed_or_numbered(stem: list[Token]) -> bool:
    """Does a place's name, a number or a Latin letter make this one thing (5G, 华容河)?"""
    return any(t.pos == "ns" and len(t.word) >= 2 or any(c.isdigit() or c.isascii() and c.isalpha() for c in t.word)
               for t in stem)


def is_program_name(name: str, stem: list[Token], word: str, launched: bool, words: ProgramWords) -> bool:
    if len(name) < (3 if word == "长制" else 5) or "“" in name or "”" in name \
            or name.startswith(("该", "这", "此", "各", "本", "全市", "全县", "全省")):
        return False
    if name.endswith(("工程项目", "园项目", "园区项目")) or name[0] in "市县区省" and not name.startswith(
            words.not_level_starts):
        return False          # 聚味堂食品工程项目 (an application), 泵业智造产业园项目 (the park itself)
    generic = words.generic_stems
    content = [t for t in stem if t.word not in generic and not (t.pos == "ns" and len(t.word) >= 2)
               and t.pos not in ("m", "q") and t.word not in words.self_references]
    if content and content[0].pos.startswith("v") and content[0].pos != "vn" and word != "年":
        return False          # 深化医疗保障制度改革: an action on a program, not its name
    joined = "".join(t.word for t in content)
    if not content or joined in generic:
        return False          # 招商引资项目, 衡东经开区项目, 两项重点项目
    proper = any(t.pos in ("nz", "nt", "nr", "nrt", "j", "eng") or not has_word(t.word) for t in content) \
        or any(c.isdigit() for t in stem for c in t.word)      # 年产5万吨新型建材项目: a number makes it one
    if word == "年":
        return True
    if word in words.launched_only:      # 开通5G远程会诊平台, 签订华容河…补偿协议; not 搭建惠民便民平台
        return launched and placed_or_numbered(stem)
    return launched or proper or (len(content) >= 3 and len(name) >= 8)

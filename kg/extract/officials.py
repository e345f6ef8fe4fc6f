"""Posts: a chain of titles, each with the organisation written before it,
followed by the name of the person who holds them.

    区委副书记、区长罗鹏程           -> (区委, 副书记), (—, 区长)          罗鹏程
    县委常委、副县长、衡东经开区党工委副书记周叶华
    市中心医院院长蔡安烈 / 该院卒中中心主任张湘辉
    周明,局长 / 孙一鸣,是…站长       (name first)
    (作者系株洲高新区党工委书记、天元区委书记)   (the article's author)

Names are found from their shape — a surname (single or compound), one or two
given characters, and a boundary after them (说/表示/介绍…, punctuation) —
scored with the surname and given-name statistics, not looked up in a list.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..lexicon.names import load_surnames, name_score
from ..lexicon.terms import load_terms
from .tokens import has_word

CJK = "\u4e00-\u9fff"
# What may follow a name: punctuation or a verb of saying/doing.
AFTER_NAME = ("说", "表示", "介绍", "指出", "强调", "认为", "告诉", "主持", "率队", "率领", "带队", "一行", "出席",
              "参加", "召开", "提醒", "期许", "邀请", "一语", "总结", "看来", "充满", "指着", "高兴", "坦言", "透露",
              "首先", "立即", "亲自", "对", "在", "与", "和", "等", "也", "还", "就", "的", "向", "为", "作", "讲",
              "谈", "称", "感慨", "坦言", "回忆", "解释", "建议", "希望", "要求", "获得", "荣获", "是", "同志", "接受",
              "带领", "调研", "前往", "来到", "深入", "走访", "看望", "慰问", "发表", "致辞", "讲话", "宣布", "会见",
              "听取", "检查", "督导", "现场", "则", "又", "都", "已", "正", "将", "曾", "从", "被", "把", "给", "以",
              "陪同", "参与", "主讲", "出面", "到", "赴", "来", "去", "率", "带", "先后", "随后", "当即", "第一",
              "同志", "代表", "宣读", "通报", "部署", "答复", "回应", "座谈", "约谈", "签约", "签署", "见证",
              "点评", "颁发", "授予", "揭牌", "剪彩", "主讲", "汇报", "作了", "说明", "分析", "表态", "承诺")
SAYING = ("说", "表示", "介绍", "指出", "认为", "告诉", "坦言", "透露")
PUNCT = set(",。;:!?、“”‘’()《》 \n…—")
CHAIN_SEP = ("、", "兼")


@functools.cache
def _name_first_re() -> re.Pattern:
    """A name, then a comma and the posts it holds (compiled on first use: `kg ner` never needs it)."""
    return re.compile(rf"(?:^|[,。;:!?“”\s])(?P<name>[{CJK}]{{2,4}}),(?:是|系|任|现任|担任)?(?=[{CJK}])")


class TitleHit(NamedTuple):
    start: int          # of the whole title (modifiers included)
    end: int
    title: str          # 副书记, 党组书记, 常务副县长
    core: str           # 书记, 县长


class PostUnit(NamedTuple):
    org_text: str       # as written before the title ("" when the chain implies it)
    org_start: int
    title: str
    start: int          # of the unit (org + title)
    end: int


class PostMatch(NamedTuple):
    name: str
    name_start: int
    name_end: int
    units: list[PostUnit]
    rule: str = "title-chain-name"
    confidence: float = 0.9


@functools.cache
def _title_re() -> re.Pattern:
    terms = load_terms()
    cores = sorted(terms.titles, key=len, reverse=True)
    mods = sorted(terms.modifiers, key=len, reverse=True)
    return re.compile(rf"(?P<mods>(?:{'|'.join(map(re.escape, mods))})*)(?P<core>{'|'.join(map(re.escape, cores))})")


def find_titles(text: str) -> list[TitleHit]:
    terms = load_terms()
    hits = []
    for m in _title_re().finditer(text):
        start, end = m.start(), m.end()
        after = text[end:end + 3]
        if any(text.startswith(np, start) for np in terms.non_posts) or any(
                (m.group("core") + after).startswith(np) for np in terms.non_posts):
            continue   # 主任医师 is a rank, not a post
        if m.group("core") == "委员" and after[:1] == "会":
            continue
        hits.append(TitleHit(start, end, m.group(0), m.group("core")))
    return hits


def read_name(text: str, start: int) -> tuple[str, float] | None:
    """The personal name starting at `start`, if one does, with its score.

    A candidate of 2-4 characters must start with a surname (or be vouched for
    by a verb of saying after it) and end at a boundary: punctuation, a word
    that follows names (说, 表示, 陪同…), or the end of a word jieba reads as a
    person's name."""
    surnames = load_surnames()
    segmented = _name_tokens(text[start:start + 8])
    best = None
    for length in (3, 2, 4):
        cand = text[start:start + length]
        if len(cand) < length or not re.fullmatch(rf"[{CJK}]+", cand):
            continue
        if length == 4 and cand[:2] not in surnames:
            continue
        after = text[start + length:start + length + 2]
        bounded = not after or after[0] in PUNCT or after.startswith(AFTER_NAME) or length in segmented
        if not bounded:
            continue
        score = name_score(cand)
        if score == 0 and length == 2 and not has_word(cand) and after.startswith(SAYING):
            score = 0.25   # rare surname (聊林): the title before and the verb after vouch for it
        if length in segmented:
            score += 0.05
        if best is None or score > best[1] + (0.1 if length == 2 else 0):
            best = (cand, score)
    if best and best[1] >= 0.2:
        return best
    return None


def _name_tokens(window: str) -> set[int]:
    """Lengths at which jieba ends a person's name at the start of `window`."""
    from .tokens import tokenize
    toks = tokenize(window)
    out = set()
    if toks and toks[0].pos in ("nr", "nrt", "nrfg") and 2 <= len(toks[0].word) <= 4:
        out.add(len(toks[0].word))
    if len(toks) >= 2 and toks[0].pos in ("nr", "nrt") and len(toks[0].word) == 1 and toks[1].pos in ("nr", "nz", "ng", "n") \
            and len(toks[1].word) <= 2 and toks[1].word not in AFTER_NAME:
        out.add(1 + len(toks[1].word))   # 罗|鹏程
    return out


def find_posts(text: str, org_before) -> list[PostMatch]:
    """Posts in one sentence. `org_before(pos)` gives (org_text, start) written
    just before a title starting at `pos` (the institution grammar lives in orgs)."""
    hits = find_titles(text)
    posts: list[PostMatch] = []
    used_until = -1
    for k, hit in enumerate(hits):
        if hit.start < used_until:
            continue
        nxt = text[hit.end:hit.end + 1]
        if nxt in CHAIN_SEP or (k + 1 < len(hits) and hits[k + 1].start == hit.end):
            continue   # the chain goes on; the name comes after the last title
        name = read_name(text, hit.end)
        if not name:
            continue
        units = chain_units(text, hits, k, org_before)
        posts.append(PostMatch(name[0], hit.end, hit.end + len(name[0]), units,
                               confidence=round(0.6 + 0.35 * min(1.0, name[1] / 0.6), 2)))
        used_until = hit.end + len(name[0])
    posts.extend(_name_first(text, org_before, hits, posts))
    return posts


def chain_units(text: str, hits: list[TitleHit], k: int, org_before) -> list[PostUnit]:
    """The units of the title chain that ends with hits[k]: walk back over 、/兼."""
    chain = [hits[k]]
    j = k - 1
    while j >= 0:
        prev = hits[j]
        gap = text[prev.end:chain[0].start]
        if gap[:1] in CHAIN_SEP and not any(ch in PUNCT for ch in gap[1:]) and len(gap) <= 20:
            chain.insert(0, prev)
            j -= 1
        else:
            break
    units = []
    for idx, h in enumerate(chain):
        if idx == 0:
            org_text, org_start = org_before(h.start)
        else:
            org_start = chain[idx - 1].end + 1
            org_text = text[org_start:h.start]
        units.append(PostUnit(org_text, org_start, h.title, org_start, h.end))
    return units


def author_posts(text: str, org_before) -> list[PostUnit]:
    """Posts in an author note body ("株洲高新区党工委书记、天元区委书记"): the chain ending last."""
    hits = find_titles(text)
    if not hits or text[hits[-1].end:].strip(" )"):
        return []
    return chain_units(text, hits, len(hits) - 1, org_before)


def _name_first(text, org_before, hits, taken) -> list[PostMatch]:
    """"周明,局长" / "孙一鸣,是云龙示范区…社工服务站站长": the name, a comma, then the post."""
    out = []
    for m in _name_first_re().finditer(text):
        name = m.group("name")
        if name_score(name) < 0.35 or any(p.name == name for p in taken):
            continue
        after = m.end()
        hit = next((h for h in hits if h.start >= after and h.start - after <= 25
                    and not any(ch in PUNCT - {"(", ")"} for ch in text[after:h.start])), None)
        if hit is None or text[hit.end:hit.end + 1] not in (",", "。", ";", "、", ""):
            continue
        org_text = text[after:hit.start]
        out.append(PostMatch(name, m.start("name"), m.end("name"),
                             [PostUnit(org_text, after, hit.title, after, hit.end)],
                             rule="name-comma-title", confidence=0.75))
    return out

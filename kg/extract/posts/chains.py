"""Title chains: the titles of one person written in a row (区委副书记、区长; 常委、宣传部部长,
县融媒体中心主任), each with the institution written before it."""
from __future__ import annotations

from collections.abc import Callable

from ...lexicon.lexicon import Lexicon
from ...model import Mention
from ..orgs import body_prefix, province_opening
from ..spans import expand_left, span_words
from ..tokens import tokenize

PUNCT = set(",。;:!?、“”‘’()《》 \n…—")
CHAIN_SEP = ("、", "兼")
MAX_LIST_GAP = 12    # characters between one post's name and the next title of a list (主持会议,)
NEW_IN_POST = ("新上任的", "新当选的", "新任的", "现任的")   # between a place and the title it holds
ORG_WINDOW = 48      # characters before a title read again for its institution: twice the longest name

OrgBefore = Callable[[int], tuple[str, int]]


def follows(gap: str) -> bool:
    """Is a title after this gap the next of a list of posts in one body (主任甲主持会议,副主任乙)?"""
    return gap in (",", "、") or (0 < len(gap) <= MAX_LIST_GAP and gap[-1] == ","
                                  and not any(c in "。;:!?“”()" for c in gap))


def org_before_in(sentence: str, places: list[Mention], lexicon: Lexicon) -> OrgBefore:
    """`before(pos)`: what is written just before a title starting at `pos` — the
    institution or place the post is in — and where it starts."""
    def before(pos: int) -> tuple[str, int]:
        start = pos
        if pos:
            # retokenised: jieba may glue the title to the name (委副|书记); a name is never longer than the window
            lo = max(0, pos - ORG_WINDOW)
            window = sentence[lo:pos]
            toks = tokenize(window, lexicon)
            if toks and toks[-1].pos not in ("x", "w") and toks[-1].word not in span_words(lexicon).stop_words:
                start, _ = expand_left(toks, len(toks) - 1, window, lexicon)
                k = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].start == start), 0)
                if k >= 2 and toks[k - 1].word == "驻" and toks[k - 2].pos not in ("x", "w") and toks[k].pos == "ns":
                    start, _ = expand_left(toks, k - 2, window, lexicon)   # 湖南省人民政府驻|深圳办事处
                start = province_opening(toks, start, len(toks), lexicon) + lo
                prefix = body_prefix(sentence, start, lexicon)
                if prefix is not None and start < pos:
                    start = prefix         # 政协|双峰县委员会, 中共|株洲市荷塘区委员会
        for m in places:                   # never cut a place name in two: 在中|湖村 -> 中湖村
            if m.start < start < m.end or m.end == start < pos and m.attrs.get("level") == "village":
                start = m.start            # and a village right before is the body's: 金鸡村|工作队
            elif m.kind == "zone" and 0 <= start - m.end <= 2 and sentence[start:pos] in generic_bodies(lexicon) \
                    and all("\u4e00" <= c <= "\u9fff" for c in sentence[m.end:start]):
                start = m.start            # 怀化国际陆港|建设|运营中心: a zone's body with a generic name
        if start == pos and sentence.endswith("的", 0, pos):
            for m in places:                # 新华村新上任的|党总支书记: the place before 新上任的 holds it
                if m.kind == "region" and sentence[m.end:pos] in NEW_IN_POST:
                    return sentence[m.start:m.end], m.start
        if 0 < start < pos and sentence[start - 1] == ")":
            opened = sentence.rfind("(", max(0, start - 14), start - 1)
            aside = sentence[opened + 1:start - 1] if opened >= 0 else ""
            if aside and not any(c in PUNCT for c in aside):
                head, head_start = before(opened)   # 湖南湘江新区(长沙高新区)|党工委: the name before the aside
                if head:
                    return head + sentence[start:pos], head_start
        return sentence[start:pos], start
    return before


def generic_bodies(lexicon: Lexicon) -> frozenset[str]:
    """Names of a kind of body (运营中心, 服务中心) that a zone written before them owns."""
    return lexicon.words("orgs", "generic_names")


def chain_units(text: str, hits: list[Mention], k: int, org_before: OrgBefore, lexicon: Lexicon) -> tuple[Mention, ...]:
    """The titles of the chain that ends with hits[k] (walking back over 、/兼), each
    with the organisation written before it."""
    chain = [hits[k]]
    j = k - 1
    while j >= 0:
        prev = hits[j]
        gap = text[prev.end:chain[0].start]
        # 常委、宣传部部长,县融媒体中心主任某: a title closed by a comma, with no name, goes on to the next;
        # a quoted name inside the next body is no break (市委书记、市委“邵商回归”工程领导小组组长)
        inner = gap[1:].replace("“", "").replace("”", "") if gap.count("“") == gap.count("”") else gap[1:]
        if gap[:1] in CHAIN_SEP + (",",) and not any(ch in PUNCT for ch in inner) and len(gap) <= 24:
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
        units.append(with_org(h, org_text, org_start, lexicon))
    return tuple(units)


def with_org(title: Mention, org_text: str, org_start: int, lexicon: Lexicon) -> Mention:
    """The title with the institution written before it; a status word around that institution
    (新任市教育局局长, 最高人民检察院原检察长) is no part of it but says whether the post is held now."""
    status = ""
    before = lexicon.pairs("posts", "status_before")
    alone = lexicon.pairs("posts", "status_alone").get(org_text) or before.get(org_text)
    if alone:
        org_start, org_text, status = org_start + len(org_text), "", alone   # 前任院长, 老书记: no body written
    for word, value in before.items() if not alone else ():
        if org_text.startswith(word) and len(org_text) > len(word):
            org_text, org_start, status = org_text[len(word):], org_start + len(word), value
            break
        if org_text.endswith(word) and lexicon.terms.org_suffix(org_text[:-len(word)]):   # not 太原|市长
            org_text, status = org_text[:-len(word)], value
            break
    attrs = {**title.attrs, "org": org_text, "org_start": org_start}
    if status:
        attrs["status"] = status
    return title._replace(attrs=attrs)

"""Posts: a chain of titles, each with the organisation written before it,
followed by the name of the person who holds them.

    区委副书记、区长罗鹏程           -> (区委, 副书记), (—, 区长)          罗鹏程
    县委常委、副县长、衡东经开区党工委副书记周叶华
    市中心医院院长蔡安烈 / 该院卒中中心主任张湘辉
    周明,局长 / 孙一鸣,是…站长       (name first)
    (作者系株洲高新区党工委书记、天元区委书记)   (the article's author)

A post is a person Mention whose attrs["titles"] holds the chain: title
Mentions, each with attrs["org"] (what is written before the title, "" when
the chain implies it) and attrs["org_start"].

Names are found from their shape — a surname (single or compound), one or two
given characters, and a boundary after them (说/表示/介绍…, punctuation) —
scored with the surname and given-name statistics, not looked up in a list.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..lexicon.lexicon import Lexicon
from ..lexicon.names import name_score
from ..model import Mention
from .spans import expand_left, span_words
from .titles import find_titles
from .tokens import Token, has_word, tokenize

CJK = "\u4e00-\u9fff"
PUNCT = set(",。;:!?、“”‘’()《》 \n…—")
CHAIN_SEP = ("、", "兼")
TITLED_NAME_MIN = 0.5   # how well a name written before its title must rate: no word marks where it starts
MAX_LIST_GAP = 12    # characters between one post's name and the next title of a list (主持会议,)

OrgBefore = Callable[[int], tuple[str, int]]


@functools.cache
def name_first_pattern() -> re.Pattern:
    """A name, then a comma and the posts it holds."""
    return re.compile(rf"(?:^|[,。;:!?“”\s])(?P<name>[{CJK}]{{2,4}}),(?:是|系|任|现任|担任)?(?=[{CJK}])")


def after_name(lexicon: Lexicon) -> tuple[str, ...]:
    """What may follow a personal name (说, 表示, 陪同…): kg/data/rules/posts.txt."""
    return lexicon.sequence("posts", "after_name")


def find_posts(sentence: str, tokens: list[Token], lexicon: Lexicon, places: list[Mention] = ()) -> list[Mention]:
    """Posts in one sentence, as person Mentions carrying their title chain.
    `places` are the sentence's place mentions: an institution's name never cuts one."""
    org_before = org_before_in(sentence, places, lexicon)
    # 汨罗市长乐镇: 市长 is no title where a place's name starts inside it (长乐镇)
    hits = [h for h in find_titles(sentence, tokens, lexicon) if not any(h.start < p.start < h.end for p in places)]
    posts: list[Mention] = []
    used_until = -1
    starts = {h.start for h in hits}
    for k, hit in enumerate(hits):
        if hit.start < used_until:
            continue
        nxt = sentence[hit.end:hit.end + 1]
        if nxt in CHAIN_SEP or (k + 1 < len(hits) and hits[k + 1].start == hit.end):
            continue   # the chain goes on; the name comes after the last title
        name = read_name(sentence, hit.end, lexicon)
        if not name:
            continue
        chain = chain_units(sentence, hits, k, org_before, lexicon)
        first = chain[0]
        if not first.attrs["org"] and used_until >= 0 and follows(sentence[used_until:first.start]):
            chain = (first._replace(attrs={**first.attrs, "follows": True}),) + chain[1:]   # ,副主任X: the same body
        conf = round(0.6 + 0.35 * min(1.0, name[1] / 0.6), 2)
        end = hit.end + len(name[0])
        posts.append(Mention("person", hit.end, end, name[0], {"titles": chain}, "title-chain-name", conf))
        while sentence[end:end + 1] == "、" and end + 1 not in starts:    # 副主任伍丽霞、甘振华: one title, two names
            more = read_name(sentence, end + 1, lexicon)
            if not more or sentence[end + 1 + len(more[0]):end + 2 + len(more[0])] not in ("、", ",", "。", ";", ""):
                break
            posts.append(Mention("person", end + 1, end + 1 + len(more[0]), more[0], {"titles": chain},
                                 "title-name-list", min(conf, 0.85)))
            end += 1 + len(more[0])
        used_until = end
    posts.extend(name_first_posts(sentence, org_before, hits, posts, lexicon))
    posts.extend(bracketed_posts(sentence, posts, lexicon))
    posts.extend(taken_posts(sentence, hits, posts, org_before, lexicon))
    posts.extend(titled_names(sentence, hits, posts, org_before, lexicon))
    return posts


def titled_names(text: str, hits: list[Mention], posts: list[Mention], org_before: OrgBefore,
                 lexicon: Lexicon) -> list[Mention]:
    """县卫健局蒋新华主任介绍: a full name, then its title, then what it says; the institution is
    written before the name."""
    out = []
    used = [(p.start, p.end) for p in posts] + [(t.start, t.end) for p in posts for t in p.attrs["titles"]]
    follows = after_name(lexicon)
    for hit in hits:
        after = text[hit.end:hit.end + 2]
        if any(s <= hit.start < e for s, e in used) or not (after[:1] in PUNCT or after.startswith(follows)):
            continue
        best = None
        for length in (3, 2, 4):
            start = hit.start - length
            cand = text[max(0, start):hit.start]
            if start < 0 or len(cand) < length or (length == 4 and cand[:2] not in lexicon.surnames) \
                    or start and has_word(text[start - 1] + cand[0]):
                continue          # 已连续9年担|任村党支部书记: the name's first character ends a word
            score = name_score(cand)
            if score >= TITLED_NAME_MIN and (best is None or score > best[1] + (0.1 if length == 2 else 0)):
                best = (cand, score)
        if best is None or any(s < hit.start - len(best[0]) + 1 and hit.start - len(best[0]) < e for s, e in used):
            continue
        name_start = hit.start - len(best[0])
        org, org_start = org_before(name_start)
        if not org:
            continue              # 王明主任 alone: which body, nobody can tell
        unit = with_org(hit, org, org_start, lexicon)
        out.append(Mention("person", name_start, hit.start, best[0], {"titles": (unit,)}, "name-then-title", 0.75))
    return out


TAKES = re.compile(r"(?:担任|兼任|出任|任)$")
MAX_TAKES_GAP = 15     # characters between a person's name and 担任


def taken_posts(text: str, hits: list[Mention], posts: list[Mention], org_before: OrgBefore,
                lexicon: Lexicon) -> list[Mention]:
    """副科长雷某被选派到望云村担任驻村第一书记: a post taken (担任, 兼任, 出任) by the person
    named just before, where no name follows the title."""
    out = []
    used = [(p.start, p.end) for p in posts] + [(t.start, t.end) for p in posts for t in p.attrs["titles"]]
    for k, hit in enumerate(hits):
        if any(s <= hit.start < e for s, e in used) or read_name(text, hit.end, lexicon):
            continue
        verb = TAKES.search(text, max(0, hit.start - 2), hit.start)
        org, org_start = ("", hit.start) if verb else org_before(hit.start)
        verb = verb or TAKES.search(text, max(0, org_start - 2), org_start)
        if verb is None:
            continue
        person = max((p for p in posts if p.end <= verb.start() and verb.start() - p.end <= MAX_TAKES_GAP
                      and not any(c in "。;" for c in text[p.end:verb.start()])), key=lambda p: p.end, default=None)
        if person is not None:
            unit = with_org(hit, org, org_start, lexicon)
            out.append(Mention("person", person.start, person.end, person.text, {"titles": (unit,)},
                               "name-takes-post", 0.8))
    return out


def follows(gap: str) -> bool:
    """Is a title after this gap the next of a list of posts in one body (主任甲主持会议,副主任乙)?"""
    return gap in (",", "、") or (0 < len(gap) <= MAX_LIST_GAP and gap[-1] == "," and not any(c in "。;:!?“”()" for c in gap))


def org_before_in(sentence: str, places: list[Mention], lexicon: Lexicon) -> OrgBefore:
    """`before(pos)`: what is written just before a title starting at `pos` — the
    institution or place the post is in — and where it starts."""
    def before(pos: int) -> tuple[str, int]:
        start = pos
        if pos:
            toks = tokenize(sentence[:pos], lexicon)   # retokenised: jieba may glue the title to the name (委副|书记)
            if toks and toks[-1].pos not in ("x", "w") and toks[-1].word not in span_words(lexicon).stop_words:
                start, _ = expand_left(toks, len(toks) - 1, sentence[:pos], lexicon)
                k = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].start == start), 0)
                if k >= 2 and toks[k - 1].word == "驻" and toks[k - 2].pos not in ("x", "w"):
                    start, _ = expand_left(toks, k - 2, sentence[:pos], lexicon)   # 湖南省人民政府驻|深圳办事处
        for m in places:                   # never cut a place name in two: 在中|湖村 -> 中湖村
            if m.start < start < m.end or m.end == start < pos and m.attrs.get("level") == "village":
                start = m.start            # and a village right before is the body's: 金鸡村|工作队
            elif m.kind == "zone" and 0 <= start - m.end <= 2 and sentence[start:pos] in generic_bodies(lexicon) \
                    and all("\u4e00" <= c <= "\u9fff" for c in sentence[m.end:start]):
                start = m.start            # 怀化国际陆港|建设|运营中心: a zone's body with a generic name
        return sentence[start:pos], start
    return before


def generic_bodies(lexicon: Lexicon) -> frozenset[str]:
    """Names of a kind of body (运营中心, 服务中心) that a zone written before them owns."""
    return lexicon.words("orgs", "generic_names")


def read_name(text: str, start: int, lexicon: Lexicon) -> tuple[str, float] | None:
    """The personal name starting at `start`, if one does, with its score.

    A candidate of 2-4 characters must start with a surname (or be vouched for
    by a verb of saying after it) and end at a boundary: punctuation, a word
    that follows names (说, 表示, 陪同…), or the end of a word jieba reads as a
    person's name."""
    surnames = lexicon.surnames
    follows, saying = after_name(lexicon), lexicon.sequence("posts", "saying")
    segmented = name_lengths(text[start:start + 8], lexicon)
    best = None
    for length in (3, 2, 4):
        cand = text[start:start + length]
        if len(cand) < length or not re.fullmatch(rf"[{CJK}]+", cand):
            continue
        if length == 4 and cand[:2] not in surnames:
            continue
        after = text[start + length:start + length + 2]
        bounded = not after or after[0] in PUNCT or after.startswith(follows) or length in segmented
        if not bounded:
            continue
        score = name_score(cand)
        if score == 0 and length == 2 and not has_word(cand) and after.startswith(saying):
            score = 0.25   # rare surname (聊林): the title before and the verb after vouch for it
        if length in segmented:
            score += 0.05
        if best is None or score > best[1] + (0.1 if length == 2 else 0):
            best = (cand, score)
    if best and best[1] >= 0.2:
        return best
    return None


def name_lengths(window: str, lexicon: Lexicon) -> set[int]:
    """Lengths at which jieba ends a person's name at the start of `window`."""
    toks = tokenize(window, lexicon)
    out = set()
    if toks and toks[0].pos in ("nr", "nrt", "nrfg") and 2 <= len(toks[0].word) <= 4:
        out.add(len(toks[0].word))
    if len(toks) >= 2 and toks[0].pos in ("nr", "nrt") and len(toks[0].word) == 1 \
            and toks[1].pos in ("nr", "nz", "ng", "n") and len(toks[1].word) <= 2 \
            and toks[1].word not in after_name(lexicon):
        out.add(1 + len(toks[1].word))   # 罗|鹏程
    return out


def chain_units(text: str, hits: list[Mention], k: int, org_before: OrgBefore, lexicon: Lexicon) -> tuple[Mention, ...]:
    """The titles of the chain that ends with hits[k] (walking back over 、/兼), each
    with the organisation written before it."""
    chain = [hits[k]]
    j = k - 1
    while j >= 0:
        prev = hits[j]
        gap = text[prev.end:chain[0].start]
        # 常委、宣传部部长,县融媒体中心主任某: a title closed by a comma, with no name, goes on to the next
        if gap[:1] in CHAIN_SEP + (",",) and not any(ch in PUNCT for ch in gap[1:]) and len(gap) <= 20:
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
    for word, value in lexicon.pairs("posts", "status_before").items():
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


def find_author_posts(note: str, lexicon: Lexicon) -> tuple[Mention, ...]:
    """The titles of an author note's body ("株洲高新区党工委书记、天元区委书记"): the chain ending last."""
    hits = find_titles(note, [], lexicon)
    if not hits or note[hits[-1].end:].strip(" )"):
        return ()
    return chain_units(note, hits, len(hits) - 1, org_before_in(note, [], lexicon), lexicon)


BRACKETED = re.compile(rf"(?P<name>[{CJK}]{{2,4}})\((?P<posts>[^()]{{2,60}})\)")


def bracketed_posts(text: str, taken: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """刘建伟(新化县公安局党委书记、局长), 粟某(芷江侗族自治县县长): a name, then its posts in brackets."""
    out = []
    for m in BRACKETED.finditer(text):
        body, start = m.group("posts"), m.start("posts")
        hits = find_titles(body, [], lexicon)
        if not hits or hits[-1].end != len(body) or any(p.start <= m.start("name") < p.end for p in taken):
            continue
        name = bracketed_name(text, m.start("name"), m.end("name"))
        if not name:
            continue
        chain = chain_units(body, hits, len(hits) - 1, lambda pos: (body[:pos], 0), lexicon)
        chain = tuple(t._replace(start=t.start + start, end=t.end + start,
                                 attrs={**t.attrs, "org_start": t.attrs["org_start"] + start}) for t in chain)
        out.append(Mention("person", m.end("name") - len(name), m.end("name"), name, {"titles": chain},
                           "name-bracketed-posts", 0.85))
    return out


def bracketed_name(text: str, start: int, end: int) -> str:
    """The name that ends right before a bracket: of its last 3, 2 or 4 characters, the one that
    rates best as a name, a two-character one only when clearly better (邀请到卢思明( -> 卢思明)."""
    best = ""
    for length in (3, 2, 4):
        if end - length < start:
            continue
        cand = text[end - length:end]
        if name_score(cand) >= 0.3 and (not best or name_score(cand) > name_score(best) + (0.1 if length == 2 else 0)):
            best = cand
    return best


def name_first_posts(text: str, org_before: OrgBefore, hits: list[Mention], taken: list[Mention],
                     lexicon: Lexicon) -> list[Mention]:
    """"周明,局长" / "孙一鸣,是云龙示范区…社工服务站站长": the name, a comma, then the post."""
    out = []
    for m in name_first_pattern().finditer(text):
        name = m.group("name")
        if name_score(name) < 0.35 or any(p.text == name for p in taken):
            continue
        after = m.end()
        hit = next((h for h in hits if h.start >= after and h.start - after <= 25
                    and not any(ch in PUNCT - {"(", ")"} for ch in text[after:h.start])), None)
        if hit is None or text[hit.end:hit.end + 1] not in (",", "。", ";", "、", ""):
            continue
        unit = with_org(hit, text[after:hit.start], after, lexicon)
        out.append(Mention("person", m.start("name"), m.end("name"), name, {"titles": (unit,)},
                           "name-comma-title", 0.75))
    return out

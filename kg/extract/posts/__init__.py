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

from ...lexicon.lexicon import Lexicon
from ...model import Mention
from ..titles import find_titles, title_pattern
from ..tokens import Token
from .chains import CHAIN_SEP, PUNCT, chain_units, follows, org_before_in, with_org
from .forms import bracketed_posts, name_first_posts, taken_posts, titled_names
from .names import NamesAfterTitles, read_name

__all__ = ["PUNCT", "find_author_posts", "find_posts", "read_name", "with_org", "chain_units"]


LIST_ENDS = ("、", ",", "。", ";", "", "等")    # what may follow a name of a list after one title


def find_posts(sentence: str, tokens: list[Token], lexicon: Lexicon, places: list[Mention] = ()) -> list[Mention]:
    """Posts in one sentence, as person Mentions carrying their title chain.
    `places` are the sentence's place mentions: an institution's name never cuts one."""
    if title_pattern(lexicon).search(sentence) is None:
        return []        # every form of post has a title, and a part of the sentence holds none either
    org_before = org_before_in(sentence, places, lexicon)
    # 汨罗市长乐镇: 市长 is no title where a place's name starts inside it (长乐镇)
    hits = [h for h in find_titles(sentence, tokens, lexicon) if not any(h.start < p.start < h.end for p in places)]
    posts: list[Mention] = []
    used_until = -1
    starts = {h.start for h in hits}
    names = NamesAfterTitles(sentence, tokens, lexicon, hits)
    for k, hit in enumerate(hits):
        if hit.start < used_until:
            continue
        nxt = sentence[hit.end:hit.end + 1]
        if nxt in CHAIN_SEP or (k + 1 < len(hits) and hits[k + 1].start == hit.end):
            continue   # the chain goes on; the name comes after the last title
        name = names.at(hit.end)
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
            if not more or sentence[end + 1 + len(more[0]):end + 2 + len(more[0])] not in LIST_ENDS:
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


def find_author_posts(note: str, lexicon: Lexicon) -> tuple[Mention, ...]:
    """The titles of an author note's body ("株洲高新区党工委书记、天元区委书记"): the chain ending last."""
    hits = find_titles(note, [], lexicon)
    if not hits or note[hits[-1].end:].strip(" )"):
        return ()
    return chain_units(note, hits, len(hits) - 1, org_before_in(note, [], lexicon), lexicon)

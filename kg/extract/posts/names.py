"""Reading the personal name a title introduces: a surname (single or compound), one or two
given characters and a boundary after them (说/表示/介绍…, punctuation), scored with the surname
and given-name statistics, not looked up in a list."""
from __future__ import annotations

import re

from ...lexicon.lexicon import Lexicon
from ...lexicon.names import name_score
from ...model import Mention
from ..persons import char_tag, find_persons
from ..tokens import Token, has_word, tokenize
from .chains import PUNCT

CJK = "\u4e00-\u9fff"


def after_name(lexicon: Lexicon) -> tuple[str, ...]:
    """What may follow a personal name (说, 表示, 陪同…): kg/data/rules/posts.txt."""
    return lexicon.sequence("posts", "after_name")


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
        if length == 3 and cand[-1] in follows and cand[-1] not in "为和" \
                and char_tag(cand[-1]) in ("p", "d", "u", "uj", "c"):
            continue       # 王捷|在讲话中, 杜君|及: a function word that follows names ends it
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


# The score given to a name only the person reader finds after a title (read_name rejects it):
# enough for a post, at a lower confidence than a name read_name vouches for.
READER_ONLY_SCORE = 0.3


class NamesAfterTitles:
    """The name after each title of a sentence: read_name's reading, else the core person
    reader's (kg.extract.persons, the reader `kg ner` runs too) name starting there, which knows
    names read_name's boundary test misses (段春生围坐, a name before a verb it does not list).
    The person reader runs once per sentence, and only when read_name fails where a surname starts."""

    def __init__(self, sentence: str, tokens: list[Token], lexicon: Lexicon, titles: list[Mention]):
        self.sentence, self.tokens, self.lexicon = sentence, tokens, lexicon
        self.title_ends = frozenset(t.end for t in titles)
        self._persons: dict[int, Mention] | None = None

    def at(self, start: int) -> tuple[str, float] | None:
        name = read_name(self.sentence, start, self.lexicon)
        if name:
            return name
        if self.sentence[start:start + 1] not in self.lexicon.surnames \
                and self.sentence[start:start + 2] not in self.lexicon.surnames:
            return None             # no Chinese name starts here
        if self._persons is None:
            found = find_persons(self.sentence, self.tokens, self.lexicon, self.title_ends)
            self._persons = {m.start: m for m in found if m.rule == "chinese"}
        m = self._persons.get(start)
        return (m.text, READER_ONLY_SCORE) if m else None

"""Chinese names the segmenter glued to the one-character word before them: a whole name (问孙南)
or its surname, the given name standing after it (但梁|大海).
"""
from __future__ import annotations

from ...lexicon.names import is_han, load_surnames
from ...model import Mention
from ..tokens import Token, has_word
from .base import FUNCTION_TAGS, THRESHOLD, person, shape_score, surname_len
from .chinese import PERSON_TAGS, SAID, bounded_after, not_given
from .cues import PersonWords


def glued_names(text: str, tokens: list[Token], title_ends: frozenset[int], words: PersonWords) -> list[Mention]:
    """问孙南, 由林文: a name the segmenter glued to the word before it; 但梁|大海, 叫钟|富强,
    由林|超杰: a surname glued to the word before it, the given name standing after it, read
    as a name standing alone."""
    out = []
    glue = words.glue_before
    # Only a token starting with a glue character can hold one: the others are skipped unread.
    for k in [k for k, t in enumerate(tokens) if t.word[0] in glue]:
        t = tokens[k]
        w = t.word
        if 3 <= len(w) <= 4 and surname_len(w[1:]) \
                and (t.pos in PERSON_TAGS or t.pos in ("x", "n", "nz") and not has_word(w)):
            name = w[1:]
            score = shape_score(name) + (0.4 if text.startswith(words.speech_after, t.end) else 0.2)
            if score >= THRESHOLD - 0.1 and name not in words.not_names:
                out.append(person(t.start + 1, t.end, name, score, "glued"))
        elif len(w) == 2 and k + 1 < len(tokens) and w[1] in load_surnames() and not has_word(w):
            glued = _glued_surname(text, w[1], tokens[k + 1], words)
            if glued:
                out.append(glued)
    return out


# Tags of a word after a glued surname that make it no given name (但梁|大海, but 以章|的).
NOT_GIVEN_AFTER_GLUE = FUNCTION_TAGS - {"v", "a", "vn", "t"}


def _glued_surname(text: str, surname: str, nxt: Token, words: PersonWords) -> Mention | None:
    """The surname glued to the word before it and the given name `nxt` after it (但梁|大海)."""
    if len(nxt.word) > 2 or not all(is_han(c) for c in nxt.word) or nxt.pos in NOT_GIVEN_AFTER_GLUE:
        return None
    name = surname + nxt.word
    if name in words.not_names or not_given(nxt.word, words):
        return None
    score = shape_score(name) + 0.1 + (SAID if text.startswith(words.speech_after, nxt.end) else 0.0) \
        + (0.1 if bounded_after(text, nxt.end, words) else 0.0)
    return person(nxt.start - 1, nxt.end, name, score, "glued", THRESHOLD)

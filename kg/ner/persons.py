"""Persons (the NER view): the core person reader with the extras only general news needs (Latin-script
names and glosses, brands that read like names, clubs), and the build's reading of the name after a
title where it reads like a name."""
from __future__ import annotations

import functools

from ..extract.persons import (
    PersonExtras,
    PersonWords,
    find_persons,
    glued_last,
    names_a_thing,
    no_given_name,
    person_words,
    uncued,
)
from ..extract.posts import read_name
from ..extract.tokens import Token
from ..lexicon.lexicon import Lexicon
from ..lexicon.names import load_surnames, person_name_score
from ..model import Mention
from .addresses import countries
from .brands import brand_names
from .clubs import club_like
from .latin import latin_glosses, latin_names
from .span import NORMAL, WEAK, retyped, span

# How well a name the build's reader finds after a title must read as a name (person_name_score).
READ_MIN = 0.36


@functools.cache
def ner_extras() -> PersonExtras:
    """What the NER view adds to the core person readers."""
    return PersonExtras(readers=(latin_names,), glossers=(latin_glosses,), not_names=brand_names(), is_club=club_like)


def ner_person_words(lexicon: Lexicon) -> PersonWords:
    """The person words the NER view reads with (brands are no names)."""
    return person_words(lexicon, ner_extras())


def find_ner_persons(text: str, tokens: list[Token], title_ends: frozenset[int], lexicon: Lexicon) -> list[Mention]:
    """The person reader's names (a foreign name without a person's cue is weak: in a match report
    it is a team), and the build's reading of a name after each title where it reads like a name."""
    out = [retyped(m, "person", m.rule, strength=WEAK if uncued(m) else NORMAL)
           for m in find_persons(text, tokens, lexicon, title_ends, ner_extras()) if m.text not in countries()]
    words = ner_person_words(lexicon)
    surnames = load_surnames()
    found = {s.start: s.end for s in out}
    for end in sorted(title_ends):
        if text[end:end + 1] not in surnames and text[end:end + 2] not in surnames \
                and not text.startswith(lexicon.sequence("posts", "saying"), end + 2):
            continue                   # no name can start here (read_name needs a surname or 说/表示 after)
        name = read_name(text, end, lexicon)    # the build's reading of the name after a post title
        if not name:
            continue
        name_end = end + len(name[0])
        if not no_given_name(name[0], words) and person_name_score(name[0]) >= READ_MIN \
                and name[0] not in words.not_names \
                and not (found.get(end, 0) == name_end - 1 and glued_last(text, end, name_end, words)) \
                and not names_a_thing(text, name_end, words):
            # the reader's name, not the build's with a word glued to it
            # (画家李涛|的作品, 副部长马涛|在, 董事长李诚|李总)
            out.append(span("person", end, name_end, text, NORMAL, "after-title"))
    return out

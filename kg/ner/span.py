"""The NER view's spans are Mentions (kg.model): the kind is the type `kg ner` prints, attrs["subtype"]
an institution's subtype (government, company, other), the confidence the strength of the rule that
found it, which settles overlaps: a stronger rule wins first, a longer span between equals."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from ..model import NO_ATTRS, Mention

# Rule strengths, as confidences.
STRONG = 0.9      # a labelled address, a generic government word (地址:…, 警方)
NORMAL = 0.6      # the core recognisers, a grown address, a title, a cued person
WEAK = 0.3        # a guess from one word: the segmenter's tag, a brand, a foreign name without a cue


@functools.cache
def _attrs(subtype: str) -> Mapping[str, object]:
    return MappingProxyType({"subtype": subtype}) if subtype else NO_ATTRS


_new = tuple.__new__       # Mention(...) without the Python-level __new__ frame


def span(kind: str, start: int, end: int, text: str, strength: float, rule: str, subtype: str = "") -> Mention:
    """A Mention of text[start:end] (`text` the whole folded text)."""
    return _new(Mention, (kind, start, end, text[start:end], _attrs(subtype) if subtype else NO_ATTRS, rule, strength))


def subtype(m: Mention) -> str:
    return m.attrs.get("subtype", "")


def retyped(m: Mention, kind: str, rule: str, subtype: str = "", strength: float | None = None) -> Mention:
    """The same span as another kind (a venue as a region, a place as a team)."""
    return _new(Mention, (kind, m.start, m.end, m.text, _attrs(subtype) if subtype else NO_ATTRS, rule,
                          m.confidence if strength is None else strength))


def as_dict(m: Mention, original: str) -> dict:
    """What `kg ner` prints of a span: offsets and text those of the original (unfolded) text."""
    return {"start": m.start, "end": m.end, "type": m.kind, "subtype": m.attrs.get("subtype", ""),
            "text": original[m.start:m.end]}

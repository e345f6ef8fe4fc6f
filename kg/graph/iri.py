"""Stable, readable, valid IRIs.

Data IRIs live under BASE and are built from names and codes, never from
counters that depend on reading order: region/430202, org/株洲市中心医院,
person/430200/罗鹏程, doc/001_344709538c4b7dd9/s0412. Chinese characters are
kept (IRIs allow them); everything outside IRI-safe characters is
percent-encoded."""
from __future__ import annotations

import functools
import hashlib
import unicodedata

from ..model import EntityKey

BASE = "https://w3id.org/hunan-kg/"
KG = "https://w3id.org/hunan-kg/ontology#"
SAFE = set("-._~")


@functools.lru_cache(maxsize=1 << 16)   # names and doc ids recur in every triple about them
def segment(text: str) -> str:
    """One path segment: letters and digits of any script kept, the rest percent-encoded."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        letter = cat[0] in "LN" and ord(ch) >= 0xA0 and not 0xE000 <= ord(ch) <= 0xF8FF and ord(ch) < 0xF0000
        if (ch.isascii() and (ch.isalnum() or ch in SAFE)) or (not ch.isascii() and letter):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    return "".join(out) or "_"


def short_hash(*parts: str, n: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:n]


def entity_iri(key: EntityKey) -> str:
    if key.kind == "region":
        if key.scope and key.scope.isdigit():
            return f"{BASE}region/{key.scope}"
        return f"{BASE}region/{'/'.join(segment(p) for p in key.scope.split('/'))}"
    if key.kind == "zone":
        return f"{BASE}zone/{segment(key.name)}"
    if key.kind == "org":
        return f"{BASE}org/{segment(key.name)}"
    if key.kind == "person":
        return f"{BASE}person/{segment(key.scope or 'unknown')}/{segment(key.name)}"
    if key.kind == "journalist":
        return f"{BASE}journalist/{segment(key.scope or 'unknown')}/{segment(key.name)}"
    if key.kind == "program":
        return f"{BASE}program/{segment(key.name)}"
    return f"{BASE}{segment(key.kind)}/{segment(key.name)}"


def doc_iri(doc_id: str) -> str:
    return f"{BASE}doc/{segment(doc_id)}"


def article_iri(doc_id: str, index: int) -> str:
    return f"{doc_iri(doc_id)}/a{index:03d}"


def sentence_iri(doc_id: str, index: int) -> str:
    return f"{doc_iri(doc_id)}/s{index:04d}"


def post_iri(person: EntityKey, org: EntityKey, title: str) -> str:
    digest = short_hash(entity_iri(person), entity_iri(org), title)
    return f"{BASE}post/{segment(person.name)}-{segment(title)}-{digest}"


def interval_iri(post: str) -> str:
    """The time:Interval of a post's tenure (org:memberDuring), under the post's IRI."""
    return f"{post}/during"


def instant_iri(date: str) -> str:
    """The time:Instant of a day (2024-06-30), shared by every post beginning or ending on it."""
    return f"{BASE}date/{segment(date)}"


def role_iri(title: str) -> str:
    return f"{BASE}role/{segment(title)}"


def statement_iri(s: str, p: str, o: str) -> str:
    return f"{BASE}statement/{short_hash(s, p, o, n=16)}"


GAZETTEER = f"{BASE}source/gazetteer"

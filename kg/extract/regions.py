"""Administrative places: names from the shipped gazetteer (full names, short
forms, old names) and places below the township gazetteer recognised by their
suffix (…村, …社区), plus development zones (…高新区, …经开区, …产业园)."""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from operator import attrgetter

from ..lexicon.lexicon import Lexicon
from ..model import Mention
from .spans import expand_left, name_like, span_words
from .tokens import Token, has_word

RULES = "regions"      # kg/data/rules/regions.txt


def village_suffixes(lexicon: Lexicon) -> tuple[str, ...]:
    return lexicon.sequence(RULES, "village_suffixes")


def zone_suffixes(lexicon: Lexicon) -> tuple[str, ...]:
    return lexicon.sequence(RULES, "zone_suffixes")


@functools.cache
def zone_pattern(lexicon: Lexicon) -> re.Pattern:
    return re.compile("(" + "|".join(sorted(zone_suffixes(lexicon), key=len, reverse=True)) + ")")


@functools.cache
def surface_tables(lexicon: Lexicon) -> tuple[dict[str, list[tuple[str, tuple[str, ...]]]], frozenset[str]]:
    """The gazetteer's surfaces by their first two characters (a dict scan is faster here than
    an Aho-Corasick automaton, whose root has a child for every first character), and those of
    them that name a place wherever they stand as a word (`place_words`)."""
    gaz = lexicon.gazetteer
    short_ok = {d.code for d in gaz if lexicon.short_form_ok(d)}
    common, zones = lexicon.words(RULES, "common_word_shorts"), zone_suffixes(lexicon)
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    words = []
    for surface, codes in gaz.surface_items():
        if len(surface) >= 2 and surface not in common and not surface.endswith(zones):
            index.setdefault(surface[:2], []).append((surface, codes))
            if surface in gaz.full_names or not short_ok.isdisjoint(codes):
                words.append(surface)
    return index, frozenset(words)


def place_words(lexicon: Lexicon) -> frozenset[str]:
    """Full names, and short or old names that may stand for their place (Lexicon.short_form_ok)."""
    return surface_tables(lexicon)[1]


def surfaces_in(text: str, lexicon: Lexicon):
    """(start, surface, codes) for every occurrence of every surface, overlapping ones included."""
    get = surface_tables(lexicon)[0].get
    for i in range(len(text) - 1):
        candidates = get(text[i:i + 2])
        if candidates:
            for surface, codes in candidates:
                if text.startswith(surface, i):
                    yield i, surface, codes


def find_places(sentence: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Places in text order: leftmost-longest gazetteer matches (kind region, attrs["codes"]
    the candidate codes), then villages and communities (region, no codes) and zones (zone)."""
    text = sentence
    full_names = lexicon.gazetteer.full_names
    starts = ends = None     # token boundaries, gathered for the first short form
    found: list[Mention] = []
    for start, surface, codes in surfaces_in(text, lexicon):
        end = start + len(surface)
        if surface not in full_names:
            if starts is None:
                starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
            if start not in starts or end not in ends:
                continue   # a short form inside a longer word: 株洲 in 株洲日报 is fine, 江南 in 江南春 is not
            codes = short_form_codes(codes, lexicon)
            if not codes:
                continue
        found.append(Mention("region", start, end, surface, {"codes": codes}, "gazetteer"))
    found = leftmost_longest(found)
    taken = [(m.start, m.end) for m in found]
    for m in villages(text, tokens, lexicon):
        if not any(s < m.end and m.start < e for s, e in taken):
            found.append(m)
            taken.append((m.start, m.end))
    found.extend(zones(text, tokens, lexicon))
    return sorted(found, key=lambda m: (m.start, -m.end))


@functools.cache
def short_form_codes(codes: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """The candidates a short or old name may stand for (Lexicon.short_form_ok)."""
    gaz = lexicon.gazetteer
    return tuple(c for c in codes if lexicon.short_form_ok(gaz.get(c)))


def leftmost_longest(matches: list[Mention]) -> list[Mention]:
    out, last_end = [], -1
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def villages(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """…村, …社区, …街道 names below the gazetteer: a 2-4 character stem that starts
    where a word starts after a boundary (在|中湖村, 、|渡头桥社区, 潇浦镇|溪美村)."""
    suffixes = village_suffixes(lexicon)
    if not any(s in text for s in suffixes):
        return []                 # most sentences name no village: skip the per-token scan
    not_stems = lexicon.words(RULES, "not_village_stems")
    words = span_words(lexicon)
    out = []
    for i, tok in enumerate(tokens):
        if i and name_like(tokens[i - 1], words) and not (tokens[i - 1].pos == "ns" and len(tokens[i - 1].word) >= 2):
            continue
        if tok.word in "东西南北中" and tok.pos == "f":
            pass                  # 在|中|湖村: a direction word jieba split off a name
        elif not name_like(tok, words) or tok.pos in ("b", "ad", "vn") or tok.pos == "a" and len(tok.word) > 1 \
                or tok.pos.startswith("v") and has_word(tok.word):
            continue
        for length in (3, 2, 4):
            stem = text[tok.start:tok.start + length]
            suffix = next((x for x in suffixes if text.startswith(x, tok.start + length)), None)
            if not suffix or len(stem) < length or not all("\u4e00" <= c <= "\u9fff" for c in stem):
                continue
            name = stem + suffix
            cut = tok.start + length
            nxt = text[cut + len(suffix):cut + len(suffix) + 1]
            if nxt and has_word(suffix + nxt) and not text.startswith(
                    ("办事处", "办", "党工委", "党委", "党支部", "党总支", "村委", "居委"), cut + len(suffix)):
                continue          # 让村|民, 社区|里: the suffix starts another word
            t = tokens[bisect_right(tokens, cut, key=attrgetter("start")) - 1]    # the token holding cut
            if t.start < cut < t.end and has_word(t.word) and t.pos != "ns":
                continue          # the suffix is part of a word: 加快|农村, 四好|农村
            if (stem in not_stems or stem.endswith(("小区", "示范", "新")) or has_word(name)
                    or any(c in stem for c in "的在和与及是对把被个等们向进到让使给")):
                continue
            out.append(Mention("region", tok.start, tok.start + len(name), name, {"level": "village"},
                               "village-suffix"))
            break
    return out


def zones(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Development zones and parks: a zone word (高新区, 产业园) grown left over a proper name."""
    pattern = zone_pattern(lexicon)
    if not pattern.search(text):
        return []                 # most sentences name no zone: skip the per-token scan
    generic = lexicon.words(RULES, "generic_zones")
    out = []
    for i, tok in enumerate(tokens):
        m = pattern.search(tok.word)
        if not m or m.end() != len(tok.word):
            continue
        start, _ = expand_left(tokens, i, text, lexicon)
        name = text[start:tok.end]
        j = i
        while j > 0 and tokens[j - 1].start >= start:
            j -= 1
        stem = tokens[j:i + 1]
        if name in generic or len(name) < 3 or not proper_zone(stem, lexicon):
            continue
        out.append(Mention("zone", start, tok.end, name, rule="zone-suffix"))
    return out


def proper_zone(stem: list[Token], lexicon: Lexicon) -> bool:
    """A zone's name needs a place, a proper word or a specific stem: 株洲经开区, 玻璃产业园, not 区域合作示范区."""
    pattern = zone_pattern(lexicon)
    inner = [t for t in stem if not pattern.fullmatch(t.word)]
    if any(t.pos in ("ns", "nz", "nr", "nrt", "j", "eng") or not has_word(t.word) for t in inner):
        return True
    return bool(inner) and inner[0].word not in lexicon.words(RULES, "generic_zone_words") \
        and sum(len(t.word) for t in inner) >= 2

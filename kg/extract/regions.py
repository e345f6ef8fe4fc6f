"""Administrative places: names from the shipped gazetteer (full names, short
forms, old names) and places below the township gazetteer recognised by their
suffix (…村, …社区), plus development zones (…高新区, …经开区, …产业园)."""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_lines
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
    for stem, codes in township_stems(lexicon).items():
        index.setdefault(stem[:2], []).append((stem, codes))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index, frozenset(words)


STEM_AFTER = frozenset(",。;:!?、)”和与及等的两三四五六七八九十")
STEM_BEFORE = frozenset(",。;:!?、(“在到赴和与及从")


@functools.cache
def township_stems(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Townships by their names without 镇/乡/街道 (东坪 for 东坪镇), where that is no word of the
    dictionary or of another place: read only for townships of the article's own county."""
    gaz, common = lexicon.gazetteer, lexicon.words(RULES, "common_word_shorts")
    stems: dict[str, list[str]] = {}
    for d in gaz:
        if d.level == "township":
            stem = next((d.name[:-len(x)] for x in lexicon.sequence("resolve", "town_suffixes")
                         if d.name.endswith(x)), "")
            if len(stem) >= 2 and stem not in common and not gaz.lookup(stem) and not has_word(stem):
                stems.setdefault(stem, []).append(d.code)
    return {stem: tuple(codes) for stem, codes in sorted(stems.items())}


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
    road_words = lexicon.sequence(RULES, "road_after")
    ends = word_end = None     # token boundaries (word_end: each token's start -> its end), for the first match
    found: list[Mention] = []
    for start, surface, codes in surfaces_in(text, lexicon):
        end = start + len(surface)
        if text.startswith(road_words, end):
            continue       # 苏仙南路, 韶山路: a road named after a place
        full = surface in full_names
        if word_end is None:
            ends, word_end = {t.end for t in tokens}, {t.start: t.end for t in tokens}
        if not full:
            if start not in word_end or end not in ends:
                continue   # a short form inside a longer word: 株洲 in 株洲日报 is fine, 江南 in 江南春 is not
        elif len(surface) == 2:
            if word_end.get(start) != end:
                continue   # a full name as short as 和县 is one word: not 产业和|县域, 熊德蓉和|县乡村振兴局
        elif start not in word_end and has_word(word_at(tokens, start)):
            continue       # 新增|城区 holds no 增城区: a full name opens inside a dictionary word
        if not full:
            codes = short_form_codes(codes, lexicon)
            if not codes:
                continue
        attrs = {"codes": codes}
        if surface in township_stems(lexicon):
            if not (end == len(text) or text[end] in STEM_AFTER) or start and text[start - 1] not in STEM_BEFORE:
                continue   # a town's bare name stands alone, as in a list (在东坪、江南、仙溪): not 渡头桥|社区
            attrs["county_only"] = True
        found.append(Mention("region", start, end, surface, attrs, "gazetteer"))
    found = leftmost_longest(found + world_places_in(text, tokens, lexicon))
    taken = [(m.start, m.end) for m in found]
    for m in villages(text, tokens, lexicon):
        if not any(s < m.end and m.start < e for s, e in taken):
            found.append(m)
            taken.append((m.start, m.end))
    found.extend(zones(text, tokens, lexicon))
    return sorted(found, key=lambda m: (m.start, -m.end))


def word_at(tokens: list[Token], offset: int) -> str:
    """The token that covers a character offset."""
    i = bisect_right(tokens, offset, key=lambda t: t.start) - 1
    return tokens[i].word if i >= 0 else ""


@functools.cache
def short_form_codes(codes: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """The candidates a short or old name may stand for (Lexicon.short_form_ok)."""
    gaz = lexicon.gazetteer
    return tuple(c for c in codes if lexicon.short_form_ok(gaz.get(c)))


@functools.cache
def world_places(lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """Countries and cities outside China (kg/data/world_places.tsv): name -> (kind, country)."""
    blocked = lexicon.words(RULES, "not_world_places")
    rows = (line.split("\t") for line in data_lines("world_places.tsv"))
    return {name: (kind, country) for name, kind, country in rows if name not in blocked}


@functools.cache
def world_index(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for name in sorted(world_places(lexicon), key=lambda n: (-len(n), n)):
        index.setdefault(name[:2], []).append(name)
    return {k: tuple(v) for k, v in index.items()}


def world_places_in(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """Foreign countries and cities, named as written, where whole words are (俄罗斯, 蒙古国, 莫斯科)."""
    index, places = world_index(lexicon), world_places(lexicon)
    out = []
    ends = None
    for tok in tokens:
        for name in index.get(text[tok.start:tok.start + 2], ()):
            if text.startswith(name, tok.start):
                if ends is None:
                    ends = {t.end for t in tokens}
                if tok.start + len(name) in ends:
                    kind, country = places[name]
                    out.append(Mention("region", tok.start, tok.start + len(name), name,
                                       {"world": country, "level": kind}, "world-place"))
                    break
    return out


def leftmost_longest(matches: list[Mention]) -> list[Mention]:
    out, last_end = [], -1
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def villages(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    """…村, …社区, …街道 names below the gazetteer, and towns it lacks (…镇): a 2-4 character
    stem that starts where a word starts after a boundary (在|中湖村, 、|渡头桥社区, 潇浦镇|溪美村)."""
    suffixes = village_suffixes(lexicon) + lexicon.sequence(RULES, "town_suffixes_below_gazetteer")
    if not any(s in text for s in suffixes):
        return []                 # most sentences name no village: skip the per-token scan
    not_stems, words = lexicon.words(RULES, "not_village_stems"), span_words(lexicon)
    generic_ends, determiners = lexicon.sequence(RULES, "generic_stem_endings"), lexicon.words(RULES, "determiners")
    at = suffix_starts(text, suffixes)
    inside = None
    out = []
    for i, tok in enumerate(tokens):
        p = tok.start
        if p + 2 not in at and p + 3 not in at and p + 4 not in at:
            continue              # no suffix 2-4 characters on: no stem of this length starts here
        if i and name_like(tokens[i - 1], words) and not (tokens[i - 1].pos == "ns" and len(tokens[i - 1].word) >= 2):
            continue
        after_town = i and tokens[i - 1].pos == "ns" and tokens[i - 1].word.endswith(("乡", "镇", "街道")) \
            and len(tok.word) == 2 and text.startswith(("村", "社区"), tok.end)   # 麻塘山乡|横排|村: the town's village
        if tok.word in "东西南北中" and tok.pos == "f" or after_town and tok.word not in determiners:
            pass                  # 在|中|湖村: a direction word jieba split off a name
        elif not (name_like(tok, words) or len(tok.word) == 1 and tok.pos == "v") \
                or tok.pos in ("b", "ad", "vn") or tok.pos == "a" and len(tok.word) > 1 \
                or tok.pos.startswith("v") and len(tok.word) > 1 and has_word(tok.word) or tok.word in determiners:
            continue
        for length in (3, 2, 4):
            start = tok.start
            if length == 4 and i + 1 < len(tokens) and len(tok.word) == 2 and len(tokens[i + 1].word) == 2 \
                    and has_word(tok.word) and tok.pos not in PROPER_TAGS \
                    and (not has_word(tokens[i + 1].word) or tokens[i + 1].pos in PROPER_TAGS):
                start = tokens[i + 1].start     # 总结|紫缘社区: the name is the proper word after a common one
            cut = tok.start + length
            stem = text[start:cut]
            suffix = next((x for x in suffixes if text.startswith(x, cut)), None)
            if not suffix or cut > len(text) or len(stem) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in stem):
                continue
            name = stem + suffix
            nxt = text[cut + len(suffix):cut + len(suffix) + 1]
            if nxt and has_word(suffix + nxt) and not text.startswith(
                    ("办事处", "办", "党工委", "党委", "党支部", "党总支", "村委", "居委", "村部", "村民", "村里",
                     "村级",
                     "居民"), cut + len(suffix)):
                continue          # 让村|民, 社区|里: the suffix starts another word
            if inside is None:
                inside = inside_words(tokens)
            if cut in inside:
                continue          # the suffix is part of a word: 加快|农村, 四好|农村
            whole = tok.word == name and tok.pos == "ns" and suffix in ("村", "社区")   # 新华村: a dictionary place
            if (stem in not_stems or stem.endswith(("小区", "示范", "新") + generic_ends)
                    or has_word(name) and not whole
                    or any(c in stem for c in "的在和与及是对把被个等们向进到让使给我")
                    or not after_town and any(t.pos == "v" and len(t.word) > 1 and has_word(t.word)
                                              and start <= t.start < cut for t in tokens[i:i + 3])   # 下沉|社区
                    or text[start - 1:start] == "“" and text[cut + len(suffix):cut + len(suffix) + 1] == "”"):
                continue          # kinds of places (城市社区, “功能社区”), not places
            out.append(Mention("region", start, cut + len(suffix), name,
                               {"level": "village" if suffix in ("村", "社区") else "township"}, "place-suffix"))
            break
    return out


PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nz"})


def suffix_starts(text: str, suffixes: tuple[str, ...]) -> set[int]:
    """The offsets where one of `suffixes` starts in `text`."""
    out: set[int] = set()
    for suffix in suffixes:
        k = text.find(suffix)
        while k >= 0:
            out.add(k)
            k = text.find(suffix, k + 1)
    return out


def inside_words(tokens: list[Token]) -> frozenset[int]:
    """Offsets that fall inside a dictionary word the segmenter read (not a place's name)."""
    return frozenset(p for t in tokens if t.end - t.start > 1 and t.pos != "ns" and has_word(t.word)
                     for p in range(t.start + 1, t.end))


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

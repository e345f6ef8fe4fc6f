"""Reading one article sentence by sentence: the recognisers' mentions become
entities and facts, with 该院, 市, 区委, 园区 and 公司 read in the article's context."""
from __future__ import annotations

import re

from ..extract import find_places, recognise, tokenize
from ..model import Article, Document, EntityKey, Evidence, Mention, Sentence
from .context import Context, home_of, pick
from .local import RULES, FileResolver, anaphor_class, contract_zone
from .naming import OrgName, canonical, formal, region_prefix, usual_form
from .posts import PostReading

SHORT_NAME = re.compile(r"[((](?:以下)?简称[“\"]([^”\"]{2,16})[”\"]")   # (以下简称“张家界机场”)
OWN_BODY = re.compile(r"[我本](?:院|校|局|委|所|站|会)")   # 我院, 本校, 我会: the body that wrote the article
OFFICES = ("办公室",)
UNNAMED_OWNERS = ("校", "院", "局", "委", "集团", "公司")
KEEP_TOKENS_UP_TO = 50_000   # characters of an article whose tokens stay in memory between passes


class ArticleReader(PostReading):
    """Reads one article; `read()` adds its entities and facts to the file's resolver."""

    def __init__(self, doc: Document, art: Article, res: FileResolver):
        self.doc, self.art, self.res = doc, art, res
        self.lexicon = lexicon = res.lexicon
        # Two passes: places first (the article's home place needs them all), then everything else.
        # Tokens are kept between the passes only for ordinary articles; a huge one-line "article"
        # is segmented again rather than held in memory.
        keep = art.end - art.start <= KEEP_TOKENS_UP_TO
        self.analysed = []
        for s in art.sentences:
            tokens = tokenize(s.text, lexicon)
            self.analysed.append((s, tokens if keep else None, find_places(s.text, tokens, lexicon)))
        codes = [m.attrs["codes"] for _, _, places in self.analysed for m in places if "codes" in m.attrs]
        self.ctx: Context = home_of(codes, art.source, lexicon, doc.section)
        self.mentioned: set[tuple[EntityKey, int]] = set()   # (person, sentence) already cited
        self.people: dict[str, EntityKey] = {}
        self.earlier: dict[str, str] = {}     # level word (镇, 村, zone…) -> the place of it named last
        self.villages: dict[str, EntityKey] = {}   # the article's villages and communities by name
        self.here: list[tuple[int, str, str]] = []        # this sentence's places: (start, level, name)
        self.here_codes: list[tuple[int, str, str]] = []  # and its gazetteer places: (start, level, code)

    def evidence(self, s: Sentence) -> Evidence:
        start, end = self.doc.offsets.span(s.start, s.end)
        return Evidence(self.doc.doc_id, self.art.index, s.index, start, end)

    def read(self) -> None:
        self.read_authors()
        for s, tokens, places in self.analysed:
            tokens = tokens if tokens is not None else tokenize(s.text, self.lexicon)
            ev = self.evidence(s)
            mentions = recognise(s.text, tokens, self.lexicon, places)
            places = outside_names(places, mentions)
            for _, level, name in self.here:
                self.earlier[level] = name
            self.here, self.here_codes = [], []
            place_at = self.read_places(places, ev)
            orgs = self.read_orgs([m for m in mentions if m.kind == "institution"], places, ev, s.text)
            self.read_posts([m for m in mentions if m.kind == "person"], ev)
            self.read_programs([m for m in mentions if m.kind == "program"], place_at, orgs, ev)
            self.repeat_names(s, ev)

    def read_authors(self) -> None:
        if not self.art.sentences:
            return
        ev = self.evidence(self.art.sentences[0])
        paper = self.name_org(self.art.source) if self.art.source.endswith("报") else None
        if paper is not None:                 # the paper that printed it (长沙晚报) is an institution
            self.register_org(paper, self.art.source, ev, subtype="media")
        for role, name in self.art.authors:
            key = EntityKey("journalist", name, self.art.source)
            self.res.add(key, name, ev, role=role)
            self.res.fact(key, "author_of", f"{self.doc.doc_id}/{self.art.index}", ev, "byline", 0.95, role=role)

    # ------------------------------------------------------------ places
    def read_places(self, places: list[Mention], ev) -> dict[int, EntityKey]:
        at: dict[int, EntityKey] = {}
        last_town = ""
        levels = self.lexicon.sequence(RULES, "place_levels")
        for m in places:
            if "codes" in m.attrs:
                code = pick(m.attrs["codes"], self.ctx)
                if m.attrs.get("county_only") and not self.res.gaz.is_within(code, self.ctx.county):
                    continue          # 东坪 alone is 安化's 东坪镇 only in an article about 安化
                key = self.res.region(code, ev, m.text)
                d = self.res.gaz.get(code)
                suffix = next((t for t in self.lexicon.sequence(RULES, "town_suffixes") if d.name.endswith(t)), "")
                if d.level == "township" and suffix:
                    last_town = code
                    self.ctx.last_region[suffix] = code
                    if suffix == "乡":
                        self.ctx.last_region["镇"] = code     # 该镇, 镇政府 may stand for a 乡 too
                level = next((x for x in levels if d.name.endswith(x)), "")
                self.here.append((m.start, level, d.name))
                self.here_codes.append((m.start, level, code))
            elif "world" in m.attrs:         # a country or a city outside China
                key = self.res.world_place(m.text, m.attrs["level"], m.attrs["world"], ev)
            elif m.kind == "region":         # a village, a community, a town the gazetteer lacks
                level = m.attrs.get("level", "village")
                parent = self.ctx.county if level == "township" else last_town or self.ctx.county
                key = self.villages.get(m.text)
                if key is None:
                    key = self.villages[m.text] = self.res.village(m.text, parent, ev, level)
                else:
                    self.res.add(key, m.text, ev)        # named again: the same village, wherever it stands
                self.here.append((m.start, next((x for x in levels if m.text.endswith(x)), ""), m.text))
            else:
                key = self.res.zone(m.text, self.zone_region(m.text), ev)
                self.ctx.last["zone"] = self.res.entities[key].label
                self.here.append((m.start, "zone", self.res.entities[key].label))
            at[m.start] = key
        return at

    def zone_region(self, name: str) -> EntityKey | None:
        for province in self.lexicon.province_names():
            name = name.removeprefix(province)
        code, _ = region_prefix(name, self.ctx, self.lexicon)
        return self.res.place_key(code or self.ctx.county or self.ctx.city)

    # ------------------------------------------------------------ institutions
    def name_org(self, text: str) -> OrgName | None:
        if text.endswith(OFFICES) and text[:-3] in UNNAMED_OWNERS:
            return None                       # 校办公室, 集团办公室: the office of a body the text does not name
        if OWN_BODY.match(text):              # 我校, 我院: the writer's own body, named only by the source
            source = self.art.source
            return OrgName(source + text[2:]) if source and anaphor_class(source, self.lexicon) == text[1] else None
        owner = self.owner_of(text)
        if owner:
            return self.department(owner, text)        # 护理部主任: the hospital's
        return canonical(text, self.ctx, self.lexicon, self.res.party_committee, self.res.known_orgs)

    def owner_of(self, text: str) -> str:
        """The hospital a bare department written alone belongs to (小儿外科, 护理部): the one the
        article named last; '' for anything else."""
        departments = self.lexicon.terms.departments
        if len(text) < 2 or not text.endswith(departments) or text.endswith("中心") \
                or text.startswith(("该", "公司", "医院", "集团")) \
                or text[0] in "省市县区州" or self.res.gaz.lookup(text[:3]) or self.res.gaz.lookup(text[:2]):
            return ""
        return self.ctx.last.get("院", "")

    def register_org(self, on: OrgName, surface: str, ev, subtype="", explicit=True) -> EntityKey:
        on = formal(on, self.lexicon)
        fuller = self.res.known_orgs.fuller(on.name)
        if fuller and self.place_code(fuller[:-len(on.name)]):
            on = OrgName(fuller, on.region, on.zone, on.parent)   # 开福区人民法院 after 长沙市开福区人民法院
        first = self.res.known_orgs.first_spelling(on.name, usual_form(on.name, self.lexicon))
        if first != on.name:
            on = OrgName(first, on.region, on.zone, on.parent)    # 衡阳县卫健局 after 衡阳县卫生健康局
        region = self.res.place_key(on.region)
        if region is None and on.zone:
            region = EntityKey("zone", contract_zone(on.zone, self.lexicon))
        parent = self.res.org(on.parent, ev, on.parent, explicit=explicit) if on.parent else None
        key = self.res.org(on.name, ev, surface, region=region, parent=parent, subtype=subtype, explicit=explicit)
        if on.region:
            self.res.entities[key].attrs.setdefault("region_code", on.region)
        self.res.known_orgs.add(on.name)
        cls = anaphor_class(on.name, self.lexicon)
        if cls:
            self.ctx.last[cls] = on.name
        return key

    def read_orgs(self, orgs: list[Mention], places: list[Mention], ev, text: str) -> list[tuple[int, int, EntityKey]]:
        found = []
        by_end: dict[int, str] = {}       # where each institution of the sentence ends -> its name
        listed_after: dict[int, str] = {}  # where a city's or county's body ends -> that place's code
        for m in orgs:
            parent = m.attrs["parent"]
            cut = next((p.end for p in places if p.start < m.start < p.end), None)
            written = text[cut:m.end] if cut is not None and m.end - cut >= 4 else m.text   # 桐子|山村好又多…公司
            listed = listed_after.get(m.start - 1) if text[m.start - 1:m.start] == "、" else None
            if parent is not None and parent.end in by_end:
                on = self.department(by_end[parent.end], written)
            elif listed and written.endswith(("局", "委", "办")) and written[0] not in "省市县区州镇乡" \
                    and not region_prefix(written, self.ctx, self.lexicon)[0]:
                on = self.name_org(self.res.gaz.get(listed).name + written)   # 市委组织部、民政局: the city's 民政局
            else:
                on = self.name_org(written)
            if on is None:
                continue
            zone = next((p for p in places if p.kind == "zone" and p.start == m.start and p.end < m.end), None)
            if zone is not None:          # 株洲经开区住建局 sits in the zone, not just the city
                zone_key = EntityKey("zone", contract_zone(zone.text, self.lexicon))
                on.zone, on.region = self.res.entities[zone_key].label, ""
            key = self.register_org(on, written, ev, subtype=m.attrs["subtype"])
            short = SHORT_NAME.match(text, m.end)
            if short:                     # 张家界荷花国际机场(以下简称“张家界机场”): one body, two names
                self.res.known_orgs.aliases.setdefault(short.group(1), key.name)
            by_end[m.end] = key.name
            place = self.res.gaz.get(on.region or self.res.entities[key].attrs.get("region_code", ""))
            if place is not None and place.level in ("prefecture", "county"):
                listed_after[m.end] = place.code
            found.append((m.start, m.end, key))
        return found

    def department(self, parent: str, child: str) -> OrgName:
        """A department's full name: the parent's name and its own (中共株洲市委 + 组织部)."""
        base = parent[:-2] if parent.startswith("中共") and parent.endswith("委员会") else parent
        info = self.res.entities.get(EntityKey("org", parent))
        region = info.attrs.get("region_code", "") if info else ""
        return OrgName(base + child, region=region, parent=parent)

    def repeat_names(self, s: Sentence, ev) -> None:
        """A name repeated later in the article without its title is the same person."""
        for name, key in self.people.items():
            if name in s.text and (key, s.index) not in self.mentioned:
                self.mentioned.add((key, s.index))
                self.res.entities[key].mentions.append(ev)

    # ------------------------------------------------------------ programs
    def read_programs(self, programs: list[Mention], place_at, orgs, ev) -> None:
        agents = [(start, key) for start, _, key in orgs] + list(place_at.items())
        for p in programs:
            name = p.attrs["name"]
            key = EntityKey("program", name)
            self.res.add(key, name, ev, rule=p.rule)
            before = [(start, k) for start, k in agents if start < p.start]
            if before:
                self.res.fact(key, "run_by", max(before, key=lambda x: x[0])[1], ev, "nearest-agent-before", 0.6)
                continue
            home = self.res.place_key(self.ctx.county or self.ctx.city)
            if home:
                self.res.fact(key, "run_by", home, ev, "article-home-place", 0.4)


def outside_names(places: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Places that are no part of a person's name: 嘉禾 in 庹嘉禾, 楚雄 in 刘楚雄."""
    names = [(m.start, m.end) for m in mentions if m.kind == "person" and m.end > m.start]
    return [p for p in places if not any(s < p.end and p.start < e for s, e in names)]

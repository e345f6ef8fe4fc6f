"""Reading one article sentence by sentence: its mentions become entities and
facts, with 该院, 市, 区委, 园区 and 公司 read in the article's context."""
from __future__ import annotations

from ..extract.officials import author_posts, find_posts
from ..extract.orgs import find_orgs
from ..extract.programs import find_programs
from ..extract.regions import VILLAGE_SUFFIXES, find_places
from ..extract.spans import STOP_WORDS, expand_left
from ..extract.tokens import tokenize
from ..ingest.patterns import AUTHOR_NOTE
from ..model import Article, Document, EntityKey, Evidence, Sentence
from .context import Context, home_of, pick
from .local import GOV_HEADS, TITLE_CLASS, TOWN_SUFFIXES, FileResolver, anaphor_class, contract_zone
from .naming import OrgName, canonical, region_prefix

KEEP_TOKENS_UP_TO = 50_000   # characters of an article whose tokens stay in memory between passes
PLACE_BODIES = ("党工委", "党委", "党支部", "党总支")   # party bodies of a place, written into the title


class ArticleReader:
    """Reads one article; `read()` adds its entities and facts to the file's resolver."""

    def __init__(self, doc: Document, art: Article, res: FileResolver):
        self.doc, self.art, self.res = doc, art, res
        # Two passes: places first (the article's home place needs them all), then everything else.
        # Tokens are kept between the passes only for ordinary articles; a huge one-line "article"
        # is segmented again rather than held in memory.
        keep = art.end - art.start <= KEEP_TOKENS_UP_TO
        self.analysed = []
        for s in art.sentences:
            tokens = tokenize(s.text)
            self.analysed.append((s, tokens if keep else None, find_places(s.text, tokens)))
        codes = [m.codes for _, _, places in self.analysed for m in places if m.kind == "division"]
        self.ctx: Context = home_of(codes, art.source)
        self.people: dict[str, EntityKey] = {}

    def evidence(self, s: Sentence) -> Evidence:
        start, end = self.doc.offsets.span(s.start, s.end)
        return Evidence(self.doc.doc_id, self.art.index, s.index, start, end)

    def read(self) -> None:
        self.read_authors()
        for s, tokens, places in self.analysed:
            tokens = tokens if tokens is not None else tokenize(s.text)
            ev = self.evidence(s)
            place_at = self.read_places(places, ev)
            orgs = self.read_orgs(s, tokens, places, ev)
            self.read_posts(s, tokens, places, ev)
            self.read_programs(s, tokens, place_at, orgs, ev)
            self.repeat_names(s, ev)

    def read_authors(self) -> None:
        if not self.art.sentences:
            return
        ev = self.evidence(self.art.sentences[0])
        for role, name in self.art.authors:
            key = EntityKey("journalist", name, self.art.source)
            self.res.add(key, name, ev, role=role)
            self.res.fact(key, "author_of", f"{self.doc.doc_id}/{self.art.index}", ev, "byline", 0.95, role=role)

    # ------------------------------------------------------------ places
    def read_places(self, places, ev) -> dict[int, EntityKey]:
        at: dict[int, EntityKey] = {}
        last_town = ""
        for m in places:
            if m.kind == "division":
                code = pick(m.codes, self.ctx)
                key = self.res.region(code, ev, m.text)
                d = self.res.gaz.get(code)
                suffix = next((t for t in TOWN_SUFFIXES if d.name.endswith(t)), "")
                if d.level == "township" and suffix:
                    last_town = code
                    self.ctx.last_region["镇" if suffix == "乡" else suffix] = code
            elif m.kind == "village":
                key = self.res.village(m.text, last_town or self.ctx.county, ev)
            else:
                key = self.res.zone(m.text, self.zone_region(m.text), ev)
                self.ctx.last["zone"] = self.res.entities[key].label
            at[m.start] = key
        return at

    def zone_region(self, name: str) -> EntityKey | None:
        code, _ = region_prefix(name.removeprefix("湖南省").removeprefix("湖南"), self.ctx)
        return self.res.place_key(code or self.ctx.county or self.ctx.city)

    # ------------------------------------------------------------ institutions
    def name_org(self, text: str) -> OrgName | None:
        return canonical(text, self.ctx, self.res.party_committee, self.res.known_orgs)

    def register_org(self, on: OrgName, surface: str, ev, subtype="", explicit=True) -> EntityKey:
        region = self.res.place_key(on.region)
        if region is None and on.zone:
            region = EntityKey("zone", contract_zone(on.zone))
        parent = self.res.org(on.parent, ev, on.parent, explicit=explicit) if on.parent else None
        key = self.res.org(on.name, ev, surface, region=region, parent=parent, subtype=subtype, explicit=explicit)
        if on.region:
            self.res.entities[key].attrs.setdefault("region_code", on.region)
        if on.name not in self.res.known_orgs:
            self.res.known_orgs.append(on.name)
        cls = anaphor_class(on.name)
        if cls:
            self.ctx.last[cls] = on.name
        return key

    def read_orgs(self, s: Sentence, tokens, places, ev) -> list[tuple[int, int, EntityKey]]:
        found = []
        by_end: dict[int, str] = {}       # where each institution of the sentence ends -> its name
        for m in find_orgs(s.text, tokens):
            if m.parent is not None and m.parent.end in by_end:
                on = self.department(by_end[m.parent.end], m.text)
            elif m.text.endswith("科") and not m.anaphor and self.ctx.last.get("院") \
                    and not self.res.gaz.lookup(m.text[:3]):
                on = self.department(self.ctx.last["院"], m.text)   # 小儿外科: the article's hospital
            else:
                on = self.name_org(m.text)
            if on is None:
                continue
            zone = next((p for p in places if p.kind == "zone" and p.start == m.start and p.end < m.end), None)
            if zone is not None:          # 株洲经开区住建局 sits in the zone, not just the city
                on.zone, on.region = self.res.entities[EntityKey("zone", contract_zone(zone.text))].label, ""
            key = self.register_org(on, m.text, ev, subtype=m.subtype)
            by_end[m.end] = on.name
            found.append((m.start, m.end, key))
        return found

    def department(self, parent: str, child: str) -> OrgName:
        """A department's full name: the parent's name and its own (中共株洲市委 + 组织部)."""
        base = parent[:-2] if parent.startswith("中共") and parent.endswith("委员会") else parent
        info = self.res.entities.get(EntityKey("org", parent))
        region = info.attrs.get("region_code", "") if info else ""
        return OrgName(base + child, region=region, parent=parent)

    # ------------------------------------------------------------ posts
    def org_before(self, text, places=()):
        """What is written just before a title: the institution or place the post is in."""
        def before(pos: int) -> tuple[str, int]:
            start = pos
            if pos:
                toks = tokenize(text[:pos])    # retokenised: jieba may glue the title to the name (委副|书记)
                if toks and toks[-1].pos not in ("x", "w") and toks[-1].word not in STOP_WORDS:
                    start, _ = expand_left(toks, len(toks) - 1, text[:pos])
            for m in places:                   # never cut a place name in two: 在中|湖村 -> 中湖村
                if m.start < start < m.end:
                    start = m.start
            return text[start:pos], start
        return before

    def read_posts(self, s: Sentence, tokens, places, ev) -> None:
        note = AUTHOR_NOTE.search(s.text)
        if note and note.group(1) == "作者系":
            author = next((n for r, n in self.art.authors if r == "作者"), None)
            if author:
                body = note.group("body")
                self.add_posts(author, author_posts(body, self.org_before(body)), ev, "author-note", 0.9)
            return
        for post in find_posts(s.text, self.org_before(s.text, places)):
            self.add_posts(post.name, post.units, ev, post.rule, post.confidence)

    def add_posts(self, name: str, units, ev, rule: str, conf: float) -> None:
        prev: OrgName | None = None
        prev_region = ""
        posts = []
        for u in units:
            title, org_text = u.title, u.org_text.strip("、 ")
            body = next((b for b in PLACE_BODIES if title.startswith(b) and len(title) > len(b)), "")
            if body and org_text and self.is_place_text(org_text):
                org_text, title = org_text + body, title[len(body):]   # 荣桓镇|党委书记 -> 荣桓镇党委|书记
            on = self.post_org(org_text, title, prev, prev_region)
            if on is None:
                continue
            key = self.register_org(on, org_text or on.name, ev, explicit=bool(org_text))
            region = on.region or self.res.entities[key].attrs.get("region_code", "")
            posts.append((key, title, region))
            prev, prev_region = on, region or prev_region
        if not posts:
            return
        city = self.city_of(next((r for _, _, r in posts if r), "")) or self.ctx.city or self.ctx.province
        person = EntityKey("person", name, city)
        self.res.add(person, name, ev)
        self.people[name] = person
        for key, title, _ in posts:
            self.res.fact(person, "holds_post", key, ev, rule, conf, title=title)

    def post_org(self, org_text: str, title: str, prev: OrgName | None, prev_region: str) -> OrgName | None:
        """The institution of one post in a chain, from what is written before its title."""
        if org_text.endswith("部") and prev is not None and prev.name.startswith("中共") \
                and org_text[0] not in "市县区省" and not self.is_place_text(org_text[:2]):
            return self.department(prev.name, org_text)        # 区委常委、宣传部部长
        head = next((c for c in GOV_HEADS if title.endswith(c)), "")
        code = self.place_code(org_text)
        if code:                                               # 衡东县|县长, 衡南县洪山镇|镇长: the place's government
            if title.endswith(("书记", "常委")):
                name, _ = self.res.party_committee(code)
                return OrgName(name, region=code)
            return OrgName(self.res.gaz.get(code).name + "人民政府", region=code)
        if org_text:
            if prev_region and org_text[0] in "市县区":       # 湘潭市副市长、市公安局局长: 市 is 湘潭市
                return canonical(org_text, self.context_of(prev_region), self.res.party_committee, self.res.known_orgs)
            return self.name_org(org_text)
        if head:                                               # 区委副书记、区长: the district's government
            level = GOV_HEADS[head]
            code = prev_region or self.ctx.level_region(level) or self.ctx.last_region.get(level, "")
            return OrgName(self.res.gaz.get(code).name + "人民政府", region=code) if code else None
        if prev is not None:
            return prev                                        # 党组书记、局长: the same bureau
        cls = next((c for t, c in TITLE_CLASS.items() if title.endswith(t)), "")
        return self.name_org(self.ctx.last[cls]) if cls and self.ctx.last.get(cls) else None

    def place_code(self, text: str) -> str:
        """The code of the place `text` names when it is nothing but places (衡南县洪山镇), else ''."""
        code, rest = "", text
        while rest:
            found, surface = region_prefix(rest, self.ctx)
            if not found:
                return ""
            code, rest = found, rest[len(surface):]
        return code

    def context_of(self, code: str) -> Context:
        """The article's context, with its city and county moved to those of `code`."""
        ctx = Context(province=self.ctx.province, city=self.ctx.city, county=self.ctx.county,
                      last=self.ctx.last, last_region=self.ctx.last_region)
        chain = [self.res.gaz.get(code)] + self.res.gaz.ancestors(code)
        for d in chain:
            if d is not None and d.level == "prefecture":
                ctx.city = d.code
            if d is not None and d.level == "county":
                ctx.county = d.code
        if ctx.county and not self.res.gaz.is_within(ctx.county, ctx.city):
            ctx.county = ""
        return ctx

    def is_place_text(self, text: str) -> bool:
        """Is `text` a place: a gazetteer name, or a town, village or community name?"""
        return bool(self.res.gaz.lookup(text)) or (text.endswith(VILLAGE_SUFFIXES + ("镇", "乡"))
                                                   and 3 <= len(text) <= 14)

    def city_of(self, code: str) -> str:
        d = self.res.gaz.get(code) if code else None
        if d is None:
            return ""
        if d.level in ("prefecture", "province"):
            return d.code
        return next((a.code for a in self.res.gaz.ancestors(code) if a.level == "prefecture"), "")

    def repeat_names(self, s: Sentence, ev) -> None:
        """A name repeated later in the article without its title is the same person."""
        for name, key in self.people.items():
            mentions = self.res.entities[key].mentions
            # evidence is added in sentence order, so this sentence's, if there, is the last
            if name in s.text and (not mentions or mentions[-1] != ev):
                mentions.append(ev)

    # ------------------------------------------------------------ programs
    def read_programs(self, s: Sentence, tokens, place_at, orgs, ev) -> None:
        agents = [(start, key) for start, _, key in orgs] + list(place_at.items())
        for p in find_programs(s.text, tokens):
            key = EntityKey("program", p.name)
            self.res.add(key, p.name, ev, rule=p.rule)
            before = [(start, k) for start, k in agents if start < p.start]
            if before:
                self.res.fact(key, "run_by", max(before, key=lambda x: x[0])[1], ev, "nearest-agent-before", 0.6)
                continue
            home = self.res.place_key(self.ctx.county or self.ctx.city)
            if home:
                self.res.fact(key, "run_by", home, ev, "article-home-place", 0.4)

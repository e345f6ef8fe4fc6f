"""One file through every per-file stage: read -> clean -> segment -> recognise
-> resolve in context. The result is plain data (a FileResult), the unit of
caching and of parallel work; merging files happens in kg.resolve.merge."""
from __future__ import annotations

import os

from . import __version__
from .extract.officials import author_posts, find_posts
from .extract.orgs import find_orgs
from .extract.programs import find_programs
from .extract.regions import find_places
from .extract.spans import STOP_WORDS, expand_left
from .extract.tokens import has_word, tokenize
from .ingest.clean import clean
from .ingest.patterns import AUTHOR_NOTE
from .ingest.read import read_file
from .ingest.segment import segment
from .lexicon.names import name_score
from .model import Article, Document, EntityKey, Evidence, FileResult, Sentence
from .resolve.context import Context, home_of, pick
from .resolve.local import contract_zone, GOV_HEADS, TITLE_CLASS, TOWN_SUFFIXES, FileResolver, anaphor_class
from .resolve.naming import canonical

PLACE_BODIES = ("党工委", "党委", "党支部", "党总支")   # party bodies of a place, written into the title
EXTRACTOR_VERSION = __version__ + "+1"


def load_document(path: str, doc_id: str | None = None) -> Document:
    raw = read_file(path)
    text, offsets, blocks = clean(raw.text, has_word)
    name = os.path.basename(path)
    doc = Document(path=path, name=name, doc_id=doc_id or os.path.splitext(name)[0], sha256=raw.sha256,
                   encoding=raw.encoding, text=text, offsets=offsets)
    segment(doc, blocks, name_score)
    return doc


def extract_file(path: str, doc_id: str | None = None) -> FileResult:
    doc = load_document(path, doc_id)
    return extract(doc)


def extract(doc: Document) -> FileResult:
    res = FileResolver(doc.doc_id)
    for art in doc.articles:
        ArticleReader(doc, art, res).read()
    return FileResult(document=doc, entities=res.entities, facts=res.facts)


class ArticleReader:
    """Reads one article sentence by sentence, keeping what 该院/市/区委 refer to."""

    def __init__(self, doc: Document, art: Article, res: FileResolver):
        self.doc, self.art, self.res = doc, art, res
        self.analysed = []
        for s in art.sentences:
            tokens = tokenize(s.text)
            self.analysed.append((s, tokens, find_places(s.text, tokens)))
        codes = [m.codes for _, _, places in self.analysed for m in places if m.kind == "division"]
        self.ctx: Context = home_of(codes, art.source)
        self.known_orgs: list[str] = []
        self.people: dict[str, EntityKey] = {}

    def evidence(self, s: Sentence) -> Evidence:
        start, end = self.doc.offsets.span(s.start, s.end)
        return Evidence(self.doc.doc_id, self.art.index, s.index, start, end)

    def read(self) -> None:
        for author_role, name in self.art.authors:
            key = EntityKey("journalist", name, self.art.source)
            ev = self.evidence(self.art.sentences[0]) if self.art.sentences else None
            self.res.add(key, name, ev, role=author_role)
            self.res.fact(key, "author_of", f"{self.doc.doc_id}/{self.art.index}", ev, "byline", 0.95,
                          role=author_role)
        for s, tokens, places in self.analysed:
            ev = self.evidence(s)
            place_at = self.read_places(places, ev)
            orgs = self.read_orgs(s, tokens, places, ev)
            self.read_posts(s, tokens, places, ev)
            self.read_programs(s, tokens, place_at, orgs, ev)
            self.repeat_names(s, ev)

    # ------------------------------------------------------------ places
    def read_places(self, places, ev) -> dict[int, EntityKey]:
        at: dict[int, EntityKey] = {}
        last_town = ""
        for m in places:
            if m.kind == "division":
                code = pick(m.codes, self.ctx)
                key = self.res.region(code, ev, m.text)
                d = self.res.gaz.get(code)
                if d.level == "township":
                    last_town = code
                    suffix = next((t for t in TOWN_SUFFIXES if d.name.endswith(t)), "")
                    if suffix:
                        self.ctx.last_region[suffix] = code
                        self.ctx.last_region["镇" if suffix == "乡" else suffix] = code
            elif m.kind == "village":
                key = self.res.village(m.text, last_town or self.ctx.county, ev)
            else:
                region = self.zone_region(m.text)
                key = self.res.zone(m.text, region, ev)
                self.ctx.last["zone"] = self.res.entities[key].label
            at[m.start] = key
        return at

    def zone_region(self, name: str) -> EntityKey | None:
        from .resolve.naming import _region_prefix
        code, _ = _region_prefix(name.removeprefix("湖南省").removeprefix("湖南"), self.ctx)
        return self.res.place_key(code or self.ctx.county or self.ctx.city)

    # ------------------------------------------------------------ institutions
    def name_org(self, text: str):
        return canonical(text, self.ctx, self.res.party_committee, self.known_orgs)

    def register_org(self, on, surface: str, ev, subtype="", explicit=True) -> EntityKey:
        region = self.res.place_key(on.region)
        if not region and on.zone:
            region = EntityKey("zone", contract_zone(on.zone))
        parent = None
        if on.parent:
            parent = self.res.org(on.parent, ev, on.parent, subtype="", explicit=explicit)
        if not region and parent is None and on.name.startswith("中共") is False and explicit is False:
            region = None
        key = self.res.org(on.name, ev, surface, region=region, parent=parent, subtype=subtype, explicit=explicit)
        if on.name not in self.known_orgs:
            self.known_orgs.append(on.name)
        cls = anaphor_class(on.name)
        if cls:
            self.ctx.last[cls] = on.name
        return key

    def read_orgs(self, s: Sentence, tokens, places, ev) -> list[tuple[int, int, EntityKey]]:
        found = []
        by_end: dict[int, str] = {}
        for m in find_orgs(s.text, tokens):
            text = m.text
            if m.parent is not None and m.parent.end in by_end:
                parent_name = by_end[m.parent.end]
                child = text
                on = self.name_org(parent_name)
                name = parent_name[:-2] + child if parent_name.startswith("中共") and parent_name.endswith("委员会") \
                    else parent_name + child
                from .resolve.naming import OrgName
                on = OrgName(name, region=on.region if on else "", parent=parent_name, child=child)
            elif m.text.endswith(("科",)) and not m.anaphor and self.ctx.last.get("院") and m.parent is None \
                    and not self.res.gaz.lookup(m.text[:3]):
                from .resolve.naming import OrgName
                base = self.ctx.last["院"]
                on = OrgName(base + text, parent=base, child=text)
            else:
                on = self.name_org(text)
            if on is None:
                continue
            zone = next((p for p in places if p.kind == "zone" and p.start == m.start and p.end < m.end), None)
            if zone is not None:
                on.zone, on.region = self.res.entities[EntityKey("zone", contract_zone(zone.text))].label, ""
            if on.parent and not on.region:
                parent_info = self.res.entities.get(EntityKey("org", on.parent))
                if parent_info:
                    on.region = parent_info.attrs.get("region_code", "")
            key = self.register_org(on, text, ev, subtype=m.subtype)
            if on.region:
                self.res.entities[key].attrs.setdefault("region_code", on.region)
            by_end[m.end] = on.name
            found.append((m.start, m.end, key))
        return found

    # ------------------------------------------------------------ posts
    def org_before(self, tokens, text, places=()):
        """What is written just before a title: the institution (or place) it belongs to."""
        def before(pos: int) -> tuple[str, int]:
            start, end = _before(pos)
            for m in places:      # never cut a place name in two: 在中|湖村 -> 中湖村
                if m.start < start < m.end:
                    start = m.start
            return text[start:pos], start

        def _before(pos: int) -> tuple[int, int]:
            if pos == 0:
                return pos, pos
            toks = tokenize(text[:pos])    # retokenised: jieba may glue the title to the name (委副|书记)
            if not toks or toks[-1].pos in ("x", "w") or toks[-1].word in STOP_WORDS:
                return pos, pos            # 、|市长: nothing written before the title
            start, _ = expand_left(toks, len(toks) - 1, text[:pos])
            return start, pos
        return before

    def read_posts(self, s: Sentence, tokens, places, ev) -> None:
        text = s.text
        note = AUTHOR_NOTE.search(text)
        if note and note.group(1) == "作者系":
            author = next((n for r, n in self.art.authors if r == "作者"), None)
            body = note.group("body")
            if author:
                btoks = tokenize(body)
                units = author_posts(body, self.org_before(btoks, body))
                self.add_posts(author, units, ev, "author-note", 0.9)
            return
        for post in find_posts(text, self.org_before(tokens, text, places)):
            self.add_posts(post.name, post.units, ev, post.rule, post.confidence)

    def add_posts(self, name: str, units, ev, rule: str, conf: float) -> None:
        prev_org, prev_region = None, ""
        posts = []
        for u in units:
            title = u.title
            core = next((c for c in GOV_HEADS if title.endswith(c)), "")
            org_text = u.org_text.strip("、 ")
            body = next((b for b in PLACE_BODIES if title.startswith(b) and len(title) > len(b)), "")
            if body and org_text and self.is_place_text(org_text):
                org_text, title = org_text + body, title[len(body):]   # 荣桓镇|党委书记 -> 荣桓镇党委|书记
            on = None
            if org_text and org_text.endswith("部") and prev_org is not None and prev_org.name.startswith("中共") \
                    and not self.is_place_text(org_text[:2]) and org_text[0] not in "市县区省":
                from .resolve.naming import OrgName
                base = prev_org.name[:-2] if prev_org.name.endswith("委员会") else prev_org.name
                on = OrgName(base + org_text, region=prev_org.region, parent=prev_org.name, child=org_text)
            elif org_text:
                on = self.name_org(org_text)
            elif core:
                code = prev_region or self.ctx.level_region(GOV_HEADS[core])
                if not code and GOV_HEADS[core] in ("镇", "乡", "街道"):
                    code = self.ctx.last_region.get(GOV_HEADS[core], "")
                if code:
                    from .resolve.naming import OrgName
                    on = OrgName(self.res.gaz.get(code).name + "人民政府", region=code)
            elif prev_org is not None:
                on = prev_org
            else:
                cls = next((c for t, c in TITLE_CLASS.items() if title.endswith(t)), "")
                if cls and self.ctx.last.get(cls):
                    on = self.name_org(self.ctx.last[cls])
            if on is None:
                continue
            explicit = bool(org_text)
            org_key = self.register_org(on, org_text or on.name, ev, explicit=explicit)
            region_code = on.region or self.res.entities[org_key].attrs.get("region_code", "")
            if on.region:
                self.res.entities[org_key].attrs.setdefault("region_code", on.region)
            posts.append((org_key, title, region_code))
            prev_org, prev_region = on, region_code or prev_region
        if not posts:
            return
        city = self.city_of(next((r for _, _, r in posts if r), "")) or self.ctx.city or self.ctx.province
        person = EntityKey("person", name, city)
        self.res.add(person, name, ev)
        self.people[name] = person
        for org_key, title, _ in posts:
            self.res.fact(person, "holds_post", org_key, ev, rule, conf, title=title)

    def is_place_text(self, text: str) -> bool:
        """Is `text` a place: a gazetteer name, a village or community name, or 该镇/该村?"""
        from .extract.regions import VILLAGE_SUFFIXES
        return bool(self.res.gaz.lookup(text)) or (text.endswith(VILLAGE_SUFFIXES + ("镇", "乡")) and 3 <= len(text) <= 14)

    def city_of(self, code: str) -> str:
        if not code:
            return ""
        d = self.res.gaz.get(code)
        if d is None:
            return ""
        if d.level in ("prefecture", "province"):
            return d.code
        return next((a.code for a in self.res.gaz.ancestors(code) if a.level == "prefecture"), "")

    def repeat_names(self, s: Sentence, ev) -> None:
        """A name repeated later in the article without its title is the same person."""
        for name, key in self.people.items():
            if name in s.text and ev not in self.res.entities[key].mentions:
                self.res.entities[key].mentions.append(ev)

    # ------------------------------------------------------------ programs
    def read_programs(self, s: Sentence, tokens, place_at, orgs, ev) -> None:
        for p in find_programs(s.text, tokens):
            key = EntityKey("program", p.name)
            self.res.add(key, p.name, ev, rule=p.rule)
            runner = None
            before = [(start, k) for start, _, k in orgs if start < p.start]
            before += [(start, k) for start, k in place_at.items() if start < p.start and k.kind != "zone" or
                       start < p.start]
            if before:
                runner = max(before, key=lambda x: x[0])[1]
                self.res.fact(key, "run_by", runner, ev, "nearest-agent-before", 0.6)
            else:
                home = self.res.place_key(self.ctx.county or self.ctx.city)
                if home:
                    self.res.fact(key, "run_by", home, ev, "article-home-place", 0.4)

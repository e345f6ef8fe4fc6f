"""Reading posts in the article's context: which institution each title of a chain is
held in, when the text writes it in full (衡东县委), by a level word (县委, 市政府), by a
generic head the article has named before (镇党委, 村委会, 管委会, 合作社) or not at all
(区委副书记、区长: the district's government).

A mixin of ArticleReader: it reads the reader's context (self.ctx), the places named
so far in the sentence (self.here) and before it (self.earlier)."""
from __future__ import annotations

from ..model import EntityKey, Mention
from .career import post_attrs
from .context import Context
from .local import RULES
from .naming import OrgName, canonical, region_prefix

# Bodies written with a bare level word before them (镇党委, 村委会): the place of that level
# the article named last. The value: the levels the word may stand for.
LOCAL_LEVELS = {"镇": ("镇", "乡"), "乡": ("乡", "镇"), "村": ("村",), "社区": ("社区",), "街道": ("街道",)}
# Committees of a village or a community, written without it.
LEVEL_WORDS = ("市", "县", "区", "州", "省")
BODY_ENDS = frozenset("厅局委部办院所处科站队会组司署")   # what a body's name ends in: 公安|厅长 has none
LOCAL_COMMITTEES = {"村委会": "村", "村民委员会": "村", "居委会": "社区", "居民委员会": "社区", "管委会": "zone",
                    "管理委员会": "zone"}


class PostReading:
    last_org: tuple[int, OrgName | None] | None = None   # (sentence, institution) of the last post read

    def read_posts(self, persons: list[Mention], ev) -> None:
        for m in persons:
            if m.rule == "author-note":    # (作者系…): the byline's author holds the posts
                author = next((n for r, n in self.art.authors if r == "作者"), None)
                if author:
                    self.add_posts(author, m.attrs["titles"], ev, m.rule, m.confidence)
            else:           # a person only dismissed holds an ended post, no current one (kg.resolve.career)
                self.add_posts(m.text, m.attrs["titles"], ev, m.rule, m.confidence, m.attrs.get("event", ""))

    def add_posts(self, name: str, titles: tuple[Mention, ...], ev, rule: str, conf: float, event: str = "") -> None:
        prev: OrgName | None = None
        prev_region = ""
        posts = []
        for u in titles:
            title, org_text = u.text, u.attrs["org"].strip("、 ")
            org_text, title = self.place_body(org_text, title, u.start)
            if title.endswith("部长") and org_text.endswith(self.lexicon.sequence(RULES, "department_stems")):
                org_text += "部"                               # 组织部长: 组织部的部长
            kind = self.lexicon.pairs(RULES, "title_bodies").get(title[-2:], "")
            if kind and org_text and org_text[-1] not in BODY_ENDS and not self.place_code(org_text):
                org_text += kind                               # 公安厅长: 公安厅的厅长
            if u.attrs["core"] in self.lexicon.sequence(RULES, "chief_titles"):
                org_text, title = self.chief_post(org_text, title, prev_region, u.start)
            if u.attrs.get("follows") and self.last_org is not None and self.last_org[0] == ev.sentence \
                    and not self.government_head(title):
                on = self.last_org[1]                          # 主任甲,副主任乙: 乙 is in 甲's body
            else:
                on = self.post_org(org_text, title, prev, prev_region, u.start)
            if on is None:
                if org_text:                                   # 我会常务副会长甲,副会长乙: 乙's body is as
                    self.last_org = (ev.sentence, None)        # unknown as 甲's, not the last one named
                continue
            key = self.register_org(on, org_text or on.name, ev, explicit=bool(org_text))
            self.institution_body(on, org_text, title, ev)
            region = on.region or self.res.entities[key].attrs.get("region_code", "")
            posts.append((key, title, region, u.attrs.get("status", "")))
            prev, prev_region = on, region or prev_region
        if prev is not None:
            self.last_org = (ev.sentence, prev)
        if not posts:
            return
        city = self.city_of(next((r for _, _, r, _ in posts if r), "")) or self.ctx.city or self.ctx.province
        person = EntityKey("person", name, city)
        self.res.add(person, name, ev)
        self.mentioned.add((person, ev.sentence))
        self.people[name] = person
        for key, title, _, said in posts:
            self.res.fact(person, "holds_post", key, ev, rule, conf, title=title, **post_attrs(event, said))

    def place_body(self, org_text: str, title: str, at: int) -> tuple[str, str]:
        """A place's party body written into the title goes to the place: 荣桓镇|党委书记 ->
        荣桓镇党委|书记; a bare level word before it is the place of that level named last
        (镇|党委书记 -> 注滋口镇党委|书记, 村|党支部书记 -> 茅坳村党支部|书记)."""
        body = next((b for b in self.lexicon.sequence(RULES, "place_bodies")
                     if title.startswith(b) and len(title) > len(b)), "")
        if not body or not org_text:
            return org_text, title
        if org_text.startswith("该") and org_text[1:] in LOCAL_LEVELS:
            org_text = org_text[1:]                        # 该镇|党委书记: the town named last, as 镇 is
        if org_text in LOCAL_LEVELS:
            place = self.local_place(org_text, at)
            return (place + body if place else ""), (title[len(body):] if place else title)
        if self.is_place_text(org_text) or org_text in LEVEL_WORDS:
            return org_text + body, title[len(body):]     # 市|纪委书记 -> 市纪委|书记
        return org_text, title

    def chief_post(self, org_text: str, title: str, prev_region: str, at: int) -> tuple[str, str]:
        """A river or lake chief (华容河市级河长) is a post of a level's government: the river and
        the level stay in the title; the institution is the place of that level (the chain's, the
        sentence's, the article's)."""
        level_words = self.lexicon.pairs(RULES, "level_words")
        word = next((w for w in level_words if org_text.endswith(w)), "")
        if not word and self.place_code(org_text):
            return org_text, title                             # 华容县|河长: the place is written
        level = level_words.get(word, "")
        code = ""
        if level:
            region = self.res.gaz.get(prev_region) if prev_region else None
            if region is not None and region.name.endswith(level):
                code = prev_region
            code = code or self.sentence_place(level, at) or self.ctx.level_region(level)
        code = code or prev_region
        place = self.res.gaz.get(code).name if code else ""
        return place, org_text + title

    def institution_body(self, on: OrgName, org_text: str, title: str, ev) -> None:
        """市公安局党委书记: the bureau's 党委 is an institution of its own, in the bureau (the post
        stays the bureau's 党委书记). Not for a body written only as 该院党委."""
        body = next((b for b in self.lexicon.sequence(RULES, "institution_bodies") if title.startswith(b)), "")
        if body and org_text and not org_text.startswith("该") and not on.name.startswith("中共") \
                and not on.name.endswith(("人民政府", "委员会", body)):
            self.register_org(OrgName(on.name + body, on.region, parent=on.name), org_text + body, ev)

    def local_place(self, level: str, at: int) -> str:
        """The name of the place of a level word (镇, 村, 社区…) named last before `at`: in this
        sentence, else before it in the article; '' if none."""
        levels = LOCAL_LEVELS.get(level, (level,))
        for start, lvl, name in reversed(self.here):
            if start < at and lvl in levels:
                return name
        return next((self.earlier[lvl] for lvl in levels if lvl in self.earlier), "")

    def post_org(self, org_text: str, title: str, prev: OrgName | None, prev_region: str, at: int) -> OrgName | None:
        """The institution of one post in a chain, from what is written before its title."""
        if prev is not None and prev.name.startswith("中共") and self.party_department(org_text):
            return self.department(prev.name, org_text)        # 区委常委、宣传部部长 / 政法委书记
        heads = self.lexicon.pairs(RULES, "government_heads")
        head = self.government_head(title)
        code = self.place_code(org_text)
        if code:                                               # 衡东县|县长, 衡南县洪山镇|镇长: the place's government
            if title.endswith(("书记", "常委")):
                name, _ = self.res.party_committee(code)
                return OrgName(name, region=code)
            return OrgName(self.res.gaz.get(code).name + "人民政府", region=code)
        if title.endswith("第一书记") and (org_text in ("驻村", "") or org_text.endswith("村") and len(org_text) <= 6):
            village = org_text if org_text.endswith("村") and org_text != "驻村" else self.local_place("村", at)
            if village:                                        # 驻村第一书记: of the village's party branch
                return OrgName(village + "党支部")
        if org_text in LOCAL_COMMITTEES:                       # 村委会主任: the village named last
            place = self.local_place(LOCAL_COMMITTEES[org_text], at)
            return OrgName(place + org_text) if place else None
        if org_text in LOCAL_LEVELS:
            return None                                        # 镇|党委书记 with no town named: nobody can place it
        if org_text:
            if prev_region and org_text[0] in "市县区":       # 湘潭市副市长、市公安局局长: 市 is 湘潭市
                return canonical(org_text, self.context_of(prev_region), self.lexicon, self.res.party_committee,
                                 self.res.known_orgs)
            if prev is not None and prev.name.endswith("人民政府") and prev_region and org_text[-1] in BODY_ENDS \
                    and len(org_text) >= 3 and org_text[0] not in "省州镇乡村" \
                    and not region_prefix(org_text, self.ctx, self.lexicon)[0]:
                place = self.res.gaz.get(prev_region).name       # 湖南省副省长、公安厅长: the province's 公安厅
                return canonical(place + org_text, self.context_of(prev_region), self.lexicon,
                                 self.res.party_committee, self.res.known_orgs)
            return self.name_org(org_text)
        if head:                                               # 区委副书记、区长: the district's government
            level = heads[head]
            code = prev_region or self.sentence_place(level, at)
            if not code and level in LOCAL_LEVELS:             # 镇长: the town named last, listed or not
                town = self.local_place(level, at)
                code = self.place_code(town) if town else ""
                if town and not code:
                    return OrgName(town + "人民政府")
            code = code or self.ctx.level_region(level) or self.ctx.last_region.get(level, "")
            return OrgName(self.res.gaz.get(code).name + "人民政府", region=code) if code else None
        if prev is not None:
            return prev                                        # 党组书记、局长: the same bureau
        cls = next((c for t, c in self.lexicon.pairs(RULES, "title_classes").items() if title.endswith(t)), "")
        return self.name_org(self.ctx.last[cls]) if cls and self.ctx.last.get(cls) else None

    def government_head(self, title: str) -> str:
        """The head of a government a title names (副市长 -> 市长), or ''."""
        return next((c for c in self.lexicon.pairs(RULES, "government_heads") if title.endswith(c)), "")

    def party_department(self, org_text: str) -> bool:
        """A department of a party committee written after it in a chain (宣传部, 政法委, 县委办)."""
        if not org_text or org_text[0] in "市县区省" or self.is_place_text(org_text[:2]):
            return False
        return org_text.endswith(self.lexicon.sequence(RULES, "party_departments"))

    def sentence_place(self, level: str, at: int) -> str:
        """The code of the gazetteer place of a level (市, 县…) named last before `at` in this
        sentence: 耒阳市委副书记、市长饶某,副市长鞠某 -> 耒阳市."""
        for start, lvl, code in reversed(self.here_codes):
            if start < at and lvl == level:
                return code
        return ""

    def place_code(self, text: str) -> str:
        """The code of the place `text` names when it is nothing but places (衡南县洪山镇), else ''."""
        code, rest = "", text
        while rest:
            found, surface = region_prefix(rest, self.ctx, self.lexicon)
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
        return bool(self.res.gaz.lookup(text)) or (text.endswith(self.lexicon.sequence("regions", "village_suffixes")
                                                                 + ("镇", "乡")) and 3 <= len(text) <= 14)

    def city_of(self, code: str) -> str:
        d = self.res.gaz.get(code) if code else None
        if d is None:
            return ""
        if d.level in ("prefecture", "province"):
            return d.code
        return next((a.code for a in self.res.gaz.ancestors(code) if a.level == "prefecture"), "")

"""Mentions of one file into entities and facts, read in each article's context.

Naming rules (the same names then merge across files):
- regions: the gazetteer's full name and code; villages and communities under
  the township or county the article is about;
- party committees: 中共 + place + 委员会 (a district keeps its city: 中共株洲市天元区委员会);
- governments: place + 人民政府;
- a level word opening an institution's name is the article's place of that
  level (市中心医院 in a Zhuzhou article -> 株洲市中心医院);
- departments hang under the institution before them, 该院 or the article's
  last hospital (株洲市中心医院烧伤整形科);
- people are one entity per name and city.
"""
from __future__ import annotations

import re

from ..lexicon.gazetteer import load_gazetteer
from ..lexicon.lexicon import Lexicon
from ..model import EntityInfo, EntityKey, Evidence, Fact

PARTY_COMMITTEE = re.compile(r"^(?:中共)?(?P<place>.*?)(?P<lvl>[省市州县区旗镇乡])?(?:党)?委$")
GOVERNMENT = re.compile(r"^(?P<place>.*?)(?P<lvl>[省市州县区旗镇乡])?(?:人民)?政府$")
RULES = "resolve"     # kg/data/rules/resolve.txt


class KnownNames:
    """The institutions a file has named, to read a shorter name as the fuller one it used
    (住建局 after 株洲经开区住建局; 开福区人民法院 after 长沙市开福区人民法院): every ending of
    every name, to the name that ends so and was named last. Lookups cost one dict access,
    so a file of a million names is read in linear time."""

    MIN_ENDING = 2

    def __init__(self) -> None:
        self.by_ending: dict[str, str] = {}
        self.by_usual: dict[str, str] = {}
        self.aliases: dict[str, str] = {}     # a short name the text gave a body (以下简称“…”) -> its name

    def first_spelling(self, name: str, usual: str) -> str:
        """The name the file first gave the body whose usual form is `usual` (衡阳县卫生健康局
        for 衡阳县卫健局 once it was written so); `name` if this is the first."""
        return self.by_usual.setdefault(usual, name)

    def add(self, name: str) -> None:
        for k in range(1, len(name) - self.MIN_ENDING + 1):
            self.by_ending[name[k:]] = name

    def fuller(self, text: str) -> str:
        """The name named last that ends with `text` and is longer, or ''."""
        return self.by_ending.get(text, "")


def anaphor_class(name: str, lexicon: Lexicon) -> str:
    """The class 该X would refer back to this institution by (院, 局, 公司), or ''."""
    return next((cls for suffix, cls in lexicon.pairs(RULES, "anaphor_classes").items() if name.endswith(suffix)), "")


class FileResolver:
    """Collects the entities and facts of one file."""

    def __init__(self, doc_id: str, lexicon: Lexicon):
        self.doc_id = doc_id
        self.lexicon = lexicon
        self.entities: dict[EntityKey, EntityInfo] = {}
        self.facts: list[Fact] = []
        self.contained: set[tuple[EntityKey, EntityKey]] = set()   # gazetteer part_of facts already stated
        self.chained: set[str] = set()      # regions whose chain of parents is in
        self.known_orgs = KnownNames()      # institutions named so far (住建局 -> 株洲经开区住建局)
        self.gaz = load_gazetteer()

    # ------------------------------------------------------------ entities
    def add(self, key: EntityKey, label: str, ev: Evidence | None, surface: str = "", **attrs) -> EntityKey:
        info = self.entities.get(key)
        if info is None:
            info = self.entities[key] = EntityInfo(key, label)
        if surface and surface != label:
            info.aliases.add(surface)
        for k, v in attrs.items():
            if v not in (None, ""):
                info.attrs.setdefault(k, v)
        if ev is not None:
            info.mentions.append(ev)
        return key

    def fact(self, s: EntityKey, p: str, o, ev: Evidence | None, rule: str, conf: float, **attrs) -> None:
        if s == o or (ev is None and rule != "gazetteer"):
            return
        self.facts.append(Fact(s, p, o, ev, rule, conf, attrs))

    def region(self, code: str, ev: Evidence | None, surface: str = "") -> EntityKey:
        """A gazetteer region and, as background knowledge, its chain of parents."""
        d = self.gaz.get(code)
        key = EntityKey("region", d.name, code)
        self.add(key, d.name, ev, surface, code=code if d.level != "township" else "", level=d.level)
        if code in self.chained:
            return key            # its parents are in already: adding them again changes nothing
        self.chained.add(code)
        child = key
        for a in self.gaz.ancestors(code):
            parent = EntityKey("region", a.name, a.code)
            self.add(parent, a.name, None, code=a.code, level=a.level)
            if (child, parent) not in self.contained:   # background knowledge: once per file, citing no sentence
                self.contained.add((child, parent))
                self.fact(child, "part_of", parent, None, "gazetteer", 1.0)
            child = parent
        return key

    def village(self, name: str, parent_code: str, ev: Evidence, level: str = "village") -> EntityKey:
        """A place below the gazetteer (a village, a community, a town it lacks), under the
        township or county the article is about."""
        parent_key = self.region(parent_code, None) if parent_code else None
        key = EntityKey("region", name, f"{parent_code}/{name}" if parent_code else name)
        self.add(key, name, ev, level=level)
        if parent_key:
            self.fact(key, "part_of", parent_key, ev, f"{level}-under-article-place", 0.7)
        return key

    def world_place(self, name: str, kind: str, country: str, ev: Evidence) -> EntityKey:
        """A country (by its short name: 俄罗斯 for 俄罗斯联邦) or a city outside China, in its country."""
        if kind == "country":
            key = EntityKey("region", country, f"world/{country}")
            self.add(key, country, ev, name, level="country")
            return key
        key = EntityKey("region", name, f"world/{country}/{name}")
        self.add(key, name, ev, level="city")
        parent = EntityKey("region", country, f"world/{country}")
        self.add(parent, country, None, level="country")
        self.fact(key, "part_of", parent, ev, "city-in-country", 0.95)
        return key

    def zone(self, name: str, region: EntityKey | None, ev: Evidence) -> EntityKey:
        canonical = contract_zone(name, self.lexicon)
        key = EntityKey("zone", canonical)
        self.add(key, name, ev, name, level="zone")
        if region:
            self.fact(key, "part_of", region, ev, "zone-name-place", 0.9)
        return key

    def org(self, name: str, ev: Evidence, surface: str, region: EntityKey | None = None,
            parent: EntityKey | None = None, subtype: str = "", explicit: bool = True, rule: str = "") -> EntityKey:
        key = EntityKey("org", name)
        self.add(key, name, ev, surface, subtype=subtype)
        info = self.entities[key]
        info.attrs["explicit"] = info.attrs.get("explicit", False) or explicit
        if region:
            self.fact(key, "located_in", region, ev, rule or "org-name-place", 0.85)
        if parent:
            self.fact(key, "sub_organization_of", parent, ev, "department-of", 0.85)
        return key

    # ------------------------------------------------------------ naming
    def place_key(self, code: str) -> EntityKey | None:
        """The region of a code, described (with its parents) even when the text does not name it."""
        if not code or self.gaz.get(code) is None:
            return None
        return self.region(code, None)

    def party_committee(self, code: str) -> tuple[str, str]:
        """(name, region code) of the party committee of a region."""
        d = self.gaz.get(code)
        if d.level == "township":
            return d.name + "党委", code
        prefix = ""
        if d.level == "county" and d.name.endswith("区"):
            city = self.gaz.get(d.parent)
            prefix = city.name if city and city.level == "prefecture" else ""
        return f"中共{prefix}{d.name}委员会", code


def contract_zone(name: str, lexicon: Lexicon) -> str:
    """One key for the long and short forms of a zone's name (without the home province or 中国)."""
    for long, short in (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区"),
                        ("国家高新区", "高新区"), ("产业园区", "产业园"), ("工业园区", "工业园")):
        name = name.replace(long, short)
    for prefix in lexicon.province_names() + ("中国",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name

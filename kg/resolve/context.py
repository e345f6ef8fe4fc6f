"""What an article is about, so that 市, 区委, 该院 and 市中心医院 can be read.

The home city comes from the paper's name (株洲日报 -> 株洲市) or the city the
article names most (counting its counties); the home county is the county-level
place the article names most inside that city. Level words then resolve:
市 -> the home city, 区/县 -> the home county, 省 -> the home province."""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon.gazetteer import Division, load_gazetteer
from ..lexicon.lexicon import Lexicon
from ..lexicon.terms import data_lines


@dataclass
class Context:
    province: str = ""    # the corpus's home province (Lexicon.province) or the home city's
    city: str = ""        # prefecture code
    county: str = ""      # county-level code
    own_county: bool = False   # the article is the county's own (安化新闻, or 湘乡市 the one place it
    #                            names, its prefecture never): a bare 市 is the county-level city
    # anaphor class (院, 局, 公司, 街道, 镇, zone…) -> canonical name
    last: dict[str, str] = field(default_factory=dict)
    last_region: dict[str, str] = field(default_factory=dict)   # 街道/镇/乡 -> region id

    def div(self, code: str) -> Division | None:
        return load_gazetteer().get(code) if code else None

    def level_region(self, char: str) -> str:
        """The region code a bare level word stands for: 市 -> home city, 区/县 -> home county."""
        if char == "省":
            return self.province
        if char == "市" and self.own_county and self.div(self.county).name.endswith("市"):
            return self.county     # 市委 in 浏阳日报: 浏阳市委
        if char in "市州":
            return self.city
        if char in "区县":
            d = self.div(self.county)
            return self.county if d and d.name.endswith(char) else ""
        return ""


def pick(codes: tuple[str, ...], ctx: Context) -> str:
    """One code among a surface form's candidates, read in the article's context."""
    if len(codes) == 1:
        return codes[0]
    gaz = load_gazetteer()
    for anchor in (ctx.county, ctx.city, ctx.province):
        inside = [c for c in codes if anchor and gaz.is_within(c, anchor)]
        if inside:
            return inside[0]
    return codes[0]   # candidates come highest level first: 长沙 -> 长沙市


def named_place(text: str, lexicon: Lexicon) -> Division | None:
    """The prefecture or county a paper's or a page's name opens with (株洲日报, 安化新闻,
    浏阳市融媒体中心), by its full name or a short form that may stand for it; a paper whose
    name does not (团结报 is 湘西州's) by kg/data/papers.tsv."""
    gaz = lexicon.gazetteer
    known = paper_places().get(text)
    if known:
        return gaz.get(known)
    for n in range(min(len(text), 8), 1, -1):
        found = [d for d in gaz.lookup(text[:n]) if d.level in ("prefecture", "county")
                 and (d.name == text[:n] or lexicon.short_form_ok(d))]
        if found:
            return found[0]
    return None


@functools.cache
def paper_places() -> dict[str, str]:
    return dict(line.split("\t") for line in data_lines("papers.tsv"))


def home_of(place_codes: list[tuple[str, ...]], paper: str, lexicon: Lexicon, page: str = "") -> Context:
    """The article's home city and county from its place mentions, its paper's name (株洲日报,
    安化新闻) and its page's name (县域·炎陵)."""
    gaz = load_gazetteer()
    ctx = Context(province=lexicon.province)
    city_votes: Counter[str] = Counter()
    county_votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    named: set[str] = set()     # places the article names itself (not only as a named place's parent)
    paper_city = paper_county = ""
    home = named_place(paper, lexicon) if paper else None
    if home is not None and home.level == "prefecture":
        paper_city = home.code
    elif home is not None and home.level == "county":
        paper_county = home.code
        paper_city = next((a.code for a in gaz.ancestors(home.code) if a.level == "prefecture"), "")
    page_county = ""
    for part in page.split("·") if page else []:
        place = named_place(part, lexicon)
        if place is not None and place.level == "county":
            page_county = place.code
    for i, codes in enumerate(place_codes):
        code = codes[0] if len(codes) == 1 else ""
        if not code:
            continue
        d = gaz.get(code)
        named.add(code)
        chain = [d] + gaz.ancestors(code)
        for a in chain:
            first_seen.setdefault(a.code, i)
            if a.level == "prefecture":
                city_votes[a.code] += 1
            elif a.level == "county":
                county_votes[a.code] += 1
    if paper_city:
        ctx.city = paper_city
    elif city_votes:
        ctx.city = max(city_votes, key=lambda c: (city_votes[c], -first_seen[c]))
    inside = {c: n for c, n in county_votes.items() if not ctx.city or gaz.is_within(c, ctx.city)}
    if paper_county or page_county and (not ctx.city or gaz.is_within(page_county, ctx.city)):
        ctx.county, ctx.own_county = paper_county or page_county, bool(paper_county)
    elif inside:
        ctx.county = max(inside, key=lambda c: (inside[c], -first_seen[c]))
        ctx.own_county = not paper_city and len(inside) == 1 and ctx.city not in named \
            and gaz.get(ctx.county).name.endswith("市")
        if not ctx.city:
            ctx.city = next((a.code for a in gaz.ancestors(ctx.county) if a.level == "prefecture"), "")
    province = gaz.province_of(ctx.city) if ctx.city else None
    if province:
        ctx.province = province.code
    return ctx

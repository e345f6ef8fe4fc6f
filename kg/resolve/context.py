"""What an article is about, so that 市, 区委, 该院 and 市中心医院 can be read.

The home city comes from the paper's name (株洲日报 -> 株洲市) or the city the
article names most (counting its counties); the home county is the county-level
place the article names most inside that city. Level words then resolve:
市 -> the home city, 区/县 -> the home county, 省 -> the home province."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..lexicon.gazetteer import Division, load_gazetteer

@dataclass
class Context:
    province: str = ""    # the corpus's home province (Lexicon.province) or the home city's
    city: str = ""        # prefecture code
    county: str = ""      # county-level code
    last: dict[str, str] = field(default_factory=dict)   # anaphor class (院, 局, 公司, 街道, 镇, zone…) -> canonical name
    last_region: dict[str, str] = field(default_factory=dict)   # 街道/镇/乡 -> region id

    def div(self, code: str) -> Division | None:
        return load_gazetteer().get(code) if code else None

    def level_region(self, char: str) -> str:
        """The region code a bare level word stands for: 市 -> home city, 区/县 -> home county."""
        if char == "省":
            return self.province
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


def home_of(place_codes: list[tuple[str, ...]], paper: str, province: str) -> Context:
    """The article's home city and county from its place mentions and paper name;
    `province` is the corpus's home province."""
    gaz = load_gazetteer()
    ctx = Context(province=province)
    city_votes: Counter[str] = Counter()
    county_votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    paper_city = ""
    for cand in gaz.lookup(paper[:2]) if paper else []:
        if cand.level == "prefecture":
            paper_city = cand.code
            break
    for i, codes in enumerate(place_codes):
        code = codes[0] if len(codes) == 1 else ""
        if not code:
            continue
        d = gaz.get(code)
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
    if inside:
        ctx.county = max(inside, key=lambda c: (inside[c], -first_seen[c]))
        if not ctx.city:
            ctx.city = next((a.code for a in gaz.ancestors(ctx.county) if a.level == "prefecture"), "")
    province = gaz.province_of(ctx.city) if ctx.city else None
    if province:
        ctx.province = province.code
    return ctx

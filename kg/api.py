"""The library API: news text in, graph out, no files needed.

    >>> import kg
    >>> graph = kg.extract_text("株洲日报讯 荷塘区委副书记、区长罗鹏程邀请企业家共进早餐。")
    >>> kg.posts(graph)
    [('罗鹏程', '副书记', '中共株洲市荷塘区委员会'), ('罗鹏程', '区长', '荷塘区人民政府')]
    >>> kg.to_turtle(graph).startswith("@prefix")
    True

The result is the merged model every export is written from (kg.model.Merged):
entities by key, facts with their evidence, the documents read.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .ingest.dates import DEFAULT_POLICY, meta_date
from .ingest.read import HTML_SUFFIXES, RawText, strip_html
from .lexicon.lexicon import infer_province, load_lexicon, province_code
from .model import Merged
from .pipeline import document, extract
from .resolve.merge import merge


def extract_text(text: str, name: str = "text.txt", province: str | None = None,
                 dates: str = DEFAULT_POLICY) -> Merged:
    """The graph of one text, read as a file called `name` would be (an .html name: as a web page).
    `province`: the home province, a name or a GB/T 2260 code (default: inferred from the text); `dates`: how
    its articles are dated, as `kg build --date-from` (a date in `name` counts as the file name's)."""
    return extract_texts({name: text}, province, dates)


def extract_texts(texts: Mapping[str, str], province: str | None = None, dates: str = DEFAULT_POLICY) -> Merged:
    """The graph of several texts, by file name, merged as `kg build` merges files.
    `province`: the corpus's home province (default: inferred from all the texts); `dates`: as
    extract_text."""
    lexicon = load_lexicon(infer_province(texts[name] for name in sorted(texts)) if province is None
                           else province_code(province))
    results = []
    for name in sorted(texts):
        text, meta = texts[name], None
        if name.lower().endswith(HTML_SUFFIXES):
            text, meta = strip_html(text), meta_date(text)
        sha256 = hashlib.sha256(texts[name].encode("utf-8", "surrogatepass")).hexdigest()
        results.append(extract(document(RawText(name, text, "utf-8", sha256, meta), dates=dates), lexicon))
    return merge(results)


def posts(graph: Merged) -> list[tuple[str, str, str]]:
    """(person, title, institution) of every post held, sorted: as officials.rq, without the posts
    a source ends (免去, 辞去: status ended). Every post, with its status, dates and rank, is a
    holds_post fact of graph.facts."""
    return sorted((f.subject.name, f.title, f.object.name) for f in graph.facts
                  if f.predicate == "holds_post" and f.status != "ended")


def to_turtle(graph: Merged) -> str:
    """The graph in Turtle, as exports/graph.ttl is written."""
    from .export.rdf_files import render
    from .graph.rdf import subjects
    return render(subjects(graph), "ttl")

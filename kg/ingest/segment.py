"""Clean text into articles and sentences.

An article starts at a run of heading/byline lines when the run carries a
byline or an author line, when the body after it opens with a dateline
("株洲日报讯(记者/…)"), when the previous body closed with an author note
("(田育才)", "(作者系…)"), or when the run holds two or more headings. A
single heading inside a story is a sub-heading and stays in it.
"""
from __future__ import annotations

import re

from ..model import Article, Document, Sentence
from .clean import Block, is_terminal
from .masthead import read_masthead
from .patterns import AUTHOR_LINE, AUTHOR_NOTE, TRAILING_AUTHORS, byline_people, dateline, is_byline_line, source_named

SENTENCE_END = re.compile(r"[。!?!?]+[”’」』)]*|……[”’]?(?=[^,、:”’])|\n")
MAX_SENTENCE = 400      # very long runs without punctuation are cut here (tables, lists, one-line files)
SOURCE_LINE_MAX = 80    # characters of a line that may be a portal's source line
TWO_PART = re.compile(r"[\u4e00-\u9fff”》] +[\u4e00-\u9fff“《]")   # "新晃政务服务中心 持续推进…": a front-page headline


def kind_of(text: str, name_score) -> str:
    if is_byline_line(text):
        return "byline"
    if AUTHOR_LINE.match(text) and all(name_score(n) >= 0.3 for n in text.split()):
        return "author"
    if dateline(text):
        return "body"
    if len(text) <= 40 and not is_terminal(text):
        return "heading"
    return "body"


def segment(doc: Document, blocks: list[Block], name_score=lambda s: 0.0) -> None:
    """Fill doc.articles with articles and their sentences."""
    text = doc.text
    masthead = read_masthead([text[b.start:b.end] for b in blocks[:4]])
    doc.paper, doc.section = masthead.paper, masthead.section
    kinds = ["masthead"] * masthead.lines + [kind_of(text[b.start:b.end], name_score) for b in blocks[masthead.lines:]]
    articles: list[Article] = []
    current: Article | None = None
    run: list[int] = []           # indices of the heading/byline blocks waiting for a body
    closed = True                 # did the previous body end with an author note?

    def open_article(first_block: int) -> Article:
        art = Article(index=len(articles), start=blocks[first_block].start, end=blocks[first_block].end)
        articles.append(art)
        return art

    for i, b in enumerate(blocks):
        t = text[b.start:b.end]
        if kinds[i] == "masthead":
            continue
        if b.displaced:
            if current is not None and not current.headline and kinds[i] == "heading":
                current.headline = t
            continue
        if kinds[i] != "body":
            run.append(i)
            continue
        opens = dateline(t)
        run_kinds = [kinds[j] for j in run]
        starts = (current is None or opens is not None or closed
                  or any(k in ("byline", "author") for k in run_kinds)
                  or run_kinds.count("heading") >= 2
                  or any(TWO_PART.search(text[blocks[j].start:blocks[j].end]) for j in run))
        if starts and (run or opens or current is None):
            current = open_article(run[0] if run else i)
            for j in run:
                tj = text[blocks[j].start:blocks[j].end]
                if source_named(tj):
                    current.source = current.source or source_named(tj)   # 来源:… is no headline
                elif kinds[j] == "heading" and len(tj) > len(current.headline) and not tj.startswith("——"):
                    current.headline = current.headline or tj
                elif kinds[j] == "byline":
                    current.authors += byline_people(tj)
                elif kinds[j] == "author":
                    current.authors += [("作者", n) for n in tj.split()]
        if opens:
            paper, people, _ = opens
            current.source = current.source or paper
            current.authors += people
        if not current.source and len(t) <= SOURCE_LINE_MAX:
            current.source = source_named(t)          # a portal's 来源:衡阳县融媒体中心
        m = TRAILING_AUTHORS.search(t)
        if m and not AUTHOR_NOTE.search(t):
            current.authors += [("作者", n) for n in m.group("names").split() if name_score(n) >= 0.3]
        closed = bool(m) or bool(AUTHOR_NOTE.search(t))
        run = []
        current.end = b.end
    # Trailing headings/bylines with no body after them belong to the last article.
    if current is None and blocks:
        current = open_article(0)
    if current is not None and run:
        current.end = blocks[run[-1]].end
    for art in articles:
        art.source = art.source or doc.paper
    doc.articles = articles
    _split_sentences(doc, blocks)


def _split_sentences(doc: Document, blocks: list[Block]) -> None:
    text, arts, n, k = doc.text, doc.articles, 0, 0
    for b in blocks:
        while k + 1 < len(arts) and b.start >= arts[k + 1].start:
            k += 1
        if not arts:
            break
        heading = not is_terminal(text[b.start:b.end]) and b.end - b.start <= 40
        for s, e in sentence_spans(text, b.start, b.end):
            arts[k].sentences.append(Sentence(n, s, e, text[s:e], is_heading=heading))
            n += 1


def sentence_spans(text: str, start: int, end: int):
    """Sentence boundaries inside [start, end); whitespace trimmed; very long runs cut."""
    s = start
    for m in SENTENCE_END.finditer(text, start, end):
        yield from _trimmed(text, s, m.end())
        s = m.end()
    yield from _trimmed(text, s, end)


def _trimmed(text, s, e):
    while s < e and text[s] in " \n":
        s += 1
    while e > s and text[e - 1] in " \n":
        e -= 1
    while e - s > MAX_SENTENCE:
        cut = s + MAX_SENTENCE
        soft = max(text.rfind(c, s + MAX_SENTENCE // 2, cut) for c in ",;、 ")
        cut = soft + 1 if soft > 0 else cut
        yield s, cut
        s = cut
    if e > s:
        yield s, e

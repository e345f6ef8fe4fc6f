"""Extraction is linear in the length of one article: eight times the text takes eight
times the steps, not more. Counted, not timed (the times are benchmarks/linear_scale.py's):
the lines the extraction and resolution code executes, with the dataclass methods they
call (a list scanned with `in` runs Evidence.__eq__ once per item)."""
from __future__ import annotations

import os
import sys

from conftest import ROOT

from kg.lexicon.lexicon import load_lexicon
from kg.ner import recognise
from kg.pipeline import extract_file

POST = "株洲市委书记张三说。"
WATCHED = tuple(os.path.join(ROOT, "kg", part) + os.sep for part in ("extract", "resolve", "ner"))


def steps(work) -> int:
    """Line events in kg's extraction and resolution code (and dataclass-made methods) while work() runs."""
    count = 0

    def in_frame(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return in_frame

    def on_call(frame, event, arg):
        name = frame.f_code.co_filename
        return in_frame if name == "<string>" or name.startswith(WATCHED) else None

    sys.settrace(on_call)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def growth(run, tmp_path) -> float:
    """Steps for 400 repeats of one post on one line over steps for 50."""
    counts = []
    for n in (50, 400):
        path = tmp_path / f"post-{n}.txt"
        path.write_text(POST * n, encoding="utf-8")
        run(str(path), POST * n)
        counts.append(steps(lambda: run(str(path), POST * n)))
    return counts[1] / counts[0]


def test_kg_ner_on_a_long_line_is_linear(tmp_path):
    hunan = load_lexicon("430000")
    assert growth(lambda path, text: recognise(text, hunan), tmp_path) < 8 * 1.1      # was 21


def test_a_long_one_line_article_is_extracted_in_linear_steps(tmp_path):
    assert growth(lambda path, text: extract_file(path), tmp_path) < 8 * 1.1   # was 10.3

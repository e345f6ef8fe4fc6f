"""Property-based: arbitrary text and bytes never crash `kg build`, and the
Turtle it writes reads the same in rdflib and pyoxigraph."""
from __future__ import annotations

import os
import tempfile
import warnings

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_output_safety import oxigraph_terms, rdflib_terms

from kg.build import BuildError, build
from kg.export.turtle import escape_literal
from kg.graph.iri import BASE, segment
from kg.ingest.clean import clean, fold
from kg.ingest.read import InputError, decode

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None)
NEWS = ["株洲市人民政府副市长李明出席会议。", "株洲市荷塘区委副书记、区长罗鹏程要求实施“{x}”行动。",
        "湖南日报讯(记者/张三)", "衡东县{x}人民政府", "推进“五个100”项目,", "\n\n", "“{x}”工程"]


@st.composite
def news_like(draw) -> str:
    """Real sentence shapes with arbitrary text spliced in, so recognisers fire on odd names."""
    parts = draw(st.lists(st.tuples(st.sampled_from(NEWS), st.text(ANY_CHAR, max_size=12)), min_size=1, max_size=8))
    return "".join(template.replace("{x}", junk) + draw(st.text(ANY_CHAR, max_size=6)) for template, junk in parts)


def build_text(data: bytes, name: str = "news.txt"):
    """kg build on one file holding `data`; returns (report or None, output folder's Turtle or None)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as fh:
            fh.write(data)
        messages = []
        try:
            report = build([path], os.path.join(folder, "out"), cache=False, warn=messages.append)
        except BuildError as exc:
            assert "\n" not in str(exc) and str(exc).startswith("none of the 1 input files could be read")
            assert len(messages) == 1 and messages[0].startswith(path + ": ")
            return None, None
        with open(os.path.join(folder, "out", "graph.ttl"), encoding="utf-8") as fh:
            return report, fh.read()


def assert_parses_alike(turtle: str) -> None:
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert rdflib_terms(graph) == oxigraph_terms(store)


@SETTINGS
@given(news_like())
def test_arbitrary_text_in_news_never_crashes_and_gives_turtle_both_parsers_agree_on(text):
    report, turtle = build_text(text.encode("utf-8", "surrogatepass"))
    if turtle is not None:
        assert report.files == 1
        assert_parses_alike(turtle)


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html"]))
def test_arbitrary_bytes_are_built_or_skipped_with_one_warning(data, name):
    report, turtle = build_text(data, name)
    if turtle is not None:
        assert_parses_alike(turtle)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_only_ever_refuses_with_an_input_error(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            text, _ = decode(data)
        except InputError:
            return
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@SETTINGS
@given(st.text(ANY_CHAR, max_size=60))
def test_any_literal_and_any_iri_segment_round_trip_through_both_parsers(text):
    iri = f"{BASE}x/{segment(text)}"
    turtle = f'<{iri}> <{BASE}p> "{escape_literal(text)}"@zh .\n'
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    [(s, _, o)] = list(graph)
    assert (str(s), str(o)) == (iri, expected)
    store = pyoxigraph.Store()
    store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    [quad] = list(store)
    assert (quad.subject.value, quad.object.value) == (iri, expected)


@SETTINGS
@given(st.text(ANY_CHAR, max_size=300))
def test_cleaning_folds_one_character_for_one_and_maps_back_to_the_original(raw):
    text, offsets, _ = clean(raw)
    covered = set()
    for c, o, n in offsets.runs:
        assert text[c:c + n] == fold(raw[o:o + n])
        covered.update(range(c, c + n))
    assert all(text[i] == "\n" for i in range(len(text)) if i not in covered)   # only the joins are new
    assert fold(text) == text

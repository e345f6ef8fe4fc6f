"""Reading, cleaning and segmenting real pages."""
import os

import rjieba
from conftest import SEEDS

from kg.ingest.clean import clean
from kg.pipeline import load_document


def seed(name: str) -> str:
    return os.path.join(SEEDS, name)


def test_layout_break_inside_a_sentence_is_joined():
    # (seed) "加快\n\n省“五个100”…" is one sentence
    raw = ("三是推动项目建设提速。全面建设产业园区,完善配套设施,提升承载能力,强化要素保障,加快\n\n"
           "省“五个100”、市“五个一批”项目建设进度。")
    text, offsets, blocks = clean(raw, rjieba.has_word)
    assert "加快省“五个100”" in text and len(blocks) == 1
    # offsets lead back to the original characters
    i = text.index("省“五个100”")
    assert raw[offsets.to_original(i)] == "省"


def test_heading_dropped_into_a_sentence_is_moved_out():
    # (seed) a headline printed in the middle of a sentence
    raw = ("株洲金佰利硬质合金有限公司总经理聊林表示,非常期待荷塘区的先进硬质材料产\n\n"
           "让硬质合金“硬”起来\n\n荷塘区召开第二次政企早餐会\n\n园建设能为企业在制造成本等方面缓解压力。")
    text, offsets, blocks = clean(raw, rjieba.has_word)
    first = text[blocks[0].start:blocks[0].end]
    assert first.endswith("先进硬质材料产园建设能为企业在制造成本等方面缓解压力。")
    assert [b.displaced for b in blocks] == [False, True, True]


def test_full_width_letters_and_digits_are_folded_one_for_one():
    raw = "ＡＥＯ认证后,查验率从２%降低到0.4%。"
    text, offsets, _ = clean(raw)
    assert text.startswith("AEO认证后") and "从2%" in text and len(text) == len(raw)


def test_articles_bylines_and_sentences_of_a_seed_page():
    doc = load_document(seed("001_344709538c4b7dd9.txt"))
    assert len(doc.articles) >= 8
    first = doc.articles[0]
    assert first.headline == "天元区:在职党员进小区 为民服务零距离"
    assert ("记者", "谭昕吾") in first.authors and ("通讯员", "龚旭华") in first.authors
    papers = {a.source for a in doc.articles}
    assert "株洲日报" in papers


def test_every_sentence_maps_back_to_its_original_span():
    path = seed("000_a5dca6b9a13f68bf.txt")
    original = open(path, encoding="utf-8").read()
    doc = load_document(path)
    sentences = [s for a in doc.articles for s in a.sentences]
    assert len(sentences) > 100
    for s in sentences:
        start, end = doc.offsets.span(s.start, s.end)
        assert original[start] == s.text[0] and original[end - 1] == s.text[-1]

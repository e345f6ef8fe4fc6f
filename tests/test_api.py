"""The library API: strings in, graph out (kg.extract_text, extract_texts, posts, to_turtle)."""
import rdflib

import kg


def test_extract_text_gives_the_posts_of_a_sentence():
    graph = kg.extract_text("益阳日报讯 赫山区召开会议。区委书记周立新、区长钟晓明出席。")
    assert kg.posts(graph) == [("周立新", "书记", "中共益阳市赫山区委员会"), ("钟晓明", "区长", "赫山区人民政府")]


def test_to_turtle_is_the_graph_rdflib_reads():
    graph = kg.extract_text("益阳日报讯 赫山区召开会议。区委书记周立新出席。", name="page.txt")
    g = rdflib.Graph().parse(data=kg.to_turtle(graph), format="turtle")
    labels = {str(o) for o in g.objects(predicate=rdflib.RDFS.label)}
    assert {"周立新", "中共益阳市赫山区委员会"} <= labels
    assert str(g.value(rdflib.URIRef("https://w3id.org/hunan-kg/doc/page"), rdflib.URIRef("https://schema.org/name"))) \
        == "page.txt"


def test_extract_texts_merges_documents_as_a_build_does():
    graph = kg.extract_texts({"b.txt": "赫山区区长钟晓明说。", "a.txt": "益阳日报讯 赫山区区长钟晓明出席。"})
    assert [d.name for d in graph.documents] == ["a.txt", "b.txt"]
    (person,) = [info for key, info in graph.entities.items() if key.kind == "person"]
    assert len(person.mentions) == 2


def test_an_html_name_reads_the_text_as_a_web_page():
    graph = kg.extract_text("<html><body><p>赫山区区长钟晓明出席。</p></body></html>", name="page.html")
    assert kg.posts(graph) == [("钟晓明", "区长", "赫山区人民政府")]


def test_the_home_province_decides_what_a_county_short_form_means():
    # 天元 alone is Zhuzhou's 天元区 only when the corpus is read as Hunan's
    hunan = kg.extract_text("天元召开大会。", province="430000")
    elsewhere = kg.extract_text("天元召开大会。", province="440000")
    assert "天元区" in {info.label for info in hunan.entities.values()}
    assert "天元区" not in {info.label for info in elsewhere.entities.values()}


def test_the_modules_example_runs_as_written():
    import doctest

    import kg.api
    result = doctest.testmod(kg.api)
    assert result.attempted >= 2 and result.failed == 0


def test_a_province_is_given_by_its_name_short_name_or_code():
    for given in ("湖南", "湖南省", "430000"):
        graph = kg.extract_text("天元召开大会。", province=given)
        assert "天元区" in {info.label for info in graph.entities.values()}, given


def test_an_unknown_province_is_one_line_naming_it(tmp_path, capsys):
    from kg.cli import main
    page = tmp_path / "page.txt"
    page.write_text("株洲日报讯 天元区区长钟晓明出席。", encoding="utf-8")
    assert main(["build", str(page), "--out", str(tmp_path / "out"), "--province", "湖南", "--no-cache"]) == 0
    assert "home province: 湖南省 (430000)" in capsys.readouterr().out
    for command in (["build", str(page), "--out", str(tmp_path / "out2")], ["ner", "--text", "天元召开大会。"]):
        assert main([*command, "--province", "火星"]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "unknown province '火星'" in err[0], err
    assert not (tmp_path / "out2").exists()


def test_a_lone_surrogate_in_the_text_is_read_not_fatal():
    # a str from a decoder with errors="surrogateescape" may hold one; no UTF-8 can
    m = kg.extract_text("株洲日报讯 株洲市副市长李建国说\udcff,要抓好产业。")
    assert kg.posts(m) == [("李建国", "副市长", "株洲市人民政府")]
    assert "李建国" in kg.to_turtle(m)

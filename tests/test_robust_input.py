"""Messy input: every encoding we promise, HTML, files that cannot be read,
damaged files, huge one-line files, bad paths. Real files made in the test."""
from __future__ import annotations

import codecs
import os
import subprocess
import sys
import warnings

import pytest
import rdflib
from conftest import ROOT, SEEDS

from kg.build import BuildError, build
from kg.cli import main
from kg.ingest.clean import FOLD, fold
from kg.ingest.read import InputError, InputWarning, decode, read_file, strip_html
from kg.ingest.segment import MAX_SENTENCE
from kg.pipeline import load_document

SEED = os.path.join(SEEDS, "001_344709538c4b7dd9.txt")
SEED_TEXT = open(SEED, encoding="utf-8").read()
SIMPLIFIED = "株洲市荷塘区委副书记、区长罗鹏程在会上讲话,要求各级干部为群众办实事。"
TRADITIONAL = "株洲市荷塘區委副書記、區長羅鵬程在會上講話,要求各級幹部為群眾辦實事。"
OFFICIALS = open(os.path.join(ROOT, "ontology", "queries", "officials.rq"), encoding="utf-8").read()


def run_kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd or ROOT)


# The bad paths of the last tests below: (input paths in the case's folder t, the last line on stderr) ...
BAD_INPUTS = [
    (lambda t: [str(t / "nope")], "kg build: {t}/nope: no such file or folder"),
    (lambda t: [SEED, str(t / "nope.txt")], "kg build: {t}/nope.txt: no such file or folder"),
    (lambda t: [str(t / "empty-folder")], "kg build: no input files (*.txt, *.html) in {t}/empty-folder"),
    (lambda t: [str(t / "in" / "empty.txt")], "kg build: none of the 1 input files could be read"),
]
# ... and (--out, the start of the one line on stderr).
BAD_OUTS = [
    ("{t}/file", "cannot create output folder {t}/file: File exists"),
    ("{t}/file/sub", "cannot create output folder {t}/file/sub: Not a directory"),
    ("/proc/kg-out", "cannot create output folder /proc/kg-out: "),
]


@pytest.fixture(scope="module", autouse=True)
def bad_path_builds(tmp_path_factory):
    """`kg build` on each bad path, a real process each, all started with this module's first test
    so that they run beside the tests before theirs; by case: (the case's folder t, the process)."""
    def start(*args) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)

    runs = {}
    for make_args, _ in BAD_INPUTS:
        t = tmp_path_factory.mktemp("bad-input")
        (t / "empty-folder").mkdir()
        (t / "in").mkdir()
        (t / "in" / "empty.txt").write_bytes(b"")
        runs[make_args] = t, start(*make_args(t), "--out", str(t / "out"))
    for out, _ in BAD_OUTS:
        t = tmp_path_factory.mktemp("bad-out")
        (t / "file").write_text("x")
        runs[out] = t, start(SEED, "--out", out.format(t=t))
    yield runs
    for _, proc in runs.values():
        if proc.returncode is None:          # its test did not run
            proc.kill()
            proc.communicate()


def officials(out) -> set[tuple[str, ...]]:
    graph = rdflib.Graph().parse(os.path.join(out, "graph.ttl"), format="turtle")
    return {(str(r.person), str(r.title), str(r.org), str(r.region)) for r in graph.query(OFFICIALS)}


def to_big5(text: str) -> str:
    """A traditional-character copy of simplified text, as a Big5 page would carry it."""
    variants: dict[str, list[str]] = {}
    for code, simple in sorted(FOLD.items()):
        if code >= 0x2E80:
            variants.setdefault(simple, []).append(chr(code))

    def trad(ch: str) -> str:
        for t in variants.get(ch, []) + [ch, "著" if ch == "着" else "?"]:
            try:
                t.encode("big5")
                return t
            except UnicodeEncodeError:
                pass
        return "?"
    return "".join(trad(ch) for ch in text)


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize("data, encoding", [
    (SEED_TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
    (SEED_TEXT.encode("utf-16"), "utf-16"),                              # with BOM, native order
    (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16"),
    (SEED_TEXT.encode("utf-16-le"), "utf-16-le"),                        # no BOM: told by the NUL pattern
    (SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
    (SEED_TEXT.encode("gb18030"), "gb18030"),
    (SEED_TEXT.encode("gbk"), "gb18030"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "gb18030", "gbk"])
def test_each_encoding_reads_as_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    raw = read_file(str(path))
    assert (raw.text, raw.encoding) == (SEED_TEXT, encoding)


def test_gb2312_and_big5_are_told_apart_even_on_short_texts(tmp_path):
    for n in (4, 8, 20, 60, len(SIMPLIFIED)):
        assert decode(SIMPLIFIED[:n].encode("gb2312")) == (SIMPLIFIED[:n], "gb18030")
        assert decode(TRADITIONAL[:n].encode("big5")) == (TRADITIONAL[:n], "big5")
    big5_seed = to_big5(SEED_TEXT)
    assert decode(big5_seed.encode("big5")) == (big5_seed, "big5")


def test_utf16_without_bom_or_ascii_has_no_nul_bytes_and_is_read_too():
    text = SIMPLIFIED.replace(",", "，")                 # not one ASCII character
    for n in (6, 20, len(text)):
        for name in ("utf-16-le", "utf-16-be"):
            data = text[:n].encode(name)
            assert b"\x00" not in data
            assert decode(data) == (text[:n], name)


def test_text_in_an_encoding_we_do_not_read_is_skipped_with_its_reason():
    with pytest.raises(InputError, match="not text in UTF-8, UTF-16, GB18030, GBK, GB2312 or Big5"):
        decode("Привет, мир! Ещё раз: съешь же ещё этих мягких французских булок.".encode("koi8-r") * 20)


def test_traditional_text_is_matched_as_simplified_and_offsets_stay_in_the_original(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    doc = load_document(str(path))
    assert doc.encoding == "big5"
    assert doc.text == fold(TRADITIONAL) and "荷塘区委副书记、区长罗鹏程" in doc.text
    sentence = doc.articles[0].sentences[0]
    start, end = doc.offsets.span(sentence.start, sentence.end)
    assert TRADITIONAL[start:end] == TRADITIONAL          # provenance: the characters of the file as written
    out = tmp_path / "out"
    build([str(path)], str(out), cache=False, formats=["ttl"])
    people = {row[0] for row in officials(out)}
    assert "罗鹏程" in people


def test_simplified_text_is_not_changed_by_the_traditional_fold():
    # characters that are traditional in one word and simplified in another stay as written
    text = "乾坤 著名 瞭望 覆盖 藉口 于是 余额 发展 台湾 后来 周末 里面 只有"
    assert fold(text) == text
    seeds = "".join(open(os.path.join(SEEDS, f), encoding="utf-8").read() for f in sorted(os.listdir(SEEDS)))
    changed = {c for c in seeds if fold(c) != c}
    # 元帥故里, 此话不虛: typos in the seed pages
    assert changed - {chr(c) for c in range(0xFF01, 0xFF5F)} - {"\u3000", "\t", "\xa0"} == {"帥", "虛"}


def test_gb18030_copy_of_a_seed_gives_the_same_officials_as_the_utf8_original(tmp_path):
    (tmp_path / "gb").mkdir()
    (tmp_path / "gb" / os.path.basename(SEED)).write_bytes(SEED_TEXT.encode("gb18030"))
    build([SEED], str(tmp_path / "a"), cache=False, formats=["ttl"])
    build([str(tmp_path / "gb")], str(tmp_path / "b"), cache=False, formats=["ttl"])
    original = officials(tmp_path / "a")
    assert len({r[0] for r in original}) >= 5
    assert officials(tmp_path / "b") == original


def test_big5_traditional_copy_of_a_seed_gives_the_same_officials(tmp_path):
    (tmp_path / "big5").mkdir()
    (tmp_path / "big5" / os.path.basename(SEED)).write_bytes(to_big5(SEED_TEXT).encode("big5"))
    build([SEED], str(tmp_path / "a"), cache=False, formats=["ttl"])
    build([str(tmp_path / "big5")], str(tmp_path / "b"), cache=False, formats=["ttl"])
    assert officials(tmp_path / "b") == officials(tmp_path / "a")


# ------------------------------------------------------------------ HTML

def test_html_page_in_gbk_has_tags_scripts_and_entities_handled(tmp_path):
    page = ("<!DOCTYPE html><html><head><meta http-equiv=Content-Type content='text/html; charset=gbk'>"
            "<title>荷塘新闻</title><style>p>b{color:red}</style><script>var s = '<p>株洲市市长李四</p>';</script>"
            "</head><body><!-- 广告 <p>不是新闻</p> --><div class=\"x\"><p>" + SIMPLIFIED.replace("、", "&#12289;") +
            "</p><p>“五个100”&amp;项目 a &lt; b</p></div></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    raw = read_file(str(path))
    assert raw.encoding == "gb18030+html"
    assert SIMPLIFIED in raw.text and "“五个100”&项目 a < b" in raw.text
    for junk in ("<", "var s", "李四", "color", "广告", "不是新闻", "DOCTYPE"):
        assert junk not in raw.text.replace("a < b", "")
    out = tmp_path / "out"
    build([str(path)], str(out), cache=False, formats=["ttl"])
    assert ("罗鹏程", "区长") in {row[:2] for row in officials(out)}


def test_html_that_declares_the_wrong_charset_is_detected_instead(tmp_path):
    path = tmp_path / "lies.html"
    path.write_bytes(b"<meta charset=gb2312><p>" + TRADITIONAL.encode("big5") + b"</p>")
    assert read_file(str(path)).text.strip() == TRADITIONAL


def test_broken_markup_is_stripped_in_linear_time():
    # each unclosed '<', comment or script must not rescan the rest of the text
    assert strip_html("<" * 200_000 + "株洲") == "<" * 200_000 + "株洲"
    assert strip_html("<p class='x' " * 100_000 + ">株洲") == "<p class='x' " * 99_999 + "\n株洲"
    assert strip_html("株洲<script>" * 50_000) == "株洲"
    assert strip_html("株洲<!-- never closed " + "x" * 100_000) == "株洲"


# ------------------------------------------------------------------ files that cannot be used

def make_messy_folder(folder) -> dict[str, str]:
    """Bad files next to two good ones; returns file name -> expected reason."""
    folder.mkdir()
    (folder / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "good-gbk.txt").write_bytes(SEED_TEXT.encode("gbk"))
    bad = {}
    (folder / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty file"
    (folder / "blank.txt").write_bytes(b" \r\n\t\n")
    bad["blank.txt"] = "empty file"
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + os.urandom(3000))
    bad["scan.txt"] = "binary file, not text"
    (folder / "photo.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    bad["photo.htm"] = "binary file, not text"
    noise = bytes(b for b in os.urandom(20000) if b not in (0, 9, 10, 13, 32))
    (folder / "noise.txt").write_bytes(noise)
    bad["noise.txt"] = "not text in UTF-8"
    (folder / "zeros.txt").write_bytes(os.urandom(5000).replace(b"\x00", b"") + b"\x00" * 100 + os.urandom(100))
    bad["zeros.txt"] = "binary file, not text"
    (folder / "latin1.txt").write_bytes("Café crème, déjà vu, naïve façade — à bientôt.".encode("cp1252") * 50)
    bad["latin1.txt"] = "not text in UTF-8"
    os.symlink(str(folder / "gone.txt"), folder / "dangling.txt")
    bad["dangling.txt"] = "cannot read: No such file or directory"
    os.mkfifo(folder / "pipe.txt")
    bad["pipe.txt"] = "not a regular file"
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")   # not a news file suffix: not even looked at
    return bad


def test_unusable_files_are_skipped_with_one_warning_each_and_the_build_goes_on(tmp_path):
    bad = make_messy_folder(tmp_path / "in")
    result = run_kg("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad) and "Traceback" not in result.stderr
    for name, reason in bad.items():
        line = next(ln for ln in lines if os.path.join(str(tmp_path / "in"), name) + ":" in ln)
        assert line.startswith("warning: ") and reason in line
    assert f"files read: 2 (0 from cache), skipped: {len(bad)}" in result.stdout
    assert f"warnings: {len(bad)}" in result.stdout
    assert ("罗鹏程", "区长") in {row[:2] for row in officials(tmp_path / "out")}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_skipped(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text(SIMPLIFIED, encoding="utf-8")
    locked.chmod(0)
    report = build([str(tmp_path / "in")], str(tmp_path / "out"), cache=False, warn=lambda m: None)
    assert report.skipped == [f"{locked}: cannot read: Permission denied"]


def test_strict_refuses_to_write_and_exits_1_leaving_previous_exports(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "--strict", "-q"]) == 0
    before = {p: (out / p).read_bytes() for p in ("graph.ttl", "graph.html")}
    (tmp_path / "in" / "more.txt").write_text("株洲市人民政府市长王五出席。", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = run_kg("build", str(tmp_path / "in"), "--out", str(out), "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path / 'in' / 'empty.txt'}: empty file",
        "kg build: --strict: 1 warnings (1 files or folders skipped); no exports written"]
    assert {p: (out / p).read_bytes() for p in before} == before
    # without --strict the same input builds
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q"]) == 0
    assert (out / "graph.ttl").read_bytes() != before["graph.ttl"]


# ------------------------------------------------------------------ damaged files

def test_a_truncated_file_is_read_up_to_the_cut_with_a_warning(tmp_path):
    data = SIMPLIFIED.encode("utf-8")                   # ends with "。", three bytes
    path = tmp_path / "cut.txt"
    for cut in (1, 2):
        path.write_bytes(data[:-cut])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            raw = read_file(str(path))
        assert raw.text == SIMPLIFIED[:-1]
        assert [str(w.message) for w in caught if w.category is InputWarning] == [
            f"ends in the middle of a utf-8 character (truncated?): last {3 - cut} bytes dropped"]
    gb = SEED_TEXT.encode("gb18030")[:-1]
    path.write_bytes(gb)
    with pytest.warns(InputWarning, match="gb18030 character"):
        assert read_file(str(path)).text == SEED_TEXT[:-1]
    report = build([str(path)], str(tmp_path / "out"), cache=False, formats=["ttl"], warn=lambda m: None)
    assert report.files == 1 and report.warnings == [f"{path}: ends in the middle of a gb18030 character "
                                                     "(truncated?): last 1 bytes dropped"]
    with pytest.raises(BuildError, match="--strict: 1 warnings"):
        build([str(path)], str(tmp_path / "out"), cache=False, strict=True, warn=lambda m: None)


def test_a_few_invalid_bytes_in_utf8_are_replaced_and_reported(tmp_path):
    data = SEED_TEXT.encode("utf-8")
    a, b = len(SEED_TEXT[:1000].encode()), len(SEED_TEXT[:3000].encode())
    damaged = data[:a] + b"\xff\xfe" + data[a:b] + b"\xed\xa0\x80" + data[b:]   # junk, an encoded surrogate
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    with pytest.warns(InputWarning, match=r"\d invalid utf-8 byte sequences replaced by U\+FFFD"):
        raw = read_file(str(path))
    assert raw.encoding == "utf-8" and "\ufffd" in raw.text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in raw.text)
    assert raw.text.replace("\ufffd", "") == SEED_TEXT


# ------------------------------------------------------------------ huge files

def test_a_20_mb_single_line_is_split_into_bounded_sentences_that_map_back(tmp_path):
    flat = SEED_TEXT.replace("\n", " ")
    filler = "0123456789" * 1000 + ",株洲市荷塘区" + "甲乙丙丁" * 2000        # long runs without a full stop
    line = (flat + filler) * (20_000_000 // len((flat + filler).encode("utf-8")) + 1)
    path = tmp_path / "one-line.txt"
    path.write_bytes(line.encode("utf-8"))
    assert path.stat().st_size >= 20_000_000 and b"\n" not in path.read_bytes()
    doc = load_document(str(path))
    sentences = [s for a in doc.articles for s in a.sentences]
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert len(sentences) > 20_000_000 // 3 // MAX_SENTENCE
    for s in sentences[:: len(sentences) // 500]:
        start, end = doc.offsets.span(s.start, s.end)
        assert fold(line[start:end]) == s.text


def test_a_one_line_page_builds_the_same_kind_of_graph(tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text(SEED_TEXT.replace("\n", " ") * 3, encoding="utf-8")
    report = build([str(path)], str(tmp_path / "out"), cache=False, formats=["ttl"])
    assert report.files == 1 and report.posts >= 5 and report.sentences > 3 * 100


# ------------------------------------------------------------------ bad paths

@pytest.mark.parametrize("make_args, message", BAD_INPUTS)
def test_bad_inputs_give_one_line_and_exit_1(bad_path_builds, make_args, message):
    t, proc = bad_path_builds[make_args]          # started with the module (bad_path_builds)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 1 and "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == message.format(t=t)


@pytest.mark.parametrize("out, reason", BAD_OUTS)
def test_an_unusable_out_folder_gives_one_line_and_exit_1(bad_path_builds, out, reason):
    t, proc = bad_path_builds[out]                # started with the module (bad_path_builds)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 1 and "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("kg build: " + reason.format(t=t))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_out_folder_gives_one_line_and_exit_1(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    result = run_kg("build", SEED, "--out", str(out), "--no-cache")
    assert result.returncode == 1 and result.stderr == f"kg build: output folder {out} is not writable\n"

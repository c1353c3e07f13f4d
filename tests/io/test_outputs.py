"""What quotelib writes: valid UTF-8 JSON lines, safe CSV cells and terminal text, safe files."""

from __future__ import annotations

import fcntl
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotelib
from quotelib.io.outputs import OutputFormat, OutputWriter, answer_line
from quotelib.io.pages import PageWriter, page_heading
from quotelib.io.run_paths import check_run_paths
from quotelib.io.safe_write import FileLock, LockedError, create_file, write_atomically
from quotelib.text.safe_text import csv_cell, json_line, terminal_text, valid_unicode

# Every character str.splitlines() breaks a line at.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _strict_json(line: str):
    """The value of a JSON line as a strict reader sees it (no NaN, no Infinity)."""
    return json.loads(line, parse_constant=lambda name: pytest.fail(f"not JSON: {name}"))


@pytest.mark.parametrize(
    "value",
    [
        {"id": "\ud800", "text": "lone \udfff surrogates \ud83d"},
        {"id": "a" + LINE_BREAKS + "b"},
        {"id": ["\u2028", {"\u2029": "\x85"}]},
        {"id": "caf\u00e9 \u4e2d\u6587 \U0001f600"},
    ],
    ids=["surrogates", "line-breaks", "nested-separators", "plain-unicode"],
)
def test_outputs_json_line_is_one_utf8_line_that_reads_back(value):
    line = json_line(value)
    line.encode("utf-8")  # no UnicodeEncodeError
    assert line.splitlines() == [line]
    assert _strict_json(line) == value


# Any code points, lone surrogates and line separators among them (st.text leaves surrogates out).
_ANY_TEXT = st.lists(
    st.integers(0, 0x10FFFF) | st.sampled_from([0xD800, 0xDFFF, 0x85, 0x2028, 0x2029, 0x0B, 0x1C]),
    max_size=12,
).map(lambda codes: "".join(map(chr, codes)))
# A high surrogate then a low one is a pair no JSON or UTF-8 input decodes to; in JSON it can
# only be written as the pair's escapes, which read back as one character (see safe_text).
_ANY_TEXT = _ANY_TEXT.filter(lambda text: not re.search("[\ud800-\udbff][\udc00-\udfff]", text))
_ANY_ID = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)


@given(record_id=_ANY_ID, text=_ANY_TEXT)
def test_outputs_answer_line_is_always_one_strict_utf8_json_line(record_id, text):
    line = answer_line(record_id, None, text)
    assert line.encode("utf-8").decode("utf-8").splitlines() == [line[:-1]]
    answer = _strict_json(line)
    assert answer["error"] == text
    assert answer_line(answer["id"], None, text) == line  # what resume reads back


@pytest.mark.parametrize(
    "record_id, written",
    [
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        ({"n": [1.5, float("nan")]}, {"n": [1.5, "NaN"]}),
        (b"caf\xc3\xa9\xff", "caf\u00e9\\xff"),
        ((1, 2), [1, 2]),
        ({(1, 2): "tuple key"}, {"[1, 2]": "tuple key"}),
        (10**30, 10**30),
        (True, True),
        (None, None),
    ],
    ids=[
        "nan",
        "inf",
        "-inf",
        "nested-nan",
        "bytes",
        "tuple",
        "tuple-key",
        "big-int",
        "bool",
        "null",
    ],
)
def test_outputs_answer_line_is_valid_json_for_any_id(record_id, written):
    line = answer_line(record_id, [], None)
    assert line.endswith("\n") and line.count("\n") == 1
    assert _strict_json(line) == {"id": written, "quotes": []}


def test_outputs_answer_line_keeps_offsets_of_a_text_with_a_surrogate():
    text = '"We will \ud800 appeal," the mayor said.'
    [quote] = quotelib.extract_quotes(text)
    answer = _strict_json(answer_line("a1", [quote], None))
    [written] = answer["quotes"]
    start, end = written["content"]
    assert text[start:end] == written["content_text"] == quote.content.text


@pytest.mark.parametrize(
    "cell, written",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-2 said", "'-2 said"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("said", "said"),
        ("a=b", "a=b"),
        ("x\ud800", "x\ufffd"),
        (-2, -2),
        (None, None),
        ({"n": 1}, '{"n": 1}'),
    ],
)
def test_outputs_csv_cell_escapes_formulas_and_surrogates(cell, written):
    assert csv_cell(cell) == written


@pytest.mark.parametrize(
    "text, shown",
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("a\x07b\x00c\x7f", "a\\x07b\\x00c\\x7f"),
        ("\x9b31m", "\\x9b31m"),
        ("left\u202eright", "left\\u202eright"),
        ("x\ud800", "x\\ud800"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("caf\u00e9 \u201cok\u201d", "caf\u00e9 \u201cok\u201d"),
    ],
    ids=["esc", "c0-del", "c1-csi", "bidi", "surrogate", "tab-newline", "printable"],
)
def test_outputs_terminal_text_shows_controls_as_escapes(text, shown):
    assert terminal_text(text) == shown


def test_outputs_valid_unicode_keeps_length():
    text = "a\ud800b\udc00"
    assert valid_unicode(text) == "a\ufffdb\ufffd"
    assert len(valid_unicode(text)) == len(text)


# --- files: never through a link, locked -------------------------------------------------


def test_outputs_create_file_replaces_a_link_and_spares_its_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.partial"
    link.symlink_to(victim)
    with create_file(link) as file:
        file.write("new")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"


def test_outputs_write_atomically_replaces_a_link_and_leaves_no_temporary(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "index.html").symlink_to(victim)
    write_atomically(tmp_path / "index.html", "page")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "victim.txt"]


def test_outputs_file_lock_refuses_a_second_holder_and_cleans_up(tmp_path):
    path = tmp_path / "out.jsonl.lock"
    first = FileLock(path, "out.jsonl")
    with pytest.raises(LockedError, match="another quotelib run is writing out.jsonl"):
        FileLock(path, "out.jsonl")
    first.release()
    assert not path.exists()
    FileLock(path, "out.jsonl").release()


def test_outputs_writer_refuses_an_output_another_process_locked(tmp_path):
    fd = os.open(tmp_path / "out.jsonl.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(LockedError, match="another quotelib run is writing"):
            OutputWriter(str(tmp_path / "out.jsonl"), OutputFormat.jsonl)
    finally:
        os.close(fd)
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_outputs_writer_resume_refuses_a_linked_partial(tmp_path):
    victim = tmp_path / "victim.jsonl"
    victim.write_text('{"id": 1, "quotes": []}\n', encoding="utf-8")
    (tmp_path / "out.jsonl.partial").symlink_to(victim)
    with pytest.raises(OSError, match="is a symbolic link"):
        OutputWriter(str(tmp_path / "out.jsonl"), OutputFormat.jsonl, resume=True)
    assert victim.read_text(encoding="utf-8") == '{"id": 1, "quotes": []}\n'
    assert not (tmp_path / "out.jsonl.lock").exists()


@pytest.mark.parametrize(
    "line",
    [
        '{"id": 2, "quotes": [], "extra": 1}',
        '{"quotes": []}',
        '{"id": 2}',
        '{"id": 2, "quotes": [1]}',
        '{"id": NaN, "quotes": []}',
        '{"id": 2,  "quotes": []}',
        "[1, 2]",
        '"text"',
        "",
        '{"id": "\u2028", "quotes": []}',
    ],
    ids=[
        "extra-key",
        "no-id",
        "no-answer",
        "bad-quotes",
        "nan",
        "not-as-written",
        "array",
        "string",
        "blank",
        "raw-separator",
    ],
)
def test_outputs_resume_redoes_everything_from_a_line_that_is_no_answer(tmp_path, line):
    partial = tmp_path / "out.jsonl.partial"
    kept = '{"id": 1, "quotes": []}\n'
    partial.write_text(kept + line + "\n" + '{"id": 3, "error": "x"}\n', encoding="utf-8")
    writer = OutputWriter(str(tmp_path / "out.jsonl"), OutputFormat.jsonl, resume=True)
    assert [answer.id for answer in writer.answered] == [1]
    writer.write(2, [], None)
    writer.close(complete=True)
    assert (tmp_path / "out.jsonl").read_text(
        encoding="utf-8"
    ) == kept + '{"id": 2, "quotes": []}\n'


# --- paths: outputs never overwrite inputs ---------------------------------------------------


@pytest.mark.parametrize(
    "inputs, output, pages, message",
    [
        (["in.jsonl"], "in.jsonl", None, "--output in.jsonl is the input in.jsonl"),
        (["in.jsonl"], "out.jsonl", "in.jsonl", "is a file, not a folder"),
        (["page.html"], "-", "page.html", "--html page.html is the input page.html"),
        (["in.jsonl", "out.jsonl.partial"], "out.jsonl", None, "is the input out.jsonl.partial"),
        (["link.jsonl"], "in.jsonl", None, "--output in.jsonl is the input link.jsonl"),
        (["hard.jsonl"], "out.jsonl", None, "(writing out.jsonl.partial) is the input hard.jsonl"),
        (["texts"], "texts/out.txt", None, "is inside the input folder texts"),
        (["texts"], "-", "texts", "--html texts is the input folder texts"),
        (["texts"], "out.jsonl", "texts/link.txt.html", "is the input texts/link.txt"),
        (["texts"], "folder", None, "--output folder is a folder"),
        (["texts"], "-", "folder.html", "--html folder.html is a folder"),
        (["in.jsonl"], "both.html", "both.html", "--output both.html and --html both.html"),
        (
            ["in.jsonl"],
            "-",
            "pages",
            "--html pages would write pages/index.html, which is a folder",
        ),
    ],
    ids=[
        "output-is-input",
        "pages-folder-is-input-file",
        "page-is-input",
        "partial-is-input",
        "input-links-to-output",
        "partial-hard-link",
        "output-read-as-article",
        "pages-in-input-folder",
        "folder-article-links-to-page",
        "output-folder",
        "page-folder",
        "output-is-page",
        "index-is-a-folder",
    ],
)
def test_outputs_run_paths_refuse_what_would_destroy_an_input(
    tmp_path, monkeypatch, inputs, output, pages, message
):
    monkeypatch.chdir(tmp_path)
    for name in ("in.jsonl", "page.html", "out.jsonl.partial"):
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("in.jsonl")
    os.link("out.jsonl.partial", "hard.jsonl")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Xi said it.", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "pages" / "index.html").mkdir(parents=True)
    (tmp_path / "texts" / "link.txt.html").write_text("old page", encoding="utf-8")
    (tmp_path / "texts" / "link.txt").symlink_to("link.txt.html")
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_run_paths(inputs, output, None if pages is None else Path(pages))


def test_outputs_run_paths_allow_what_is_safe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Xi said it.", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text("{}\n", encoding="utf-8")
    check_run_paths(["texts", "in.jsonl", "-"], "texts/quotes.jsonl", tmp_path / "texts" / "pages")
    check_run_paths(["in.jsonl"], "-", tmp_path / "pages.html")
    check_run_paths(["-"], "-", None)


# --- pages -----------------------------------------------------------------------------------


def test_outputs_page_heading_is_the_id_as_the_answer_holds_it():
    assert page_heading(float("nan")) == page_heading("NaN") == "NaN"
    assert page_heading({"n": 1}) == '{"n": 1}'
    assert page_heading("x\ud800") == "x\ud800"


def test_outputs_page_writer_writes_valid_utf8_for_surrogates(tmp_path):
    text = '"We will \ud800 appeal," the mayor said.'
    quotes = quotelib.extract_quotes(text)
    for target in (tmp_path / "all.html", tmp_path / "pages"):
        writer = PageWriter(target)
        writer.write("id\ud800", text, quotes, None)
        writer.write("bad\udfff", None, None, "error \ud800")
        writer.close()
    files = [tmp_path / "all.html", *sorted((tmp_path / "pages").iterdir())]
    assert [f.name for f in files] == ["all.html", "0001-id.html", "index.html"]
    for path in files:
        page = path.read_bytes().decode("utf-8")  # strict: valid UTF-8
        assert "\ufffd" in page


def test_outputs_page_writer_keeps_a_partial_page_when_interrupted(tmp_path):
    writer = PageWriter(tmp_path / "all.html")
    writer.write("a1", "Xi said it.", [], None)
    writer.close(complete=False)
    assert not (tmp_path / "all.html").exists()
    assert (tmp_path / "all.html.partial").read_text(encoding="utf-8").count("<article>") == 1
    assert not (tmp_path / "all.html.lock").exists()

"""What quotelib writes: valid UTF-8 JSON lines, safe CSV cells and terminal text, safe files."""

from __future__ import annotations

import fcntl
import json
import os
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotelib
from quotelib.io.outputs import OutputFormat, OutputWriter, answer_line
from quotelib.io.safe_write import LockedError
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


# --- the writer: locked, never through a link ----------------------------------------------


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

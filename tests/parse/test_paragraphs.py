"""Paragraph bounds, paragraph breaks and mark search against plain-Python references."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import quotelib
from quotelib.text.layout import find_layout
from quotelib.text.marks import _MARK_RE

_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_TEXT = st.text(alphabet=st.sampled_from(list("ab '`\"“”‘’«»\t\n\r\x1c\x85\u2028\u00a0\u3000")))


def _split_and_strip(text: str) -> list[tuple[int, int]]:
    """Lines between breaks, without edge whitespace, blank ones left out."""
    bounds, start = [], 0
    for match in _BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    found = []
    for start, end in bounds:
        line = text[start:end]
        left = len(line) - len(line.lstrip())
        if left < len(line):
            found.append((start + left, start + len(line.rstrip())))
    return found


@given(_TEXT)
def test_paragraphs_of_unwrapped_text_are_stripped_lines(text):
    layout = find_layout(text)
    if not layout.wrapped:
        assert list(layout.paragraphs) == _split_and_strip(text)


def _is_wrap(gap: str) -> bool:
    """Whether the whitespace between two lines is one soft line break (CRLF counted once)."""
    breaks = re.findall("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", gap)
    return len(breaks) == 1 and breaks[0] not in "\f\x1c\x1d\x1e\u2029"


@given(_TEXT)
def test_paragraphs_of_wrapped_text_are_stripped_lines_joined_at_wraps(text):
    layout = find_layout(text)
    lines = _split_and_strip(text)
    joined = [list(line) for line in lines[:1]]
    for (_, end), (start, line_end) in zip(lines, lines[1:]):
        if layout.wrapped and _is_wrap(text[end:start]):
            joined[-1][1] = line_end
        else:
            joined.append([start, line_end])
    assert [list(paragraph) for paragraph in layout.paragraphs] == joined


@given(_TEXT)
def test_marks_pattern_finds_runs_of_apostrophes_and_backticks_and_single_marks(text):
    reference = re.compile("'+|`+|[\"“”„‘’‚«»‹›]")
    assert [m.span() for m in _MARK_RE.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


@given(_TEXT)
def test_paragraphs_breaks_start_each_run_of_line_breaks_between_lines(text):
    layout = find_layout(text)
    if not layout.wrapped:
        lines = _split_and_strip(text)
        expected = [
            _BREAK.search(text, end, start).start()
            for (_, end), (start, _) in zip(lines, lines[1:])
        ]
        assert list(layout.breaks) == expected


def test_paragraphs_a_run_on_sentence_is_cut(nlp):
    # A regression: "He said she said ..." parsed as one sentence of 48,000 tokens made
    # the rules read children and contents across the whole text (quadratic time).
    from quotelib.parse.model import MAX_SENTENCE_TOKENS

    text = "He said she said they said, " * 200
    doc = nlp(text)
    lengths = [len(sentence) for sentence in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS
    assert sum(lengths) == len(doc)
    cut_after = [doc[s.start - 1].text for s in list(doc.sents)[1:]]
    assert "," in cut_after  # cut after a comma where one is near the limit
    quotes = quotelib.extract_quotes(text)
    assert quotes  # still read as reported speech, each content within its sentence
    assert all(len(q.content.text) < 2_000 for q in quotes)

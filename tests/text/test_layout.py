"""Tests of quotelib.text.layout: paragraph breaks told apart from line wraps, per document."""

from __future__ import annotations

import bisect
import json
import pickle
import re
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotelib
from quotelib.document.view import DocView
from quotelib.parse.chunks import parsable
from quotelib.parse.model import paragraph_breaks
from quotelib.render import render_article
from quotelib.text import layout as layout_module
from quotelib.text.layout import Layout, find_layout
from quotelib.text.marks import find_quotations

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

BOOK = (
    "The rain had kept up since noon, and by the time the carriage reached\n"
    "the lodge gates the lane was a brown river. Mrs Harlow sat upright\n"
    "with her bag upon her knees, and would not hear of turning back.\n"
    "\n"
    '"Nobody was hurt, thank heaven," said Mrs Harlow, "though the cook\n'
    "lost her spectacles in the ditch, and the new footman has not stopped\n"
    "talking of it since.\n"
    "\n"
    '"You may tell the Colonel so, if he asks," she added, "and you may\n'
    'tell him that I shall not stay to dinner."\n'
    "\n"
    "The Colonel did not ask.\n"
)

NEWS = (
    "WASHINGTON — The Senate passed the spending bill late on Thursday, after a week of "
    "talks that twice came close to collapse.\n"
    "\n"
    '"This is a good day for the country," the majority leader said. "It was not easy, '
    'and it should not have been this hard."\n'
    "\n"
    "The House is expected to vote on Friday.\n"
)

NEWS_SINGLE_LINES = (
    "Senate passes spending bill; House to vote Friday\n"
    "The Senate passed the spending bill late on Thursday, after a week of talks that "
    "twice came close to collapse and one long night of votes.\n"
    '"This is a good day for the country," the majority leader said on the floor.\n'
    "The bill now goes to the House, where its fate is less certain.\n"
    "Democrats there have said they will not support it without changes.\n"
)


def _book_paragraphs(text: str) -> list[str]:
    """The paragraphs between blank lines, each on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


@pytest.mark.parametrize(
    "text, wrapped, n_paragraphs",
    [
        (BOOK, True, 4),
        (BOOK.replace("\n", "\r\n"), True, 4),
        (BOOK.replace("\n", "\r"), True, 4),
        (BOOK.replace("\n", "  \n"), True, 4),
        ("CHAPTER IV\nTHE FLOOD\n\n" + BOOK, True, 5),
        (
            BOOK + "\n    Over the hills and far away,\n    The piper played the whole day.\n",
            True,
            5,
        ),
        ('"Nobody was hurt," said Mrs Harlow, "though the cook\nlost her hat."', True, 1),
        (NEWS, False, 3),
        (NEWS_SINGLE_LINES, False, 5),
        ("Senate passes bill; \nHouse to vote on Friday, leaders say.\n\n" + NEWS, False, 5),
        ("He should:\nStop lying\nShow humility\nFill in the gaps in his plans.", False, 4),
        ("Roses are red.\nThe sky is grey.\nWe sat and wept.\nThe day was done.", False, 4),
        ("Name        Age   Town\nAnn Lee      41   Leeds\nBob Ray      38   York\n" * 3, False, 9),
        ("", False, 0),
        (" \n\t\r\n ", False, 0),
    ],
    ids=[
        "book",
        "book-crlf",
        "book-cr-only",
        "book-trailing-spaces",
        "book-with-heading",
        "book-with-verse",
        "two-lines-mid-sentence",
        "news-blank-lines",
        "news-single-newlines",
        "news-headline-and-subhead",
        "list",
        "short-lines-each-a-sentence",
        "table",
        "empty",
        "blank",
    ],
)
def test_layout_wrapped_or_one_line_per_paragraph(text, wrapped, n_paragraphs):
    layout = find_layout(text)
    assert layout.wrapped is wrapped
    assert len(layout.paragraphs) == n_paragraphs
    assert len(layout.breaks) == max(0, n_paragraphs - 1)
    assert bool(layout.wraps) is wrapped
    assert (layout.width > 0) is wrapped


def test_layout_book_paragraphs_span_their_wrapped_lines():
    layout = find_layout(BOOK)
    paragraphs = [BOOK[start:end] for start, end in layout.paragraphs]
    assert [" ".join(p.split()) for p in paragraphs] == _book_paragraphs(BOOK)
    assert [p.count("\n") for p in paragraphs] == [2, 2, 1, 0]
    assert all(BOOK[wrap] == "\n" for wrap in layout.wraps) and len(layout.wraps) == 5
    assert layout.width == 69
    assert [BOOK[b : b + 2] for b in layout.breaks] == ["\n\n"] * 3


def test_layout_crlf_wraps_hold_both_characters():
    text = BOOK.replace("\n", "\r\n")
    layout = find_layout(text)
    assert [text[w] for w in layout.wraps] == ["\r", "\n"] * 5
    assert [(b, text[b]) for b in layout.breaks] == [(b, "\r") for b in layout.breaks]


@pytest.mark.parametrize("separator", ["\f", "\u2029", "\x1e"], ids=["form-feed", "u2029", "x1e"])
def test_layout_hard_breaks_end_a_paragraph_even_when_wrapped(separator):
    text = BOOK.replace("\n\n", "\n" + separator, 1)
    layout = find_layout(text)
    assert layout.wrapped
    assert len(layout.paragraphs) == 4


def test_layout_breaks_number_the_paragraphs():
    layout = find_layout(BOOK)
    lost = BOOK.index("lost")
    assert layout.paragraph(lost) == 1
    assert bisect.bisect_right(layout.breaks, lost) == 1
    assert layout.paragraph(BOOK.index("The Colonel did")) == 3
    assert layout.paragraph(0) == 0


def test_layout_news_breaks_are_its_line_breaks():
    layout = find_layout(NEWS_SINGLE_LINES)
    assert list(layout.breaks) == [m.start() for m in re.finditer("\n", NEWS_SINGLE_LINES)][:-1]
    assert layout.wraps == ()


def test_layout_is_plain_data():
    layout = find_layout(BOOK)
    assert pickle.loads(pickle.dumps(layout)) == layout
    assert attrs.asdict(layout)["wrapped"] is True
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        layout.wrapped = False  # type: ignore[misc]


def test_layout_rejects_non_str():
    with pytest.raises(TypeError, match="'text' must be str"):
        find_layout(b"bytes")  # type: ignore[arg-type]


def test_layout_all_is_complete():
    public = {
        name
        for name, value in vars(layout_module).items()
        if name.isidentifier()
        and not name.startswith("_")
        and (name.isupper() or getattr(value, "__module__", None) == layout_module.__name__)
    }
    assert layout_module.__all__ == sorted(layout_module.__all__)
    assert set(layout_module.__all__) == public


# --- quotations over wraps and paragraphs ------------------------------------------------


def _contents(text: str) -> list[tuple[str, int]]:
    return [
        ("|".join(" ".join(text[s:e].split()) for s, e in q.parts), q.depth)
        for q in find_quotations(text)
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_layout_quotation_spans_wrapped_lines_and_two_paragraphs(newline):
    # Regression: every newline ended a paragraph, so the quotation opened before
    # "though the cook" was dropped at the wrap and the rest was read as narrative.
    text = BOOK.replace("\n", newline)
    assert _contents(text) == [
        ("Nobody was hurt, thank heaven,", 0),
        (
            "though the cook lost her spectacles in the ditch, and the new footman has not "
            "stopped talking of it since.|You may tell the Colonel so, if he asks,",
            0,
        ),
        ("and you may tell him that I shall not stay to dinner.", 0),
    ]
    second = find_quotations(text)[1]
    assert len(second.parts) == 2  # one part per paragraph
    assert text[second.parts[0][0] : second.parts[0][1]].count(newline) == 2


def test_layout_latex_marks_over_wrapped_lines():
    text = (
        "``I cannot think what you mean,'' said the Colonel, who had been\n"
        "reading the paper. ``The roads were dry enough when I came by\n"
        "this morning, and the river was as low as I have `ever' seen it.''\n"
    )
    assert find_layout(text).wrapped
    assert _contents(text) == [
        ("I cannot think what you mean,", 0),
        (
            "The roads were dry enough when I came by this morning, and the river was as low "
            "as I have `ever' seen it.",
            0,
        ),
        ("ever", 1),
    ]


def test_layout_news_quotation_over_paragraphs_is_unchanged():
    text = '"We will win.\n"We always do," he said.\nThe vote is on Friday.'
    assert not find_layout(text).wrapped
    assert _contents(text) == [("We will win.|We always do,", 0)]


# --- the stages that read the layout ------------------------------------------------------


def test_layout_parsable_reads_wraps_as_spaces():
    cleaned = parsable(BOOK)
    assert len(cleaned) == len(BOOK)
    assert [i for i, (a, b) in enumerate(zip(BOOK, cleaned)) if a != b] == list(
        find_layout(BOOK).wraps
    )
    assert cleaned.count("\n\n") == 3 and "\n" not in cleaned.replace("\n\n", "")[:-1]
    assert parsable(NEWS_SINGLE_LINES) == NEWS_SINGLE_LINES


def test_layout_component_starts_sentences_at_paragraphs_not_wraps(nlp):
    # Regression: the component started a sentence after every newline, wraps included.
    doc = paragraph_breaks(nlp.make_doc(BOOK))
    starts = {token.idx for token in doc if token.is_sent_start}
    paragraphs = {start for start, _ in find_layout(BOOK).paragraphs}
    assert starts == paragraphs
    after_wraps = [token for token in doc if token.idx - 1 in find_layout(BOOK).wraps]
    assert after_wraps and not any(token.is_sent_start for token in after_wraps)


def test_layout_extract_quotes_reads_a_quotation_over_wraps(nlp):
    quotes = quotelib.extract_quotes(BOOK, nlp=nlp)
    texts = [" ".join(part.text.split()) for q in quotes for part in q.content_parts]
    assert any("lost her spectacles in the ditch" in text for text in texts)
    assert all(BOOK[p.start : p.end] == p.text for q in quotes for p in q.content_parts)


def test_layout_view_holds_the_layout(nlp):
    view = DocView.build(nlp(parsable(BOOK)), BOOK)
    assert view.layout == find_layout(BOOK)
    assert view.layout.breaks == view.layout.breaks
    assert view.layout.paragraph(BOOK.index("lost")) == 1


def test_layout_render_draws_a_wrapped_paragraph_once():
    page = render_article(BOOK, [])
    assert page.count('<div class="paragraph">') == 4


# --- properties ---------------------------------------------------------------------------

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ANY = st.text(alphabet=st.sampled_from(list("ab A.,'\"`“”\t\xa0" + _BREAKS)), max_size=200)
_WORDS = st.lists(
    st.sampled_from("the cook lost her hat in a ditch, and said “no” to it.".split()),
    min_size=100,
    max_size=150,
)


@st.composite
def _wrapped_texts(draw):
    """Paragraphs of lower-case words hard-wrapped at one width, as a printed book is."""
    width = draw(st.integers(30, 80))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    paragraphs = draw(st.lists(_WORDS, min_size=1, max_size=4))
    filled = [newline.join(textwrap.wrap(" ".join(words), width)) for words in paragraphs]
    return (newline * 2).join(filled) + newline


def _check_invariants(text: str, layout: Layout) -> None:
    paragraphs = layout.paragraphs
    assert list(paragraphs) == sorted(paragraphs)
    assert all(s < e for s, e in paragraphs)
    assert all(a[1] < b[0] for a, b in zip(paragraphs, paragraphs[1:]))  # disjoint
    for s, e in paragraphs:
        assert not text[s].isspace() and not text[e - 1].isspace()
    covered = [False] * len(text)
    for s, e in paragraphs:
        covered[s:e] = [True] * (e - s)
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))
    assert len(layout.breaks) == max(0, len(paragraphs) - 1)
    for (_, end), brk, (start, _) in zip(paragraphs, layout.breaks, paragraphs[1:]):
        assert end <= brk < start and text[brk] in _BREAKS
    for k, (s, e) in enumerate(paragraphs):
        assert layout.paragraph(s) == layout.paragraph(e - 1) == k
    for wrap in layout.wraps:
        assert text[wrap] in "\n\r\v\x85\u2028"
        assert any(s < wrap < e for s, e in paragraphs)
    assert layout.wrapped or not layout.wraps


@settings(derandomize=True, max_examples=400, deadline=None)
@given(_ANY | st.text(max_size=60))
def test_layout_property_paragraphs_and_breaks_are_consistent(text):
    layout = find_layout(text)
    _check_invariants(text, layout)
    assert find_layout(text) == layout


@settings(derandomize=True, max_examples=100, deadline=None)
@given(_wrapped_texts())
def test_layout_property_hard_wrapped_text_is_read_as_wrapped(text):
    layout = find_layout(text)
    _check_invariants(text, layout)
    assert layout.wrapped
    assert [" ".join(text[s:e].split()) for s, e in layout.paragraphs] == _book_paragraphs(text)
    cleaned = parsable(text)
    assert len(cleaned) == len(text) and find_layout(cleaned).paragraphs == layout.paragraphs


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_ANY | _wrapped_texts() | st.text(max_size=60))
def test_layout_property_quotation_offsets_are_exact(text):
    paragraphs = find_layout(text).paragraphs
    for q in find_quotations(text):
        assert text[q.start : q.start + len(q.mark)] == q.mark
        assert 0 <= q.start < q.content_start <= q.content_end < q.end <= len(text)
        for start, end in q.parts:
            assert any(s <= start < end <= e for s, e in paragraphs)  # one paragraph each
            assert not text[start].isspace() and not text[end - 1].isspace()


def _lines_run(text: str) -> int:
    """How many lines of quotelib.text.layout run to read ``text``: a count of work, not a time."""
    count = 0

    def count_lines(frame, event, arg):
        nonlocal count
        count += event == "line"
        return count_lines

    def in_layout(frame, event, arg):
        return count_lines if frame.f_code.co_filename == layout_module.__file__ else None

    previous = sys.gettrace()
    sys.settrace(in_layout)
    try:
        find_layout(text)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(
    "make",
    [
        lambda n: BOOK * n,
        lambda n: NEWS_SINGLE_LINES * n,
        lambda n: "a\n" * n,
        lambda n: "\n" * (n * 50) + "a",
    ],
    ids=["book", "news", "one-letter-lines", "blank-lines"],
)
def test_layout_work_grows_linearly(make):
    ratio = _lines_run(make(400)) / max(1, _lines_run(make(200)))
    assert ratio < 2.2


# --- the real data ------------------------------------------------------------------------


def _documents(name: str) -> list[dict]:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"annotated corpus not found at {path}")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_layout_novels_are_wrapped():
    documents = _documents("pdnc-dev.jsonl")
    wrapped = sum(find_layout(document["text"]).wrapped for document in documents)
    assert wrapped >= 0.99 * len(documents)


def test_layout_news_is_not_wrapped():
    documents = _documents("polnear-dev.jsonl")
    assert not [d["id"] for d in documents if find_layout(d["text"]).wrapped]


@pytest.mark.parametrize(
    "text, number, stretch",
    [
        ("Xi spoke.\n\nPutin agreed.", 0, (0, 9)),
        ("Xi spoke.\n\nPutin agreed.", 1, (9, 24)),
        ("One paragraph only.", 0, (0, 19)),
        ("", 0, (0, 0)),
    ],
    ids=["first-to-its-break", "last-from-its-break-to-the-end", "only", "empty"],
)
def test_layout_stretch_of_a_paragraph_from_break_to_break(text, number, stretch):
    layout = find_layout(text)
    assert (layout.start(number), layout.end(number)) == stretch
    assert layout.paragraph(stretch[0]) == number  # a break opens the stretch after it
    assert layout.length == len(text)

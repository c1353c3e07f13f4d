"""Chunks of long texts: exact offsets, no cut inside a quotation, bounded sizes, lazy parses."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language

import quotelib
from quotelib.parse.chunks import (
    CHUNK_SIZE,
    LONGEST_SYMBOL_RUN,
    chunk_spans,
    parsable,
    parse_chunks,
    parse_text,
)
from quotelib.text.marks import find_quotations

_RUN = re.compile(r"(?:[^\w\s]|_)+")


def _quoted(text):
    return [(q.start, q.end) for q in find_quotations(text) if q.depth == 0]


def _paragraphs(count):
    """News paragraphs, every third a quotation over two paragraphs."""
    out = []
    for i in range(count):
        if i % 3 == 0:
            out.append(f'"Talks number {i} went well.\n"We will meet again," Xi said.\n')
        elif i % 3 == 1:
            out.append(f"Putin said round {i} of the trade talks was useful.\n\n")
        else:
            out.append(f'The mayor called plan {i} "a fine plan, and a cheap one" on Monday.\n')
    return "".join(out)


TEXTS = {
    "paragraphs": _paragraphs(60),
    "one line": "The mayor said the plan is dead. " * 120,
    "no space at all": "x" * 2_500,
    "CR line endings": "Xi spoke.\r\rPutin agreed.\r" * 150,
    "long quotation": ('He said: "' + "the plan is fine and cheap. " * 150 + '" Then he left.\n')
    * 2,
}


@pytest.mark.parametrize("size", [40, 300, 1_000])
@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_chunks_spans_cover_the_text_within_size(text, size):
    spans = list(chunk_spans(text, _quoted(text), size=size))
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(s2 == e1 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert all(0 < end - start <= size for start, end in spans)


QUOTED = {
    "paragraphs": TEXTS["paragraphs"],
    "one line": 'The mayor said "the plan is dead. It is gone, and so are we." Xi agreed. ' * 60,
    "quotations over lines": 'Xi said:\n"One.\n"Two three four.\n"Five," he added.\n' * 40,
}


@pytest.mark.parametrize("size", [70, 120, 300, 1_000])
@pytest.mark.parametrize("text", QUOTED.values(), ids=QUOTED.keys())
def test_chunks_never_cut_inside_a_quotation_that_fits(text, size):
    quoted = _quoted(text)
    assert max(end - start for start, end in quoted) < size
    cuts = [end for _, end in chunk_spans(text, quoted, size=size)]
    assert not [(cut, s, e) for cut in cuts for s, e in quoted if s < cut < e]


def test_chunks_without_quoted_spans_cut_inside_quotations():
    """The spans are what keeps the cuts out (the test above would pass for nothing)."""
    text = QUOTED["one line"]
    quoted = _quoted(text)
    cuts = [end for _, end in chunk_spans(text, size=120)]
    assert [(cut, s, e) for cut in cuts for s, e in quoted if s < cut < e]


def test_chunks_prefer_a_line_break_outside_quotations():
    text = 'Xi spoke.\n"We agree.\n"And we will act," he said.\nPutin agreed.\n'
    assert [text[s:e] for s, e in chunk_spans(text, _quoted(text), size=40)] == [
        "Xi spoke.\n",
        '"We agree.\n"And we will act," he said.\n',
        "Putin agreed.\n",
    ]


def test_chunks_quoted_spans_cut_within_the_line_outside_them():
    text = 'The minister said "the plan is fine" on Monday and Tuesday. Xi agreed.\n'
    quoted = _quoted(text)
    cuts = [end for _, end in chunk_spans(text, quoted, size=30)]
    assert all(not s < cut < e for cut in cuts for s, e in quoted)
    assert text[: cuts[0]] == "The minister said "


def test_chunks_quotation_longer_than_a_chunk_cut_at_its_sentence_ends():
    text = TEXTS["long quotation"]
    [(start, end), *_] = _quoted(text)
    spans = list(chunk_spans(text, _quoted(text), size=500))
    assert spans[0] == (0, start)  # the quotation starts a chunk of its own
    inside = [e for _, e in spans if start < e < end]
    assert inside and all(text[e - 2 : e] == ". " for e in inside)


def test_chunks_hard_cut_where_there_is_no_space():
    assert list(chunk_spans("x" * 25, size=10)) == [(0, 10), (10, 20), (20, 25)]


def test_chunks_empty_text_has_no_chunk():
    assert list(chunk_spans("", size=10)) == []


@pytest.mark.parametrize("size", [0, -5, 2.5, None])
def test_chunks_size_must_be_a_positive_int(size):
    with pytest.raises(ValueError, match="'size' must be a positive int"):
        list(chunk_spans("text", size=size))


# --- parsable: what the tokenizer sees ------------------------------------------------------------

PARSABLE = {
    "plain news": 'Xi said "ties are strong" -- and Putin agreed!\n\nIt is 2024.',
    "quote marks": '"' * 10_000,
    "curly and mixed": "“‘«„'\"" * 1_700,
    "emoji": "\U0001f600" * 3_000 + " said Xi",
    "bangs in a word": "Wow" + "!" * 500 + "Xi" + "?" * 65,
    "underscores": "_" * 200 + "a" + "=_" * 100,
    "surrogates in a run": "\ud800" * 70 + "x",
    "zalgo": "Z" + "\u0336" * 300 + "algo",
    "exactly the bound": "!" * LONGEST_SYMBOL_RUN + " and " + "?" * (LONGEST_SYMBOL_RUN + 1),
    "wrapped lines": "the cook lost her spectacles in the ditch, and said nothing\r\n" * 6
    + "!" * 40,
}

BOOK_PARAGRAPH = (
    '"Nobody was hurt, thank heaven," said Mrs Harlow, "though the cook\n'
    "lost her spectacles in the ditch, and the new footman has not stopped\n"
    'talking of it since, and the groom says that the near horse is lame."\n'
    "\n"
)


@pytest.mark.parametrize("text", PARSABLE.values(), ids=PARSABLE.keys())
def test_chunks_parsable_keeps_length_letters_and_digits(text):
    cleaned = parsable(text)
    assert len(cleaned) == len(text)
    changed = [(a, b) for a, b in zip(text, cleaned) if a != b]
    assert all(not a.isalnum() and b in (" ", "\ufffd") for a, b in changed)
    assert [c for c in text if c.isalnum()] == [c for c in cleaned if c.isalnum()]


@pytest.mark.parametrize("text", PARSABLE.values(), ids=PARSABLE.keys())
def test_chunks_parsable_leaves_no_run_longer_than_the_bound(text):
    assert max(map(len, _RUN.findall(parsable(text))), default=0) <= LONGEST_SYMBOL_RUN


def test_chunks_parsable_leaves_ordinary_text_alone(seed):
    text, _ = seed
    assert parsable(text) is text or parsable(text) == text
    assert parsable(PARSABLE["plain news"]) == PARSABLE["plain news"]
    assert parsable("!" * LONGEST_SYMBOL_RUN) == "!" * LONGEST_SYMBOL_RUN


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_chunks_parsable_reads_line_wraps_as_spaces(newline):
    text = BOOK_PARAGRAPH.replace("\n", newline) * 2
    cleaned = parsable(text)
    assert len(cleaned) == len(text)
    wrap = " " * len(newline)  # one character for one: CRLF is two spaces
    assert cleaned == BOOK_PARAGRAPH.replace("\n", wrap, 2).replace("\n", newline) * 2
    news = "The mayor spoke.\nThe council agreed.\nThe vote is on Friday.\n"
    assert parsable(news) == news


@pytest.mark.parametrize("kind", ['"', "“", "\U0001f600", "!", "'", "-", "_"])
def test_chunks_tokenizer_gets_no_word_longer_than_the_bound(nlp, kind):
    """The regression for quadratic tokenizing: no whitespace-free word of marks is long."""
    doc = nlp.tokenizer(parsable("He said " + kind * 5_000 + " and left."))
    assert len(doc.text) == 5_018
    assert max(len(word) for word in doc.text.split()) <= LONGEST_SYMBOL_RUN
    assert max(len(token) for token in doc) <= LONGEST_SYMBOL_RUN
    assert [t.text for t in doc[:2]] + [t.text for t in doc[-3:]] == [
        "He",
        "said",
        "and",
        "left",
        ".",
    ]


# --- parsing chunk by chunk ----------------------------------------------------------------------


def test_chunks_parse_chunks_offsets_index_the_text(nlp):
    text = TEXTS["paragraphs"] + "Xi said " + '"' * 200 + "\n"
    found = list(parse_chunks(text, nlp, quoted=_quoted(text), size=300))
    assert len(found) > 5
    cleaned = parsable(text)
    assert [offset for offset, _ in found] == [
        s for s, _ in chunk_spans(text, _quoted(text), size=300)
    ]
    for offset, doc in found:
        assert doc.text == cleaned[offset : offset + len(doc.text)]
        assert doc.has_annotation("DEP")
    assert "".join(doc.text for _, doc in found) == cleaned


def test_chunks_parse_chunks_cuts_a_wrapped_text_at_paragraph_breaks(nlp):
    # Regression: a chunk ended at the last line break before its limit, a wrap
    # inside a sentence in a printed book.
    text = BOOK_PARAGRAPH * 8
    found = list(parse_chunks(text, nlp, quoted=_quoted(text), size=500))
    assert len(found) > 2
    assert all(doc.text.endswith('."\n\n') for _, doc in found)
    assert "".join(doc.text for _, doc in found) == parsable(text)


def test_chunks_parse_chunks_parses_one_chunk_at_a_time():
    """Each chunk is parsed only when asked for: one chunk's Doc at a time."""
    parsed = []

    @Language.component("test_chunks_count")
    def count(doc):
        parsed.append(len(doc.text))
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("test_chunks_count")
    text = "One paragraph here.\n" * 50
    chunks = parse_chunks(text, nlp, quoted=[], size=100)
    offset, doc = next(chunks)
    assert (offset, len(parsed)) == (0, 1)
    rest = list(chunks)
    assert len(parsed) == 1 + len(rest) == len(list(chunk_spans(text, size=100)))


def test_chunks_parse_text_past_the_limit_joins_bounded_chunks(nlp):
    text = TEXTS["paragraphs"] * 3
    doc = parse_text(text, nlp, chunk_size=500)
    assert doc.text == text
    assert len(text) > 500 and CHUNK_SIZE > 500
    starts = {s.start_char for s in doc.sents}
    chunk_starts = [s for s, _ in chunk_spans(text, _quoted(text), size=500)]
    assert set(chunk_starts) <= starts


def test_chunks_parse_text_reads_long_runs_fast_and_exactly(nlp):
    text = 'Xi said "the plan works." ' + "\U0001f600" * 20_000
    doc = parse_text(text, nlp)
    assert len(doc.text) == len(text)
    assert doc.text == parsable(text) != text
    assert doc.text[:26] == text[:26]


def test_chunks_long_text_is_read_alike_by_pipe_and_extract_quotes(nlp):
    # Texts over LONG_TEXT are parsed in chunks, by extract_quotes and by pipe alike.
    from quotelib.parse.chunks import LONG_TEXT, is_long, parse_text

    paragraph = '"We will rebuild," the mayor said. Officials said the storm had passed.\n\n'
    text = paragraph * (LONG_TEXT // len(paragraph) + 2)
    assert is_long(text, nlp) and not is_long(paragraph, nlp)
    doc = parse_text(text, nlp)
    assert doc.text == text and doc.tensor.size == 0  # chunked, without the unread tensor
    [streamed] = quotelib.pipe([text])
    assert streamed == quotelib.extract_quotes(text)
    assert len(streamed) == 2 * text.count(paragraph)

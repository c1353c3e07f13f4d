"""The contract of ``extract_quotes`` on any string, checked with generated text.

For every ``str``: a list comes back (possibly empty), no exception escapes,
every span slices the text to its own text, a quote has a cue class exactly
when it has a cue, and the same input gives the same output.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotelib
from tests.hostile_alphabet import (
    APOSTROPHES,
    BREAKS,
    CUES,
    HTML,
    NAMES,
    ODDITIES,
    QUOTE_MARKS,
    SCRIPTS,
    WORDS,
)

EXAMPLES = int(os.environ.get("QUOTELIB_HYPOTHESIS_EXAMPLES", "1000"))
_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

news_like = st.lists(
    st.one_of(
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(APOSTROPHES),
        st.sampled_from(BREAKS),
        st.sampled_from(CUES),
        st.sampled_from(NAMES),
        st.sampled_from(WORDS),
    ),
    max_size=60,
).map(" ".join)
hostile = st.lists(
    st.one_of(
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(BREAKS),
        st.sampled_from(SCRIPTS),
        st.sampled_from(ODDITIES),
        st.sampled_from(HTML),
        st.sampled_from(CUES),
        st.sampled_from(NAMES),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)
any_text = st.text(max_size=200)


def check_contract(text: str) -> None:
    """The contract, asserted for one text."""
    quotes = quotelib.extract_quotes(text)
    assert isinstance(quotes, list)
    for quote in quotes:
        assert isinstance(quote, quotelib.Quote)
        for span in (quote.content, *quote.content_parts, quote.speaker, quote.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert quote.content_parts
        assert quote.content.start == quote.content_parts[0].start
        assert quote.content.end == quote.content_parts[-1].end
        # A quote with a cue has its class; one without a cue has none.
        assert (quote.cue is None) == (quote.cue_class is None)
        assert quote.cue_class is None or quote.cue_class in quotelib.CUE_CLASSES
    assert quotelib.extract_quotes(text) == quotes


@_SETTINGS
@given(news_like)
def test_contract_news_like_text(text):
    check_contract(text)


@_SETTINGS
@given(hostile)
def test_contract_hostile_text(text):
    check_contract(text)


@_SETTINGS
@given(any_text)
def test_contract_any_unicode_text(text):
    check_contract(text)

"""Golden test: the article the project was created from (seeds/)."""

from __future__ import annotations

import re

import quotelib

_WORD = re.compile(r"\w+")


def _words(text: str, start: int, end: int) -> set[tuple[int, int]]:
    return {m.span() for m in _WORD.finditer(text, start, end)}


def _found(text: str, quotes: list[quotelib.Quote], expected: dict) -> quotelib.Quote | None:
    """The quote whose content holds at least half of the expected content's words."""
    wanted = _words(text, *expected["content"])
    for quote in quotes:
        got = set().union(*(_words(text, p.start, p.end) for p in quote.content_parts))
        if len(wanted & got) * 2 >= len(wanted):
            return quote
    return None


def test_seed_must_attributions_found_with_speaker_mention(seed):
    text, expected = seed
    quotes = quotelib.extract_quotes(text)
    for item in expected["quotes"]:
        if item["level"] != "must":
            continue
        quote = _found(text, quotes, item)
        assert quote is not None, item["content_text"]
        assert quote.speaker is not None and quote.speaker.text == item["speaker_text"]
        assert quote.kind == item["kind"]


def test_seed_most_should_attributions_found(seed):
    text, expected = seed
    quotes = quotelib.extract_quotes(text)
    should = [item for item in expected["quotes"] if item["level"] == "should"]
    found = [item for item in should if _found(text, quotes, item) is not None]
    assert len(found) >= 3, [item["content_text"] for item in should if item not in found]
    for item in found:
        assert _found(text, quotes, item).speaker.text == item["speaker_text"]


def test_seed_not_attributions_yield_nothing(seed):
    text, expected = seed
    quotes = quotelib.extract_quotes(text)
    for sentence in expected["not_attributions"]:
        start = text.index(sentence)
        end = start + len(sentence)
        assert not [q for q in quotes if q.content.start < end and q.content.end > start]


def test_seed_offsets_slice_to_text(seed):
    text, _ = seed
    for quote in quotelib.extract_quotes(text):
        for span in (quote.content, *quote.content_parts, quote.speaker, quote.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_seed_speakers_resolved_to_names(seed):
    text, expected = seed
    quotes = quotelib.extract_quotes(text)
    for item in expected["quotes"]:
        quote = _found(text, quotes, item)
        if item["level"] == "must":
            assert quote is not None, item["content_text"]
        if quote is not None:
            assert quote.speaker_name == item["speaker_name"], item["content_text"]

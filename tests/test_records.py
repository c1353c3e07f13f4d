"""Records: plain, frozen, validated data."""

from __future__ import annotations

import importlib
import pickle

import attrs
import pytest

import quotelib
from quotelib.records import Quote, TextSpan


def test_records_text_span_checks_its_offsets():
    with pytest.raises(ValueError, match="as long as end - start"):
        TextSpan(start=0, end=3, text="ab")
    with pytest.raises(ValueError, match="0 <= start <= end"):
        TextSpan(start=4, end=3, text="")
    with pytest.raises(ValueError, match="do not fit a text of length 5"):
        TextSpan.from_offsets("hello", 2, 9)


def test_records_quote_rejects_unknown_kind():
    span = TextSpan.from_offsets("Yes.", 0, 3)
    with pytest.raises(ValueError, match="'kind' must be in"):
        Quote(kind="quoted", content=span, content_parts=(span,))


def test_records_quote_is_frozen_plain_data():
    span = TextSpan.from_offsets("Yes, he said.", 0, 3)
    quote = Quote(kind="direct", content=span, content_parts=[span])
    assert quote.content_parts == (span,)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.kind = "mixed"
    assert pickle.loads(pickle.dumps(quote)) == quote
    assert attrs.asdict(quote)["content"] == {"start": 0, "end": 3, "text": "Yes"}
    assert quote.to_dict()["speaker"] is None


def test_records_all_is_sorted_and_complete():
    assert quotelib.__all__ == sorted(quotelib.__all__)
    for name in quotelib.__all__:
        assert hasattr(quotelib, name), name
    public_modules = ["records", "extract", "marks", "lexicon", "model", "scoring"]
    exported = set(quotelib.__all__)
    for module in public_modules:
        names = getattr(importlib.import_module(f"quotelib.{module}"), "__all__", ())
        assert set(names) - exported <= {
            "DOUBLE_MARKS",
            "SINGLE_MARKS",
            "GUILLEMETS",
            "ELISIONS",
            "MEASURES",
            "PRONOUNS",
            "TITLES",
            "Scores",
            "format_comparison",
            "names_match",
        }

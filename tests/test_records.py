"""Records: plain, frozen, validated data."""

from __future__ import annotations

import importlib
import pickle
import types
from pathlib import Path

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


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"start": "0", "end": 2, "text": "ab"}, "'start' must be <class 'int'> (got '0'"),
        ({"start": 0, "end": 2.0, "text": "ab"}, "'end' must be <class 'int'> (got 2.0"),
        ({"start": 0, "end": 2, "text": b"ab"}, "'text' must be <class 'str'> (got b'ab'"),
        # A regression: a text without a length raised "object of type 'int' has no len()".
        ({"start": 0, "end": 2, "text": 42}, "'text' must be <class 'str'> (got 42 that is a"),
    ],
    ids=["start", "end", "text", "text-without-length"],
)
def test_records_text_span_checks_its_types(fields, message):
    with pytest.raises(TypeError) as raised:
        TextSpan(**fields)
    assert str(raised.value).startswith(message)


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
        assert getattr(quotelib, name) is not None, name
    public = {
        name
        for name, value in vars(quotelib).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)  # subpackages, and old paths' aliases
        and getattr(value, "__module__", "").startswith("quotelib.")
    }
    assert public <= set(quotelib.__all__)
    folder = Path(quotelib.__file__).parent
    for path in sorted(folder.glob("*.py")):
        if path.stem.startswith("_") or path.stem == "cluster":  # cluster needs dask
            continue
        module = importlib.import_module(f"quotelib.{path.stem}")
        names = getattr(module, "__all__", None)
        if names is not None:
            assert list(names) == sorted(names), path.name
            assert all(hasattr(module, name) for name in names), path.name

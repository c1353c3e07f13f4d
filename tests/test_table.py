"""Tables of quotes: ``format_table``, ``to_records`` and ``to_dataframe``."""

from __future__ import annotations

import sys

import pytest

import quotelib
from quotelib.table import RECORD_FIELDS, format_table
from tests.optional import need

TEXT = '"It is a hard decision," Senator Ann Lee said. "But it is the right one."'
UNATTRIBUTED = "It was reported that the talks had failed."


@pytest.fixture(scope="module")
def corpus():
    return {"budget": quotelib.extract_quotes(TEXT), "talks": quotelib.extract_quotes(UNATTRIBUTED)}


def test_table_to_records_columns_slice_the_text():
    [row] = quotelib.to_records(quotelib.extract_quotes(TEXT), doc_id="budget")
    assert tuple(row) == RECORD_FIELDS
    assert row["doc_id"] == "budget"
    assert row["kind"] == "direct" and row["n_parts"] == 2
    for name in ("content", "speaker", "cue"):
        assert TEXT[row[f"{name}_start"] : row[f"{name}_end"]] == row[name]
    assert (row["speaker"], row["cue"]) == ("Senator Ann Lee", "said")


def test_table_to_records_gives_the_parts_without_the_attribution_between_them():
    [row] = quotelib.to_records(quotelib.extract_quotes(TEXT))
    assert row["content_parts"] == [[1, 23], [48, 72]]
    assert [TEXT[start:end] for start, end in row["content_parts"]] == row["content_parts_text"]
    assert row["content_parts_text"] == ["It is a hard decision,", "But it is the right one."]
    assert row["content_joined"] == "It is a hard decision, But it is the right one."
    assert "Senator" in row["content"] and "Senator" not in row["content_joined"]


def test_table_to_records_parts_of_a_quote_dict_match_those_of_the_quote():
    [quote] = quotelib.extract_quotes(TEXT)
    assert quotelib.to_records([quote.to_dict()]) == quotelib.to_records([quote])


def test_table_to_records_without_speaker_has_empty_speaker_columns(corpus):
    [row] = quotelib.to_records(corpus["talks"])
    assert row["doc_id"] is None
    assert row["cue"] == "reported"
    assert [row[k] for k in ("speaker", "speaker_start", "speaker_end", "speaker_name")] == [
        None,
        None,
        None,
        None,
    ]


def test_table_to_records_mapping_pairs_and_dicts_give_one_table(corpus):
    from_mapping = quotelib.to_records(corpus)
    from_pairs = quotelib.to_records(list(corpus.items()))
    from_dicts = quotelib.to_records({k: [q.to_dict() for q in v] for k, v in corpus.items()})
    assert from_mapping == from_pairs == from_dicts
    assert [row["doc_id"] for row in from_mapping] == ["budget", "talks"]


def test_table_to_records_of_nothing_is_empty():
    assert quotelib.to_records([]) == []
    assert quotelib.to_records({"a": [], "b": []}) == []


@pytest.mark.parametrize(
    "quotes, kwargs, error, message",
    [
        ("text", {}, TypeError, "got a single str"),
        ({"kind": "direct", "content": [0, 1]}, {}, TypeError, "got a single dict"),
        ([("a", [])], {"doc_id": "x"}, ValueError, "'doc_id' is for the quotes of one document"),
        ([42], {}, TypeError, r"'quotes' item 0 must be a Quote"),
    ],
    ids=["string", "one-quote-dict", "doc-id-with-corpus", "number"],
)
def test_table_to_records_rejects_what_it_cannot_read(quotes, kwargs, error, message):
    with pytest.raises(error, match=message):
        quotelib.to_records(quotes, **kwargs)


def test_table_to_dataframe_rows_and_nullable_offsets(corpus):
    need("pandas")
    frame = quotelib.to_dataframe(corpus)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert frame["doc_id"].tolist() == ["budget", "talks"]
    assert str(frame["speaker_start"].dtype) == "Int64"
    assert frame["speaker_start"].isna().tolist() == [False, True]
    assert frame.loc[0, "content_end"] == quotelib.to_records(corpus)[0]["content_end"]


def test_table_to_dataframe_of_nothing_keeps_the_columns():
    need("pandas")
    frame = quotelib.to_dataframe([])
    assert frame.empty and list(frame.columns) == list(RECORD_FIELDS)


def test_table_to_dataframe_without_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'quotelib\[pandas\]'"):
        quotelib.to_dataframe([])


def test_table_format_table_shows_speaker_cue_and_parts():
    table = format_table(quotelib.extract_quotes(TEXT))
    header, rule, row = table.splitlines()
    assert header.split() == ["kind", "speaker", "cue", "content"]
    assert row.startswith("direct   Senator Ann Lee")
    assert "It is a hard decision, … But it is the right one." in row


SURROGATE = '"We will \ud800 appeal," the mayor said.'


def test_table_to_dataframe_stores_lone_surrogates_as_replacement_characters():
    need("pandas")
    quotes = quotelib.extract_quotes(SURROGATE)
    frame = quotelib.to_dataframe(quotes, doc_id="x\ud800")
    assert frame.loc[0, "doc_id"] == "x\ufffd"
    assert frame.loc[0, "content"] == "We will \ufffd appeal,"
    assert (frame.loc[0, "content_start"], frame.loc[0, "content_end"]) == (1, 18)
    [row] = quotelib.to_records(quotes, doc_id="x\ud800")  # records keep the text as it is
    assert row["content"] == SURROGATE[1:18] == "We will \ud800 appeal,"


def test_table_format_table_shows_control_characters_as_escapes():
    text = "Xi\x1b[8m stated that ties are \x1b]0;title\x07strong\u202e."
    table = format_table(quotelib.extract_quotes(text))
    assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    assert "\\x1b]0;title\\x07strong\\u202e" in table
    table.encode("utf-8")
    assert "\ud800" not in format_table(quotelib.extract_quotes(SURROGATE))

"""quotelib.corpus.options: one record of read options, checked with errors that name the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelib.corpus.options import ReadOptions, resolve_options


@pytest.mark.parametrize(
    "field, value, error, message",
    [
        ("group_by", 3, TypeError, "'group_by' must be a str or None (got 3"),
        ("date_field", ["date"], TypeError, "'date_field' must be a str or None"),
        ("id_field", None, TypeError, "'id_field' must be a str (got None"),
        ("text_field", b"text", TypeError, "'text_field' must be a str (got b'text'"),
        ("nlp", 1.5, TypeError, "'nlp' must be a spacy Language, a pipeline name or path"),
        ("n_process", "2", TypeError, "'n_process' must be an int (got '2'"),
        ("n_process", True, TypeError, "'n_process' must be an int (got True"),
        ("n_process", -2, ValueError, "'n_process' must be a positive number of processes or -1"),
        ("batch_size", 0, ValueError, "'batch_size' must be a positive int or None (got 0)"),
        ("batch_size", 2.0, TypeError, "'batch_size' must be an int or None"),
    ],
    ids=lambda value: str(value) if isinstance(value, str) else None,
)
def test_options_bad_field_named_in_the_error(field, value, error, message):
    with pytest.raises(error) as raised:
        ReadOptions(**{field: value})
    assert str(raised.value).startswith(message)


def test_options_good_values_kept():
    options = ReadOptions(group_by="meta.outlet", nlp=Path("models/en"), n_process=-1, batch_size=8)
    assert (options.group_by, options.nlp, options.n_process, options.batch_size) == (
        "meta.outlet",
        Path("models/en"),
        -1,
        8,
    )
    assert ReadOptions() == ReadOptions(id_field="id", text_field="text", n_process=1)
    with pytest.raises(TypeError):
        ReadOptions("meta.outlet")  # keyword-only


def test_options_given_once_either_as_record_or_as_keywords():
    record = ReadOptions(date_field="date")
    assert resolve_options(record, ReadOptions(), "f") is record
    assert resolve_options(None, record, "f") is record
    with pytest.raises(TypeError, match="f takes its read options as 'options' or as keywords"):
        resolve_options(record, ReadOptions(n_process=2), "f")
    with pytest.raises(TypeError, match="'options' must be a ReadOptions"):
        resolve_options({"date_field": "date"}, ReadOptions(), "f")

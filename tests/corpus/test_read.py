"""quotelib.corpus.read: an index of texts or of answers, in one pass, from records or files."""

from __future__ import annotations

import json

import pytest

from quotelib.corpus.options import ReadOptions
from quotelib.corpus.read import index_files, index_records
from tests.corpus.golden import DOCS, GOLDEN, index_of


def test_read_index_records_of_texts_equals_of_answers(answers):
    from_texts = index_records(DOCS, date_field="date")
    assert from_texts.people() == index_of(answers, date_field="date").people()
    assert from_texts.groups() == index_of(answers, date_field="date").groups()


def test_read_options_record_reads_as_its_keywords(answers, tmp_path):
    options = ReadOptions(group_by="outlet", date_field="date", id_field="name")
    renamed = [{"name": answer["id"], **answer} for answer in answers]
    for answer in renamed:
        del answer["id"]
    expected = index_of(answers, group_by="outlet", date_field="date")
    from_record = index_records(renamed, options)
    from_keywords = index_records(renamed, group_by="outlet", date_field="date", id_field="name")
    assert from_record.people() == from_keywords.people() == expected.people()
    assert from_record.groups() == expected.groups()
    lines = tmp_path / "answers.jsonl"
    lines.write_text("".join(json.dumps(a) + "\n" for a in renamed), encoding="utf-8")
    from_file = index_files([str(lines)], options)
    assert from_file.people() == expected.people() and from_file.documents == expected.documents


def test_read_options_and_keywords_together_refused():
    with pytest.raises(TypeError, match=r"not both \(got options and group_by='outlet'\)"):
        index_records([], ReadOptions(), group_by="outlet")


def test_read_index_files_of_texts_with_default_options():
    index = index_files([str(GOLDEN)])
    assert len(index.documents) == len(DOCS) and index.skipped == []
    assert index.people()[0].key == "vladimir-putin"

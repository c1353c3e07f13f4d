"""What ``--resume`` keeps of an interrupted run: complete answers of the same run only."""

from __future__ import annotations

import json

import pytest

from quotelib.io.inputs import Record
from quotelib.io.outputs import OutputFormat, OutputWriter
from quotelib.io.resume import Answered, check_meta, describe_run, skip_answered


@pytest.mark.parametrize(
    "line",
    [
        '{"id": 2, "quotes": [], "extra": 1}',
        '{"quotes": []}',
        '{"id": 2}',
        '{"id": 2, "quotes": [1]}',
        '{"id": NaN, "quotes": []}',
        '{"id": 2,  "quotes": []}',
        "[1, 2]",
        '"text"',
        "",
        '{"id": "\u2028", "quotes": []}',
    ],
    ids=[
        "extra-key",
        "no-id",
        "no-answer",
        "bad-quotes",
        "nan",
        "not-as-written",
        "array",
        "string",
        "blank",
        "raw-separator",
    ],
)
def test_resume_redoes_everything_from_a_line_that_is_no_answer(tmp_path, line):
    partial = tmp_path / "out.jsonl.partial"
    kept = '{"id": 1, "quotes": []}\n'
    partial.write_text(kept + line + "\n" + '{"id": 3, "error": "x"}\n', encoding="utf-8")
    writer = OutputWriter(str(tmp_path / "out.jsonl"), OutputFormat.jsonl, resume=True)
    assert [answer.id for answer in writer.answered] == [1]
    writer.write(2, [], None)
    writer.close(complete=True)
    assert (tmp_path / "out.jsonl").read_text(
        encoding="utf-8"
    ) == kept + '{"id": 2, "quotes": []}\n'


def test_resume_drops_a_cut_line(tmp_path):
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text(
        '{"id": 1, "quotes": []}\n{"id": 2, "error": "x"}\n{"id": 3, "quo', encoding="utf-8"
    )
    writer = OutputWriter(str(tmp_path / "out.jsonl"), OutputFormat.jsonl, resume=True)
    assert (writer.resumed, writer.resumed_failed) == (2, 1)
    writer.write(3, [], None)
    writer.close(complete=True)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2, 3]


def test_resume_check_meta_names_the_first_difference(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "x"}\n', encoding="utf-8")
    partial, meta = tmp_path / "out.jsonl.partial", tmp_path / "out.jsonl.partial.meta"
    run = describe_run([str(tmp_path / "in.jsonl")], {"id_field": "id", "text_field": "text"})
    with pytest.raises(ValueError, match="has no out.jsonl.partial.meta, so its inputs"):
        check_meta(partial, meta, run)
    meta.write_text(json.dumps(run), encoding="utf-8")
    check_meta(partial, meta, run)  # the same run: kept
    other = {**run, "text_field": "body"}
    with pytest.raises(ValueError, match='another run \\(text_field was "text", now "body"\\)'):
        check_meta(partial, meta, other)


def test_resume_skip_answered_checks_the_ids_in_order(tmp_path):
    records = [Record("a", "x"), Record("b", "y"), Record("c", "z")]
    kept = [Answered("a", None, 0), Answered("b", "not read", 0)]
    assert list(skip_answered(records, kept, tmp_path / "out.partial")) == [records[2]]
    with pytest.raises(ValueError, match='answer 2 is for id "b", input record 2 has id "c"'):
        skip_answered([records[0], records[2]], kept, tmp_path / "out.partial")
    with pytest.raises(ValueError, match="holds 2 answers but the inputs have only 1 records"):
        skip_answered(records[:1], kept, tmp_path / "out.partial")

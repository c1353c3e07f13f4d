"""``quotelib evaluate``: predictions scored against annotated documents."""

from __future__ import annotations

import json

import quotelib
from tests.cli.helpers import (
    DEEP,
    DOCS,
    GOOD,
    HUGE_INT,
    as_lines,
    invoke,
    no_traceback,
    run_extract,
)


def test_cli_evaluate_prints_the_scores_of_quotelib_evaluate(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    predicted = tmp_path / "predicted.jsonl"
    assert run_extract(str(gold), "-o", str(predicted), "-q").exit_code == 0
    result = invoke("evaluate", str(gold), str(predicted))
    assert result.exit_code == 0, result.stderr
    gold_docs = [json.loads(line) for line in gold.read_text().splitlines()]
    expected = quotelib.evaluate(
        gold_docs, {d["id"]: quotelib.extract_quotes(d["text"]) for d in gold_docs}
    )
    assert result.stdout.strip() == expected.format_table()
    as_json = invoke("evaluate", str(gold), str(predicted), "--json")
    assert json.loads(as_json.stdout)["partial@0.3"]["f1"] == expected.partial_03.f1


def test_cli_evaluate_reports_bad_lines_and_error_records(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "g1", "quotes": []}\n{"id": \n')
    result = invoke("evaluate", str(gold), str(broken))
    assert result.exit_code == 1
    assert f"malformed JSON on line 2 of {broken}" in result.stderr
    failed = tmp_path / "failed.jsonl"
    failed.write_text('{"id": "g1", "error": "boom"}\n')
    result = invoke("evaluate", str(gold), str(failed))
    assert result.exit_code == 0
    assert "1 predicted records have no quotes (errors), scored as predicting none" in result.stderr
    assert "partial@0.3 0.000 0.000" in result.stdout


def test_cli_evaluate_missing_file_exits_2(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    result = invoke("evaluate", str(gold), str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2
    assert f"quotelib: no such file or folder: {tmp_path / 'missing.jsonl'}" in result.stderr


def test_cli_evaluate_reports_every_bad_line_without_a_traceback(tmp_path):
    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "predicted.jsonl"
    gold.write_text(as_lines(DEEP, (DOCS / "examples" / "gold.jsonl").read_text().split("\n")[0]))
    predicted.write_text(as_lines('{"id": "g1", "quotes": []}', HUGE_INT, "[1]"))
    result = invoke("evaluate", str(gold), str(predicted))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    reported = [line.split(":")[1].strip() for line in result.stderr.splitlines()]
    assert reported == [
        f"cannot read line 1 of {gold}",
        f"cannot read line 2 of {predicted}",
        f"line 3 of {predicted} is not a JSON object (got an array)",
    ]


def test_cli_evaluate_bad_gold_offsets_are_a_clear_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    quote = {"content_parts": [[8, 99]], "speaker": [0, 2], "kind": "indirect"}
    gold.write_text(as_lines(json.dumps({"id": "g1", "text": GOOD, "quotes": [quote]})))
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text(as_lines('{"id": "g1", "quotes": []}'))
    result = invoke("evaluate", str(gold), str(predicted))
    no_traceback(result)
    assert result.exit_code == 1
    assert (
        f"quotelib: cannot score {predicted} against {gold}: gold document 'g1' quote 0: "
        f"'content_parts'[0] must be [start, end] with 0 <= start <= end <= {len(GOOD)}, "
        "the length of the text (got [8, 99])"
    ) in result.stderr

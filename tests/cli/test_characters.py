"""``quotelib characters``: one book's characters as a table, CSV or JSON lines."""

from __future__ import annotations

import csv
import io

from tests.cli.helpers import answers_of, invoke, run_quotelib
from tests.test_book import STORY


def test_cli_characters_table(tmp_path):
    book = tmp_path / "book.txt"
    book.write_text(STORY, encoding="utf-8")
    result = invoke("characters", str(book))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:6] == ["key", "name", "gender", "mentions", "quotes", "narrator"]
    assert any(line.split()[:3] == ["harlow", "Harlow", "male"] for line in lines)


def test_cli_characters_jsonl_and_csv_to_a_file(tmp_path):
    book = tmp_path / "book.txt"
    book.write_text(STORY, encoding="utf-8")
    result = invoke("characters", str(book), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = answers_of(result.stdout)
    assert {row["key"] for row in rows} >= {"harlow", "clara-harlow"}
    assert next(r for r in rows if r["key"] == "harlow")["aliases"] == {"Mr. Harlow": 3}
    out = tmp_path / "characters.csv"
    result = invoke("characters", str(book), "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    read = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["key"] for r in read] == [r["key"] for r in rows]
    assert next(r for r in read if r["key"] == "clara-harlow")["gender"] == "female"


def test_cli_characters_missing_book_is_a_clear_error(tmp_path):
    result = run_quotelib("characters", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "no such file" in result.stderr

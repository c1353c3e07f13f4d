"""quotelib.corpus as a package and on the command line: ``quotelib speakers`` and ``quotelib groups``
on the golden corpus, and imports kept light (the package's imports and lengths are checked
with every package's, in tests/test_architecture.py).
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

import quotelib
import quotelib.corpus
from quotelib.cli import app
from quotelib.corpus.index import CorpusIndex
from tests.corpus.golden import GOLDEN, WIRE, said
from tests.optional import need


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def test_corpus_cli_speakers_formats(tmp_path, answers):
    extracted = tmp_path / "out.jsonl"
    extracted.write_text("".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8")
    result = _run("speakers", str(extracted), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["key"] == "vladimir-putin" and rows[0]["quotes"] == 12
    assert {"key", "name", "aliases", "quotes", "documents", "by_kind", "gender_evidence"} <= set(
        rows[0]
    )
    table = _run("speakers", str(extracted))
    assert table.stdout.splitlines()[1].split()[:3] == ["vladimir-putin", "Vladimir", "Putin"]
    csv_out = _run("speakers", str(extracted), "--format", "csv", "--group-by", "outlet")
    assert csv_out.stdout.splitlines()[0].startswith("key,name,kind,aliases,quotes,documents")
    assert len(csv_out.stdout.splitlines()) == 1 + len(rows) + 3  # Putin in 3 outlets, Marsh in 2
    pd = need("pandas")
    need("pyarrow")
    parquet = tmp_path / "people.parquet"
    assert (
        _run("speakers", str(extracted), "--format", "parquet", "-o", str(parquet)).exit_code == 0
    )
    frame = pd.read_parquet(parquet)
    assert list(frame["key"][:2]) == ["vladimir-putin", "elena-marsh"]
    assert _run("speakers", str(extracted), "--format", "parquet").exit_code == 2  # no file


def test_corpus_cli_groups_from_texts(tmp_path):
    result = _run("groups", str(GOLDEN), "--format", "jsonl", "--date-field", "date")
    assert result.exit_code == 0, result.output
    [group] = [json.loads(line) for line in result.stdout.splitlines()]
    assert group["members"] == WIRE and group["speaker"] == "vladimir-putin"
    assert group["earliest"] == ["gazette-01", "2024-03-03"]
    assert _run("groups", str(GOLDEN)).stdout.splitlines()[1].startswith("   5  vladimir-putin  We")
    csv_out = _run("groups", str(GOLDEN), "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "text,speaker,members,documents,earliest" and len(csv_out) == 2


def test_corpus_cli_bad_lines_named_and_the_rest_counted(tmp_path, answers):
    mixed = tmp_path / "mixed.jsonl"
    lines = [json.dumps(a) for a in answers[:3]] + ["not json", '{"id": "e", "error": "boom"}']
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run("speakers", str(mixed), "--format", "jsonl")
    assert result.exit_code == 1
    assert "line 4 of" in result.stderr and "is an error: boom" in result.stderr
    assert "3 documents" in result.stderr and "2 records skipped" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["key"] == "vladimir-putin"
    assert _run("speakers", str(tmp_path / "missing.jsonl")).exit_code == 2


def test_corpus_cli_bad_n_process_refused_before_reading(tmp_path):
    result = _run("groups", str(GOLDEN), "--n-process", "0")
    assert result.exit_code == 2
    assert "Invalid value for --n-process: must be a positive number or -1" in result.stderr
    # As `quotelib extract`: the option is refused before the inputs are looked at.
    missing = _run("speakers", str(tmp_path / "missing.jsonl"), "--n-process", "-3")
    assert missing.exit_code == 2 and "must be a positive number or -1" in missing.stderr
    assert "no such file or folder" not in missing.stderr


def test_corpus_cli_no_groups_still_writes_a_csv_header(tmp_path):
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "a", "quotes": [said("Ann Lee")]}) + "\n", encoding="utf-8")
    result = _run("groups", str(one), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["text,speaker,members,documents,earliest"]


def test_corpus_extract_parquet_carries_metadata(tmp_path):
    pq = need("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    result = _run("extract", str(GOLDEN), "--format", "parquet", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    assert len(table) == 32  # the golden articles' quotes, one row each
    first = table[0]
    assert (first["doc_id"], first["outlet"], first["date"]) == (
        "herald-01",
        "Herald",
        "2024-03-04",
    )
    assert first["speaker_name"] == "Vladimir Putin" and first["content_parts"] == [
        [first["content_start"], first["content_end"]]
    ]
    assert "text" not in first  # the text is not metadata
    refused = _run("extract", str(GOLDEN), "--format", "parquet")
    assert refused.exit_code == 2 and "needs an output file" in refused.stderr


def test_corpus_import_leaves_textacy_datasketch_and_pyarrow_out():
    import subprocess
    import sys

    code = (
        "import sys, quotelib, quotelib.corpus, quotelib.cli.corpus, quotelib.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textacy', 'datasketch', 'pyarrow', 'dask'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert quotelib.CorpusIndex is CorpusIndex and "CorpusIndex" in quotelib.__all__

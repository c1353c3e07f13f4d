"""The command line, run as a user runs it."""

from __future__ import annotations

import csv
import doctest
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotelib
import quotelib.component
from quotelib.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d05105c950b0ed4e.txt"
DOCS = ROOT / "docs"


def _run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "quotelib", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_show_prints_the_seed_table():
    result = _run("show", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["kind", "speaker", "cue", "content"]
    assert any(
        line.split()[:5] == ["indirect", "Xi", "(Xi", "Jinping)", "stated"] for line in lines
    )
    assert any(line.split()[:2] == ["direct", "Putin"] and "addressing" in line for line in lines)
    assert "attributions" in result.stderr


def test_cli_show_reads_stdin():
    result = _run("show", "-", stdin="Officials warned that the storm could cause flooding.\n")
    assert result.returncode == 0, result.stderr
    assert "Officials" in result.stdout and "warned" in result.stdout


def test_cli_show_missing_file_is_a_clear_error(tmp_path):
    result = _run("show", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "cannot read" in result.stderr


# --- quotelib extract, run in process (the model is loaded once) ---------------------------

GOOD = "Xi stated that the international situation has become turbulent."
SECOND = '"We will not back down," Mayor Jane Smith said on Monday.'


def _extract(*args, stdin=None):
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def _answers(text):
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def mixed_jsonl(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": GOOD}).encode(),
        b'{"id": "a2", "text": "Officials said',
        json.dumps({"id": "a3", "title": "no text"}).encode(),
        json.dumps({"id": "a4", "text": 42}).encode(),
        b"",
        json.dumps({"id": "a5", "text": ""}).encode(),
        b"[1, 2]",
        json.dumps({"text": SECOND}).encode(),
        b'{"id": "a8", "text": "caf\xe9"}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_cli_extract_answers_every_jsonl_line(mixed_jsonl):
    result = _extract(str(mixed_jsonl))
    assert result.exit_code == 1
    answers = _answers(result.stdout)
    source = str(mixed_jsonl)
    assert [a["id"] for a in answers] == [
        "a1",
        f"{source}:2",
        "a3",
        "a4",
        "a5",
        f"{source}:7",
        f"{source}:8",
        f"{source}:9",
    ]
    assert answers[0]["quotes"] == [q.to_dict() for q in quotelib.extract_quotes(GOOD)]
    assert answers[1]["error"].startswith(f"malformed JSON on line 2 of {source}")
    assert answers[2]["error"] == f"no 'text' field on line 3 of {source}"
    assert (
        answers[3]["error"] == f"'text' must be a string (got a number: 42) on line 4 of {source}"
    )
    assert answers[4] == {"id": "a5", "quotes": []}
    assert answers[5]["error"] == f"line 7 of {source} is not a JSON object (got an array)"
    assert answers[6]["quotes"] == [q.to_dict() for q in quotelib.extract_quotes(SECOND)]
    assert answers[7]["error"].startswith(f"line 9 of {source} is not UTF-8")
    assert "quotelib: 8 records read, 3 answered, 5 failed" in result.stderr
    assert f"quotelib: no 'text' field on line 3 of {source}" in result.stderr


def test_cli_extract_reads_files_folders_and_stdin_in_order(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("Officials warned that the storm could cause flooding.", encoding="utf-8")
    result = _extract(str(single), str(folder), "-", stdin=GOOD)
    assert result.exit_code == 0, result.stderr
    answers = _answers(result.stdout)
    assert [a["id"] for a in answers] == [
        str(single),
        str(folder / "b.txt"),
        str(folder / "sub" / "a.txt"),
        "<stdin>",
    ]
    assert [q["speaker_text"] for q in answers[0]["quotes"]] == ["Officials"]
    assert answers[3]["quotes"] == answers[2]["quotes"]
    assert "4 records read, 4 answered, 0 failed" in result.stderr


def test_cli_extract_empty_folder_is_an_error_record(tmp_path):
    (tmp_path / "empty").mkdir()
    result = _extract(str(tmp_path / "empty"))
    assert result.exit_code == 1
    [answer] = _answers(result.stdout)
    assert answer["error"] == f"no .txt or .txt.gz files in folder {tmp_path / 'empty'}"


def test_cli_extract_stdin_jsonl_and_custom_fields():
    lines = "\n" + json.dumps({"doc": 7, "body": GOOD}) + "\n"
    result = _extract("-", "--id-field", "doc", "--text-field", "body", stdin=lines)
    assert result.exit_code == 0, result.stderr
    [answer] = _answers(result.stdout)
    assert answer["id"] == 7
    assert [q["cue_text"] for q in answer["quotes"]] == ["stated"]
    forced = _extract("-", "--input-format", "text", stdin='{"id": 1}')
    assert _answers(forced.stdout) == [{"id": "<stdin>", "quotes": []}]


def test_cli_extract_csv_has_one_row_per_quote(mixed_jsonl, tmp_path):
    out = tmp_path / "quotes.csv"
    result = _extract(str(mixed_jsonl), "--format", "csv", "-o", str(out))
    assert result.exit_code == 1
    with out.open(encoding="utf-8", newline="") as rows:
        table = list(csv.DictReader(rows))
    expected = quotelib.to_records(
        [
            ("a1", quotelib.extract_quotes(GOOD)),
            (f"{mixed_jsonl}:8", quotelib.extract_quotes(SECOND)),
        ]
    )
    assert [row["doc_id"] for row in table] == [row["doc_id"] for row in expected]
    assert table[1]["content"] == expected[1]["content"] == "We will not back down,"
    assert int(table[1]["speaker_start"]) == expected[1]["speaker_start"]
    assert "failed" in result.stderr


def test_cli_extract_html_writes_a_page_or_a_folder(tmp_path, mixed_jsonl):
    page = tmp_path / "all.html"
    result = _extract(str(mixed_jsonl), "-o", str(tmp_path / "q.jsonl"), "--html", str(page))
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert html.count("<article>") == 8
    assert html.rstrip().endswith("</html>")
    assert "Not read: no &#x27;text&#x27; field" in html
    folder = tmp_path / "pages"
    result = _extract(str(mixed_jsonl), "-o", str(tmp_path / "q.jsonl"), "--html", str(folder))
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["0001-a1.html", "0005-a5.html", "0007-mixed.jsonl-8.html", "index.html"]
    assert "Mayor Jane Smith" in (folder / "0007-mixed.jsonl-8.html").read_text(encoding="utf-8")
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert '<a href="0001-a1.html">a1</a>: 1 quotes' in index
    assert "malformed JSON on line 2" in index


def test_cli_extract_two_processes_write_what_one_writes(tmp_path):
    texts = [GOOD, SECOND, "", "Critics argued that the plan was reckless."] * 3
    path = tmp_path / "texts.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    one = _extract(str(path), "--batch-size", "2")
    two = _extract(str(path), "--n-process", "2", "--batch-size", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(_answers(two.stdout)) == 12


@pytest.mark.parametrize(
    "options, batch_size",
    [([], None), (["--n-process", "2"], None), (["--n-process", "2", "--batch-size", "4"], 4)],
    ids=["one-process", "workers", "workers-chosen"],
)
def test_cli_extract_batch_size_defaults_to_the_stream_default(
    tmp_path, monkeypatch, options, batch_size
):
    called = {}

    def recorded(items, **kwargs):
        called.update(kwargs)
        return iter([])

    monkeypatch.setattr("quotelib.cli.pipe_results", recorded)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert _extract(str(path), "--quiet", *options).exit_code == 0
    assert called["batch_size"] == batch_size  # None: quotelib.stream.BATCH_SIZE


def test_cli_extract_progress_only_on_a_terminal_and_not_quiet(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    piped = _extract(str(path))
    assert "doc/s" not in piped.stderr
    assert piped.stderr.strip() == "quotelib: 1 record read, 1 answered, 0 failed"
    monkeypatch.setattr("quotelib.cli._stderr_is_terminal", lambda: True)
    shown = _extract(str(path))
    assert "doc/s" in shown.stderr and "1/1" in shown.stderr
    quiet = _extract(str(path), "--quiet")
    assert quiet.stderr == ""
    assert _answers(quiet.stdout) == _answers(shown.stdout)


def test_cli_extract_failure_inside_one_text_spares_the_others(tmp_path, break_on_boom):
    break_on_boom("quotelib.stream.quotes_from_doc")
    path = tmp_path / "texts.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": t}) + "\n"
            for i, t in enumerate([GOOD, "BOOM said he.", SECOND])
        )
    )
    result = _extract(str(path))
    assert result.exit_code == 1
    answers = _answers(result.stdout)
    assert [len(a.get("quotes", [])) for a in answers] == [1, 0, 1]
    assert answers[1]["error"] == "quotelib could not read this Doc: RuntimeError: simulated bug"
    assert "quotelib: 1: quotelib could not read this Doc" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--model", "en_core_web_nonexistent"], "is not installed"),
        (["-o", "/nonexistent-dir/out.jsonl"], "cannot write /nonexistent-dir/out.jsonl"),
        (["--n-process", "0"], "must be a positive number or -1"),
    ],
    ids=["unknown-model", "unwritable-output", "zero-processes"],
)
def test_cli_extract_cannot_start_exits_2(tmp_path, args, message):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = _extract(str(path), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


# --- quotelib evaluate -----------------------------------------------------------------------


def test_cli_evaluate_prints_the_scores_of_quotelib_evaluate(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    predicted = tmp_path / "predicted.jsonl"
    assert _extract(str(gold), "-o", str(predicted), "-q").exit_code == 0
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(predicted)])
    assert result.exit_code == 0, result.stderr
    gold_docs = [json.loads(line) for line in gold.read_text().splitlines()]
    expected = quotelib.evaluate(
        gold_docs, {d["id"]: quotelib.extract_quotes(d["text"]) for d in gold_docs}
    )
    assert result.stdout.strip() == expected.format_table()
    as_json = CliRunner().invoke(app, ["evaluate", str(gold), str(predicted), "--json"])
    assert json.loads(as_json.stdout)["partial@0.3"]["f1"] == expected.partial_03.f1


def test_cli_evaluate_reports_bad_lines_and_error_records(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "g1", "quotes": []}\n{"id": \n')
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(broken)])
    assert result.exit_code == 1
    assert f"malformed JSON on line 2 of {broken}" in result.stderr
    failed = tmp_path / "failed.jsonl"
    failed.write_text('{"id": "g1", "error": "boom"}\n')
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(failed)])
    assert result.exit_code == 0
    assert "1 predicted records have no quotes (errors), scored as predicting none" in result.stderr
    assert "partial@0.3 0.000 0.000" in result.stdout


# --- the shell sessions of docs/workflows.md, run as shown ----------------------------------


def _console_blocks(path):
    """(line number, [(command, expected output)]) for each ```console block."""
    blocks, session, start = [], None, 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() == "```console":
            session, start = [], number
        elif session is not None and line.strip() == "```":
            blocks.append((start, session))
            session = None
        elif session is not None and line.startswith("$ "):
            session.append((line[2:], []))
        elif session:
            session[-1][1].append(line)
    return blocks


WORKFLOWS = DOCS / "workflows.md"


@pytest.mark.parametrize(
    "start, session",
    _console_blocks(WORKFLOWS),
    ids=[f"line-{start}" for start, _ in _console_blocks(WORKFLOWS)],
)
def test_cli_docs_sessions_print_what_the_docs_show(tmp_path, start, session):
    shutil.copytree(DOCS / "examples", tmp_path / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    checker = doctest.OutputChecker()
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    for command, expected_lines in session:
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )
        expected = "\n".join(expected_lines).strip() + "\n"
        got = result.stdout.strip() + "\n"
        assert checker.check_output(expected, got, flags), (
            f"docs/workflows.md, block at line {start}: $ {command}\n"
            f"--- expected\n{expected}--- got\n{got}"
        )

"""The command line, run as a user runs it."""

from __future__ import annotations

import contextlib
import csv
import doctest
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotelib
import quotelib.cli
import quotelib.component
import quotelib.io.outputs
from quotelib.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
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
    # A missing input is exit status 2, as for extract and evaluate (docs/workflows.md).
    result = _run("show", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_cli_show_unreadable_file_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    result = _run("show", str(path))
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

    monkeypatch.setattr("quotelib.cli.app.pipe_results", recorded)
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
    monkeypatch.setattr("quotelib.cli.app._stderr_is_terminal", lambda: True)
    shown = _extract(str(path))
    assert "doc/s" in shown.stderr and "1/1" in shown.stderr
    quiet = _extract(str(path), "--quiet")
    assert quiet.stderr == ""
    assert _answers(quiet.stdout) == _answers(shown.stdout)


def test_cli_extract_failure_inside_one_text_spares_the_others(tmp_path, break_on_boom):
    break_on_boom("quotelib.batch.reading.quotes_from_doc")
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


# --- issue #10, the input side: every record answered, the run never ends on one --------------

HUGE_INT = '{"id": ' + "9" * 5000 + ', "text": "x"}'
DEEP = "[" * 100_000


def _lines(*lines):
    return "".join(line + "\n" for line in lines)


def _no_traceback(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr


def test_cli_extract_lines_that_break_the_json_parser_are_answered(tmp_path):
    good, last = json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "z", "text": SECOND})
    path = tmp_path / "in.jsonl"
    path.write_text(_lines(good, HUGE_INT, DEEP, last), encoding="utf-8")
    for args, stdin, source in (
        ([str(path)], None, str(path)),
        (["-"], path.read_text(), "<stdin>"),
    ):
        result = _extract(*args, stdin=stdin)
        _no_traceback(result)
        assert result.exit_code == 1
        answers = _answers(result.stdout)
        assert [a["id"] for a in answers] == ["a", f"{source}:2", f"{source}:3", "z"]
        assert "a number too long to read" in answers[1]["error"]
        assert "nested too deeply" in answers[2]["error"]
        assert "4 records read, 2 answered, 2 failed" in result.stderr


def test_cli_extract_resume_goes_past_a_bad_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(_lines(json.dumps({"id": "a", "text": GOOD}), HUGE_INT, DEEP), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _extract(str(path), "-o", str(out)).exit_code == 1
    expected = out.read_text(encoding="utf-8")
    out.write_text(expected.splitlines(True)[0], encoding="utf-8")  # only the first answer kept
    resumed = _extract(str(path), "-o", str(out), "--resume")
    _no_traceback(resumed)
    assert resumed.exit_code == 1
    assert out.read_text(encoding="utf-8") == expected


def test_cli_extract_file_name_not_utf8_writes_utf8_json(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    try:
        Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out.jsonl"
    result = _extract(str(folder), "-o", str(out))
    _no_traceback(result)
    assert result.exit_code == 0
    [answer] = _answers(out.read_bytes().decode("utf-8"))
    assert answer["id"] == f"{folder}/caf\\xe9.txt"
    assert answer["quotes"][0]["cue_text"] == "stated"


def test_cli_extract_folder_problems_are_answered_and_skips_are_told(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "B.TXT").write_text(SECOND, encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    real_scandir = os.scandir

    def scandir(path):  # as for a folder without read permission (the tests may run as root)
        if os.fspath(path) == str(folder / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = _extract(str(folder))
    _no_traceback(result)
    assert result.exit_code == 1
    answers = {Path(a["id"]).name: a.get("error") for a in _answers(result.stdout)}
    assert answers == {
        "B.TXT": None,
        "a.txt": None,
        "fifo.txt": f"cannot read {folder / 'fifo.txt'}: a FIFO, not a regular file",
        "locked": f"cannot read folder {folder / 'locked'}: Permission denied",
        "zero.txt": f"cannot read {folder / 'zero.txt'}: a character device, not a regular file",
    }
    assert f"quotelib: folder {folder}: skipped 1 file (notes.md): not .txt or .txt.gz" in (
        result.stderr
    )
    assert "5 records read, 2 answered, 3 failed" in result.stderr
    assert "skipped" not in _extract(str(folder), "--quiet").stderr


def test_cli_extract_max_record_mb_and_gzip_inputs(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress(_lines(json.dumps({"id": "b", "text": SECOND})).encode())
    )
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 2_000_000))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:20])
    names = [
        str(tmp_path / name) for name in ("a.txt.gz", "b.jsonl.gz", "bomb.txt.gz", "cut.txt.gz")
    ]
    result = _extract(*names, "--max-record-mb", "1")
    _no_traceback(result)
    answers = _answers(result.stdout)
    assert [a["id"] for a in answers] == [names[0], "b", names[2], names[3]]
    assert answers[0]["quotes"][0]["cue_text"] == "stated"
    assert answers[1]["quotes"][0]["speaker_text"] == "Mayor Jane Smith"
    assert answers[2]["error"] == (
        f"cannot read {names[2]}: more than 1 MB decompressed, the limit for one record"
    )
    assert answers[3]["error"].startswith(f"cannot read {names[3]}: gzip data cut short")
    assert _answers(_extract(names[2]).stdout)[0]["quotes"] == []  # under the default limit


def test_cli_extract_missing_input_exits_2_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _extract(str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"quotelib: no such file or folder: {tmp_path / 'missing.txt'}\n"
    assert list(tmp_path.iterdir()) == [tmp_path / "a.txt"]  # no output, not even .partial


def test_cli_extract_offsets_index_the_text_after_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SECOND.encode())
    [answer] = _answers(_extract(str(path)).stdout)
    [stdin_answer] = _answers(_extract("-", stdin=path.read_bytes()).stdout)
    text = path.read_text(encoding="utf-8-sig")
    [quote] = answer["quotes"]
    assert text[slice(*quote["content"])] == quote["content_text"] == "We will not back down,"
    assert stdin_answer["quotes"] == answer["quotes"]


def test_cli_evaluate_missing_file_exits_2(tmp_path):
    gold = DOCS / "examples" / "gold.jsonl"
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    assert f"quotelib: no such file or folder: {tmp_path / 'missing.jsonl'}" in result.stderr


def test_cli_evaluate_reports_every_bad_line_without_a_traceback(tmp_path):
    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "predicted.jsonl"
    gold.write_text(_lines(DEEP, (DOCS / "examples" / "gold.jsonl").read_text().split("\n")[0]))
    predicted.write_text(_lines('{"id": "g1", "quotes": []}', HUGE_INT, "[1]"))
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(predicted)])
    _no_traceback(result)
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
    gold.write_text(_lines(json.dumps({"id": "g1", "text": GOOD, "quotes": [quote]})))
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text(_lines('{"id": "g1", "quotes": []}'))
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(predicted)])
    _no_traceback(result)
    assert result.exit_code == 1
    assert (
        f"quotelib: cannot score {predicted} against {gold}: gold document 'g1' quote 0: "
        f"'content_parts'[0] must be [start, end] with 0 <= start <= end <= {len(GOOD)}, "
        "the length of the text (got [8, 99])"
    ) in result.stderr


def test_cli_extract_hostile_inputs_in_a_real_process(tmp_path):
    """A few of the fuzz's generated inputs (tests/hostile_inputs.py) through ``python -m
    quotelib``, where standard input and output are real streams."""
    from tests.hostile_inputs import build, problems

    for seed in range(3):
        folder = tmp_path / f"run{seed}"
        folder.mkdir()
        made = build(random.Random(seed), folder, surrogates=False)
        out = folder / "answers.jsonl"
        result = subprocess.run(
            [sys.executable, "-m", "quotelib", "extract", *made.args, "-o", str(out)],
            input=made.stdin,
            capture_output=True,
            timeout=300,
        )
        assert result.returncode in (0, 1)
        assert problems(made, out.read_bytes(), result.stderr.decode("utf-8", "replace")) == []


# --- issue #10: output is valid UTF-8 JSON, never destroys a file, resumes exactly ----------

SURROGATE_TEXT = '"We will \ud800 appeal," the mayor said.'


def _jsonl(path, records):
    """Write records as JSONL the way other tools do (ASCII escapes, NaN allowed)."""
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _strict(line):
    return json.loads(line, parse_constant=lambda name: pytest.fail(f"not JSON: {name}"))


@pytest.mark.parametrize("where", ["file", "stdout", "csv", "html"])
def test_cli_extract_lone_surrogates_are_written_as_valid_utf8(tmp_path, where):
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "x\ud800", "text": SURROGATE_TEXT}])
    out = tmp_path / ("out.csv" if where == "csv" else "out.jsonl")
    args = {
        "file": ["-o", str(out)],
        "stdout": [],
        "csv": ["-o", str(out), "--format", "csv"],
        "html": ["-o", str(out), "--html", str(tmp_path / "pages")],
    }[where]
    result = CliRunner().invoke(app, ["extract", str(source), *args])
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes if where == "stdout" else out.read_bytes()
    written = data.decode("utf-8")  # strict: no UnicodeDecodeError
    if where == "csv":
        rows = list(csv.DictReader(written.splitlines()))
        assert rows[0]["doc_id"] == "x\ufffd"
        assert rows[0]["content"] == "We will \ufffd appeal,"
        assert (int(rows[0]["content_start"]), int(rows[0]["content_end"])) == (1, 18)
        return
    [answer] = [_strict(line) for line in written.splitlines()]
    assert answer["id"] == "x\ud800"
    [quote] = answer["quotes"]
    start, end = quote["content"]
    assert SURROGATE_TEXT[start:end] == quote["content_text"] == "We will \ud800 appeal,"
    if where == "html":
        for page in (tmp_path / "pages").iterdir():
            page.read_bytes().decode("utf-8")


def test_cli_extract_nan_ids_and_line_separators_give_one_valid_line_each(tmp_path):
    ids = [float("nan"), float("inf"), float("-inf"), "a\u2028b", "c\u2029d", "e\x85f"]
    records = [
        {"id": i, "text": f"Xi stated that ties are{sep}strong."}
        for i, sep in zip(ids, ["\u2028", "\u2029", "\x85", "\x0b", "\x1c", " "])
    ]
    source = _jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    result = _extract(str(source), "-o", str(out))
    assert result.exit_code == 1, result.stderr  # the three ids JSON cannot hold are errors
    lines = out.read_text(encoding="utf-8").splitlines()  # str.splitlines: every line break
    assert len(lines) == len(records)
    answers = [_strict(line) for line in lines]
    assert [a["id"] for a in answers] == [f"{source}:{n}" for n in (1, 2, 3)] + ids[3:]
    assert all("cannot be written back as JSON" in a["error"] for a in answers[:3])
    assert all(len(a["quotes"]) == 1 for a in answers[3:])


def test_cli_extract_weird_ids_are_written_as_json(tmp_path):
    ids = [{"doc": {"n": [1, 2]}}, [1, "a"], 10**40, None, True, 1.5, -0.0, ""]
    source = _jsonl(tmp_path / "in.jsonl", [{"id": i, "text": GOOD} for i in ids])
    result = _extract(str(source))
    assert result.exit_code == 0, result.stderr
    assert [_strict(line)["id"] for line in result.stdout.splitlines()] == ids


@pytest.mark.parametrize(
    "case", ["output", "html-page", "resume", "read-as-article", "html-folder", "linked-input"]
)
def test_cli_extract_refuses_to_write_over_an_input(tmp_path, case, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
    page = tmp_path / "in.html"
    page.write_text(SECOND, encoding="utf-8")
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("in.jsonl")
    args, message = {
        "output": (["in.jsonl", "-o", "in.jsonl"], "--output in.jsonl is the input in.jsonl"),
        "html-page": (["in.html", "--html", "in.html"], "--html in.html is the input in.html"),
        "resume": (["in.jsonl", "-o", "in.jsonl", "--resume"], "is the input in.jsonl"),
        "read-as-article": (["texts", "-o", "texts/out.txt"], "inside the input folder texts"),
        "html-folder": (["texts", "--html", "texts"], "--html texts is the input folder texts"),
        "linked-input": (["link.jsonl", "-o", "in.jsonl"], "is the input link.jsonl"),
    }[case]
    before = {path: path.read_bytes() for path in (source, page, folder / "a.txt")}
    result = _extract(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert {path: path.read_bytes() for path in before} == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob("*.lock"))


@pytest.mark.parametrize("option", ["-o", "--html"])
def test_cli_extract_output_folder_is_refused_before_any_work(tmp_path, monkeypatch, option):
    called = []
    monkeypatch.setattr(
        "quotelib.cli.app.pipe_results", lambda *a, **k: called.append(1) or iter([])
    )
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
    target = tmp_path / ("out" if option == "-o" else "page.html")
    target.mkdir()
    result = _extract(str(source), option, str(target))
    assert result.exit_code == 2
    assert f"{target} is a folder" in result.stderr
    assert called == [] and list(target.iterdir()) == []
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("locked", ["out.jsonl.lock", "page.html.lock", "pages/index.html.lock"])
def test_cli_extract_refuses_an_output_another_run_is_writing(tmp_path, locked):
    import fcntl

    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
    (tmp_path / "pages").mkdir()
    out, html = (
        tmp_path / "out.jsonl",
        tmp_path / locked.replace(".lock", "").replace("/index.html", ""),
    )
    fd = os.open(tmp_path / locked, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the other run holds it
    try:
        html_args = [] if locked.startswith("out") else ["--html", str(html)]
        result = _extract(str(source), "-o", str(out), *html_args)
    finally:
        os.close(fd)
    assert result.exit_code == 2
    assert "another quotelib run is writing" in result.stderr
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    again = _extract(str(source), "-o", str(out), "--html", str(tmp_path / "page.html"))
    assert again.exit_code == 0, again.stderr
    assert not (tmp_path / "out.jsonl.lock").exists() and not (tmp_path / "page.html.lock").exists()


def test_cli_extract_never_writes_through_a_planted_link(tmp_path):
    source = _jsonl(
        tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}, {"id": "a2", "text": SECOND}]
    )
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    links = [
        tmp_path / "out.jsonl.partial",
        tmp_path / "out.jsonl.partial.meta",
        tmp_path / "page.html.partial",
        pages / "0001-a1.html",
        pages / "index.html",
    ]
    for link in links:
        link.symlink_to(victim)
    out, page = tmp_path / "out.jsonl", tmp_path / "page.html"
    assert _extract(str(source), "-o", str(out), "--html", str(pages)).exit_code == 0
    assert (
        _extract(str(source), "-o", str(tmp_path / "b.jsonl"), "--html", str(page)).exit_code == 0
    )
    assert victim.read_text(encoding="utf-8") == "precious"
    assert [a["id"] for a in _answers(out.read_text(encoding="utf-8"))] == ["a1", "a2"]
    assert "Mayor Jane Smith" in page.read_text(encoding="utf-8")
    assert "Xi" in (pages / "0001-a1.html").read_text(encoding="utf-8")
    assert not any(path.is_symlink() for path in [*pages.iterdir(), out, page])


@contextlib.contextmanager
def _interrupted(after, *, between=False):
    """Runs inside stop (as at Ctrl-C) after `after` answers; `between`: after the next page."""
    real_pipe, real_write = quotelib.cli.app.pipe_results, quotelib.io.outputs.OutputWriter.write
    written = []

    def pipe(*args, **kwargs):
        for number, result in enumerate(real_pipe(*args, **kwargs)):
            if number == after and not between:
                raise KeyboardInterrupt
            yield result

    def write(self, *args):
        if between and len(written) == after:
            raise KeyboardInterrupt
        written.append(args)
        real_write(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("quotelib.cli.app.pipe_results", pipe)
        patch.setattr("quotelib.io.outputs.OutputWriter.write", write)
        yield


def _tree(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("pages", ["pages", "page.html"])
@pytest.mark.parametrize("between", [False, True], ids=["after-answer", "after-page"])
def test_cli_resume_with_html_equals_an_uninterrupted_run(tmp_path, pages, between):
    texts = [GOOD, SECOND, "", "Critics argued that the plan was reckless.", GOOD]
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    records.insert(2, {"id": "bad"})  # an error record in the middle
    run = tmp_path / "run"
    run.mkdir()
    _jsonl(run / "in.jsonl", records)
    args = [str(run / "in.jsonl"), "-o", str(run / "out.jsonl"), "--html", str(run / pages)]
    assert _extract(*args).exit_code == 1
    expected = tmp_path / "expected"
    shutil.copytree(run, expected)
    shutil.rmtree(run / pages) if pages == "pages" else (run / pages).unlink()
    (run / "out.jsonl").unlink()
    with _interrupted(3, between=between):
        stopped = _extract(*args)
    assert stopped.exit_code != 0 and not (run / "out.jsonl").exists()
    assert len((run / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()) == 3
    resumed = _extract(*args, "--resume")
    assert resumed.exit_code == 1, resumed.stderr
    assert "6 records read, 5 answered, 1 failed (3 answered before" in resumed.stderr
    assert _tree(run) == _tree(expected)
    if pages == "pages":
        assert _tree(run / "pages") == _tree(expected / "pages")


@pytest.mark.parametrize("change", ["input-content", "text-field", "no-meta", "input-path"])
def test_cli_resume_refuses_the_partial_of_another_run(tmp_path, monkeypatch, change):
    monkeypatch.chdir(tmp_path)
    _jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    _jsonl(tmp_path / "other.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    with _interrupted(2):
        assert _extract("in.jsonl", "-o", "out.jsonl").exit_code != 0
    partial = tmp_path / "out.jsonl.partial"
    before = partial.read_bytes()
    args = ["in.jsonl", "-o", "out.jsonl", "--resume"]
    if change == "input-content":
        _jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": SECOND} for i in range(4)])
    elif change == "text-field":
        args += ["--text-field", "body"]
    elif change == "no-meta":
        (tmp_path / "out.jsonl.partial.meta").unlink()
    else:
        args[0] = "other.jsonl"
    result = _extract(*args)
    assert result.exit_code == 2
    assert "run without --resume to start over" in result.stderr
    assert partial.read_bytes() == before and not (tmp_path / "out.jsonl").exists()


def test_cli_resume_refuses_answers_to_other_records(tmp_path):
    out = tmp_path / "out.jsonl"
    assert _extract("-", "-o", str(out), stdin=json.dumps({"id": "a", "text": GOOD})).exit_code == 0
    other = json.dumps({"id": "b", "text": GOOD}) + "\n" + json.dumps({"id": "c", "text": GOOD})
    result = _extract("-", "-o", str(out), "--resume", stdin=other)
    assert result.exit_code == 2
    assert 'answer 1 is for id "a", input record 1 has id "b"' in result.stderr
    assert _answers(out.read_text(encoding="utf-8")) == [
        {"id": "a", "quotes": [q.to_dict() for q in quotelib.extract_quotes(GOOD)]}
    ]


def test_cli_resume_redoes_garbage_lines_of_the_partial(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    full = tmp_path / "full.jsonl"
    assert _extract(str(source), "-o", str(full)).exit_code == 0
    with _interrupted(3):
        assert _extract(str(source), "-o", str(tmp_path / "out.jsonl")).exit_code != 0
    partial = tmp_path / "out.jsonl.partial"
    lines = partial.read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text(lines[0] + '{"id": "r1", "oops": 1}\n' + "".join(lines[1:]), "utf-8")
    resumed = _extract(str(source), "-o", str(tmp_path / "out.jsonl"), "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "1 answered before" in resumed.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == full.read_bytes()


def test_cli_version_prints_quotelib_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"quotelib {quotelib.__version__}"


@pytest.mark.parametrize("command", [[], ["extract"], ["show"], ["evaluate"]], ids=str)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_cli_help_with_h_or_help_everywhere(command, flag):
    result = CliRunner().invoke(app, [*command, flag])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout


def test_cli_show_unknown_model_is_a_clean_error_like_extract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    show = CliRunner().invoke(app, ["show", str(path), "--model", "nope"])
    extract = _extract(str(path), "--model", "nope")
    assert show.exit_code == extract.exit_code == 2
    assert show.stderr == extract.stderr
    assert show.stderr.startswith("quotelib: spaCy pipeline 'nope' is not installed")
    assert "Traceback" not in show.output


def test_cli_show_prints_no_terminal_escape_sequences(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Xi stated that ties are \x1b[2J\x1b]0;pwned\x07strong\x9b.", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    )
    assert "\\x1b[2J\\x1b]0;pwned\\x07strong\\x9b" in result.stdout
    [answer] = _answers(_extract(str(path)).stdout)  # the records keep the text as it is
    assert "\x1b[2J" in answer["quotes"][0]["content_text"]


def test_cli_extract_error_lines_print_no_terminal_escape_sequences(tmp_path, break_on_boom):
    break_on_boom("quotelib.batch.reading.quotes_from_doc")
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "\x1b[31mred", "text": "BOOM said he."}])
    result = _extract(str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "quotelib: \\x1b[31mred: quotelib could not read this Doc" in result.stderr
    [answer] = _answers((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert answer["id"] == "\x1b[31mred"


def test_cli_extract_csv_escapes_spreadsheet_formulas(tmp_path):
    text = '"=1+1," he said. "-2 today," said @bob.'
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "=cmd|' /C calc'!A0", "text": text}])
    out = tmp_path / "out.csv"
    assert _extract(str(source), "--format", "csv", "-o", str(out)).exit_code == 0
    with out.open(encoding="utf-8", newline="") as rows:
        table = list(csv.DictReader(rows))
    assert [row["content"] for row in table] == ["'=1+1,", "'-2 today,"]
    assert table[0]["doc_id"] == "'=cmd|' /C calc'!A0"
    assert table[1]["speaker"] == "'@bob"
    records = quotelib.to_records(quotelib.extract_quotes(text), doc_id="x")
    assert [row["content"] for row in records] == ["=1+1,", "-2 today,"]  # unchanged
    assert int(table[1]["content_start"]) == records[1]["content_start"]


def test_cli_extract_write_error_mid_run_is_one_line_and_keeps_the_answers(tmp_path):
    import errno

    source = _jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(3)])
    out = tmp_path / "out.jsonl"
    real_write = quotelib.io.outputs.OutputWriter.write
    written = []

    def full_disk(self, *args):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(args)
        real_write(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("quotelib.io.outputs.OutputWriter.write", full_disk)
        result = _extract(str(source), "-o", str(out), "--html", str(tmp_path / "pages"))
    assert result.exit_code == 1
    assert result.stderr == "quotelib: stopped: [Errno 28] No space left on device\n"
    assert not out.exists() and not (tmp_path / "pages" / "index.html").exists()
    assert len((tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()) == 1
    resumed = _extract(str(source), "-o", str(out), "--html", str(tmp_path / "pages"), "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert [a["id"] for a in _answers(out.read_text(encoding="utf-8"))] == ["r0", "r1", "r2"]
    assert (tmp_path / "pages" / "index.html").read_text(encoding="utf-8").count("<li>") == 3


def test_cli_resume_refused_leaves_no_pages_folder_behind(tmp_path):
    out = tmp_path / "out.jsonl"
    assert _extract("-", "-o", str(out), stdin=json.dumps({"id": "a", "text": GOOD})).exit_code == 0
    other = json.dumps({"id": "b", "text": GOOD})
    pages = tmp_path / "new" / "pages"
    result = _extract("-", "-o", str(out), "--resume", "--html", str(pages), stdin=other)
    assert result.exit_code == 2
    assert not pages.exists()

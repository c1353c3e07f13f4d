"""``quotelib extract``: every record read and answered, in order; runs that cannot start."""

from __future__ import annotations

import csv
import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import quotelib
from tests.cli.helpers import (
    DEEP,
    GOOD,
    HUGE_INT,
    SECOND,
    answers_of,
    as_lines,
    no_traceback,
    run_extract,
    run_quotelib,
    write_jsonl,
)


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
    result = run_extract(str(mixed_jsonl))
    assert result.exit_code == 1
    answers = answers_of(result.stdout)
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
    result = run_extract(str(single), str(folder), "-", stdin=GOOD)
    assert result.exit_code == 0, result.stderr
    answers = answers_of(result.stdout)
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
    result = run_extract(str(tmp_path / "empty"))
    assert result.exit_code == 1
    [answer] = answers_of(result.stdout)
    assert answer["error"] == f"no .txt or .txt.gz files in folder {tmp_path / 'empty'}"


def test_cli_extract_stdin_jsonl_and_custom_fields():
    lines = "\n" + json.dumps({"doc": 7, "body": GOOD}) + "\n"
    result = run_extract("-", "--id-field", "doc", "--text-field", "body", stdin=lines)
    assert result.exit_code == 0, result.stderr
    [answer] = answers_of(result.stdout)
    assert answer["id"] == 7
    assert [q["cue_text"] for q in answer["quotes"]] == ["stated"]
    forced = run_extract("-", "--input-format", "text", stdin='{"id": 1}')
    assert answers_of(forced.stdout) == [{"id": "<stdin>", "quotes": []}]


def test_cli_extract_csv_has_one_row_per_quote(mixed_jsonl, tmp_path):
    out = tmp_path / "quotes.csv"
    result = run_extract(str(mixed_jsonl), "--format", "csv", "-o", str(out))
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
    result = run_extract(str(mixed_jsonl), "-o", str(tmp_path / "q.jsonl"), "--html", str(page))
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert html.count("<article>") == 8
    assert html.rstrip().endswith("</html>")
    assert "Not read: no &#x27;text&#x27; field" in html
    folder = tmp_path / "pages"
    result = run_extract(str(mixed_jsonl), "-o", str(tmp_path / "q.jsonl"), "--html", str(folder))
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
    one = run_extract(str(path), "--batch-size", "2")
    two = run_extract(str(path), "--n-process", "2", "--batch-size", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(answers_of(two.stdout)) == 12


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

    monkeypatch.setattr("quotelib.cli.extract.pipe_results", recorded)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert run_extract(str(path), "--quiet", *options).exit_code == 0
    assert called["batch_size"] == batch_size  # None: quotelib.stream.BATCH_SIZE


def test_cli_extract_progress_only_on_a_terminal_and_not_quiet(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    piped = run_extract(str(path))
    assert "doc/s" not in piped.stderr
    assert piped.stderr.strip() == "quotelib: 1 record read, 1 answered, 0 failed"
    monkeypatch.setattr("quotelib.cli.extract._stderr_is_terminal", lambda: True)
    shown = run_extract(str(path))
    assert "doc/s" in shown.stderr and "1/1" in shown.stderr
    quiet = run_extract(str(path), "--quiet")
    assert quiet.stderr == ""
    assert answers_of(quiet.stdout) == answers_of(shown.stdout)


def test_cli_extract_failure_inside_one_text_spares_the_others(tmp_path, break_on_boom):
    break_on_boom("quotelib.batch.reading.quotes_from_doc")
    path = tmp_path / "texts.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": t}) + "\n"
            for i, t in enumerate([GOOD, "BOOM said he.", SECOND])
        )
    )
    result = run_extract(str(path))
    assert result.exit_code == 1
    answers = answers_of(result.stdout)
    assert [len(a.get("quotes", [])) for a in answers] == [1, 0, 1]
    assert answers[1]["error"] == "quotelib could not read this Doc: RuntimeError: simulated bug"
    assert "quotelib: 1: quotelib could not read this Doc" in result.stderr


def test_cli_extract_error_lines_print_no_terminal_escape_sequences(tmp_path, break_on_boom):
    break_on_boom("quotelib.batch.reading.quotes_from_doc")
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "\x1b[31mred", "text": "BOOM said he."}])
    result = run_extract(str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "quotelib: \\x1b[31mred: quotelib could not read this Doc" in result.stderr
    [answer] = answers_of((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert answer["id"] == "\x1b[31mred"


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
    result = run_extract(str(path), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_cli_extract_missing_input_exits_2_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_extract(str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"quotelib: no such file or folder: {tmp_path / 'missing.txt'}\n"
    assert list(tmp_path.iterdir()) == [tmp_path / "a.txt"]  # no output, not even .partial


# issue #10, the input side: every record answered, the run never ends on one -----------------


def test_cli_extract_lines_that_break_the_json_parser_are_answered(tmp_path):
    good, last = json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "z", "text": SECOND})
    path = tmp_path / "in.jsonl"
    path.write_text(as_lines(good, HUGE_INT, DEEP, last), encoding="utf-8")
    for args, stdin, source in (
        ([str(path)], None, str(path)),
        (["-"], path.read_text(), "<stdin>"),
    ):
        result = run_extract(*args, stdin=stdin)
        no_traceback(result)
        assert result.exit_code == 1
        answers = answers_of(result.stdout)
        assert [a["id"] for a in answers] == ["a", f"{source}:2", f"{source}:3", "z"]
        assert "a number too long to read" in answers[1]["error"]
        assert "nested too deeply" in answers[2]["error"]
        assert "4 records read, 2 answered, 2 failed" in result.stderr


def test_cli_extract_file_name_not_utf8_writes_utf8_json(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    try:
        Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out.jsonl"
    result = run_extract(str(folder), "-o", str(out))
    no_traceback(result)
    assert result.exit_code == 0
    [answer] = answers_of(out.read_bytes().decode("utf-8"))
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
    result = run_extract(str(folder))
    no_traceback(result)
    assert result.exit_code == 1
    answers = {Path(a["id"]).name: a.get("error") for a in answers_of(result.stdout)}
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
    assert "skipped" not in run_extract(str(folder), "--quiet").stderr


def test_cli_extract_max_record_mb_and_gzip_inputs(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress(as_lines(json.dumps({"id": "b", "text": SECOND})).encode())
    )
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 2_000_000))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:20])
    names = [
        str(tmp_path / name) for name in ("a.txt.gz", "b.jsonl.gz", "bomb.txt.gz", "cut.txt.gz")
    ]
    result = run_extract(*names, "--max-record-mb", "1")
    no_traceback(result)
    answers = answers_of(result.stdout)
    assert [a["id"] for a in answers] == [names[0], "b", names[2], names[3]]
    assert answers[0]["quotes"][0]["cue_text"] == "stated"
    assert answers[1]["quotes"][0]["speaker_text"] == "Mayor Jane Smith"
    assert answers[2]["error"] == (
        f"cannot read {names[2]}: more than 1 MB decompressed, the limit for one record"
    )
    assert answers[3]["error"].startswith(f"cannot read {names[3]}: gzip data cut short")
    assert answers_of(run_extract(names[2]).stdout)[0]["quotes"] == []  # under the default limit


def test_cli_extract_offsets_index_the_text_after_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SECOND.encode())
    [answer] = answers_of(run_extract(str(path)).stdout)
    [stdin_answer] = answers_of(run_extract("-", stdin=path.read_bytes()).stdout)
    text = path.read_text(encoding="utf-8-sig")
    [quote] = answer["quotes"]
    assert text[slice(*quote["content"])] == quote["content_text"] == "We will not back down,"
    assert stdin_answer["quotes"] == answer["quotes"]


def test_cli_bad_files_reported_and_the_rest_answered(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials warned that the storm could cause flooding.", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le maire a dit « non ».".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    result = run_quotelib("extract", str(binary), str(good), str(latin), "-o", str(out))
    assert result.returncode == 1
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in answers] == [str(binary), str(good), str(latin)]
    assert "binary file" in answers[0]["error"]
    assert answers[1]["quotes"][0]["speaker_text"] == "Officials"
    assert "not UTF-8" in answers[2]["error"]
    assert "3 records read, 1 answered, 2 failed" in result.stderr


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

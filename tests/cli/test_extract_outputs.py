"""``quotelib extract`` writes valid UTF-8 JSON and CSV, and never destroys a file."""

from __future__ import annotations

import csv
import errno
import fcntl
import os

import pytest

import quotelib
import quotelib.io.outputs
from tests.cli.helpers import (
    GOOD,
    SECOND,
    answers_of,
    invoke,
    run_extract,
    strict_json,
    write_jsonl,
)

SURROGATE_TEXT = '"We will \ud800 appeal," the mayor said.'


@pytest.mark.parametrize("where", ["file", "stdout", "csv", "html"])
def test_cli_extract_lone_surrogates_are_written_as_valid_utf8(tmp_path, where):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "x\ud800", "text": SURROGATE_TEXT}])
    out = tmp_path / ("out.csv" if where == "csv" else "out.jsonl")
    args = {
        "file": ["-o", str(out)],
        "stdout": [],
        "csv": ["-o", str(out), "--format", "csv"],
        "html": ["-o", str(out), "--html", str(tmp_path / "pages")],
    }[where]
    result = invoke("extract", str(source), *args)
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes if where == "stdout" else out.read_bytes()
    written = data.decode("utf-8")  # strict: no UnicodeDecodeError
    if where == "csv":
        rows = list(csv.DictReader(written.splitlines()))
        assert rows[0]["doc_id"] == "x\ufffd"
        assert rows[0]["content"] == "We will \ufffd appeal,"
        assert (int(rows[0]["content_start"]), int(rows[0]["content_end"])) == (1, 18)
        return
    [answer] = [strict_json(line) for line in written.splitlines()]
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
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    result = run_extract(str(source), "-o", str(out))
    assert result.exit_code == 1, result.stderr  # the three ids JSON cannot hold are errors
    lines = out.read_text(encoding="utf-8").splitlines()  # str.splitlines: every line break
    assert len(lines) == len(records)
    answers = [strict_json(line) for line in lines]
    assert [a["id"] for a in answers] == [f"{source}:{n}" for n in (1, 2, 3)] + ids[3:]
    assert all("cannot be written back as JSON" in a["error"] for a in answers[:3])
    assert all(len(a["quotes"]) == 1 for a in answers[3:])


def test_cli_extract_weird_ids_are_written_as_json(tmp_path):
    ids = [{"doc": {"n": [1, 2]}}, [1, "a"], 10**40, None, True, 1.5, -0.0, ""]
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": GOOD} for i in ids])
    result = run_extract(str(source))
    assert result.exit_code == 0, result.stderr
    assert [strict_json(line)["id"] for line in result.stdout.splitlines()] == ids


def test_cli_extract_csv_escapes_spreadsheet_formulas(tmp_path):
    text = '"=1+1," he said. "-2 today," said @bob.'
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "=cmd|' /C calc'!A0", "text": text}])
    out = tmp_path / "out.csv"
    assert run_extract(str(source), "--format", "csv", "-o", str(out)).exit_code == 0
    with out.open(encoding="utf-8", newline="") as rows:
        table = list(csv.DictReader(rows))
    assert [row["content"] for row in table] == ["'=1+1,", "'-2 today,"]
    assert table[0]["doc_id"] == "'=cmd|' /C calc'!A0"
    assert table[1]["speaker"] == "'@bob"
    records = quotelib.to_records(quotelib.extract_quotes(text), doc_id="x")
    assert [row["content"] for row in records] == ["=1+1,", "-2 today,"]  # unchanged
    assert int(table[1]["content_start"]) == records[1]["content_start"]


@pytest.mark.parametrize(
    "case", ["output", "html-page", "resume", "read-as-article", "html-folder", "linked-input"]
)
def test_cli_extract_refuses_to_write_over_an_input(tmp_path, case, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
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
    result = run_extract(*args)
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
        "quotelib.cli.extract.pipe_results", lambda *a, **k: called.append(1) or iter([])
    )
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
    target = tmp_path / ("out" if option == "-o" else "page.html")
    target.mkdir()
    result = run_extract(str(source), option, str(target))
    assert result.exit_code == 2
    assert f"{target} is a folder" in result.stderr
    assert called == [] and list(target.iterdir()) == []
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("locked", ["out.jsonl.lock", "page.html.lock", "pages/index.html.lock"])
def test_cli_extract_refuses_an_output_another_run_is_writing(tmp_path, locked):

    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": GOOD}])
    (tmp_path / "pages").mkdir()
    out, html = (
        tmp_path / "out.jsonl",
        tmp_path / locked.replace(".lock", "").replace("/index.html", ""),
    )
    fd = os.open(tmp_path / locked, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the other run holds it
    try:
        html_args = [] if locked.startswith("out") else ["--html", str(html)]
        result = run_extract(str(source), "-o", str(out), *html_args)
    finally:
        os.close(fd)
    assert result.exit_code == 2
    assert "another quotelib run is writing" in result.stderr
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    again = run_extract(str(source), "-o", str(out), "--html", str(tmp_path / "page.html"))
    assert again.exit_code == 0, again.stderr
    assert not (tmp_path / "out.jsonl.lock").exists() and not (tmp_path / "page.html.lock").exists()


def test_cli_extract_never_writes_through_a_planted_link(tmp_path):
    source = write_jsonl(
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
    assert run_extract(str(source), "-o", str(out), "--html", str(pages)).exit_code == 0
    assert (
        run_extract(str(source), "-o", str(tmp_path / "b.jsonl"), "--html", str(page)).exit_code
        == 0
    )
    assert victim.read_text(encoding="utf-8") == "precious"
    assert [a["id"] for a in answers_of(out.read_text(encoding="utf-8"))] == ["a1", "a2"]
    assert "Mayor Jane Smith" in page.read_text(encoding="utf-8")
    assert "Xi" in (pages / "0001-a1.html").read_text(encoding="utf-8")
    assert not any(path.is_symlink() for path in [*pages.iterdir(), out, page])


def test_cli_extract_write_error_mid_run_is_one_line_and_keeps_the_answers(tmp_path):

    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(3)])
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
        result = run_extract(str(source), "-o", str(out), "--html", str(tmp_path / "pages"))
    assert result.exit_code == 1
    assert result.stderr == "quotelib: stopped: [Errno 28] No space left on device\n"
    assert not out.exists() and not (tmp_path / "pages" / "index.html").exists()
    assert len((tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()) == 1
    resumed = run_extract(
        str(source), "-o", str(out), "--html", str(tmp_path / "pages"), "--resume"
    )
    assert resumed.exit_code == 0, resumed.stderr
    assert [a["id"] for a in answers_of(out.read_text(encoding="utf-8"))] == ["r0", "r1", "r2"]
    assert (tmp_path / "pages" / "index.html").read_text(encoding="utf-8").count("<li>") == 3

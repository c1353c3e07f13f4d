"""``quotelib extract --resume``: an interrupted run continued equals an uninterrupted one."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

import quotelib
import quotelib.cli.extract
import quotelib.io.outputs
from tests.cli.helpers import (
    DEEP,
    GOOD,
    HUGE_INT,
    SECOND,
    SEED,
    answers_of,
    as_lines,
    no_traceback,
    run_extract,
    write_jsonl,
)


@contextlib.contextmanager
def _interrupted(after, *, between=False):
    """Runs inside stop (as at Ctrl-C) after `after` answers; `between`: after the next page."""
    real_pipe, real_write = (
        quotelib.cli.extract.pipe_results,
        quotelib.io.outputs.OutputWriter.write,
    )
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
        patch.setattr("quotelib.cli.extract.pipe_results", pipe)
        patch.setattr("quotelib.io.outputs.OutputWriter.write", write)
        yield


def _tree(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_cli_extract_resume_goes_past_a_bad_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        as_lines(json.dumps({"id": "a", "text": GOOD}), HUGE_INT, DEEP), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    assert run_extract(str(path), "-o", str(out)).exit_code == 1
    expected = out.read_text(encoding="utf-8")
    out.write_text(expected.splitlines(True)[0], encoding="utf-8")  # only the first answer kept
    resumed = run_extract(str(path), "-o", str(out), "--resume")
    no_traceback(resumed)
    assert resumed.exit_code == 1
    assert out.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("pages", ["pages", "page.html"])
@pytest.mark.parametrize("between", [False, True], ids=["after-answer", "after-page"])
def test_cli_resume_with_html_equals_an_uninterrupted_run(tmp_path, pages, between):
    texts = [GOOD, SECOND, "", "Critics argued that the plan was reckless.", GOOD]
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    records.insert(2, {"id": "bad"})  # an error record in the middle
    run = tmp_path / "run"
    run.mkdir()
    write_jsonl(run / "in.jsonl", records)
    args = [str(run / "in.jsonl"), "-o", str(run / "out.jsonl"), "--html", str(run / pages)]
    assert run_extract(*args).exit_code == 1
    expected = tmp_path / "expected"
    shutil.copytree(run, expected)
    shutil.rmtree(run / pages) if pages == "pages" else (run / pages).unlink()
    (run / "out.jsonl").unlink()
    with _interrupted(3, between=between):
        stopped = run_extract(*args)
    assert stopped.exit_code != 0 and not (run / "out.jsonl").exists()
    assert len((run / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()) == 3
    resumed = run_extract(*args, "--resume")
    assert resumed.exit_code == 1, resumed.stderr
    assert "6 records read, 5 answered, 1 failed (3 answered before" in resumed.stderr
    assert _tree(run) == _tree(expected)
    if pages == "pages":
        assert _tree(run / "pages") == _tree(expected / "pages")


@pytest.mark.parametrize("change", ["input-content", "text-field", "no-meta", "input-path"])
def test_cli_resume_refuses_the_partial_of_another_run(tmp_path, monkeypatch, change):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    write_jsonl(tmp_path / "other.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    with _interrupted(2):
        assert run_extract("in.jsonl", "-o", "out.jsonl").exit_code != 0
    partial = tmp_path / "out.jsonl.partial"
    before = partial.read_bytes()
    args = ["in.jsonl", "-o", "out.jsonl", "--resume"]
    if change == "input-content":
        write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": SECOND} for i in range(4)])
    elif change == "text-field":
        args += ["--text-field", "body"]
    elif change == "no-meta":
        (tmp_path / "out.jsonl.partial.meta").unlink()
    else:
        args[0] = "other.jsonl"
    result = run_extract(*args)
    assert result.exit_code == 2
    assert "run without --resume to start over" in result.stderr
    assert partial.read_bytes() == before and not (tmp_path / "out.jsonl").exists()


def test_cli_resume_refuses_answers_to_other_records(tmp_path):
    out = tmp_path / "out.jsonl"
    assert (
        run_extract("-", "-o", str(out), stdin=json.dumps({"id": "a", "text": GOOD})).exit_code == 0
    )
    other = json.dumps({"id": "b", "text": GOOD}) + "\n" + json.dumps({"id": "c", "text": GOOD})
    result = run_extract("-", "-o", str(out), "--resume", stdin=other)
    assert result.exit_code == 2
    assert 'answer 1 is for id "a", input record 1 has id "b"' in result.stderr
    assert answers_of(out.read_text(encoding="utf-8")) == [
        {"id": "a", "quotes": [q.to_dict() for q in quotelib.extract_quotes(GOOD)]}
    ]


def test_cli_resume_redoes_garbage_lines_of_the_partial(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(4)])
    full = tmp_path / "full.jsonl"
    assert run_extract(str(source), "-o", str(full)).exit_code == 0
    with _interrupted(3):
        assert run_extract(str(source), "-o", str(tmp_path / "out.jsonl")).exit_code != 0
    partial = tmp_path / "out.jsonl.partial"
    lines = partial.read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text(lines[0] + '{"id": "r1", "oops": 1}\n' + "".join(lines[1:]), "utf-8")
    resumed = run_extract(str(source), "-o", str(tmp_path / "out.jsonl"), "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "1 answered before" in resumed.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == full.read_bytes()


def test_cli_resume_refused_leaves_no_pages_folder_behind(tmp_path):
    out = tmp_path / "out.jsonl"
    assert (
        run_extract("-", "-o", str(out), stdin=json.dumps({"id": "a", "text": GOOD})).exit_code == 0
    )
    other = json.dumps({"id": "b", "text": GOOD})
    pages = tmp_path / "new" / "pages"
    result = run_extract("-", "-o", str(out), "--resume", "--html", str(pages), stdin=other)
    assert result.exit_code == 2
    assert not pages.exists()


# interrupted for real: the run killed, in a process of its own -------------------------------


def _extract_in_a_process(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "quotelib", "extract", *args],
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A JSONL file of 120 short news records, some of them bad."""
    folder = tmp_path_factory.mktemp("corpus")
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    lines = []
    for number in range(120):
        if number % 37 == 5:
            lines.append('{"id": "broken", "text": ')  # malformed JSON
            continue
        text = paragraphs[number % len(paragraphs)]
        lines.append(json.dumps({"id": f"a{number}", "text": f"{text} (item {number})"}))
    path = folder / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_resume_after_kill_equals_uninterrupted_run(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    done = _extract_in_a_process(str(corpus), "-o", str(full), "--batch-size", "2")
    assert done.returncode == 1  # the malformed lines fail; every other record is answered
    expected = full.read_text(encoding="utf-8")
    assert len(expected.splitlines()) == 120

    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quotelib",
            "extract",
            str(corpus),
            "-o",
            str(out),
            "--batch-size",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if partial.exists() and len(partial.read_bytes().splitlines()) >= 30:
            break
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert not out.exists()  # nothing that looks complete
    written = len(partial.read_bytes().splitlines())
    assert 30 <= written < 120

    resumed = _extract_in_a_process(str(corpus), "-o", str(out), "--batch-size", "2", "--resume")
    assert resumed.returncode == 1
    assert out.read_text(encoding="utf-8") == expected
    assert not partial.exists()
    summary = resumed.stderr.strip().splitlines()[-1]
    assert "120 records read, 116 answered, 4 failed" in summary
    assert "answered before" in summary


def test_cli_resume_needs_a_jsonl_file(corpus, tmp_path):
    result = _extract_in_a_process(
        str(corpus), "-o", str(tmp_path / "x.csv"), "--format", "csv", "--resume"
    )
    assert result.returncode == 2
    assert "--resume needs a JSONL output file" in result.stderr


def _start(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "quotelib", "extract", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_answers(partial, count):
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if partial.exists() and len(partial.read_bytes().splitlines()) >= count:
            return
        time.sleep(0.05)
    pytest.fail(f"{partial} never held {count} answers")


def _files(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_cli_resume_after_kill_with_html_equals_uninterrupted_run(corpus, tmp_path):
    run, expected = tmp_path / "run", tmp_path / "expected"
    run.mkdir()
    args = [str(corpus), "-o", str(run / "out.jsonl"), "--html", str(run / "pages")]
    args += ["--batch-size", "2"]
    assert _extract_in_a_process(*args).returncode == 1
    shutil.copytree(run, expected)
    shutil.rmtree(run / "pages")
    (run / "out.jsonl").unlink()
    first = _start(*args)
    _wait_for_answers(run / "out.jsonl.partial", 30)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert not (run / "pages" / "index.html").exists()  # written when the run ends
    resumed = _extract_in_a_process(*args, "--resume")
    assert resumed.returncode == 1
    assert "120 records read, 116 answered, 4 failed" in resumed.stderr
    assert _files(run) == _files(expected)
    assert _files(run / "pages") == _files(expected / "pages")


def test_cli_resume_a_second_run_on_the_same_output_is_refused(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    assert _extract_in_a_process(str(corpus), "-o", str(full)).returncode == 1
    out = tmp_path / "out.jsonl"
    first = _start(str(corpus), "-o", str(out), "--batch-size", "2")
    try:
        _wait_for_answers(tmp_path / "out.jsonl.partial", 5)
        os.kill(first.pid, signal.SIGSTOP)  # the first run is still writing
        second = _extract_in_a_process(str(corpus), "-o", str(out))
    finally:
        os.kill(first.pid, signal.SIGCONT)
        first.wait(timeout=600)
    assert second.returncode == 2
    assert f"another quotelib run is writing {out}" in second.stderr
    assert first.returncode == 1
    assert out.read_bytes() == full.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full.jsonl", "out.jsonl"]

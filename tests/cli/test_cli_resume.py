"""The command line loses nothing: atomic output, --resume, per-file errors, counts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotelib.io.outputs import OutputFormat, OutputWriter

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d05105c950b0ed4e.txt"


def _extract(*args, **kwargs):
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
    done = _extract(str(corpus), "-o", str(full), "--batch-size", "2")
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

    resumed = _extract(str(corpus), "-o", str(out), "--batch-size", "2", "--resume")
    assert resumed.returncode == 1
    assert out.read_text(encoding="utf-8") == expected
    assert not partial.exists()
    summary = resumed.stderr.strip().splitlines()[-1]
    assert "120 records read, 116 answered, 4 failed" in summary
    assert "answered before" in summary


def test_cli_resume_drops_a_cut_line(tmp_path):
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


def test_cli_resume_needs_a_jsonl_file(corpus, tmp_path):
    result = _extract(str(corpus), "-o", str(tmp_path / "x.csv"), "--format", "csv", "--resume")
    assert result.returncode == 2
    assert "--resume needs a JSONL output file" in result.stderr


def test_cli_bad_files_reported_and_the_rest_answered(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials warned that the storm could cause flooding.", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le maire a dit « non ».".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    result = _extract(str(binary), str(good), str(latin), "-o", str(out))
    assert result.returncode == 1
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in answers] == [str(binary), str(good), str(latin)]
    assert "binary file" in answers[0]["error"]
    assert answers[1]["quotes"][0]["speaker_text"] == "Officials"
    assert "not UTF-8" in answers[2]["error"]
    assert "3 records read, 1 answered, 2 failed" in result.stderr


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
    assert _extract(*args).returncode == 1
    shutil.copytree(run, expected)
    shutil.rmtree(run / "pages")
    (run / "out.jsonl").unlink()
    first = _start(*args)
    _wait_for_answers(run / "out.jsonl.partial", 30)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert not (run / "pages" / "index.html").exists()  # written when the run ends
    resumed = _extract(*args, "--resume")
    assert resumed.returncode == 1
    assert "120 records read, 116 answered, 4 failed" in resumed.stderr
    assert _files(run) == _files(expected)
    assert _files(run / "pages") == _files(expected / "pages")


def test_cli_resume_a_second_run_on_the_same_output_is_refused(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    assert _extract(str(corpus), "-o", str(full)).returncode == 1
    out = tmp_path / "out.jsonl"
    first = _start(str(corpus), "-o", str(out), "--batch-size", "2")
    try:
        _wait_for_answers(tmp_path / "out.jsonl.partial", 5)
        os.kill(first.pid, signal.SIGSTOP)  # the first run is still writing
        second = _extract(str(corpus), "-o", str(out))
    finally:
        os.kill(first.pid, signal.SIGCONT)
        first.wait(timeout=600)
    assert second.returncode == 2
    assert f"another quotelib run is writing {out}" in second.stderr
    assert first.returncode == 1
    assert out.read_bytes() == full.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full.jsonl", "out.jsonl"]

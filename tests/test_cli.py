"""The command line, run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d05105c950b0ed4e.txt"


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
    assert any(line.split()[:5] == ["indirect", "Xi", "(Xi", "Jinping)", "stated"] for line in lines)
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

"""What the command-line tests share: texts, and the commands run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotelib.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d05105c950b0ed4e.txt"
DOCS = ROOT / "docs"

GOOD = "Xi stated that the international situation has become turbulent."
SECOND = '"We will not back down," Mayor Jane Smith said on Monday.'
HUGE_INT = '{"id": ' + "9" * 5000 + ', "text": "x"}'
DEEP = "[" * 100_000


def run_quotelib(*args, stdin=None):
    """``python -m quotelib ARGS`` in a process of its own (real standard streams)."""
    return subprocess.run(
        [sys.executable, "-m", "quotelib", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def invoke(*args, stdin=None):
    """``quotelib ARGS`` in this process (the model is loaded once)."""
    return CliRunner().invoke(app, list(args), input=stdin)


def run_extract(*args, stdin=None):
    """``quotelib extract ARGS`` in this process."""
    return invoke("extract", *args, stdin=stdin)


def answers_of(text):
    """The answers of JSONL output."""
    return [json.loads(line) for line in text.splitlines()]


def as_lines(*items):
    """Lines of text, each ending in a newline."""
    return "".join(item + "\n" for item in items)


def write_jsonl(path, records):
    """Write records as JSONL the way other tools do (ASCII escapes, NaN allowed)."""
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def strict_json(line):
    """One JSON line, read as strict JSON (no NaN or Infinity)."""
    return json.loads(line, parse_constant=lambda name: pytest.fail(f"not JSON: {name}"))


def no_traceback(result):
    """The command ended as commands end: an exit status, never an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr

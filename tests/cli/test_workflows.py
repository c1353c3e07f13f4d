"""The shell sessions of docs/workflows.md, run as shown, from a copy of docs/examples."""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import DOCS


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

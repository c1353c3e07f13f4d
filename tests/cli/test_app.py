"""The ``quotelib`` app: its commands, ``--version``, ``--help``, and both ways to start it."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer

import quotelib
import quotelib.cli
from quotelib.cli import app, main
from tests.cli.helpers import invoke, run_quotelib


def test_cli_version_prints_quotelib_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"quotelib {quotelib.__version__}"


@pytest.mark.parametrize(
    "command",
    [[], ["extract"], ["show"], ["evaluate"], ["speakers"], ["groups"], ["characters"]],
    ids=str,
)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_cli_help_with_h_or_help_everywhere(command, flag):
    result = invoke(*command, flag)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout


def test_cli_app_registers_every_command_in_order():
    names = [command.name for command in typer.main.get_command(app).commands.values()]
    assert names == ["extract", "show", "evaluate", "speakers", "groups", "characters"]


def test_cli_app_main_is_the_console_script_and_python_m_quotelib():
    # [project.scripts] quotelib = "quotelib.cli:main"
    assert quotelib.cli.main is main and quotelib.cli.__all__ == ["app", "main"]
    result = run_quotelib("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"quotelib {quotelib.__version__}\n"
    script = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from quotelib.cli import main; sys.argv[1:] = ['--version']; main()",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert script.stdout == result.stdout

"""The options the commands share behave alike in every command: one definition each.

Each test is a regression test of a drift between the copies that
``quotelib extract`` and ``quotelib speakers``/``groups`` once had.
"""

from __future__ import annotations

import os

import pytest
import typer

from quotelib.cli import app
from tests.cli.helpers import GOOD, invoke

CORPUS_COMMANDS = ["extract", "speakers", "groups"]


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _one_line(result) -> str:
    return " ".join(result.stderr.replace("│", " ").split())


@pytest.mark.parametrize("command", [*CORPUS_COMMANDS, "show", "evaluate"])
def test_cli_util_missing_input_not_utf8_is_named_alike_everywhere(tmp_path, command):
    # speakers and groups printed the name's lone surrogate (\udcff), extract its byte (\xff).
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/\xff.txt")
    args = [missing, missing] if command == "evaluate" else [missing]
    result = invoke(command, *args)
    assert result.exit_code == 2
    expected = f"quotelib: no such file or folder: {tmp_path}/\\xff.txt\n"
    assert result.stderr == expected * len(args)


@pytest.mark.parametrize("command", [*CORPUS_COMMANDS, "show"])
def test_cli_util_model_that_cannot_load_is_named_alike_everywhere(text_file, command):
    # speakers and groups left out "cannot load '...'" for a model that is not a name.
    result = invoke(command, str(text_file), "--model", "")
    assert result.exit_code == 2
    assert result.stderr.startswith("quotelib: cannot load '': 'nlp' must name a spaCy pipeline")
    assert result.stdout == ""


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_cli_util_n_process_is_checked_before_the_inputs(tmp_path, command):
    # speakers and groups looked for the inputs first, extract checked the option first.
    result = invoke(command, str(tmp_path / "missing.txt"), "--n-process", "0")
    assert result.exit_code == 2
    assert "Invalid value for --n-process: must be a positive number or -1" in _one_line(result)
    assert "no such file" not in result.stderr


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_cli_util_parquet_to_standard_output_is_refused_alike(text_file, command):
    # speakers and groups did not say "not standard output".
    result = invoke(command, str(text_file), "--format", "parquet")
    assert result.exit_code == 2
    assert result.stderr == (
        "quotelib: --format parquet needs an output file (--output FILE), not standard output\n"
    )


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_cli_util_output_folder_is_refused_before_any_work(tmp_path, text_file, command):
    # speakers and groups read and counted every input, then failed to write the folder.
    folder = tmp_path / "out"
    folder.mkdir()
    result = invoke(command, str(text_file), "-o", str(folder))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"quotelib: --output {folder} is a folder; give the name of a file to write\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_cli_util_unwritable_output_is_named_alike(tmp_path, text_file, command):
    # speakers and groups printed Python's "[Errno 2] ...: '.out.txt.1a2b3c4d.tmp'".
    output = tmp_path / "no-such-folder" / "out.txt"
    result = invoke(command, str(text_file), "-o", str(output), "--quiet")
    assert result.exit_code == 2
    assert result.stderr == f"quotelib: cannot write {output}: No such file or directory\n"


_SHARED = ["--output", "--model", "--n-process", "--id-field", "--text-field", "--markup"]


@pytest.mark.parametrize("option", _SHARED)
def test_cli_util_shared_option_has_one_help_and_default(option):
    # --model and --n-process had a help text of their own in speakers and groups.
    commands = typer.main.get_command(app).commands
    found = {
        name: (param.help, param.default, tuple(param.opts))
        for name, command in commands.items()
        for param in command.params
        if option in param.opts
    }
    assert len(found) >= 2, f"{option} is shared by {sorted(found)}"
    assert len(set(found.values())) == 1, found

"""``quotelib show``: one text's attributions as a table."""

from __future__ import annotations

from tests.cli.helpers import GOOD, SEED, answers_of, invoke, run_extract, run_quotelib


def test_cli_show_prints_the_seed_table():
    result = run_quotelib("show", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["kind", "speaker", "cue", "content"]
    assert any(
        line.split()[:5] == ["indirect", "Xi", "(Xi", "Jinping)", "stated"] for line in lines
    )
    assert any(line.split()[:2] == ["direct", "Putin"] and "addressing" in line for line in lines)
    assert "attributions" in result.stderr


def test_cli_show_reads_stdin():
    result = run_quotelib(
        "show", "-", stdin="Officials warned that the storm could cause flooding.\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Officials" in result.stdout and "warned" in result.stdout


def test_cli_show_missing_file_is_a_clear_error(tmp_path):
    # A missing input is exit status 2, as for extract and evaluate (docs/workflows.md).
    result = run_quotelib("show", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_cli_show_unreadable_file_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    result = run_quotelib("show", str(path))
    assert result.returncode == 1
    assert "cannot read" in result.stderr


def test_cli_show_unknown_model_is_a_clean_error_like_extract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    show = invoke("show", str(path), "--model", "nope")
    extract = run_extract(str(path), "--model", "nope")
    assert show.exit_code == extract.exit_code == 2
    assert show.stderr == extract.stderr
    assert show.stderr.startswith("quotelib: spaCy pipeline 'nope' is not installed")
    assert "Traceback" not in show.output


def test_cli_show_prints_no_terminal_escape_sequences(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Xi stated that ties are \x1b[2J\x1b]0;pwned\x07strong\x9b.", encoding="utf-8")
    result = invoke("show", str(path))
    assert result.exit_code == 0, result.output
    assert (
        "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    )
    assert "\\x1b[2J\\x1b]0;pwned\\x07strong\\x9b" in result.stdout
    [answer] = answers_of(run_extract(str(path)).stdout)  # the records keep the text as it is
    assert "\x1b[2J" in answer["quotes"][0]["content_text"]

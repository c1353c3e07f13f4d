"""``--cue-class`` and ``--min-confidence``: the command line keeps some quotes, and every record."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import quotelib.io.outputs
from quotelib.cli import app

DENIED = "He denied that the talks had failed. The mayor said the bridge would reopen."
CONCEDED = "The minister admitted that mistakes were made."
SAID = "The mayor said the bridge would reopen in May."
DIALOGUE = '"Are you coming?"\n\n"Not tonight."'


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": "a1", "text": DENIED},
        {"id": "a2", "text": CONCEDED},
        {"id": "a3", "text": SAID},
        {"id": "a4", "text": DIALOGUE},
        {"id": "a5", "text": 42},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _extract(*args):
    return CliRunner().invoke(app, ["extract", *args])


def test_cli_cue_class_keeps_the_quotes_of_the_classes_and_every_record(records):
    result = _extract(str(records), "--cue-class", "denial,concession", "--quiet")
    assert result.exit_code == 1  # a5 has no text
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["id"] for answer in answers] == ["a1", "a2", "a3", "a4", "a5"]
    kept = {a["id"]: [(q["cue_text"], q["cue_class"]) for q in a["quotes"]] for a in answers[:4]}
    assert kept == {
        "a1": [("denied", "denial")],
        "a2": [("admitted", "concession")],
        "a3": [],  # only a neutral report
        "a4": [],  # dialogue without a cue
    }
    assert "error" in answers[4]


def test_cli_cue_class_filters_the_csv_rows_and_the_pages(records, tmp_path):
    page = tmp_path / "quotes.html"
    out = tmp_path / "quotes.csv"
    args = [str(records), "-o", str(out), "--format", "csv", "--html", str(page), "-q"]
    _extract(*args, "--cue-class", "neutral")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {(row["doc_id"], row["cue"], row["cue_class"]) for row in rows} == {
        ("a1", "said", "neutral"),
        ("a3", "said", "neutral"),
    }
    html = page.read_text(encoding="utf-8")
    assert "denied" in html  # the text is shown whole
    assert html.count("<article>") == 5 and "#1 He" not in html  # but not the denial


def test_cli_cue_class_on_show(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(DENIED, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--cue-class", "denial"])
    assert result.exit_code == 0
    assert "denied" in result.stdout and "said" not in result.stdout


@pytest.mark.parametrize(
    "value, named",
    [("speech", "'speech'"), ("denial,stance", "'stance'"), (" , ", "' , '")],
    ids=["old-class", "one-unknown", "empty"],
)
@pytest.mark.parametrize("command", ["extract", "show"])
def test_cli_cue_class_unknown_class_names_the_allowed_ones(tmp_path, command, value, named):
    path = tmp_path / "news.txt"
    path.write_text(SAID, encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(path), "--cue-class", value])
    assert result.exit_code == 2
    message = " ".join(result.output.replace("│", " ").split())
    assert "--cue-class" in message and named in message
    assert "neutral, assertion, concession, denial, question, directive" in message


def test_cli_cue_class_is_part_of_the_run_a_resume_continues(records, tmp_path, monkeypatch):
    out = tmp_path / "quotes.jsonl"
    whole = tmp_path / "whole.jsonl"
    _extract(str(records), "-o", str(whole), "--cue-class", "denial", "-q")
    write = quotelib.io.outputs.OutputWriter.write

    def full_disk(self, record_id, quotes, error):
        if record_id == "a3":
            raise OSError("No space left on device")
        return write(self, record_id, quotes, error)

    with monkeypatch.context() as patch:
        patch.setattr(quotelib.io.outputs.OutputWriter, "write", full_disk)
        stopped = _extract(str(records), "-o", str(out), "--cue-class", "denial", "-q")
    assert stopped.exit_code == 1 and not out.exists()
    other = _extract(str(records), "-o", str(out), "--resume", "--cue-class", "neutral", "-q")
    assert other.exit_code == 2 and "holds the answers of another run" in other.output
    same = _extract(str(records), "-o", str(out), "--resume", "--cue-class", "denial", "-q")
    assert same.exit_code == 1  # a5 has no text
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


# --- --min-confidence -------------------------------------------------------------------


def test_cli_min_confidence_keeps_the_sure_quotes_and_every_record(records):
    every = [json.loads(line) for line in _extract(str(records), "-q").stdout.splitlines()]
    result = _extract(str(records), "--min-confidence", "0.5", "-q")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["id"] for answer in answers] == [answer["id"] for answer in every]
    for all_of_them, kept in zip(every, answers):
        expected = [q for q in all_of_them.get("quotes", []) if q["confidence"] >= 0.5]
        assert kept.get("quotes", []) == expected
    assert sum(len(a.get("quotes", [])) for a in answers) < sum(
        len(a.get("quotes", [])) for a in every
    )  # the dialogue turns without a speaker are below 0.5


def test_cli_min_confidence_with_cue_class_keeps_what_passes_both(records):
    result = _extract(str(records), "--min-confidence", "0.01", "--cue-class", "denial", "-q")
    kept = [q["cue_class"] for line in result.stdout.splitlines()
            for q in json.loads(line).get("quotes", [])]  # fmt: skip
    assert kept == ["denial"]


@pytest.mark.parametrize("value", ["1.5", "-0.1"])
def test_cli_min_confidence_outside_the_unit_interval_stops_the_run(records, value):
    result = _extract(str(records), "--min-confidence", value)
    assert result.exit_code == 2
    assert "must be between 0 and 1" in result.stderr


def test_cli_show_min_confidence(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(DIALOGUE + "\n\n" + SAID, encoding="utf-8")
    every = CliRunner().invoke(app, ["show", str(path)])
    sure = CliRunner().invoke(app, ["show", str(path), "--min-confidence", "0.5"])
    assert "The mayor" in sure.stdout and "The mayor" in every.stdout
    assert "Not tonight" in every.stdout and "Not tonight" not in sure.stdout

"""docs/cues.md says what the lexicon holds: its members table is generated, never stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import quotelib

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "cues.md"


@pytest.fixture(scope="module")
def script():
    """benchmarks/cue_classes.py, the script that writes the tables of docs/cues.md."""
    spec = importlib.util.spec_from_file_location(
        "cue_classes", ROOT / "benchmarks" / "cue_classes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cues_members_table_is_the_lexicon(script):
    shown = script.section(DOCS.read_text(encoding="utf-8"), "members")
    assert shown == script.members_table(), "run: python benchmarks/cue_classes.py --update-docs"


def test_docs_cues_members_table_lists_every_cue_once(script):
    table = script.members_table()
    rows = table.splitlines()[2:]
    assert [row.split(" | ")[0] for row in rows] == [f"| `{c}`" for c in quotelib.CUE_CLASSES]
    cells = [cell for row in rows for cell in row.strip("| ").split(" | ")[2:]]
    listed = [entry for cell in cells if cell != "-" for entry in cell.split(", ")]
    lexicon = quotelib.lexicon
    every = [*lexicon.CUE_VERBS, *lexicon.CUE_PHRASES, *lexicon.CUE_NOUNS,
             *lexicon.CUE_ADJECTIVES, *lexicon.QUOTE_VERBS, *lexicon.RULE_CUES]  # fmt: skip
    assert len(listed) == len(every)
    assert "call for" in listed and "according to" in listed and "sigh" in listed


def test_docs_cues_counts_table_has_a_row_per_class(script):
    shown = script.section(DOCS.read_text(encoding="utf-8"), "counts").splitlines()
    assert [line.split(" | ")[0] for line in shown[2:]] == [
        *(f"| `{c}`" for c in quotelib.CUE_CLASSES), f"| {script.OUTSIDE}", "| all"]  # fmt: skip


def test_docs_cues_replace_section_needs_its_markers(script):
    with pytest.raises(ValueError, match="has no section between"):
        script.replace_section("no markers here", "members", "| table |")
    text = script.replace_section(DOCS.read_text(encoding="utf-8"), "members", "| new |")
    assert script.section(text, "members") == "| new |"

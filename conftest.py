"""Shared pytest set-up: the English pipeline, loaded once per test session."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

import quotelib
from quotelib.model import load_pipeline

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
DEV_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, as ``extract_quotes`` loads it."""
    return load_pipeline()


@pytest.fixture(scope="session")
def seed():
    """The seed article's text and its expected attributions."""
    text = (SEEDS / "000_d05105c950b0ed4e.txt").read_text(encoding="utf-8")
    expected = json.loads((SEEDS / "000_d05105c950b0ed4e.expected.json").read_text("utf-8"))
    return text, expected


@pytest.fixture(scope="session")
def dev_articles():
    """The annotated dev corpus read from ../shared; the test skips without it."""
    if not DEV_DATA.is_file():
        pytest.skip(f"annotated corpus not found at {DEV_DATA}")
    with DEV_DATA.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def break_on_boom(monkeypatch):
    """Make the extraction at ``target`` raise ``error`` on texts holding "BOOM".

    A simulated bug, to check that one failing text spares the others.
    """

    def patch(target: str, error: type[Exception] = RuntimeError) -> None:
        module, name = target.rsplit(".", 1)
        real = getattr(importlib.import_module(module), name)

        def fragile(doc, **kwargs):
            if "BOOM" in doc.text:
                raise error("simulated bug")
            return real(doc, **kwargs)

        monkeypatch.setattr(target, fragile)

    return patch


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["quotelib"] = quotelib

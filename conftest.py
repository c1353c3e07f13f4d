"""Shared pytest set-up: the English pipeline, loaded once per test session."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

import quotelib
from quotelib.parse.model import load_pipeline

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
DEV_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
DEV_NOVELS = ROOT.parent / "shared" / "data" / "pdnc-dev.jsonl"

#: What a doctest example needs beyond the core dependencies: the optional
#: modules it imports, and quotelib's faces that import one themselves.
_OPTIONAL_USES = {
    "dask": re.compile(r"\b(import dask|from dask|extract_bag|extract_dataframe|index_bag)\b"),
    "distributed": re.compile(r"\b(import distributed|from distributed)\b"),
    "pandas": re.compile(
        r"\b(import pandas|to_dataframe|people_frame|groups_frame|extract_dataframe)\b"
    ),
    "pyarrow": re.compile(r"\b(import pyarrow|parquet)\b"),
}


def _unusable(module: str) -> str | None:
    try:
        importlib.import_module(module)
    except Exception as error:  # missing or broken: either way the example cannot run
        return f"{type(error).__name__}: {error}"
    return None


def pytest_collection_modifyitems(config, items):
    """Doctests that need an optional dependency skip, with the reason, when it is missing
    or broken; a test module asks for one with ``optional.need``."""
    reasons: dict[str, str | None] = {}
    for item in items:
        if not isinstance(item, DoctestItem):
            continue
        source = "".join(example.source for example in item.dtest.examples)
        for module, uses in _OPTIONAL_USES.items():
            if not uses.search(source):
                continue
            if module not in reasons:
                reasons[module] = _unusable(module)
            if reasons[module] is not None:
                reason = f"optional dependency {module!r} is not usable: {reasons[module]}"
                item.add_marker(pytest.mark.skip(reason=reason))
                break


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
    return _annotated(DEV_DATA, "annotated corpus")


@pytest.fixture(scope="session")
def dev_novels():
    """The annotated novels (their chunks) read from ../shared; the test skips without them."""
    return _annotated(DEV_NOVELS, "annotated novels")


def _annotated(path: Path, what: str) -> list[dict]:
    if not path.is_file():
        pytest.skip(f"{what} not found at {path}")
    with path.open(encoding="utf-8") as lines:
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

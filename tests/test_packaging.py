"""The project's metadata and docs tell the truth: Python versions, licence, features."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _python_floor() -> Version:
    match = re.search(r'^requires-python = ">=(\d+\.\d+)"$', PYPROJECT, re.MULTILINE)
    assert match, "pyproject.toml must declare requires-python as '>=3.N'"
    return Version(match.group(1))


@pytest.mark.parametrize("dependency", ["spacy", "thinc"])
def test_packaging_python_floor_is_one_the_parser_installs_on(dependency):
    # Regression: requires-python said >=3.9, but on 3.9 pip builds spaCy 3.8
    # from source and the build needs a thinc that requires 3.10.
    needed = SpecifierSet(importlib.metadata.metadata(dependency)["Requires-Python"])
    assert _python_floor() in needed, f"{dependency} requires Python {needed}"


def test_packaging_classifiers_ruff_and_readme_name_the_same_versions():
    floor = _python_floor()
    listed = sorted(
        Version(version)
        for version in re.findall(r'"Programming Language :: Python :: (3\.\d+)"', PYPROJECT)
    )
    assert listed and listed[0] == floor
    needed = SpecifierSet(importlib.metadata.metadata("spacy")["Requires-Python"])
    assert all(version in needed for version in listed)
    assert f'target-version = "py{floor.major}{floor.minor}"' in PYPROJECT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"(Python {floor} or newer" in readme
    assert re.findall(r"Python (3\.\d+) or newer", readme) == [str(floor)]


def test_packaging_license_is_the_full_mit_text():
    # Regression: LICENSE held only the word "MIT".
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert re.search(r"^Copyright \(c\) \d{4} quotelib developers$", text, re.MULTILINE)
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    assert any(p.startswith("Permission is hereby granted, free of charge") for p in paragraphs)
    assert any(p.startswith("The above copyright notice and this permission") for p in paragraphs)
    assert any(
        p.startswith('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY') for p in paragraphs
    )
    assert 'license = "MIT"' in PYPROJECT


@pytest.mark.parametrize(
    "path", sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"], ids=lambda path: path.name
)
def test_packaging_docs_do_not_deny_speaker_resolution(path):
    # Regression: docs/patterns.md said resolving speakers to names "is not
    # done yet", while quotelib.entities.resolve does it and docs/speakers.md says so.
    text = " ".join(path.read_text(encoding="utf-8").split())
    denial = re.search(r"resolv\w*[^.]{0,80}\bnot (?:done|implemented|supported) yet", text)
    assert denial is None, denial.group()


def test_packaging_distributed_comes_with_dask_as_one_release():
    # Regression: the extras listed "dask[dataframe]" and a bare "distributed", and pip
    # paired dask 2026.11.0 with distributed 2021.4.1, which cannot import each other.
    import tomllib

    extras = tomllib.loads(PYPROJECT)["project"]["optional-dependencies"]
    for name in ("dask", "test"):
        listed = [re.split(r"[\[<>=;! ]", r, maxsplit=1)[0] for r in extras[name]]
        assert "distributed" not in listed, f"extra {name!r} lists distributed apart from dask"
        assert any(r.startswith("dask[") and "distributed" in r for r in extras[name])
    try:
        dask, distributed = (
            Version(importlib.metadata.version(n)) for n in ("dask", "distributed")
        )
    except importlib.metadata.PackageNotFoundError:
        return  # installed without the extra: nothing to pair
    assert dask == distributed, f"dask {dask} and distributed {distributed} of two releases"

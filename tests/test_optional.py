"""Tests of optional dependencies: a missing or broken one skips, never stops collection."""

from __future__ import annotations

import sys

import pytest

from tests.optional import need, usable


@pytest.fixture
def broken_module(tmp_path, monkeypatch):
    """A module that is installed but cannot import, as distributed 2021.4 beside dask 2026.11."""
    (tmp_path / "half_installed.py").write_text(
        "raise ImportError(\"cannot import name 'collections_to_dsk' from 'dask.base'\")\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "half_installed", raising=False)
    return "half_installed"


def test_optional_need_skips_a_broken_module_naming_it_and_why(broken_module):
    with pytest.raises(pytest.skip.Exception, match="'half_installed' is not usable: ImportError"):
        need(broken_module)
    assert "collections_to_dsk" in usable(broken_module)


def test_optional_need_skips_a_missing_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    with pytest.raises(pytest.skip.Exception, match="'pandas' is not usable"):
        need("pandas")


def test_optional_need_returns_a_usable_module():
    assert need("json").dumps([]) == "[]" and usable("json") is None

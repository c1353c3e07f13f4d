"""Optional dependencies in tests: imported, or the test skipped with the reason.

``pytest.importorskip`` skips only when a module is missing
(``ModuleNotFoundError``); a module that is installed but broken (dask and
distributed of releases that cannot import each other raise ``ImportError``)
would stop the collection of the whole suite. :func:`need` skips on any
failure to import, and says which module failed and why.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

__all__ = ["need", "usable"]


def need(name: str) -> ModuleType:
    """The module ``name``, or a skip of the calling test (or module) naming the reason."""
    try:
        return importlib.import_module(name)
    except Exception as error:  # missing or broken: either way the test cannot run
        reason = f"optional dependency {name!r} is not usable: {type(error).__name__}: {error}"
        pytest.skip(reason, allow_module_level=True)


def usable(name: str) -> str | None:
    """``None`` when ``name`` imports, else why it does not."""
    try:
        importlib.import_module(name)
    except Exception as error:  # missing or broken
        return f"{type(error).__name__}: {error}"
    return None

"""The ``quotelib`` command line: ``extract``, ``show``, ``evaluate``, ``speakers``, ``groups``."""

from __future__ import annotations

from quotelib.cli.app import main

__all__ = ["main"]

"""The ``quotelib`` command line: ``extract``, ``show``, ``evaluate``, ``speakers``, ``groups``.

One module per command (:mod:`quotelib.cli.extract`, :mod:`quotelib.cli.show`,
:mod:`quotelib.cli.evaluate`, :mod:`quotelib.cli.corpus`), the options they
share in :mod:`quotelib.cli._util`, the typer ``app`` that joins them in
:mod:`quotelib.cli.commands`; ``main`` is the console script.
"""

from __future__ import annotations

from quotelib.cli.commands import app, main

__all__ = ["app", "main"]

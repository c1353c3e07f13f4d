"""The ``quotelib`` command line: the typer app, its commands, ``--version`` and ``main``.

Each command lives in its own module: ``extract`` (:mod:`quotelib.cli.extract`),
``show`` (:mod:`quotelib.cli.show`), ``evaluate`` (:mod:`quotelib.cli.evaluate`),
``speakers`` and ``groups`` (:mod:`quotelib.cli.corpus`), ``characters``
(:mod:`quotelib.cli.characters`); the options they
share are written once in :mod:`quotelib.cli._util`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from quotelib import __version__
from quotelib.cli.characters import characters_command
from quotelib.cli.corpus import groups_command, speakers_command
from quotelib.cli.evaluate import evaluate_command
from quotelib.cli.extract import extract
from quotelib.cli.show import show

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    help="Find who said what in English news text.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotelib {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print quotelib's version and exit.",
        ),
    ] = False,
) -> None:
    """Find who said what in English news text."""


app.command("extract")(extract)
app.command("show")(show)
app.command("evaluate")(evaluate_command)
app.command("speakers")(speakers_command)
app.command("groups")(groups_command)
app.command("characters")(characters_command)


def main() -> None:
    """Entry point of the ``quotelib`` console script."""
    app()

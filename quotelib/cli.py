"""The ``quotelib`` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotelib.extract import extract_quotes
from quotelib.table import format_table

app = typer.Typer(add_completion=False, help="Find who said what in English news text.")


@app.callback()
def _main() -> None:
    """Find who said what in English news text."""


@app.command()
def show(
    path: Annotated[Path, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    model: Annotated[
        Optional[str],  # noqa: UP045 - typer evaluates the hint at run time
        typer.Option(help="An installed spaCy pipeline to parse with."),
    ] = None,
) -> None:
    """Print the attributions of one text as a readable table."""
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"quotelib: cannot read {path}: {error}", err=True)
        raise typer.Exit(code=1) from error
    quotes = extract_quotes(text, nlp=model)
    typer.echo(format_table(quotes))
    typer.echo(f"\n{len(quotes)} attributions", err=True)


def main() -> None:
    """Entry point of the ``quotelib`` console script."""
    app()

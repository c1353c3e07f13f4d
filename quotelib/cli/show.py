"""``quotelib show``: the attributions of one text, as a table for people.

Exit status: 0 when shown, 1 when the file cannot be read (not UTF-8, no
permission), 2 when it does not exist, an option is bad or the model cannot
be loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotelib.cli._util import (
    Markup,
    MarkupOption,
    Model,
    check_inputs_exist,
    fail,
    load_model,
    markup_value,
)
from quotelib.cli.keep import CUE_CLASS_HELP, MIN_CONFIDENCE_HELP, Keep
from quotelib.extract import extract_quotes
from quotelib.io.inputs import read_stdin
from quotelib.table import format_table

__all__ = ["show"]


def show(
    path: Annotated[Path, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    model: Model = None,
    markup: MarkupOption = Markup.text,
    cue_class: Annotated[
        Optional[str],  # noqa: UP045 - typer evaluates the hint at run time
        typer.Option("--cue-class", show_default=False, help=CUE_CLASS_HELP),
    ] = None,
    min_confidence: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--min-confidence", show_default=False, help=MIN_CONFIDENCE_HELP),
    ] = None,
) -> None:
    """Print the attributions of one text as a readable table.

    Exit status: 0 when shown, 1 when the file cannot be read (not UTF-8, no
    permission), 2 when it does not exist or the model cannot be loaded.
    """
    keep = Keep.from_options(cue_class, min_confidence)
    if str(path) != "-":
        check_inputs_exist([str(path)])
    nlp = load_model(model)
    try:
        text = read_stdin() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path}: {error}", code=1)
    quotes = keep.quotes(extract_quotes(text, nlp=nlp, markup=markup_value(markup)))
    typer.echo(format_table(quotes))  # control characters of the text shown, not run
    typer.echo(f"\n{len(quotes)} attributions", err=True)

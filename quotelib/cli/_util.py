"""What the commands share: their common options, written once, and how they stop.

An option that several commands take (``--output``, ``--model``,
``--n-process``, ``--id-field``, ``--text-field``, ``--markup``) is one
``Annotated`` type here, with its help, its default's meaning and its
check, so the commands cannot drift apart. So are the steps that end a
command before any work, with exit status 2: an input that does not exist
(:func:`check_inputs_exist`), a pipeline that cannot be loaded
(:func:`load_model`). Every line a command prints to standard error starts
with ``quotelib:`` and goes through :func:`clean`, so that text from the
inputs cannot run terminal escape sequences.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, NoReturn, Optional

import typer

from quotelib.io.files import display_name
from quotelib.io.inputs import missing_inputs
from quotelib.parse.model import load_pipeline
from quotelib.text.safe_text import terminal_text

__all__ = [
    "IdField",
    "Markup",
    "MarkupOption",
    "Model",
    "NProcess",
    "Output",
    "TextField",
    "check_inputs_exist",
    "check_n_process",
    "clean",
    "fail",
    "load_model",
    "markup_value",
    "tell",
]


class Markup(str, Enum):
    """How the command line reads each text: as it is, or as an HTML page."""

    text = "text"
    html = "html"


def check_n_process(value: int) -> int:
    """``--n-process``: a positive number, or -1 for one worker per CPU.

    Raises:
        typer.BadParameter: 0 or less than -1 (a usage error: exit status 2).
    """
    if value == 0 or value < -1:
        raise typer.BadParameter("must be a positive number or -1", param_hint="--n-process")
    return value


# typer reads these hints at run time: Optional[...] stays (noqa: UP045).
Output = Annotated[
    str, typer.Option("--output", "-o", help="Output file, or - for standard output.")
]
IdField = Annotated[str, typer.Option(help="The id field of JSONL records.")]
TextField = Annotated[str, typer.Option(help="The text field of JSONL records.")]
Model = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="An installed spaCy pipeline to parse texts with."),
]
NProcess = Annotated[
    int,
    typer.Option(
        callback=check_n_process,
        help="Worker processes to parse texts with (-1: one per CPU); 1 parses in this process.",
    ),
]
MarkupOption = Annotated[
    Markup,
    typer.Option(
        help="text: read each text as it is; html: read it as an HTML page (character "
        "references decoded, tags skipped, block elements as paragraphs), with the "
        "offsets on the page as given. For JSONL, it applies to the text field.",
    ),
]


def markup_value(markup: Markup) -> str | None:
    """The ``markup`` argument of the library: ``None`` for text read as it is."""
    return None if markup is Markup.text else markup.value


def clean(message: str) -> str:
    """A message for the terminal: text from the inputs cannot run escape sequences."""
    return terminal_text(message)


def tell(message: str) -> None:
    """Print ``quotelib: MESSAGE`` to standard error, cleaned."""
    typer.echo(clean(f"quotelib: {message}"), err=True)


def fail(message: str, *, code: int = 2) -> NoReturn:
    """Print ``quotelib: MESSAGE`` to standard error and end the command with ``code``."""
    tell(message)
    raise typer.Exit(code=code)


def check_inputs_exist(inputs: list[str]) -> None:
    """Stop before any work (exit status 2) when an input named does not exist.

    Each missing input is named as :func:`~quotelib.io.files.display_name`
    shows a path: bytes of the name that are not UTF-8 as ``\\xNN``.
    """
    missing = missing_inputs(inputs)
    for name in missing:
        tell(f"no such file or folder: {display_name(name)}")
    if missing:
        raise typer.Exit(code=2)


def load_model(model: str | None) -> Any:
    """The pipeline named by ``--model``; a clean message and exit status 2 if it cannot load."""
    try:
        return load_pipeline(model)
    except (ImportError, KeyError, OSError, TypeError, ValueError) as error:
        message = str(error) if isinstance(error, OSError) else f"cannot load {model!r}: {error}"
        fail(message)

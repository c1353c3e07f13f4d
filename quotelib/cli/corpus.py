"""``quotelib speakers`` and ``quotelib groups``: the corpus view on the command line.

Both read texts (quotes are extracted as ``quotelib extract`` does) or the
JSONL answers of ``quotelib extract``, build one
:class:`~quotelib.corpus.CorpusIndex` and write people or quote groups.
Exit status: 0 when every record was counted, 1 when some were skipped
(each named on standard error; the output is still written), 2 when the
run could not start (an input that does not exist, a bad option, an output
that cannot be written, pyarrow missing for Parquet).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.options import ReadOptions
from quotelib.corpus.read import index_files
from quotelib.corpus.records import Person, QuoteGroup
from quotelib.corpus.write import CorpusFormat, write_rows
from quotelib.io.inputs import InputFormat, missing_inputs
from quotelib.text.safe_text import terminal_text

__all__ = ["register"]

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Text files, folders of .txt files, JSONL of texts or of `quotelib extract` "
        "answers, or - for standard input (a text, or JSONL of texts).",
        show_default=False,
    ),
]
Output = Annotated[
    str, typer.Option("--output", "-o", help="Output file, or - for standard output.")
]
Format = Annotated[CorpusFormat, typer.Option("--format", help="How to write the rows.")]
DateField = Annotated[
    Optional[str],  # noqa: UP045 - typer evaluates the hint at run time
    typer.Option(help="A record field holding an ISO date (dotted for nested: meta.date)."),
]
Model = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="An installed spaCy pipeline to parse texts with."),
]
NProcess = Annotated[
    int, typer.Option(help="Worker processes to parse texts with (-1: one per CPU).")
]
IdField = Annotated[str, typer.Option(help="The id field of JSONL records.")]
TextField = Annotated[str, typer.Option(help="The text field of JSONL records.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary or skip lines.")]


def register(app: typer.Typer) -> None:
    """Add the ``speakers`` and ``groups`` commands to the ``quotelib`` app."""
    app.command("speakers")(speakers_command)
    app.command("groups")(groups_command)


def speakers_command(
    inputs: Inputs,
    output: Output = "-",
    output_format: Format = CorpusFormat.table,
    group_by: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Count each person per value of this record field (outlet, date)."),
    ] = None,
    date_field: DateField = None,
    id_field: IdField = "id",
    text_field: TextField = "text",
    model: Model = None,
    n_process: NProcess = 1,
    quiet: Quiet = False,
) -> None:
    """Who is quoted across the inputs: one row per person, most quoted first."""
    _check(inputs, n_process, output, output_format)
    options = ReadOptions(
        group_by=group_by,
        date_field=date_field,
        id_field=id_field,
        text_field=text_field,
        nlp=model,
        n_process=n_process,
    )
    index = _index(inputs, options)
    _write(index.people(), output, output_format, group_by, Person)
    _finish(index, quiet, f"{len(index.documents)} documents, {len(index.people())} people")


def groups_command(
    inputs: Inputs,
    output: Output = "-",
    output_format: Format = CorpusFormat.table,
    date_field: DateField = None,
    id_field: IdField = "id",
    text_field: TextField = "text",
    model: Model = None,
    n_process: NProcess = 1,
    quiet: Quiet = False,
) -> None:
    """The same quotation in several documents: one row per group of two or more."""
    _check(inputs, n_process, output, output_format)
    options = ReadOptions(
        date_field=date_field,
        id_field=id_field,
        text_field=text_field,
        nlp=model,
        n_process=n_process,
    )
    index = _index(inputs, options)
    groups = index.groups()
    _write(groups, output, output_format, None, QuoteGroup)
    _finish(index, quiet, f"{len(index.documents)} documents, {len(groups)} quote groups")


def _check(inputs: list[str], n_process: int, output: str, output_format: CorpusFormat) -> None:
    """Exit before reading: an input missing, a bad --n-process, Parquet without a file or pyarrow."""
    missing = missing_inputs(inputs)
    for name in missing:
        typer.echo(terminal_text(f"quotelib: no such file or folder: {name}"), err=True)
    if missing:
        raise typer.Exit(code=2)
    if n_process == 0 or n_process < -1:
        raise typer.BadParameter("must be a positive number or -1", param_hint="--n-process")
    if output_format is CorpusFormat.parquet:
        if output == "-":
            message = "quotelib: --format parquet needs an output file (--output FILE)"
            typer.echo(message, err=True)
            raise typer.Exit(code=2)
        _need_pyarrow()


def _index(inputs: list[str], options: ReadOptions) -> CorpusIndex:
    try:
        return index_files(inputs, options, input_format=InputFormat.auto)
    except (ImportError, OSError, ValueError) as error:  # the model cannot load
        typer.echo(terminal_text(f"quotelib: {error}"), err=True)
        raise typer.Exit(code=2) from error


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as error:
        message = "quotelib: --format parquet needs pyarrow: pip install 'quotelib[parquet]'"
        typer.echo(message, err=True)
        raise typer.Exit(code=2) from error


def _write(
    rows: list, output: str, output_format: CorpusFormat, group_field: str | None, of: type
) -> None:
    try:
        text = write_rows(rows, output, output_format, group_field=group_field, of=of)
    except (OSError, ValueError) as error:
        typer.echo(terminal_text(f"quotelib: cannot write {output}: {error}"), err=True)
        raise typer.Exit(code=2) from error
    if text is not None:
        typer.echo(text, nl=False)


def _finish(index: CorpusIndex, quiet: bool, summary: str) -> None:
    if not quiet:
        for problem in index.skipped:
            typer.echo(terminal_text(f"quotelib: skipped {problem}"), err=True)
        skipped = f", {len(index.skipped)} records skipped" if index.skipped else ""
        typer.echo(terminal_text(f"quotelib: {summary}{skipped}"), err=True)
    if index.skipped:
        raise typer.Exit(code=1)

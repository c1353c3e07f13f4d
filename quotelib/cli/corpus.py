"""``quotelib speakers`` and ``quotelib groups``: the corpus view on the command line.

Both read texts (quotes are extracted as ``quotelib extract`` does) or the
JSONL answers of ``quotelib extract``, build one
:class:`~quotelib.corpus.CorpusIndex` and write people or quote groups.
Exit status: 0 when every record was counted, 1 when some were skipped
(each named on standard error; the output is still written), 2 when the
run could not start (an input that does not exist, a bad option, an output
that is a folder or cannot be written, a model that cannot be loaded,
pyarrow missing for Parquet).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from quotelib.cli._util import (
    IdField,
    Model,
    NProcess,
    Output,
    TextField,
    check_inputs_exist,
    fail,
    load_model,
    tell,
)
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.options import ReadOptions
from quotelib.corpus.read import index_files
from quotelib.corpus.records import Person, QuoteGroup
from quotelib.corpus.write import CorpusFormat, write_rows
from quotelib.io.inputs import InputFormat
from quotelib.io.parquet_out import check_parquet_output
from quotelib.io.partial import cannot_write
from quotelib.io.run_paths import check_output

__all__ = ["groups_command", "speakers_command"]

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Text files, folders of .txt files, JSONL of texts or of `quotelib extract` "
        "answers, or - for standard input (a text, or JSONL of texts).",
        show_default=False,
    ),
]
Format = Annotated[CorpusFormat, typer.Option("--format", help="How to write the rows.")]
DateField = Annotated[
    Optional[str],  # noqa: UP045 - typer evaluates the hint at run time
    typer.Option(help="A record field holding an ISO date (dotted for nested: meta.date)."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary or skip lines.")]


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
    _check(inputs, output, output_format, model)
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
    _check(inputs, output, output_format, model)
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


def _check(inputs: list[str], output: str, output_format: CorpusFormat, model: str | None) -> None:
    """Exit before reading: an input missing, an output that is a folder, Parquet without a
    file or pyarrow, a model that cannot load (a bad --n-process stopped at its option)."""
    check_inputs_exist(inputs)
    try:
        check_output(output)
        if output_format is CorpusFormat.parquet:
            check_parquet_output(output)
    except ValueError as error:
        fail(str(error))
    load_model(model)


def _index(inputs: list[str], options: ReadOptions) -> CorpusIndex:
    try:
        return index_files(inputs, options, input_format=InputFormat.auto)
    except (ImportError, OSError, ValueError) as error:  # the run cannot go on
        fail(str(error))


def _write(
    rows: list, output: str, output_format: CorpusFormat, group_field: str | None, of: type
) -> None:
    try:
        text = write_rows(rows, output, output_format, group_field=group_field, of=of)
    except (OSError, ValueError) as error:
        fail(cannot_write(output, error))
    if text is not None:
        typer.echo(text, nl=False)


def _finish(index: CorpusIndex, quiet: bool, summary: str) -> None:
    if not quiet:
        for problem in index.skipped:
            tell(f"skipped {problem}")
        skipped = f", {len(index.skipped)} records skipped" if index.skipped else ""
        tell(f"{summary}{skipped}")
    if index.skipped:
        raise typer.Exit(code=1)

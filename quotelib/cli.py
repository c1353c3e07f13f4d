"""The ``quotelib`` command line: ``extract``, ``show`` and ``evaluate``.

``quotelib extract`` streams records (text files, folders of them, JSONL or
standard input) through :func:`quotelib.stream.pipe_results` and writes one
answer per record, in input order: its quotes, or the reason it could not
be read. Exit status: 0 when every record was answered, 1 when any failed,
2 when the run could not start (an unknown model, an unwritable output, an
input that does not exist).
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from tqdm import tqdm

from quotelib.extract import extract_quotes
from quotelib.files import MAX_RECORD_BYTES, display_name
from quotelib.inputs import (
    InputFormat,
    count_records,
    missing_inputs,
    read_inputs,
    read_stdin,
)
from quotelib.jsonl import read_json_objects
from quotelib.outputs import OutputFormat, OutputWriter
from quotelib.render import PageWriter
from quotelib.scoring import evaluate
from quotelib.stream import BATCH_SIZE, pipe_results
from quotelib.table import format_table

app = typer.Typer(add_completion=False, help="Find who said what in English news text.")


@app.callback()
def _main() -> None:
    """Find who said what in English news text."""


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text files, folders of .txt files, JSONL files (also .gz), or - for "
            "standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file, or - for standard output.")
    ] = "-",
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="jsonl: one line per record; csv: one row per quote."),
    ] = OutputFormat.jsonl,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            help="How to read inputs; auto: .jsonl/.ndjson files (and standard input "
            "starting with '{') are JSONL, anything else is one text."
        ),
    ] = InputFormat.auto,
    id_field: Annotated[str, typer.Option(help="The id field of JSONL records.")] = "id",
    text_field: Annotated[str, typer.Option(help="The text field of JSONL records.")] = "text",
    html_path: Annotated[
        Optional[Path],  # noqa: UP045 - typer evaluates the hint at run time
        typer.Option(
            "--html",
            help="Also write the quotes highlighted: a .html path gets one page with "
            "every record, any other path a folder with a page per record.",
        ),
    ] = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="An installed spaCy pipeline to parse with."),
    ] = None,
    n_process: Annotated[
        int,
        typer.Option(help="Worker processes (-1: one per CPU); 1 parses in this process."),
    ] = 1,
    batch_size: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            min=1,
            show_default=False,
            help=f"Texts per batch, and per task sent to a worker with --n-process "
            f"(default: {BATCH_SIZE}).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, summary or error lines.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run from the answers in OUTPUT.partial "
            "(JSONL output only).",
        ),
    ] = False,
    max_record_mb: Annotated[
        float,
        typer.Option(
            min=0,
            help="The largest record to read, in MB: a text file (decompressed, for .gz), "
            "a JSONL line or standard input; a larger one is answered with an error.",
        ),
    ] = MAX_RECORD_BYTES / 1e6,
) -> None:
    """Extract the quotes of every record, one answer per record in input order.

    The output file is written as OUTPUT.partial and renamed to OUTPUT when the
    run ends, so an interrupted run never leaves a truncated OUTPUT. An input
    that does not exist stops the run before it starts (exit status 2).
    """
    if n_process == 0 or n_process < -1:
        raise typer.BadParameter("must be a positive number or -1", param_hint="--n-process")
    _check_inputs_exist(inputs)
    try:
        writer = OutputWriter(output, output_format, resume=resume)
    except (OSError, ValueError) as error:
        typer.echo(f"quotelib: {error}", err=True)
        raise typer.Exit(code=2) from error
    records = read_inputs(
        inputs,
        input_format,
        id_field,
        text_field,
        limit=int(max_record_mb * 1e6),
        on_skip=(lambda note: None) if quiet else _note,
    )
    records = itertools.islice(records, writer.resumed, None)  # answered before
    items = ((record.text or "", record) for record in records)
    try:
        results = pipe_results(items, nlp=model, n_process=n_process, batch_size=batch_size)
        pages = PageWriter(html_path) if html_path is not None else None
    except OSError as error:
        writer.close(complete=False)
        typer.echo(f"quotelib: {error}", err=True)
        raise typer.Exit(code=2) from error
    show_progress = not quiet and _stderr_is_terminal()
    total = count_records(inputs, input_format) if show_progress else None
    read, failed, complete = writer.resumed, writer.resumed_failed, False
    with tqdm(
        total=total, initial=read, unit="doc", disable=not show_progress, file=sys.stderr
    ) as bar:
        try:
            for quotes, error, record in results:
                error = record.error or error
                read, failed = read + 1, failed + (error is not None)
                writer.write(record.id, quotes, error)
                if pages is not None:
                    pages.write(str(record.id), record.text, quotes, error)
                if error is not None and not quiet:  # input errors name their place
                    where = "" if record.error else f"{record.id}: "
                    bar.write(f"quotelib: {where}{error}", file=sys.stderr)
                bar.update()
            complete = True
        finally:  # what was answered is kept even if the run is interrupted
            writer.close(complete=complete)
            if pages is not None:
                pages.close()
    if not quiet:
        noun = "record" if read == 1 else "records"
        summary = f"{read} {noun} read, {read - failed} answered, {failed} failed"
        if writer.resumed:
            summary += f" ({writer.resumed} answered before, resumed from {writer.partial})"
        typer.echo(f"quotelib: {summary}", err=True)
    if failed:
        raise typer.Exit(code=1)


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
        text = read_stdin() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"quotelib: cannot read {path}: {error}", err=True)
        raise typer.Exit(code=1) from error
    quotes = extract_quotes(text, nlp=model)
    typer.echo(format_table(quotes))
    typer.echo(f"\n{len(quotes)} attributions", err=True)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Annotated documents: JSONL of {id, text, quotes}.")],
    predicted: Annotated[
        Path, typer.Argument(help="Predictions: the JSONL written by quotelib extract.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predicted quotes against annotated ones (see quotelib.evaluate).

    Exit status: 0 when scored, 1 when a line of either file is not a JSON
    object or a document cannot be scored (each named on standard error),
    2 when a file does not exist.
    """
    _check_inputs_exist([str(gold), str(predicted)])
    (gold_docs, bad_gold), (predictions, bad_predicted) = map(read_json_objects, (gold, predicted))
    for problem in bad_gold + bad_predicted:
        typer.echo(f"quotelib: {problem}", err=True)
    if bad_gold or bad_predicted:
        raise typer.Exit(code=1)
    failed = [doc for doc in predictions if "quotes" not in doc]
    if failed:
        msg = f"{len(failed)} predicted records have no quotes (errors), scored as predicting none"
        typer.echo(f"quotelib: {msg}", err=True)
    predictions = [{"id": doc.get("id"), "quotes": doc.get("quotes", [])} for doc in predictions]
    try:
        scores = evaluate(gold_docs, predictions)
    except (KeyError, TypeError, ValueError) as error:
        typer.echo(f"quotelib: cannot score {predicted} against {gold}: {error}", err=True)
        raise typer.Exit(code=1) from error
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format_table())


def main() -> None:
    """Entry point of the ``quotelib`` console script."""
    app()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _check_inputs_exist(inputs: list[str]) -> None:
    """Stop before any work (exit status 2) when an input named does not exist."""
    missing = missing_inputs(inputs)
    for name in missing:
        typer.echo(f"quotelib: no such file or folder: {display_name(name)}", err=True)
    if missing:
        raise typer.Exit(code=2)


def _note(message: str) -> None:
    tqdm.write(f"quotelib: {message}", file=sys.stderr)

"""The ``quotelib`` command line: ``extract``, ``show`` and ``evaluate`` (and
``speakers`` and ``groups``, from :mod:`quotelib.cli.corpus`).

``quotelib extract`` streams records (text files, folders of them, JSONL or
standard input) through :func:`quotelib.stream.pipe_results` and writes one
answer per record, in input order: its quotes, or the reason it could not
be read. Exit status: 0 when every record was answered, 1 when any failed
(or the run stopped part-way), 2 when the run could not start: a bad option,
an input that does not exist, a model that cannot be loaded, an output that
cannot be written, is a folder, is one of the inputs or is being written by
another run, or a ``--resume`` of answers that belong to another run. ``show`` reports a bad
``--model`` the same way.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from tqdm import tqdm

from quotelib import __version__
from quotelib.cli.corpus import register as register_corpus_commands
from quotelib.cli.keep import CUE_CLASS_HELP, MIN_CONFIDENCE_HELP, Keep
from quotelib.evaluation.scoring import evaluate
from quotelib.extract import extract_quotes
from quotelib.io.files import MAX_RECORD_BYTES, display_name
from quotelib.io.inputs import (
    InputFormat,
    Record,
    count_records,
    missing_inputs,
    read_inputs,
    read_stdin,
)
from quotelib.io.jsonl import read_json_objects
from quotelib.io.outputs import OutputFormat, OutputWriter
from quotelib.io.pages import PageWriter
from quotelib.io.resume import describe_run, skip_answered
from quotelib.io.run_paths import check_run_paths
from quotelib.parse.model import load_pipeline
from quotelib.stream import BATCH_SIZE, pipe_results
from quotelib.table import format_table
from quotelib.text.safe_text import terminal_text

app = typer.Typer(
    add_completion=False,
    help="Find who said what in English news text.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Markup(str, Enum):
    """How the command line reads each text: as it is, or as an HTML page."""

    text = "text"
    html = "html"


_MARKUP_HELP = (
    "text: read each text as it is; html: read it as an HTML page (character "
    "references decoded, tags skipped, block elements as paragraphs), with the "
    "offsets on the page as given. For JSONL, it applies to the text field."
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


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text files, folders of .txt files, JSONL files, or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file, or - for standard output.")
    ] = "-",
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="jsonl: one line per record; csv: one row per quote; parquet: one row "
            "per quote with the record's other fields (needs pyarrow and --output).",
        ),
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
    markup: Annotated[Markup, typer.Option(help=_MARKUP_HELP)] = Markup.text,
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
            "(JSONL output only; same inputs and options as that run).",
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
    cue_class: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--cue-class",
            show_default=False,
            help=CUE_CLASS_HELP + " Every record is still answered.",
        ),
    ] = None,
    min_confidence: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--min-confidence",
            show_default=False,
            help=MIN_CONFIDENCE_HELP + " Every record is still answered.",
        ),
    ] = None,
) -> None:
    """Extract the quotes of every record, one answer per record in input order.

    The output file is written as OUTPUT.partial and renamed to OUTPUT when the
    run ends, so an interrupted run never leaves a truncated OUTPUT. An input
    that does not exist, an output that is an input, or one that another run
    is writing stops the run before it starts (exit status 2).
    """
    if n_process == 0 or n_process < -1:
        raise typer.BadParameter("must be a positive number or -1", param_hint="--n-process")
    keep = Keep.from_options(cue_class, min_confidence)
    _check_inputs_exist(inputs)
    options = {"input_format": input_format.value, "id_field": id_field, "text_field": text_field}
    options.update(model=model, quotelib=__version__)
    if markup is Markup.html:  # only then: the runs read as text keep their --resume records
        options["markup"] = markup.value
    options.update(keep.options())  # a resumed run must keep the same quotes
    reading = {
        "limit": int(max_record_mb * 1e6),
        "on_skip": (lambda note: None) if quiet else _note,
    }
    writer, pages, records = _start_extract(
        inputs, output, output_format, html_path, resume, options, reading
    )
    items = ((record.text or "", record) for record in records)
    show_progress = not quiet and _stderr_is_terminal()
    total = count_records(inputs, input_format) if show_progress else None
    read, failed, complete = writer.resumed, writer.resumed_failed, False
    try:
        with tqdm(
            total=total, initial=read, unit="doc", disable=not show_progress, file=sys.stderr
        ) as bar:
            try:
                results = pipe_results(
                    items,
                    nlp=model,
                    n_process=n_process,
                    batch_size=batch_size,
                    markup=_markup(markup),
                )
                results = keep.results(results)
                read, failed = _write_answers(results, writer, pages, bar, quiet, read, failed)
                complete = True
            finally:  # what was answered is kept even if the run is interrupted
                _close(writer, pages, complete=complete)
    except OSError as error:  # a full disk, a vanished folder: what was written is kept
        typer.echo(_clean(f"quotelib: stopped: {error}"), err=True)
        raise typer.Exit(code=1) from error
    if not quiet:
        noun = "record" if read == 1 else "records"
        summary = f"{read} {noun} read, {read - failed} answered, {failed} failed"
        if writer.resumed:
            summary += f" ({writer.resumed} answered before, resumed from {writer.partial})"
        typer.echo(_clean(f"quotelib: {summary}"), err=True)
    if failed:
        raise typer.Exit(code=1)


def _write_answers(
    results: Iterator[tuple[Any, str | None, Record]],
    writer: OutputWriter,
    pages: PageWriter | None,
    bar: Any,
    quiet: bool,
    read: int,
    failed: int,
) -> tuple[int, int]:
    """Write each record's answer (and page); how many records were read and failed in all."""
    for quotes, error, record in results:
        error = record.error or error
        read, failed = read + 1, failed + (error is not None)
        if pages is not None:  # before the answer: the pages cover what --resume keeps
            pages.write(record.id, record.text, quotes, error)
        writer.write(record.id, quotes, error, record.meta)
        if error is not None and not quiet:  # input errors name their place
            where = "" if record.error else f"{record.id}: "
            bar.write(_clean(f"quotelib: {where}{error}"), file=sys.stderr)
        bar.update()
    return read, failed


def _close(writer: OutputWriter, pages: PageWriter | None, *, complete: bool) -> None:
    """Close the pages, then the output: if the pages fail, the output stays ``.partial``."""
    try:
        if pages is not None:
            pages.close(complete=complete)
    except BaseException:
        writer.close(complete=False)
        raise
    writer.close(complete=complete)


def _start_extract(
    inputs: list[str],
    output: str,
    output_format: OutputFormat,
    html_path: Path | None,
    resume: bool,
    options: dict[str, Any],
    reading: dict[str, Any],
) -> tuple[OutputWriter, PageWriter | None, Iterator[Record]]:
    """Check every path and lock the outputs before any work; exit 2 when the run cannot start.

    With ``resume``, the answers kept are checked against the run that wrote
    them (its inputs and options, and the ids of the records they answer),
    and the records they answer are skipped.
    """
    writer = pages = None
    try:
        check_run_paths(inputs, output, html_path)
        run = describe_run(inputs, options) if output != "-" else None
        writer = OutputWriter(output, output_format, resume=resume, run=run)
        if html_path is not None:
            pages = PageWriter(html_path, resumed=writer.answered if resume else None)
        input_format = InputFormat(options["input_format"])
        records = read_inputs(inputs, input_format, *_fields(options), **reading)
        records = skip_answered(records, writer.answered, writer.partial)
        _load_model(options["model"])
        writer.open()
        if pages is not None:
            pages.open()
    except BaseException as error:
        for started in (writer, pages):
            if started is not None:
                started.close(complete=False)
        if not isinstance(error, (OSError, ValueError)):
            raise
        typer.echo(_clean(f"quotelib: {error}"), err=True)
        raise typer.Exit(code=2) from error
    return writer, pages, records


def _fields(options: dict[str, Any]) -> tuple[str, str]:
    return options["id_field"], options["text_field"]


def _markup(markup: Markup) -> str | None:
    """The ``markup`` option of the library: ``None`` for text read as it is."""
    return None if markup is Markup.text else markup.value


@app.command()
def show(
    path: Annotated[Path, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    model: Annotated[
        Optional[str],  # noqa: UP045 - typer evaluates the hint at run time
        typer.Option(help="An installed spaCy pipeline to parse with."),
    ] = None,
    markup: Annotated[Markup, typer.Option(help=_MARKUP_HELP)] = Markup.text,
    cue_class: Annotated[
        Optional[str],  # noqa: UP045
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
        _check_inputs_exist([str(path)])
    nlp = _load_model(model)
    try:
        text = read_stdin() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(_clean(f"quotelib: cannot read {path}: {error}"), err=True)
        raise typer.Exit(code=1) from error
    quotes = keep.quotes(extract_quotes(text, nlp=nlp, markup=_markup(markup)))
    typer.echo(format_table(quotes))  # control characters of the text shown, not run
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
        typer.echo(_clean(f"quotelib: {problem}"), err=True)
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
        message = f"quotelib: cannot score {predicted} against {gold}: {error}"
        typer.echo(_clean(message), err=True)
        raise typer.Exit(code=1) from error
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format_table())


register_corpus_commands(app)  # quotelib speakers, quotelib groups


def main() -> None:
    """Entry point of the ``quotelib`` console script."""
    app()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _load_model(model: str | None) -> Any:
    """The pipeline named by ``--model``; a clean message and exit status 2 if it cannot load."""
    try:
        return load_pipeline(model)
    except (ImportError, KeyError, OSError, TypeError, ValueError) as error:
        message = str(error) if isinstance(error, OSError) else f"cannot load {model!r}: {error}"
        typer.echo(_clean(f"quotelib: {message}"), err=True)
        raise typer.Exit(code=2) from error


def _clean(message: str) -> str:
    """A message for the terminal: text from the inputs cannot run escape sequences."""
    return terminal_text(message)


def _check_inputs_exist(inputs: list[str]) -> None:
    """Stop before any work (exit status 2) when an input named does not exist."""
    missing = missing_inputs(inputs)
    for name in missing:
        typer.echo(_clean(f"quotelib: no such file or folder: {display_name(name)}"), err=True)
    if missing:
        raise typer.Exit(code=2)


def _note(message: str) -> None:
    tqdm.write(_clean(f"quotelib: {message}"), file=sys.stderr)

"""``quotelib extract``: the quotes of every record, one answer per record in input order.

Records (text files, folders of them, JSONL or standard input) are streamed
through :func:`quotelib.stream.pipe_results`, and each record's answer is
written: its quotes, or the reason it could not be read. Exit status: 0
when every record was answered, 1 when any failed (or the run stopped
part-way), 2 when the run could not start: a bad option, an input that does
not exist, a model that cannot be loaded, an output that cannot be
written, is a folder, is one of the inputs or is being written by another
run, or a ``--resume`` of answers that belong to another run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import attrs
import typer
from tqdm import tqdm

from quotelib import __version__
from quotelib.cli._util import (
    IdField,
    Markup,
    MarkupOption,
    Model,
    NProcess,
    Output,
    TextField,
    check_inputs_exist,
    clean,
    fail,
    load_model,
    markup_value,
    tell,
)
from quotelib.cli.keep import CUE_CLASS_HELP, MIN_CONFIDENCE_HELP, Keep
from quotelib.io.files import MAX_RECORD_BYTES
from quotelib.io.inputs import InputFormat, Record, count_records, read_inputs
from quotelib.io.outputs import OutputFormat, OutputWriter
from quotelib.io.pages import PageWriter
from quotelib.io.resume import describe_run, skip_answered
from quotelib.io.run_paths import check_run_paths
from quotelib.stream import BATCH_SIZE, pipe_results

__all__ = ["extract"]


@attrs.frozen(kw_only=True)
class _Reading:
    """How a run reads its records: what its answers depend on, and what it only shows."""

    inputs: tuple[str, ...]
    input_format: InputFormat
    id_field: str
    text_field: str
    markup: Markup
    model: str | None
    keep: Keep
    limit: int
    quiet: bool

    def options(self) -> dict[str, Any]:
        """The options a ``--resume`` must repeat, as the run's ``.meta`` records them."""
        options = {
            "input_format": self.input_format.value,
            "id_field": self.id_field,
            "text_field": self.text_field,
            "model": self.model,
            "quotelib": __version__,
        }
        if self.markup is Markup.html:  # only then: runs read as text keep their records
            options["markup"] = self.markup.value
        options.update(self.keep.options())  # a resumed run must keep the same quotes
        return options

    def records(self) -> Iterator[Record]:
        """The records of the inputs, lazily; the folders' skipped files told unless quiet."""
        return read_inputs(
            self.inputs,
            self.input_format,
            self.id_field,
            self.text_field,
            limit=self.limit,
            on_skip=(lambda note: None) if self.quiet else _note,
        )


def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text files, folders of .txt files, JSONL files, or - for standard input.",
            show_default=False,
        ),
    ],
    output: Output = "-",
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
    id_field: IdField = "id",
    text_field: TextField = "text",
    markup: MarkupOption = Markup.text,
    html_path: Annotated[
        Optional[Path],  # noqa: UP045 - typer evaluates the hint at run time
        typer.Option(
            "--html",
            help="Also write the quotes highlighted: a .html path gets one page with "
            "every record, any other path a folder with a page per record.",
        ),
    ] = None,
    model: Model = None,
    n_process: NProcess = 1,
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
    keep = Keep.from_options(cue_class, min_confidence)
    check_inputs_exist(inputs)
    reading = _Reading(
        inputs=tuple(inputs),
        input_format=input_format,
        id_field=id_field,
        text_field=text_field,
        markup=markup,
        model=model,
        keep=keep,
        limit=int(max_record_mb * 1e6),
        quiet=quiet,
    )
    writer, pages, records = _start_extract(reading, output, output_format, html_path, resume)
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
                    markup=markup_value(markup),
                )
                results = keep.results(results)
                read, failed = _write_answers(results, writer, pages, bar, quiet, read, failed)
                complete = True
            finally:  # what was answered is kept even if the run is interrupted
                _close(writer, pages, complete=complete)
    except OSError as error:  # a full disk, a vanished folder: what was written is kept
        fail(f"stopped: {error}", code=1)
    if not quiet:
        noun = "record" if read == 1 else "records"
        summary = f"{read} {noun} read, {read - failed} answered, {failed} failed"
        if writer.resumed:
            summary += f" ({writer.resumed} answered before, resumed from {writer.partial})"
        tell(summary)
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
            bar.write(clean(f"quotelib: {where}{error}"), file=sys.stderr)
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
    reading: _Reading,
    output: str,
    output_format: OutputFormat,
    html_path: Path | None,
    resume: bool,
) -> tuple[OutputWriter, PageWriter | None, Iterator[Record]]:
    """Check every path and lock the outputs before any work; exit 2 when the run cannot start.

    With ``resume``, the answers kept are checked against the run that wrote
    them (its inputs and options, and the ids of the records they answer),
    and the records they answer are skipped.
    """
    writer = pages = None
    try:
        check_run_paths(reading.inputs, output, html_path)
        run = describe_run(reading.inputs, reading.options()) if output != "-" else None
        writer = OutputWriter(output, output_format, resume=resume, run=run)
        if html_path is not None:
            pages = PageWriter(html_path, resumed=writer.answered if resume else None)
        records = reading.records()
        records = skip_answered(records, writer.answered, writer.partial)
        load_model(reading.model)
        writer.open()
        if pages is not None:
            pages.open()
    except BaseException as error:
        for started in (writer, pages):
            if started is not None:
                started.close(complete=False)
        if not isinstance(error, (OSError, ValueError)):
            raise
        fail(str(error))
    return writer, pages, records


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _note(message: str) -> None:
    tqdm.write(clean(f"quotelib: {message}"), file=sys.stderr)

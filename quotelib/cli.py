"""The ``quotelib`` command line: ``extract``, ``show`` and ``evaluate``.

``quotelib extract`` streams records (text files, folders of them, JSONL or
standard input) through :func:`quotelib.stream.pipe_results` and writes one
answer per record, in input order: its quotes, or the reason it could not
be read. Exit status: 0 when every record was answered, 1 when any failed,
2 when the run could not start (an unknown model, an unwritable output).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, NamedTuple, Optional

import typer
from tqdm import tqdm

from quotelib.extract import extract_quotes
from quotelib.records import Quote
from quotelib.render import PageWriter
from quotelib.scoring import evaluate
from quotelib.stream import pipe_results
from quotelib.table import RECORD_FIELDS, format_table, to_records

app = typer.Typer(add_completion=False, help="Find who said what in English news text.")

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_JSON_TYPES.update({int: "a number", float: "a number", type(None): "null"})


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


class _Record(NamedTuple):
    """One input record: its id, and its text or the reason it has none."""

    id: Any
    text: str | None
    error: str | None = None


@app.callback()
def _main() -> None:
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
    n_process: Annotated[int, typer.Option(help="Worker processes (-1: one per CPU).")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per batch.")] = 32,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, summary or error lines.")
    ] = False,
) -> None:
    """Extract the quotes of every record, one answer per record in input order."""
    if n_process == 0 or n_process < -1:
        raise typer.BadParameter("must be a positive number or -1", param_hint="--n-process")
    records = _read_inputs(inputs, input_format, id_field, text_field)
    items = ((record.text or "", record) for record in records)
    try:
        results = pipe_results(items, nlp=model, n_process=n_process, batch_size=batch_size)
        pages = PageWriter(html_path) if html_path is not None else None
        writer = _OutputWriter(output, output_format)
    except OSError as error:
        typer.echo(f"quotelib: {error}", err=True)
        raise typer.Exit(code=2) from error
    show_progress = not quiet and _stderr_is_terminal()
    total = _count_records(inputs, input_format) if show_progress else None
    read = failed = 0
    with tqdm(total=total, unit="doc", disable=not show_progress, file=sys.stderr) as bar:
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
        finally:  # what was answered is kept even if the run is interrupted
            writer.close()
            if pages is not None:
                pages.close()
    if not quiet:
        noun = "record" if read == 1 else "records"
        summary = f"{read} {noun} read, {read - failed} answered, {failed} failed"
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
        text = _read_stdin() if str(path) == "-" else path.read_text(encoding="utf-8")
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
    """Score predicted quotes against annotated ones (see quotelib.evaluate)."""
    try:
        gold_docs = _load_jsonl(gold)
        predictions = _load_jsonl(predicted)
    except (OSError, ValueError) as error:
        typer.echo(f"quotelib: {error}", err=True)
        raise typer.Exit(code=1) from error
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


def _read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return sys.stdin.read() if stream is None else stream.read().decode("utf-8")


def _read_inputs(
    inputs: Iterable[str], input_format: InputFormat, id_field: str, text_field: str
) -> Iterator[_Record]:
    """The records of every input, lazily, in order."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin_records(input_format, id_field, text_field)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(path.rglob("*.txt"))
            if not files:
                yield _Record(name, None, f"no .txt files in folder {name}")
            yield from (_read_text_file(file) for file in files)
        elif _is_jsonl(path, input_format):
            try:
                with path.open("rb") as lines:
                    yield from _read_jsonl(lines, name, id_field, text_field)
            except OSError as error:
                yield _Record(name, None, f"cannot read {name}: {error.strerror or error}")
        else:
            yield _read_text_file(path)


def _is_jsonl(path: Path, input_format: InputFormat) -> bool:
    if input_format is InputFormat.auto:
        return path.suffix.lower() in _JSONL_SUFFIXES
    return input_format is InputFormat.jsonl


def _read_text_file(path: Path) -> _Record:
    try:
        return _Record(str(path), path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        return _Record(str(path), None, f"cannot read {path}: not UTF-8 text ({error.reason})")
    except OSError as error:
        return _Record(str(path), None, f"cannot read {path}: {error.strerror or error}")


def _read_stdin_records(
    input_format: InputFormat, id_field: str, text_field: str
) -> Iterator[_Record]:
    stream: IO[bytes] = getattr(sys.stdin, "buffer", None) or io.BytesIO(
        sys.stdin.read().encode("utf-8")
    )
    head = []
    for line in stream:  # look at the first non-blank line to tell JSONL from text
        head.append(line)
        if line.strip():
            break
    first = b"".join(head).lstrip().lstrip(b"\xef\xbb\xbf")
    lines = _chain(head, stream)
    if input_format is InputFormat.jsonl or (
        input_format is InputFormat.auto and first.startswith(b"{")
    ):
        yield from _read_jsonl(lines, "<stdin>", id_field, text_field)
        return
    try:
        yield _Record("<stdin>", b"".join(lines).decode("utf-8"))
    except UnicodeDecodeError as error:
        yield _Record("<stdin>", None, f"standard input is not UTF-8 text: {error.reason}")


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _read_jsonl(
    lines: Iterable[bytes], source: str, id_field: str, text_field: str
) -> Iterator[_Record]:
    """One record per non-blank line; a line that cannot be read is an error record."""
    for number, raw in enumerate(lines, 1):
        where = f"line {number} of {source}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield _Record(f"{source}:{number}", None, f"{where} is not UTF-8: {error.reason}")
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            msg = f"malformed JSON on {where}: {error.msg}: column {error.colno}"
            yield _Record(f"{source}:{number}", None, msg)
            continue
        if not isinstance(data, dict):
            msg = f"{where} is not a JSON object (got {_json_type(data)})"
            yield _Record(f"{source}:{number}", None, msg)
            continue
        record_id = data.get(id_field, f"{source}:{number}")
        text = data.get(text_field)
        if text_field not in data:
            yield _Record(record_id, None, f"no {text_field!r} field on {where}")
        elif not isinstance(text, str):
            msg = f"{text_field!r} must be a string (got {_json_type(text)}: {_short(text)}) on {where}"
            yield _Record(record_id, None, msg)
        else:
            yield _Record(record_id, text)


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    dumped = json.dumps(value, ensure_ascii=False)
    return dumped if len(dumped) <= 40 else dumped[:39] + "…"


def _count_records(inputs: list[str], input_format: InputFormat) -> int | None:
    """How many records the inputs hold, for the progress bar; None with standard input."""
    if "-" in inputs:
        return None
    total = 0
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            total += max(1, sum(1 for _ in path.rglob("*.txt")))
        elif _is_jsonl(path, input_format) and path.is_file():
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


class _OutputWriter:
    """Answers in JSONL (one line per record) or CSV (one row per quote)."""

    def __init__(self, output: str, output_format: OutputFormat) -> None:
        newline = "" if output_format is OutputFormat.csv else None
        self.to_stdout = output == "-"
        try:
            if self.to_stdout:
                self.out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline)
            else:
                self.out = open(output, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
        except OSError as error:
            msg = f"cannot write {output}: {error.strerror or error}"
            raise OSError(msg) from error
        self.csv = None
        if output_format is OutputFormat.csv:
            self.csv = csv.DictWriter(self.out, fieldnames=RECORD_FIELDS)
            self.csv.writeheader()

    def write(self, record_id: Any, quotes: list[Quote] | None, error: str | None) -> None:
        if self.csv is not None:
            if error is None:
                self.csv.writerows(to_records(quotes, doc_id=record_id))
            return
        answer: dict[str, Any] = {"id": record_id}
        if error is None:
            answer["quotes"] = [quote.to_dict() for quote in quotes]
        else:
            answer["error"] = error
        self.out.write(json.dumps(answer, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()
        if self.to_stdout:
            self.out.detach()  # leave sys.stdout open
        else:
            self.out.close()


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every record of a JSONL file; a line that is not a JSON object is an error."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                msg = f"malformed JSON on line {number} of {path}: {error.msg}"
                raise ValueError(msg) from error
            if not isinstance(data, dict):
                msg = f"line {number} of {path} is not a JSON object (got {_json_type(data)})"
                raise ValueError(msg)
            records.append(data)
    return records

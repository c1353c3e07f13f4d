"""Answers to write: JSONL (one line per record), CSV or Parquet (one row per quote).

A file is written as ``OUT.partial`` and renamed to ``OUT`` only when the
run ends, so an interrupted run never leaves a truncated file that looks
complete. While a run writes ``OUT`` it holds a lock on ``OUT.lock``, and
``OUT.partial.meta`` records which inputs and options the answers belong
to, so that ``resume=True`` continues only the run it came from: it keeps
the complete, valid answer lines of ``OUT.partial`` (or of a finished
``OUT``) and answers the rest.

Every line is valid UTF-8 JSON (see :func:`quotelib.text.safe_text.json_line`),
and every CSV cell is passed through :func:`quotelib.text.safe_text.csv_cell`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import IO, Any, NamedTuple

from quotelib.io.safe_write import (
    FileLock,
    LockedError,
    create_file,
    open_existing,
    write_atomically,
)
from quotelib.records import Quote
from quotelib.table import RECORD_FIELDS, to_records
from quotelib.text.safe_text import csv_cell, json_line

_HEAD_BYTES = 1 << 20  # an input file is recognised by its size, time and first MiB


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Answered(NamedTuple):
    """An answer kept from an earlier run: the record's id, its error, how many quotes."""

    id: Any
    error: str | None
    n_quotes: int


def output_files(output: str) -> list[Path]:
    """The files a run writing ``output`` may write: ``OUT``, ``.partial``, ``.meta``, ``.lock``."""
    if output == "-":
        return []
    final = Path(output)
    partial = final.with_name(final.name + ".partial")
    return [final, partial, partial.with_name(partial.name + ".meta"), _lock_path(final)]


def _lock_path(final: Path) -> Path:
    return final.with_name(final.name + ".lock")


class OutputWriter:
    """Answers in JSONL (one line per record) or CSV (one row per quote).

    The output is locked and, with ``resume``, the earlier answers are read
    and checked when the writer is made; files are changed only from
    :meth:`open` on (called by the first :meth:`write` if not before).

    Args:
        output: a file path, or ``-`` for standard output (written as it goes).
        output_format: JSONL or CSV.
        resume: continue the JSONL answers already in ``OUTPUT.partial`` (or in
            a finished ``OUTPUT``); :attr:`answered` lists them, and the
            caller skips that many input records.
        run: what the answers depend on (see :func:`describe_run`), kept in
            ``OUTPUT.partial.meta``; with ``resume``, a ``.partial`` whose
            ``.meta`` differs (or is missing) is refused.

    Raises:
        OSError: the output cannot be written, or another run is writing it.
        ValueError: ``resume`` with standard output or CSV, whose answers
            cannot be counted back to records, or with a ``.partial`` of
            another run.
    """

    def __init__(
        self,
        output: str,
        output_format: OutputFormat,
        *,
        resume: bool = False,
        run: dict[str, Any] | None = None,
    ) -> None:
        [self.final, self.partial, self.meta, lock] = output_files(output) or [Path("-")] * 4
        self.to_stdout, self.format, self.run = output == "-", output_format, run
        self.answered: list[Answered] = []
        self.out: IO[str] | None = None
        self.csv: Any = None
        self.lock: FileLock | None = None
        self._keep, self._from_final = 0, False
        self.parquet = None
        if resume and (self.to_stdout or output_format is not OutputFormat.jsonl):
            msg = "--resume needs a JSONL output file (not standard output, CSV or Parquet)"
            raise ValueError(msg)
        if output_format is OutputFormat.parquet:
            self.parquet = _parquet_rows(self.to_stdout)
        if self.to_stdout:
            return
        try:
            for path in (self.final, self.partial):
                if path.is_dir():
                    raise IsADirectoryError(f"{path} is a folder (give a file name)")
            self.lock = FileLock(lock, str(self.final))
        except LockedError:
            raise
        except OSError as error:
            msg = f"cannot write {self.final}: {error.strerror or error}"
            raise OSError(msg) from error
        try:
            if resume:
                self._read_earlier()
        except BaseException:
            self.release()
            raise

    @property
    def resumed(self) -> int:
        """How many answers of an earlier run are kept."""
        return len(self.answered)

    @property
    def resumed_failed(self) -> int:
        """How many of the kept answers are errors."""
        return sum(answer.error is not None for answer in self.answered)

    def _read_earlier(self) -> None:
        if self.partial.exists() or self.partial.is_symlink():
            if self.run is not None:
                _check_meta(self.partial, self.meta, self.run)
            source = self.partial
        elif self.final.exists():
            source, self._from_final = self.final, True
        else:
            return
        try:
            self.answered, self._keep = _read_answers(source)
        except OSError as error:
            msg = f"cannot read {source}: {error.strerror or error}"
            raise OSError(msg) from error

    def open(self) -> None:
        """Start writing: the ``.partial`` file (kept answers, then new ones) and its ``.meta``."""
        if self.out is not None:
            return
        newline = "" if self.format is OutputFormat.csv else None
        try:
            if self.to_stdout:
                self.out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline)
            elif self.parquet is not None:
                self.out = create_file(self.partial, mode="wb")
            else:
                self.out = self._open_partial(newline)
                if self.run is not None:
                    write_atomically(self.meta, json_line(self.run) + "\n")
                elif self.meta.exists() or self.meta.is_symlink():
                    self.meta.unlink()  # it describes another run
        except OSError as error:
            msg = f"cannot write {self.final}: {error.strerror or error}"
            raise OSError(msg) from error
        if self.format is OutputFormat.csv:
            self.csv = csv.DictWriter(self.out, fieldnames=RECORD_FIELDS)
            self.csv.writeheader()

    def _open_partial(self, newline: str | None) -> IO[str]:
        if not self.answered:
            return create_file(self.partial, newline=newline)
        if self._from_final:  # a finished run resumed: copy its answers
            with open_existing(self.final, "rb") as source:
                kept = source.read(self._keep)
            with create_file(self.partial, mode="wb") as partial:
                partial.write(kept)
        binary = open_existing(self.partial, "r+b")
        binary.truncate(self._keep)  # what follows the last valid answer is redone
        binary.seek(self._keep)
        return io.TextIOWrapper(binary, encoding="utf-8", newline=newline)

    def write(
        self,
        record_id: Any,
        quotes: list[Quote] | None,
        error: str | None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        """Write one record's answer, flushed so an interruption keeps it.

        Parquet rows (which carry the record's ``meta``) are written at :meth:`close`.
        """
        self.open()
        if self.parquet is not None:
            if error is None:
                self.parquet.add(record_id, quotes, meta)
            return
        if self.csv is not None:
            if error is None:
                rows = to_records(quotes, doc_id=record_id)
                self.csv.writerows(
                    {key: csv_cell(value) for key, value in row.items()} for row in rows
                )
        else:
            self.out.write(answer_line(record_id, quotes, error))
        self.out.flush()

    def close(self, *, complete: bool) -> None:
        """Close the output; a complete run's ``.partial`` file becomes the output.

        An incomplete run keeps ``.partial`` and ``.meta`` for ``--resume``;
        the lock is released either way.
        """
        if complete:
            self.open()
        try:
            if self.out is not None:
                if self.parquet is not None and complete:
                    self.parquet.write(self.out)
                self.out.flush()
                if self.to_stdout:
                    self.out.detach()  # leave sys.stdout open
                else:
                    self.out.close()
                    if complete:
                        os.replace(self.partial, self.final)
                        if self.meta.exists():
                            self.meta.unlink()
        finally:
            self.out = None
            self.release()

    def release(self) -> None:
        """Drop the lock without writing anything (a run that does not start)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _parquet_rows(to_stdout: bool) -> Any:
    if to_stdout:
        msg = "--format parquet needs an output file (--output FILE), not standard output"
        raise ValueError(msg)
    try:
        from quotelib.io.parquet_out import ParquetRows

        return ParquetRows()
    except ImportError as error:
        msg = "--format parquet needs pyarrow: pip install 'quotelib[parquet]'"
        raise ValueError(msg) from error


def answer_line(record_id: Any, quotes: Sequence[Quote] | None, error: str | None) -> str:
    """The JSONL line of one record's answer: ``{"id": ..., "quotes": [...]}`` or ``"error"``.

    Examples:
        >>> answer_line(float("nan"), [], None)
        '{"id": "NaN", "quotes": []}\\n'
        >>> answer_line("a\\u2028b", None, "not read")
        '{"id": "a\\\\u2028b", "error": "not read"}\\n'
    """
    answer: dict[str, Any] = {"id": record_id}
    if error is None:
        answer["quotes"] = [quote.to_dict() for quote in quotes]
    else:
        answer["error"] = error
    return json_line(answer) + "\n"


def _read_answers(path: Path) -> tuple[list[Answered], int]:
    """The answers before the first line that is not one, and how many bytes they take.

    A line counts only if it is exactly what :func:`answer_line` writes: a
    JSON object of an id and either quotes or an error, ending in a newline.
    A last line cut short by the interruption, or any other line, ends the
    answers kept, so its record and all after it are answered again.
    """
    answered, kept = [], 0
    with open_existing(path, "rb") as lines:
        for line in lines:
            answer = _answer(line)
            if answer is None:
                break
            answered.append(answer)
            kept += len(line)
    return answered, kept


def _answer(line: bytes) -> Answered | None:
    try:
        text = line.decode("utf-8")
        data = json.loads(text, parse_constant=_not_json)
    except ValueError:  # not UTF-8, not JSON, or NaN (written by no quotelib)
        return None
    if not isinstance(data, dict) or not text.endswith("\n") or json_line(data) + "\n" != text:
        return None
    keys, quotes, error = list(data), data.get("quotes"), data.get("error")
    if keys == ["id", "quotes"] and isinstance(quotes, list):
        if all(isinstance(quote, dict) and "kind" in quote for quote in quotes):
            return Answered(data["id"], None, len(quotes))
    elif keys == ["id", "error"] and isinstance(error, str):
        return Answered(data["id"], error, 0)
    return None


def _not_json(constant: str) -> Any:
    raise ValueError(constant)


def describe_run(inputs: Sequence[str], options: dict[str, Any]) -> dict[str, Any]:
    """What a run's answers depend on: each input (path, size, time, first MiB) and the options.

    Standard input (``-``) is recorded by name only; a folder by the names,
    sizes and times of its ``.txt`` files.
    """
    return json.loads(json_line({"inputs": [_describe_input(n) for n in inputs], **options}))


def _describe_input(name: str) -> dict[str, Any]:
    if name == "-":
        return {"path": name}
    path = Path(name)
    try:
        if path.is_dir():
            digest = hashlib.sha256()
            files = sorted(path.rglob("*.txt"))
            for file in files:
                stat = file.stat()
                line = f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
                digest.update(line.encode("utf-8", "surrogateescape"))
            return {"path": name, "txt_files": len(files), "files_sha256": digest.hexdigest()}
        stat = path.stat()
        with path.open("rb") as file:
            head = hashlib.sha256(file.read(_HEAD_BYTES)).hexdigest()
        return {"path": name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "head": head}
    except OSError as error:
        return {"path": name, "unreadable": error.strerror or str(error)}


def _check_meta(partial: Path, meta: Path, run: dict[str, Any]) -> None:
    """Refuse a ``.partial`` whose ``.meta`` is missing or describes another run."""
    start_over = "run without --resume to start over"
    try:
        with open_existing(meta, "rb") as file:
            earlier = json.loads(file.read().decode("utf-8"))
    except FileNotFoundError as error:
        msg = f"{partial} has no {meta.name}, so its inputs are not known; {start_over}"
        raise ValueError(msg) from error
    except (OSError, ValueError) as error:
        msg = f"{partial} cannot be resumed: {meta} is not readable JSON ({error}); {start_over}"
        raise ValueError(msg) from error
    difference = _first_difference(earlier, run)
    if difference is not None:
        where, was, now = difference
        msg = (
            f"{partial} holds the answers of another run ({where} was {was}, now {now}); "
            f"{start_over}, or resume with that run's inputs and options"
        )
        raise ValueError(msg)


def _first_difference(earlier: Any, now: Any, where: str = "") -> tuple[str, str, str] | None:
    if isinstance(earlier, dict) and isinstance(now, dict):
        for key in [*now, *(key for key in earlier if key not in now)]:
            found = _first_difference(earlier.get(key), now.get(key), f"{where}.{key}".lstrip("."))
            if found is not None:
                return found
        return None
    if isinstance(earlier, list) and isinstance(now, list) and len(earlier) == len(now):
        for index, (old, new) in enumerate(zip(earlier, now)):
            found = _first_difference(old, new, f"{where}[{index}]")
            if found is not None:
                return found
        return None
    if earlier == now:
        return None
    return where or "the run", json_line(earlier), json_line(now)


def skip_answered(records: Iterable[Any], answered: Sequence[Answered], partial: Path) -> Iterator:
    """The records after the answered ones, once the answered ones' ids are checked.

    The first ``len(answered)`` records are read now: their ids must be the
    answers' ids, in order, or the answers are of other input.

    Raises:
        ValueError: an id differs, or the input has fewer records than answers.
    """
    records = iter(records)
    for number, answer in enumerate(answered, 1):
        record = next(records, None)
        if record is None:
            msg = (
                f"{partial} holds {len(answered)} answers but the inputs have only "
                f"{number - 1} records; run without --resume to start over"
            )
            raise ValueError(msg)
        if json.loads(json_line(record.id)) != answer.id:
            msg = (
                f"{partial} holds the answers of other input: answer {number} is for id "
                f"{json_line(answer.id)}, input record {number} has id {json_line(record.id)}; "
                "run without --resume to start over"
            )
            raise ValueError(msg)
    return records

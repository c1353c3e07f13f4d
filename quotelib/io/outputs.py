"""Answers to write: JSONL (one line per record), CSV or Parquet (one row per quote).

A file is written as ``OUT.partial`` under a lock on ``OUT.lock`` and renamed
to ``OUT`` only when the run ends (:mod:`quotelib.io.partial`), so an
interrupted run never leaves a truncated file that looks complete.
``OUT.partial.meta`` records which inputs and options the answers belong
to, so that ``resume=True`` continues only the run it came from: it keeps
the complete, valid answer lines of ``OUT.partial`` (or of a finished
``OUT``) and answers the rest (:mod:`quotelib.io.resume`).

Every line is valid UTF-8 JSON (see :func:`quotelib.text.safe_text.json_line`),
and every CSV cell is passed through :func:`quotelib.text.safe_text.csv_cell`.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import IO, Any

from quotelib.io.parquet_out import ParquetRows, check_parquet_output
from quotelib.io.partial import PartialFile, lock_path, partial_path, writing
from quotelib.io.resume import Answered, check_meta, read_answers
from quotelib.io.safe_write import write_atomically
from quotelib.records import Quote
from quotelib.table import RECORD_FIELDS, to_records
from quotelib.text.safe_text import csv_cell, json_line

__all__ = ["OutputFormat", "OutputWriter", "answer_line", "output_files"]


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def output_files(output: str) -> list[Path]:
    """The files a run writing ``output`` may write: ``OUT``, ``.partial``, ``.meta``, ``.lock``."""
    if output == "-":
        return []
    final = Path(output)
    partial = partial_path(final)
    return [final, partial, partial.with_name(partial.name + ".meta"), lock_path(final)]


class OutputWriter:
    """Answers in JSONL (one line per record), CSV or Parquet (one row per quote).

    The output is locked and, with ``resume``, the earlier answers are read
    and checked when the writer is made; files are changed only from
    :meth:`open` on (called by the first :meth:`write` if not before).

    Args:
        output: a file path, or ``-`` for standard output (written as it goes).
        output_format: JSONL, CSV or Parquet (to a file only).
        resume: continue the JSONL answers already in ``OUTPUT.partial`` (or in
            a finished ``OUTPUT``); :attr:`answered` lists them, and the
            caller skips that many input records.
        run: what the answers depend on (see
            :func:`~quotelib.io.resume.describe_run`), kept in
            ``OUTPUT.partial.meta``; with ``resume``, a ``.partial`` whose
            ``.meta`` differs (or is missing) is refused.

    Raises:
        OSError: the output cannot be written, or another run is writing it.
        ValueError: ``resume`` with standard output or CSV, whose answers
            cannot be counted back to records, or with a ``.partial`` of
            another run; Parquet to standard output or without pyarrow.
    """

    def __init__(
        self,
        output: str,
        output_format: OutputFormat,
        *,
        resume: bool = False,
        run: dict[str, Any] | None = None,
    ) -> None:
        [self.final, self.partial, self.meta, _] = output_files(output) or [Path("-")] * 4
        self.to_stdout, self.format, self.run = output == "-", output_format, run
        self.answered: list[Answered] = []
        self.out: IO[str] | None = None
        self.csv: Any = None
        self.file: PartialFile | None = None
        self._source: Path | None = None
        self._keep = 0
        self.parquet: ParquetRows | None = None
        if resume and (self.to_stdout or output_format is not OutputFormat.jsonl):
            msg = "--resume needs a JSONL output file (not standard output, CSV or Parquet)"
            raise ValueError(msg)
        if output_format is OutputFormat.parquet:
            check_parquet_output(output)
            self.parquet = ParquetRows()
        if self.to_stdout:
            return
        self.file = PartialFile(self.final)
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
        source = self.file.earlier()
        if source is None:
            return
        if source == self.partial and self.run is not None:
            check_meta(self.partial, self.meta, self.run)
        try:
            self.answered, self._keep = read_answers(source)
        except OSError as error:
            msg = f"cannot read {source}: {error.strerror or error}"
            raise OSError(msg) from error
        self._source = source

    def open(self) -> None:
        """Start writing: the ``.partial`` file (kept answers, then new ones) and its ``.meta``."""
        if self.out is not None:
            return
        newline = "" if self.format is OutputFormat.csv else None
        with writing(self.final):
            if self.to_stdout:
                self.out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline)
            elif self.parquet is not None:
                self.out = self.file.create(mode="wb")
            else:
                self.out = self._open_partial(newline)
                if self.run is not None:
                    write_atomically(self.meta, json_line(self.run) + "\n")
                elif self.meta.exists() or self.meta.is_symlink():
                    self.meta.unlink()  # it describes another run
        if self.format is OutputFormat.csv:
            self.csv = csv.DictWriter(self.out, fieldnames=RECORD_FIELDS)
            self.csv.writeheader()

    def _open_partial(self, newline: str | None) -> IO[str]:
        if not self.answered:
            return self.file.create(newline=newline)
        return self.file.resume(self._source, self._keep, newline=newline)

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
                        self.file.finish()
                        if self.meta.exists():
                            self.meta.unlink()
        finally:
            self.out = None
            self.release()

    def release(self) -> None:
        """Drop the lock without writing anything (a run that does not start)."""
        if self.file is not None:
            self.file.release()


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

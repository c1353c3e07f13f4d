"""Answers to write: JSONL (one line per record) or CSV (one row per quote).

A file is written as ``OUT.partial`` and renamed to ``OUT`` only when the
run ends, so an interrupted run never leaves a truncated file that looks
complete; ``resume=True`` continues from the records a ``.partial`` (or a
finished ``OUT``) already holds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Any

from quotelib.records import Quote
from quotelib.table import RECORD_FIELDS, to_records


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class OutputWriter:
    """Answers in JSONL (one line per record) or CSV (one row per quote).

    Args:
        output: a file path, or ``-`` for standard output (written as it goes).
        output_format: JSONL or CSV.
        resume: continue the JSONL answers already in ``OUTPUT.partial`` (or in
            a finished ``OUTPUT``); :attr:`resumed` and :attr:`resumed_failed`
            then count them, and the caller skips that many input records.

    Raises:
        OSError: the output cannot be written.
        ValueError: ``resume`` with standard output or CSV, whose answers
            cannot be counted back to records.
    """

    def __init__(self, output: str, output_format: OutputFormat, *, resume: bool = False) -> None:
        newline = "" if output_format is OutputFormat.csv else None
        self.to_stdout = output == "-"
        self.final = Path(output)
        self.partial = self.final.with_name(self.final.name + ".partial")
        self.resumed = self.resumed_failed = 0
        if resume and (self.to_stdout or output_format is OutputFormat.csv):
            msg = "--resume needs a JSONL output file (not standard output or CSV)"
            raise ValueError(msg)
        try:
            if self.to_stdout:
                self.out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline)
            elif resume:
                self.resumed, self.resumed_failed = _restart_from(self.partial, self.final)
                self.out = self.partial.open("a", encoding="utf-8")
            else:
                self.out = self.partial.open("w", encoding="utf-8", newline=newline)
        except OSError as error:
            msg = f"cannot write {output}: {error.strerror or error}"
            raise OSError(msg) from error
        self.csv = None
        if output_format is OutputFormat.csv:
            self.csv = csv.DictWriter(self.out, fieldnames=RECORD_FIELDS)
            self.csv.writeheader()

    def write(self, record_id: Any, quotes: list[Quote] | None, error: str | None) -> None:
        """Write one record's answer, flushed so an interruption keeps it."""
        if self.csv is not None:
            if error is None:
                self.csv.writerows(to_records(quotes, doc_id=record_id))
        else:
            answer: dict[str, Any] = {"id": record_id}
            if error is None:
                answer["quotes"] = [quote.to_dict() for quote in quotes]
            else:
                answer["error"] = error
            self.out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self, *, complete: bool) -> None:
        """Close the output; a complete run's ``.partial`` file becomes the output."""
        self.out.flush()
        if self.to_stdout:
            self.out.detach()  # leave sys.stdout open
            return
        self.out.close()
        if complete:
            os.replace(self.partial, self.final)


def _restart_from(partial: Path, final: Path) -> tuple[int, int]:
    """Keep the complete answer lines of an earlier run; how many, and how many failed.

    A last line cut short by the interruption is dropped, so its record is
    answered again.
    """
    if not partial.exists() and final.exists():
        shutil.copyfile(final, partial)
    if not partial.exists():
        return 0, 0
    data = partial.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        partial.write_bytes(complete)
    answered = failed = 0
    for line in complete.splitlines():
        if line.strip():
            answered += 1
            failed += b'"error"' in line and "error" in json.loads(line)
    return answered, failed

"""What ``--resume`` keeps of an interrupted run, and the checks that it is the same run.

An interrupted run leaves its answers in ``OUT.partial`` and, in
``OUT.partial.meta``, what they depend on (:func:`describe_run`: the
inputs and the options). A resumed run keeps the answers only when the
``.meta`` describes the run now asked for (:func:`check_meta`), keeps only
the lines that are exactly answers as quotelib writes them
(:func:`read_answers`), and skips the input records they answer once their
ids are checked (:func:`skip_answered`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from quotelib.io.safe_write import open_existing
from quotelib.text.safe_text import json_line

__all__ = ["Answered", "check_meta", "describe_run", "read_answers", "skip_answered"]

_HEAD_BYTES = 1 << 20  # an input file is recognised by its size, time and first MiB


class Answered(NamedTuple):
    """An answer kept from an earlier run: the record's id, its error, how many quotes."""

    id: Any
    error: str | None
    n_quotes: int


def read_answers(path: Path) -> tuple[list[Answered], int]:
    """The answers before the first line that is not one, and how many bytes they take.

    A line counts only if it is exactly what :func:`quotelib.io.outputs.answer_line` writes: a
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


def check_meta(partial: Path, meta: Path, run: dict[str, Any]) -> None:
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

"""JSONL read line by line: each line an object, or the reason it is not one.

A line may hold anything: malformed JSON, a number too long for Python to
read, arrays nested deeper than the parser goes, bytes that are not UTF-8.
Each is that line's answer, never a reason to stop reading the others.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from quotelib.io.files import (
    MAX_RECORD_BYTES,
    display_name,
    open_binary,
    read_lines,
    reason,
    size_text,
)

__all__ = [
    "json_objects",
    "json_type",
    "read_json_objects",
    "short_json",
    "writes_as_json",
]

_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_JSON_TYPES.update({int: "a number", float: "a number", type(None): "null"})
_BLANK = object()


def json_objects(
    lines: Iterable[bytes | None], source: str, limit: int = MAX_RECORD_BYTES
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """``(line number, object, None)`` for each JSON object line, ``(number, None, reason)``
    for each line that is not one; blank lines are left out.

    ``None`` in ``lines`` stands for a line longer than ``limit``
    (:func:`~quotelib.io.files.read_lines`). A failure of the stream itself ends
    the lines with one that says so.

    Examples:
        >>> lines = [b'{"id": 1}\\n', b"\\n", b"[1]\\n", b"[" * 100_000 + b"\\n"]
        >>> for number, data, error in json_objects(lines, "a.jsonl"):
        ...     print(number, data, error)
        1 {'id': 1} None
        3 None line 3 of a.jsonl is not a JSON object (got an array)
        4 None cannot read line 4 of a.jsonl: nested too deeply (RecursionError: ...)
    """
    numbered = enumerate(lines, 1)
    number = 0
    while True:
        try:
            number, raw = next(numbered)
        except StopIteration:
            return
        except Exception as error:  # the stream failed: say where, then stop
            yield number + 1, None, f"cannot read {source} past line {number}: {reason(error)}"
            return
        try:
            data, error = _json_line(raw, f"line {number} of {source}", number, limit)
        except Exception as failure:  # whatever the line does, it is this line's answer
            data, error = None, f"cannot read line {number} of {source}: {reason(failure)}"
        if data is not _BLANK:
            yield number, data, error


def _json_line(raw: bytes | None, where: str, number: int, limit: int) -> tuple[Any, str | None]:
    if raw is None:
        return None, f"{where} is longer than {size_text(limit)}, the limit for one record"
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        return None, f"{where} is not UTF-8: {error.reason}"
    if not line.strip():
        return _BLANK, None
    try:
        data = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return None, f"malformed JSON on {where}: {error.msg}: column {error.colno}"
    if not isinstance(data, dict):
        return None, f"{where} is not a JSON object (got {json_type(data)})"
    return data, None


def writes_as_json(value: Any) -> bool:
    """Whether ``value`` is strict JSON: no NaN or Infinity, which JSON cannot hold."""
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return False
    return True


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def short_json(value: Any) -> str:
    """``value`` as JSON for a message: at most 40 characters, always UTF-8."""
    dumped = json.dumps(value, ensure_ascii=False)
    dumped = dumped if len(dumped) <= 40 else dumped[:39] + "…"
    return dumped.encode("utf-8", "backslashreplace").decode("utf-8")


def read_json_objects(
    path: str | os.PathLike[str], limit: int = MAX_RECORD_BYTES
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every JSON object line of a (possibly gzipped) JSONL file, and why each other line is not one.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "gold.jsonl")
        ...     _ = path.write_text('{"id": 1}\\n{"id": \\n7\\n')
        ...     objects, problems = read_json_objects(path)
        >>> objects, [problem.replace(str(path), "gold.jsonl") for problem in problems]
        ([{'id': 1}], ['malformed JSON on line 2 of gold.jsonl: Expecting value: column 8', 'line 3 of gold.jsonl is not a JSON object (got a number)'])
    """
    source = display_name(path)
    try:
        with open_binary(path, limit=None, pipes=True) as stream:
            lines = list(json_objects(read_lines(stream, limit), source, limit))
    except Exception as error:  # the file cannot be opened
        return [], [f"cannot read {source}: {reason(error)}"]
    return [d for _, d, e in lines if e is None], [e for _, _, e in lines if e is not None]

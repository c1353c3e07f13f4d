"""Records to read: text files, folders of them, JSONL files and standard input.

Every input record becomes one :class:`Record`, in input order: its id and
text, or the reason it cannot be read (not UTF-8, binary, malformed JSON, no
text field, a text that is not a string). A bad record never stops the rest.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Any, NamedTuple

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_JSON_TYPES.update({int: "a number", float: "a number", type(None): "null"})


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


class Record(NamedTuple):
    """One input record: its id, and its text or the reason it has none."""

    id: Any
    text: str | None
    error: str | None = None


def read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return sys.stdin.read() if stream is None else stream.read().decode("utf-8")


def read_inputs(
    inputs: Iterable[str], input_format: InputFormat, id_field: str, text_field: str
) -> Iterator[Record]:
    """The records of every input, lazily, in order."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin_records(input_format, id_field, text_field)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(path.rglob("*.txt"))
            if not files:
                yield Record(name, None, f"no .txt files in folder {name}")
            yield from (_read_text_file(file) for file in files)
        elif _is_jsonl(path, input_format):
            try:
                with path.open("rb") as lines:
                    yield from _read_jsonl(lines, name, id_field, text_field)
            except OSError as error:
                yield Record(name, None, f"cannot read {name}: {error.strerror or error}")
        else:
            yield _read_text_file(path)


def _is_jsonl(path: Path, input_format: InputFormat) -> bool:
    if input_format is InputFormat.auto:
        return path.suffix.lower() in _JSONL_SUFFIXES
    return input_format is InputFormat.jsonl


def _read_text_file(path: Path) -> Record:
    """A text file's record; unreadable, binary and non-UTF-8 files say why."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Record(str(path), None, f"cannot read {path}: {error.strerror or error}")
    if b"\x00" in data[:8192]:
        return Record(str(path), None, f"cannot read {path}: a binary file, not text")
    try:
        return Record(str(path), data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Record(str(path), None, f"cannot read {path}: not UTF-8 text ({error.reason})")


def _read_stdin_records(
    input_format: InputFormat, id_field: str, text_field: str
) -> Iterator[Record]:
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
        yield Record("<stdin>", b"".join(lines).decode("utf-8"))
    except UnicodeDecodeError as error:
        yield Record("<stdin>", None, f"standard input is not UTF-8 text: {error.reason}")


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _read_jsonl(
    lines: Iterable[bytes], source: str, id_field: str, text_field: str
) -> Iterator[Record]:
    """One record per non-blank line; a line that cannot be read is an error record."""
    for number, raw in enumerate(lines, 1):
        where = f"line {number} of {source}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield Record(f"{source}:{number}", None, f"{where} is not UTF-8: {error.reason}")
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            msg = f"malformed JSON on {where}: {error.msg}: column {error.colno}"
            yield Record(f"{source}:{number}", None, msg)
            continue
        if not isinstance(data, dict):
            msg = f"{where} is not a JSON object (got {json_type(data)})"
            yield Record(f"{source}:{number}", None, msg)
            continue
        record_id = data.get(id_field, f"{source}:{number}")
        text = data.get(text_field)
        if text_field not in data:
            yield Record(record_id, None, f"no {text_field!r} field on {where}")
        elif not isinstance(text, str):
            msg = f"{text_field!r} must be a string (got {json_type(text)}: {_short(text)}) on {where}"
            yield Record(record_id, None, msg)
        else:
            yield Record(record_id, text)


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    dumped = json.dumps(value, ensure_ascii=False)
    return dumped if len(dumped) <= 40 else dumped[:39] + "…"


def count_records(inputs: list[str], input_format: InputFormat) -> int | None:
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

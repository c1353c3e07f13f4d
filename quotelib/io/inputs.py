"""Records to read: text files, folders of them, JSONL files and standard input.

Every input record becomes one :class:`Record`, in input order: its id and
text, or the reason it cannot be read (not UTF-8, binary, too large, not a
regular file, malformed JSON, no text field, a text that is not a string).
Any failure while reading one record is that record's answer, and a bad
record never stops the rest. ``.gz`` files are decompressed as they are read.

A text file's text is its bytes decoded as UTF-8, without a leading byte
order mark (as ``Path.read_text(encoding="utf-8-sig")`` reads it), and
offsets index that text. Record ids are strings that encode as UTF-8: a file
name's bytes that are not UTF-8 are shown as ``\\xNN``
(:func:`quotelib.io.files.display_name`).
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import IO, Any, NamedTuple

from quotelib.io.files import (
    MAX_RECORD_BYTES,
    Rejoined,
    display_name,
    is_gzip,
    open_binary,
    read_limited,
    read_lines,
    reason,
    walk_folder,
)
from quotelib.io.jsonl import json_objects, json_type, short_json, writes_as_json

__all__ = [
    "Fields",
    "InputFormat",
    "JSONL_SUFFIXES",
    "Record",
    "TEXT_SUFFIXES",
    "count_records",
    "is_jsonl",
    "missing_inputs",
    "read_inputs",
    "read_stdin",
    "read_text_file",
    "walk_text_files",
]

logger = logging.getLogger(__name__)

#: File names read as JSONL with ``--input-format auto`` (compared case-insensitively).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: The files of a folder that are read, as texts (compared case-insensitively).
TEXT_SUFFIXES = (".txt", ".txt.gz")
_BOM = b"\xef\xbb\xbf"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


class Record(NamedTuple):
    """One input record: its id, and its text or the reason it has none.

    ``meta`` holds a JSONL record's other fields (``None`` for a text file).
    """

    id: Any
    text: str | None
    error: str | None = None
    meta: dict[str, Any] | None = None


class Fields(NamedTuple):
    """The JSONL fields that hold a record's id and text."""

    id: str = "id"
    text: str = "text"


def read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return sys.stdin.read() if stream is None else stream.read().decode("utf-8")


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """The inputs that do not exist (``-``, standard input, always does).

    Examples:
        >>> missing_inputs(["-", ".", "no/such/file.txt"])
        ['no/such/file.txt']
    """
    missing = []
    for name in inputs:
        try:
            if name != "-":
                os.stat(name)
        except (FileNotFoundError, NotADirectoryError):
            missing.append(name)
        except OSError:  # there, but not to be looked at: its record says why
            pass
    return missing


def read_inputs(
    inputs: Iterable[str],
    input_format: InputFormat,
    id_field: str = "id",
    text_field: str = "text",
    *,
    limit: int = MAX_RECORD_BYTES,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Record]:
    """The records of every input, lazily, in order.

    Args:
        inputs: file and folder names, ``-`` for standard input.
        input_format: how files and standard input are read.
        id_field, text_field: the JSONL fields of a record's id and text.
        limit: the most bytes of one record (:data:`~quotelib.io.files.MAX_RECORD_BYTES`).
        on_skip: called with a note on the files of a folder that are not
            read (not text files, links to folders); by default the note is
            logged as a warning.
    """
    fields = Fields(id_field, text_field)
    for name in inputs:
        if name == "-":
            yield from _read_stdin_records(input_format, fields, limit)
        elif os.path.isdir(name):
            yield from _read_folder(name, limit, on_skip or logger.warning)
        elif is_jsonl(name, input_format):
            yield from _read_jsonl_file(name, fields, limit)
        else:
            yield read_text_file(name, limit, pipes=True)


def is_jsonl(name: str, input_format: InputFormat) -> bool:
    """Whether a file is read as JSONL: its format, or with ``auto`` its name."""
    if input_format is InputFormat.auto:
        return name.lower().endswith(JSONL_SUFFIXES)
    return input_format is InputFormat.jsonl


def read_text_file(path: str | os.PathLike[str], limit: int, *, pipes: bool = False) -> Record:
    """A text file's record; a file that cannot be read, or is binary or not UTF-8, says why.

    Only a regular file is read, or with ``pipes`` also a FIFO; ``.gz`` files
    are decompressed. A leading byte order mark is dropped.
    """
    name = display_name(path)
    try:
        with open_binary(path, limit=limit, pipes=pipes) as stream:
            data = read_limited(stream, limit, what="decompressed" if is_gzip(path) else "")
    except Exception as error:  # whatever the file does, it is this record's answer
        return Record(name, None, f"cannot read {name}: {reason(error)}")
    if b"\x00" in data[:8192]:
        return Record(name, None, f"cannot read {name}: a binary file, not text")
    try:
        return Record(name, data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Record(name, None, f"cannot read {name}: not UTF-8 text ({error.reason})")


def walk_text_files(
    folder: str, on_skip: Callable[[str], None]
) -> Iterator[tuple[str, str | None]]:
    """The text files under ``folder`` (:data:`TEXT_SUFFIXES`), in path order, each with None;
    a subfolder that cannot be read, with the reason.

    The files that are not read, and the links to folders, which are not
    followed, are told to ``on_skip`` in one note each, once the folder is read.
    """
    skipped: list[tuple[str, bool]] = []
    yield from walk_folder(folder, _is_text_name, skipped)
    shown = display_name(folder)
    others = [path for path, link in skipped if not link]
    links = [path for path, link in skipped if link]
    if others:
        on_skip(f"folder {shown}: skipped {_names(others, folder, 'file')}: not .txt or .txt.gz")
    if links:
        on_skip(f"folder {shown}: did not follow {_names(links, folder, 'link to a folder')}")


def _is_text_name(name: str) -> bool:
    return name.lower().endswith(TEXT_SUFFIXES)


def _names(paths: list[str], folder: str, noun: str, shown: int = 5) -> str:
    """How many files, and the first few by name: ``2 files (a.md, b.csv)``."""
    plural = noun.replace("link", "links") if noun.startswith("link") else noun + "s"
    names = [display_name(os.path.relpath(path, folder)) for path in paths]
    listed = ", ".join(names[:shown]) + (
        f" and {len(names) - shown} more" if len(names) > shown else ""
    )
    return f"{len(names)} {noun if len(names) == 1 else plural} ({listed})"


def _read_folder(folder: str, limit: int, on_skip: Callable[[str], None]) -> Iterator[Record]:
    found = False
    for path, error in walk_text_files(folder, on_skip):
        found = True
        yield Record(display_name(path), None, error) if error else read_text_file(path, limit)
    if not found:
        shown = display_name(folder)
        yield Record(shown, None, f"no .txt or .txt.gz files in folder {shown}")


def _read_jsonl_file(name: str, fields: Fields, limit: int) -> Iterator[Record]:
    source = display_name(name)
    try:
        with open_binary(name, limit=None, pipes=True) as stream:
            yield from _read_jsonl(read_lines(stream, limit), source, fields, limit)
    except Exception as error:  # the file cannot be opened; a bad line is answered inside
        yield Record(source, None, f"cannot read {source}: {reason(error)}")


def _read_stdin_records(input_format: InputFormat, fields: Fields, limit: int) -> Iterator[Record]:
    stream: IO[bytes] = getattr(sys.stdin, "buffer", None) or io.BytesIO(
        sys.stdin.read().encode("utf-8")
    )
    head = _head(stream, limit)  # enough to tell JSONL (a first "{") from text
    rest = io.BufferedReader(Rejoined(head, stream))
    starts_an_object = head.removeprefix(_BOM).lstrip().startswith(b"{")
    if input_format is InputFormat.jsonl or (input_format is InputFormat.auto and starts_an_object):
        yield from _read_jsonl(read_lines(rest, limit), "<stdin>", fields, limit)
        return
    try:
        text = read_limited(rest, limit).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Record("<stdin>", None, f"standard input is not UTF-8 text: {error.reason}")
    except Exception as error:  # too large, or the stream failed
        yield Record("<stdin>", None, f"cannot read standard input: {reason(error)}")
    else:
        yield Record("<stdin>", text)


def _head(stream: IO[bytes], limit: int) -> bytes:
    """The first bytes of ``stream``, up to its first one that is not blank (or ``limit``)."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    while len(head) <= limit:
        chunk = read(1 << 16)
        head += chunk
        if not chunk or (chunk.strip() and head.removeprefix(_BOM).strip()):
            break
    return head


def _read_jsonl(
    lines: Iterable[bytes | None], source: str, fields: Fields, limit: int
) -> Iterator[Record]:
    """One record per non-blank line; a line that cannot be read is an error record."""
    for number, data, error in json_objects(lines, source, limit):
        fallback, where = f"{source}:{number}", f"line {number} of {source}"
        try:
            record = (
                Record(fallback, None, error)
                if data is None
                else _record(data, fields, fallback, where)
            )
        except Exception as failure:  # whatever the line holds, it is this line's answer
            record = Record(fallback, None, f"cannot read {where}: {reason(failure)}")
        yield record


def _record(data: dict[str, Any], fields: Fields, fallback: str, where: str) -> Record:
    record_id = data.get(fields.id, fallback)
    text = data.get(fields.text)
    if not writes_as_json(record_id):
        msg = (
            f"{fields.id!r} cannot be written back as JSON (got {short_json(record_id)}) on {where}"
        )
        return Record(fallback, None, msg)
    if fields.text not in data:
        return Record(record_id, None, f"no {fields.text!r} field on {where}")
    if not isinstance(text, str):
        msg = f"{fields.text!r} must be a string (got {json_type(text)}: {short_json(text)}) on {where}"
        return Record(record_id, None, msg)
    meta = {name: value for name, value in data.items() if name not in fields}
    return Record(record_id, text, None, meta)


def count_records(inputs: list[str], input_format: InputFormat) -> int | None:
    """How many records the inputs hold, for the progress bar; None with standard input."""
    if "-" in inputs:
        return None
    total = 0
    for name in inputs:
        try:
            total += _count(name, input_format)
        except Exception:  # a file that cannot be counted is one error record
            total += 1
    return total


def _count(name: str, input_format: InputFormat) -> int:
    if os.path.isdir(name):
        return max(1, sum(1 for _ in walk_text_files(name, lambda note: None)))
    if not is_jsonl(name, input_format):
        return 1
    with open_binary(name, limit=None) as stream:  # a FIFO is not read twice: counted as one
        return sum(
            1 for line in read_lines(stream, MAX_RECORD_BYTES) if line is None or line.strip()
        )

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
(:func:`quotelib.files.display_name`).
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import IO, Any, NamedTuple

from quotelib.files import (
    MAX_RECORD_BYTES,
    InputError,
    Rejoined,
    display_name,
    is_gzip,
    open_binary,
    read_limited,
    read_lines,
    size_text,
    walk_folder,
)

__all__ = [
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "Fields",
    "InputFormat",
    "Record",
    "count_records",
    "is_jsonl",
    "json_objects",
    "json_type",
    "missing_inputs",
    "read_inputs",
    "read_json_objects",
    "read_stdin",
    "read_text_file",
    "reason",
    "walk_text_files",
]

logger = logging.getLogger(__name__)

#: File names read as JSONL with ``--input-format auto`` (compared case-insensitively).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: The files of a folder that are read, as texts (compared case-insensitively).
TEXT_SUFFIXES = (".txt", ".txt.gz")
_BOM = b"\xef\xbb\xbf"
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_JSON_TYPES.update({int: "a number", float: "a number", type(None): "null"})
_BLANK = object()


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


class Record(NamedTuple):
    """One input record: its id, and its text or the reason it has none."""

    id: Any
    text: str | None
    error: str | None = None


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
        limit: the most bytes of one record (:data:`~quotelib.files.MAX_RECORD_BYTES`).
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


def reason(error: BaseException) -> str:
    """Why a read failed, for a person: the OS's words, or what went wrong in the data.

    Examples:
        >>> reason(FileNotFoundError(2, "No such file or directory"))
        'No such file or directory'
        >>> reason(RecursionError("maximum recursion depth exceeded"))
        'nested too deeply (RecursionError: maximum recursion depth exceeded)'
    """
    if isinstance(error, InputError):
        return str(error)
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip data ({error})"
    if isinstance(error, EOFError):
        return f"gzip data cut short ({error})"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, RecursionError):
        return f"nested too deeply ({type(error).__name__}: {error})"
    if isinstance(error, ValueError) and "int_max_str_digits" in str(error):
        return f"a number too long to read ({str(error).split(';')[0]})"
    return f"{type(error).__name__}: {error}"


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


def json_objects(
    lines: Iterable[bytes | None], source: str, limit: int = MAX_RECORD_BYTES
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """``(line number, object, None)`` for each JSON object line, ``(number, None, reason)``
    for each line that is not one; blank lines are left out.

    ``None`` in ``lines`` stands for a line longer than ``limit``
    (:func:`~quotelib.files.read_lines`). A failure of the stream itself ends
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
    if not _writes_as_json(record_id):
        msg = f"{fields.id!r} cannot be written back as JSON (got {_short(record_id)}) on {where}"
        return Record(fallback, None, msg)
    if fields.text not in data:
        return Record(record_id, None, f"no {fields.text!r} field on {where}")
    if not isinstance(text, str):
        msg = f"{fields.text!r} must be a string (got {json_type(text)}: {_short(text)}) on {where}"
        return Record(record_id, None, msg)
    return Record(record_id, text)


def _writes_as_json(value: Any) -> bool:
    """Whether ``value`` is strict JSON: no NaN or Infinity, which JSON cannot hold."""
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return False
    return True


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
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

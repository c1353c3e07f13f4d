"""Input files opened safely: what kind of file, how large, gzip, names that print.

A folder's files are read only when they are regular files, so a FIFO never
blocks and a link to ``/dev/zero`` is never read; a file named on the command
line may also be a pipe (``quotelib extract <(zcat a.txt.gz)``). Every read
stops at a size limit (:data:`MAX_RECORD_BYTES` by default), also for the
decompressed bytes of a ``.gz`` file, so that no single record can exhaust
memory. What cannot be read raises :class:`InputError` with the reason.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Union

__all__ = [
    "InputError",
    "MAX_RECORD_BYTES",
    "Rejoined",
    "display_name",
    "file_kind",
    "is_gzip",
    "open_binary",
    "read_limited",
    "read_lines",
    "reason",
    "size_text",
    "walk_folder",
]

#: The most bytes one record may hold: a text file (decompressed, for
#: ``.gz``), a JSONL line, or standard input read as one text. A larger one is
#: answered with an error; ``quotelib extract --max-record-mb`` changes it.
MAX_RECORD_BYTES = 100_000_000

PathName = Union[str, "os.PathLike[str]"]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_SKIP_CHUNK = 1 << 20


class InputError(Exception):
    """Why a file, or a part of it, is not read (the message leaves out the file's name)."""


def display_name(path: PathName) -> str:
    """The path as text that always encodes as UTF-8: bytes that are not UTF-8 as ``\\xNN``.

    File names are bytes; Python decodes those that are not UTF-8 with
    surrogate escapes, which cannot be written as UTF-8. The name is kept
    readable and unique enough to find the file.

    Examples:
        >>> display_name("news/caf\\u00e9.txt")
        'news/café.txt'
        >>> display_name(os.fsdecode(b"news/caf\\xe9.txt"))
        'news/caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_gzip(path: PathName) -> bool:
    """Whether the file is read through gzip: its name ends in ``.gz`` (any case)."""
    return os.fspath(path).lower().endswith(".gz")


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is (``"a FIFO"``, ...); None for a regular file.

    Examples:
        >>> file_kind(os.stat(".").st_mode), file_kind(os.stat(__file__).st_mode)
        ('a folder', None)
    """
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def size_text(size: int) -> str:
    """A byte count for people: ``100 MB``, ``1.5 kB``.

    Examples:
        >>> size_text(100_000_000), size_text(1_500), size_text(12)
        ('100 MB', '1.5 kB', '12 bytes')
    """
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.4g} {unit}"
    return f"{size} bytes"


@contextmanager
def open_binary(path: PathName, *, limit: int | None, pipes: bool = False) -> Iterator[IO[bytes]]:
    """Open a file for reading bytes, decompressed when its name ends in ``.gz``.

    Args:
        path: the file.
        limit: the most bytes a record may hold; a regular file larger than
            this is refused before it is read (a ``.gz`` file's compressed size
            is not its content's size, so its reader checks as it goes).
            None for a file of many records (JSONL), whose lines are limited.
        pipes: also open a FIFO (a file named by the user, who means to wait
            for its writer). Otherwise only regular files are opened, without
            ever blocking on a FIFO swapped in after the check.

    Raises:
        InputError: not a regular file (or FIFO), or larger than ``limit``.
        OSError: the file cannot be opened.
    """
    kind = file_kind(os.stat(path).st_mode)
    if kind is not None and not (pipes and kind == "a FIFO"):
        allowed = "a regular file or a pipe" if pipes else "a regular file"
        raise InputError(f"{kind}, not {allowed}")
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | (0 if pipes else _NONBLOCK)
    )
    with open(descriptor, "rb") as raw:
        status = os.fstat(descriptor)
        if not pipes and file_kind(status.st_mode) is not None:  # swapped since the check
            raise InputError(f"{file_kind(status.st_mode)}, not a regular file")
        if _NONBLOCK and not pipes:
            os.set_blocking(descriptor, True)
        if is_gzip(path):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked
            return
        if limit is not None and stat.S_ISREG(status.st_mode) and status.st_size > limit:
            raise InputError(f"{size_text(status.st_size)}, more than {_limit_text(limit)}")
        yield raw


def read_limited(stream: IO[bytes], limit: int, *, what: str = "") -> bytes:
    """All of ``stream``, or :class:`InputError` when it holds more than ``limit`` bytes.

    Examples:
        >>> read_limited(io.BytesIO(b"short"), 10)
        b'short'
        >>> read_limited(io.BytesIO(b"too long"), 3, what="decompressed")
        Traceback (most recent call last):
        ...
        quotelib.io.files.InputError: more than 3 bytes decompressed, the limit for one record
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"more than {_limit_text(limit, what)}")
    return data


def read_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream`` with their line ends; ``None`` for a line longer than ``limit``.

    A line that is too long is skipped to its end without being held in
    memory, so the lines after it are still read.

    Examples:
        >>> list(read_lines(io.BytesIO(b"ab\\n" + b"x" * 9 + b"\\ncd"), 5))
        [b'ab\\n', None, b'cd']
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
        yield None


def walk_folder(
    folder: PathName, wanted: Callable[[str], bool], skipped: list[tuple[str, bool]]
) -> Iterator[tuple[str, str | None]]:
    """The files under ``folder`` whose names are ``wanted``, in path order, each with None.

    Path order is that of ``sorted(Path(folder).rglob("*"))``: each folder's
    entries by name, a subfolder's files in its place. A folder that cannot be
    listed comes in its place with the reason. Links to folders are not
    followed (a link may loop); they and the files not ``wanted`` are added to
    ``skipped`` as ``(path, is_link_to_folder)``. Files are not opened here, so
    a FIFO or a device is yielded, for its reader to refuse.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as top:
        ...     for name in ("b.txt", "a/c.txt", "a/notes.md"):
        ...         Path(top, name).parent.mkdir(exist_ok=True)
        ...         _ = Path(top, name).write_text("x")
        ...     skipped = []
        ...     found = [os.path.relpath(path, top) for path, _ in walk_folder(top, lambda name: name.endswith(".txt"), skipped)]
        ...     found, [(os.path.relpath(path, top), link) for path, link in skipped]
        (['a/c.txt', 'b.txt'], [('a/notes.md', False)])
    """
    entries, error = _listing(str(Path(folder)))
    if error is not None:
        yield str(Path(folder)), error
        return
    pending = [iter(entries)]  # a stack, not recursion: folders may nest deeply
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
        elif _is_folder(entry, follow=False):
            entries, error = _listing(entry.path)
            if error is not None:
                yield entry.path, error
            else:
                pending.append(iter(entries))
        elif _is_folder(entry, follow=True):
            skipped.append((entry.path, True))
        elif wanted(entry.name):
            yield entry.path, None
        else:
            skipped.append((entry.path, False))


def _listing(folder: str) -> tuple[list[os.DirEntry[str]], str | None]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name), None
    except OSError as error:
        return [], f"cannot read folder {display_name(folder)}: {error.strerror or error}"


def _is_folder(entry: os.DirEntry[str], *, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


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


def _limit_text(limit: int, what: str = "") -> str:
    return f"{size_text(limit)}{' ' + what if what else ''}, the limit for one record"


class Rejoined(io.RawIOBase):
    """A stream that reads ``head`` and then the rest of ``stream``: bytes looked at, put back.

    Examples:
        >>> joined = io.BufferedReader(Rejoined(b"{", io.BytesIO(b'"a": 1}\\n')))
        >>> joined.readline()
        b'{"a": 1}\\n'
    """

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._read = getattr(stream, "read1", stream.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

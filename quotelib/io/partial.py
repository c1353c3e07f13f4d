"""One output written as ``OUT.partial`` under a lock, renamed to ``OUT`` when the run ends.

The protocol every file of a run follows (the answers of ``quotelib
extract``, its single page of ``--html``):

- the run takes the lock ``OUT.lock`` before it changes anything, without
  waiting: a second run writing ``OUT`` is refused (:class:`LockedError`);
- it writes ``OUT.partial``, never through a symbolic link
  (:mod:`quotelib.io.safe_write`), or continues the one an interrupted run
  left (:meth:`PartialFile.resume`);
- a run that ends renames ``OUT.partial`` to ``OUT`` at once
  (:meth:`PartialFile.finish`), so ``OUT`` is whole or absent, never cut
  short; a run that does not end keeps ``OUT.partial`` for ``--resume``;
- either way the lock is dropped (:meth:`PartialFile.release`).

Examples:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = PartialFile(Path(folder, "out.jsonl"))
    ...     with out.create() as file:
    ...         _ = file.write("{}\\n")
    ...     during = sorted(path.name for path in Path(folder).iterdir())
    ...     out.finish()
    ...     out.release()
    ...     during, sorted(path.name for path in Path(folder).iterdir())
    (['out.jsonl.lock', 'out.jsonl.partial'], ['out.jsonl'])
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from quotelib.io.safe_write import FileLock, LockedError, create_file, open_existing

__all__ = [
    "PartialFile",
    "cannot_write",
    "lock_path",
    "partial_path",
    "take_lock",
    "writing",
]


def partial_path(final: Path) -> Path:
    """Where ``final`` is written until its run ends.

    Examples:
        >>> partial_path(Path("out/quotes.jsonl")).as_posix()
        'out/quotes.jsonl.partial'
    """
    return final.with_name(final.name + ".partial")


def lock_path(final: Path) -> Path:
    """The lock file a run holds while it writes ``final``.

    Examples:
        >>> lock_path(Path("out/quotes.jsonl")).as_posix()
        'out/quotes.jsonl.lock'
    """
    return final.with_name(final.name + ".lock")


def cannot_write(path: str | os.PathLike[str], error: BaseException) -> str:
    """Why ``path`` cannot be written, for a person: the system's words, else the error's.

    Examples:
        >>> cannot_write("out.jsonl", PermissionError(13, "Permission denied", "out.jsonl.lock"))
        'cannot write out.jsonl: Permission denied'
    """
    return f"cannot write {path}: {getattr(error, 'strerror', None) or error}"


@contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Raise an ``OSError`` inside as ``cannot write PATH: reason`` (a held lock as it is)."""
    try:
        yield
    except LockedError:
        raise
    except OSError as error:
        raise OSError(cannot_write(path, error)) from error


def take_lock(final: Path, what: Path | None = None) -> FileLock:
    """The lock of ``final`` (:func:`lock_path`), taken without waiting.

    Args:
        final: the file to be written.
        what: what the messages name (``final`` by default).

    Raises:
        LockedError: another run holds it.
        OSError: the lock file cannot be made (``cannot write WHAT: reason``).
    """
    what = final if what is None else what
    with writing(what):
        return FileLock(lock_path(final), str(what))


class PartialFile:
    """``final`` written as ``final.partial`` while its lock is held (see the module).

    The lock is taken when the object is made; nothing is written before
    :meth:`create` or :meth:`resume`.

    Args:
        final: the file the run writes.
        folder_hint: how the message refusing a folder at ``final`` (or at
            its ``.partial``) ends: what to give instead.

    Raises:
        LockedError: another run is writing ``final``.
        OSError: ``final`` or its ``.partial`` is a folder, or the lock file
            cannot be made (``cannot write FINAL: reason``).
    """

    def __init__(self, final: Path, *, folder_hint: str = "give a file name") -> None:
        self.final = final
        self.partial = partial_path(final)
        with writing(final):
            for path in (final, self.partial):
                if path.is_dir():
                    raise IsADirectoryError(f"{path} is a folder ({folder_hint})")
        self.lock: FileLock | None = take_lock(final)

    def earlier(self) -> Path | None:
        """The file a resumed run continues: the ``.partial`` (a link too, to be
        refused when read), else a finished ``final``, else None."""
        if self.partial.exists() or self.partial.is_symlink():
            return self.partial
        return self.final if self.final.exists() else None

    def create(self, *, mode: str = "w", newline: str | None = None) -> IO:
        """A new, empty ``.partial`` opened in ``mode`` ("w" or "wb")."""
        return create_file(self.partial, mode=mode, newline=newline)

    def resume(self, source: Path, keep: int, *, newline: str | None = None) -> IO[str]:
        """The ``.partial`` holding the first ``keep`` bytes of ``source``, open to go on.

        ``source`` is the ``.partial`` itself (what follows those bytes is
        dropped, to be written again) or a finished ``final``, whose bytes
        are copied to a new ``.partial``; ``final`` is left as it is.
        """
        if source != self.partial:  # a finished file resumed: copy what is kept
            with open_existing(source, "rb") as file:
                kept = file.read(keep)
            with create_file(self.partial, mode="wb") as file:
                file.write(kept)
        binary = open_existing(self.partial, "r+b")
        binary.truncate(keep)
        binary.seek(keep)
        return io.TextIOWrapper(binary, encoding="utf-8", newline=newline)

    def finish(self) -> None:
        """Rename the (closed) ``.partial`` to ``final``, at once: the run has ended."""
        os.replace(self.partial, self.final)

    def release(self) -> None:
        """Drop the lock (again: nothing); a ``.partial`` not finished stays for ``--resume``."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

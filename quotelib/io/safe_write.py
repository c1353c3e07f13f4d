"""Files written without following symbolic links, replaced atomically, and locked.

Every file quotelib writes is created anew (``O_CREAT | O_EXCL | O_NOFOLLOW``)
or opened with ``O_NOFOLLOW``, so a symbolic link planted at an output path
is never written through: :func:`create_file` removes the link (not what it
points to) and creates a file in its place, :func:`open_existing` refuses
it. :func:`write_atomically` writes a temporary file beside the target and
renames it over the target, which replaces a link rather than following it.
:class:`FileLock` keeps two runs from writing the same output at once.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: a lock file created exclusively
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "FileLock",
    "LockedError",
    "create_file",
    "open_existing",
    "remove_leftovers",
    "write_atomically",
]

logger = logging.getLogger(__name__)

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
# The temporary file of write_atomically: ".<name>.<8 hex digits>.tmp".
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")


class LockedError(OSError):
    """Another run holds the lock of an output."""


def create_file(path: Path, *, mode: str = "w", newline: str | None = None) -> IO:
    """A new, empty file at ``path``, opened for writing in ``mode`` ("w" or "wb").

    Whatever was at ``path`` (a file, or a symbolic link, which is removed
    and not followed) is replaced; a folder there is an error.

    Raises:
        OSError: ``path`` is a folder, or cannot be created.
    """
    if path.is_symlink() or path.is_file():
        path.unlink()
    fd = os.open(path, _NEW, 0o666)
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding="utf-8", newline=newline)


def open_existing(path: Path, mode: str) -> IO:
    """An existing file opened in a binary ``mode`` ("rb" or "r+b"), never through a link.

    Raises:
        OSError: ``path`` is missing, a symbolic link (``ELOOP``) or unreadable.
    """
    flags = (os.O_RDWR if "+" in mode else os.O_RDONLY) | _NOFOLLOW | _CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            msg = f"{path} is a symbolic link; quotelib does not write through links"
            raise OSError(errno.ELOOP, msg) from error
        raise
    return os.fdopen(fd, mode)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a new file beside ``path``, then rename it to ``path``.

    A reader sees the old file or the new one, never half of one; a link at
    ``path`` is replaced, not followed.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with os.fdopen(os.open(temporary, _NEW, 0o666), "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        if temporary.exists():
            temporary.unlink()
        raise


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that a :func:`write_atomically` killed mid-write left
    in ``folder`` (only names of its own shape, ``.<name>.<8 hex digits>.tmp``, and
    never through a link); returns them. Call it while holding the folder's lock.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / ".0001-a.html.0a1b2c3d.tmp").write_text("half a page")
        >>> _ = (folder / "notes.tmp").write_text("the user's own")
        >>> [p.name for p in remove_leftovers(folder)], sorted(p.name for p in folder.iterdir())
        (['.0001-a.html.0a1b2c3d.tmp'], ['notes.tmp'])
    """
    found = [
        path
        for path in sorted(folder.iterdir())
        if _TEMPORARY.fullmatch(path.name) and not path.is_symlink() and path.is_file()
    ]
    for path in found:
        logger.info("removing %s, left by a run that was stopped while writing it", path)
        path.unlink()
    return found


class FileLock:
    """An exclusive lock on ``path`` (a lock file), taken without waiting.

    The lock file is created if needed and removed by :meth:`release`. A run
    killed outright leaves the file behind but not the lock, which the
    operating system drops with the process.

    Raises:
        LockedError: another process holds the lock.
        OSError: the lock file cannot be created (or is a symbolic link).
    """

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.fd: int | None = None
        while self.fd is None:
            fd = self._open(what)
            if fcntl is None:
                self.fd = fd
                break
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                msg = f"another quotelib run is writing {what} (it holds {path})"
                raise LockedError(msg) from error
            if _same_inode(fd, path):
                self.fd = fd
            else:  # the holder removed the file as we opened it: lock the new one
                os.close(fd)

    def _open(self, what: str) -> int:
        flags = os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC
        if fcntl is None:
            flags |= os.O_EXCL
        try:
            return os.open(self.path, flags, 0o666)
        except FileExistsError as error:  # pragma: no cover - not POSIX
            msg = f"another quotelib run is writing {what} (or left {self.path}; remove it)"
            raise LockedError(msg) from error
        except OSError as error:
            if error.errno == errno.ELOOP:
                msg = f"{self.path} is a symbolic link; quotelib does not write through links"
                raise OSError(errno.ELOOP, msg) from error
            raise

    def release(self) -> None:
        """Remove the lock file and drop the lock (again: nothing)."""
        if self.fd is None:
            return
        try:
            if _same_inode(self.fd, self.path):
                self.path.unlink()
        except OSError as error:  # the lock is dropped all the same
            logger.warning("could not remove %s: %s", self.path, error)
        os.close(self.fd)
        self.fd = None


def _same_inode(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)

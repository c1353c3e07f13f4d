"""Checks, before a run starts, that its outputs can never destroy or feed its inputs.

``quotelib extract in.jsonl -o in.jsonl`` would replace its input with its
answers, ``--html in.html`` would truncate an input before reading it, and
``-o articles/out.txt`` would be read as an article by the next run over
``articles``. :func:`check_run_paths` refuses each of these before any work
is done, as it refuses an output that names a folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from quotelib.io.outputs import output_files
from quotelib.io.pages import page_files

__all__ = ["check_output", "check_run_paths"]


def check_run_paths(inputs: Sequence[str], output: str, pages: Path | None) -> None:
    """Refuse outputs and pages that are folders, one another, or inputs.

    Args:
        inputs: the input paths (``-`` is standard input).
        output: the output path (``-`` is standard output).
        pages: the ``--html`` path, if any.

    Raises:
        ValueError: what would go wrong, naming the paths.

    Examples:
        >>> check_run_paths(["in.jsonl"], "in.jsonl", None)
        Traceback (most recent call last):
        ...
        ValueError: --output in.jsonl is the input in.jsonl: it would be overwritten; ...
    """
    check_output(output)
    written = [(path, f"--output {output}") for path in output_files(output)]
    if pages is not None:
        if pages.suffix.lower() in (".html", ".htm") and pages.is_dir():
            msg = f"--html {pages} is a folder; a folder of pages needs a name without .html"
            raise ValueError(msg)
        if pages.suffix.lower() not in (".html", ".htm") and pages.exists() and not pages.is_dir():
            msg = f"--html {pages} is a file, not a folder; a single page needs a .html name"
            raise ValueError(msg)
        page_paths = page_files(pages)
        for path in output_files(output):
            if any(_entry(path) == _entry(page) for page in [pages, *page_paths]):
                msg = f"--output {output} and --html {pages} would both write {path}"
                raise ValueError(msg)
        written += [(path, f"--html {pages}") for path in page_paths]
    for path, option in written:
        if path.is_dir() and not path.is_symlink():
            msg = f"{option} would write {path}, which is a folder; remove it or write elsewhere"
            raise ValueError(msg)
    _check_inputs(inputs, written, pages)


def check_output(output: str) -> None:
    """Refuse an output (``--output``) that names a folder: it can only be a file.

    Raises:
        ValueError: ``output`` is a folder.

    Examples:
        >>> check_output(".")
        Traceback (most recent call last):
        ...
        ValueError: --output . is a folder; give the name of a file to write
    """
    if output != "-" and Path(output).is_dir():
        msg = f"--output {output} is a folder; give the name of a file to write"
        raise ValueError(msg)


def _check_inputs(
    inputs: Sequence[str], written: list[tuple[Path, str]], pages: Path | None
) -> None:
    names = [name for name in inputs if name != "-"]
    folders = [Path(name) for name in names if Path(name).is_dir()]
    files = [Path(name) for name in names if not Path(name).is_dir()]
    for path, option in written:
        for file in files:
            if _writes_over(path, file):
                raise ValueError(_overwrites(option, path, file))
        for folder in folders:
            if path.suffix.lower() == ".txt" and _inside(path, folder):
                msg = (
                    f"{option} is inside the input folder {folder}, whose .txt files are "
                    "read as articles; write to another path"
                )
                raise ValueError(msg)
    for folder in folders:
        if pages is not None and os.path.realpath(pages) == os.path.realpath(folder):
            msg = f"--html {pages} is the input folder {folder}; write the pages elsewhere"
            raise ValueError(msg)
    existing = [(path, option) for path, option in written if os.path.lexists(path)]
    if not existing:
        return
    for file in _folder_files(folders):  # a .txt file of a folder may be a link to an output
        for path, option in existing:
            if _writes_over(path, file):
                raise ValueError(_overwrites(option, path, file))


def _overwrites(option: str, path: Path, file: Path) -> str:
    written = option if option.endswith(f" {path}") else f"{option} (writing {path})"
    return f"{written} is the input {file}: it would be overwritten; write to another path"


def _folder_files(folders: Sequence[Path]) -> Iterator[Path]:
    for folder in folders:
        yield from folder.rglob("*.txt")


def _entry(path: Path) -> str:
    """Where a file is written: its resolved folder and its own name (a link is not followed)."""
    return os.path.join(os.path.realpath(path.parent), path.name)


def _writes_over(written: Path, source: Path) -> bool:
    """Whether writing ``written`` (never through a link) can touch the input ``source``.

    The same inode (the entry itself, or a hard link: a resumed ``.partial``
    is written in place), else the same resolved path.
    """
    try:
        entry, read = os.lstat(written), os.stat(source)
    except OSError:
        return _entry(written) == os.path.realpath(source)
    return (entry.st_dev, entry.st_ino) == (read.st_dev, read.st_ino)


def _inside(path: Path, folder: Path) -> bool:
    parent, real = os.path.realpath(folder), os.path.realpath(path)
    return os.path.commonpath([parent, real]) == parent and real != parent

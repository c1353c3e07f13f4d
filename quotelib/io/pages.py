"""Highlighted pages of many records, written as they come (``quotelib extract --html``).

A path ending in ``.html`` gets one page with a section per record, written
as ``PAGE.partial`` and renamed to ``PAGE`` when the run ends. Any other
path is a folder that gets a page per record, named ``0001-<id>.html`` by
the record's position, each written whole (a temporary file renamed), and
an ``index.html`` linking them, written when the run ends. A record that
could not be read is listed with its error. While a run writes, it holds a
lock (``PAGE.lock``, or ``index.html.lock`` in the folder).

A resumed run (``--resume``) continues the pages of the run it resumes, so
its pages equal an uninterrupted run's: pages are numbered by position
counting the records answered before, the single page keeps the sections of
those records, and the folder's index lists them again (rebuilt from their
answers). A page is written before the record's answer, so the pages of an
interrupted run always cover the answers it kept.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from quotelib.io.partial import PartialFile, lock_path, partial_path, take_lock, writing
from quotelib.io.resume import Answered
from quotelib.io.safe_write import FileLock, open_existing, remove_leftovers, write_atomically
from quotelib.records import Quote
from quotelib.render import page_end, page_start, render_article
from quotelib.text.safe_text import json_line, valid_unicode

__all__ = ["PageWriter", "page_files", "page_heading"]

_ARTICLE_END = b"</article>\n"
_PAGE_NAME = re.compile(r"\d{4}-.*\.html\Z")
_START_OVER = "run without --resume to start over"


def page_heading(record_id: Any) -> str:
    """The heading of a record's page: its id as text, or as JSON when it is not text.

    Examples:
        >>> page_heading("a1"), page_heading(7), page_heading(float("nan")), page_heading({"n": 1})
        ('a1', '7', 'NaN', '{"n": 1}')
    """
    value = json.loads(json_line(record_id))  # as the JSONL answer holds it
    return value if isinstance(value, str) else json_line(value)


def page_files(path: Path) -> list[Path]:
    """The files that pages at ``path`` may write (existing pages of a folder included)."""
    if _is_single(path):
        return [path, partial_path(path), lock_path(path)]
    pages = sorted(p for p in path.iterdir() if _PAGE_NAME.match(p.name)) if path.is_dir() else []
    return [path / "index.html", lock_path(path / "index.html"), *pages]


def _is_single(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


class PageWriter:
    """Pages of many records (see the module's description).

    Args:
        path: a ``.html`` file, or a folder.
        resumed: the answers kept from the run being resumed, whose pages
            that run wrote; ``None`` for a new run.

    Raises:
        OSError: the pages cannot be written, or another run is writing them.
        ValueError: ``resumed`` answers whose pages are not there.
    """

    def __init__(self, path: Path, *, resumed: Sequence[Answered] | None = None) -> None:
        self.path = path
        self.single = _is_single(path)
        self.count = len(resumed or ())
        self.index: list[str] = []
        self.page: IO[str] | None = None
        self._keep: tuple[Path, int] | None = None
        self._made = False  # the folder of pages was made by this writer
        self.file: PartialFile | None = None
        self.lock: FileLock | None = None  # the folder's (a single page's is its file's)
        if self.single:
            self.file = PartialFile(path, folder_hint="a page needs a file name")
        else:
            with writing(path):
                if path.exists() and not path.is_dir():
                    raise NotADirectoryError(f"{path} is not a folder (pages go in a folder)")
                self._made = not path.exists()
                path.mkdir(parents=True, exist_ok=True)
            self.lock = take_lock(path / "index.html", what=path)
        try:
            if not self.single:
                remove_leftovers(path)  # the half-written page of a run that was killed
            if resumed is not None and self.single:
                self._keep = self._earlier_page(len(resumed))
            elif resumed is not None:
                self.index = [self._earlier_entry(n, a) for n, a in enumerate(resumed, 1)]
        except BaseException:
            self.release()
            raise

    def _earlier_page(self, count: int) -> tuple[Path, int] | None:
        """Where the sections of the first ``count`` records end in the earlier page."""
        source = self.file.earlier()
        if source is None:
            if count:
                msg = f"the pages of the run being resumed are missing (no {self.file.partial}); "
                raise ValueError(msg + _START_OVER)
            return None
        with open_existing(source, "rb") as file:
            data = file.read()
        start = page_start(self.path.stem).encode("utf-8")
        end = len(start)
        if not data.startswith(start):
            raise ValueError(f"{source} is not a page of quotelib extract; {_START_OVER}")
        for number in range(count):
            found = data.find(_ARTICLE_END, end)
            if found == -1:
                msg = f"{source} holds the pages of {number} records, not {count}; "
                raise ValueError(msg + _START_OVER)
            end = found + len(_ARTICLE_END)
        return source, end

    def _earlier_entry(self, number: int, answer: Answered) -> str:
        heading = page_heading(answer.id)
        if answer.error is not None:
            return _error_entry(heading, answer.error)
        name = _page_name(number, heading)
        if not (self.path / name).is_file():
            msg = f"{self.path / name}, a page of the run being resumed, is missing; "
            raise ValueError(msg + _START_OVER)
        return _link_entry(name, heading, answer.n_quotes)

    def open(self) -> None:
        """Start writing (called by the first :meth:`write` if not before)."""
        if not self.single or self.page is not None:
            return
        if self._keep is None:
            self.page = self.file.create()
            self.page.write(page_start(self.path.stem))
            return
        source, end = self._keep  # sections after the kept answers are written again
        self.page = self.file.resume(source, end)

    def write(
        self, record_id: Any, text: str | None, quotes: Sequence[Quote] | None, error: str | None
    ) -> None:
        """Add one record, or the error that kept it from being read."""
        self.open()
        self.count += 1
        heading = page_heading(record_id)
        if self.single:
            if error is None:
                self.page.write(render_article(text, quotes, heading=heading))
            else:
                self.page.write(_error_article(heading, error))
            self.page.flush()
            return
        if error is not None:
            self.index.append(_error_entry(heading, error))
            return
        name = _page_name(self.count, heading)
        page = page_start(heading) + render_article(text, quotes) + page_end()
        write_atomically(self.path / name, page)
        self.index.append(_link_entry(name, heading, len(quotes)))

    def close(self, *, complete: bool = True) -> None:
        """End the page, or write the folder's index; an incomplete run keeps its ``.partial``."""
        try:
            if complete:
                self.open()
            if self.single and self.page is not None:
                if complete:
                    self.page.write(page_end())
                self.page.close()
                if complete:
                    self.file.finish()
            elif not self.single and complete:
                items = "\n".join(self.index)
                index = page_start("quotelib: pages") + f"<ol>\n{items}\n</ol>\n" + page_end()
                write_atomically(self.path / "index.html", index)
        finally:
            self.page = None
            self.release()

    def release(self) -> None:
        """Drop the lock without writing anything (a run that does not start)."""
        if self.file is not None:
            self.file.release()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self._made and not any(self.path.iterdir()):
            self.path.rmdir()  # a run that did not start leaves no empty folder behind
            self._made = False


def _page_name(number: int, heading: str) -> str:
    return f"{number:04d}-{_slug(heading)}.html"


def _link_entry(name: str, heading: str, n_quotes: int) -> str:
    link = f'<a href="{html.escape(name)}">{html.escape(heading)}</a>'
    return valid_unicode(f"<li>{link}: {n_quotes} quotes</li>")


def _error_entry(heading: str, error: str) -> str:
    return valid_unicode(f"<li>{html.escape(heading)}: {html.escape(error)}</li>")


def _error_article(heading: str, error: str) -> str:
    heading, error = html.escape(heading), html.escape(error)
    return valid_unicode(f"<article>\n<h2>{heading}</h2>\n<p>Not read: {error}</p>\n</article>\n")


def _slug(text: str) -> str:
    """A file name from an id: its last path part, without ``.txt``, in safe characters."""
    name = text.rsplit("/", 1)[-1]
    name = name[: -len(".txt")] if name.endswith(".txt") else name
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name)
    return slug.strip("-.")[:60] or "article"

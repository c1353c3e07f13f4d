"""``quotelib.pipe``: the quotes of many texts, streamed the way ``nlp.pipe`` streams docs.

:func:`pipe` follows spaCy's ``Language.pipe`` conventions (``batch_size``,
``n_process``, ``as_tuples``) and yields one list of
:class:`~quotelib.Quote` per text, lazily and in input order.
:func:`pipe_results` is the same stream with failures yielded instead of
raised, for callers that report them per text (the command line).

In one process the texts are read batch by batch here; with
``n_process > 1`` they go to quotelib's own pool of worker processes
(:mod:`quotelib.batch.pool`). Both read a batch the same way
(:class:`quotelib.batch.reading.Reader`), so the answers are the same. With
``markup="html"``, each page's plain text (:mod:`quotelib.text.markup`) is made
here, in the calling process, and only that text goes to be read; the quotes
are moved back onto the page here too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotelib.batch.pool import pool_results
from quotelib.batch.reading import Batches, Reader, TextLike
from quotelib.parse.model import load_pipeline
from quotelib.records import Quote
from quotelib.text.markup import PlainText, check_markup, plain_text

logger = logging.getLogger(__name__)

__all__ = ["BATCH_SIZE", "pipe", "pipe_results"]

#: Texts per batch when ``batch_size`` is None, in one process and per task sent
#: to a worker process. Few: the English pipelines' own default (256 texts)
#: holds about 4 GB at its peak on news articles and takes about a third longer
#: to parse them than batches of 16 (about 600 MB), and workers that
#: each take the next small task when free end together.
BATCH_SIZE = 16


def pipe(
    texts: Iterable[TextLike] | Iterable[tuple[TextLike, Any]],
    *,
    nlp: Language | str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    as_tuples: bool = False,
    names: str = "parse",
    markup: str | None = None,
) -> Iterator[list[Quote]] | Iterator[tuple[list[Quote], Any]]:
    """Stream the quotes of many texts: one list of quotes per text, in order.

    Texts are parsed in batches with ``nlp.pipe``, and with ``n_process > 1``
    both parsing and quote extraction run in worker processes, which take
    tasks of ``batch_size`` texts as they become free and send back only the
    quotes; the output is the same as with one process, and at most
    :data:`TASKS_PER_PROCESS` tasks per worker are read ahead of the answers.
    :func:`~quotelib.extract_quotes` remains the way to read one text.

    Args:
        texts: strings (or spaCy ``Doc`` objects to run the pipeline on); with
            ``as_tuples=True``, ``(text, context)`` pairs.
        nlp: the pipeline, as for :func:`~quotelib.extract_quotes`: a loaded
            ``Language`` (with or without the ``quotelib`` component), an
            installed pipeline's name, or ``None`` for the default.
        n_process: worker processes (``-1``: ``os.cpu_count()``).
        batch_size: texts per batch; with ``n_process > 1``, texts per task
            sent to a worker (``None``: :data:`BATCH_SIZE`).
        as_tuples: read ``(text, context)`` pairs and yield ``(quotes, context)``.
        names: how names are found, as for :func:`~quotelib.quotes_from_doc`.
        markup: ``None`` to read the texts as they are, or ``"html"`` to read
            them as HTML pages, as :func:`~quotelib.extract_quotes` does, with
            every offset on the page.

    Returns:
        A lazy iterator of lists of quotes (or of ``(quotes, context)`` pairs).

    Raises:
        TypeError: ``texts`` is a single string, or one of its items is not a
            ``str`` or a ``Doc`` (or not a pair with ``as_tuples=True``, or a
            ``Doc`` with ``markup``). The
            items of a list or tuple are all checked when ``pipe`` is called,
            before any is parsed; the items of an iterator are checked as
            they are read, so the texts before a bad one have been answered.
        ValueError: ``n_process`` or ``batch_size`` is out of range, ``markup``
            is not ``None`` or ``"html"``, or the pipeline has no dependency
            parser.
        RuntimeError: quotelib failed to read a text (a bug, never a
            property of the text); the message names the text's position.

    Examples:
        >>> import quotelib
        >>> texts = ["Xi stated that ties are strong.", "", "Officials warned of floods."]
        >>> for quotes in quotelib.pipe(texts):
        ...     print([(q.speaker.text, q.content.text) for q in quotes])
        [('Xi', 'ties are strong')]
        []
        [('Officials', 'floods')]
        >>> pairs = [("Critics argued that the plan was reckless.", {"id": "a1"})]
        >>> for quotes, context in quotelib.pipe(pairs, as_tuples=True):
        ...     print(context["id"], quotes[0].cue.text)
        a1 argued
        >>> pages = ["<p>Critics argued that the plan was &ldquo;reckless&rdquo;.</p>"]
        >>> for quotes in quotelib.pipe(pages, markup="html"):
        ...     print([(q.content.text, q.content.start) for q in quotes])
        [('the plan was &ldquo;reckless&rdquo;', 23)]
        >>> quotelib.pipe(["A text.", 42])
        Traceback (most recent call last):
        ...
        TypeError: 'texts' item 1 must be a str or a spacy Doc (got 42 that is a <class 'int'>)
    """
    check_markup(markup)
    items = _checked_items(texts, as_tuples=as_tuples, markup=markup)
    results = pipe_results(
        items, nlp=nlp, n_process=n_process, batch_size=batch_size, names=names, markup=markup
    )
    return _raise_failures(results, as_tuples=as_tuples)


def pipe_results(
    items: Iterable[tuple[TextLike, Any]],
    *,
    nlp: Language | str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    names: str = "parse",
    markup: str | None = None,
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """Like :func:`pipe` on ``(text, context)`` pairs, yielding ``(quotes, error, context)``.

    ``error`` is ``None`` and ``quotes`` a list for each text read, and
    ``quotes`` is ``None`` and ``error`` a message for a text quotelib failed
    to read (with ``n_process > 1``, also a text whose worker process died
    when it read that text alone). Items are not type-checked here; an error
    raised while reading ``items`` is raised after the answers for the items
    before it. Contexts stay in this process: only texts go to the workers
    (:mod:`quotelib.batch.pool`).

    A long text (:func:`quotelib.parse.chunks.is_long`) is parsed in chunks, as
    :func:`~quotelib.extract_quotes` parses it. With ``markup``, an item that
    is not a ``str`` raises ``TypeError`` when it is read.
    """
    _check_options(n_process, batch_size)
    check_markup(markup)
    reader = Reader.of(load_pipeline(nlp), names)  # checks the pipeline before any work
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if markup is not None:
        plain = ((plain_text(text, markup), context) for text, context in items)
        items = ((page.text, (page, context)) for page, context in plain)
    if n_process > 1:
        results = pool_results(items, reader, nlp, n_process, batch_size or BATCH_SIZE)
    else:
        results = _one_process_results(items, reader, batch_size or BATCH_SIZE)
    return results if markup is None else _on_the_pages(results)


def _on_the_pages(
    results: Iterator[tuple[list[Quote] | None, str | None, tuple[PlainText, Any]]],
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """The answers found on the plain texts of pages, with their quotes on the pages."""
    for quotes, error, (page, context) in results:
        yield None if quotes is None else [page.raw_quote(q) for q in quotes], error, context


def _one_process_results(
    items: Iterable[tuple[TextLike, Any]], reader: Reader, batch_size: int
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """The answers in this process, batch by batch, read as the worker processes read."""
    batches = Batches(items, batch_size)
    while True:
        texts, contexts = batches.next()
        if not texts:
            break
        for (quotes, error), context in zip(reader.read(texts), contexts):
            yield quotes, error, context
    if batches.error is not None:
        raise batches.error


def _raise_failures(
    results: Iterator[tuple[list[Quote] | None, str | None, Any]], *, as_tuples: bool
) -> Iterator[Any]:
    for index, (quotes, error, context) in enumerate(results):
        if error is not None:
            msg = f"'texts' item {index}: {error}"
            raise RuntimeError(msg)
        yield (quotes, context) if as_tuples else quotes


def _checked_items(
    texts: Any, *, as_tuples: bool, markup: str | None = None
) -> Iterator[tuple[TextLike, Any]]:
    if isinstance(texts, (str, Doc)):
        msg = (
            f"'texts' must be an iterable of texts (got a single {type(texts).__name__}; "
            "use extract_quotes for one text, or put it in a list)"
        )
        raise TypeError(msg)
    if not isinstance(texts, Iterable):
        msg = f"'texts' must be an iterable of texts (got {texts!r} that is a {type(texts)!r})"
        raise TypeError(msg)
    checked = (_checked_item(i, item, as_tuples, markup) for i, item in enumerate(texts))
    if isinstance(texts, Sequence):
        return iter(list(checked))  # a list is checked whole before anything is parsed
    return checked


def _checked_item(
    index: int, item: Any, as_tuples: bool, markup: str | None
) -> tuple[TextLike, Any]:
    text, context = item, None
    if as_tuples:
        if not (isinstance(item, tuple) and len(item) == 2):
            msg = (
                f"'texts' item {index} must be a (text, context) tuple with as_tuples=True "
                f"(got {item!r} that is a {type(item)!r})"
            )
            raise TypeError(msg)
        text, context = item
    if not isinstance(text, (str, Doc)):
        msg = (
            f"'texts' item {index} must be a str or a spacy Doc "
            f"(got {text!r} that is a {type(text)!r})"
        )
        raise TypeError(msg)
    if markup is not None and not isinstance(text, str):
        msg = f"'texts' item {index} must be a str to read as {markup} (got a spacy Doc)"
        raise TypeError(msg)
    return text, context


def _check_options(n_process: int, batch_size: int | None) -> None:
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        msg = f"'n_process' must be an int (got {n_process!r} that is a {type(n_process)!r})"
        raise TypeError(msg)
    if n_process == 0 or n_process < -1:
        msg = f"'n_process' must be a positive number of processes or -1 (got {n_process})"
        raise ValueError(msg)
    if batch_size is not None and (
        isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1
    ):
        msg = f"'batch_size' must be a positive int or None (got {batch_size!r})"
        raise ValueError(msg)

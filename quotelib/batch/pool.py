"""quotelib's own pool of worker processes, for ``quotelib.pipe(..., n_process=N)``.

Texts go to the workers in small tasks, handed to whichever worker is free;
each worker parses its task with the pipeline it inherited (forked) or loaded
(spawned) and sends back only the answers, never ``Doc`` objects. Answers
come back in input order, with at most :data:`TASKS_PER_PROCESS` tasks per
worker read ahead. A worker that dies is replaced, and the texts it held are
read again one by one, so that only a text that kills a worker by itself is
answered with an error. Workers exit when the main process is gone.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from spacy.language import Language

from quotelib.batch.reading import Answer, Batches, Reader, TextLike
from quotelib.parse.model import load_pipeline
from quotelib.records import Quote

__all__ = ["START_METHOD", "TASKS_PER_PROCESS", "pool_results"]

logger = logging.getLogger(__name__)

#: Tasks in flight per worker process: enough to keep each one busy, and a
#: bound on how far ahead of the answers the texts are read.
TASKS_PER_PROCESS = 2
#: Workers are forked where it is safe, and inherit the loaded pipeline;
#: elsewhere (macOS, Windows) they are spawned and load it again.
START_METHOD = (
    "fork"
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    else "spawn"
)
_DIED = (
    "the worker process reading this text died (killed, out of memory or crashed), "
    "also when it read this text alone"
)

#: In a worker process: the reader of its tasks.
_worker_reader: Reader | None = None


def pool_results(
    items: Iterable[tuple[TextLike, Any]],
    reader: Reader,
    requested: Language | str | Path | None,
    n_process: int,
    batch_size: int,
) -> Iterator[tuple[list[Quote] | None, str | None, Any]]:
    """The answers of ``n_process`` workers, in input order, with a bounded read-ahead.

    The workers read as ``reader`` does. A forked worker inherits its
    pipeline; a spawned one loads the pipeline the caller ``requested`` by
    name, or is sent the caller's own. An error raised while reading
    ``items`` is raised after the answers of the items before it.
    """
    by_name = START_METHOD != "fork" and not isinstance(requested, Language)
    source = requested if by_name else reader.nlp
    batches, pool = Batches(items, batch_size), _Pool(source, n_process, reader.names)
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


def _start_worker(source: Language | str | Path | None, names: str) -> None:
    """Set up a worker process: its reader, once (the pipeline inherited when forked)."""
    global _worker_reader
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process to handle
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_reader = Reader.of(load_pipeline(source), names)


def _end_with_parent(parent: int) -> None:
    """In a worker: exit once the main process is gone, e.g. killed before it could
    shut the pool down (the worker would otherwise wait for tasks forever)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _read_task(texts: list[TextLike]) -> list[Answer]:
    """In a worker process: the answer for each text of a task, in order."""
    if _worker_reader is None:
        msg = "_read_task runs in quotelib's worker processes only"
        raise RuntimeError(msg)
    return _worker_reader.read(texts)


class _Task:
    """Texts sent to a worker together, their contexts, and their answers once known."""

    __slots__ = ("answers", "contexts", "future", "texts")

    def __init__(self, texts: list[TextLike], contexts: list[Any], pool: _Pool) -> None:
        self.texts = texts
        self.contexts = contexts
        self.future = pool.submit(texts)
        self.answers: list[Answer] | None = None


class _Pool:
    """Worker processes reading tasks; started on first use, and again when one dies."""

    def __init__(self, source: Language | str | Path | None, n_process: int, names: str) -> None:
        self._source = source
        self._n_process = n_process
        self._names = names
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, texts: list[TextLike]) -> Future[list[Answer]]:
        """The answers of a task, to come. A pool found broken gives a failed future,
        so that the task is read again with the tasks in flight (:meth:`recover`)."""
        if self._executor is None:
            self._executor = self._start()
        try:
            return self._executor.submit(_read_task, texts)
        except BrokenProcessPool as error:
            failed: Future[list[Answer]] = Future()
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

    def _read_alone(self, text: TextLike) -> Answer:
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
            mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_start_worker,
            initargs=(self._source, self._names),
        )
        try:  # a pool whose workers cannot start would fail every text: stop instead
            executor.submit(_read_task, []).result()
        except BrokenProcessPool as error:
            executor.shutdown(wait=True)
            msg = f"quotelib's worker processes could not start ({START_METHOD}): {error}"
            raise RuntimeError(msg) from error
        return executor

    def close(self, *, wait: bool) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None

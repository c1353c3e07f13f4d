"""The annotated dev corpus from ../shared: no exception, exact offsets, cue classes, the floor held.

Skipped when ../shared/data/polnear-dev.jsonl is absent. The full comparison
with textacy is ``benchmarks/polnear.py``.
"""

from __future__ import annotations

import quotelib
from quotelib.evaluation.calibration import calibration


def test_dev_corpus_every_article_answered_with_exact_offsets(dev_articles, nlp):
    predictions = {}
    texts = [article["text"] for article in dev_articles]
    for article, doc in zip(dev_articles, nlp.pipe(texts, batch_size=16)):
        quotes = quotelib.extract_quotes(doc)
        for quote in quotes:
            for span in (quote.content, *quote.content_parts, quote.speaker, quote.cue):
                if span is not None:
                    assert article["text"][span.start : span.end] == span.text
            assert (quote.cue is None) == (quote.cue_class is None), quote
        predictions[article["id"]] = quotes
    scores = quotelib.evaluate(dev_articles, predictions)
    # The floor, well below the benchmark's figures: a regression guard.
    assert scores.partial_03.f1 >= 0.70
    assert scores.partial_03.recall_of("direct") >= 0.92
    assert scores.partial_03.recall_of("mixed") >= 0.78
    assert scores.partial_03.recall_of("indirect") >= 0.45
    assert scores.speaker_accuracy >= 0.87
    # Quote.confidence is fitted on this corpus: calibrated, and sure where it says so.
    calibrated = calibration(dev_articles, predictions)
    assert calibrated.ece <= 0.05
    assert calibrated.precision_above >= 0.93 and calibrated.share_above >= 0.15

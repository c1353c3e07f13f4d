"""How sure quotelib is of a quote: a calibrated probability that the record is right.

``Quote.confidence`` is the probability that the quote's content matches an
annotated attribution (``partial@0.3``, :func:`quotelib.evaluate`) *and* that
its speaker is the annotated one: the end-to-end verdict of
:func:`quotelib.evaluation.scoring.judge`. It comes from a logistic model over what the
rules already know of the record (:func:`features`):

- the pattern that found it (``Quote.rule``) and its kind;
- the cue's class (``Quote.cue_class``);
- the speaker's kind: a name, a surname, a pronoun or role resolved to a
  name, an anonymous source, a mention left unresolved, no speaker at all;
- how far the cue and the speaker stand from the content, in characters;
- whether the quote marks inside the content are balanced;
- how long the content and the whole attribution (speaker, cue and content,
  about a sentence) are, in words;
- whether the content comes in several parts.

The model's coefficients (:mod:`quotelib.core.confidence_model`) are fitted on the
annotated news dev corpus by ``benchmarks/fit_confidence.py``, which writes
that module; the corpus itself never ships. ``benchmarks/calibration.py``
shows how well the probabilities hold: a reliability table over ten bins,
the expected calibration error, and the precision of the quotes above 0.9,
on the news (where it is fitted) and on the novels (where it is not).

Examples:
    >>> import quotelib
    >>> [quote] = quotelib.extract_quotes('"We will appeal," the mayor said.')
    >>> 0.0 <= quote.confidence <= 1.0
    True
    >>> found = features(quote, '"We will appeal," the mayor said.')
    >>> found["rule=verb"], found["speaker=unresolved"], found["content_words=1-3"]
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from quotelib.core.confidence_model import INTERCEPT, WEIGHTS
from quotelib.records import Quote
from quotelib.text.marks import DOUBLE_MARK_CHARS

__all__ = ["assess", "features", "probability"]

#: Upper bounds of the bins of each count feature, smallest first; a count
#: above the last bound falls in the open bin ``">last"``.
BINS: Mapping[str, tuple[int, ...]] = {
    "content_words": (3, 8, 20, 50),
    "attribution_words": (10, 25, 50),
    "cue_distance": (2, 30, 100),
    "speaker_distance": (2, 30, 100),
}


def features(quote: Quote, text: str) -> dict[str, float]:
    """The features of ``quote`` in ``text``, the caller's string its offsets index.

    Each feature is a name with the value 1.0 (``"rule=verb"``,
    ``"speaker=pronoun"``, ``"cue_distance=3-30"``); counts fall in the
    bins of :data:`BINS`.
    """
    spans = [quote.content, *(s for s in (quote.speaker, quote.cue) if s is not None)]
    words = {
        "content_words": _words(part.text for part in quote.content_parts),
        "attribution_words": _words(
            [text[min(s.start for s in spans) : max(s.end for s in spans)]]
        ),
    }
    found = {
        f"kind={quote.kind}": 1.0,
        f"rule={quote.rule}": 1.0,
        f"cue_class={quote.cue_class or 'none'}": 1.0,
        f"speaker={_speaker_kind(quote)}": 1.0,
        **{f"{name}={_bin(name, count)}": 1.0 for name, count in words.items()},
    }
    for name, span in (("cue_distance", quote.cue), ("speaker_distance", quote.speaker)):
        if span is not None:
            found[f"{name}={_bin(name, _distance(span, quote.content_parts))}"] = 1.0
    if sum(quote.content.text.count(mark) for mark in DOUBLE_MARK_CHARS) % 2:
        found["marks_unbalanced"] = 1.0
    if len(quote.content_parts) > 1:
        found["several_parts"] = 1.0
    return found


def probability(found: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The model's probability for a quote's :func:`features` (unknown features weigh 0)."""
    logit = INTERCEPT + sum(weights.get(name, 0.0) * value for name, value in found.items())
    return 1.0 / (1.0 + math.exp(-logit))


def assess(quotes: Sequence[Quote], text: str) -> list[Quote]:
    """The quotes, each with its ``confidence`` (new records; the inputs are unchanged).

    Examples:
        >>> import quotelib
        >>> text = "Xi stated that ties are strong."
        >>> [quote] = quotelib.extract_quotes(text)
        >>> assess([quote], text)[0].confidence == quote.confidence
        True
    """
    return [
        attrs.evolve(quote, confidence=round(probability(features(quote, text)), 4))
        for quote in quotes
    ]


def _speaker_kind(quote: Quote) -> str:
    if quote.speaker is None:
        return "none"
    return quote.speaker_resolution or "as-written"


def _words(texts: Sequence[str] | object) -> int:
    return sum(len(text.split()) for text in texts)  # type: ignore[attr-defined]


def _bin(name: str, count: int) -> str:
    low = 0 if name.endswith("distance") else 1
    for bound in BINS[name]:
        if count <= bound:
            return f"{low}-{bound}"
        low = bound + 1
    return f">{BINS[name][-1]}"


def _distance(span: object, parts: Sequence[object]) -> int:
    """Characters between ``span`` and the nearest content part (0 when they touch)."""
    return min(
        max(part.start - span.end, span.start - part.end, 0)  # type: ignore[attr-defined]
        for part in parts
    )

"""Score predicted quotations against annotated ones.

This is the measure that quotelib is held to on the annotated news corpus
(``shared/data/README.md``), so that users can score any system on their own
annotated data the same way.

Quotes are compared as sets of words: every ``\\w+`` match inside the content
parts, identified by its position in the text, so quote marks and punctuation
do not matter and a repeated word counts once per occurrence. Gold and
predicted quotes of a document are paired one-to-one, greedily by the number
of shared words (ties broken by the share of the gold quote's words covered,
then by text order), separately for each measure:

- ``partial@0.3``: the prediction covers more than 30% of the gold words;
- ``partial@0.8``: more than 80%;
- ``exact``: both hold the same words.

On the ``partial@0.3`` pairs, a predicted speaker is right when its span
overlaps the gold speaker or a mention of the gold speaker's coreference chain,
or when its name matches theirs (see :func:`~quotelib.name_match.names_match`). End-to-end, a gold
quote counts only when it is matched and its speaker is right.

A gold quote of fiction names its speaker as a character, without a span
(the annotated novels, ``pdnc-dev.jsonl``): it has a speaker when its
``speaker_text`` names one, and its names are ``speaker_text`` and every
``speaker_aliases`` entry. A placeholder speaker whose text starts with ``_``
(``"_unknowable"``, ``"_group"``) counts as no speaker. ``by=FIELD`` breaks
recall, speaker and name accuracy down by a field of the gold quotes,
``by_prediction=FIELD`` precision down by a field of the predicted quotes
(``"cue_class"``), and ``kinds=`` scores only the predictions of some kinds
(quoted speech only, against a corpus that annotates nothing else).

Examples:
    >>> text = 'Putin said "the talks failed." Aides said he left.'
    >>> gold = [{"id": "d1", "text": text, "quotes": [
    ...     {"content": [12, 29], "content_parts": [[12, 29]], "speaker": [0, 5],
    ...      "speaker_text": "Putin", "kind": "direct"},
    ...     {"content": [42, 49], "content_parts": [[42, 49]], "speaker": [31, 36],
    ...      "speaker_text": "Aides", "kind": "indirect"}]}]
    >>> predicted = [{"id": "d1", "quotes": [
    ...     {"content": [11, 30], "content_parts": [[11, 30]], "speaker": [0, 5],
    ...      "kind": "direct"}]}]
    >>> result = evaluate(gold, predicted)
    >>> result.partial_03.precision, result.partial_03.recall
    (1.0, 0.5)
    >>> result.partial_03.recall_of("indirect"), result.speaker_accuracy
    (0.0, 1.0)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from quotelib.annotated import (
    breakdown_value,
    check_field_name,
    check_gold_document,
    check_kinds,
    check_quote,
)
from quotelib.evaluation import (
    UNKNOWN,
    Breakdown,
    ByKind,
    Evaluation,
    PredictionBreakdown,
    Scores,
    format_comparison,  # noqa: F401 - where users found it
    ratio,
)
from quotelib.name_match import names_match
from quotelib.records import KINDS, Quote

__all__ = ["evaluate"]

#: The matching criteria, primary first.
MEASURES = ("partial@0.3", "partial@0.8", "exact")


#: How the fiction corpus starts a speaker that is no one character ("_unknowable", "_group").
PLACEHOLDER_PREFIX = "_"
_WORD = re.compile(r"\w+")
_E2E = "end-to-end"

Span = tuple[int, int]


@attrs.frozen
class _Item:
    """A gold or predicted quote reduced to what the measure compares."""

    words: frozenset[Span]
    kind: str
    first: int
    spans: tuple[Span, ...]  # speaker span; for gold, the chain mentions too
    names: tuple[str, ...]  # speaker names; for gold, the chain mention texts too
    has_speaker: bool
    name: str | None = None  # the predicted speaker_name
    group: str | None = None  # its value of the breakdown field of its side, if any


def evaluate(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]] | Mapping[Any, Iterable[Quote | Mapping[str, Any]]],
    *,
    by: str | None = None,
    by_prediction: str | None = None,
    kinds: Iterable[str] | None = None,
) -> Evaluation:
    """Score predicted quotes against gold ones.

    Args:
        gold: documents in the corpus schema: ``{"id", "text", "quotes": [...]}``.
        predicted: ``{"id", "quotes": [...]}`` dicts, or a mapping from id to
            quotes; each quote a :class:`~quotelib.Quote` or its ``to_dict()``.
            A gold document without a prediction counts as predicting nothing.
        by: a field of the gold quotes (``"pdnc_quote_type"``, ``"relation"``):
            recall, speaker and name accuracy of each of its values, in
            :attr:`Evaluation.by_field`.
        by_prediction: a field of the predicted quotes (``"cue_class"``,
            ``"rule"``): precision, speaker accuracy and end-to-end precision
            of each of its values, in :attr:`Evaluation.by_prediction`.
        kinds: score only the predictions of these kinds (``("direct",
            "mixed")``), the others left out as if not predicted; all by default.

    Raises:
        ValueError: an id appears twice, a predicted id is not in ``gold``, or
            a document or quote is not sound: a gold document without an id,
            a string text or a list of quotes; a span that is not ``[start,
            end]`` integers with ``0 <= start <= end <= len(text)``; a content
            part outside its quote's ``content``; a ``by`` field that no gold
            quote has (a ``by_prediction`` field that no predicted quote has),
            or holds something else than a string; a ``kinds``
            entry that is no kind, or a prediction without a kind to choose.
            The message names the document, the quote and the field.
        TypeError: ``by`` or ``by_prediction`` is not a string, ``kinds`` a string.

    Examples:
        >>> text = 'Xi said ties are strong.'
        >>> gold = [{"id": 7, "text": text, "quotes": [{"content_parts": [[8, 23]],
        ...     "speaker": [0, 2], "speaker_text": "Xi", "kind": "indirect"}]}]
        >>> evaluate(gold, {7: []}).partial_03.recall
        0.0
        >>> evaluate(gold, {8: []})
        Traceback (most recent call last):
        ...
        ValueError: predicted document ids not in gold: [8]
        >>> evaluate([dict(gold[0], text="Xi said.")], {7: []})
        Traceback (most recent call last):
        ...
        ValueError: gold document 7 quote 0: 'content_parts'[0] must be [start, end] with 0 <= start <= end <= 8, the length of the text (got [8, 23])

        A quote of fiction, its speaker a character named by an alias,
        broken down by the corpus's quote type:

        >>> text = '"We must go," said Lizzy.'
        >>> gold = [{"id": "c1", "text": text, "quotes": [{"content_parts": [[1, 11]],
        ...     "speaker": None, "speaker_text": "Elizabeth Bennet",
        ...     "speaker_aliases": ["Lizzy", "Miss Eliza"], "kind": "direct",
        ...     "pdnc_quote_type": "Explicit"}]}]
        >>> found = {"c1": [{"content_parts": [[1, 11]], "speaker_name": "Lizzy",
        ...     "kind": "direct"}, {"content_parts": [[19, 24]], "kind": "indirect"}]}
        >>> result = evaluate(gold, found, by="pdnc_quote_type", kinds=("direct", "mixed"))
        >>> result.partial_03.precision, result.name_accuracy
        (1.0, 1.0)
        >>> result.by_field.of("Explicit").recall
        1.0

        Precision by the class of the predictions' cues:

        >>> text = "Xi said ties are strong. Aides denied that he left."
        >>> gold = [{"id": 1, "text": text, "quotes": [{"content_parts": [[8, 23]],
        ...     "speaker": [0, 2], "kind": "indirect"}]}]
        >>> found = {1: [{"content_parts": [[8, 23]], "speaker": [0, 2], "cue_class": "neutral"},
        ...     {"content_parts": [[43, 50]], "speaker": [25, 30], "cue_class": "denial"}]}
        >>> table = evaluate(gold, found, by_prediction="cue_class").by_prediction
        >>> [(row.value, row.n_pred, row.precision) for row in table.rows]
        [('denial', 1, 0.0), ('neutral', 1, 1.0)]
    """
    scored_kinds = check_kinds(kinds)
    check_field_name(by)
    check_field_name(by_prediction, "by_prediction", "predicted")
    predictions = _predictions_by_id(predicted)
    tally: Counter[tuple[str | None, ...]] = Counter()
    seen = set()
    for index, doc in enumerate(gold):
        check_gold_document(doc, index)
        if doc["id"] in seen:
            msg = f"gold document id {doc['id']!r} appears twice"
            raise ValueError(msg)
        seen.add(doc["id"])
        found = predictions.pop(doc["id"], ())
        _score_document(tally, doc, found, by=(by, by_prediction), kinds=scored_kinds)
    if predictions:
        msg = f"predicted document ids not in gold: {sorted(predictions, key=repr)!r}"
        raise ValueError(msg)
    if by is not None and tally["gold quotes"] and not tally["with field"]:
        msg = f"no gold quote has the field {by!r} to break scores down by"
        raise ValueError(msg)
    if by_prediction is not None and tally["predicted quotes"] and not tally["with pred field"]:
        msg = f"no predicted quote has the field {by_prediction!r} to break scores down by"
        raise ValueError(msg)
    return Evaluation(
        n_docs=len(seen),
        n_gold_without_words=tally["empty"],
        partial_03=_scores("partial@0.3", tally),
        partial_08=_scores("partial@0.8", tally),
        exact=_scores("exact", tally),
        speaker_right=tally["speaker", "right"],
        speaker_total=tally["speaker", "total"],
        speaker_accuracy=ratio(tally["speaker", "right"], tally["speaker", "total"]),
        name_right=tally["name", "right"],
        name_accuracy=ratio(tally["name", "right"], tally["speaker", "total"]),
        end_to_end=_scores(_E2E, tally),
        kinds=scored_kinds,
        by_field=None if by is None else _breakdown(tally, by),
        by_prediction=None if by_prediction is None else _breakdown(tally, by_prediction, "pred"),
    )


def _predictions_by_id(predicted: Iterable[Any] | Mapping[Any, Any]) -> dict[Any, list[Any]]:
    if isinstance(predicted, Mapping):
        return {doc_id: list(quotes) for doc_id, quotes in predicted.items()}
    by_id: dict[Any, list[Any]] = {}
    for doc in predicted:
        if doc["id"] in by_id:
            msg = f"predicted document id {doc['id']!r} appears twice"
            raise ValueError(msg)
        by_id[doc["id"]] = list(doc["quotes"])
    return by_id


def _score_document(
    tally: Counter,
    doc: Mapping[str, Any],
    found: Iterable[Any],
    *,
    by: tuple[str | None, str | None],
    kinds: tuple[str, ...] | None,
) -> None:
    """Add one document's counts to ``tally``: its gold quotes against its predictions.

    ``by`` holds the breakdown field of the gold quotes and that of the predicted ones.
    """
    text, where = doc["text"], f"document {doc['id']!r} quote"
    field, pred_field = by
    golds = [
        _gold_item(quote, text, field, f"gold {where} {number}")
        for number, quote in enumerate(doc["quotes"])
    ]
    tally["empty"] += sum(not item.words for item in golds)
    tally["gold quotes"] += len(golds)
    tally["with field"] += sum(field in quote for quote in doc["quotes"]) if field else 0
    found = [quote.to_dict() if isinstance(quote, Quote) else quote for quote in found]
    preds = [
        _predicted_item(quote, text, f"predicted {where} {number}", kinds, pred_field)
        for number, quote in enumerate(found)
    ]
    tally["predicted quotes"] += len(preds)
    if pred_field is not None:
        tally["with pred field"] += sum(pred_field in quote for quote in found)
    chosen = [item for item in preds if kinds is None or item.kind in kinds]
    _tally_document(tally, [item for item in golds if item.words], chosen)


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _parts(quote: Mapping[str, Any]) -> list[Span]:
    parts = quote.get("content_parts") or [quote.get("content")]
    if parts == [None]:
        msg = f"a quote must have 'content_parts' or 'content' (got keys {sorted(quote)!r})"
        raise ValueError(msg)
    return [_span(part) for part in parts]


def _item(quote: Mapping[str, Any], text: str, spans: list[Any], names: list[Any]) -> _Item:
    parts = _parts(quote)
    return _Item(
        words=frozenset(m.span() for s, e in parts for m in _WORD.finditer(text, s, e)),
        kind=quote.get("kind") or "unknown",
        first=min(start for start, _ in parts),
        spans=tuple(_span(span) for span in spans if span is not None),
        names=tuple(name for name in names if name),
        has_speaker=quote.get("speaker") is not None,
    )


def _gold_item(quote: Mapping[str, Any], text: str, by: str | None, where: str) -> _Item:
    chain = quote.get("speaker_chain") or []
    characters = [quote.get("speaker_text"), *(quote.get("speaker_aliases") or ())]
    characters = [name for name in characters if _names_someone(name)]
    names = [*characters, *(text[s:e] for s, e in chain)]
    item = _item(quote, text, [quote.get("speaker"), *chain], names)
    # Fiction: a character speaks, named without a span.
    has_speaker = item.has_speaker or _names_someone(quote.get("speaker_text"))
    group = None if by is None else breakdown_value(quote, by, where) or UNKNOWN
    return attrs.evolve(item, has_speaker=has_speaker, group=group)


def _names_someone(name: str | None) -> bool:
    """Whether a gold ``speaker_text`` (or alias) names a speaker, not a placeholder."""
    return bool(name and name.strip()) and not name.startswith(PLACEHOLDER_PREFIX)


def _predicted_item(
    quote: Any, text: str, where: str, kinds: tuple[str, ...] | None, by: str | None
) -> _Item:
    if not isinstance(quote, Mapping):
        msg = f"a predicted quote must be a Quote or a dict (got {quote!r} of {type(quote)!r})"
        raise TypeError(msg)
    check_quote(quote, text, where)
    if kinds is not None and quote.get("kind") not in KINDS:
        msg = f"{where}: 'kind' must be one of {KINDS!r} for kinds= to choose (got {quote.get('kind')!r})"
        raise ValueError(msg)
    names = [quote.get("speaker_name"), quote.get("speaker_text")]
    item = _item(quote, text, [quote.get("speaker")], names)
    has_speaker = item.has_speaker or bool(item.names)
    group = None if by is None else breakdown_value(quote, by, where) or UNKNOWN
    return attrs.evolve(item, has_speaker=has_speaker, name=quote.get("speaker_name"), group=group)


def _match(golds: list[_Item], preds: list[_Item], measure: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), greedy by shared words."""
    threshold = None if measure == "exact" else Fraction(measure.split("@")[1])
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            shared = len(g.words & p.words)
            ratio = Fraction(shared, len(g.words))
            if shared and (ratio > threshold if threshold is not None else g.words == p.words):
                candidates.append((-shared, -ratio, g.first, p.first, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for *_, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def _speaker_right(g: _Item, p: _Item) -> bool:
    if not g.has_speaker:
        return not p.has_speaker
    overlaps = any(ps < ge and gs < pe for ps, pe in p.spans for gs, ge in g.spans)
    return overlaps or any(names_match(pn, gn) for pn in p.names for gn in g.names if gn)


def _name_right(g: _Item, p: _Item) -> bool:
    return bool(p.name) and any(names_match(p.name, gn) for gn in g.names if gn)


def _tally_document(tally: Counter, golds: list[_Item], preds: list[_Item]) -> None:
    tally.update(("n_gold", g.kind) for g in golds)
    tally.update(("n_pred", p.kind) for p in preds)
    tally.update(("by", g.group, "n_gold") for g in golds if g.group is not None)
    tally.update(("by_pred", p.group, "n_pred") for p in preds if p.group is not None)
    for measure in MEASURES:
        for gi, pi in _match(golds, preds, measure):
            tally[measure, "gold", golds[gi].kind] += 1
            tally[measure, "pred", preds[pi].kind] += 1
            if measure == MEASURES[0]:
                _tally_pair(tally, golds[gi], preds[pi])


def _tally_pair(tally: Counter, g: _Item, p: _Item) -> None:
    """The speaker and end-to-end counts of a ``partial@0.3`` pair, overall and by group."""
    right = _speaker_right(g, p)
    counts = {"tp": 1, "end_to_end_tp": right}
    if g.has_speaker:
        counts.update(speaker_total=1, speaker_right=right, name_right=_name_right(g, p))
        tally["speaker", "total"] += 1
        tally["speaker", "right"] += right
        tally["name", "right"] += counts["name_right"]
    if right:
        tally[_E2E, "gold", g.kind] += 1
        tally[_E2E, "pred", p.kind] += 1
    for side, item in (("by", g), ("by_pred", p)):
        if item.group is not None:
            for what, count in counts.items():
                tally[side, item.group, what] += count


def _breakdown(tally: Counter, field: str, side: str = "gold") -> Any:
    """The :class:`Breakdown` of the gold quotes, or the ``PredictionBreakdown`` of the
    predicted ones (``side="pred"``), from ``tally``."""
    key, table = ("by", Breakdown) if side == "gold" else ("by_pred", PredictionBreakdown)
    counts: dict[str, Counter] = {}
    for name, count in tally.items():
        if name[0] == key:
            counts.setdefault(name[1], Counter())[name[2]] = count
    return table.from_counts(field, counts)


def _by_kind(tally: Counter, measure: str, side: str) -> ByKind:
    seen = {key[1] for key in tally if key[0] == f"n_{side}"}
    kinds = [*KINDS, *sorted(seen - set(KINDS))]
    return tuple((k, tally[measure, side, k], tally[f"n_{side}", k]) for k in kinds)


def _scores(measure: str, tally: Counter) -> Scores:
    return Scores.from_counts(
        measure, _by_kind(tally, measure, "gold"), _by_kind(tally, measure, "pred")
    )

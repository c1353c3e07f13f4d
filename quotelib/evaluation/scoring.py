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
or when its name matches theirs (see :func:`~quotelib.evaluation.name_match.names_match`). End-to-end, a gold
quote counts only when it is matched and its speaker is right.

A gold quote that lists its ``addressees`` (character names, as the annotated
novels do) is scored for the addressee too, on the same pairs: right when the
predicted ``addressee_name`` matches the name of one of them, or an alias of
theirs, read off the same gold document's quotes (a character's
``speaker_text`` and the ``speaker_aliases`` of the quotes it speaks); the
addressee coverage is the share of those pairs whose prediction gives one.

A gold quote of fiction names its speaker as a character, without a span
(the annotated novels, ``pdnc-dev.jsonl``): it has a speaker when its
``speaker_text`` names one, and its names are ``speaker_text`` and every
``speaker_aliases`` entry. A placeholder speaker whose text starts with ``_``
(``"_unknowable"``, ``"_group"``) counts as no speaker, and as no addressee.
``by=FIELD`` breaks recall, speaker, name and addressee accuracy down by a
field of the gold quotes, ``by_prediction=FIELD`` precision down by a field
of the predicted quotes (``"cue_class"``), and ``kinds=`` scores only the
predictions of some kinds (quoted speech only, against a corpus that
annotates nothing else).

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

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from quotelib.evaluation.annotated import (
    check_field_name,
    check_gold_document,
    check_kinds,
)
from quotelib.evaluation.matching import (
    MEASURES,
    Item,
    addressee_right,
    character_aliases,
    gold_item,
    match,
    name_right,
    predicted_item,
    shared_words,
    speaker_right,
)
from quotelib.evaluation.name_match import names_match  # noqa: F401 - where users found it
from quotelib.evaluation.scores import (
    Breakdown,
    ByKind,
    Evaluation,
    PredictionBreakdown,
    Scores,
    format_comparison,  # noqa: F401 - where users found it
    ratio,
)
from quotelib.records import KINDS, Quote

__all__ = ["Verdict", "evaluate", "judge"]

_E2E = "end-to-end"


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
            recall, speaker, name and addressee accuracy of each of its
            values, in :attr:`Evaluation.by_field`.
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

        The addressee, named by an alias the gold document gives its character:

        >>> gold[0]["quotes"][0]["addressees"] = ["Jane Bennet"]
        >>> gold[0]["quotes"].append({"content_parts": [[0, 0]],
        ...     "speaker_text": "Jane Bennet", "speaker_aliases": ["Jane", "Miss Bennet"]})
        >>> found["c1"][0]["addressee_name"] = "Jane"
        >>> result = evaluate(gold, found, kinds=("direct", "mixed"))
        >>> result.addressee_accuracy, result.addressee_total
        (1.0, 1)

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
    tally: Counter[tuple[str | None, ...]] = Counter()
    for doc, golds, found, preds in _paired_documents(
        gold, predicted, (by, by_prediction), scored_kinds
    ):
        tally["documents"] += 1
        tally["empty"] += sum(not item.words for item in golds)
        tally["gold quotes"] += len(golds)
        tally["with field"] += sum(by in quote for quote in doc["quotes"]) if by else 0
        tally["predicted quotes"] += len(preds)
        if by_prediction is not None:
            tally["with pred field"] += sum(by_prediction in quote for quote in found)
        chosen = [item for item in preds if item is not None]
        _tally_document(tally, [item for item in golds if item.words], chosen)
    if by is not None and tally["gold quotes"] and not tally["with field"]:
        msg = f"no gold quote has the field {by!r} to break scores down by"
        raise ValueError(msg)
    if by_prediction is not None and tally["predicted quotes"] and not tally["with pred field"]:
        msg = f"no predicted quote has the field {by_prediction!r} to break scores down by"
        raise ValueError(msg)
    return Evaluation(
        n_docs=tally["documents"],
        n_gold_without_words=tally["empty"],
        partial_03=_scores("partial@0.3", tally),
        partial_08=_scores("partial@0.8", tally),
        exact=_scores("exact", tally),
        speaker_right=tally["speaker", "right"],
        speaker_total=tally["speaker", "total"],
        speaker_accuracy=ratio(tally["speaker", "right"], tally["speaker", "total"]),
        name_right=tally["name", "right"],
        name_accuracy=ratio(tally["name", "right"], tally["speaker", "total"]),
        addressee_right=tally["addressee", "right"],
        addressee_given=tally["addressee", "given"],
        addressee_total=tally["addressee", "total"],
        addressee_accuracy=ratio(tally["addressee", "right"], tally["addressee", "total"]),
        addressee_coverage=ratio(tally["addressee", "given"], tally["addressee", "total"]),
        end_to_end=_scores(_E2E, tally),
        kinds=scored_kinds,
        by_field=None if by is None else _breakdown(tally, by),
        by_prediction=None if by_prediction is None else _breakdown(tally, by_prediction, "pred"),
    )


@attrs.frozen(kw_only=True)
class Verdict:
    """What the measure says of one predicted quote.

    Attributes:
        gold: the index, in its document's ``quotes``, of the gold quote the
            prediction is paired with at ``partial@0.3``, or ``None``.
        speaker_right: whether the paired gold quote's speaker is the
            predicted one (``False`` when unpaired).
    """

    gold: int | None
    speaker_right: bool

    @property
    def matched(self) -> bool:
        """Whether the prediction is paired with a gold quote."""
        return self.gold is not None

    @property
    def right(self) -> bool:
        """Whether it counts end-to-end: paired, and its speaker right."""
        return self.gold is not None and self.speaker_right


def judge(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]] | Mapping[Any, Iterable[Quote | Mapping[str, Any]]],
    *,
    kinds: Iterable[str] | None = None,
) -> dict[Any, list[Verdict | None]]:
    """The measure's verdict on each predicted quote, to study which ones are wrong.

    The pairs are those :func:`evaluate` counts at ``partial@0.3``, so that
    the share of right verdicts is its end-to-end precision.

    Args:
        gold, predicted, kinds: as for :func:`evaluate`.

    Returns:
        For each gold document id, one verdict per predicted quote in the
        order given, ``None`` for a prediction of a kind not scored.

    Raises:
        ValueError, TypeError: as :func:`evaluate`.

    Examples:
        >>> text = 'Putin said "the talks failed." Aides said he left.'
        >>> gold = [{"id": "d1", "text": text, "quotes": [{"content_parts": [[12, 29]],
        ...     "speaker": [0, 5], "speaker_text": "Putin", "kind": "direct"}]}]
        >>> found = {"d1": [
        ...     {"content_parts": [[12, 29]], "speaker": [31, 36], "kind": "direct"},
        ...     {"content_parts": [[42, 49]], "speaker": [31, 36], "kind": "indirect"}]}
        >>> [(v.matched, v.right) for v in judge(gold, found)["d1"]]
        [(True, False), (False, False)]
    """
    verdicts = {}
    for doc, golds, _, preds in _paired_documents(
        gold, predicted, (None, None), check_kinds(kinds)
    ):
        indexed = [(index, item) for index, item in enumerate(golds) if item.words]
        chosen = [(index, item) for index, item in enumerate(preds) if item is not None]
        found: list[Verdict | None] = [
            None if item is None else Verdict(gold=None, speaker_right=False) for item in preds
        ]
        pairs = match([item for _, item in indexed], [item for _, item in chosen], MEASURES[0])
        for gi, pi in pairs:
            (g_index, g), (p_index, p) = indexed[gi], chosen[pi]
            found[p_index] = Verdict(gold=g_index, speaker_right=speaker_right(g, p))
        verdicts[doc["id"]] = found
    return verdicts


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


def _paired_documents(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Any] | Mapping[Any, Any],
    by: tuple[str | None, str | None],
    kinds: tuple[str, ...] | None,
) -> Iterator[tuple[Mapping[str, Any], list[Item], list[Mapping[str, Any]], list[Item | None]]]:
    """Each gold document, checked, with its gold items, its predictions and their items.

    ``by`` holds the breakdown field of the gold quotes and that of the
    predicted ones. A prediction of a kind not scored has the item ``None``.
    Raises the errors :func:`evaluate` documents.
    """
    predictions = _predictions_by_id(predicted)
    field, pred_field = by
    seen = set()
    for index, doc in enumerate(gold):
        check_gold_document(doc, index)
        if doc["id"] in seen:
            msg = f"gold document id {doc['id']!r} appears twice"
            raise ValueError(msg)
        seen.add(doc["id"])
        text, where = doc["text"], f"document {doc['id']!r} quote"
        aliases = character_aliases(doc["quotes"])
        golds = [
            gold_item(quote, text, field, f"gold {where} {number}", aliases)
            for number, quote in enumerate(doc["quotes"])
        ]
        found = [q.to_dict() if isinstance(q, Quote) else q for q in predictions.pop(doc["id"], ())]
        preds = [
            predicted_item(quote, text, f"predicted {where} {number}", kinds, pred_field)
            for number, quote in enumerate(found)
        ]
        yield doc, golds, found, [p if kinds is None or p.kind in kinds else None for p in preds]
    if predictions:
        msg = f"predicted document ids not in gold: {sorted(predictions, key=repr)!r}"
        raise ValueError(msg)


def _tally_document(tally: Counter, golds: list[Item], preds: list[Item]) -> None:
    tally.update(("n_gold", g.kind) for g in golds)
    tally.update(("n_pred", p.kind) for p in preds)
    tally.update(("by", g.group, "n_gold") for g in golds if g.group is not None)
    tally.update(("by_pred", p.group, "n_pred") for p in preds if p.group is not None)
    shared = shared_words(golds, preds)
    for measure in MEASURES:
        for gi, pi in match(golds, preds, measure, shared):
            tally[measure, "gold", golds[gi].kind] += 1
            tally[measure, "pred", preds[pi].kind] += 1
            if measure == MEASURES[0]:
                _tally_pair(tally, golds[gi], preds[pi])


def _tally_pair(tally: Counter, g: Item, p: Item) -> None:
    """The speaker, addressee and end-to-end counts of a ``partial@0.3`` pair, overall
    and by group."""
    right = speaker_right(g, p)
    counts = {"tp": 1, "end_to_end_tp": right}
    if g.has_speaker:
        counts.update(speaker_total=1, speaker_right=right, name_right=name_right(g, p))
        tally["speaker", "total"] += 1
        tally["speaker", "right"] += right
        tally["name", "right"] += counts["name_right"]
    if g.has_addressee:
        heard = {"total": 1, "given": bool(p.addressee), "right": addressee_right(g, p)}
        counts.update({f"addressee_{what}": count for what, count in heard.items()})
        tally.update({("addressee", what): count for what, count in heard.items()})
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

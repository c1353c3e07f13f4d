"""The scores of a system: :class:`Scores` for each measure, :class:`Evaluation` for all.

:func:`quotelib.evaluate` computes them (:mod:`quotelib.evaluation.scoring`); this module
holds the records and their tables. :class:`~quotelib.evaluation.breakdown.Breakdown` holds
the scores of the gold quotes grouped by a field of theirs (``evaluate(...,
by="pdnc_quote_type")``), :class:`~quotelib.evaluation.breakdown.PredictionBreakdown` those
of the predicted quotes grouped by one of theirs (``evaluate(...,
by_prediction="cue_class")``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from quotelib.evaluation.breakdown import (
    UNKNOWN,
    Breakdown,
    BreakdownRow,
    PredictionBreakdown,
    breakdown_header,
    fixed,
    fixed_table,
    ratio,
)
from quotelib.records import KINDS

__all__ = [
    "Breakdown",
    "BreakdownRow",
    "ByKind",
    "Evaluation",
    "PredictionBreakdown",
    "Scores",
    "UNKNOWN",
    "format_breakdown",
    "format_comparison",
    "ratio",
]

ByKind = tuple[tuple[str, int, int], ...]  # (kind, tp, n) for each kind


@attrs.frozen(kw_only=True)
class Scores:
    """Precision, recall and F1 of one measure, with counts and a breakdown by kind.

    Attributes:
        measure: ``"partial@0.3"``, ``"partial@0.8"``, ``"exact"`` or ``"end-to-end"``.
        tp: matched pairs (for end-to-end: matched pairs with the speaker right).
        recall_by_kind: ``(kind, tp, n_gold)`` for each gold kind.
        precision_by_kind: ``(kind, tp, n_pred)`` for each predicted kind.
    """

    measure: str
    tp: int
    n_pred: int
    n_gold: int
    precision: float
    recall: float
    f1: float
    recall_by_kind: ByKind
    precision_by_kind: ByKind

    @classmethod
    def from_counts(cls, measure: str, recall_by_kind: ByKind, precision_by_kind: ByKind) -> Scores:
        """The scores of a measure from its ``(kind, tp, n)`` counts on each side.

        Examples:
            >>> scores = Scores.from_counts("exact", (("direct", 1, 4),), (("direct", 1, 2),))
            >>> scores.precision, scores.recall, round(scores.f1, 3)
            (0.5, 0.25, 0.333)
        """
        tp = sum(tp for _, tp, _ in recall_by_kind)
        n_gold = sum(n for *_, n in recall_by_kind)
        n_pred = sum(n for *_, n in precision_by_kind)
        precision, recall = ratio(tp, n_pred), ratio(tp, n_gold)
        return cls(
            measure=measure,
            tp=tp,
            n_pred=n_pred,
            n_gold=n_gold,
            precision=precision,
            recall=recall,
            f1=ratio(2 * precision * recall, precision + recall),
            recall_by_kind=recall_by_kind,
            precision_by_kind=precision_by_kind,
        )

    def recall_of(self, kind: str) -> float:
        """Recall over the gold quotes of ``kind`` (0.0 when there are none)."""
        return _rate(self.recall_by_kind, kind)

    def precision_of(self, kind: str) -> float:
        """Precision over the predicted quotes of ``kind`` (0.0 when there are none)."""
        return _rate(self.precision_by_kind, kind)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready numbers, with the by-kind breakdowns as nested dicts."""
        return {
            **attrs.asdict(self),
            "recall_by_kind": _kind_dict(self.recall_by_kind, "recall", "n_gold"),
            "precision_by_kind": _kind_dict(self.precision_by_kind, "precision", "n_pred"),
        }


@attrs.frozen(kw_only=True)
class Evaluation:
    """The scores of one system on a set of annotated documents.

    Attributes:
        n_docs: gold documents scored.
        n_gold_without_words: gold quotes whose content holds no word; they
            are left out of every count.
        partial_03, partial_08, exact: the three matching measures.
        speaker_right, speaker_total: ``partial@0.3`` pairs whose gold quote
            has a speaker, and how many of them got the speaker right.
        name_right, name_accuracy: of those pairs, how many (and what share)
            have a predicted ``speaker_name`` that names the gold speaker or
            a mention of its chain: the resolution alone, without the credit
            that ``speaker_accuracy`` gives to overlapping spans ("He" for "he").
        addressee_right, addressee_given, addressee_total: ``partial@0.3``
            pairs whose gold quote names an addressee (``addressees``), how
            many of them have a predicted ``addressee_name``, and how many
            have one that names a gold addressee or an alias of theirs.
        addressee_accuracy, addressee_coverage: the shares of those pairs
            with the addressee right, and with one given at all.
        end_to_end: a gold quote counts only when matched with the speaker right.
        kinds: the predicted kinds scored (``evaluate(..., kinds=...)``); None: all.
        by_field: the scores broken down by a gold field (``evaluate(..., by=...)``),
            or None.
        by_prediction: the precision broken down by a field of the predictions
            (``evaluate(..., by_prediction=...)``), or None.
    """

    n_docs: int
    n_gold_without_words: int
    partial_03: Scores
    partial_08: Scores
    exact: Scores
    speaker_right: int
    speaker_total: int
    speaker_accuracy: float
    name_right: int
    name_accuracy: float
    end_to_end: Scores
    addressee_right: int = 0
    addressee_given: int = 0
    addressee_total: int = 0
    addressee_accuracy: float = 0.0
    addressee_coverage: float = 0.0
    kinds: tuple[str, ...] | None = None
    by_field: Breakdown | None = None
    by_prediction: PredictionBreakdown | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready numbers, each measure under its name (``"partial@0.3"``, ...).

        ``"kinds"``, ``"by_field"`` and ``"by_prediction"`` are there only when
        they were asked for.
        """
        data = {name: getattr(self, name) for name in ("n_docs", "n_gold_without_words")}
        for scores in (self.partial_03, self.partial_08, self.exact, self.end_to_end):
            data[scores.measure] = scores.to_dict()
        data["speaker"] = {
            "accuracy": self.speaker_accuracy,
            "right": self.speaker_right,
            "total": self.speaker_total,
            "name_accuracy": self.name_accuracy,
            "name_right": self.name_right,
        }
        data["addressee"] = {
            "accuracy": self.addressee_accuracy,
            "right": self.addressee_right,
            "coverage": self.addressee_coverage,
            "given": self.addressee_given,
            "total": self.addressee_total,
        }
        if self.kinds is not None:
            data["kinds"] = list(self.kinds)
        if self.by_field is not None:
            data["by_field"] = self.by_field.to_dict()
        if self.by_prediction is not None:
            data["by_prediction"] = self.by_prediction.to_dict()
        return data

    def format_table(self) -> str:
        """A fixed-width table of every measure, with recall and precision by kind.

        The addressee accuracy and coverage follow when gold quotes name
        addressees; the predicted kinds scored and the breakdowns by a field
        of the gold and of the predicted quotes when they were asked for.
        """
        header = ["measure", "P", "R", "F1", "tp", "pred", "gold"]
        header += [f"R {k}" for k in KINDS] + [f"P {k}" for k in KINDS]
        rows = [
            [s.measure, *map(fixed, (s.precision, s.recall, s.f1)), s.tp, s.n_pred, s.n_gold]
            + [_cell(s.recall_by_kind, k) for k in KINDS]
            + [_cell(s.precision_by_kind, k) for k in KINDS]
            for s in (self.partial_03, self.partial_08, self.exact, self.end_to_end)
        ]
        return (
            f"{fixed_table(header, rows)}\n"
            f"speaker accuracy {self.speaker_accuracy:.3f} ({self.speaker_right}/"
            f"{self.speaker_total} partial@0.3 pairs whose gold quote has a speaker); "
            f"speaker name accuracy {self.name_accuracy:.3f} ({self.name_right}/"
            f"{self.speaker_total})\n"
            + (f"{self._addressee_line()}\n" if self.addressee_total else "")
            + f"{self.n_docs} documents; {self.n_gold_without_words} gold quotes "
            "without words ignored"
            + (f"; predictions scored: {', '.join(self.kinds)}" if self.kinds else "")
            + (f"\n{self.by_field.format_table()}" if self.by_field else "")
            + (f"\n{self.by_prediction.format_table()}" if self.by_prediction else "")
        )

    def _addressee_line(self) -> str:
        return (
            f"addressee accuracy {self.addressee_accuracy:.3f} ({self.addressee_right}/"
            f"{self.addressee_total} partial@0.3 pairs whose gold quote names an addressee); "
            f"addressee given {self.addressee_coverage:.3f} ({self.addressee_given}/"
            f"{self.addressee_total})"
        )

    def __str__(self) -> str:
        return self.format_table()


def format_comparison(evaluations: Mapping[str, Evaluation]) -> str:
    """A fixed-width table comparing systems, one row per system.

    Columns: P, R and F1 at ``partial@0.3``; F1 at ``exact`` and
    ``partial@0.8``; ``partial@0.3`` recall of direct, mixed and indirect
    quotes; speaker accuracy; speaker name accuracy; end-to-end F1; and, when
    gold quotes name addressees, the addressee accuracy and coverage
    (``addressee``, ``given``).

    Examples:
        >>> from quotelib import evaluate
        >>> text = 'Xi said ties are strong.'
        >>> gold = [{"id": 1, "text": text, "quotes": [{"content_parts": [[8, 23]],
        ...     "speaker": [0, 2], "speaker_text": "Xi", "kind": "indirect"}]}]
        >>> found = {1: [{"content_parts": [[8, 23]], "speaker": None, "kind": "indirect"}]}
        >>> print(format_comparison({"mine": evaluate(gold, found)}))
        system  P@.3  R@.3 F1@.3 F1 exact F1@.8 R direct R mixed R indirect speaker name E2E F1
        mine   1.000 1.000 1.000    1.000 1.000        -       -      1.000   0.000 0.000  0.000
    """
    header = ["system", "P@.3", "R@.3", "F1@.3", "F1 exact", "F1@.8"]
    header += ["R direct", "R mixed", "R indirect", "speaker", "name", "E2E F1"]
    heard = any(ev.addressee_total for ev in evaluations.values())
    header += ["addressee", "given"] if heard else []
    rows = []
    for name, ev in evaluations.items():
        p = ev.partial_03
        row = [name, *map(fixed, (p.precision, p.recall, p.f1, ev.exact.f1, ev.partial_08.f1))]
        row += [_cell(p.recall_by_kind, k) for k in ("direct", "mixed", "indirect")]
        row += [fixed(ev.speaker_accuracy) if ev.speaker_total else "-"]
        row += [fixed(ev.name_accuracy) if ev.speaker_total else "-"]
        row += [fixed(ev.end_to_end.f1)]
        if heard:
            rates = (ev.addressee_accuracy, ev.addressee_coverage)
            row += list(map(fixed, rates)) if ev.addressee_total else ["-", "-"]
        rows.append(row)
    return fixed_table(header, rows)


def format_breakdown(evaluations: Mapping[str, Evaluation]) -> str:
    """A fixed-width table comparing systems by the value of a gold field, one row per both.

    Every evaluation must hold a breakdown by the same field
    (``evaluate(..., by=FIELD)``). The addressee accuracy and coverage
    columns are there when gold quotes name addressees.

    Raises:
        ValueError: an evaluation has no breakdown, or one by another field.

    Examples:
        >>> from quotelib import evaluate
        >>> text = '"Go," said Ann. "No," he said.'
        >>> gold = [{"id": 1, "text": text, "quotes": [
        ...     {"content_parts": [[1, 3]], "speaker_text": "Ann", "type": "Explicit"},
        ...     {"content_parts": [[17, 19]], "speaker_text": "Bob", "type": "Anaphoric"}]}]
        >>> found = {1: [{"content_parts": [[1, 3]], "speaker_name": "Ann"}]}
        >>> print(format_breakdown({"mine": evaluate(gold, found, by="type")}))
        system type      gold  R@.3 speaker  name E2E R
        mine   Anaphoric    1 0.000       -     - 0.000
        mine   Explicit     1 1.000   1.000 1.000 1.000
    """
    fields = {name: ev.by_field.field if ev.by_field else None for name, ev in evaluations.items()}
    if None in fields.values() or len(set(fields.values())) > 1:
        msg = f"every evaluation needs a breakdown by the same field (got {fields!r})"
        raise ValueError(msg)
    field = next(iter(fields.values()), "value")
    heard = any(ev.by_field.heard for ev in evaluations.values())  # type: ignore[union-attr]
    rows = [
        [name, row.value, *row.cells(addressees=heard)]
        for name, ev in evaluations.items()
        for row in ev.by_field.rows  # type: ignore[union-attr] - checked above
    ]
    return fixed_table(["system", *breakdown_header(field, addressees=heard)], rows)


def _rate(by_kind: ByKind, kind: str) -> float:
    return next((ratio(tp, n) for k, tp, n in by_kind if k == kind), 0.0)


def _kind_dict(by_kind: ByKind, rate: str, total: str) -> dict[str, dict[str, Any]]:
    return {k: {rate: ratio(tp, n), "tp": tp, total: n} for k, tp, n in by_kind}


def _cell(by_kind: ByKind, kind: str) -> str:
    """The rate for ``kind``, or ``-`` when nothing of ``kind`` was counted."""
    n = next((n for k, _, n in by_kind if k == kind), 0)
    return fixed(_rate(by_kind, kind)) if n else "-"

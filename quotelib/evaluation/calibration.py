"""How well ``Quote.confidence`` holds on annotated data: reliability, calibration error.

:func:`calibration` pairs each predicted quote's confidence with the
measure's verdict on it (:func:`quotelib.evaluation.scoring.judge`: content matched at
``partial@0.3`` and speaker right) and sorts them into equal-width bins of
confidence. In a calibrated model, the quotes of each bin are right as often
as their mean confidence says. The expected calibration error (ECE) is the
mean gap between the two, each bin weighted by its share of the quotes.

Examples:
    >>> result = calibration_of([(0.95, True), (0.92, True), (0.15, False), (0.2, True)])
    >>> result.n, result.n_above, result.precision_above
    (4, 2, 1.0)
    >>> round(result.ece, 3)
    0.27
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotelib.evaluation.scores import ratio
from quotelib.evaluation.scoring import judge
from quotelib.records import Quote

__all__ = ["Calibration", "GroupRow", "ReliabilityBin", "calibration", "calibration_of"]


@attrs.frozen(kw_only=True)
class ReliabilityBin:
    """The quotes whose confidence lies in ``[low, high)`` (the last bin includes 1.0)."""

    low: float
    high: float
    n: int
    mean_confidence: float
    accuracy: float


@attrs.frozen(kw_only=True)
class GroupRow:
    """The predictions with one value of a field (``rule="verb"``): how many, how right, how sure."""

    value: str
    n: int
    matched: float  # share paired with a gold quote (precision at partial@0.3)
    right: float  # share paired and with the speaker right (end-to-end precision)
    mean_confidence: float


@attrs.frozen(kw_only=True)
class Calibration:
    """A reliability table, its expected calibration error, and the quotes above a threshold.

    Attributes:
        bins: the reliability table, lowest confidence first.
        n: the quotes scored.
        ece: the expected calibration error over :attr:`bins`.
        threshold: the confidence of :attr:`precision_above` (0.9 by default).
        n_above: the quotes with a confidence at least :attr:`threshold`.
        precision_above: the share of them that is right.
        share_above: ``n_above / n``.
        by: the field of the predictions :attr:`groups` breaks them down by, or ``None``.
        groups: one row per value of :attr:`by`, most frequent first.
    """

    bins: tuple[ReliabilityBin, ...]
    n: int
    ece: float
    threshold: float
    n_above: int
    precision_above: float
    share_above: float
    by: str | None = None
    groups: tuple[GroupRow, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready numbers."""
        return attrs.asdict(self)

    def format_table(self) -> str:
        """The reliability table and the summary, as fixed-width text."""
        lines = ["confidence      n  mean conf  right"]
        for row in self.bins:
            lines.append(
                f"{row.low:.1f}-{row.high:.1f} {row.n:8d} {row.mean_confidence:10.3f} "
                f"{row.accuracy:6.3f}"
            )
        lines.append(
            f"ECE {self.ece:.3f} over {len(self.bins)} bins, {self.n} quotes; "
            f"confidence >= {self.threshold}: {self.n_above} quotes "
            f"({self.share_above:.1%}), {self.precision_above:.3f} right"
        )
        if self.by is not None:
            lines.append(f"\n{self.by:<14} {'n':>6} matched  right  mean conf")
            lines.extend(
                f"{row.value:<14} {row.n:6d} {row.matched:7.3f} {row.right:6.3f} "
                f"{row.mean_confidence:10.3f}"
                for row in self.groups
            )
        return "\n".join(lines)


def calibration(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]] | Mapping[Any, Iterable[Quote | Mapping[str, Any]]],
    *,
    kinds: Iterable[str] | None = None,
    n_bins: int = 10,
    threshold: float = 0.9,
    by: str | None = None,
) -> Calibration:
    """The calibration of the predictions' ``confidence`` against ``gold``.

    Args:
        gold, predicted, kinds: as for :func:`quotelib.evaluate`; every
            scored prediction must have a ``confidence``.
        n_bins: the number of equal-width bins of the reliability table.
        threshold: the confidence above which precision is reported.
        by: a field of the predictions (``"rule"``, ``"kind"``,
            ``"speaker_resolution"``) to break precision and confidence down by.

    Raises:
        ValueError: a scored prediction has no confidence, or as
            :func:`quotelib.evaluate`.
    """
    predicted = _by_id(predicted)
    verdicts = judge(gold, predicted, kinds=kinds)
    pairs, groups = [], {}
    for doc_id, found in verdicts.items():
        for number, (quote, verdict) in enumerate(zip(predicted.get(doc_id, ()), found)):
            if verdict is None:
                continue
            data = quote.to_dict() if isinstance(quote, Quote) else quote
            confidence = data.get("confidence")
            if confidence is None:
                msg = f"predicted document {doc_id!r} quote {number} has no 'confidence'"
                raise ValueError(msg)
            pairs.append((confidence, verdict.right))
            if by is not None:
                groups.setdefault(str(data.get(by)), []).append((confidence, verdict))
    result = calibration_of(pairs, n_bins=n_bins, threshold=threshold)
    if by is None:
        return result
    return attrs.evolve(result, by=by, groups=_group_rows(groups))


def _group_rows(groups: Mapping[str, list[tuple[float, Any]]]) -> tuple[GroupRow, ...]:
    rows = [
        GroupRow(
            value=value,
            n=len(found),
            matched=ratio(sum(v.matched for _, v in found), len(found)),
            right=ratio(sum(v.right for _, v in found), len(found)),
            mean_confidence=ratio(sum(c for c, _ in found), len(found)),
        )
        for value, found in groups.items()
    ]
    return tuple(sorted(rows, key=lambda row: (-row.n, row.value)))


def calibration_of(
    pairs: Iterable[tuple[float, bool]], *, n_bins: int = 10, threshold: float = 0.9
) -> Calibration:
    """The calibration of ``(confidence, right)`` pairs."""
    if not isinstance(n_bins, int) or isinstance(n_bins, bool) or n_bins < 1:
        msg = f"'n_bins' must be a positive int (got {n_bins!r})"
        raise ValueError(msg)
    pairs = list(pairs)
    bins = []
    for index in range(n_bins):
        low, high = index / n_bins, (index + 1) / n_bins
        inside = [(c, r) for c, r in pairs if low <= c < high or (index == n_bins - 1 and c == 1)]
        bins.append(
            ReliabilityBin(
                low=low,
                high=high,
                n=len(inside),
                mean_confidence=ratio(sum(c for c, _ in inside), len(inside)),
                accuracy=ratio(sum(r for _, r in inside), len(inside)),
            )
        )
    ece = sum(b.n * abs(b.mean_confidence - b.accuracy) for b in bins) / max(len(pairs), 1)
    above = [right for confidence, right in pairs if confidence >= threshold]
    return Calibration(
        bins=tuple(bins),
        n=len(pairs),
        ece=ece,
        threshold=threshold,
        n_above=len(above),
        precision_above=ratio(sum(above), len(above)),
        share_above=ratio(len(above), len(pairs)),
    )


def _by_id(predicted: Any) -> dict[Any, list[Any]]:
    if isinstance(predicted, Mapping):
        return {doc_id: list(quotes) for doc_id, quotes in predicted.items()}
    return {doc["id"]: list(doc["quotes"]) for doc in predicted}

"""Scores of groups of quotes: by a field of the gold quotes, or of the predicted ones.

``evaluate(..., by=FIELD)`` groups the gold quotes by their value of a field
(:class:`Breakdown`: the recall, speaker, name and addressee accuracy of each
value, as for the quote types of the annotated novels); ``evaluate(...,
by_prediction=FIELD)`` groups the predicted quotes by theirs
(:class:`PredictionBreakdown`: the precision of each value, as for
:attr:`quotelib.Quote.cue_class`). Both count the ``partial@0.3`` pairs of
:func:`quotelib.evaluate`. The fixed-width tables of the scores are drawn here
too (:func:`fixed_table`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

__all__ = [
    "Breakdown",
    "BreakdownRow",
    "PredictionBreakdown",
    "PredictionRow",
    "UNKNOWN",
    "breakdown_header",
    "fixed",
    "fixed_table",
    "ratio",
]

#: The breakdown's value for quotes without the field (or with it null).
UNKNOWN = "unknown"
#: The counts of a :class:`BreakdownRow`, the rates read off them.
_ROW_COUNTS = (
    "n_gold",
    "tp",
    "speaker_right",
    "speaker_total",
    "name_right",
    "end_to_end_tp",
    "addressee_right",
    "addressee_given",
    "addressee_total",
)
#: The counts of a :class:`PredictionRow`.
_PREDICTION_COUNTS = ("n_pred", "tp", "speaker_right", "speaker_total", "end_to_end_tp")


class _ByValue:
    """What both breakdowns share: rows by value, looked up, written out, drawn as a table.

    A subclass is an attrs record of ``field`` and ``rows``, and names the quotes it
    groups (``_QUOTES``) and the columns of its rows' cells (``_COLUMNS``).
    """

    __slots__ = ()
    field: str
    rows: tuple[Any, ...]
    _QUOTES: ClassVar[str]
    _COLUMNS: ClassVar[tuple[str, ...]]

    def of(self, value: str) -> Any:
        """The row of ``value``; a ``KeyError`` naming the values there are otherwise."""
        for row in self.rows:
            if row.value == value:
                return row
        values = [r.value for r in self.rows]
        msg = f"no {self._QUOTES} quote has {self.field!r} {value!r} (values: {values!r})"
        raise KeyError(msg)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the field, and each value's numbers under its name."""
        values = {row.value: attrs.asdict(row, filter=_not_value) for row in self.rows}
        return {"field": self.field, "values": values}

    def format_table(self) -> str:
        """One line per value, its cells after the value."""
        header = [self.field, *self._COLUMNS]
        return fixed_table(header, [[r.value, *r.cells()] for r in self.rows])


def _counts_by_value(
    counts: Mapping[str, Mapping[str, int]], names: tuple[str, ...]
) -> list[tuple[str, dict[str, int]]]:
    """Each value with its counts (absent ones 0), sorted, ``"unknown"`` last."""
    values = sorted(counts, key=lambda v: (v == UNKNOWN, v))
    return [(value, {name: counts[value].get(name, 0) for name in names}) for value in values]


@attrs.frozen(kw_only=True)
class BreakdownRow:
    """The scores of the gold quotes whose breakdown field has one value.

    Attributes:
        value: the field's value (``"unknown"`` for quotes without it).
        n_gold: gold quotes with this value (those with words).
        tp, recall: how many (and what share) a prediction matches at ``partial@0.3``.
        speaker_right, speaker_total, speaker_accuracy: as in :class:`Evaluation`,
            over the matched quotes with this value whose gold quote has a speaker.
        name_right, name_accuracy: likewise, the resolved ``speaker_name`` alone.
        end_to_end_tp, end_to_end_recall: quotes matched with the speaker right.
        addressee_right, addressee_given, addressee_total, addressee_accuracy,
            addressee_coverage: as in :class:`~quotelib.Evaluation`, over the
            matched quotes with this value whose gold quote names an addressee.
    """

    value: str
    n_gold: int
    tp: int
    recall: float
    speaker_right: int
    speaker_total: int
    speaker_accuracy: float
    name_right: int
    name_accuracy: float
    end_to_end_tp: int
    end_to_end_recall: float
    addressee_right: int = 0
    addressee_given: int = 0
    addressee_total: int = 0
    addressee_accuracy: float = 0.0
    addressee_coverage: float = 0.0

    def cells(self, *, addressees: bool = False) -> list[str]:
        """The row of a breakdown table: gold, R@.3, speaker, name, E2E R, and with
        ``addressees`` the addressee accuracy and coverage."""
        spoken = [self.speaker_accuracy, self.name_accuracy] if self.speaker_total else None
        heard = [self.addressee_accuracy, self.addressee_coverage] if self.addressee_total else None
        return [
            str(self.n_gold),
            fixed(self.recall) if self.n_gold else "-",
            *(map(fixed, spoken) if spoken else ["-", "-"]),
            fixed(self.end_to_end_recall) if self.n_gold else "-",
            *((map(fixed, heard) if heard else ["-", "-"]) if addressees else []),
        ]


@attrs.frozen(kw_only=True)
class Breakdown(_ByValue):
    """Recall, speaker, name and addressee accuracy of the gold quotes, by the value of
    one field.

    Attributes:
        field: the gold quotes' field (``"pdnc_quote_type"``, ``"relation"``, ...).
        rows: one per value, sorted, ``"unknown"`` (field absent or null) last.
    """

    field: str
    rows: tuple[BreakdownRow, ...]
    _QUOTES: ClassVar[str] = "gold"
    _COLUMNS: ClassVar[tuple[str, ...]] = ("gold", "R@.3", "speaker", "name", "E2E R")
    _HEARD: ClassVar[tuple[str, ...]] = ("addressee", "given")

    @property
    def heard(self) -> bool:
        """Whether a gold quote of the rows names an addressee."""
        return any(row.addressee_total for row in self.rows)

    def format_table(self) -> str:
        """One line per value, its cells after the value; the addressee columns when
        gold quotes name addressees."""
        heard = self.heard
        rows = [[r.value, *r.cells(addressees=heard)] for r in self.rows]
        return fixed_table(breakdown_header(self.field, addressees=heard), rows)

    @classmethod
    def from_counts(cls, field: str, counts: Mapping[str, Mapping[str, int]]) -> Breakdown:
        """The rows of each value's counts (``n_gold``, ``tp``, ``speaker_total``, ...).

        Examples:
            >>> table = Breakdown.from_counts("type", {"Implicit": {"n_gold": 4, "tp": 1}})
            >>> table.of("Implicit").recall, table.of("Implicit").speaker_accuracy
            (0.25, 0.0)
        """
        rows = []
        for value, n in _counts_by_value(counts, _ROW_COUNTS):
            rows.append(
                BreakdownRow(
                    value=value,
                    **n,
                    recall=ratio(n["tp"], n["n_gold"]),
                    speaker_accuracy=ratio(n["speaker_right"], n["speaker_total"]),
                    name_accuracy=ratio(n["name_right"], n["speaker_total"]),
                    end_to_end_recall=ratio(n["end_to_end_tp"], n["n_gold"]),
                    addressee_accuracy=ratio(n["addressee_right"], n["addressee_total"]),
                    addressee_coverage=ratio(n["addressee_given"], n["addressee_total"]),
                )
            )
        return cls(field=field, rows=tuple(rows))


def breakdown_header(field: str, *, addressees: bool = False) -> list[str]:
    """The header of a table of :class:`BreakdownRow` cells, after the field's own column;
    with ``addressees``, that of their addressee columns too."""
    return [field, *Breakdown._COLUMNS, *(Breakdown._HEARD if addressees else ())]


@attrs.frozen(kw_only=True)
class PredictionRow:
    """The scores of the predicted quotes whose breakdown field has one value.

    Attributes:
        value: the field's value (``"unknown"`` for quotes without it).
        n_pred: predicted quotes with this value (of the kinds scored).
        tp, precision: how many (and what share) match a gold quote at ``partial@0.3``.
        speaker_right, speaker_total, speaker_accuracy: as in
            :class:`~quotelib.Evaluation`, over the matched quotes with this
            value whose gold quote has a speaker.
        end_to_end_tp, end_to_end_precision: quotes matched with the speaker right.
    """

    value: str
    n_pred: int
    tp: int
    precision: float
    speaker_right: int
    speaker_total: int
    speaker_accuracy: float
    end_to_end_tp: int
    end_to_end_precision: float

    def cells(self) -> list[str]:
        """The row of a breakdown table: predicted, P@.3, speaker, E2E P."""
        return [
            str(self.n_pred),
            fixed(self.precision) if self.n_pred else "-",
            fixed(self.speaker_accuracy) if self.speaker_total else "-",
            fixed(self.end_to_end_precision) if self.n_pred else "-",
        ]


@attrs.frozen(kw_only=True)
class PredictionBreakdown(_ByValue):
    """Precision of the predicted quotes, by the value of one of their fields.

    Attributes:
        field: the predicted quotes' field (``"cue_class"``, ``"rule"``, ...).
        rows: one per value, sorted, ``"unknown"`` (field absent or null) last.
    """

    field: str
    rows: tuple[PredictionRow, ...]
    _QUOTES: ClassVar[str] = "predicted"
    _COLUMNS: ClassVar[tuple[str, ...]] = ("pred", "P@.3", "speaker", "E2E P")

    @classmethod
    def from_counts(
        cls, field: str, counts: Mapping[str, Mapping[str, int]]
    ) -> PredictionBreakdown:
        """The rows of each value's counts (``n_pred``, ``tp``, ``speaker_total``, ...).

        Examples:
            >>> table = PredictionBreakdown.from_counts("rule", {"verb": {"n_pred": 4, "tp": 3}})
            >>> table.of("verb").precision, table.of("verb").n_pred
            (0.75, 4)
        """
        rows = []
        for value, n in _counts_by_value(counts, _PREDICTION_COUNTS):
            rows.append(
                PredictionRow(
                    value=value,
                    **n,
                    precision=ratio(n["tp"], n["n_pred"]),
                    speaker_accuracy=ratio(n["speaker_right"], n["speaker_total"]),
                    end_to_end_precision=ratio(n["end_to_end_tp"], n["n_pred"]),
                )
            )
        return cls(field=field, rows=tuple(rows))


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def fixed(number: float) -> str:
    """A rate as printed in the tables: three decimals."""
    return f"{number:.3f}"


def _not_value(attribute: attrs.Attribute, value: Any) -> bool:
    return attribute.name != "value"


def fixed_table(header: list[str], rows: list[list[Any]]) -> str:
    """A fixed-width table: left-aligned first column, right-aligned others, one space apart."""
    lines = [header, *([str(cell) for cell in row] for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        " ".join([line[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(line[1:], widths[1:])])
        for line in lines
    )

"""Which quotes a command keeps: ``--cue-class`` and ``--min-confidence``.

A filter leaves every record answered: a record left with no quote is still
written, with an empty list, as a record with no quotes is, so nothing goes
missing without a trace.

Examples:
    >>> import quotelib
    >>> quotes = quotelib.extract_quotes("He denied that he knew. She said it was late.")
    >>> [q.cue.text for q in Keep.from_options("denial,concession", None).quotes(quotes)]
    ['denied']
    >>> Keep.from_options(None, 1.0).quotes(quotes)
    []
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import attrs
import typer

from quotelib.lexicon import CUE_CLASSES
from quotelib.records import Quote

__all__ = ["CUE_CLASS_HELP", "Keep", "MIN_CONFIDENCE_HELP"]

CUE_CLASS_HELP = (
    "Keep only the quotes whose cue is of these classes, comma-separated "
    f"({', '.join(CUE_CLASSES)}); quotes without a cue are left out."
)
MIN_CONFIDENCE_HELP = (
    "Keep only the quotes whose confidence (the probability that the record is right, "
    "see docs/confidence.md) is at least this, between 0 and 1."
)

_Record = TypeVar("_Record")


@attrs.frozen(kw_only=True)
class Keep:
    """The quotes a command keeps: of some cue classes, at some confidence (all by default)."""

    classes: frozenset[str] | None = None
    min_confidence: float | None = None

    @classmethod
    def from_options(cls, cue_class: str | None, min_confidence: float | None) -> Keep:
        """The filter of the options; a bad value stops the run (exit status 2).

        Raises:
            typer.BadParameter: a class that does not exist, or a confidence
                outside [0, 1].
        """
        classes = None
        if cue_class is not None:
            classes = frozenset(name.strip() for name in cue_class.split(",") if name.strip())
            unknown = sorted(classes - set(CUE_CLASSES))
            if unknown or not classes:
                got = f"got {', '.join(map(repr, unknown))}" if unknown else f"got {cue_class!r}"
                msg = f"must be one or more of {', '.join(CUE_CLASSES)}, comma-separated ({got})"
                raise typer.BadParameter(msg, param_hint="--cue-class")
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            msg = f"must be between 0 and 1 (got {min_confidence!r})"
            raise typer.BadParameter(msg, param_hint="--min-confidence")
        return cls(classes=classes, min_confidence=min_confidence)

    def options(self) -> dict[str, Any]:
        """The filter as options of a run's ``--resume`` record (none when it keeps all)."""
        found: dict[str, Any] = {}
        if self.classes is not None:
            found["cue_class"] = sorted(self.classes)
        if self.min_confidence is not None:
            found["min_confidence"] = self.min_confidence
        return found

    def keeps(self, quote: Quote) -> bool:
        """Whether ``quote`` passes the filter."""
        if self.classes is not None and quote.cue_class not in self.classes:
            return False
        return self.min_confidence is None or (quote.confidence or 0.0) >= self.min_confidence

    def quotes(self, quotes: Sequence[Quote]) -> list[Quote]:
        """The quotes that pass, in their order."""
        return [quote for quote in quotes if self.keeps(quote)]

    def results(
        self, results: Iterator[tuple[Any, str | None, _Record]]
    ) -> Iterator[tuple[Any, str | None, _Record]]:
        """Each record's answer with only the quotes that pass: every record still answered."""
        if not self.options():
            yield from results
            return
        for quotes, error, record in results:
            yield (quotes if quotes is None else self.quotes(quotes)), error, record

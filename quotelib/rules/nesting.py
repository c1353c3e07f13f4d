"""One attribution per content: those said inside another's content, or repeating it, dropped.

An attribution whose cue (or speaker) sits inside another one's content is
part of what that other one reports ("Putin said Xi told him that ..." is
Putin's), and of two attributions claiming one content the one with a
speaker, then the longer, is kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView

__all__ = ["drop_nested"]


def drop_nested(view: DocView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """Keep the outer of two attributions when one sits in the other's content.

    The kept attributions are returned in their input order. Each is
    compared only with the attributions that overlap where it is said and
    what it says (:class:`_Spans`), so the cost grows with the number of
    overlapping pairs, not with the square of the number of attributions.
    """
    spans = _Spans(attributions)
    kept = []
    for attribution in attributions:
        anchor = _anchor(view, attribution)
        low, high = min(anchor, attribution.start), max(anchor + 1, attribution.end)
        if not any(
            other is not attribution and _nested_in(attribution, anchor, other)
            for other in spans.overlapping(low, high)
        ):
            kept.append(attribution)
    return kept


class _Spans:
    """Attributions found by the range they span, grouped by the length of that range.

    Group ``k`` holds the ranges no longer than ``2**k`` characters, sorted by
    start; a range overlapping ``[low, high)`` starts in ``[low - 2**k, high)``,
    which a bisection finds.
    """

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        groups: dict[int, list[Attribution]] = {}
        for attribution in attributions:
            size = max(1, attribution.end - attribution.start)
            groups.setdefault((size - 1).bit_length(), []).append(attribution)
        self._groups = [
            (1 << k, [a.start for a in members], members)
            for k, members in ((k, sorted(g, key=lambda a: a.start)) for k, g in groups.items())
        ]

    def overlapping(self, low: int, high: int) -> Iterator[Attribution]:
        """The attributions whose range shares a character with ``[low, high)``."""
        for longest, starts, members in self._groups:
            first = bisect.bisect_left(starts, low - longest)
            for attribution in members[first : bisect.bisect_left(starts, high)]:
                if attribution.end > low:
                    yield attribution


def _anchor(view: DocView, attribution: Attribution) -> int:
    """Where an attribution is said: its cue, else its speaker, else its content."""
    if attribution.cue is not None:
        return attribution.cue[0]
    if attribution.speaker is not None:
        return view.doc[attribution.speaker].idx
    return attribution.start


def _nested_in(inner: Attribution, anchor: int, outer: Attribution) -> bool:
    """Whether ``inner``, said at ``anchor``, sits in ``outer``'s content or repeats it."""
    if not outer.start <= anchor < outer.end and (
        inner.end <= outer.start or outer.end <= inner.start
    ):
        return False  # neither said inside nor sharing a character: most pairs
    inside = any(start <= anchor < end for start, end in outer.parts)
    if not inside:
        return _same_content(inner, outer)
    # Mutual nesting ("A, he said, B" parsed both ways): the longer content wins.
    return not _mutually_nested(inner, outer) or inner.length < outer.length


def _mutually_nested(first: Attribution, second: Attribution) -> bool:
    if second.cue is None:
        return False
    return any(start <= second.cue[0] < end for start, end in first.parts)


def _same_content(first: Attribution, second: Attribution) -> bool:
    if first.end <= second.start or second.end <= first.start:
        return False  # no character in common (parts are sorted)
    shared = sum(
        max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in first.parts for s2, e2 in second.parts
    )
    if shared * 2 <= min(first.length, second.length):
        return False
    # Two cues claim one content: keep the one with a speaker, then the longer.
    return _rank(first) < _rank(second)


def _rank(attribution: Attribution) -> tuple:
    """Which of two attributions of one content to keep: the one with a speaker,
    the longer, the earlier, then the one whose cue comes first (never a tie)."""
    cue = attribution.cue[0] if attribution.cue is not None else -1
    speaker = attribution.speaker if attribution.speaker is not None else -1
    return (
        attribution.speaker is not None,
        attribution.length,
        -attribution.start,
        -cue,
        -speaker,
        attribution.rule,
    )

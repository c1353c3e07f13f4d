"""Sorted character ranges answering "is this offset inside?" in logarithmic time.

Long texts hold thousands of quotations; asking every token whether it sits
inside one of them must not cost a pass over all of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Ranges:
    """A set of character ranges ``[start, end)``, merged where they overlap.

    Examples:
        >>> quoted = Ranges([(10, 20), (5, 12), (30, 40)])
        >>> quoted.spans
        [(5, 20), (30, 40)]
        >>> quoted.contains(19), quoted.contains(20), quoted.contains(35)
        (True, False, True)
        >>> quoted.overlapping(18, 31)
        [(5, 20), (30, 40)]
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.spans = merge(r for r in ranges if r[0] < r[1])
        self._starts = [start for start, _ in self.spans]

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the ranges."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that share at least one character with ``[start, end)``."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        found = []
        while index < len(self.spans) and self.spans[index][0] < end:
            if self.spans[index][1] > start:
                found.append(self.spans[index])
            index += 1
        return found


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges, those that overlap or touch joined into one.

    Examples:
        >>> merge([(5, 8), (0, 2), (2, 3), (7, 9)])
        [(0, 3), (5, 9)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either edge of ``text[start:end]``.

    Examples:
        >>> strip_space("  said  ", 0, 8)
        (2, 6)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

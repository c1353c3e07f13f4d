"""Quotes as a readable fixed-width table, for terminals and docs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from quotelib.records import Quote

_COLUMNS = (("kind", 8), ("speaker", 22), ("cue", 14), ("content", 60))


def format_table(quotes: Sequence[Quote], *, width: int = 60) -> str:
    """One row per quote: kind, speaker (name), cue and content, wrapped.

    Examples:
        >>> import quotelib
        >>> quotes = quotelib.extract_quotes("Xi stated that the situation has become turbulent.")
        >>> print(format_table(quotes))
        kind     speaker                cue            content
        -------- ---------------------- -------------- ------------------------------------------------------------
        indirect Xi                     stated         the situation has become turbulent
    """
    widths = [w for _, w in _COLUMNS[:-1]] + [width]
    lines = [_row([name for name, _ in _COLUMNS], widths), _row(["-" * w for w in widths], widths)]
    for quote in quotes:
        speaker = "-" if quote.speaker is None else quote.speaker.text
        if quote.speaker_name and quote.speaker is not None and quote.speaker_name != speaker:
            speaker = f"{speaker} ({quote.speaker_name})"
        cue = "-" if quote.cue is None else quote.cue.text
        content = " … ".join(" ".join(part.text.split()) for part in quote.content_parts)
        wrapped = textwrap.wrap(content, width) or [""]
        lines.append(_row([quote.kind, speaker, cue, wrapped[0]], widths))
        lines.extend(_row(["", "", "", more], widths) for more in wrapped[1:])
    return "\n".join(lines)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    cells = [cell if len(cell) <= w else cell[: w - 1] + "…" for cell, w in zip(cells, widths)]
    return " ".join(cell.ljust(w) for cell, w in zip(cells, widths)).rstrip()

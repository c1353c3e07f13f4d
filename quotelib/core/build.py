"""The last stage: attributions as :class:`~quotelib.records.Quote` records.

Content parts that only quote marks or punctuation separate on one line are
joined, each part is stripped of surrounding whitespace and quote marks, and
the quote's kind is told by how much of it lies inside quotation marks.
Every offset indexes the caller's string (:attr:`quotelib.document.view.DocView.text`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotelib.document.attribution import Attribution, SpeakerName
from quotelib.document.syntax import mention_span
from quotelib.document.view import DocView
from quotelib.records import Quote, TextSpan
from quotelib.text.marks import DOUBLE_MARK_CHARS, MARK_CHARS
from quotelib.text.ranges import Ranges, strip_space

__all__ = ["build_quotes"]


def build_quotes(
    view: DocView,
    attributions: Sequence[Attribution],
    speakers: Sequence[SpeakerName | None],
    addressees: Sequence[SpeakerName | None] | None = None,
) -> list[Quote]:
    """One quote per attribution with words left, in text order.

    ``speakers`` are the resolved speakers of the attributions, in their
    order; ``None`` for an attribution left unresolved, whose speaker name is
    then the mention as written. ``addressees`` are their resolved
    addressees likewise (:func:`quotelib.entities.addressees.resolve_addressees`); when
    none are given, an addressee's name is the mention as written if it is a
    proper name, else ``None``.
    """
    if addressees is None:
        addressees = [None] * len(attributions)
    quotes = []
    for attribution, speaker, addressee in zip(attributions, speakers, addressees):
        quote = _to_quote(view, attribution, speaker)
        if quote is not None and attribution.addressee is not None:
            quote = attrs.evolve(quote, **_addressee(view, attribution.addressee, addressee))
        if quote is not None:
            quotes.append(quote)
    return sorted(quotes, key=lambda q: (q.content.start, q.content.end))


def _addressee(view: DocView, token: int, resolved: SpeakerName | None) -> dict:
    """The addressee mention, and its name: the resolved one, else a proper name as written."""
    if resolved is not None:
        name = None if resolved.how == "unresolved" else resolved.name
        return {
            "addressee": TextSpan.from_offsets(view.text, *resolved.mention),
            "addressee_name": name,
        }
    mention = mention_span(view.doc[token])
    span = TextSpan.from_offsets(view.text, mention.start_char, mention.end_char)
    return {
        "addressee": span,
        "addressee_name": span.text if view.doc[token].pos_ == "PROPN" else None,
    }


def _to_quote(
    view: DocView, attribution: Attribution, resolved: SpeakerName | None
) -> Quote | None:
    text = view.text
    parts = _join_adjacent(text, attribution.parts)
    parts = [p for p in (_strip(text, start, end) for start, end in parts) if p]
    if not parts:
        return None
    content_parts = tuple(TextSpan.from_offsets(text, s, e) for s, e in parts)
    if len(content_parts) == 1:
        content = content_parts[0]  # the same frozen record: no need to build it twice
    else:
        content = TextSpan.from_offsets(text, parts[0][0], parts[-1][1])
    speaker = cue = name = key = how = None
    if attribution.speaker is not None and resolved is None:
        mention = mention_span(view.doc[attribution.speaker])
        speaker = TextSpan.from_offsets(text, mention.start_char, mention.end_char)
        name = speaker.text
    elif attribution.speaker is not None:
        speaker = TextSpan.from_offsets(text, *resolved.mention)
        name, key, how = resolved.name, resolved.key, resolved.how
    if attribution.cue is not None:
        cue = TextSpan.from_offsets(text, *attribution.cue)
    return Quote(
        kind=_kind(text, parts, view.quoted),
        content=content,
        content_parts=content_parts,
        speaker=speaker,
        cue=cue,
        speaker_name=name,
        speaker_id=key,
        speaker_resolution=how,
        rule=attribution.rule,
        cue_class=attribution.cue_class if cue is not None else None,
    )


def _join_adjacent(text: str, parts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join parts that only quote marks or punctuation separate on one line."""
    joined: list[tuple[int, int]] = []
    for start, end in parts:
        if joined:
            gap = text[joined[-1][1] : start]
            if "\n" not in gap and not any(map(str.isalnum, gap)):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range without surrounding whitespace and quote marks; None if no word is left.

    A mark is surrounding when both ends have one, or when it is a double mark
    left without its partner inside the range; ``the plan was "reckless"``
    keeps its closing mark.
    """
    start, end = strip_space(text, start, end)
    while end - start >= 2:
        lead, trail = text[start] in MARK_CHARS, text[end - 1] in MARK_CHARS
        if lead and trail:
            start, end = strip_space(text, start + 1, end - 1)
        elif lead and _odd_doubles(text, start, end):
            start, end = strip_space(text, start + 1, end)
        elif trail and _odd_doubles(text, start, end):
            start, end = strip_space(text, start, end - 1)
        else:
            break
    if not any(map(str.isalnum, text[start:end])):
        return None
    return start, end


def _odd_doubles(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an odd number of double quote marks."""
    return sum(text.count(mark, start, end) for mark in DOUBLE_MARK_CHARS) % 2 == 1


def _kind(text: str, parts: list[tuple[int, int]], quoted: Ranges) -> str:
    """Direct when every letter or digit is inside quote marks, indirect when none is.

    Every part holds a letter or digit (:func:`_strip`), so only a part that
    a quotation covers in part needs its letters counted.
    """
    inside = outside = False
    for start, end in parts:
        overlapping = quoted.overlapping(start, end)
        if not overlapping:
            outside = True
        elif any(s <= start and end <= e for s, e in overlapping):
            inside = True
        else:
            letters = _count_alnum(text, start, end)
            within = sum(_count_alnum(text, max(s, start), min(e, end)) for s, e in overlapping)
            inside = inside or within > 0
            outside = outside or letters > within
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def _count_alnum(text: str, start: int, end: int) -> int:
    """The number of letters and digits in ``text[start:end]``."""
    return sum(map(str.isalnum, text[start:end]))

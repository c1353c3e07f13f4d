"""Plain-data records returned by quotelib.

Records hold only strings, integers and tuples (never spaCy objects), so they
pickle, compare, hash, print deterministically and convert with
:func:`attrs.asdict`. Every offset indexes the caller's original string:
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from typing import Any

import attrs

KINDS = ("direct", "indirect", "mixed")


def _check_offsets(instance: TextSpan, attribute: attrs.Attribute, value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        msg = (
            f"'start' and 'end' must satisfy 0 <= start <= end "
            f"(got start={instance.start!r}, end={instance.end!r})"
        )
        raise ValueError(msg)
    if len(instance.text) != instance.end - instance.start:
        msg = (
            f"'text' must be as long as end - start = {instance.end - instance.start} "
            f"(got {instance.text!r} of length {len(instance.text)})"
        )
        raise ValueError(msg)


@attrs.frozen(kw_only=True, order=True)
class TextSpan:
    """A piece of the caller's text with its character offsets.

    Examples:
        >>> text = "Xi stated that ties are strong."
        >>> span = TextSpan.from_offsets(text, 3, 9)
        >>> span
        TextSpan(start=3, end=9, text='stated')
        >>> text[span.start:span.end] == span.text
        True
        >>> span.to_list()
        [3, 9]
    """

    start: int = attrs.field(validator=attrs.validators.instance_of(int))
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_offsets])
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    @classmethod
    def from_offsets(cls, text: str, start: int, end: int) -> TextSpan:
        """Build the span ``text[start:end]``, checking that the offsets fit ``text``."""
        if not 0 <= start <= end <= len(text):
            msg = f"offsets ({start}, {end}) do not fit a text of length {len(text)}"
            raise ValueError(msg)
        return cls(start=start, end=end, text=text[start:end])

    def to_list(self) -> list[int]:
        """The offsets as a JSON-ready ``[start, end]`` list."""
        return [self.start, self.end]


def _span_or_none(span: TextSpan | None) -> list[int] | None:
    return None if span is None else span.to_list()


def _text_or_none(span: TextSpan | None) -> str | None:
    return None if span is None else span.text


@attrs.frozen(kw_only=True)
class Quote:
    """One attribution: who said (or wrote, or believes) what.

    Attributes:
        kind: ``"direct"`` (every word inside quote marks), ``"indirect"``
            (no quote marks) or ``"mixed"`` (reported speech with quoted
            fragments).
        content: the quoted or reported words, from the first part's start
            to the last part's end, without the surrounding quote marks.
        content_parts: the pieces of the content; ``"A," he said, "B."`` is
            one quote with two parts.
        speaker: the speaker mention as written (``"He"``), or ``None`` when
            the text names no source ("it was reported that ...").
        cue: the words that introduce the content (``"said"``,
            ``"according to"``, ``"called for"``), or ``None``.
        speaker_name: the speaker's name; the mention's text until speakers
            are resolved to names, ``None`` without a speaker.

    Examples:
        >>> import quotelib
        >>> text = 'Xi stated that the situation has become turbulent.'
        >>> [quote] = quotelib.extract_quotes(text)
        >>> quote.kind, quote.speaker.text, quote.cue.text
        ('indirect', 'Xi', 'stated')
        >>> quote.content.text
        'the situation has become turbulent'
        >>> quote.to_dict()["content"]
        [15, 49]
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    content: TextSpan
    content_parts: tuple[TextSpan, ...] = attrs.field(converter=tuple)
    speaker: TextSpan | None = None
    cue: TextSpan | None = None
    speaker_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data in the schema of the annotated news corpus.

        Offsets are ``[start, end]`` lists; ``*_text`` fields hold the words.
        """
        return {
            "kind": self.kind,
            "content": self.content.to_list(),
            "content_parts": [part.to_list() for part in self.content_parts],
            "speaker": _span_or_none(self.speaker),
            "cue": _span_or_none(self.cue),
            "content_text": self.content.text,
            "speaker_text": _text_or_none(self.speaker),
            "cue_text": _text_or_none(self.cue),
            "speaker_name": self.speaker_name,
        }

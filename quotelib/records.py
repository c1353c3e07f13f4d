"""Plain-data records returned by quotelib.

Records hold only strings, integers and tuples (never spaCy objects), so they
pickle, compare, hash, print deterministically and convert with
:func:`attrs.asdict`. Every offset indexes the caller's original string:
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from quotelib.lexicon import CUE_CLASSES

KINDS = ("direct", "indirect", "mixed")
#: How a speaker mention was resolved to a name: by its own name, a surname
#: alone, a pronoun, a role ("the spokesman"); anonymous sources ("officials")
#: and mentions left as written.
RESOLUTIONS = ("name", "surname", "pronoun", "role", "anonymous", "unresolved")


def _check_span(instance: TextSpan, attribute: attrs.Attribute, value: str) -> None:
    """All of a span's checks in one validator, run once its three fields are set.

    The types first, in field order, with the messages of attrs'
    ``instance_of``; then the offsets, and the text's length against them.
    """
    for name, got, kind in (("start", instance.start, int), ("end", instance.end, int)):
        if not isinstance(got, kind):
            msg = f"'{name}' must be {kind!r} (got {got!r} that is a {got.__class__!r})."
            raise TypeError(msg)
    if not isinstance(value, str):
        msg = f"'text' must be {str!r} (got {value!r} that is a {value.__class__!r})."
        raise TypeError(msg)
    if instance.start < 0 or instance.end < instance.start:
        msg = (
            f"'start' and 'end' must satisfy 0 <= start <= end "
            f"(got start={instance.start!r}, end={instance.end!r})"
        )
        raise ValueError(msg)
    if len(value) != instance.end - instance.start:
        msg = (
            f"'text' must be as long as end - start = {instance.end - instance.start} "
            f"(got {value!r} of length {len(value)})"
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

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)

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


def _check_probability(instance: Quote, attribute: attrs.Attribute, value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"'confidence' must be a float (got {value!r} that is a {value.__class__!r})"
        raise TypeError(msg)
    if not 0.0 <= value <= 1.0:
        msg = f"'confidence' must be in [0, 1] (got {value!r})"
        raise ValueError(msg)


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
        speaker_id: a stable identifier of the speaker within its document
            (``None`` without a speaker).
        speaker_resolution: how the speaker mention was resolved, one of
            :data:`RESOLUTIONS` (``None`` without a speaker).
        addressee: the mention of the person spoken to, as written
            (``"him"``, ``"his sister"``, ``"reporters"``, a vocative's
            ``"Edward"``), or ``None`` (see :mod:`quotelib.rules.addressee`).
        addressee_name: the addressee's name when it is resolved to one
            (``"him"`` -> ``"Edward Leamer"``), ``None`` when it is not.
        rule: the pattern that found the quote, one of
            :data:`quotelib.document.attribution.RULES` ("verb", "direct", "narrative",
            ...): filter on it to keep the patterns you trust.
        confidence: the probability that the record is right, its content
            an annotated attribution's and its speaker the right one
            (:mod:`quotelib.core.confidence`), or ``None`` on a record built by hand.
        cue_class: what the cue says about the speech act, a key of
            :data:`quotelib.CUE_CLASSES`: ``"neutral"`` ("said", "according
            to"), ``"assertion"`` ("claimed"), ``"concession"`` ("admitted"),
            ``"denial"`` ("denied"), ``"question"``, ``"directive"``
            ("urged", "vowed"), ``"evaluation"`` ("praised"), ``"cognition"``
            ("believes"), ``"evidence"`` ("a poll shows") or ``"writing"``
            ("tweeted"); ``None`` exactly when the quote has no cue (a turn of
            dialogue, a dashed source).

    Examples:
        >>> import quotelib
        >>> text = 'Xi stated that the situation has become turbulent.'
        >>> [quote] = quotelib.extract_quotes(text)
        >>> quote.kind, quote.speaker.text, quote.cue.text
        ('indirect', 'Xi', 'stated')
        >>> quote.content.text
        'the situation has become turbulent'
        >>> quote.to_dict()["content"], quote.cue_class
        ([15, 49], 'neutral')
        >>> quotelib.extract_quotes("He denied that the talks had failed.")[0].cue_class
        'denial'
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    content: TextSpan
    content_parts: tuple[TextSpan, ...] = attrs.field(converter=tuple)
    speaker: TextSpan | None = None
    cue: TextSpan | None = None
    speaker_name: str | None = None
    speaker_id: str | None = None
    speaker_resolution: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(RESOLUTIONS))
    )
    rule: str | None = None
    cue_class: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(tuple(CUE_CLASSES)))
    )
    addressee: TextSpan | None = None
    addressee_name: str | None = None
    confidence: float | None = attrs.field(default=None, validator=_check_probability)

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
            "speaker_id": self.speaker_id,
            "speaker_resolution": self.speaker_resolution,
            "rule": self.rule,
            "cue_class": self.cue_class,
            "addressee": _span_or_none(self.addressee),
            "addressee_text": _text_or_none(self.addressee),
            "addressee_name": self.addressee_name,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str) -> Quote:
        """Rebuild a quote from :meth:`to_dict` data and the text it indexes.

        Examples:
            >>> import quotelib
            >>> text = "Xi stated that the situation has become turbulent."
            >>> [quote] = quotelib.extract_quotes(text)
            >>> Quote.from_dict(quote.to_dict(), text) == quote
            True
        """

        def span(offsets: list[int] | None) -> TextSpan | None:
            return None if offsets is None else TextSpan.from_offsets(text, *offsets)

        return cls(
            kind=data["kind"],
            content=span(data["content"]),
            content_parts=tuple(span(part) for part in data["content_parts"]),
            speaker=span(data.get("speaker")),
            cue=span(data.get("cue")),
            speaker_name=data.get("speaker_name"),
            speaker_id=data.get("speaker_id"),
            speaker_resolution=data.get("speaker_resolution"),
            rule=data.get("rule"),
            addressee=span(data.get("addressee")),
            addressee_name=data.get("addressee_name"),
            confidence=data.get("confidence"),
            cue_class=data.get("cue_class"),
        )

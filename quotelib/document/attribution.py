"""The records the stages pass on: an attribution found on the parse, and the name its
speaker resolved to, on plain offsets.

Each stage of :func:`quotelib.core.attribute` takes attributions and returns
new ones (:func:`attrs.evolve`); none is changed in place. They hold only
integers and strings, the tokens as indices into the document's ``Doc``, so
that a stage's output can be compared, sorted and tested without a parse.
"""

from __future__ import annotations

import attrs

from quotelib.lexicon import CUE_CLASSES

__all__ = ["Attribution", "RULES", "SpeakerName"]

#: The rules that find attributions, by the name an :class:`Attribution` carries.
RULES = {
    "verb": "a cue verb and its reported content ('Xi stated that ...')",
    "according-to": "'according to' and its source",
    "noun": "a cue noun with a that-clause ('the claim that ...')",
    "adjective": "a cue adjective with its complement ('confident that ...')",
    "colon": "a name and a colon ('Trump: My plans are set')",
    "transcript": "a turn of a transcript after its speaker label ('MAYOR: Well, ...')",
    "direct": "a quotation joined to a cue verb ('\"...,\" he said')",
    "direct-noun": "a quotation joined to a cue noun ('in a statement: \"...\"')",
    "dash": "a quotation and a dashed source ('\"...\" — Janet Yellen')",
    "carried": "a quote paragraph that carries on the previous paragraph's speaker",
    "narrative": "a quotation said by the person subject of a narrative sentence beside it",
    "alternation": "a quote paragraph of a two-person exchange: the turn before the last",
    "vocative": "a turn of a two-person exchange that addresses the other person by name",
    "utterance": "someone's words with no cue and no speaker the conversation tells",
}


def _parts(value: object) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for start, end in value)  # type: ignore[attr-defined]


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said what, as a stage found it (internal).

    Attributes:
        parts: the content's character ranges, sorted and disjoint.
        rule: the rule that found it, a key of :data:`RULES`.
        cue: the character range of the cue words, or ``None``.
        cue_token: the index of the cue's head token, or ``None``.
        speaker: the index of the speaker's head token, or ``None``.
        cue_class: the cue's class, a key of :data:`quotelib.lexicon.CUE_CLASSES`
            (what the cue says about the speech act: ``"denial"`` for "denied"), or
            ``None`` without a cue; it becomes :attr:`quotelib.Quote.cue_class`.
        addressee: the index of the head token of the person spoken to, or
            ``None`` (:mod:`quotelib.rules.addressee`).

    Examples:
        >>> found = Attribution(parts=[(15, 49)], rule="verb", cue=(3, 9), cue_token=1, speaker=0)
        >>> found.start, found.end, found.length
        (15, 49, 34)
    """

    parts: tuple[tuple[int, int], ...] = attrs.field(converter=_parts)
    rule: str = attrs.field(validator=attrs.validators.in_(RULES))
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker: int | None = None
    cue_class: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(tuple(CUE_CLASSES)))
    )
    addressee: int | None = None

    @property
    def start(self) -> int:
        """Where the content starts (its first part)."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Where the content ends (its last part)."""
        return self.parts[-1][1]

    @property
    def length(self) -> int:
        """The number of characters in the content's parts."""
        return sum(end - start for start, end in self.parts)


@attrs.frozen
class SpeakerName:
    """The name an attribution's speaker resolved to, and how.

    Attributes:
        mention: the character range of the speaker mention as written.
        name: the speaker's name ("Vladimir Putin"), or the mention as written.
        key: the speaker's identifier in the document ("vladimir-putin").
        how: one of :data:`quotelib.records.RESOLUTIONS`.
    """

    mention: tuple[int, int]
    name: str
    key: str
    how: str

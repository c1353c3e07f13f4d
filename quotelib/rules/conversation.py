"""The state of one document's conversation while its cue-less utterances are read.

:func:`quotelib.rules.dialogue.converse` reads the quotations no cue reaches,
one by one, and each one it attributes or joins becomes part of what the next
is read against. :class:`Conversation` holds that: which attribution owns
each quotation, who spoke where, and the convention the document's turns
follow (:meth:`Conversation.alternates`). The rules of
:mod:`quotelib.rules.dialogue` and :mod:`quotelib.rules.turns` ask it
questions by its methods and never read its fields.

Examples:
    >>> import quotelib
    >>> from quotelib.rules.direct import attach_quotations
    >>> text = '"We will win," he said.\\n\\n"We will never give up."'
    >>> view = DocView.build(quotelib.load_pipeline()(text))
    >>> talk = Conversation(view, attach_quotations(view, []))
    >>> talk.paragraph_of(1), talk.quotations_in(1), talk.owner(1)
    (1, range(1, 2), None)
    >>> view.doc[talk.last_speaker_in(0)].text, talk.alternates()
    ('he', False)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
from spacy.tokens import Span

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView
from quotelib.lexicon import SECOND_PERSON
from quotelib.rules.direct import quotation_owners
from quotelib.rules.person import known_same, same_person
from quotelib.rules.utterance import opens_paragraph
from quotelib.text.marks import Quotation
from quotelib.text.ranges import merge

__all__ = ["Conversation", "turns_alternate"]

# How many paragraphs back the people of an exchange are looked for.
_EXCHANGE_PARAGRAPHS = 6
# The share of a document's quotations that address a listener, from which its quote
# paragraphs are taken for the turns of a conversation when its cues do not tell.
_ADDRESSING_SHARE = 0.3


class Conversation:
    """The state of one document's conversation while its utterances are read.

    Quotations are numbered as in ``view.outer``, attributions in the order they
    were found (those given first, then those :meth:`add` adds), paragraphs as
    in ``view.layout``.

    Attributes:
        view: the document.
    """

    def __init__(self, view: DocView, attributions: Sequence[Attribution]) -> None:
        self.view = view
        self._found = list(attributions)
        self._owner = quotation_owners(view.outer, [q.start for q in view.outer], self._found)
        self._joined: dict[int, list[int]] = {}  # attribution -> the quotations joined to it
        self._cues = {a.cue_token: n for n, a in enumerate(self._found) if a.cue_token is not None}
        self._alternate = turns_alternate(view, self._owner, self._found)
        # The paragraph of each quotation: never decreasing, as the quotations are in order.
        self._paragraphs = [view.layout.paragraph(q.start) for q in view.outer]
        self._last_speaker: dict[int, tuple[int, int]] = {}  # paragraph -> (anchor, speaker)
        self._said: list[tuple[int, int]] = []  # (anchor, speaker) of every speaker, in order
        for attribution in self._found:
            self._note(attribution)

    def alternates(self) -> bool:
        """Whether the document's quote paragraphs take turns between speakers (a
        conversation) rather than go on with one (news): :func:`turns_alternate`, decided
        once on the attributions the conversation started with."""
        return self._alternate

    def paragraph_of(self, index: int) -> int:
        """The paragraph of quotation ``index`` (the one it opens in)."""
        return self._paragraphs[index]

    def quotations_in(self, paragraph: int) -> range:
        """The quotations opening in ``paragraph``, in order (empty when it has none)."""
        return range(
            bisect.bisect_left(self._paragraphs, paragraph),
            bisect.bisect_right(self._paragraphs, paragraph),
        )

    def has_quotation(self, paragraph: int) -> bool:
        """Whether a quotation opens in ``paragraph``."""
        return bool(self.quotations_in(paragraph))

    def owner(self, index: int) -> int | None:
        """The attribution that owns quotation ``index``, if any."""
        return self._owner.get(index)

    def speaker_of(self, index: int) -> int | None:
        """The speaker of the attribution that owns quotation ``index``, if any."""
        number = self._owner.get(index)
        return None if number is None else self._found[number].speaker

    def attribution_speaker(self, number: int) -> int | None:
        """The speaker of attribution ``number``, if it has one."""
        return self._found[number].speaker

    def cued_in(self, sentence: Span) -> int | None:
        """The attribution whose cue is a token of ``sentence`` (the first such token's)."""
        return next(
            (self._cues[i] for i in range(sentence.start, sentence.end) if i in self._cues), None
        )

    def speaker_in(self, paragraph: int) -> int | None:
        """The speaker of the first attributed quotation of ``paragraph``, if any."""
        for index in self.quotations_in(paragraph):
            speaker = self.speaker_of(index)
            if speaker is not None:
                return speaker
        return None

    def last_speaker_in(self, paragraph: int) -> int | None:
        """The speaker of the attribution said last in ``paragraph`` (by its cue, else its
        start), if any."""
        last = self._last_speaker.get(paragraph)
        return None if last is None else last[1]

    def participants(self, offset: int) -> list[int]:
        """The last two people who spoke before ``offset``, in the last few paragraphs
        (speaker tokens, one per person), latest first."""
        found: list[int] = []
        layout = self.view.layout
        paragraph = layout.paragraph(offset)
        for anchor, speaker in reversed(self._said[: bisect.bisect_left(self._said, (offset, -1))]):
            if paragraph - layout.paragraph(anchor) > _EXCHANGE_PARAGRAPHS:
                break
            if all(not same_person(self.view, speaker, other) for other in found):
                found.append(speaker)
                if len(found) == 2:
                    break
        return found

    def speakers_around(self, offset: int, count: int) -> list[int]:
        """The speakers of up to ``count`` attributions said before ``offset``, nearest
        first, then of up to ``count`` said from it on, nearest first."""
        at = bisect.bisect_left(self._said, (offset, -1))
        before = reversed(self._said[max(0, at - count) : at])
        return [speaker for _, speaker in [*before, *self._said[at : at + count]]]

    def add(self, index: int, attribution: Attribution) -> None:
        """Quotation ``index`` said by a new attribution."""
        self._owner[index] = len(self._found)
        self._found.append(attribution)
        self._note(attribution)

    def join(self, index: int, number: int) -> None:
        """Quotation ``index`` joined to attribution ``number`` as another of its parts."""
        self._owner[index] = number
        self._joined.setdefault(number, []).append(index)

    def attributions(self) -> list[Attribution]:
        """Every attribution, with the quotations joined to it, in text order (new records)."""
        outer = self.view.outer
        final = [
            _joined(a, [outer[i] for i in self._joined.get(n, ())])
            for n, a in enumerate(self._found)
        ]
        return sorted(final, key=lambda a: a.start)

    def _note(self, attribution: Attribution) -> None:
        if attribution.speaker is None:
            return
        anchor = attribution.cue[0] if attribution.cue is not None else attribution.start
        paragraph = self.view.layout.paragraph(anchor)
        if self._last_speaker.get(paragraph, (-1, 0))[0] < anchor:
            self._last_speaker[paragraph] = (anchor, attribution.speaker)
        bisect.insort(self._said, (anchor, attribution.speaker))


def _joined(attribution: Attribution, quotations: list[Quotation]) -> Attribution:
    if not quotations:
        return attribution
    parts = merge([*attribution.parts, *(part for q in quotations for part in q.parts)])
    return attrs.evolve(attribution, parts=parts)


def turns_alternate(view: DocView, owner: dict[int, int], found: Sequence[Attribution]) -> bool:
    """Whether this document's quote paragraphs take turns between speakers (a
    conversation) rather than go on with one (a speech quoted at length, as in news).

    The document's own attributed quote paragraphs tell, in each run of
    consecutive quote paragraphs (cue-less ones included, as turns of
    unknown speaker): a speaker who comes back two paragraphs later (A, B, A
    or A, ?, A) is a conversation's return; one who keeps the next paragraph
    (A, A) is a speech going on. Turns alternate when returns are at least
    two and no fewer than keeps. Two pronouns of the same form ("he", "he")
    are not known to be one person (:func:`quotelib.rules.person.known_same`),
    and count for neither.

    Args:
        view: the document.
        owner: which attribution of ``found`` owns each quotation of ``view.outer``.
        found: the attributions.
    """
    returns = keeps = 0
    run: list[int | None] = []  # speakers of the consecutive quote paragraphs up to here
    last_paragraph = None
    for index, quotation in enumerate(view.outer):
        if not opens_paragraph(view, quotation.start):
            continue
        paragraph = view.layout.paragraph(quotation.start)
        speaker = found[owner[index]].speaker if index in owner else None
        if last_paragraph != paragraph - 1:
            run = []
        if speaker is not None:
            before = run[-1] if run else None
            two_before = run[-2] if len(run) >= 2 else None
            if before is not None and known_same(view, before, speaker):
                keeps += 1
            elif two_before is not None and known_same(view, two_before, speaker):
                returns += 1
        run.append(speaker)
        last_paragraph = paragraph
    if keeps > returns:
        return False
    return returns >= 2 or _addresses_listeners(view)


def _addresses_listeners(view: DocView) -> bool:
    """Whether the document's utterances speak to someone present, as a conversation's
    do: of its quotations of three words or more (at least three of them), a share of
    :data:`_ADDRESSING_SHARE` or more ask a question or say "you"."""
    doc, said = view.doc, 0
    addressing = 0
    for quotation in view.outer:
        inside = doc.char_span(
            quotation.content_start, quotation.content_end, alignment_mode="contract"
        )
        if inside is None or sum(t.is_alpha for t in inside) < 3:
            continue
        said += 1
        addressing += any(t.lower_ in SECOND_PERSON or t.text == "?" for t in inside)
    return said >= 3 and addressing >= _ADDRESSING_SHARE * said

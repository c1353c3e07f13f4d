"""Conversations: the quotations with no cue of their own, and who says them.

A quotation that no cue reaches (:mod:`quotelib.rules.direct`) is still someone's
words when it is an utterance (:func:`is_utterance`: it stands as a sentence
of its own, and says something) rather than a scare quote, a title or a
name. Its speaker follows from the conversation, by these rules, the surest
first, each a small function of its own:

1. ``narrative``: a narrative sentence of the same paragraph whose subject
   is a person (``Mrs Harlow stood by the window. "What a dreadful morning."``);
2. a quotation of the same paragraph that has a speaker, whose words these
   are too: the quotation becomes another part of that attribution
   (``"A," she said. "B."``);
3. the turns of the conversation, in one of two conventions the document
   shows: ``carried``, the previous quote paragraph's speaker goes on (news:
   ``"...," said the mayor.`` then a paragraph ``"..."``), or
   ``alternation``, two speakers take turns (fiction: a new paragraph is a
   new speaker). The document's own attributed turns tell which: when
   consecutive quote paragraphs with cues change speaker more often than not,
   the turns alternate;
4. a name addressed in the quotation (a vocative: ``"..., Edward."``) is the
   person spoken to, never the speaker: a rule whose speaker it names gives
   way.

A quotation that no rule reaches keeps no speaker (rule ``utterance``):
quotelib does not guess below these rules.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from quotelib.document.animacy import can_speak
from quotelib.document.attribution import Attribution
from quotelib.document.cues import noun_class
from quotelib.document.syntax import NOMINAL_SUBJECTS, name_head
from quotelib.document.view import DocView
from quotelib.rules.conversation import Conversation
from quotelib.rules.person import is_one_of, is_person
from quotelib.rules.turns import turn
from quotelib.rules.utterance import addressees, is_utterance, person_subject, sentences_between

__all__ = ["converse"]

logger = logging.getLogger(__name__)


def converse(view: DocView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, with the cue-less utterances joined or attributed, in text order.

    Returns new records; ``attributions`` is left as it is.
    """
    talk = Conversation(view, attributions)
    for index, quotation in enumerate(view.outer):
        if talk.owner(index) is not None:
            continue
        if not is_utterance(view, quotation):
            logger.debug("quotation at %d is no utterance", quotation.start)
            continue
        neighbour = _neighbour_before(talk, index)
        if neighbour is None:
            rule, speaker = _speaker_of(talk, index)
            talk.add(index, Attribution(parts=quotation.parts, rule=rule, speaker=speaker))
        else:
            talk.join(index, neighbour)
    return talk.attributions()


def _speaker_of(talk: Conversation, index: int) -> tuple[str, int | None]:
    """The rule and speaker of a cue-less utterance that joins no neighbour, the surest first."""
    view, quotation = talk.view, talk.view.outer[index]
    found = (
        _colon_intro(talk, index)
        or _before_in_paragraph(talk, index)
        or _after_in_paragraph(talk, index)
    )
    if found is None:
        found = turn(talk, index)
    rule, speaker = found if found is not None else ("utterance", None)
    addressed = addressees(view, quotation)
    if speaker is not None and not is_one_of(view, speaker, addressed):
        return rule, speaker
    # No speaker, or the one named is spoken to: in a two-person exchange, the other one.
    pair = talk.participants(quotation.start)
    if len(pair) == 2 and addressed:
        spoken_to = [p for p in pair if is_one_of(view, p, addressed)]
        if len(spoken_to) == 1:
            return "vocative", next(p for p in pair if p != spoken_to[0])
    return ("utterance", None) if speaker is not None else (rule, speaker)


def _previous_in_paragraph(talk: Conversation, index: int) -> int | None:
    """The quotation before ``index`` in its paragraph, if any."""
    if index and talk.paragraph_of(index - 1) == talk.paragraph_of(index):
        return index - 1
    return None


def _neighbour_before(talk: Conversation, index: int) -> int | None:
    """The attribution of the quotation before, in the same paragraph, when it has a speaker
    and only its own attribution lies between: ``"A," she said. "B."`` is one quote."""
    previous = _previous_in_paragraph(talk, index)
    if previous is None or talk.speaker_of(previous) is None:
        return None
    view, number = talk.view, talk.owner(previous)
    between = sentences_between(view, view.outer[previous].end, view.outer[index].start)
    for sentence in between:
        cue = talk.cued_in(sentence)
        if cue is not None and cue != number:
            return None  # another attribution's sentence lies between
        if cue is None and person_subject(view, sentence) is not None:
            return None  # someone else acts between: "Tom shook his head."
    return number


def _colon_intro(talk: Conversation, index: int) -> tuple[str, int] | None:
    """The source of a colon that introduces the quotation within its sentence or paragraph:
    ``Abedin's succinct reply: "..."``, ``Trump deflected with a non sequitur: "..."``,
    ``- David Wasserman: "..."``."""
    view, quotation = talk.view, talk.view.outer[index]
    start = view.layout.start(talk.paragraph_of(index))
    before = view.text[start : quotation.start].rstrip()
    colon = view.doc.char_span(start + len(before) - 1, start + len(before))
    if not before.endswith(":") or colon is None:
        return None
    token = colon[0]
    sentence = view.sentences.of(token.i)
    for candidate in sentence:
        if candidate.i >= token.i:
            break
        if (
            candidate.dep_ == "poss"
            and noun_class(candidate.head) is not None
            and can_speak(candidate)
        ):
            return "colon", name_head(candidate).i  # "Abedin's reply:"
    subject = person_subject(view, sentence, speakers=True)
    if subject is None:  # the clause the colon ends, when the parse hangs it off the quotation
        subject = next(
            (
                name_head(child).i
                for child in token.head.lefts
                if child.dep_ in NOMINAL_SUBJECTS
                and (is_person(child) or (child.pos_ == "NOUN" and can_speak(child)))
            ),
            None,
        )
    if subject is not None and subject < token.i:
        return "colon", subject
    previous = view.doc[token.i - 1] if token.i > sentence.start else None
    if previous is not None and previous.pos_ == "PROPN":
        return "colon", name_head(previous).i  # "- David Wasserman:"
    return None


def _before_in_paragraph(talk: Conversation, index: int) -> tuple[str, int] | None:
    """The speaker told by the last sentence before the quotation in its paragraph: the
    person subject of a narrative sentence, or the speaker of an attribution's sentence."""
    view = talk.view
    previous = _previous_in_paragraph(talk, index)
    start = (
        view.outer[previous].end
        if previous is not None
        else view.layout.start(talk.paragraph_of(index))
    )
    between = sentences_between(view, start, view.outer[index].start)
    if not between:
        return None
    sentence = between[-1]
    cue = talk.cued_in(sentence)
    if cue is not None:
        speaker = talk.attribution_speaker(cue)
        return None if speaker is None else ("carried", speaker)
    subject = person_subject(view, sentence)
    return None if subject is None else ("narrative", subject)


def _after_in_paragraph(talk: Conversation, index: int) -> tuple[str, int] | None:
    """The person subject of the narrative sentence right after the quotation in its
    paragraph (``"What a morning." Mrs Harlow sighed.``), before any other quotation."""
    view, quotation = talk.view, talk.view.outer[index]
    following = view.outer[index + 1].start if index + 1 < len(view.outer) else len(view.text)
    closes_in = view.layout.paragraph(quotation.end - 1)  # a quotation may span paragraphs
    end = min(following, view.layout.end(closes_in))
    after = sentences_between(view, quotation.end, end)
    if not after or talk.cued_in(after[0]) is not None:
        return None
    subject = person_subject(view, after[0])
    return None if subject is None else ("narrative", subject)

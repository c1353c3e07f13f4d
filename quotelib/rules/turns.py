"""The turns of a conversation: whose turn a quote paragraph with no cue of its own is.

Two conventions, one per document (:func:`turns_alternate`): in news, a quote
paragraph carries on the speaker of the previous one (``carried``); in a
conversation, two people take turns (``alternation``), and a name addressed
in a turn (a vocative) tells who answers. :func:`turn` is the rule
:mod:`quotelib.rules.dialogue` asks last, after the narrative around the quotation.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView
from quotelib.lexicon import SECOND_PERSON, SPEAKING_PRONOUNS
from quotelib.rules.utterance import (
    opens_paragraph,
    paragraph_start,
    person_subject,
    same_person,
    sentences_between,
    vocatives,
)

if TYPE_CHECKING:
    from quotelib.rules.dialogue import Conversation

__all__ = ["turn", "turns_alternate"]

# The share of a document's quotations that address a listener, from which its quote
# paragraphs are taken for the turns of a conversation when its cues do not tell.
_ADDRESSING_SHARE = 0.3
# How many turns away, each side, an alternation looks for a known speaker.
_TURNS_AWAY = 10
# How many speakers each side of a vocative are searched for the one it names.
_RECENT_SPEAKERS = 50
# How far back (in tokens) the narrative is searched for a mention of an addressed name.
_MENTION_REACH = 3000


def turn(talk: Conversation, index: int) -> tuple[str, int] | None:
    """The speaker by the turns of the conversation, for a quotation opening its paragraph."""
    view, quotation = talk.view, talk.view.outer[index]
    paragraph = talk.paragraph(quotation)
    if not opens_paragraph(view, quotation.start):
        return None
    if talk.alternate:
        return _alternation(talk, paragraph) or _introduced(talk, paragraph)
    if paragraph == 0:
        return None
    if not _answers(talk, paragraph - 1):
        last = talk.last_speaker.get(paragraph - 1)
        if last is None or not (_is_quote_paragraph(talk, paragraph - 1) or _names(view, last[1])):
            return _introduced(talk, paragraph)  # "the statistics show ..." goes on in no quotation
        return "carried", last[1]
    # A question is answered by the other one of an exchange.
    pair = talk.participants(quotation.start)
    last = talk.last_speaker.get(paragraph - 1)
    if len(pair) == 2 and last is not None and same_person(view, pair[0], last[1]):
        return "alternation", pair[1]
    return _introduced(talk, paragraph)


def _introduced(talk: Conversation, paragraph: int) -> tuple[str, int] | None:
    """The person subject of the last sentence of the narrative paragraph right before,
    which introduces the speaker (``Stephen put down his cup.`` then ``"..."``)."""
    view = talk.view
    previous = paragraph - 1
    if previous < 0 or previous in talk.first_quotation:
        return None
    sentences = sentences_between(view, view.layout.start(previous), view.layout.end(previous))
    subject = person_subject(view, sentences[-1]) if sentences else None
    return None if subject is None else ("narrative", subject)


def _alternation(talk: Conversation, paragraph: int) -> tuple[str, int] | None:
    """The speaker of a turn of a conversation, from the turns around it (the paragraphs
    with a quotation next to it; a paragraph without one ends the run), the surest first:

    1. the person the turn before addresses answers (``"..., Tom?"`` then Tom's turn),
       and the turn after addresses the one who spoke this one;
    2. the speaker of the nearest turn two, four, ... turns away, before or after
       (A, B, *A*, B);
    3. the other of the exchange's two people, from the nearest known turn an odd
       number of turns away.
    """
    view = talk.view
    before, after = _turns(talk, paragraph, -1), _turns(talk, paragraph, 1)
    for other in before[:1] + after[:1]:
        named = _vocative_in(talk, other)
        if named is not None:
            return "vocative", named
    same_side = [
        speaker
        for distance in range(1, _TURNS_AWAY, 2)
        for side in (before, after)
        if distance < len(side) and (speaker := _speaker_in(talk, side[distance])) is not None
    ]
    # A name rather than "she" or "the girl", which resolve less surely, nearest first.
    named = next((s for s in same_side if view.doc[s].pos_ == "PROPN"), None)
    if named is not None or same_side:
        return "alternation", named if named is not None else same_side[0]
    for distance in range(0, _TURNS_AWAY, 2):
        for side in (before, after):
            speaker = _speaker_in(talk, side[distance]) if distance < len(side) else None
            if speaker is None:
                continue
            pair = talk.participants(
                paragraph_start(view, view.outer[talk.first_quotation[paragraph]].start)
            )
            others = [p for p in pair if not same_person(view, p, speaker)]
            if len(pair) == 2 and len(others) == 1:
                return "alternation", others[0]
            return None
    return None


def _turns(talk: Conversation, paragraph: int, step: int) -> list[int]:
    """The paragraphs of the turns before (``step`` -1) or after (1) ``paragraph``,
    nearest first, up to :data:`_TURNS_AWAY`, while each paragraph holds a quotation."""
    found: list[int] = []
    current = paragraph + step
    while 0 <= current <= len(talk.view.layout.breaks) and len(found) < _TURNS_AWAY:
        if current not in talk.first_quotation:
            break
        found.append(current)
        current += step
    return found


def _speaker_in(talk: Conversation, paragraph: int) -> int | None:
    """The speaker of the first attributed quotation of a turn's paragraph, if any."""
    index = talk.first_quotation[paragraph]
    outer = talk.view.outer
    while index < len(outer) and talk.paragraph(outer[index]) == paragraph:
        speaker = talk.speaker_of(index)
        if speaker is not None:
            return speaker
        index += 1
    return None


def _vocative_in(talk: Conversation, paragraph: int) -> int | None:
    """The name a turn's first quotation addresses, when it is not that turn's speaker."""
    quotation = talk.view.outer[talk.first_quotation[paragraph]]
    names = vocatives(talk.view, quotation)
    speaker = _speaker_in(talk, paragraph)
    if len(names) != 1 or (speaker is not None and same_person(talk.view, speaker, names[0])):
        return None
    return _mention_outside(talk, names[0])


def _mention_outside(talk: Conversation, name: int) -> int | None:
    """A mention of the person a vocative names, outside every quotation (a speaker is
    never a word of someone's quotation): the speaker of that name nearest before it,
    else after it, else the nearest mention of it in the narrative before, within
    :data:`_MENTION_REACH` tokens.
    """
    view = talk.view
    at = bisect.bisect_left(talk.said, (view.doc[name].idx, -1))
    nearest = [*reversed(talk.said[max(0, at - _RECENT_SPEAKERS) : at])]
    for _, speaker in nearest + talk.said[at : at + _RECENT_SPEAKERS]:
        if same_person(view, speaker, name):
            return speaker
    word = view.doc[name].lower_
    for i in range(name - 1, max(-1, name - _MENTION_REACH), -1):
        token = view.doc[i]
        if token.lower_ == word and token.pos_ == "PROPN" and not view.marks.contains(token.idx):
            return i
    return None


def _is_quote_paragraph(talk: Conversation, paragraph: int) -> bool:
    """Whether ``paragraph`` opens with a quotation."""
    first = talk.first_quotation.get(paragraph)
    return first is not None and opens_paragraph(talk.view, talk.view.outer[first].start)


def _names(view: DocView, speaker: int) -> bool:
    """Whether a speaker token is a person's name or pronoun, not "the report" or "a survey"."""
    token = view.doc[speaker]
    return token.pos_ == "PROPN" or token.lower_ in SPEAKING_PRONOUNS


def _answers(talk: Conversation, paragraph: int) -> bool:
    """Whether ``paragraph`` is a quote paragraph whose last quotation asks a question."""
    if not _is_quote_paragraph(talk, paragraph):
        return False
    last = talk.first_quotation[paragraph]
    while (
        last + 1 < len(talk.view.outer) and talk.paragraph(talk.view.outer[last + 1]) == paragraph
    ):
        last += 1
    return talk.view.text[talk.view.outer[last].content_end - 1] == "?"


def turns_alternate(view: DocView, owner: dict[int, int], found: list[Attribution]) -> bool:
    """Whether this document's quote paragraphs take turns between speakers (a
    conversation) rather than go on with one (a speech quoted at length, as in news).

    The document's own attributed quote paragraphs tell, in each run of
    consecutive quote paragraphs (cue-less ones included, as turns of
    unknown speaker): a speaker who comes back two paragraphs later (A, B, A
    or A, ?, A) is a conversation's return; one who keeps the next paragraph
    (A, A) is a speech going on. Turns alternate when returns are at least
    two and no fewer than keeps. Two pronouns of the same form ("he", "he")
    are not known to be one person, and count for neither.
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
            if run and _known_same(view, run[-1], speaker):
                keeps += 1
            elif len(run) >= 2 and _known_same(view, run[-2], speaker):
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


def _known_same(view: DocView, first: int | None, second: int) -> bool:
    """Whether two speaker tokens are known to be one person: the same name, not two
    pronouns that may stand for two people."""
    if first is None or view.doc[second].pos_ == "PRON":
        return False
    return same_person(view, first, second)

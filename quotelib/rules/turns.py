"""The turns of a conversation: whose turn a quote paragraph with no cue of its own is.

Two conventions, one per document
(:meth:`~quotelib.rules.conversation.Conversation.alternates`): in news, a quote
paragraph carries on the speaker of the previous one (``carried``); in a
conversation, two people take turns (``alternation``), and a name addressed
in a turn (a vocative) tells who answers. :func:`turn` is the rule
:mod:`quotelib.rules.dialogue` asks last, after the narrative around the quotation.
"""

from __future__ import annotations

from quotelib.document.view import DocView
from quotelib.lexicon import SPEAKING_PRONOUNS
from quotelib.rules.conversation import Conversation
from quotelib.rules.person import person_key, same_person
from quotelib.rules.utterance import opens_paragraph, person_subject, sentences_between, vocatives

__all__ = ["turn"]

# How many turns away, each side, an alternation looks for a known speaker.
_TURNS_AWAY = 10
# How many speakers each side of a vocative are searched for the one it names.
_RECENT_SPEAKERS = 50
# How far back (in tokens) the narrative is searched for a mention of an addressed name.
_MENTION_REACH = 3000


def turn(talk: Conversation, index: int) -> tuple[str, int] | None:
    """The speaker by the turns of the conversation, for a quotation opening its paragraph."""
    view, quotation = talk.view, talk.view.outer[index]
    paragraph = talk.paragraph_of(index)
    if not opens_paragraph(view, quotation.start):
        return None
    if talk.alternates():
        return _alternation(talk, paragraph) or _introduced(talk, paragraph)
    if paragraph == 0:
        return None
    last = talk.last_speaker_in(paragraph - 1)
    if not _answers(talk, paragraph - 1):
        if last is None or not (_is_quote_paragraph(talk, paragraph - 1) or _names(view, last)):
            return _introduced(talk, paragraph)  # "the statistics show ..." goes on in no quotation
        return "carried", last
    # A question is answered by the other one of an exchange.
    pair = talk.participants(quotation.start)
    if len(pair) == 2 and last is not None and same_person(view, pair[0], last):
        return "alternation", pair[1]
    return _introduced(talk, paragraph)


def _introduced(talk: Conversation, paragraph: int) -> tuple[str, int] | None:
    """The person subject of the last sentence of the narrative paragraph right before,
    which introduces the speaker (``Stephen put down his cup.`` then ``"..."``)."""
    view = talk.view
    previous = paragraph - 1
    if previous < 0 or talk.has_quotation(previous):
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
        if distance < len(side) and (speaker := talk.speaker_in(side[distance])) is not None
    ]
    # A name rather than "she" or "the girl", which resolve less surely, nearest first.
    named = next((s for s in same_side if view.doc[s].pos_ == "PROPN"), None)
    if named is not None or same_side:
        return "alternation", named if named is not None else same_side[0]
    for distance in range(0, _TURNS_AWAY, 2):
        for side in (before, after):
            speaker = talk.speaker_in(side[distance]) if distance < len(side) else None
            if speaker is None:
                continue
            pair = talk.participants(view.layout.start(paragraph))
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
    while len(found) < _TURNS_AWAY and talk.has_quotation(current):
        found.append(current)
        current += step
    return found


def _vocative_in(talk: Conversation, paragraph: int) -> int | None:
    """The name a turn's first quotation addresses, when it is not that turn's speaker."""
    quotation = talk.view.outer[talk.quotations_in(paragraph)[0]]
    names = vocatives(talk.view, quotation)
    speaker = talk.speaker_in(paragraph)
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
    for speaker in talk.speakers_around(view.doc[name].idx, _RECENT_SPEAKERS):
        if same_person(view, speaker, name):
            return speaker
    # A mention in the narrative is any proper name spelled as the person's key: "Tom" of
    # "Tom Smith" too, whose key is "smith".
    word = person_key(view.doc[name])
    for i in range(name - 1, max(-1, name - _MENTION_REACH), -1):
        token = view.doc[i]
        if token.lower_ == word and token.pos_ == "PROPN" and not view.marks.contains(token.idx):
            return i
    return None


def _is_quote_paragraph(talk: Conversation, paragraph: int) -> bool:
    """Whether ``paragraph`` opens with a quotation."""
    quotations = talk.quotations_in(paragraph)
    return bool(quotations) and opens_paragraph(talk.view, talk.view.outer[quotations[0]].start)


def _names(view: DocView, speaker: int) -> bool:
    """Whether a speaker token is a person's name or pronoun, not "the report" or "a survey"."""
    token = view.doc[speaker]
    return token.pos_ == "PROPN" or token.lower_ in SPEAKING_PRONOUNS


def _answers(talk: Conversation, paragraph: int) -> bool:
    """Whether ``paragraph`` is a quote paragraph whose last quotation asks a question."""
    if not _is_quote_paragraph(talk, paragraph):
        return False
    last = talk.view.outer[talk.quotations_in(paragraph)[-1]]
    return talk.view.text[last.content_end - 1] == "?"

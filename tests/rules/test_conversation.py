"""The state of a conversation (quotelib.rules.conversation.Conversation): the questions
the rules of dialogue and turns ask it, on real dialogue shapes through the model."""

from __future__ import annotations

import pytest

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView
from quotelib.rules.conversation import Conversation
from quotelib.rules.direct import attach_quotations

# Quotation 0 said by Catherine in paragraph 0, a narrative paragraph 1, and two cue-less
# quotations, 1 and 2, in paragraph 2.
SCENE = '"We will win," said Catherine.\n\nThe crowd cheered.\n\n"We never lose." "Never."'


def _talk(nlp, text):
    view = DocView.build(nlp(text))
    return view, Conversation(view, attach_quotations(view, []))


def _text(view, token):
    return None if token is None else view.doc[token].text


def test_conversation_numbers_quotations_by_paragraph(nlp):
    view, talk = _talk(nlp, SCENE)
    assert [talk.paragraph_of(i) for i in range(len(view.outer))] == [0, 2, 2]
    assert list(talk.quotations_in(2)) == [1, 2]
    assert list(talk.quotations_in(1)) == []
    assert [talk.has_quotation(p) for p in (-1, 0, 1, 2, 3)] == [False, True, False, True, False]


def test_conversation_owner_and_speakers_of_quotations(nlp):
    view, talk = _talk(nlp, SCENE)
    assert talk.owner(0) == 0 and talk.owner(1) is None
    assert _text(view, talk.speaker_of(0)) == "Catherine"
    assert talk.speaker_of(1) is None
    assert _text(view, talk.attribution_speaker(0)) == "Catherine"
    assert _text(view, talk.speaker_in(0)) == "Catherine"
    assert talk.speaker_in(2) is None
    assert _text(view, talk.last_speaker_in(0)) == "Catherine"
    assert talk.last_speaker_in(2) is None


def test_conversation_cued_in_finds_the_sentence_of_a_cue(nlp):
    view, talk = _talk(nlp, SCENE)
    said, cheered = view.sentences.spans[0], view.sentences.spans[1]
    assert (said.text.strip(), talk.cued_in(said)) == ('"We will win," said Catherine.', 0)
    assert (cheered.text.strip(), talk.cued_in(cheered)) == ("The crowd cheered.", None)


def test_conversation_add_and_join_return_new_records(nlp):
    view = DocView.build(nlp(SCENE))
    given = attach_quotations(view, [])
    talk = Conversation(view, given)
    catherine = talk.speaker_of(0)
    talk.add(1, Attribution(parts=view.outer[1].parts, rule="carried", speaker=catherine))
    talk.join(2, 1)
    assert (talk.owner(1), talk.owner(2), talk.speaker_of(2)) == (1, 1, catherine)
    assert _text(view, talk.last_speaker_in(2)) == "Catherine"
    said = [(a.rule, [view.text[s:e] for s, e in a.parts]) for a in talk.attributions()]
    assert said == [("direct", ["We will win,"]), ("carried", ["We never lose.", "Never."])]
    assert len(given) == 1  # what the conversation started with is left as it was


TURNS = (
    '"You are late," said Catherine.\n\n"The roads were bad," said Henry.\n\n'
    '"Were they?" said Catherine.\n\n"Yes."'
)


def test_conversation_participants_are_the_last_two_people_latest_first(nlp):
    view, talk = _talk(nlp, TURNS)
    pair = talk.participants(view.outer[-1].start)
    assert [_text(view, p) for p in pair] == ["Catherine", "Henry"]
    assert pair[0] > pair[1]  # the Catherine of the third turn, not of the first
    assert talk.participants(0) == []


def test_conversation_participants_only_from_the_last_few_paragraphs(nlp):
    text = TURNS.replace('"Yes."', "They walked on.\n\n" * 7 + '"Yes."')
    view, talk = _talk(nlp, text)
    assert talk.participants(view.outer[-1].start) == []


def test_conversation_speakers_around_an_offset_nearest_first(nlp):
    view, talk = _talk(nlp, TURNS)
    middle = view.outer[1].start  # Henry's turn
    assert [_text(view, s) for s in talk.speakers_around(middle, 1)] == ["Catherine", "Henry"]
    assert [_text(view, s) for s in talk.speakers_around(middle, 5)] == [
        "Catherine",
        "Henry",
        "Catherine",
    ]


def _turns_of(*speakers):
    return "\n\n".join(f'"I see," said {speaker}.' for speaker in speakers)


# A, B, A, B: two returns.
EXCHANGE = _turns_of("Catherine", "Henry", "Catherine", "Henry") + "\n\nThey walked on.\n\n"


@pytest.mark.parametrize(
    "text, alternates",
    [
        (TURNS, False),  # one return (Catherine), fewer than two: a conversation not shown
        (EXCHANGE, True),
        (_turns_of("the mayor", "the mayor", "the mayor"), False),  # a speech going on
        # Then four turns of "he": not known to be one man, so no speech going on.
        (EXCHANGE + _turns_of(*["he"] * 4), True),
        # Then four turns of one name: three keeps outweigh the two returns.
        (EXCHANGE + _turns_of(*["Tom"] * 4), False),
    ],
    ids=["one-return", "two-returns", "speech", "pronouns-count-for-neither", "one-name-keeps"],
)
def test_conversation_alternates_when_the_attributed_turns_come_back(nlp, text, alternates):
    _, talk = _talk(nlp, text)
    assert talk.alternates() is alternates

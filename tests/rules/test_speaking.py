"""The rules give way when a cue's subject is no one (quotelib.rules.speaking), on invented
sentences through the default pipeline: fiction's thoughts, voices and habits speak no
one's words, news's reports and polls still do."""

from __future__ import annotations

import pytest

import quotelib


def _found(nlp, text):
    """What a reader checks of each quote: its speaker as written, and its content."""
    return [
        (q.speaker.text if q.speaker else None, q.content.text)
        for q in quotelib.extract_quotes(text, nlp=nlp)
    ]


FICTION = [
    ("person", '"I must go," the girl said.', [("the girl", "I must go,")]),
    ("description", '"Not today," his aunt said.', [("his aunt", "Not today,")]),
    ("inverted", '"Not today," cried the boy.', [("the boy", "Not today,")]),
    # A thought is no one: the quotation is left to the conversation, which names no one.
    ("thought", '"I must go," the thought whispered to her.', [(None, "I must go,")]),
    # A voice is no one, but its owner speaks through it.
    ("owned-voice", '"Not today," said her faint voice.', [("her", "Not today,")]),
    ("voice", '"Come in," called a voice from the hall.', [(None, "Come in,")]),
    ("eyes", '"We must leave," her eyes said.', [(None, "We must leave,")]),
    (
        "voice-then-person",
        '"Who is there?" a voice asked. "Only me," answered the girl.',
        [(None, "Who is there?"), ("the girl", "Only me,")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in FICTION], ids=[c[0] for c in FICTION])
def test_speaking_fiction_no_one_speaks_quotations(nlp, text, expected):
    assert _found(nlp, text) == expected


NEWS = [
    ("report", "The report said taxes would rise.", [("The report", "taxes would rise")]),
    (
        "statement",
        "The statement said the firm would appeal.",
        [("The statement", "the firm would appeal")],
    ),
    (
        "poll-share",
        "Forty percent of voters said taxes would rise.",
        [("Forty percent of voters", "taxes would rise")],
    ),
    ("data", "The data show that sales fell.", [("The data", "sales fell")]),
    (
        "according-to",
        "According to the report, taxes will rise.",
        [("the report", "taxes will rise")],
    ),
    ("no-source", "It was reported that taxes would rise.", [(None, "taxes would rise")]),
    (
        "referring-it",
        "The company said it would cut jobs. It said the cuts were needed.",
        [("The company", "it would cut jobs"), ("It", "the cuts were needed")],
    ),
    ("owned-tone", "Her answer's tone said that she was hurt.", [("Her", "she was hurt")]),
    # No one's words: the record is dropped.
    ("habit", "Her habit suggested calm.", []),
    ("demonstrative", "That suggested a change of heart.", []),
    ("place", "A street called to him that he should stay.", []),
    ("doubts", "Doubts assailed her that the plan would fail.", []),
    ("silence", "His silence implied that he agreed.", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in NEWS], ids=[c[0] for c in NEWS])
def test_speaking_news_reported_speech_keeps_its_sources(nlp, text, expected):
    assert _found(nlp, text) == expected

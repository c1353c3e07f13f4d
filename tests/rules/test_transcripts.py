"""Interview transcripts (quotelib.rules.transcripts): speaker labels and the turns they open.

Hand-built Docs for the rules that read the parse (labels, the people an introduction
names), then transcript shapes through the model: HOST and MAYOR, Q and A with the
interviewee named in the introduction, a lone headline colon, a colon that is no label.
"""

from __future__ import annotations

import pytest

import quotelib
from quotelib.rules.transcripts import find_labels, interview_people, read_transcripts
from tests.docs_by_hand import hand_view, texts

HOST_GUEST = "HOST: Hi there.\n\nGUEST: Hello back."
HOST_GUEST_ROWS = [
    ("HOST", 2, "dep", "PROPN", "NNP"),
    (":", 2, "punct", "PUNCT", ":"),
    ("Hi", 2, "ROOT", "INTJ", "UH"),
    ("there", 2, "advmod", "ADV", "RB"),
    (".", 2, "punct", "PUNCT", "."),
    ("\n\n", 4, "dep", "SPACE", "_SP"),
    ("GUEST", 8, "dep", "PROPN", "NNP"),
    (":", 8, "punct", "PUNCT", ":"),
    ("Hello", 8, "ROOT", "INTJ", "UH"),
    ("back", 8, "advmod", "ADV", "RB"),
    (".", 8, "punct", "PUNCT", "."),
]


def test_transcripts_labels_open_turns_by_hand():
    view = hand_view(HOST_GUEST, HOST_GUEST_ROWS)
    found = read_transcripts(view, [])
    assert [(a.rule, view.doc[a.speaker].text, texts(HOST_GUEST, a.parts)) for a in found] == [
        ("transcript", "HOST", ["Hi there."]),
        ("transcript", "GUEST", ["Hello back."]),
    ]
    assert [HOST_GUEST[slice(*a.cue)] for a in found] == [":", ":"]


def test_transcripts_one_word_label_in_title_case_must_be_a_noun_by_hand():
    text = "Remember: vote early.\n\nRemember: vote often."
    rows = [
        ("Remember", 0, "ROOT", "VERB", "VB"),
        (":", 0, "punct", "PUNCT", ":"),
        ("vote", 0, "ccomp", "VERB", "VB"),
        ("early", 2, "advmod", "ADV", "RB"),
        (".", 0, "punct", "PUNCT", "."),
        ("\n\n", 4, "dep", "SPACE", "_SP"),
        ("Remember", 6, "ROOT", "VERB", "VB"),
        (":", 6, "punct", "PUNCT", ":"),
        ("vote", 6, "ccomp", "VERB", "VB"),
        ("often", 8, "advmod", "ADV", "RB"),
        (".", 6, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows)
    assert find_labels(view) == []
    assert read_transcripts(view, []) == []


def test_transcripts_interview_people_spoke_with_by_hand():
    text = "Ann Lee spoke with Bo Chan."
    rows = [
        ("Ann", 1, "compound", "PROPN", "NNP"),
        ("Lee", 2, "nsubj", "PROPN", "NNP"),
        ("spoke", 2, "ROOT", "VERB", "VBD"),
        ("with", 2, "prep", "ADP", "IN"),
        ("Bo", 5, "compound", "PROPN", "NNP"),
        ("Chan", 3, "pobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows)
    assert interview_people(view, len(text)) == (1, 5)  # Lee asks, Chan answers


def test_transcripts_interview_people_passive_by_hand():
    text = "Bo Chan was interviewed by Ann Lee."
    rows = [
        ("Bo", 1, "compound", "PROPN", "NNP"),
        ("Chan", 3, "nsubjpass", "PROPN", "NNP"),
        ("was", 3, "auxpass", "AUX", "VBD"),
        ("interviewed", 3, "ROOT", "VERB", "VBN"),
        ("by", 3, "agent", "ADP", "IN"),
        ("Ann", 6, "compound", "PROPN", "NNP"),
        ("Lee", 4, "pobj", "PROPN", "NNP"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows)
    assert interview_people(view, len(text)) == (6, 1)


def _turns(text):
    return [
        (q.rule, q.speaker.text if q.speaker else None, q.speaker_name, q.content.text)
        for q in quotelib.extract_quotes(text)
    ]


def test_transcripts_host_and_mayor():
    text = (
        "HOST: Let us begin with the budget. Where do things stand?\n\n"
        "MAYOR: Well, the numbers were clear. We cut spending.\n\n"
        "HOST: And the schools?"
    )
    assert _turns(text) == [
        ("transcript", "HOST", "HOST", "Let us begin with the budget. Where do things stand?"),
        ("transcript", "MAYOR", "MAYOR", "Well, the numbers were clear. We cut spending."),
        ("transcript", "HOST", "HOST", "And the schools?"),
    ]


def test_transcripts_question_and_answer_take_the_people_of_the_introduction():
    text = (
        "Jane Doe, the mayor of Springfield, was interviewed by Tom Brown.\n\n"
        "Q: How is the budget?\n\n"
        "A: The numbers were clear. We cut spending, as the council said."
    )
    assert _turns(text) == [
        ("transcript", "Tom Brown", "Tom Brown", "How is the budget?"),
        (
            "transcript",
            "Jane Doe",
            "Jane Doe",
            "The numbers were clear. We cut spending, as the council said.",
        ),
    ]  # "as the council said" is the mayor's words: nested, dropped


def test_transcripts_question_and_answer_without_introduction_keep_their_labels():
    text = "Q: How is the budget?\n\nA: The numbers were clear."
    assert [(rule, speaker) for rule, speaker, _, _ in _turns(text)] == [
        ("transcript", "Q"),
        ("transcript", "A"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # one label: the headline colon stays the colon rule's
            "Trump: My plans are set in stone\n\nThe president said on Monday that he would stay.",
            [("colon", "Trump"), ("verb", "The president")],
        ),
        (  # "The rule:" opens a note, not a turn, even beside two labels
            "HOST: Where do things stand?\n\nThe rule: be kind to everyone you meet.\n\n"
            "MAYOR: The numbers were clear.",
            [("transcript", "HOST"), ("transcript", "MAYOR")],
        ),
        (  # a colon inside a paragraph is no label: it stays in the turn
            "HOST: What is your rule?\n\nMAYOR: I have one rule: be kind to everyone.",
            [("transcript", "HOST"), ("transcript", "MAYOR")],
        ),
        (  # datelines are no labels, and one label repeated is no exchange
            "BEIJING: Xi spoke to Putin.\n\nBEIJING: Putin spoke to Xi.\n\n"
            "HOST: Good morning.\n\nHOST: Welcome back.",
            [],
        ),
        (  # a book's header is no transcript
            "Title: Hard Times\nAuthor: Charles Dickens\n\nIt was a dull town.",
            [],
        ),
        (  # nor without a transcript
            "He gave one rule: be kind to everyone you meet.\n\nThe crowd was quiet.",
            [],
        ),
    ],
    ids=[
        "headline-colon",
        "the-rule-is-no-label",
        "colon-inside-turn",
        "dateline-and-one-label",
        "book-header",
        "colon-inside-paragraph",
    ],
)
def test_transcripts_what_is_no_transcript(text, expected):
    assert [(rule, speaker) for rule, speaker, _, _ in _turns(text)] == expected


def test_transcripts_titled_labels():
    text = "MR. SMITH: I was there all night.\n\nSen. Warren: You were not there at all."
    assert [(q.rule, q.speaker_name) for q in quotelib.extract_quotes(text)] == [
        ("transcript", "SMITH"),
        ("transcript", "Warren"),
    ]


def test_transcripts_replace_the_colon_rule_record():
    text = "Trump: My plans are set in stone.\n\nClinton: Mine are not."
    quotes = quotelib.extract_quotes(text)
    assert [(q.rule, q.speaker.text, q.content.text) for q in quotes] == [
        ("transcript", "Trump", "My plans are set in stone."),
        ("transcript", "Clinton", "Mine are not."),
    ]

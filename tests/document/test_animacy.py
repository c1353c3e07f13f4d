"""Who can speak (quotelib.document.animacy) on hand-built Docs (no model): people, groups,
documents and shares of people speak; things, abstractions, voices and dummy subjects do
not; a relative pronoun is what it stands for; a voice's owner speaks through it."""

from __future__ import annotations

import pytest

from quotelib.document.animacy import can_speak, is_dummy_subject, speaking_mention
from tests.docs_by_hand import hand_doc

# (text, rows, index of the token asked about, can it speak?)
CASES = [
    (
        "person-noun",
        "The girl said no.",
        [
            ("The", 1, "det", "DET", "DT"),
            ("girl", 2, "nsubj", "NOUN", "NN"),
            ("said", 2, "ROOT", "VERB", "VBD"),
            ("no", 2, "dobj", "INTJ", "UH"),
            (".", 2, "punct", "PUNCT", "."),
        ],
        1,
        True,
    ),
    (
        "abstraction-with-an-owner",
        "Her habit suggested calm.",
        [
            ("Her", 1, "poss", "PRON", "PRP$"),
            ("habit", 2, "nsubj", "NOUN", "NN"),
            ("suggested", 2, "ROOT", "VERB", "VBD"),
            ("calm", 2, "dobj", "NOUN", "NN"),
            (".", 2, "punct", "PUNCT", "."),
        ],
        1,
        False,
    ),
    (
        "place",
        "A street called him.",
        [
            ("A", 1, "det", "DET", "DT"),
            ("street", 2, "nsubj", "NOUN", "NN"),
            ("called", 2, "ROOT", "VERB", "VBD"),
            ("him", 2, "dobj", "PRON", "PRP"),
            (".", 2, "punct", "PUNCT", "."),
        ],
        1,
        False,
    ),
    (
        "plural-noun-opening-a-sentence",
        "Doubts assailed her.",
        [
            ("Doubts", 1, "nsubj", "NOUN", "NNS"),
            ("assailed", 1, "ROOT", "VERB", "VBD"),
            ("her", 1, "dobj", "PRON", "PRP"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        0,
        False,
    ),
    (
        "name-the-tagger-took-for-a-noun",
        "Trump said no.",
        [
            ("Trump", 1, "nsubj", "NOUN", "NN"),
            ("said", 1, "ROOT", "VERB", "VBD"),
            ("no", 1, "dobj", "INTJ", "UH"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        0,
        True,
    ),
    (
        "capitalised-creature",
        "Then the Rabbit spoke.",
        [
            ("Then", 3, "advmod", "ADV", "RB"),
            ("the", 2, "det", "DET", "DT"),
            ("Rabbit", 3, "nsubj", "NOUN", "NN"),
            ("spoke", 3, "ROOT", "VERB", "VBD"),
            (".", 3, "punct", "PUNCT", "."),
        ],
        2,
        True,
    ),
    (
        "demonstrative",
        "That suggested calm.",
        [
            ("That", 1, "nsubj", "PRON", "DT"),
            ("suggested", 1, "ROOT", "VERB", "VBD"),
            ("calm", 1, "dobj", "NOUN", "NN"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        0,
        False,
    ),
    (
        "relative-pronoun-of-a-document",
        "A report that said no.",
        [
            ("A", 1, "det", "DET", "DT"),
            ("report", 1, "ROOT", "NOUN", "NN"),
            ("that", 3, "nsubj", "PRON", "WDT"),
            ("said", 1, "relcl", "VERB", "VBD"),
            ("no", 3, "dobj", "INTJ", "UH"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        2,
        True,
    ),
    (
        "relative-pronoun-of-a-thing",
        "A look that said no.",
        [
            ("A", 1, "det", "DET", "DT"),
            ("look", 1, "ROOT", "NOUN", "NN"),
            ("that", 3, "nsubj", "PRON", "WDT"),
            ("said", 1, "relcl", "VERB", "VBD"),
            ("no", 3, "dobj", "INTJ", "UH"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        2,
        False,
    ),
    (
        "share-of-people",
        "Forty percent of voters said no.",
        [
            ("Forty", 1, "nummod", "NUM", "CD"),
            ("percent", 4, "nsubj", "NOUN", "NN"),
            ("of", 1, "prep", "ADP", "IN"),
            ("voters", 2, "pobj", "NOUN", "NNS"),
            ("said", 4, "ROOT", "VERB", "VBD"),
            ("no", 4, "dobj", "INTJ", "UH"),
            (".", 4, "punct", "PUNCT", "."),
        ],
        1,
        True,
    ),
    (
        "share-of-a-thing",
        "Half of the water spilled.",
        [
            ("Half", 3, "nsubj", "NOUN", "NN"),
            ("of", 0, "prep", "ADP", "IN"),
            ("the", 3, "det", "DET", "DT"),
            ("water", 1, "pobj", "NOUN", "NN"),
            ("spilled", 4, "ROOT", "VERB", "VBD"),
            (".", 4, "punct", "PUNCT", "."),
        ],
        0,
        False,
    ),
]


@pytest.mark.parametrize(
    "text, rows, index, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_animacy_can_speak(text, rows, index, expected):
    assert can_speak(hand_doc(text, rows)[index]) is expected


DUMMY = (
    "It seems that taxes rose. It said so.",
    [
        ("It", 1, "nsubj", "PRON", "PRP"),
        ("seems", 1, "ROOT", "VERB", "VBZ"),
        ("that", 4, "mark", "SCONJ", "IN"),
        ("taxes", 4, "nsubj", "NOUN", "NNS"),
        ("rose", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
        ("It", 7, "nsubj", "PRON", "PRP"),
        ("said", 7, "ROOT", "VERB", "VBD"),
        ("so", 7, "advmod", "ADV", "RB"),
        (".", 7, "punct", "PUNCT", "."),
    ],
)


def test_animacy_a_dummy_it_is_no_one_and_a_referring_it_speaks():
    doc = hand_doc(*DUMMY)
    assert is_dummy_subject(doc[0]) and not can_speak(doc[0])
    assert not is_dummy_subject(doc[6]) and can_speak(doc[6])


VOICE = (
    '"Yes," said her faint voice.',
    [
        ('"', 4, "punct", "PUNCT", "``"),
        ("Yes", 4, "intj", "INTJ", "UH"),
        (",", 4, "punct", "PUNCT", ","),
        ('"', 4, "punct", "PUNCT", "''"),
        ("said", 4, "ROOT", "VERB", "VBD"),
        ("her", 7, "poss", "PRON", "PRP$"),
        ("faint", 7, "amod", "ADJ", "JJ"),
        ("voice", 4, "nsubj", "NOUN", "NN"),
        (".", 4, "punct", "PUNCT", "."),
    ],
)


def test_animacy_a_voice_is_no_one_but_its_owner_speaks_through_it():
    doc = hand_doc(*VOICE)
    assert not can_speak(doc[7])
    assert speaking_mention(doc[7]).text == "her"


def test_animacy_a_voice_without_an_owner_is_no_one():
    doc = hand_doc(
        "A voice called.",
        [
            ("A", 1, "det", "DET", "DT"),
            ("voice", 2, "nsubj", "NOUN", "NN"),
            ("called", 2, "ROOT", "VERB", "VBD"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    )
    assert speaking_mention(doc[1]) is None

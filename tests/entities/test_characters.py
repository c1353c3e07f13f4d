"""Characters (quotelib.entities.characters): gender evidence read before names are grouped, and
pronoun speakers resolved in the conversation. Hand-built Docs first, then short texts
written for these tests through the model."""

from __future__ import annotations

from collections import Counter

import pytest

import quotelib
from quotelib.entities.characters import gender_of
from quotelib.entities.mentions import find_entities
from quotelib.parse.chunks import parse_text
from tests.docs_by_hand import hand_view

# "Edward Harlow took his hat. Mrs Harlow smiled."
_HARLOWS = [
    ("Edward", 1, "compound", "PROPN", "NNP"),
    ("Harlow", 2, "nsubj", "PROPN", "NNP"),
    ("took", 2, "ROOT", "VERB", "VBD"),
    ("his", 4, "poss", "PRON", "PRP$"),
    ("hat", 2, "dobj", "NOUN", "NN"),
    (".", 2, "punct", "PUNCT", "."),
    ("Mrs", 7, "compound", "PROPN", "NNP"),
    ("Harlow", 8, "nsubj", "PROPN", "NNP"),
    ("smiled", 8, "ROOT", "VERB", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize(
    "votes, expected",
    [
        (Counter(), None),
        (Counter(male=1), "male"),
        (Counter(male=2, female=1), None),
        (Counter(female=3, male=1), "female"),
    ],
    ids=["no-evidence", "one-pronoun", "no-clear-majority", "title-outvotes-a-pronoun"],
)
def test_characters_gender_of_needs_a_clear_majority(votes, expected):
    assert gender_of(votes) == expected


def test_characters_female_title_never_joins_a_man_of_the_same_surname():
    view = hand_view(
        "Edward Harlow took his hat. Mrs Harlow smiled.",
        _HARLOWS,
        [(0, 2, "PERSON"), (6, 8, "PERSON")],
    )
    people = [(e.name, e.gender) for e in find_entities(view, "ner").entities]
    assert people == [("Edward Harlow", "male"), ("Harlow", "female")]


def _speakers(text):
    """(mention, name, id, how) of each quote of ``text``."""
    quotes = quotelib.extract_quotes(text)
    return [(q.speaker.text, q.speaker_name, q.speaker_id, q.speaker_resolution) for q in quotes]


def test_characters_mrs_harlow_and_edward_harlow_are_two_people(nlp):
    text = (
        "Edward Harlow lived with his mother in a small house by the river. "
        "Mrs Harlow was a quiet woman.\n\n"
        '"The river is high today," said Mrs Harlow.\n\n'
        '"It will fall by night," said Mr. Harlow.'
    )
    [(_, mother, mother_id, _), (_, son, son_id, how)] = _speakers(text)
    assert (son, how) == ("Edward Harlow", "surname")
    assert mother_id != son_id and mother != son


def test_characters_she_said_after_a_man_and_a_woman(nlp):
    text = (
        "Edward Harlow came into the room, and he sat down by the fire. "
        "Anna Grey stood at the window, where she watched the rain.\n\n"
        '"It will not stop before night," she said.\n\n'
        '"Then we stay," he answered.'
    )
    assert [(name, how) for _, name, _, how in _speakers(text)] == [
        ("Anna Grey", "pronoun"),
        ("Edward Harlow", "pronoun"),
    ]


def test_characters_three_person_scene_she_is_the_woman_who_spoke_last(nlp):
    text = (
        "Mr. Brook, Mrs. Lane and Miss Vane sat at the table.\n\n"
        '"The tea is cold," said Mr. Brook.\n\n'
        '"Then ring for more," Mrs. Lane replied.\n\n'
        '"I will ring," she said, rising.'
    )
    *_, (mention, name, _, how) = _speakers(text)
    assert (mention, name, how) == ("she", "Lane", "pronoun")


def test_characters_names_inside_a_quotation_are_never_the_pronoun_speaker(nlp):
    text = 'Mrs. Lane looked up from her letter.\n\n"Miss Vane will not come today," she said.'
    [(mention, name, _, how)] = _speakers(text)
    assert (mention, name, how) == ("she", "Lane", "pronoun")


def test_characters_i_inside_a_quotation_is_part_of_the_quotation(nlp):
    # Reported speech said inside a character's quotation ("I told him that ...") is not
    # an attribution of its own: quotelib.rules.nesting drops it, the quotation is the speaker's.
    text = (
        "Mrs. Lane looked up from her letter.\n\n"
        '"Yesterday I told him that we would leave," she said.'
    )
    quotes = quotelib.extract_quotes(text)
    assert [(q.kind, q.speaker.text, q.speaker_name) for q in quotes] == [("direct", "she", "Lane")]


def test_characters_resolved_across_the_chunks_of_a_long_text(nlp):
    opening = (
        "Edward Harlow lived with his mother in a small house by the river, "
        "and he walked by the water every morning.\n\n"
    )
    filler = "The rain fell on the fields and the road, and the river rose.\n\n" * 20
    text = opening + filler + '"The river is high today," said Mr. Harlow.'
    doc = parse_text(text, nlp, chunk_size=500)
    [quote] = quotelib.quotes_from_doc(doc, text=text)
    assert (quote.speaker_name, quote.speaker_resolution) == ("Edward Harlow", "surname")

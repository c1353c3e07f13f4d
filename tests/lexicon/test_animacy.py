"""The words of who can speak (quotelib.lexicon.animacy): one class each, and the class a
noun is read to have, plurals, agents' endings and compounds included."""

from __future__ import annotations

import pytest

from quotelib.lexicon import ANONYMOUS_NOUNS, TITLES
from quotelib.lexicon.animacy import (
    ANIMACY_CLASSES,
    SPEAKER_CLASSES,
    SPEAKING_CLASSES,
    animacy_class,
)
from quotelib.lexicon.gazetteers import ORGANISATION_WORDS


def test_animacy_every_class_is_documented_and_has_words():
    used = set(SPEAKER_CLASSES.values())
    assert used == set(ANIMACY_CLASSES)
    assert SPEAKING_CLASSES.issubset(used)
    assert used - SPEAKING_CLASSES == {"voice", "no-one", "thing"}


def test_animacy_no_word_is_listed_again_beside_the_people_and_organisations():
    # Titles, anonymous sources and organisation words are read as people and
    # institutions where they live; the animacy table does not list them twice.
    for other in (TITLES, ANONYMOUS_NOUNS, ORGANISATION_WORDS):
        assert not set(SPEAKER_CLASSES) & other


def test_animacy_words_are_lower_case_and_nouns_singular():
    assert all(word == word.lower() for word in SPEAKER_CLASSES)
    nouns = {w for w, cls in SPEAKER_CLASSES.items() if cls not in ("people-word", "no-one")}
    assert not {w for w in nouns if w.endswith("s") and w[:-1] in SPEAKER_CLASSES}


@pytest.mark.parametrize(
    "word, expected",
    [
        ("aunt", "person"),
        ("aunts", "person"),
        ("policemen", "person"),
        ("women", "person"),
        ("children", "person"),
        ("step-mother", "person"),
        ("parlourmaid", "person"),  # a compound whose last word is a person
        ("carpenter", "person"),  # agents' endings
        ("regulators", "person"),
        ("librarian", "person"),
        ("poetess", "person"),
        ("senator", "person"),  # a title
        ("officials", "person"),  # an anonymous source
        ("crowd", "group"),
        ("ministry", "institution"),  # an organisation word
        ("firm", "institution"),
        ("statement", "medium"),
        ("polls", "medium"),
        ("percent", "quantity"),
        ("majority", "quantity"),
        ("others", "person"),
        ("someone", "person"),
        ("both", "people-word"),
        ("remarks", "utterance"),
        ("voice", "voice"),
        ("tone", "voice"),
        ("that", "no-one"),
        ("something", "no-one"),
        ("door", "thing"),  # ends as "doctor" does, names no one
        ("answer", "utterance"),
        ("darkness", None),  # "-ness" is no agent's ending
        ("thought", None),
        ("habit", None),
        ("street", None),
        ("hourglass", None),
    ],
)
def test_animacy_class_of_a_word(word, expected):
    assert animacy_class(word) == expected


def test_animacy_class_ignores_case():
    assert animacy_class("Regulators") == animacy_class("regulators") == "person"

"""The same person (quotelib.rules.person): one key a person is compared by, on hand-built
Docs (no model), and the rules that ask it."""

from __future__ import annotations

import pytest

from quotelib.rules.person import (
    is_one_of,
    is_person,
    known_same,
    people,
    person_key,
    same_person,
)
from tests.docs_by_hand import hand_view

TEXT = "Edward Leamer met LEAMER. He smiled and he left."
ROWS = [
    ("Edward", 1, "compound", "PROPN", "NNP"),
    ("Leamer", 2, "nsubj", "PROPN", "NNP"),
    ("met", 2, "ROOT", "VERB", "VBD"),
    ("LEAMER", 2, "dobj", "PROPN", "NNP"),
    (".", 2, "punct", "PUNCT", "."),
    ("He", 6, "nsubj", "PRON", "PRP"),
    ("smiled", 6, "ROOT", "VERB", "VBD"),
    ("and", 6, "cc", "CCONJ", "CC"),
    ("he", 9, "nsubj", "PRON", "PRP"),
    ("left", 6, "conj", "VERB", "VBD"),
    (".", 6, "punct", "PUNCT", "."),
]
EDWARD, LEAMER, MET, UPPER_LEAMER, HE, LOWER_HE = 0, 1, 2, 3, 5, 8


@pytest.fixture(scope="module")
def view():
    return hand_view(TEXT, ROWS)


def test_person_key_is_the_head_word_of_the_name_lower_cased(view):
    assert [person_key(view.doc[i]) for i in (EDWARD, LEAMER, UPPER_LEAMER)] == ["leamer"] * 3
    assert person_key(view.doc[HE]) == person_key(view.doc[LOWER_HE]) == "he"


def test_person_same_person_by_the_name_whatever_its_case(view):
    assert same_person(view, EDWARD, UPPER_LEAMER)
    assert known_same(view, EDWARD, UPPER_LEAMER)
    assert not same_person(view, LEAMER, HE)


def test_person_two_pronouns_of_one_form_are_not_known_to_be_one(view):
    assert same_person(view, HE, LOWER_HE)  # the same words ...
    assert not known_same(view, HE, LOWER_HE)  # ... but "he" may be two men


def test_person_people_and_is_one_of_compare_by_the_key(view):
    keys = people(view, [EDWARD, UPPER_LEAMER])
    assert keys == {"leamer"}
    assert is_one_of(view, LEAMER, keys)
    assert not is_one_of(view, HE, keys)


def test_person_is_person_names_pronouns_not_verbs(view):
    assert [is_person(view.doc[i]) for i in (LEAMER, HE, MET)] == [True, True, False]

"""quotelib.corpus.records: speaker identities are hashable records, gender labels agree."""

from __future__ import annotations

import pickle

import attrs
import pytest

import quotelib.corpus
from quotelib.corpus.records import (
    DocumentSpeaker,
    GroupedQuote,
    NamedSpeaker,
    Person,
    QuoteGroup,
    Speaker,
    gender_label,
)


def test_records_speakers_are_hashable_keys_that_never_meet():
    named = NamedSpeaker(name=("official",))
    local = DocumentSpeaker(doc_ref="d1", local="official", kind="anonymous")
    counts = {named: 1, local: 2, NamedSpeaker(name=("official",)): 3}
    assert counts == {named: 3, local: 2}
    assert isinstance(named, Speaker) and isinstance(local, Speaker)
    assert local.key == "d1#official"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        named.name = ("other",)


def test_records_round_trip_through_pickle():
    quote = GroupedQuote(
        doc_ref="d1",
        number=0,
        doc_id="d1",
        text="It is safe.",
        speaker=DocumentSpeaker(doc_ref="d1", local="aide", kind="anonymous"),
        date="2024-05-01",
    )
    assert pickle.loads(pickle.dumps(quote)) == quote


@pytest.mark.parametrize(
    "evidence, label",
    [
        ({"she": 9, "he": 1}, "female"),
        ({"He": 3, "Mr.": 2}, "male"),
        ({"she": 8, "he": 2}, "unknown"),
        ({"spokesman": 1}, "male"),
        ({}, "unknown"),
    ],
    ids=["ninety-percent", "case-folded", "eighty-percent", "title", "no-evidence"],
)
def test_records_gender_label(evidence, label):
    assert gender_label(evidence) == label


def test_records_exported_from_the_corpus_package():
    assert quotelib.corpus.Person is Person and quotelib.corpus.QuoteGroup is QuoteGroup
    assert quotelib.corpus.gender_label is gender_label
    assert quotelib.corpus.__all__ == sorted(quotelib.corpus.__all__)
    assert all(hasattr(quotelib.corpus, name) for name in quotelib.corpus.__all__)

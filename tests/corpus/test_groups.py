"""quotelib.corpus.groups: the same quotation found through re-publication's edits."""

from __future__ import annotations

import pytest

from quotelib.corpus.groups import near_duplicates, quote_groups, quote_words
from quotelib.corpus.names import NameKey
from quotelib.corpus.records import DocumentSpeaker, GroupedQuote, NamedSpeaker


@pytest.mark.parametrize(
    "first, second, same",
    [
        (
            "We will keep the hospital open for as long as it takes.",
            "We will keep the hospital open for as long as it takes",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes, and we will win.",
            "We will keep the hospital open for as long as it takes",
            True,
        ),
        (
            "I will keep the hospital open for as long as it takes.",
            "[He] will keep the hospital open for as long as it takes.",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes.",
            "We will keep the old hospital open for as long as it takes.",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes.",
            "We will close the hospital in May because the money has run out.",
            False,
        ),
        ("Thank you all.", "Thank you all", True),
        ("Thank you all.", "Thank you, friends.", False),
    ],
    ids=[
        "punctuation",
        "trimmed-end",
        "bracketed-pronoun",
        "word-inserted",
        "same-opening-other-words",
        "short-same",
        "short-different",
    ],
)
def test_groups_same_quotation(first, second, same):
    words = sorted({quote_words(first), quote_words(second)})
    assert (len(words) == 1 or near_duplicates(words) == [(0, 1)]) is same


def test_groups_split_by_speaker_and_dated_by_the_earliest_member():
    said = "We will keep the hospital open for as long as it takes."
    lee, fry = NamedSpeaker(name=("lee",)), NamedSpeaker(name=("tom", "fry"))
    aide = DocumentSpeaker(doc_ref="d3", local="aide", kind="anonymous")
    quotes = [
        GroupedQuote(
            doc_ref="d1", number=2, doc_id="d1", text=said, speaker=lee, date="2024-05-02"
        ),
        GroupedQuote(
            doc_ref="d2", number=0, doc_id="d2", text=said, speaker=lee, date="2024-05-01"
        ),
        GroupedQuote(doc_ref="d3", number=1, doc_id="d3", text=said, speaker=aide, date=None),
        GroupedQuote(doc_ref="d4", number=0, doc_id="d4", text=said, speaker=fry),
    ]
    keys = {lee: NameKey(key="ann-lee"), fry: NameKey(key="tom-fry"), aide: NameKey(key="d3#aide")}
    [group] = quote_groups(quotes, keys)  # Tom Fry's alone is in one document: no group
    assert group.speaker == "ann-lee" and group.documents == 3
    assert group.members == (("d1", 2), ("d2", 0), ("d3", 1))  # the aide joins the largest part
    assert group.earliest == ("d2", "2024-05-01")

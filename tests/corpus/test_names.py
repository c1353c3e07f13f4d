"""quotelib.corpus.names: one key per person across documents."""

from __future__ import annotations

import pytest

from quotelib.corpus.index import CorpusIndex
from tests.corpus.golden import said


@pytest.mark.parametrize(
    "names, expected",
    [
        (["José Martí", "Jose Marti"], ["jose-marti"]),
        (["Donald J. Trump", "Donald Trump", "Mr. Trump"], ["donald-trump"]),
        (["Senator Ann Lee", "Lee", "Tom Lee"], ["ann-lee", "lee?", "tom-lee"]),
        (["The President"], ["president"]),
    ],
    ids=["accents", "middle-initial-and-title", "ambiguous-surname", "title-alone"],
)
def test_names_person_keys(names, expected):
    index = CorpusIndex()
    for number, name in enumerate(names):
        index.add(f"d{number}", [said(name)])
    assert sorted(p.key for p in index.people()) == expected

"""The golden articles' answers, made once for the corpus tests."""

from __future__ import annotations

import pytest

import quotelib
from tests.corpus.golden import DOCS


@pytest.fixture(scope="session")
def answers() -> list[dict]:
    """The golden articles' answers, as ``quotelib extract`` writes them, with their metadata."""
    quotes = quotelib.pipe([doc["text"] for doc in DOCS])
    return [
        {
            "id": doc["id"],
            "outlet": doc["outlet"],
            "date": doc["date"],
            "quotes": [q.to_dict() for q in found],
        }
        for doc, found in zip(DOCS, quotes)
    ]

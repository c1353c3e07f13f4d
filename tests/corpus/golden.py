"""The golden corpus as the corpus tests read it: the articles, as JSONL, and quote dicts made by hand.

The articles (tests/corpus_articles.py, written for these tests) hold
the traps: Bill and Hillary Clinton and a bare "Clinton"; Vladimir Putin as
"Vladimir Putin", "Putin", "Mr. Putin" and "President Putin"; pronouns
resolved in many articles; an anonymous official in nearly every one; one
wire quote re-published with edits in five; a quote that opens the same
way but says something else. They run through quotelib's extraction.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from quotelib.corpus.index import CorpusIndex
from tests.corpus_articles import ARTICLES

DOCS = ARTICLES
GOLDEN = Path(tempfile.mkdtemp()) / "golden.jsonl"  # the articles as a JSONL input
GOLDEN.write_text("".join(json.dumps(doc) + "\n" for doc in DOCS), encoding="utf-8")
#: The members of the one wire quote re-published in five articles.
WIRE = [["courier-01", 0], ["gazette-01", 1], ["gazette-02", 0], ["herald-01", 1], ["herald-02", 0]]


def index_of(answers: list[dict], **options: Any) -> CorpusIndex:
    """The index of answers, each of them counted."""
    index = CorpusIndex(**options)
    for answer in answers:
        assert index.add_answer(answer)
    return index


def said(name: str, how: str = "name", cue_class: str | None = None, **more: Any) -> dict:
    """A quote dict, as ``quotelib extract`` writes it, said by ``name``."""
    quote = {
        "kind": "indirect",
        "content_text": "the plan was sound",
        "speaker_text": name,
        "speaker_name": name,
        "speaker_id": name.lower().replace(" ", "-"),
        "speaker_resolution": how,
        **more,
    }
    if cue_class is not None:
        quote["cue_class"] = cue_class
    return quote

"""Records pickled by an earlier quotelib still load, and equal what quotelib finds now."""

from __future__ import annotations

import pickle
from pathlib import Path

import quotelib
import quotelib.corpus
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.records import DocumentSpeaker, GroupedQuote, NamedSpeaker, Speaker, Tally
from tests.corpus_articles import ARTICLES

# Written by quotelib 0.1.0.dev0 when its modules were one flat folder (before the
# subpackages): a Quote list of TEXT and a CorpusIndex of the golden articles.
OLD = Path(__file__).resolve().parent / "data" / "quotelib-0.1.0.dev0.pickle"


def _old() -> dict:
    with OLD.open("rb") as stream:
        return pickle.load(stream)  # the project's own test file, written by the lines above


def test_pickles_quotes_of_the_flat_layout_load_as_found_now():
    old = _old()
    assert old["quotes"] == quotelib.extract_quotes(old["text"])
    assert [q.addressee_name for q in old["quotes"]] == ["Harding", None]


def test_pickles_corpus_index_of_the_flat_layout_answers_as_one_built_now():
    old = _old()["index"]
    index = CorpusIndex(group_by="outlet", date_field="date")
    for article, quotes in zip(ARTICLES, quotelib.pipe([a["text"] for a in ARTICLES])):
        index.add(article["id"], quotes, article)
    assert old.people() == index.people() and old.groups() == index.groups()
    assert old.documents == index.documents
    merged = CorpusIndex(group_by="outlet", date_field="date").merge(old)
    assert merged.people() == index.people()


def test_pickles_corpus_index_of_the_flat_layout_converted_to_records():
    old = _old()["index"]
    speakers = {speaker for speaker, _ in old._tallies}
    assert speakers == set(old._names) and all(isinstance(s, Speaker) for s in speakers)
    assert DocumentSpeaker(doc_ref="herald-01", local="senior-official", kind="anonymous") in (
        speakers
    )
    assert NamedSpeaker(name=("vladimir", "putin")) in speakers
    assert all(isinstance(quote, GroupedQuote) for quote in old._quotes)
    assert all(isinstance(tally, Tally) for tally in old._tallies.values())
    assert quotelib.corpus._Tally is Tally  # the class the flat layout's pickles name
    again = pickle.loads(pickle.dumps(old))  # written again with records, read as written
    assert (again.people(), again.groups()) == (old.people(), old.groups())
    assert again._tallies == old._tallies and again._quotes == old._quotes

"""Records pickled by an earlier quotelib still load, and equal what quotelib finds now."""

from __future__ import annotations

import copyreg
import importlib
import io
import json
import pickle
from collections import Counter
from pathlib import Path

import quotelib
import quotelib.corpus
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.records import DocumentSpeaker, GroupedQuote, NamedSpeaker, Speaker, Tally
from tests.corpus_articles import ARTICLES

# What quotelib 0.1.0.dev0 pickled when its modules were one flat folder (before the
# subpackages), kept as data: a Quote list of TEXT and a CorpusIndex of the golden articles.
OLD = Path(__file__).resolve().parent / "data" / "quotelib-0.1.0.dev0.json"
# The classes as the current layout names them, and as the flat layout's pickles did.
RENAMED = {
    b"cquotelib.corpus.records\nTally\n": b"cquotelib.corpus\n_Tally\n",
    b"cquotelib.corpus.index\nCorpusIndex\n": b"cquotelib.corpus\nCorpusIndex\n",
}


class _Object:
    """An object of the flat layout: the class at its old path, and its pickled state."""

    def __init__(self, path: str, state: object) -> None:
        module, name = path.split(":")
        self.cls = getattr(importlib.import_module(module), name)
        self.state = state


class _FlatPickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, _Object):  # a new object of the class, then BUILD with the state
            return copyreg._reconstructor, (obj.cls, object, None), obj.state
        return NotImplemented


def _decoded(data: object) -> object:
    if isinstance(data, list):
        return [_decoded(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "$object" in data:
        return _Object(data["$object"], _decoded(data["state"]))
    if "$tuple" in data:
        return tuple(_decoded(item) for item in data["$tuple"])
    if "$set" in data:
        return {_decoded(item) for item in data["$set"]}
    if "$counter" in data:
        return Counter({_decoded(key): count for key, count in data["$counter"]})
    if "$dict" in data:
        return {_decoded(key): _decoded(value) for key, value in data["$dict"]}
    return {key: _decoded(value) for key, value in data.items()}


def _old_stream() -> bytes:
    """The pickle stream the flat layout wrote: its classes under their old paths."""
    objects = _decoded(json.loads(OLD.read_text(encoding="utf-8"))["objects"])
    buffer = io.BytesIO()
    _FlatPickler(buffer, protocol=2).dump(objects)
    stream = buffer.getvalue()
    for new, old in RENAMED.items():
        assert new in stream
        stream = stream.replace(new, old)
    return stream


def _old() -> dict:
    return pickle.loads(_old_stream())  # the project's own test data, built above


def test_pickles_the_stream_names_the_classes_of_the_flat_layout():
    stream = _old_stream()
    assert b"cquotelib.corpus\n_Tally\n" in stream and b"quotelib.corpus.records" not in stream


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

"""The corpus view: who is quoted across documents, and which quotation many carry.

:class:`CorpusIndex` (:mod:`quotelib.corpus.index`) reads quotelib's records
document by document and answers :meth:`~CorpusIndex.people` (one
:class:`Person` per person, keyed across documents by
:mod:`quotelib.corpus.names`, tabled by :mod:`quotelib.corpus.people`) and
:meth:`~CorpusIndex.groups` (the same quotation in many documents,
:mod:`quotelib.corpus.groups`); :mod:`quotelib.corpus.records` holds the
records of both.
:mod:`quotelib.corpus.read` builds an index from texts or answers,
:mod:`quotelib.corpus.write` writes people and groups out, and
:mod:`quotelib.corpus.cluster` builds an index on Dask.
"""

from __future__ import annotations

from quotelib.corpus.index import CorpusIndex, field_value
from quotelib.corpus.records import AGREEMENT, Person, QuoteGroup, gender_label
from quotelib.corpus.records import Tally as _Tally  # noqa: F401 - indexes pickled flat

__all__ = ["AGREEMENT", "CorpusIndex", "Person", "QuoteGroup", "field_value", "gender_label"]

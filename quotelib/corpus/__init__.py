"""The corpus view: who is quoted across documents, and which quotation many carry.

:class:`CorpusIndex` (:mod:`quotelib.corpus.index`) reads quotelib's records
document by document and answers :meth:`~CorpusIndex.people` (one
:class:`Person` per person, keyed across documents by
:mod:`quotelib.corpus.names`) and :meth:`~CorpusIndex.groups` (the same
quotation in many documents, :mod:`quotelib.corpus.groups`).
:mod:`quotelib.corpus.read` builds an index from texts or answers,
:mod:`quotelib.corpus.write` writes people and groups out, and
:mod:`quotelib.corpus.cluster` builds an index on Dask.
"""

from __future__ import annotations

from quotelib.corpus.index import (
    AGREEMENT,
    CorpusIndex,
    Person,
    QuoteGroup,
    _Tally,  # noqa: F401 - indexes pickled before the subpackages name it here
    field_value,
    gender_label,
)

__all__ = ["AGREEMENT", "CorpusIndex", "Person", "QuoteGroup", "field_value", "gender_label"]

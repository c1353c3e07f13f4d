"""Batches of texts read the same way in this process or in quotelib's worker pool.

:class:`Reader` (:mod:`quotelib.batch.reading`) parses a batch together and
answers each text with its quotes or its error; :func:`pool_results`
(:mod:`quotelib.batch.pool`) hands batches to worker processes that read them
with the same :class:`Reader`.
"""

from __future__ import annotations

from quotelib.batch.pool import pool_results
from quotelib.batch.reading import Answer, Batches, Reader, TextLike

__all__ = ["Answer", "Batches", "Reader", "TextLike", "pool_results"]

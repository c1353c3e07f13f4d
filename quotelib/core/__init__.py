"""The core: a parsed document in, its quotes out.

:func:`quotes_from_doc` (:mod:`quotelib.core.stages`) builds the document's
view once and runs the stages in order, the rules (:mod:`quotelib.rules`)
and then the entities (:mod:`quotelib.entities`), joining their results
where a reader can see it; :func:`build_quotes` (:mod:`quotelib.core.build`)
makes the records on the caller's offsets, and :func:`assess`
(:mod:`quotelib.core.confidence`) gives each its confidence.
"""

from __future__ import annotations

from quotelib.core.build import build_quotes
from quotelib.core.confidence import assess
from quotelib.core.stages import Reading, attribute, quotes_from_doc

__all__ = ["Reading", "assess", "attribute", "build_quotes", "quotes_from_doc"]

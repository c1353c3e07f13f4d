"""quotelib: find who said what in English news text.

Examples:
    >>> import quotelib
    >>> [quote] = quotelib.extract_quotes("Xi stated that the situation has become turbulent.")
    >>> quote.speaker.text, quote.content.text
    ('Xi', 'the situation has become turbulent')
"""

from __future__ import annotations

from quotelib import _moved
from quotelib.book import Character, characters
from quotelib.core.stages import quotes_from_doc
from quotelib.corpus.index import CorpusIndex
from quotelib.evaluation.scores import Evaluation
from quotelib.evaluation.scoring import evaluate
from quotelib.extract import extract_quotes
from quotelib.lexicon import CUE_ADJECTIVES, CUE_CLASSES, CUE_NOUNS, CUE_PHRASES, CUE_VERBS
from quotelib.parse.model import load_pipeline
from quotelib.records import Quote, TextSpan
from quotelib.render import render
from quotelib.speakers import Speaker, speakers
from quotelib.stream import pipe
from quotelib.table import to_dataframe, to_records
from quotelib.text.marks import Quotation, find_quotations

__version__ = "0.1.0.dev0"

_moved.install()


def __getattr__(name: str) -> object:
    """An old module path read as an attribute (``quotelib.view``): its alias, which warns."""
    if f"quotelib.{name}" in _moved.MOVED:
        return _moved.moved_module(name)
    msg = f"module 'quotelib' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "CUE_ADJECTIVES",
    "CUE_CLASSES",
    "CUE_NOUNS",
    "CUE_PHRASES",
    "CUE_VERBS",
    "Character",
    "CorpusIndex",
    "Evaluation",
    "Quotation",
    "Quote",
    "Speaker",
    "TextSpan",
    "characters",
    "evaluate",
    "extract_quotes",
    "find_quotations",
    "load_pipeline",
    "pipe",
    "quotes_from_doc",
    "render",
    "speakers",
    "to_dataframe",
    "to_records",
]

"""quotelib: find who said what in English news text.

Examples:
    >>> import quotelib
    >>> [quote] = quotelib.extract_quotes("Xi stated that the situation has become turbulent.")
    >>> quote.speaker.text, quote.content.text
    ('Xi', 'the situation has become turbulent')
"""

from __future__ import annotations

from quotelib.core import quotes_from_doc
from quotelib.corpus import CorpusIndex
from quotelib.evaluation import Evaluation
from quotelib.extract import extract_quotes
from quotelib.lexicon import CUE_ADJECTIVES, CUE_CLASSES, CUE_NOUNS, CUE_PHRASES, CUE_VERBS
from quotelib.marks import Quotation, find_quotations
from quotelib.model import load_pipeline
from quotelib.records import Quote, TextSpan
from quotelib.render import render
from quotelib.scoring import evaluate
from quotelib.speakers import Speaker, speakers
from quotelib.stream import pipe
from quotelib.table import to_dataframe, to_records

__version__ = "0.1.0.dev0"

__all__ = [
    "CUE_ADJECTIVES",
    "CUE_CLASSES",
    "CUE_NOUNS",
    "CUE_PHRASES",
    "CUE_VERBS",
    "CorpusIndex",
    "Evaluation",
    "Quotation",
    "Quote",
    "Speaker",
    "TextSpan",
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

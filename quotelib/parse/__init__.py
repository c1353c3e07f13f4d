"""The parse: the spaCy pipeline loaded (never downloaded) and long texts parsed in chunks.

:func:`load_pipeline` loads an installed pipeline or a folder
(:mod:`quotelib.parse.model`, which also holds the ``quotelib_paragraphs``
component; its tokenizer splits dashes glued to quote marks:
:mod:`quotelib.parse.tokenizer`), and :func:`parse_text` parses a text of any length, in
paragraph-aligned chunks when it is long (:mod:`quotelib.parse.chunks`).
"""

from __future__ import annotations

from quotelib.parse.chunks import is_long, parsable, parse_text
from quotelib.parse.model import installed_models, load_pipeline, require_parser

__all__ = [
    "installed_models",
    "is_long",
    "load_pipeline",
    "parsable",
    "parse_text",
    "require_parser",
]

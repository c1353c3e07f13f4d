"""The characters of a text: quotation marks paired, paragraphs told, HTML read, text made safe.

Nothing here needs a parser. :func:`find_quotations` pairs quotation marks on
the raw text (:mod:`quotelib.text.marks`), :func:`find_layout` tells where the
paragraphs end (:mod:`quotelib.text.layout`), :class:`Ranges` answers "is
this offset inside?" (:mod:`quotelib.text.ranges`); :mod:`quotelib.text.html_text`
reads the plain text of an HTML page with the origin of every character,
:mod:`quotelib.text.markup` moves quotes found on it back onto the page, and
:mod:`quotelib.text.safe_text` makes text safe to write (JSON, CSV, HTML, a
terminal).

Examples:
    >>> from quotelib.text import find_layout, find_quotations
    >>> text = 'He said "yes" and left.\\n\\nShe stayed.'
    >>> [(q.start, q.end, q.mark) for q in find_quotations(text)]
    [(8, 13, '"')]
    >>> find_layout(text).paragraphs
    ((0, 23), (25, 36))
"""

from __future__ import annotations

from quotelib.text.layout import Layout, find_layout
from quotelib.text.marks import Quotation, find_quotations
from quotelib.text.markup import PlainText, check_markup, plain_text
from quotelib.text.ranges import Ranges

__all__ = [
    "Layout",
    "PlainText",
    "Quotation",
    "Ranges",
    "check_markup",
    "find_layout",
    "find_quotations",
    "plain_text",
]

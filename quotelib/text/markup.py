"""Marked-up text in: quotelib reads the text of an HTML page and answers on the page.

``extract_quotes(page, markup="html")`` (and :func:`quotelib.pipe` and the
command line's ``--markup html``) read ``page`` as HTML: quotelib finds the
quotes on its :class:`PlainText` (what a reader of the page sees, built in
one pass by :func:`quotelib.text.html_text.read_html`: character references
decoded, tags skipped, block elements as paragraphs), and
:meth:`PlainText.raw_quote` moves every span back onto the page, so that
``page[span.start:span.end] == span.text`` holds on the HTML as on any text.
A span's text is the HTML it covers, tags and references included: a
content ``It is <b>over</b>,`` is ``It is over,`` on the page.

With ``markup=None`` (the default) the text is read as it is and nothing
here runs. The spaCy component reads ``doc.text`` as it is: parse the
:attr:`PlainText.text` of a page to use it on HTML.

Examples:
    >>> page = "<p>&ldquo;It is over,&rdquo; she said.</p>"
    >>> plain = plain_text(page, "html")
    >>> plain.text
    '“It is over,” she said.'
    >>> plain.raw_offsets(1, 12), page[10:21]
    ((10, 21), 'It is over,')
"""

from __future__ import annotations

import bisect
from typing import Any

import attrs
from spacy.tokens import Doc

from quotelib.records import Quote, TextSpan
from quotelib.text.html_text import Pieces, read_html

__all__ = ["MARKUPS", "PlainText", "check_markup", "plain_text"]

#: The markups quotelib reads, besides ``None`` (a text read as it is).
MARKUPS = ("html",)


@attrs.frozen(kw_only=True)
class PlainText:
    """The text quotelib reads of a marked-up string, and where each character comes from.

    Attributes:
        raw: the caller's string, markup and all.
        pieces: the text, and the stretch of ``raw`` each piece of it is read
            from (:class:`quotelib.text.html_text.Pieces`).

    Examples:
        >>> page = "<p>Xi said <b>ties</b> were&nbsp;strong.</p>"
        >>> plain = plain_text(page, "html")
        >>> plain.text
        'Xi said ties were\\xa0strong.'
        >>> span = plain.raw_span(TextSpan.from_offsets(plain.text, 8, 17))
        >>> span.text, page[span.start:span.end] == span.text
        ('ties</b> were', True)
    """

    raw: str = attrs.field(repr=False)
    pieces: Pieces

    @property
    def text(self) -> str:
        """The plain text, which quotelib parses."""
        return self.pieces.text

    def raw_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Where the plain ``text[start:end]`` is in ``raw``: from where its first
        character is read to where its last one ends.

        Raises:
            ValueError: the offsets do not fit the plain text.
        """
        if not 0 <= start <= end <= len(self.text):
            msg = f"offsets ({start}, {end}) do not fit a plain text of length {len(self.text)}"
            raise ValueError(msg)
        if start == end:  # between two characters: where the next one is read from
            at = self._read_from(start)[0] if start < len(self.text) else len(self.raw)
            return at, at
        return self._read_from(start)[0], self._read_from(end - 1)[1]

    def raw_span(self, span: TextSpan) -> TextSpan:
        """``span`` of the plain text, as the span of ``raw`` it is read from."""
        return TextSpan.from_offsets(self.raw, *self.raw_offsets(span.start, span.end))

    def raw_quote(self, quote: Quote) -> Quote:
        """``quote``, found on the plain text, with every span on ``raw``: a new record.

        Every field holding a :class:`~quotelib.records.TextSpan`, or a tuple
        of them, is moved; the other fields (names, kinds) stay as they are.
        """
        moved = {}
        for field in attrs.fields(type(quote)):
            value = getattr(quote, field.name)
            if isinstance(value, TextSpan):
                moved[field.alias] = self.raw_span(value)
            elif isinstance(value, tuple) and any(isinstance(item, TextSpan) for item in value):
                moved[field.alias] = tuple(
                    self.raw_span(item) if isinstance(item, TextSpan) else item for item in value
                )
        return attrs.evolve(quote, **moved)

    def _read_from(self, offset: int) -> tuple[int, int]:
        """The stretch of ``raw`` the plain character at ``offset`` is read from."""
        pieces = self.pieces
        k = bisect.bisect_right(pieces.starts, offset) - 1
        start, raw_start, raw_end = pieces.starts[k], pieces.raw_starts[k], pieces.raw_ends[k]
        end = pieces.starts[k + 1] if k + 1 < len(pieces.starts) else len(pieces.text)
        if raw_end - raw_start == end - start:  # read character by character
            return raw_start + offset - start, raw_start + offset - start + 1
        return raw_start, raw_end


def check_markup(markup: Any) -> None:
    """Check a ``markup`` option: ``None`` or one of :data:`MARKUPS`.

    Raises:
        ValueError: any other value.

    Examples:
        >>> check_markup("xml")
        Traceback (most recent call last):
        ...
        ValueError: 'markup' must be None or one of ('html',) (got 'xml')
    """
    if markup is not None and markup not in MARKUPS:
        msg = f"'markup' must be None or one of {MARKUPS} (got {markup!r})"
        raise ValueError(msg)


def plain_text(text: Any, markup: str = "html") -> PlainText:
    """The plain text of ``text``, a string in the markup ``markup`` (one of :data:`MARKUPS`).

    Raises:
        TypeError: ``text`` is not a ``str`` (a spaCy ``Doc`` is parsed text,
            with no markup left to read).
        ValueError: ``markup`` is not one of :data:`MARKUPS`.

    Examples:
        >>> plain_text("&quot;no&quot;, he said").text
        '"no", he said'
    """
    if markup not in MARKUPS:
        msg = f"'markup' must be one of {MARKUPS} (got {markup!r})"
        raise ValueError(msg)
    if not isinstance(text, str):
        got = "a spacy Doc" if isinstance(text, Doc) else f"{text!r} that is a {type(text)!r}"
        msg = f"'text' must be a str to read as {markup} (got {got})"
        raise TypeError(msg)
    return PlainText(raw=text, pieces=read_html(text))

"""Documents and quotes checked before they are scored: ids, texts, offsets inside the text.

:func:`quotelib.evaluate` scores words found by their offsets, so an offset
past the end of the text, a start after its end, or a part outside its
quote's content would quietly score the wrong words. Each is a
``ValueError`` that names the document, the quote and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from quotelib.records import KINDS

__all__ = [
    "breakdown_value",
    "check_field_name",
    "check_gold_document",
    "check_kinds",
    "check_quote",
]

#: The fields of a quote that hold one span, ``[start, end]`` (or null).
SPAN_FIELDS = ("content", "speaker", "cue")
#: The fields of a quote that hold a list of spans (or null).
SPAN_LIST_FIELDS = ("content_parts", "speaker_chain")
#: The fields of a quote that hold a string (or null).
TEXT_FIELDS = (
    "kind",
    "speaker_text",
    "speaker_name",
    "cue_text",
    "content_text",
    "addressee_name",
)
#: The fields of a quote that hold a list of strings (or null).
TEXT_LIST_FIELDS = ("speaker_aliases", "addressees")


def check_gold_document(doc: Any, index: int) -> None:
    """Check a gold document: a dict with an ``id``, a string ``text`` and a list of sound quotes.

    Args:
        doc: the document, in the corpus schema.
        index: its position among the gold documents, to name it without an id.

    Raises:
        ValueError: the first problem found, naming the document and field.

    Examples:
        >>> check_gold_document({"id": "g1", "text": "Xi said no.", "quotes": [
        ...     {"content_parts": [[8, 14]], "speaker": [0, 2]}]}, 0)
        Traceback (most recent call last):
        ...
        ValueError: gold document 'g1' quote 0: 'content_parts'[0] must be [start, end] with 0 <= start <= end <= 11, the length of the text (got [8, 14])
    """
    if not isinstance(doc, Mapping):
        msg = f"gold document {index} must be a dict (got {_shown(doc)} that is a {type(doc)!r})"
        raise ValueError(msg)
    if "id" not in doc:
        msg = f"gold document {index} has no 'id' (got keys {sorted(map(str, doc))!r})"
        raise ValueError(msg)
    where = f"gold document {doc['id']!r}"
    text, quotes = doc.get("text"), doc.get("quotes")
    if not isinstance(text, str):
        msg = f"{where}: 'text' must be a string (got {_shown(text)} that is a {type(text)!r})"
        raise ValueError(msg)
    if not isinstance(quotes, (list, tuple)):
        msg = f"{where}: 'quotes' must be a list (got {_shown(quotes)} that is a {type(quotes)!r})"
        raise ValueError(msg)
    for number, quote in enumerate(quotes):
        check_quote(quote, text, f"{where} quote {number}")


def check_quote(quote: Any, text: str, where: str) -> None:
    """Check one quote dict against its document's text.

    Spans are ``[start, end]`` pairs of integers with ``0 <= start <= end <=
    len(text)``; the content is given by ``content_parts`` or ``content``, and
    the parts lie inside ``content`` when both are given.

    Raises:
        ValueError: the first problem found, starting with ``where``.

    Examples:
        >>> check_quote({"content": [0, 4], "content_parts": [[0, 2], [3, 6]]}, "a b c d", "q")
        Traceback (most recent call last):
        ...
        ValueError: q: 'content_parts'[1] [3, 6] is not inside 'content' [0, 4]
    """
    if not isinstance(quote, Mapping):
        msg = f"{where} must be a dict (got {_shown(quote)} that is a {type(quote)!r})"
        raise ValueError(msg)
    for field in SPAN_FIELDS:
        _check_span(quote.get(field), text, f"{where}: {field!r}")
    for field in SPAN_LIST_FIELDS:
        spans = quote.get(field)
        if spans is not None and not isinstance(spans, (list, tuple)):
            msg = f"{where}: {field!r} must be a list of [start, end] (got {_shown(spans)})"
            raise ValueError(msg)
        for number, span in enumerate(spans or ()):
            _check_span(span, text, f"{where}: {field!r}[{number}]", required=True)
    for field in TEXT_FIELDS:
        if not isinstance(quote.get(field), (str, type(None))):
            msg = f"{where}: {field!r} must be a string or null (got {_shown(quote.get(field))})"
            raise ValueError(msg)
    for field in TEXT_LIST_FIELDS:
        names = quote.get(field)
        listed = isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names)
        if names is not None and not listed:
            msg = f"{where}: {field!r} must be a list of strings or null (got {_shown(names)})"
            raise ValueError(msg)
    content, parts = quote.get("content"), quote.get("content_parts") or ()
    if not parts and content is None:
        msg = f"{where}: a quote must have 'content_parts' or 'content' (got keys {sorted(map(str, quote))!r})"
        raise ValueError(msg)
    for number, (start, end) in enumerate(parts if content is not None else ()):
        if start < content[0] or end > content[1]:
            msg = f"{where}: 'content_parts'[{number}] {[start, end]} is not inside 'content' {list(content)}"
            raise ValueError(msg)


def breakdown_value(quote: Mapping[str, Any], field: str, where: str) -> str | None:
    """The value of a quote's ``field``, by which scores are broken down.

    Returns:
        The string, or None when the field is absent or null.

    Raises:
        ValueError: the value is neither a string nor null, starting with ``where``.

    Examples:
        >>> breakdown_value({"pdnc_quote_type": "Explicit"}, "pdnc_quote_type", "q")
        'Explicit'
        >>> breakdown_value({"relation": 3}, "relation", "gold document 'g' quote 0")
        Traceback (most recent call last):
        ...
        ValueError: gold document 'g' quote 0: 'relation' must be a string or null to break scores down by it (got 3)
    """
    value = quote.get(field)
    if not isinstance(value, (str, type(None))):
        msg = f"{where}: {field!r} must be a string or null to break scores down by it (got {_shown(value)})"
        raise ValueError(msg)
    return value


def check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...] | None:
    """The predicted kinds to score: None (all), or kinds among :data:`~quotelib.records.KINDS`.

    Returns:
        The kinds, in the order of ``KINDS``, or None.

    Raises:
        TypeError: ``kinds`` is a string, not a collection of them.
        ValueError: ``kinds`` is empty or names something else than a kind.

    Examples:
        >>> check_kinds(["mixed", "direct"])
        ('direct', 'mixed')
        >>> check_kinds(("direct", "quoted"))
        Traceback (most recent call last):
        ...
        ValueError: 'kinds' must name kinds among ('direct', 'indirect', 'mixed') (got ('direct', 'quoted'))
    """
    if kinds is None:
        return None
    if isinstance(kinds, str):
        msg = f"'kinds' must be a tuple of kinds, such as ('direct', 'mixed') (got {kinds!r})"
        raise TypeError(msg)
    chosen = tuple(kinds)
    if not chosen or not set(chosen) <= set(KINDS):
        msg = f"'kinds' must name kinds among {KINDS!r} (got {chosen!r})"
        raise ValueError(msg)
    return tuple(kind for kind in KINDS if kind in chosen)


def check_field_name(by: Any, option: str = "by", side: str = "gold") -> None:
    """Check the name of the field to break scores down by: a string, or None.

    ``option`` names the argument (``"by"``, ``"by_prediction"``), ``side``
    the quotes whose field it is (``"gold"``, ``"predicted"``).

    Raises:
        TypeError: ``by`` is something else.
    """
    if by is not None and not isinstance(by, str):
        msg = f"{option!r} must be the name of a {side} quote field (got {by!r} of {type(by)!r})"
        raise TypeError(msg)


def _check_span(span: Any, text: str, where: str, *, required: bool = False) -> None:
    if span is None and not required:
        return
    sound = (
        isinstance(span, (list, tuple))
        and len(span) == 2
        and all(isinstance(offset, int) and not isinstance(offset, bool) for offset in span)
        and 0 <= span[0] <= span[1] <= len(text)
    )
    if not sound:
        msg = (
            f"{where} must be [start, end] with 0 <= start <= end <= {len(text)}, "
            f"the length of the text (got {_shown(span)})"
        )
        raise ValueError(msg)


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:59] + "…"

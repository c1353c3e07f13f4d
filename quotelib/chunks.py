"""Texts longer than spaCy's ``max_length``, parsed in paragraph-aligned chunks.

spaCy refuses a text longer than ``nlp.max_length`` (a million characters by
default). Such a text is cut at paragraph breaks into chunks that fit, each
chunk is parsed, and the parses are joined with ``Doc.from_docs`` into one
``Doc`` whose text is the original text, so every offset indexes it and quote
pairing and speaker resolution see the whole text. A cut is never made before
a paragraph that opens with a quote mark (it may continue the quotation of
the paragraph before), unless a paragraph run is too long to keep whole.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_BREAK = re.compile(r"\n+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OPENING_MARKS = "\"“‘'«„"
_FALLBACK_CUTS = (re.compile(r"[.!?][\"”’']?\s+"), re.compile(r"\s+"))


def parsable(text: str) -> str:
    """``text`` with each lone surrogate (which spaCy cannot encode) as U+FFFD.

    The replacement keeps every offset: one character stands for one.

    Examples:
        >>> parsable("a\\ud800b") == "a\\ufffdb"
        True
    """
    return _SURROGATE.sub("\ufffd", text)


def parse_text(text: str, nlp: Language, *, chunk_size: int | None = None) -> Doc:
    """Parse ``text`` whole, or in chunks when it is longer than ``nlp.max_length``.

    Lone surrogates are parsed as U+FFFD (see :func:`parsable`), so the
    ``Doc``'s text may differ from ``text`` there, never in length.

    Args:
        text: the text.
        nlp: the pipeline.
        chunk_size: the longest chunk, in characters; ``nlp.max_length`` by
            default.

    Examples:
        >>> import quotelib
        >>> nlp = quotelib.load_pipeline()
        >>> text = "Xi said ties were strong.\\n\\nPutin agreed.\\n"
        >>> doc = parse_text(text, nlp, chunk_size=30)
        >>> doc.text == text, [s.text.strip() for s in doc.sents]
        (True, ['Xi said ties were strong.', 'Putin agreed.'])
    """
    text = parsable(text)
    limit = chunk_size or nlp.max_length
    if len(text) <= limit:
        return nlp(text)
    pieces = list(split_text(text, limit))
    logger.info("parsing a text of %d characters in %d chunks", len(text), len(pieces))
    docs = list(nlp.pipe(pieces))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never expected: the pieces are contiguous slices
        msg = "joined chunks do not reproduce the text"
        raise RuntimeError(msg)
    return doc


def split_text(text: str, limit: int) -> Iterator[str]:
    """Contiguous slices of ``text`` of at most ``limit`` characters, cut after line breaks.

    Examples:
        >>> list(split_text("One two.\\n\\nThree four.\\n\\nFive.\\n", 14))
        ['One two.\\n\\n', 'Three four.\\n\\n', 'Five.\\n']
    """
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, limit)
        yield text[start:cut]
        start = cut
    if start < len(text):
        yield text[start:]


def _cut(text: str, start: int, limit: int) -> int:
    """The best end of the chunk starting at ``start``: after a line break if any."""
    window_end = start + limit
    breaks = [m.end() for m in _BREAK.finditer(text, start, window_end) if m.end() < window_end]
    safe = [b for b in breaks if text[b : b + 1] not in _OPENING_MARKS]
    if safe or breaks:
        return (safe or breaks)[-1]
    for pattern in _FALLBACK_CUTS:
        ends = [m.end() for m in pattern.finditer(text, start, window_end) if m.end() < window_end]
        if ends:
            return ends[-1]
    return window_end

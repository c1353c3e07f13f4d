"""Long texts, parsed in paragraph-aligned chunks of a bounded size.

spaCy's memory grows with the length of the text it parses at once, not with
the number of texts: the tok2vec and parser layers hold their activations for
every token of a batch (about 15 KB a token with the small English model, so
2.7 GB for one text of a million characters). A long text is therefore cut
into chunks of at most :data:`CHUNK_SIZE` characters, each parsed on its own:

- :func:`chunk_spans` gives the ``(start, end)`` offsets of the chunks:
  contiguous, covering the text, cut after a line break where it can be,
  never inside a quotation whose ``(start, end)`` span the caller gives
  (pair the quote marks on the whole text first with
  :func:`quotelib.text.marks.find_quotations`; it is cheap and reads no parse).
- :func:`parse_chunks` parses them one at a time, lazily, and yields
  ``(offset, doc)``: only the chunk being read has a ``Doc`` alive, so memory
  stays flat however long the text.
- :func:`parse_text` joins the chunks' parses into one ``Doc`` (memory then
  grows with the text, but by the size of the ``Doc``, not of the parser's
  activations).

Every text spaCy sees goes through :func:`parsable` first, which keeps every
offset: a ``Doc`` differs from the caller's text only where a lone surrogate,
a long run of symbols or a line wrap was replaced one character for one.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from quotelib.text.layout import find_layout
from quotelib.text.marks import CLOSING_MARK_CLASS, OPENING_MARK_CHARS, find_quotations

logger = logging.getLogger(__name__)

#: The longest chunk :func:`parse_chunks` parses at once, in characters. Chunks
#: of 10,000 characters parse a text faster than longer ones (the layers' arrays
#: stay in the processor's caches) and hold about 35 MiB above the loaded model;
#: see docs/performance.md, "Long texts".
CHUNK_SIZE = 10_000
#: Texts longer than this, in characters, are parsed in chunks
#: (:func:`parse_text`): the parser's working memory grows with the text it
#: is given whole (about 2.8 GB for a million characters), and a chunked
#: parse takes less than half the time. News articles are far shorter.
LONG_TEXT = 100_000
#: The longest run of symbols (no letter, digit or space) the tokenizer is given.
#: spaCy's tokenizer splits each prefix or suffix off a word by searching the
#: rest of it again, so a word of n symbols costs about 0.1 µs × n² (16,000
#: quote marks: 18 s), past a fixed 10 µs or so a word from about 16 characters
#: on. Words of at most 32 keep a run at about 5 µs a character, linear, a few
#: percent of what parsing its tokens costs; shorter ones gain little more.
LONGEST_SYMBOL_RUN = 32

_SURROGATE = re.compile("[\ud800-\udfff]")
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{LONGEST_SYMBOL_RUN + 1},}}")
_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_SENTENCE_END = re.compile(rf"[.!?]{CLOSING_MARK_CLASS}?\s+")
_SPACE = re.compile(r"\s+")


def parsable(text: str) -> str:
    """``text`` as spaCy can parse it in linear time, every offset kept.

    Each lone surrogate (which spaCy cannot encode) becomes U+FFFD, and in a
    run of more than :data:`LONGEST_SYMBOL_RUN` characters that are neither
    letters, digits nor spaces (quote marks, emoji, ``!!!!``, ``____``), every
    33rd character becomes a space, so that the tokenizer never reads a
    longer run. In a text whose lines are wrapped
    (:func:`quotelib.text.layout.find_layout`), each line break that wraps a line
    inside a paragraph becomes a space, so that the parser reads the sentence
    on. One character stands for one, and letters and digits are never
    touched.

    Examples:
        >>> parsable("a\\ud800b") == "a\\ufffdb"
        True
        >>> cleaned = parsable('He said ' + '"' * 200)
        >>> len(cleaned), cleaned.count(" "), max(len(w) for w in cleaned.split())
        (208, 8, 32)
        >>> parsable('"Nobody was hurt," said she, "though the cook\\nlost her hat."\\n\\nNo.')
        '"Nobody was hurt," said she, "though the cook lost her hat."\\n\\nNo.'
    """
    wraps = find_layout(text).wraps
    text = _SURROGATE.sub("\ufffd", text)
    text = _SYMBOL_RUN.sub(_split_run, text)
    if not wraps:
        return text
    pieces, start = [], 0
    for wrap in wraps:
        pieces.append(text[start:wrap])
        start = wrap + 1
    pieces.append(text[start:])
    return " ".join(pieces)


def _split_run(match: re.Match) -> str:
    characters = list(match.group())
    for i in range(LONGEST_SYMBOL_RUN, len(characters), LONGEST_SYMBOL_RUN + 1):
        characters[i] = " "
    return "".join(characters)


def chunk_spans(
    text: str, quoted: Iterable[tuple[int, int]] = (), *, size: int = CHUNK_SIZE
) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` offsets of contiguous chunks of ``text``, each at most ``size`` long.

    The chunks cover the text in order (their slices concatenate to it). Each
    ends at the last good cut in its reach, in this order of preference:
    after a line break not followed by an opening quote mark, after any line
    break, after a sentence end, after a space; and never strictly inside a
    ``quoted`` span while a cut outside them exists. Only a quotation longer
    than ``size`` is cut (by the same preferences, then after ``size``
    characters if it has no space at all).

    Args:
        text: the text.
        quoted: ``(start, end)`` spans no cut may fall inside, in any order:
            the quotations of the whole text, e.g. ``[(q.start, q.end) for q
            in find_quotations(text) if q.depth == 0]``.
        size: the longest chunk, in characters.

    Raises:
        ValueError: ``size`` is not a positive number.

    Examples:
        >>> text = 'Xi spoke.\\n"We agree.\\n"And we will act," he said.\\nPutin agreed.\\n'
        >>> [text[s:e] for s, e in chunk_spans(text, size=30)]
        ['Xi spoke.\\n"We agree.\\n', '"And we will act," he said.\\n', 'Putin agreed.\\n']
        >>> quoted = [(q.start, q.end) for q in find_quotations(text)]
        >>> quoted
        [(10, 39)]
        >>> [text[s:e] for s, e in chunk_spans(text, quoted, size=40)]
        ['Xi spoke.\\n', '"We agree.\\n"And we will act," he said.\\n', 'Putin agreed.\\n']
    """
    if not isinstance(size, int) or size < 1:
        msg = f"'size' must be a positive int (got {size!r} that is a {type(size)!r})"
        raise ValueError(msg)
    zones = _Zones(quoted)
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size, zones)
        yield start, end
        start = end
    if start < len(text):
        yield start, len(text)


def split_text(text: str, limit: int) -> Iterator[str]:
    """Contiguous slices of ``text`` of at most ``limit`` characters (:func:`chunk_spans`).

    Examples:
        >>> list(split_text("One two.\\n\\nThree four.\\n\\nFive.\\n", 14))
        ['One two.\\n\\n', 'Three four.\\n\\n', 'Five.\\n']
    """
    for start, end in chunk_spans(text, size=limit):
        yield text[start:end]


def parse_chunks(
    text: str,
    nlp: Language,
    *,
    quoted: Iterable[tuple[int, int]],
    size: int = CHUNK_SIZE,
) -> Iterator[tuple[int, Doc]]:
    """Parse ``text`` chunk by chunk, lazily: ``(offset, doc)`` for each chunk, in order.

    The chunks are those of :func:`chunk_spans` on :func:`parsable` ``(text)``
    (where a wrapped line is no line break), parsed one at a time with
    ``nlp.pipe(..., batch_size=1)``, so a chunk is parsed only when the
    caller asks for it and memory holds one chunk's parse at a time (as long
    as the caller keeps no ``Doc``). ``doc.text`` is
    ``parsable(text)[offset : offset + len(doc.text)]``: read the caller's
    string for that slice (e.g. ``quotes_from_doc(doc, text=piece)``) and add
    ``offset`` to the offsets found in it.

    Args:
        text: the text, as long as you like.
        nlp: the pipeline.
        quoted: the ``(start, end)`` spans of the quotations paired on the
            whole text, which no cut falls inside (see :func:`chunk_spans`).
        size: the longest chunk, in characters.

    Examples:
        >>> import quotelib
        >>> text = '"We will win," Xi said.\\n\\nPutin agreed.\\n'
        >>> quoted = [(q.start, q.end) for q in find_quotations(text)]
        >>> [(offset, doc.text) for offset, doc in parse_chunks(
        ...     text, quotelib.load_pipeline(), quoted=quoted, size=30)]
        [(0, '"We will win," Xi said.\\n\\n'), (25, 'Putin agreed.\\n')]
    """
    cleaned = parsable(text)
    # Cut the text as the parse reads it: a wrapped line is no line break there.
    spans = list(chunk_spans(cleaned, quoted, size=size))
    docs = nlp.pipe((cleaned[start:end] for start, end in spans), batch_size=1)
    for (start, _), doc in zip(spans, docs):
        yield start, doc


def is_long(text: str, nlp: Language) -> bool:
    """Whether :func:`parse_text` parses ``text`` in chunks: it is longer than
    :data:`LONG_TEXT` or than the pipeline's ``max_length``."""
    return len(text) > min(LONG_TEXT, nlp.max_length)


def parse_text(text: str, nlp: Language, *, chunk_size: int | None = None) -> Doc:
    """Parse ``text`` whole, or in chunks when it is long (:func:`is_long`).

    The ``Doc``'s text is :func:`parsable` ``(text)``: it may differ from
    ``text`` at a lone surrogate, inside a long run of symbols or at a line
    wrap, never in length. A text longer than :data:`LONG_TEXT` or
    ``nlp.max_length`` (or ``chunk_size``) is cut into chunks of at most
    ``min(CHUNK_SIZE, chunk_size)`` characters, never inside a quotation and
    at paragraph breaks where it can be, parsed one at a time and joined.

    Args:
        text: the text.
        nlp: the pipeline.
        chunk_size: the longest text parsed whole, in characters;
            the shorter of :data:`LONG_TEXT` and ``nlp.max_length`` by default.

    Examples:
        >>> import quotelib
        >>> nlp = quotelib.load_pipeline()
        >>> text = "Xi said ties were strong.\\n\\nPutin agreed.\\n"
        >>> doc = parse_text(text, nlp, chunk_size=30)
        >>> doc.text == text, [s.text.strip() for s in doc.sents]
        (True, ['Xi said ties were strong.', 'Putin agreed.'])
    """
    cleaned = parsable(text)
    limit = chunk_size or min(LONG_TEXT, nlp.max_length)
    if len(text) <= limit:
        return nlp(cleaned)
    quoted = [(q.start, q.end) for q in find_quotations(text) if q.depth == 0]
    docs = []
    for _, doc in parse_chunks(text, nlp, quoted=quoted, size=min(limit, CHUNK_SIZE)):
        doc.tensor = numpy.zeros((0,), dtype="float32")  # half the Doc, and quotelib never reads it
        docs.append(doc)
    logger.info("parsed a text of %d characters in %d chunks", len(text), len(docs))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != cleaned:  # never expected: the pieces are contiguous slices
        msg = "joined chunks do not reproduce the text"
        raise RuntimeError(msg)
    return doc


class _Zones:
    """Spans no cut may fall strictly inside, merged and sorted."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif end - start > 1:  # nothing lies strictly inside a shorter span
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def allow(self, cut: int) -> bool:
        """Whether a chunk may end at ``cut`` (not strictly inside a span)."""
        i = bisect.bisect_left(self._starts, cut) - 1
        return i < 0 or cut >= self._ends[i]


def _cut(text: str, start: int, stop: int, zones: _Zones) -> int:
    """The end of the chunk from ``start``: the best cut before ``stop``."""
    breaks = [m.end() for m in _BREAK.finditer(text, start, stop) if m.end() < stop]
    before_open = [b for b in breaks if text[b] not in OPENING_MARK_CHARS]
    for allow in (zones.allow, None):  # outside the quotations, else inside a long one
        for cuts in (before_open, breaks):
            cut = _last(cuts, allow)
            if cut is not None:
                return cut
        for pattern in (_SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, start, stop) if m.end() < stop]
            cut = _last(ends, allow)
            if cut is not None:
                return cut
    return stop


def _last(cuts: list[int], allow: Callable[[int], bool] | None) -> int | None:
    for cut in reversed(cuts):
        if allow is None or allow(cut):
            return cut
    return None

"""Where the paragraphs of a text end: line wraps told apart from paragraph breaks.

Texts end their paragraphs in one of two ways, and a document keeps to one:

- **one line per paragraph** (news, web pages): every line break ends a
  paragraph, whether blank lines separate the paragraphs or not;
- **wrapped lines** (printed and digitised books, much wire copy and e-mail):
  blank lines separate the paragraphs, and the lines inside a paragraph are
  broken at a steady width, so a single line break is a *wrap*, a space that
  happens to be a newline, and the sentence goes on.

:func:`find_layout` decides which, once per document, and returns a
:class:`Layout`: the paragraphs, the breaks between them and the wraps. It is
the one place where quotelib decides where a paragraph ends: quote marks are
paired per paragraph (:mod:`quotelib.text.marks`), the view numbers paragraphs
(:mod:`quotelib.document.view`), the ``quotelib_paragraphs`` component starts
sentences at paragraph breaks (:mod:`quotelib.parse.model`), the parse reads wraps
as spaces (:func:`quotelib.parse.chunks.parsable`) and pages draw paragraphs
(:mod:`quotelib.render`) all by it.

A text is read as wrapped when the lines followed by another line of the same
paragraph (the *inner* lines) are, nearly all, about as long as the longest
of them, at a width a text is wrapped at (:data:`WRAP_WIDTHS`), when no line
is much longer than that width, and when enough of these line ends fall
inside a sentence (the next line starts in lower case, or the line ends with
a comma). A few short lines (headings, verse, a list, a signature) do not
change the decision. With fewer than :data:`FEW_LINES` inner lines there is
no width to measure: the text is read as wrapped only when every one of its
line breaks falls inside a sentence. Line breaks are ``\\n``, ``\\r\\n``,
``\\r`` and the other characters ``str.splitlines`` breaks at; form feeds,
the information separators ``\\x1c``-``\\x1e`` and U+2029 PARAGRAPH SEPARATOR
always end a paragraph. Spaces at the ends of lines are not counted.

Known limit: a wrapped text whose paragraphs are marked by indentation alone,
without blank lines, is read as one paragraph per run of lines.

Examples:
    >>> text = "Xi spoke first.\\n\\nPutin agreed.\\nThe talks ended."
    >>> find_layout(text)
    Layout(wrapped=False, width=0, paragraphs=((0, 15), (17, 30), (31, 47)), breaks=(15, 30), wraps=(), length=47)
"""

from __future__ import annotations

import bisect
import logging
import re

import attrs

__all__ = ["FEW_LINES", "Layout", "WRAP_WIDTHS", "find_layout", "single_break"]

logger = logging.getLogger(__name__)

#: The widths, in characters, that a text is read as wrapped at: from narrow
#: newspaper columns to the 132 columns of wide terminals and printers.
WRAP_WIDTHS = range(16, 151)
#: Below this many inner lines, the widths say nothing and a text is read as
#: wrapped only when each of its line breaks falls inside a sentence.
FEW_LINES = 4
# The width is the 90th percentile of the inner lines' lengths: a few long lines
# (a URL, a line of verse) do not set it.
_WIDTH_QUANTILE = 0.9
# An inner line is "at the width" between 70% and 110% of it; most must be.
_STEADY_BAND = (0.7, 1.1)
_STEADY_SHARE = 0.6
# No more than this share of all lines may be longer than 125% of the width.
_LONG_LINE = 1.25
_LONG_SHARE = 0.05
# At least this share of the inner line ends must fall inside a sentence.
_INSIDE_SENTENCE_SHARE = 0.3

_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: Breaks that end a paragraph in every layout.
_HARD_BREAKS = frozenset("\f\x1c\x1d\x1e\u2029")
_BREAK_RE = re.compile(f"\r\n|[{_BREAK_CHARS}]")
# A line without its edge whitespace: from its first non-space character to its
# last, never across a line break (every break is whitespace).
_LINE_RE = re.compile(rf"\S(?:[^{_BREAK_CHARS}]*\S)?")


@attrs.frozen(kw_only=True)
class Layout:
    """Where the paragraphs of a text are, and which of its line breaks are wraps.

    Attributes:
        wrapped: whether a single line break inside a paragraph is a wrap.
        width: the width the lines are wrapped at, in characters (0 when not
            wrapped).
        paragraphs: the ``(start, end)`` of each paragraph, without the
            whitespace at its edges, in order; blank lines belong to none.
        breaks: one offset between each two paragraphs: that of the first line
            break after the earlier one (as many as the paragraphs, less one).
            ``bisect.bisect_right(breaks, offset)`` is the number of the
            paragraph holding ``offset``.
        wraps: the offsets of the line-break characters that wrap a line
            inside a paragraph (both of a ``\\r\\n``), in order; empty when not
            wrapped.
        length: the length of the text.

    This is the one home of paragraph geometry: which paragraph holds an
    offset (:meth:`paragraph`), and the stretch of text each paragraph owns
    (:meth:`start`, :meth:`end`: from the break before it to the break after
    it, its blank lines included).

    Examples:
        >>> text = '"Nobody was hurt," said Mrs Harlow, "though the cook\\nlost her hat."'
        >>> layout = find_layout(text)
        >>> layout.wrapped, layout.paragraphs, layout.wraps
        (True, ((0, 67),), (52,))
        >>> layout.paragraph(60), layout.start(0), layout.end(0)
        (0, 0, 67)
    """

    wrapped: bool
    width: int
    paragraphs: tuple[tuple[int, int], ...]
    breaks: tuple[int, ...]
    wraps: tuple[int, ...]
    length: int

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph holding character ``offset``, counted from 0."""
        return bisect.bisect_right(self.breaks, offset)

    def start(self, number: int) -> int:
        """Where the stretch of paragraph ``number`` starts: the break before it (0 for the
        first paragraph)."""
        return self.breaks[number - 1] if number else 0

    def end(self, number: int) -> int:
        """Where the stretch of paragraph ``number`` ends: the break after it (the text's
        length for the last paragraph)."""
        return self.breaks[number] if number < len(self.breaks) else self.length


def find_layout(text: str) -> Layout:
    """The layout of ``text``: its paragraphs, the breaks between them and its wraps.

    Args:
        text: any text.

    Returns:
        The layout, decided once for the whole text (see the module's notes).

    Raises:
        TypeError: ``text`` is not a ``str``.

    Examples:
        >>> book = (
        ...     "Mrs Harlow came down late, and found the cook already at the\\n"
        ...     "table, with the letters opened and sorted into two heaps, the\\n"
        ...     "bills on the left hand and everything else on the right, as\\n"
        ...     "she had done every morning for twenty years.\\n"
        ...     "\\n"
        ...     '"Nobody was hurt," said she, "though the cook lost her\\n'
        ...     'spectacles in the scramble and will not hear of new ones."\\n'
        ... )
        >>> layout = find_layout(book)
        >>> layout.wrapped, layout.width, len(layout.paragraphs), layout.breaks
        (True, 60, 2, (227,))
        >>> [book[start:end].count("\\n") for start, end in layout.paragraphs]
        [3, 1]
        >>> find_layout("Stop lying\\nShow humility\\nFill in the gaps.").wrapped
        False
    """
    if not isinstance(text, str):
        msg = f"'text' must be str (got {text!r} that is a {type(text)!r})"
        raise TypeError(msg)
    lines = [match.span() for match in _LINE_RE.finditer(text)]
    # For each gap between two lines: its first line break, and whether that
    # break is soft and alone in the gap (no blank line).
    gaps = [_gap(text, end, start) for (_, end), (start, _) in zip(lines, lines[1:])]
    width = _wrap_width(text, lines, gaps)
    if not width:
        breaks = tuple(first for first, _, _ in gaps)
        return Layout(
            wrapped=False,
            width=0,
            paragraphs=tuple(lines),
            breaks=breaks,
            wraps=(),
            length=len(text),
        )
    paragraphs, breaks, wraps = [], [], []
    paragraph_start = lines[0][0]
    for (_, end), (start, _), (first, after, single) in zip(lines, lines[1:], gaps):
        if single:
            wraps.extend(range(first, after))
            continue
        paragraphs.append((paragraph_start, end))
        breaks.append(first)
        paragraph_start = start
    paragraphs.append((paragraph_start, lines[-1][1]))
    return Layout(
        wrapped=True,
        width=width,
        paragraphs=tuple(paragraphs),
        breaks=tuple(breaks),
        wraps=tuple(wraps),
        length=len(text),
    )


def single_break(text: str, end: int, start: int) -> bool:
    """Whether the line starting at ``start`` follows the one ending at ``end`` across one
    soft line break: no blank line, no break that always ends a paragraph.

    Examples:
        >>> text = "One line\\nthe next\\n\\nafter a blank line"
        >>> single_break(text, 8, 9), single_break(text, 17, 19)
        (True, False)
    """
    return _gap(text, end, start)[2]


def _gap(text: str, end: int, start: int) -> tuple[int, int, bool]:
    """The first line break between two lines (start, end), and whether it is soft and
    the only one (a wrap, if the text is wrapped)."""
    first = _BREAK_RE.search(text, end, start)
    if first is None:  # never: two lines are always apart by a line break
        msg = f"no line break between offsets {end} and {start}"
        raise RuntimeError(msg)
    single = first.group() not in _HARD_BREAKS and not _BREAK_RE.search(text, first.end(), start)
    return first.start(), first.end(), single


def _wrap_width(text: str, lines: list[tuple[int, int]], gaps: list[tuple[int, int, bool]]) -> int:
    """The width the lines of ``text`` are wrapped at, or 0 when they are not wrapped."""
    inner = [(line, nxt) for line, nxt, (*_, single) in zip(lines, lines[1:], gaps) if single]
    if not inner:
        return 0
    lengths = sorted(end - start for (start, end), _ in inner)
    width = lengths[int(_WIDTH_QUANTILE * (len(lengths) - 1))]
    inside = sum(text[nxt[0]].islower() or text[end - 1] == "," for (_, end), nxt in inner)
    if width not in WRAP_WIDTHS:
        return 0
    if len(inner) < FEW_LINES:
        wrapped = inside == len(inner) and all(e - s <= _LONG_LINE * width for s, e in lines)
    else:
        low, high = _STEADY_BAND[0] * width, _STEADY_BAND[1] * width
        steady = sum(low <= length <= high for length in lengths) / len(lengths)
        long = sum(e - s > _LONG_LINE * width for s, e in lines) / len(lines)
        wrapped = (
            steady >= _STEADY_SHARE
            and long <= _LONG_SHARE
            and inside / len(inner) >= _INSIDE_SENTENCE_SHARE
        )
    logger.debug("%d inner lines at width %d: wrapped %s", len(inner), width, wrapped)
    return width if wrapped else 0

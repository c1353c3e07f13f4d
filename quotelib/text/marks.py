"""Pair quotation marks on raw text.

This is the first stage of quotelib: it needs no parser, only the characters.
:func:`find_quotations` returns every stretch of text enclosed in quotation marks,
nested ones included, as :class:`Quotation` records on the caller's offsets.

Marks understood: straight ``"`` and ``''`` (two apostrophes, a newspaper
convention), curly ``“ ”``, single ``' ‘ ’``, German ``„ “`` and ``‚ ‘``,
guillemets ``« »`` in either direction, and the marks of LaTeX and the Penn
Treebank (two backticks opening, two apostrophes closing; or one backtick and
one apostrophe). Apostrophes (``Russia’s``, ``workers’``, ``’90s``, ``rock ’n’
roll``, ``'em``) are told apart from single quote marks by their neighbours,
also right after an opening mark (``''Tis nobler'``, ``‘’Twas brillig’``), and
a single mark right before a double one opens (``'"Hello," he said.'``).

Marks are paired paragraph by paragraph, in the paragraphs of
:func:`quotelib.text.layout.find_layout`: in a text whose lines are wrapped, a
quotation runs on over its line wraps. A quotation may also run over several
paragraphs, as news and novels write it: each paragraph but the last then ends
without a closing mark and the next one opens with a mark of the same kind.
Such a quotation has one part per paragraph. A mark that finds no partner is
skipped and logged at DEBUG level; it never costs the other quotations of the
document, since pairing starts afresh at the next paragraph at the latest.

Known limits: a single mark before digits is always an apostrophe (``'60 Minutes'``
is not a quotation); a quotation whose paragraph ends without a closing mark and
that the next paragraph does not continue is dropped, not closed at the
paragraph end.
"""

from __future__ import annotations

import logging
import re

import attrs

from quotelib.lexicon import ELISIONS
from quotelib.text.layout import Layout, find_layout
from quotelib.text.ranges import strip_space

__all__ = [
    "CLOSING_MARK_CHARS",
    "CLOSING_MARK_CLASS",
    "DOUBLE_MARKS",
    "DOUBLE_MARK_CHARS",
    "ELISIONS",
    "GUILLEMETS",
    "MARK_CHARS",
    "OPENING_MARK_CHARS",
    "Quotation",
    "SINGLE_MARKS",
    "find_quotations",
    "pair_quotations",
]

logger = logging.getLogger(__name__)

#: Double quotation marks; ``''`` is two straight apostrophes used as one mark,
#: and two backticks (LaTeX, Penn Treebank) only open.
DOUBLE_MARKS = frozenset({'"', "“", "”", "„", "''", "``"})
#: Single quotation marks, several of them also apostrophes; a backtick only opens.
SINGLE_MARKS = frozenset({"'", "‘", "’", "‚", "‹", "›", "`"})
#: Guillemets, ``« »`` (French style) or ``» «`` (German style).
GUILLEMETS = frozenset({"«", "»"})
#: Every character a quotation mark is made of (the one set of them: the stages that
#: strip, count or look for marks ask this module).
MARK_CHARS = frozenset("\"'`“”„‘’‚«»‹›")
#: The characters that are a double mark or a guillemet on their own, whose count in a
#: stretch of text tells whether one is left unpaired there.
DOUBLE_MARK_CHARS = frozenset('"“”«»„')
#: The characters that may open a quotation (a paragraph starting with one opens with a
#: quotation).
OPENING_MARK_CHARS = frozenset("\"“‘'«„")
#: The characters that may close a quotation right after the end of its last sentence
#: (``... he said."``), as the sentence-end patterns of the other stages allow.
CLOSING_MARK_CHARS = frozenset("\"”’'")
#: A regular-expression class that matches one of :data:`CLOSING_MARK_CHARS`.
CLOSING_MARK_CLASS = f"[{re.escape(''.join(sorted(CLOSING_MARK_CHARS)))}]"


_FAMILY = {**dict.fromkeys(DOUBLE_MARKS, 0), **dict.fromkeys(SINGLE_MARKS, 1)}
_FAMILY.update(dict.fromkeys(GUILLEMETS, 2))
_SINGLE = 1
# A mark that usually opens closes the low or reversed mark it is paired with here.
_CLOSES_PARTNER = {"“": "„", "‘": "‚", "«": "»", "‹": "›"}
# Characters after which a mark stands at the start of something.
_OPEN_BEFORE = frozenset('([{<=—–-/"“„‘‚«»‹›`')
# How far down the stack a closing mark looks for its partner.
_MAX_WALK = 8

# Roles: _OPEN, _CLOSE, _WEAK (closes a single quote, else an apostrophe), _EITHER
# (straight double: closes an open one, else opens), _OPEN_OR_CLOSE (opens unless a
# mark of its kind is open), _CLOSE_PARTNER (closes its low partner, else opens),
# _CLOSE_TICK (a ' between spaces: closes an open `, else nothing).
_OPEN, _CLOSE, _WEAK, _EITHER, _OPEN_OR_CLOSE, _CLOSE_PARTNER, _CLOSE_TICK = range(7)

# One alternative per mark, not '+|["“”...]: a pattern whose alternatives all
# open with a literal character is searched for by that character, three
# times as fast as trying it at every offset.
_MARK_RE = re.compile("''*|``*|\"|“|”|„|‘|’|‚|«|»|‹|›")
_ALNUM_RE = re.compile(r"[^\W_]")
_WORD_RE = re.compile(r"[^\W\d_]+")

_Token = tuple[int, int, str, int]  # (start, end, mark, role)


@attrs.frozen(kw_only=True)
class Quotation:
    """A stretch of text enclosed in quotation marks.

    Attributes:
        start: offset of the opening mark.
        end: offset just after the closing mark.
        parts: ``(start, end)`` offsets of the content without the marks and
            surrounding whitespace, one per paragraph for a quotation that runs
            over several paragraphs.
        depth: 0 for an outermost quotation, 1 for one nested in another, ...
        mark: the opening mark, e.g. ``'“'`` (``"''"`` for two apostrophes).

    Examples:
        >>> text = 'Putin, addressing Xi as his “dear friend”, echoed this.'
        >>> [quotation] = find_quotations(text)
        >>> quotation
        Quotation(start=28, end=41, parts=((29, 40),), depth=0, mark='“')
        >>> text[quotation.content_start : quotation.content_end]
        'dear friend'
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    depth: int
    mark: str

    @property
    def content_start(self) -> int:
        """Offset of the first character of the content."""
        return self.parts[0][0]

    @property
    def content_end(self) -> int:
        """Offset just after the last character of the content."""
        return self.parts[-1][1]


def find_quotations(text: str) -> list[Quotation]:
    """Find the quotations of ``text``, nested ones included, sorted by start.

    Empty quotations and those without a letter or digit are left out. Unpaired
    marks are skipped and logged; any ``str`` is accepted.

    Args:
        text: the raw text, in the paragraphs :func:`quotelib.text.layout.find_layout`
            finds (each line, or in a wrapped text each run of lines).

    Returns:
        The quotations, sorted by the offset of their opening mark.

    Raises:
        TypeError: if ``text`` is not a ``str``.

    Examples:
        >>> text = '"Yes," he said, "the workers\\' union won \\'big\\' today."'
        >>> [(q.depth, text[q.content_start : q.content_end]) for q in find_quotations(text)]
        [(0, 'Yes,'), (0, "the workers' union won 'big' today."), (1, 'big')]
        >>> text = '“We will win.\\n\\n“We always do,” he said.'
        >>> [q.parts for q in find_quotations(text)]
        [((1, 13), (16, 29))]
    """
    if not isinstance(text, str):
        msg = f"'text' must be str (got {text!r} that is a {type(text)!r})"
        raise TypeError(msg)
    return pair_quotations(text, find_layout(text))


def pair_quotations(text: str, layout: Layout) -> list[Quotation]:
    """The quotations of ``text`` (as :func:`find_quotations`), paired in the paragraphs of
    its ``layout``, found once for the document (:class:`quotelib.document.view.DocView`)."""
    pairer = _Pairer()
    for start, end in layout.paragraphs:
        tokens = _drop_weak_apostrophes(_classify(text, start, end))
        pairer.paragraph(tokens, start, end)
    pairer.drop_open()
    return _finish(text, pairer.found)


def _classify(text: str, start: int, end: int) -> list[_Token]:
    """The quotation marks of one paragraph with their roles; apostrophes left out."""
    tokens: list[_Token] = []
    for match in _MARK_RE.finditer(text, start, end):
        i, j = match.span()
        if j - i > 1 and text[i] == "'" and _elision_follows(text, j, end):
            j -= 1  # ''Tis nobler': the last apostrophe is the word's
        before = text[i - 1] if i > start else " "
        if tokens and tokens[-1][1] == i and tokens[-1][3] == _OPEN:
            before = " "  # '"Hello,": a mark right after an opening one opens too
        after = text[j] if j < end else " "
        if text[i] == "`":
            tokens.extend(_backticks(i, j, before, after))
            continue
        opens = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
        closes = (j >= end or not before.isspace()) and not after.isalnum()
        if j - i > 1:
            tokens.extend(_classify_run(i, j, opens, closes))
            continue
        mark = text[i]
        if _FAMILY[mark] == _SINGLE:
            role = _single_role(text, i, end, before, after, opens, closes)
        else:
            role = _double_role(mark, opens, closes)
        if role is not None:
            tokens.append((i, j, mark, role))
    return tokens


def _double_role(mark: str, opens: bool, closes: bool) -> int:
    """The role of a double mark or guillemet from its neighbourhood."""
    if mark == '"':
        return _OPEN if opens and not closes else _CLOSE if closes and not opens else _EITHER
    if mark in ("“", "«"):
        return _CLOSE if closes and not opens else _CLOSE_PARTNER
    if mark == "„":
        return _OPEN
    return _CLOSE if closes else _OPEN_OR_CLOSE


def _single_role(
    text: str, i: int, end: int, before: str, after: str, opens: bool, closes: bool
) -> int | None:
    """The role of a single mark, or ``None`` when it is an apostrophe."""
    mark = text[i]
    if before.isalnum() and after.isalnum():
        return None  # don't, Russia’s, O'Brien
    if mark == "‚":
        return _OPEN if opens and after.isalpha() else None
    if mark in "‹›":
        return _CLOSE_PARTNER if mark == "‹" else _double_role(mark, opens, closes)
    if opens and after.isalnum():
        word = _WORD_RE.match(text, i + 1, end)
        if after.isdigit() or (word and word.group().lower() in ELISIONS):
            return None  # ’90s, 'em, rock ’n’ roll
        return None if mark == "’" else _CLOSE_PARTNER if mark == "‘" else _OPEN
    if mark == "‘":
        return _CLOSE_PARTNER
    if mark == "'" and opens and after in MARK_CHARS:
        return _OPEN  # '"Hello," he said.' and '’Tis
    if mark == "'" and before.isspace() and after.isspace():
        return _CLOSE_TICK  # ` this ' in Penn Treebank tokens
    if not closes:
        return None
    if before == "n" and i >= 2 and text[i - 2] in "'‘’" and (i < 3 or text[i - 3].isspace()):
        return None  # the second mark of rock ’n’ roll
    return _WEAK if before.isalnum() and i + 1 < end and after.isspace() else _CLOSE


def _elision_follows(text: str, j: int, end: int) -> bool:
    """Whether a run of apostrophes ending at ``j`` is followed by an elided word
    (``''Tis``) and no ``''`` closes it later in the paragraph."""
    word = _WORD_RE.match(text, j, end)
    return bool(word) and word.group().lower() in ELISIONS and text.find("''", j, end) < 0


def _backticks(i: int, j: int, before: str, after: str) -> list[_Token]:
    """The opening marks of a run of backticks: each two a double mark, a last odd one single.

    A backtick between two letters is an apostrophe (``don`t``), and one that
    ends a word before a space closes markup (code in Markdown), not a quotation.
    """
    if (before.isalnum() and after.isalnum()) or (not before.isspace() and after.isspace()):
        return []
    tokens = [(k, k + 2, "``", _OPEN) for k in range(i, j - 1, 2)]
    if (j - i) % 2:
        tokens.append((j - 1, j, "`", _OPEN))
    return tokens


def _classify_run(i: int, j: int, opens: bool, closes: bool) -> list[_Token]:
    """Split a run of straight apostrophes into ``''`` marks and a single ``'``."""
    role = _OPEN if opens and not closes else _CLOSE if closes and not opens else _EITHER
    doubles = [(k, k + 2, "''", role) for k in range(i, j - 1, 2)]
    if (j - i) % 2 == 0 or role == _EITHER:
        return doubles
    if role == _OPEN:  # ''' before a word: the double opens, then the single
        return [*doubles, (j - 1, j, "'", _OPEN)]
    return [(i, i + 1, "'", _CLOSE), *((k + 1, k + 3, "''", role) for k, *_ in doubles)]


def _drop_weak_apostrophes(tokens: list[_Token]) -> list[_Token]:
    """Drop each ``s’``-like mark followed by a surer single closing mark.

    In ``‘the workers’ union,’ he said`` the first ``’`` is an apostrophe,
    because a single closing mark follows before any single opening mark.
    """
    kept, surer_close_follows = [], False
    for token in reversed(tokens):
        mark, role = token[2], token[3]
        if _FAMILY[mark] == _SINGLE:
            if role == _WEAK and surer_close_follows:
                continue
            if role == _CLOSE:
                surer_close_follows = True
            elif role in (_OPEN, _CLOSE_PARTNER):
                surer_close_follows = False
        kept.append(token)
    kept.reverse()
    return kept


class _Pairer:
    """A stack of open marks, fed one paragraph at a time."""

    def __init__(self) -> None:
        # Each open mark: [start, mark, content start, finished parts].
        self.stack: list[list] = []
        self.found: list[tuple[int, int, str, list[tuple[int, int]]]] = []

    def paragraph(self, tokens: list[_Token], start: int, end: int) -> None:
        """Pair the marks of one paragraph, continuing quotations left open."""
        for token in tokens[self._continue(tokens, start) :]:
            self._feed(token)
        for entry in self.stack:
            entry[3].append((entry[2], end))

    def drop_open(self, keep: int = 0) -> None:
        """Log and forget the open marks above the ``keep`` lowest ones."""
        for entry in self.stack[keep:]:
            logger.debug("unpaired opening quote mark %r at offset %d", entry[1], entry[0])
        del self.stack[keep:]

    def _continue(self, tokens: list[_Token], start: int) -> int:
        """Continue open quotations whose mark reopens this paragraph.

        Returns the number of leading tokens used up as continuation marks.
        """
        used = 0
        for entry in self.stack:
            if used == len(tokens):
                break
            i, j, mark, role = tokens[used]
            if i != start or role in (_CLOSE, _WEAK) or mark != entry[1]:
                break
            entry[2], start, used = j, j, used + 1
        self.drop_open(used)
        return used

    def _feed(self, token: _Token) -> None:
        i, j, mark, role = token
        if role == _OPEN:
            self.stack.append([i, mark, j, []])
            return
        if role == _CLOSE_PARTNER:
            if self.stack and self.stack[-1][1] == _CLOSES_PARTNER[mark]:
                self._close(len(self.stack) - 1, i, j)
            else:
                self.stack.append([i, mark, j, []])
            return
        if role == _CLOSE_TICK:
            if self.stack and self.stack[-1][1] == "`":
                self._close(len(self.stack) - 1, i, j)
            return
        depth = self._partner(mark, same_mark=role == _EITHER)
        if depth is not None:
            self._close(depth, i, j)
        elif role in (_EITHER, _OPEN_OR_CLOSE):
            self.stack.append([i, mark, j, []])
        elif role == _CLOSE:
            logger.debug("unpaired closing quote mark %r at offset %d", mark, i)

    def _partner(self, mark: str, *, same_mark: bool) -> int | None:
        """Stack index of the open mark that ``mark`` closes, if any."""
        family = _FAMILY[mark]
        top = len(self.stack) - 1
        if family == _SINGLE:  # a single mark closes only the innermost quotation
            return top if top >= 0 and _FAMILY[self.stack[top][1]] == _SINGLE else None
        for depth in range(top, max(-1, top - _MAX_WALK), -1):
            opener = self.stack[depth][1]
            if _FAMILY[opener] == family:
                same = opener == mark or (opener, mark) == ("``", "''")
                return depth if not same_mark or same else None
        return None

    def _close(self, depth: int, i: int, j: int) -> None:
        if depth + 1 < len(self.stack):
            self.drop_open(depth + 1)
        start, mark, content_start, parts = self.stack.pop()
        parts.append((content_start, i))
        self.found.append((start, j, mark, parts))


def _finish(text: str, found: list) -> list[Quotation]:
    """Strip and check the contents, compute depths and build the records."""
    found.sort(key=lambda quotation: quotation[0])
    next_alnum, alnum_at = {}, -1
    for start in sorted({a for *_, parts in found for a, _ in parts}):
        if alnum_at < start:
            match = _ALNUM_RE.search(text, start)
            alnum_at = match.start() if match else len(text)
        next_alnum[start] = alnum_at
    quotations, ends = [], []
    for start, end, mark, parts in found:
        if not any(next_alnum[a] < b for a, b in parts):
            logger.debug("quotation without letters or digits at offset %d", start)
            continue
        if start and text[start - 1] == "=":
            continue  # a markup attribute value: <tweet id="123">
        while ends and ends[-1] <= start:
            ends.pop()
        stripped = tuple(strip_space(text, a, b) for a, b in parts)
        parts = tuple(part for part in stripped if part[0] < part[1])
        quotations.append(Quotation(start=start, end=end, parts=parts, depth=len(ends), mark=mark))
        ends.append(end)
    return quotations

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
Such a quotation has one part per paragraph. In a text the layout does not
read as wrapped (a few short lines), a mark left open at the end of a line
runs on over single line breaks to the first mark of its kind, when that mark
closes it, with one part per line (:mod:`quotelib.text.pairing`). A mark that
finds no partner is skipped and logged at DEBUG level; it never costs the other
quotations of the document, since pairing starts afresh at the next paragraph
at the latest.

In a document that keeps the convention of dash dialogue (``— I know, she
said. — But not today.``), each spoken stretch of a turn is a quotation too,
its mark the dash (:mod:`quotelib.text.dashes`); quotations in quote marks
inside it are nested in it.

Known limits: a single mark before digits is always an apostrophe (``'60 Minutes'``
is not a quotation); a quotation whose paragraph ends without a closing mark and
that the next paragraph (or line) does not continue is dropped, not closed at the
paragraph end; ``the boys' toys'`` inside a quotation opened by a single mark is
read as closing at the first apostrophe.
"""

from __future__ import annotations

import logging
import re

import attrs

from quotelib.lexicon import CLITICS, ELISIONS
from quotelib.text.dashes import dash_stretches
from quotelib.text.layout import Layout, find_layout, single_break
from quotelib.text.pairing import CLOSE as _CLOSE
from quotelib.text.pairing import CLOSE_PARTNER as _CLOSE_PARTNER
from quotelib.text.pairing import CLOSE_TICK as _CLOSE_TICK
from quotelib.text.pairing import EITHER as _EITHER
from quotelib.text.pairing import OPEN as _OPEN
from quotelib.text.pairing import OPEN_OR_CLOSE as _OPEN_OR_CLOSE
from quotelib.text.pairing import WEAK as _WEAK
from quotelib.text.pairing import MarkKinds, Pairer, Token, roles_ahead
from quotelib.text.ranges import strip_space

__all__ = [
    "CLITICS",
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
_SINGLE, _FAMILIES = 1, 3
# What the pairer knows of the marks: a mark that usually opens closes the low or
# reversed mark it is paired with here, a ' between spaces closes a backtick, and two
# apostrophes close two backticks.
_KINDS = MarkKinds(
    family=_FAMILY,
    single=_SINGLE,
    partners={"“": "„", "‘": "‚", "«": "»", "‹": "›", "'": "`"},
    alike=frozenset({("``", "''")}),
)
# Characters after which a mark stands at the start of something.
_OPEN_BEFORE = frozenset('([{<=—–-/"“„‘‚«»‹›`')
# One alternative per mark, not '+|["“”...]: a pattern whose alternatives all
# open with a literal character is searched for by that character, three
# times as fast as trying it at every offset.
_MARK_RE = re.compile("''*|``*|\"|“|”|„|‘|’|‚|«|»|‹|›")
_ALNUM_RE = re.compile(r"[^\W_]")
_WORD_RE = re.compile(r"[^\W\d_]+")


@attrs.frozen(kw_only=True)
class Quotation:
    """A stretch of text enclosed in quotation marks.

    Attributes:
        start: offset of the opening mark (of a dash turn's stretch: its dash, or
            its first word when it resumes after the attribution's comma).
        end: offset just after the closing mark (of a dash turn's stretch: after
            its last character).
        parts: ``(start, end)`` offsets of the content without the marks and
            surrounding whitespace, one per paragraph (or line) for a quotation
            that runs over several.
        depth: 0 for an outermost quotation, 1 for one nested in another, ...
        mark: the opening mark, e.g. ``'“'`` (``"''"`` for two apostrophes), or
            the dash of a turn of dash dialogue (one of
            :data:`quotelib.text.dashes.DASH_MARKS`).

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
        >>> text = "— Come in, he said, the door is open.\\n— Thank you, said Marek."
        >>> [(q.mark, text[q.content_start : q.content_end]) for q in find_quotations(text)]
        [('—', 'Come in,'), ('—', 'the door is open.'), ('—', 'Thank you,')]
    """
    if not isinstance(text, str):
        msg = f"'text' must be str (got {text!r} that is a {type(text)!r})"
        raise TypeError(msg)
    return pair_quotations(text, find_layout(text))


def pair_quotations(text: str, layout: Layout) -> list[Quotation]:
    """The quotations of ``text`` (as :func:`find_quotations`), paired in the paragraphs of
    its ``layout``, found once for the document (:class:`quotelib.document.view.DocView`)."""
    paragraphs = layout.paragraphs
    tokens = [_drop_weak_apostrophes(_classify(text, start, end)) for start, end in paragraphs]
    joined = [False] + [single_break(text, a[1], b[0]) for a, b in zip(paragraphs, paragraphs[1:])]
    pairer = Pairer(_KINDS)
    ahead = roles_ahead(tokens, joined, _KINDS, _FAMILIES)
    for (start, end), marks, roles in zip(paragraphs, tokens, ahead):
        pairer.paragraph(marks, start, end, roles)
    pairer.drop_open()
    marked = [(start, end) for start, end, *_ in pairer.found]
    dashed = [(s.start, s.end, s.mark, [s.content]) for s in dash_stretches(text, layout, marked)]
    return _finish(text, dashed + pairer.found)


def _classify(text: str, start: int, end: int) -> list[Token]:
    """The quotation marks of one paragraph with their roles; apostrophes left out."""
    tokens: list[Token] = []
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
        if before.isspace() and word and word.group().lower() in CLITICS and _alone(text, word):
            return None  # John 's, I 'm: Penn Treebank tokens
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


def _alone(text: str, word: re.Match) -> bool:
    """Whether ``word`` stands alone as a token: a space (or the end) follows it."""
    return word.end() == len(text) or text[word.end()].isspace()


def _elision_follows(text: str, j: int, end: int) -> bool:
    """Whether a run of apostrophes ending at ``j`` is followed by an elided word
    (``''Tis``) and no ``''`` closes it later in the paragraph."""
    word = _WORD_RE.match(text, j, end)
    return bool(word) and word.group().lower() in ELISIONS and text.find("''", j, end) < 0


def _backticks(i: int, j: int, before: str, after: str) -> list[Token]:
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


def _classify_run(i: int, j: int, opens: bool, closes: bool) -> list[Token]:
    """Split a run of straight apostrophes into ``''`` marks and a single ``'``."""
    role = _OPEN if opens and not closes else _CLOSE if closes and not opens else _EITHER
    doubles = [(k, k + 2, "''", role) for k in range(i, j - 1, 2)]
    if (j - i) % 2 == 0 or role == _EITHER:
        return doubles
    if role == _OPEN:  # ''' before a word: the double opens, then the single
        return [*doubles, (j - 1, j, "'", _OPEN)]
    return [(i, i + 1, "'", _CLOSE), *((k + 1, k + 3, "''", role) for k, *_ in doubles)]


def _drop_weak_apostrophes(tokens: list[Token]) -> list[Token]:
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


def _finish(text: str, found: list) -> list[Quotation]:
    """Strip and check the contents, compute depths and build the records."""
    found.sort(key=lambda quotation: (quotation[0], -quotation[1]))  # the outer one first
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

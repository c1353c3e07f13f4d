"""The stack that pairs quotation marks, fed one paragraph at a time.

:mod:`quotelib.text.marks` reads each mark's role (:data:`OPEN`, :data:`CLOSE`, ...) off its neighbours
and hands the marks of each paragraph, in order, to a :class:`Pairer`, which
pairs them on a stack of open marks. The pairer knows the marks only by what
:class:`MarkKinds` tells it (their family, the partners they close, the marks
that count as the same), so the characters of quotation marks keep their one
home in :mod:`quotelib.text.marks`.

A quotation left open at the end of a paragraph goes on in the next one in two
cases: the next paragraph opens with the same mark (a quotation over several
paragraphs, one part each), or one soft line break joins the two and the
first mark of its family from there on, before a blank line, closes it (a
quotation over the lines of a short text that the layout does not read as
wrapped, one part per line). Any other mark left open is dropped and logged.

Examples:
    >>> kinds = MarkKinds(family={'"': 0}, single=1, partners={}, alike=frozenset())
    >>> pairer = Pairer(kinds)
    >>> pairer.paragraph([(0, 1, '"', OPEN), (5, 6, '"', CLOSE)], 0, 6, None)
    >>> pairer.found
    [(0, 6, '"', [(1, 5)])]
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import attrs

__all__ = [
    "CLOSE",
    "CLOSE_PARTNER",
    "CLOSE_TICK",
    "EITHER",
    "MAX_WALK",
    "MarkKinds",
    "OPEN",
    "OPEN_OR_CLOSE",
    "Pairer",
    "Token",
    "WEAK",
    "roles_ahead",
]

logger = logging.getLogger(__name__)

#: How far down the stack a closing mark looks for its partner.
MAX_WALK = 8


# The roles of a mark, read off its neighbours: plain numbers, compared in the loops that
# read every mark (an enum's members cost ten times as much to look up).
#: Opens a quotation.
OPEN = 0
#: Closes a quotation.
CLOSE = 1
#: Closes a single quotation, else it is an apostrophe (``workers’``).
WEAK = 2
#: Closes an open quotation of its own mark, else opens (a straight double mark).
EITHER = 3
#: Opens unless a mark of its family is open.
OPEN_OR_CLOSE = 4
#: Closes its partner (``„`` for ``“``), else opens.
CLOSE_PARTNER = 5
#: Closes its partner (a backtick for ``'`` between spaces), else nothing.
CLOSE_TICK = 6


#: A mark of a paragraph: ``(start, end, mark, role)``.
Token = tuple[int, int, str, int]


@attrs.frozen(kw_only=True)
class MarkKinds:
    """What the pairer knows of the marks.

    Attributes:
        family: each mark's family (double, single, guillemet), as a number.
        single: the family of single marks, which close only the innermost
            quotation.
        partners: for a mark of role ``CLOSE_PARTNER`` or ``CLOSE_TICK``, the
            opening mark it closes.
        alike: ``(opening, closing)`` pairs of different marks that count as
            the same for a mark of role ``EITHER``.
    """

    family: Mapping[str, int]
    single: int
    partners: Mapping[str, str]
    alike: frozenset[tuple[str, str]]


def roles_ahead(
    tokens: Sequence[Sequence[Token]], joined: Sequence[bool], kinds: MarkKinds, families: int
) -> list[list[int | None] | None]:
    """For each paragraph that one soft line break joins to the one before (``joined``):
    the role of the first mark of each family in it or the lines after it, until a blank
    line; ``None`` for the others.

    Examples:
        >>> kinds = MarkKinds(family={'"': 0, "'": 1}, single=1, partners={}, alike=frozenset())
        >>> lines = [[(0, 1, '"', OPEN)], [], [(20, 21, '"', CLOSE)], [(30, 31, "'", OPEN)]]
        >>> roles_ahead(lines, [False, True, True, False], kinds, 2) == [
        ...     None, [CLOSE, None], [CLOSE, None], None]
        True
    """
    ahead: list[list[int | None] | None] = [None] * len(tokens)
    later: list[int | None] = [None] * families
    for number in range(len(tokens) - 1, 0, -1):
        if not joined[number]:
            later = [None] * families
            continue
        roles = list(later)
        for *_, mark, role in reversed(tokens[number]):
            roles[kinds.family[mark]] = role
        ahead[number] = later = roles
    return ahead


class Pairer:
    """A stack of open marks, fed one paragraph at a time; :attr:`found` holds each pair as
    ``(start, end, mark, parts)``."""

    def __init__(self, kinds: MarkKinds) -> None:
        self._family, self._single = kinds.family, kinds.single
        self._partners, self._alike = kinds.partners, kinds.alike
        # Each open mark: [start, mark, content start, finished parts].
        self.stack: list[list] = []
        self.found: list[tuple[int, int, str, list[tuple[int, int]]]] = []

    def paragraph(
        self, tokens: Sequence[Token], start: int, end: int, ahead: list[int | None] | None
    ) -> None:
        """Pair the marks of one paragraph, continuing quotations left open (``ahead``: this
        paragraph's entry of :func:`roles_ahead`)."""
        for token in tokens[self._continue(tokens, start, ahead) :]:
            self._feed(token)
        for entry in self.stack:
            entry[3].append((entry[2], end))

    def drop_open(self, keep: int = 0) -> None:
        """Log and forget the open marks above the ``keep`` lowest ones."""
        for entry in self.stack[keep:]:
            logger.debug("unpaired opening quote mark %r at offset %d", entry[1], entry[0])
        del self.stack[keep:]

    def _continue(self, tokens: Sequence[Token], start: int, ahead: list | None) -> int:
        """Continue the open quotations whose mark reopens this paragraph, or the one mark
        left open at the end of the line before when the first mark of its family from this
        line on closes it (see the module's notes).

        Returns the number of leading tokens used up as continuation marks.
        """
        used = 0
        for entry in self.stack:
            if used == len(tokens):
                break
            i, j, mark, role = tokens[used]
            if i != start or role in (CLOSE, WEAK) or mark != entry[1]:
                break
            entry[2], start, used = j, j, used + 1
        if not used and self._runs_on(ahead):
            self.stack[0][2] = start
            return 0
        self.drop_open(used)
        return used

    def _runs_on(self, ahead: list | None) -> bool:
        """Whether the one mark left open runs on over the line break before this line."""
        if not ahead or len(self.stack) != 1:
            return False
        return ahead[self._family[self.stack[0][1]]] == CLOSE

    def _feed(self, token: Token) -> None:
        i, j, mark, role = token
        if role == OPEN:
            self.stack.append([i, mark, j, []])
            return
        if role in (CLOSE_PARTNER, CLOSE_TICK):
            if self.stack and self.stack[-1][1] == self._partners[mark]:
                self._close(len(self.stack) - 1, i, j)
            elif role == CLOSE_PARTNER:
                self.stack.append([i, mark, j, []])
            return
        depth = self._partner(mark, same_mark=role == EITHER)
        if depth is not None:
            self._close(depth, i, j)
        elif role in (EITHER, OPEN_OR_CLOSE):
            self.stack.append([i, mark, j, []])
        elif role == CLOSE:
            logger.debug("unpaired closing quote mark %r at offset %d", mark, i)

    def _partner(self, mark: str, *, same_mark: bool) -> int | None:
        """Stack index of the open mark that ``mark`` closes, if any."""
        family, single = self._family, self._single
        top = len(self.stack) - 1
        if family[mark] == single:  # a single mark closes only the innermost quotation
            return top if top >= 0 and family[self.stack[top][1]] == single else None
        for depth in range(top, max(-1, top - MAX_WALK), -1):
            opener = self.stack[depth][1]
            if family[opener] == family[mark]:
                same = opener == mark or (opener, mark) in self._alike
                return depth if not same_mark or same else None
        return None

    def _close(self, depth: int, i: int, j: int) -> None:
        if depth + 1 < len(self.stack):
            self.drop_open(depth + 1)
        start, mark, content_start, parts = self.stack.pop()
        parts.append((content_start, i))
        self.found.append((start, j, mark, parts))

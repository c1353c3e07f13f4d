"""The text of an HTML page, read in one pass with the origin of every character.

:func:`read_html` returns the plain text a reader of the page sees and, for
each stretch of it, the stretch of the HTML it comes from, as
:class:`Pieces`; :mod:`quotelib.text.markup` turns them into the view quotelib
reads and maps the quotes found on it back onto the HTML.

What the text holds, close to what a browser shows (HTML5):

- Character references are decoded: named ones by the standard's table
  (:data:`html.entities.html5`, legacy names such as ``&amp`` also without
  their ``;``, by the longest name that fits), numeric ones decimal or hex,
  with or without ``;``; ``&#0;``, surrogates and numbers beyond U+10FFFF
  become U+FFFD, and ``&#128;``-``&#159;`` the Windows-1252 characters the
  standard maps them to. An unknown ``&foo;`` or a malformed ``&#xZZ;`` is
  text, as written.
- Tags are skipped, attributes and all (a quoted value may hold ``>``);
  comments, ``<![CDATA[...]]>`` sections, ``<!DOCTYPE>`` and processing
  instructions too. An element that shows nothing of its text on a page
  (:data:`HIDDEN`: ``<script>``, ``<style>``, ``<title>``, ...) is skipped to
  its end tag. A tag, comment or skipped element left open runs to the end
  of the page, as in a browser (``"... <p"`` ends at ``...``).
- The start or end of a block element (:data:`BLOCKS`: ``<p>``, ``<li>``,
  ``<blockquote>``, ``<div>``, ``<h1>``, ``<td>`` ...) ends a paragraph: the
  text gets a blank line there (``"\\n\\n"``), which every layout of
  :func:`quotelib.text.layout.find_layout` reads as a paragraph break. A
  ``<br>`` is a line break (``"\\n"``): like a line break of a plain text, it
  ends a paragraph, unless the page's lines look hard-wrapped (an e-mail
  with a ``<br>`` at the end of each line), when it is a wrap inside one.
  Two ``<br>`` in a row are a blank line. A break is written once
  (``"</p> <p>"`` is one blank line), never at the start or end of the text.
- Whitespace: a line break or tab in the HTML source, or a run of
  whitespace that holds one, is one space, as a browser shows it, and none
  next to a paragraph or line break. A run of spaces alone is kept as typed
  (two spaces after a full stop stay two), also next to a break: a text
  keeps what it had before it was put in a page (``said. <br>`` reads
  ``said. \\n``), which a parse can tell. Inside ``<pre>`` all of it is
  kept.

Every character of the text comes from the HTML: from one character of it
(a letter, a space), from a character reference (all of ``&ldquo;``), or,
for the breaks, from the position of the tag that ends the paragraph (an
empty stretch, where the tag starts).

Why not the standard library's :class:`html.parser.HTMLParser` or textacy:
the parser reports where each tag and text starts as a line and column, and
its decoded text loses where each character reference was; textacy's
``preprocessing.remove.html_tags`` returns the text alone, and importing
textacy's preprocessing costs about a second and 150 MiB a process (it
imports scikit-learn). The table of names is the standard library's.

Examples:
    >>> html = "<p>&ldquo;It is over,&rdquo; she said.</p>"
    >>> pieces = read_html(html)
    >>> pieces.text
    '“It is over,” she said.'
    >>> for start, raw_start, raw_end in zip(pieces.starts, pieces.raw_starts, pieces.raw_ends):
    ...     print(start, repr(html[raw_start:raw_end]))
    0 '&ldquo;'
    1 'It is over,'
    12 '&rdquo;'
    13 ' she said.'
"""

from __future__ import annotations

import re
from array import array
from html.entities import html5

import attrs

__all__ = ["BLOCKS", "HIDDEN", "Pieces", "read_html"]

#: Elements whose start or end tag ends a paragraph.
BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup "
    "hr html legend li listing main menu nav ol p plaintext pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
#: Elements skipped with all they hold, to their end tag: scripts and styles,
#: the page's title (not part of its text), inert templates, the fallback
#: content of ``<noscript>`` and ``<iframe>``, and form fields' text.
HIDDEN = frozenset(
    "iframe noembed noframes noscript script style template textarea title xmp".split()
)
# The whitespace a browser collapses, and the characters quotelib's layout
# breaks lines at (quotelib.text.layout), which in HTML are no line breaks.
_SPACE = " \t\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_NEXT = re.compile("[<&]")
_SPACE_RUN = re.compile(f"[{_SPACE}]+")
# A run of whitespace holding more than spaces, from its first character: the
# look-behind keeps the search linear on long runs of spaces.
_FORMATTING = re.compile(f"(?<! ) *[{_SPACE[1:]}][{_SPACE}]*")
_COMMENT = re.compile(r"<!--(?:-?>|.*?--!?>|.*)", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[.*?(?:\]\]>|\Z)", re.DOTALL)
_BOGUS = re.compile(r"<[!?/][^>]*>?")  # <!DOCTYPE ...>, <?xml ...?>, </ 3>: to the next >
_WS = "\t\n\f\r "
_TAG_START = re.compile("</?[A-Za-z]")
# A start or end tag: its name, then attributes where a value in quotes,
# after "=", may hold ">". The name is matched once for all (a look-ahead and
# its back-reference: Python 3.10 has no atomic groups) and the alternatives
# never overlap, so that a tag left open fails in one linear scan.
_TAG = re.compile(
    rf"</?(?=([A-Za-z][^{_WS}/>]*))\1"
    rf"""(?:[^>"'=]|=[{_WS}]*"[^"]*"|=[{_WS}]*'[^']*'|=(?![{_WS}]*["'])|["'])*>"""
)
_CHARREF = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{0,31};?))")
_LEGACY_NAMES = frozenset(name for name in html5 if not name.endswith(";"))
_LEGACY_LONGEST = max(map(len, _LEGACY_NAMES))
# What HTML5 reads &#128; to &#159; as: the Windows-1252 characters (five
# numbers there have none and stay as they are).
_WINDOWS_1252 = {
    number: character
    for number in range(0x80, 0xA0)
    if (character := bytes([number]).decode("cp1252", "replace")) != "\ufffd"
}
_END_TAGS = {name: re.compile(rf"</{name}(?=[{_WS}/>])", re.IGNORECASE) for name in HIDDEN}


@attrs.frozen(kw_only=True)
class Pieces:
    """The text of a page, and the stretch of the page each piece of it comes from.

    Piece ``k`` is ``text[starts[k]:starts[k + 1]]`` (the last one runs to the
    end of ``text``), read from ``html[raw_starts[k]:raw_ends[k]]``; when both
    are as long, character by character, otherwise all of it from all of that
    stretch (a character reference, or a break from an empty stretch). Pieces
    follow each other in both strings.
    """

    text: str
    starts: array[int] = attrs.field(repr=False, hash=False)
    raw_starts: array[int] = attrs.field(repr=False, hash=False)
    raw_ends: array[int] = attrs.field(repr=False, hash=False)


def read_html(html: str) -> Pieces:
    """The text of the HTML page ``html`` (see the module's notes), read in one pass.

    Examples:
        >>> read_html("<ul><li>One\\n  item</li><li>Two</li></ul>").text
        'One item\\n\\nTwo'
        >>> read_html("a<br>b<script>x = '</p>'</script> c &notit; &#xZZ; <p").text
        'a\\nb c ¬it; &#xZZ;'
    """
    reader = _Reader(html)
    reader.read()
    return Pieces(
        text="".join(reader.parts),
        starts=reader.starts,
        raw_starts=reader.raw_starts,
        raw_ends=reader.raw_ends,
    )


class _Reader:
    """The state of one pass: the pieces so far, and a break or whitespace not yet written.

    Whitespace and breaks wait until the next character of text, so that
    none is written at the end, and a break swallows the whitespace around it.
    """

    def __init__(self, html: str) -> None:
        self.html = html
        self.parts: list[str] = []
        self.starts, self.raw_starts, self.raw_ends = array("q"), array("q"), array("q")
        self.length = 0  # of the text so far
        self.newlines = 0  # of the break waiting (0: none, 1: a line break, 2: a blank line)
        self.break_at = 0  # where the tag that started it is
        self.spaces: list[tuple[str, int, int]] = []  # whitespace waiting: (text, start, end)
        self.before_break: list[tuple[str, int, int]] = []  # spaces typed before the break
        self.pre = 0  # how many <pre> the text is in

    def read(self) -> None:
        html, at = self.html, 0
        while True:
            found = _NEXT.search(html, at)
            end = len(html) if found is None else found.start()
            if at < end:
                self.text(at, end)
            if found is None:
                return
            at = self.markup(end) if html[end] == "<" else self.reference(end)

    def markup(self, at: int) -> int:
        """Read what starts with the ``<`` at ``at``; returns where the text goes on."""
        html = self.html
        if _TAG_START.match(html, at):
            tag = _TAG.match(html, at)
            if tag is None:
                return len(html)  # a tag left open: to the end, as a browser reads it
            return self.tag(tag.group(1).lower(), html[at + 1] != "/", at, tag.end())
        following = html[at + 1 : at + 2]
        if following == "/" and at + 2 == len(html):
            self.write("</", at, at + 2)  # "</" at the very end is text
            return at + 2
        for pattern in (_COMMENT, _CDATA, _BOGUS):  # _BOGUS: "<!x>", "<?x>", "</ x>", "</>"
            found = pattern.match(html, at)
            if found is not None:
                return found.end()
        self.write("<", at, at + 1)  # "a < b": a "<" of the text
        return at + 1

    def tag(self, name: str, opens: bool, start: int, end: int) -> int:
        """Read the tag ``name`` at ``html[start:end]``; returns where the text goes on."""
        if name == "br":  # "</br>" too, as browsers read it
            self.line_break(start, 1)
        elif name in BLOCKS:
            self.line_break(start, 2)
            if name in ("pre", "listing"):
                self.pre = self.pre + 1 if opens else max(self.pre - 1, 0)
        elif opens and name in HIDDEN:
            closing = _END_TAGS[name].search(self.html, end)
            if closing is None:
                return len(self.html)
            tag = _TAG.match(self.html, closing.start())
            return len(self.html) if tag is None else tag.end()
        return end

    def reference(self, at: int) -> int:
        """Read the ``&`` at ``at``: a character reference, or a ``&`` of the text."""
        found = _CHARREF.match(self.html, at)
        value, end = (None, at + 1) if found is None else _decode(found)
        if value is None:
            self.write("&", at, at + 1)
            return at + 1
        if value.strip(_SPACE):
            self.write(value, at, end)
        else:
            self.wait(at, end, value)
        return end

    def text(self, start: int, end: int) -> None:
        """Read ``html[start:end]``, text without markup."""
        html = self.html
        leading = _SPACE_RUN.match(html, start, end)
        first = start if leading is None else leading.end()
        if first == end:
            self.wait(start, end, html[start:end])
            return
        if first > start:
            self.wait(start, first, html[start:first])
        last = len(html[first:end].rstrip(_SPACE)) + first
        if self.pre:
            self.write(html[first:last], first, last)
        else:
            at = first
            for run in _FORMATTING.finditer(html, first, last):
                self.write(html[at : run.start()], at, run.start())
                self.write(" ", run.start(), run.start() + 1)
                at = run.end()
            self.write(html[at:last], at, last)
        if last < end:
            self.wait(last, end, html[last:end])

    def wait(self, start: int, end: int, part: str) -> None:
        """Keep whitespace until the next text: all of it inside ``<pre>``, else what
        :meth:`write_spaces` needs (the first run, and whether there are more)."""
        if self.pre or len(self.spaces) < 2:
            self.spaces.append((part, start, end))

    def line_break(self, at: int, newlines: int) -> None:
        """A break from the tag at ``at``: a line break (1) or the end of a paragraph (2)."""
        if self.length:
            if not self.newlines:
                self.break_at = at
                self.before_break = self.spaces[:1] if self.typed_spaces() else []
            self.newlines = min(self.newlines + newlines, 2)
        self.spaces.clear()

    def write(self, part: str, start: int, end: int) -> None:
        """Add ``part``, read from ``html[start:end]``, after the break or whitespace waiting."""
        if not part:
            return
        if self.newlines:
            for piece in self.before_break:
                self.add(*piece)
            self.add("\n" * self.newlines, self.break_at, self.break_at)
            self.newlines = 0
            if self.typed_spaces():
                self.add(*self.spaces[0])
        elif self.spaces and self.length:
            self.write_spaces()
        self.spaces.clear()
        self.add(part, start, end)

    def typed_spaces(self) -> bool:
        """Whether the whitespace waiting is one run of spaces, as typed: no line
        break or tab of the source's layout, and no tag inside."""
        return len(self.spaces) == 1 and not self.spaces[0][0].strip(" ")

    def write_spaces(self) -> None:
        """The whitespace waiting before more text: kept inside ``<pre>`` and when it is
        one run of spaces, else one space, read from its first character."""
        if self.pre or self.typed_spaces():
            for piece in self.spaces:
                self.add(*piece)
        else:
            part, start, end = self.spaces[0]
            self.add(" ", start, end if len(part) != end - start else start + 1)

    def add(self, part: str, start: int, end: int) -> None:
        """Append a piece, or lengthen the last one when both run on character by character."""
        one_to_one = end - start == len(part)
        if (
            one_to_one
            and self.raw_ends
            and self.raw_ends[-1] == start
            and self.raw_ends[-1] - self.raw_starts[-1] == self.length - self.starts[-1]
        ):
            self.raw_ends[-1] = end
        else:
            self.starts.append(self.length)
            self.raw_starts.append(start)
            self.raw_ends.append(end)
        self.parts.append(part)
        self.length += len(part)


def _decode(found: re.Match[str]) -> tuple[str | None, int]:
    """The text a character reference stands for, and where it ends; ``None`` if it is none.

    A legacy name without its ``;`` (``&notit;``) ends where that name ends.
    """
    hexadecimal, decimal, name = found.groups()
    if name is None:
        digits = (hexadecimal or decimal).lstrip("0")
        number = int(digits or "0", 16 if hexadecimal else 10) if len(digits) <= 8 else -1
        return _character(number), found.end()
    value = html5.get(name)
    if value is not None:
        return value, found.end()
    for length in range(min(len(name) - 1, _LEGACY_LONGEST), 1, -1):
        if name[:length] in _LEGACY_NAMES:
            return html5[name[:length]], found.start() + 1 + length
    return None, found.start() + 1


def _character(number: int) -> str:
    """The character of a numeric reference, as HTML5 reads it (-1: too many digits)."""
    if number <= 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return "\ufffd"
    return _WINDOWS_1252.get(number) or chr(number)

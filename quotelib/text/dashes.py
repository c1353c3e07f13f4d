"""Dialogue marked by dashes: a paragraph that opens with a dash is a turn of speech.

Many books (Joyce, many translations) open a turn of speech with a dash
instead of quotation marks::

    — Come in, Marek, the door is open.
    —Back to barracks! he said sternly.
    — I know, she said. — But not today.

A turn is a paragraph that opens with an em dash ``—``, a horizontal bar
``―``, two hyphens ``--`` (the em dash of plain-text books) or an en dash and
a space ``– ``. Its speech runs to the end of the paragraph, except an inline
attribution: after a comma, a sentence end or a dash between spaces, a short
clause of a speech verb and its speaker (``he said sternly``, ``said
Stephen``, ``Mr Deasy said to him``, ``the old man asked``), with the clauses
that go on from it (``, smiling``, ``, and turned away``). Speech resumes
after the attribution's comma or colon, or at the next dash; after its
sentence end, what follows is narration up to the next dash. A quotation in
quote marks inside a turn is left whole: no attribution is read inside it.
:func:`dash_stretches` returns the spoken stretches, each a :class:`Stretch`,
which :mod:`quotelib.text.marks` reports as quotations with the dash as
their mark.

Whether a document keeps the convention is decided once for it: some of its
dash paragraphs (at least one, and one in :data:`ATTRIBUTED_SHARE` of them)
carry an inline attribution, and few of its paragraphs open with a quotation
mark (at most one for every :data:`TURNS_PER_QUOTE_PARAGRAPH` dash turns).
News, which uses dashes for attributions (``"..." — Janet Yellen``), list
items and asides, and keeps quotation marks for speech, is read as before.

Known limits: speech that goes on after the attribution's sentence end
without a dash (``— I know, she said. But not today.``) is read as
narration; a clause after the attribution's comma that is neither a
participle (``smiling``), an adverb (``slowly``) nor ``and`` with a past
tense (``and turned``) is read as speech (``, with a smile``); an
attribution needs a speech verb of the lexicon in the past or present tense.

Examples:
    >>> from quotelib.text.layout import find_layout
    >>> text = "— Come in, Marek, the door is open.\\n— I know, she said. — But not today."
    >>> [text[s.content[0] : s.content[1]] for s in dash_stretches(text, find_layout(text), [])]
    ['Come in, Marek, the door is open.', 'I know,', 'But not today.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from quotelib import lexicon
from quotelib.text.layout import Layout
from quotelib.text.ranges import Ranges, strip_space

__all__ = [
    "ATTRIBUTED_SHARE",
    "DASH_MARKS",
    "Stretch",
    "TURNS_PER_QUOTE_PARAGRAPH",
    "dash_stretches",
]

#: The dashes that open a turn of speech: em dash, horizontal bar, two hyphens, en dash
#: (this one only before a space).
DASH_MARKS = ("—", "―", "--", "–")
#: One dash turn in this many, at least, carries an inline attribution in a document that
#: keeps the convention.
ATTRIBUTED_SHARE = 5
#: A document that keeps the convention opens at most one paragraph with a quotation mark
#: for this many dash turns.
TURNS_PER_QUOTE_PARAGRAPH = 4

_DASH = "—|―|--(?!-)|–"
# A dash opening a paragraph, the spaces after it, and the first character of the words.
_TURN_RE = re.compile(r"(—|―|--(?!-)|–(?=[ \t\u00a0]))[ \t\u00a0]*(?=[^\s—―–-])")
# A break inside a turn: a comma, a sentence end (with any mark or bracket closing it), or
# a dash between spaces.
_BREAK_RE = re.compile(rf"(?P<comma>,)\s+|(?P<stop>[.!?…]+[^\w\s]*)\s+|\s(?P<dash>{_DASH})\s*")
# Where the clause of an inline attribution ends.
_CLAUSE_END_RE = re.compile(rf"[,;:.!?…]|\s(?:{_DASH})")
# A dash between spaces, where speech resumes after narration.
_RESUME_RE = re.compile(rf"\s({_DASH})\s*(?=\S)")
# A word of an attribution: letters first, then letters, apostrophes, dots or hyphens.
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
# At most this many words in an attribution's clause.
_MAX_CLAUSE = 8
# Enough characters before a dot to hold the longest title.
_LONGEST_TITLE = max(map(len, lexicon.TITLES)) + 1
# Words that are no name though written with a capital.
_NOT_NAMES = (
    lexicon.DETERMINERS
    | lexicon.NEGATIVE_WORDS
    | lexicon.SECOND_PERSON
    | lexicon.IT
    | lexicon.CONTENTLESS_OBJECTS
    | lexicon.SPEAKING_PRONOUNS
)


@attrs.frozen(kw_only=True)
class Stretch:
    """One spoken stretch of a dash turn.

    Attributes:
        start: offset of the dash that opens it; for a stretch resumed after
            the attribution's comma, of its first word (no mark opens it).
        end: offset just after its last character (no mark closes it).
        content: ``(start, end)`` of its words, without the dash and spaces.
        mark: the dash of its turn, as written.

    Examples:
        >>> text = "— I know, she said, but not today."
        >>> from quotelib.text.layout import find_layout
        >>> dash_stretches(text, find_layout(text), [])[1]
        Stretch(start=20, end=34, content=(20, 34), mark='—')
    """

    start: int
    end: int
    content: tuple[int, int]
    mark: str


def dash_stretches(text: str, layout: Layout, marked: Sequence[tuple[int, int]]) -> list[Stretch]:
    """The spoken stretches of the dash turns of ``text``, if the document keeps the convention.

    Args:
        text: the raw text.
        layout: its paragraphs (:func:`quotelib.text.layout.find_layout`).
        marked: ``(start, end)`` of the quotations paired on its quotation marks.

    Returns:
        The stretches in text order; none when the document does not keep the
        convention (see the module's notes).

    Examples:
        >>> from quotelib.text.layout import find_layout
        >>> text = "—Back to barracks! he said sternly.\\n—Yes, sir."
        >>> [(s.mark, text[s.start : s.end]) for s in dash_stretches(text, find_layout(text), [])]
        [('—', '—Back to barracks!'), ('—', '—Yes, sir.')]
        >>> text = "Here is the plan:\\n— Stocks fell.\\n— Oil rose."
        >>> dash_stretches(text, find_layout(text), [])  # a list: no attribution in it
        []
    """
    opening = [
        (match, end)
        for start, end in layout.paragraphs
        if (match := _TURN_RE.match(text, start, end))
    ]
    if not opening:
        return []
    quoted = Ranges(marked)
    turns = [_turn(text, match, end, quoted) for match, end in opening]
    quote_paragraphs = {start for start, _ in marked}
    opened_by_marks = sum(start in quote_paragraphs for start, _ in layout.paragraphs)
    attributed = sum(said for _, said in turns)
    if not attributed or attributed * ATTRIBUTED_SHARE < len(turns):
        return []
    if opened_by_marks * TURNS_PER_QUOTE_PARAGRAPH > len(turns):
        return []
    return [stretch for stretches, _ in turns for stretch in stretches]


def _turn(text: str, match: re.Match, end: int, quoted: Ranges) -> tuple[list[Stretch], bool]:
    """The stretches of one turn, and whether an attribution was read in it."""
    mark = match.group(1)
    opened, speech = match.start(), match.end()
    stretches, said = [], False
    while True:
        found = _attribution(text, speech, end, quoted)
        if found is None:
            stretches.append(_stretch(text, opened, speech, end, mark))
            return [s for s in stretches if s is not None], said
        speech_end, clause_end = found
        said = True
        stretches.append(_stretch(text, opened, speech, speech_end, mark))
        resumed = _resume(text, clause_end, end, quoted)
        if resumed is None:
            return [s for s in stretches if s is not None], said
        opened, speech = resumed


def _stretch(text: str, opened: int, start: int, end: int, mark: str) -> Stretch | None:
    start, end = strip_space(text, start, end)
    if not any(char.isalnum() for char in text[start:end]):
        return None
    return Stretch(start=min(opened, start), end=end, content=(start, end), mark=mark)


def _attribution(text: str, at: int, end: int, quoted: Ranges) -> tuple[int, int] | None:
    """The first inline attribution after ``at``: where the speech before it ends, and
    where its clause (with the clauses that go on from it) ends."""
    for found in _BREAK_RE.finditer(text, at, end):
        if quoted.contains(found.start()):
            continue
        if found.group("stop") == "." and _title_dot(text, found.start()):
            continue
        clause_end = _clause_end(text, found.end(), end)
        if not _is_attribution(text[found.end() : clause_end].split()):
            continue
        while clause_end < end and text[clause_end] == ",":
            goes_on = _goes_on(text, clause_end + 1, end)
            if goes_on is None:
                break
            clause_end = goes_on
        speech_end = found.start() if found.group("dash") else found.end(found.lastgroup)
        return speech_end, clause_end
    return None


def _title_dot(text: str, dot: int) -> bool:
    """Whether the dot at ``dot`` ends a title or an initial (``Mr. Deasy``, ``J. Joyce``)."""
    before = text[max(0, dot - _LONGEST_TITLE) : dot].split()
    word = before[-1] if before else ""
    return word.lower() + "." in lexicon.TITLES or (len(word) == 1 and word.isupper())


def _clause_end(text: str, at: int, end: int) -> int:
    """Where the clause starting at ``at`` ends: its punctuation or dash, or ``end``."""
    for found in _CLAUSE_END_RE.finditer(text, at, end):
        if found.group() != "." or not _title_dot(text, found.start()):
            return found.start()
    return end


def _goes_on(text: str, at: int, end: int) -> int | None:
    """Where a clause going on from an attribution ends (``, smiling``, ``, slowly``,
    ``, and turned away``), or ``None`` when the words after the comma are speech."""
    words = text[at : _clause_end(text, at, end)].split()
    if not words or not words[0].islower():
        return None
    first = words[0]
    participle = (
        first.endswith("ing") and len(first) > 4 and first not in lexicon.CONTENTLESS_OBJECTS
    )
    past = first == "and" and len(words) > 1 and words[1].endswith("ed")
    if participle or past or first.endswith("ly"):
        return _clause_end(text, at, end)
    return None


def _resume(text: str, clause_end: int, end: int, quoted: Ranges) -> tuple[int, int] | None:
    """Where speech resumes after an attribution: its mark (or first word) and first word."""
    if clause_end >= end:
        return None
    if text[clause_end] in ",;:":
        start = strip_space(text, clause_end + 1, end)[0]
        return (start, start) if start < end else None
    for found in _RESUME_RE.finditer(text, clause_end, end):
        if not quoted.contains(found.start(1)):
            return found.start(1), found.end()
    return None


def _is_attribution(words: list[str]) -> bool:
    """Whether the words of a clause are an inline attribution: ``she said``, ``said
    Stephen quietly``, ``the old man asked him``, ``Mr. Deasy said to Stephen``."""
    if not 2 <= len(words) <= _MAX_CLAUSE or not all(_WORD_RE.fullmatch(w) for w in words):
        return False
    if _speech_verb(words[0]):
        return _speaker(_without_adverbs(words[1:]))
    for at in range(1, min(len(words), 5)):
        if not _speech_verb(words[at]):
            continue
        subject = words[:at]
        if len(subject) > 1 and subject[-1].endswith("ly"):
            subject = subject[:-1]  # she quietly said
        if _speaker(subject) and _addressed(words[at + 1 :], words[at]):
            return True
    return False


def _speech_verb(word: str) -> bool:
    """A speech verb in the past or present tense: ``said``, ``cried``, ``asks``."""
    lower = word.lower()
    if lower.endswith("ing") or not lower.isalpha():
        return False
    for form in lexicon.base_forms(lower)[1:]:
        if form in lexicon.QUOTE_VERBS or lexicon.CUE_VERBS.get(form) in lexicon.SPEECH_CLASSES:
            return True
    return False


def _speaker(words: list[str]) -> bool:
    """A pronoun (``she``), a noun phrase (``the old man``) or a name (``Mr. Deasy``)."""
    if len(words) == 1 and words[0] != "i" and words[0].lower() in lexicon.SPEAKING_PRONOUNS:
        return True  # "I" is written with a capital
    return _noun_phrase(words) or _name(words)


def _noun_phrase(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and words[0].lower() in lexicon.DETERMINERS


def _name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 3 or words[0].lower() in _NOT_NAMES:
        return False
    return all(word[0].isupper() for word in words)


def _addressed(words: list[str], verb: str) -> bool:
    """Whether what follows a verb of attribution is only adverbs and the person spoken to:
    ``sternly``, ``to him``, ``at the boy``, ``him`` after ``told``."""
    words = _without_adverbs(words)
    if words and words[0].lower() in ("to", "at"):
        words = words[1:]
    elif not words or not set(lexicon.base_forms(verb)) & lexicon.ADDRESSEE_VERBS:
        return not words
    if len(words) == 1 and words[0].lower() in lexicon.OBJECT_PRONOUNS:
        return True
    return _noun_phrase(words) or _name(words)


def _without_adverbs(words: list[str]) -> list[str]:
    """The words without the adverbs in ``-ly`` at either end (``quietly``, ``sternly``)."""
    start, end = 0, len(words)
    while start < end and words[start].lower().endswith("ly"):
        start += 1
    while end > start and words[end - 1].lower().endswith("ly"):
        end -= 1
    return words[start:end]

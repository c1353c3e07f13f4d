"""The records of the corpus view: who a speaker is, what was counted, what the index answers.

- :class:`NamedSpeaker` and :class:`DocumentSpeaker` are the two kinds of
  speaker identity the index counts under (:data:`Speaker`): a person known
  across documents by their normalised name, or a speaker of one document
  (an unresolved pronoun, an anonymous source). Both are hashable.
- :class:`Tally` is what the index counts for one speaker (and one value of
  ``group_by``) while it reads; :class:`GroupedQuote` is a direct or mixed
  quote kept for grouping.
- :class:`Person` and :class:`QuoteGroup` are what the index answers, with
  :func:`gender_label` and :data:`AGREEMENT` saying when a person's gendered
  words agree.

Examples:
    >>> NamedSpeaker(name=("ana", "ruiz")) == NamedSpeaker(name=("ana", "ruiz"))
    True
    >>> DocumentSpeaker(doc_ref="a2", local="officials", kind="anonymous").key
    'a2#officials'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs

from quotelib.lexicon import FEMALE_TITLES, FEMALE_WORDS, MALE_TITLES, MALE_WORDS

__all__ = [
    "AGREEMENT",
    "DocumentSpeaker",
    "GroupedQuote",
    "NamedSpeaker",
    "Person",
    "QuoteGroup",
    "Speaker",
    "Tally",
    "gender_label",
]

#: The share of a person's gendered words that must say the same for a gender label.
AGREEMENT = 0.9


@attrs.frozen(kw_only=True)
class NamedSpeaker:
    """A speaker known across documents by name.

    Attributes:
        name: the words of the name quotelib resolved them to, normalised
            (:func:`quotelib.corpus.names.normalise_name`): ``("vladimir", "putin")``.
    """

    name: tuple[str, ...]


@attrs.frozen(kw_only=True)
class DocumentSpeaker:
    """A speaker of one document only: never merged with a speaker of another.

    Attributes:
        doc_ref: the document's id as text.
        local: the speaker's id in that document (``unresolved-1``, ``official``).
        kind: ``"anonymous"`` or ``"unresolved"``.
    """

    doc_ref: str
    local: str
    kind: str

    @property
    def key(self) -> str:
        """The speaker's key across the corpus: ``doc_ref#local``."""
        return f"{self.doc_ref}#{self.local}"


#: A speaker identity: by name across documents, or of one document.
Speaker = NamedSpeaker | DocumentSpeaker


@attrs.define
class Tally:
    """The counts of one speaker (for one value of ``group_by``), grown while the index reads.

    Attributes:
        quotes: how many quotes.
        documents: the documents (their ids as text) the quotes are in.
        by_kind: quotes by kind.
        by_cue_class: quotes by cue class, of the quotes that carry one.
    """

    quotes: int = 0
    documents: set = attrs.Factory(set)
    by_kind: Counter = attrs.Factory(Counter)
    by_cue_class: Counter = attrs.Factory(Counter)

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` to these."""
        self.quotes += other.quotes
        self.documents |= other.documents
        self.by_kind.update(other.by_kind)
        self.by_cue_class.update(other.by_cue_class)


@attrs.frozen(kw_only=True)
class GroupedQuote:
    """A direct or mixed quote kept by the index to group the same quotation.

    Attributes:
        doc_ref: its document's id as text.
        number: its index in its document's list of quotes.
        doc_id: its document's id as given.
        text: its words (``content_text``).
        speaker: who said it, or ``None`` when the quote names no speaker.
        date: its document's date (the ``date_field``), or ``None``.
    """

    doc_ref: str
    number: int
    doc_id: Any
    text: str
    speaker: Speaker | None
    date: Any = None


@attrs.frozen(kw_only=True)
class Person:
    """A speaker of the corpus with what they said, counted.

    Attributes:
        key: the speaker's key across documents (see :mod:`quotelib.corpus.names`).
        name: the name they are most often given.
        kind: ``"named"``, ``"ambiguous"`` (a surname several named people
            share), ``"anonymous"`` or ``"unresolved"`` (both per document).
        aliases: every name quotelib resolved their mentions to, sorted.
        quotes: how many quotes are attributed to them.
        documents: in how many documents.
        by_kind: quotes by kind (``direct``, ``indirect``, ``mixed``).
        by_cue_class: quotes by cue class, or ``None`` when the quotes carry none.
        gender: ``"female"`` or ``"male"`` when the evidence agrees (:func:`gender_label`),
            else ``"unknown"``.
        gender_evidence: the gendered words the text uses of them as a speaker,
            counted (``{"she": 12, "Mrs.": 1}``).
        candidates: for an ambiguous key, the keys it could stand for.
        group: the value of the ``group_by`` field these counts are for
            (``None`` without ``group_by``).
    """

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    quotes: int
    documents: int
    by_kind: dict[str, int]
    by_cue_class: dict[str, int] | None
    gender: str
    gender_evidence: dict[str, int]
    candidates: tuple[str, ...] = ()
    group: Any = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (tuples as lists)."""
        data = attrs.asdict(self, recurse=False)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


@attrs.frozen(kw_only=True)
class QuoteGroup:
    """One quotation carried by two documents or more.

    Attributes:
        text: its words as most members give them (ties: the earliest member's,
            by date when the index reads one, then by document).
        speaker: the key of the person it is attributed to (``None`` when
            no member's speaker is known across documents).
        members: ``(doc_id, quote_index)`` of each quote, the index in its
            document's list of quotes; sorted by document, then index.
        documents: how many documents carry it.
        earliest: ``(doc_id, date)`` of the earliest member, when the
            index reads a date field and a member has one; else ``None``.
    """

    text: str
    speaker: str | None
    members: tuple[tuple[Any, int], ...]
    documents: int
    earliest: tuple[Any, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: members as ``[[doc_id, quote_index], ...]``."""
        earliest = None if self.earliest is None else list(self.earliest)
        return {
            "text": self.text,
            "speaker": self.speaker,
            "members": [list(member) for member in self.members],
            "documents": self.documents,
            "earliest": earliest,
        }


def gender_label(evidence: Mapping[str, int]) -> str:
    """``female`` or ``male`` when the gendered words agree, else ``unknown``.

    They agree when at least :data:`AGREEMENT` of them say the same: a
    pronoun quotelib resolved to the wrong person now and then ("she" of a
    man quoted beside a woman) does not erase a hundred right ones.

    Examples:
        >>> gender_label({"she": 3, "Mrs.": 1}), gender_label({"he": 2, "she": 1}), gender_label({})
        ('female', 'unknown', 'unknown')
        >>> gender_label({"he": 122, "Mr.": 40, "she": 4})
        'male'
    """
    female = sum(n for w, n in evidence.items() if w.lower() in FEMALE_WORDS | FEMALE_TITLES)
    male = sum(n for w, n in evidence.items() if w.lower() in MALE_WORDS | MALE_TITLES)
    if female + male == 0:
        return "unknown"
    if female >= AGREEMENT * (female + male):
        return "female"
    return "male" if male >= AGREEMENT * (female + male) else "unknown"

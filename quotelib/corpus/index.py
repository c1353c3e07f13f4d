"""The corpus view: who is quoted across documents, and which quotation many carry.

A :class:`CorpusIndex` reads quotelib's own output, document by document,
in one pass: the quotes of :func:`quotelib.pipe` (or their
:meth:`~quotelib.Quote.to_dict` dicts, as ``quotelib extract`` writes them).
It keeps counts per speaker and the words of each direct and mixed quote,
never the texts, so it grows with the number of distinct speakers and quotes.
Indexes of parts of a corpus :meth:`~CorpusIndex.merge` into the index of
the whole, in any order (:mod:`quotelib.corpus.cluster` builds one on Dask).

- :meth:`CorpusIndex.people`: one :class:`Person` per person of the corpus,
  most quoted first, keyed across documents (:mod:`quotelib.corpus.names`).
  Unresolved pronouns and anonymous sources are keyed per document
  (``doc-7#unresolved-1``) and never merged.
- :meth:`CorpusIndex.groups`: one :class:`QuoteGroup` per quotation found in
  two documents or more (:mod:`quotelib.corpus.groups`).

Gender evidence is what the articles say of a quoted person: the pronouns
("she said") that quotelib resolved to them as a speaker, and the gendered
titles of their mentions as speakers ("Mrs. Lee"; the lists
:data:`quotelib.lexicon.FEMALE_TITLES` and :data:`~quotelib.lexicon.MALE_TITLES`).
It is never guessed from first names.

Examples:
    >>> import quotelib
    >>> from quotelib.corpus import CorpusIndex
    >>> texts = {
    ...     "a1": 'Mayor Ana Ruiz said the bridge would reopen. "It is safe," she said.',
    ...     "a2": "Ruiz, the mayor, said on Monday that the repairs cost $4 million. "
    ...           "Officials said the work was late.",
    ... }
    >>> index = CorpusIndex()
    >>> for doc_id, text in texts.items():
    ...     index.add(doc_id, quotelib.extract_quotes(text))
    >>> for person in index.people():
    ...     print(person.key, person.quotes, person.documents, person.gender, person.gender_evidence)
    ana-ruiz 3 2 female {'she': 1}
    a2#officials 1 1 unknown {}
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotelib.corpus.groups import quote_groups
from quotelib.corpus.names import NameKey, key_names, normalise_name
from quotelib.corpus.people import people
from quotelib.corpus.records import (
    DocumentSpeaker,
    GroupedQuote,
    NamedSpeaker,
    Person,
    QuoteGroup,
    Speaker,
    Tally,
)
from quotelib.lexicon import FEMALE_TITLES, FEMALE_WORDS, MALE_TITLES, MALE_WORDS
from quotelib.records import KINDS, Quote

__all__ = ["CorpusIndex", "field_value"]

logger = logging.getLogger(__name__)

#: Resolutions whose speaker is a person known across documents by name.
NAMED = frozenset({"name", "surname", "pronoun", "role"})
#: Kinds of quote that are grouped as the same quotation (their words are the speaker's).
GROUPED_KINDS = frozenset({"direct", "mixed"})


def field_value(record: Mapping[str, Any] | None, field: str) -> Any:
    """The value of ``field`` in a record; a dotted field reads nested objects.

    Examples:
        >>> field_value({"meta": {"outlet": "Herald"}}, "meta.outlet")
        'Herald'
        >>> field_value({"outlet": "Herald"}, "date") is None
        True
    """
    if record is None:
        return None
    if field in record:
        return record[field]
    value: Any = record
    for part in field.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _hashable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _doc_ref(doc_id: Any) -> str:
    return doc_id if isinstance(doc_id, str) else json.dumps(doc_id, default=str)


@attrs.frozen(kw_only=True)
class _Said:
    """The fields of a quote the index reads, checked (:func:`_said`)."""

    kind: str
    content_text: str
    speaker_text: Any
    speaker_name: Any
    speaker_id: Any
    speaker_resolution: Any
    cue_class: Any


class CorpusIndex:
    """Counts per speaker and the words of each quote, over a corpus read once.

    Args:
        group_by: a metadata field of the documents (dotted for nested
            objects: ``"meta.outlet"``); :meth:`people` then counts each
            person once per value of it.
        date_field: a metadata field holding a date that sorts as text (ISO
            dates); each group then names its earliest document.
    """

    def __init__(self, *, group_by: str | None = None, date_field: str | None = None) -> None:
        self.group_by, self.date_field = group_by, date_field
        self.documents: set[str] = set()
        self.skipped: list[str] = []
        self._tallies: dict[tuple[Speaker, Any], Tally] = {}
        self._names: dict[Speaker, Counter] = {}
        self._gender: dict[Speaker, Counter] = {}
        self._quotes: list[GroupedQuote] = []

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore a pickled index; one of quotelib 0.1.0.dev0 (speakers as tuples) is converted."""
        self.__dict__.update(state)
        self._tallies = {(_speaker(s), group): t for (s, group), t in self._tallies.items()}
        self._names = {_speaker(s): counts for s, counts in self._names.items()}
        self._gender = {_speaker(s): counts for s, counts in self._gender.items()}
        self._quotes = [_grouped(quote) for quote in self._quotes]

    def add(
        self,
        doc_id: Any,
        quotes: Iterable[Quote | Mapping[str, Any]],
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        """Count one document's quotes (records or their ``to_dict`` dicts).

        Raises:
            ValueError: a quote dict lacks a field the index needs, or its
                ``kind`` is not one of :data:`quotelib.records.KINDS`.
        """
        ref = _doc_ref(doc_id)
        if ref in self.documents:
            logger.warning("document %s was added before; its quotes are counted again", ref)
        said = [_said(quote, number) for number, quote in enumerate(quotes)]
        self.documents.add(ref)
        group = _hashable(field_value(meta, self.group_by)) if self.group_by else None
        date = _hashable(field_value(meta, self.date_field)) if self.date_field else None
        for number, one in enumerate(said):
            speaker = _identity(ref, one)
            if speaker is not None:
                self._count(ref, speaker, group, one)
            if one.kind in GROUPED_KINDS:
                quote = GroupedQuote(
                    doc_ref=ref,
                    number=number,
                    doc_id=doc_id,
                    text=one.content_text,
                    speaker=speaker,
                    date=date,
                )
                self._quotes.append(quote)

    def _count(self, ref: str, speaker: Speaker, group: Any, said: _Said) -> None:
        tally = self._tallies.setdefault((speaker, group), Tally())
        tally.quotes += 1
        tally.documents.add(ref)
        tally.by_kind[said.kind] += 1
        if said.cue_class is not None:
            tally.by_cue_class[said.cue_class] += 1
        name = said.speaker_name or said.speaker_text or said.speaker_id or "speaker"
        self._names.setdefault(speaker, Counter())[name] += 1
        self._gender.setdefault(speaker, Counter()).update(_gender_words(said))

    def add_answer(self, answer: Any, where: str = "an answer") -> bool:
        """Count one answer of ``quotelib extract`` (``{"id": ..., "quotes": [...]}``).

        The answer's other fields are its metadata. An answer that is an
        error, or that is not a record of quotes, is logged and listed in
        :attr:`skipped`, never counted; returns whether it was counted.
        """
        problem = None
        if not isinstance(answer, Mapping):
            problem = f"{where} must be a JSON object (got {type(answer).__name__})"
        elif "error" in answer and "quotes" not in answer:
            problem = f"{where} (id {_doc_ref(answer.get('id'))}) is an error: {answer['error']}"
        elif not isinstance(answer.get("quotes"), list):
            problem = f"{where} has no 'quotes' list (its fields: {sorted(answer)})"
        else:
            try:
                self.add(answer.get("id"), answer["quotes"], answer)
                return True
            except (TypeError, ValueError) as error:
                problem = f"{where} (id {_doc_ref(answer.get('id'))}): {error}"
        logger.warning("skipped %s", problem)
        self.skipped.append(problem)
        return False

    def merge(self, other: CorpusIndex) -> CorpusIndex:
        """Add the counts of another index (of other documents) to this one; returns self."""
        if (other.group_by, other.date_field) != (self.group_by, self.date_field):
            msg = (
                f"cannot merge an index by group_by={other.group_by!r}, "
                f"date_field={other.date_field!r} into one by group_by={self.group_by!r}, "
                f"date_field={self.date_field!r}"
            )
            raise ValueError(msg)
        self.documents |= other.documents
        self.skipped.extend(other.skipped)
        for key, tally in other._tallies.items():
            self._tallies.setdefault(key, Tally()).merge(tally)
        for mine, theirs in ((self._names, other._names), (self._gender, other._gender)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        self._quotes.extend(other._quotes)
        return self

    def person_keys(self) -> dict[Speaker, NameKey]:
        """Each speaker's key across the corpus and, if ambiguous, its candidates."""
        names = key_names(s.name for s in self._names if isinstance(s, NamedSpeaker))
        return {
            s: names[s.name] if isinstance(s, NamedSpeaker) else NameKey(key=s.key)
            for s in self._names
        }

    def people(self) -> list[Person]:
        """The people of the corpus, most quoted first (then by key, then group)."""
        return people(self._tallies, self._names, self._gender, self.person_keys())

    def groups(self) -> list[QuoteGroup]:
        """The quotations carried by two documents or more, most carried first."""
        return quote_groups(self._quotes, self.person_keys())

    def people_frame(self) -> Any:
        """:meth:`people` as a pandas DataFrame, one row per person (pandas needed)."""
        import pandas as pd

        return pd.DataFrame([person.to_dict() for person in self.people()], columns=_PEOPLE)

    def groups_frame(self) -> Any:
        """:meth:`groups` as a pandas DataFrame, one row per group (pandas needed)."""
        import pandas as pd

        return pd.DataFrame([group.to_dict() for group in self.groups()], columns=_GROUPS)


_PEOPLE = [field.name for field in attrs.fields(Person)]
_GROUPS = [field.name for field in attrs.fields(QuoteGroup)]


def _said(quote: Quote | Mapping[str, Any], number: int) -> _Said:
    """The fields of a quote the index reads, checked."""
    data = quote.to_dict() if isinstance(quote, Quote) else quote
    if not isinstance(data, Mapping):
        msg = f"quote {number} must be a Quote or a dict (got {type(quote).__name__})"
        raise TypeError(msg)
    if data.get("kind") not in KINDS:
        msg = f"quote {number}: 'kind' must be one of {list(KINDS)} (got {data.get('kind')!r})"
        raise ValueError(msg)
    if not isinstance(data.get("content_text"), str):
        msg = f"quote {number}: 'content_text' must be a str (got {data.get('content_text')!r})"
        raise ValueError(msg)
    return _Said(
        kind=data["kind"],
        content_text=data["content_text"],
        speaker_text=data.get("speaker_text"),
        speaker_name=data.get("speaker_name"),
        speaker_id=data.get("speaker_id"),
        speaker_resolution=data.get("speaker_resolution"),
        cue_class=data.get("cue_class"),
    )


def _identity(ref: str, said: _Said) -> Speaker | None:
    """Who a quote's speaker is across documents: a name, or a speaker of one document."""
    name, how = said.speaker_name, said.speaker_resolution
    if name is None and said.speaker_id is None:
        return None
    if how in NAMED and isinstance(name, str) and normalise_name(name):
        return NamedSpeaker(name=normalise_name(name))
    local = said.speaker_id or name or "speaker"
    kind = "anonymous" if how == "anonymous" else "unresolved"
    return DocumentSpeaker(doc_ref=ref, local=local, kind=kind)


def _gender_words(said: _Said) -> list[str]:
    """The gendered words of a quote's speaker mention: a pronoun, or titles before the name."""
    mention = said.speaker_text
    if not isinstance(mention, str):
        return []
    words = mention.split()
    if len(words) == 1 and words[0].lower() in MALE_WORDS | FEMALE_WORDS:
        return [words[0].lower()]
    head = words if said.speaker_resolution == "role" else words[:-1]
    return [w for w in head if w.lower() in MALE_TITLES | FEMALE_TITLES]


def _speaker(speaker: Speaker | tuple) -> Speaker:
    """A speaker of a pickled index: a record, or a tuple of quotelib 0.1.0.dev0."""
    match speaker:
        case ("name", words):
            return NamedSpeaker(name=words)
        case ("doc", doc_ref, local, kind):
            return DocumentSpeaker(doc_ref=doc_ref, local=local, kind=kind)
    return speaker


def _grouped(quote: GroupedQuote | tuple) -> GroupedQuote:
    """A quote of a pickled index: a record, or a tuple of quotelib 0.1.0.dev0."""
    match quote:
        case (doc_ref, number, doc_id, text, speaker, date):
            return GroupedQuote(
                doc_ref=doc_ref,
                number=number,
                doc_id=doc_id,
                text=text,
                speaker=None if speaker is None else _speaker(speaker),
                date=date,
            )
    return quote

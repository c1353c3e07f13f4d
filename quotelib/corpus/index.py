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

from quotelib.corpus.groups import UnionFind, near_duplicates, quote_words, split_by_speaker
from quotelib.corpus.names import key_names, normalise_name
from quotelib.lexicon import FEMALE_TITLES, FEMALE_WORDS, MALE_TITLES, MALE_WORDS
from quotelib.records import KINDS, Quote

__all__ = ["AGREEMENT", "CorpusIndex", "Person", "QuoteGroup", "field_value", "gender_label"]

logger = logging.getLogger(__name__)

#: Resolutions whose speaker is a person known across documents by name.
NAMED = frozenset({"name", "surname", "pronoun", "role"})
#: The share of a person's gendered words that must say the same for a gender label.
AGREEMENT = 0.9
#: Kinds of quote that are grouped as the same quotation (their words are the speaker's).
GROUPED_KINDS = frozenset({"direct", "mixed"})


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


@attrs.define
class _Tally:
    quotes: int = 0
    documents: set = attrs.Factory(set)
    by_kind: Counter = attrs.Factory(Counter)
    by_cue_class: Counter = attrs.Factory(Counter)

    def merge(self, other: _Tally) -> None:
        self.quotes += other.quotes
        self.documents |= other.documents
        self.by_kind.update(other.by_kind)
        self.by_cue_class.update(other.by_cue_class)


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
        self._tallies: dict[tuple, _Tally] = {}
        self._names: dict[tuple, Counter] = {}
        self._gender: dict[tuple, Counter] = {}
        self._quotes: list[tuple] = []

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
        views = [_view(quote, number) for number, quote in enumerate(quotes)]
        self.documents.add(ref)
        group = _hashable(field_value(meta, self.group_by)) if self.group_by else None
        date = _hashable(field_value(meta, self.date_field)) if self.date_field else None
        for number, view in enumerate(views):
            self._add_quote(ref, doc_id, number, view, group, date)

    def _add_quote(self, ref: str, doc_id: Any, number: int, view: dict, group: Any, date: Any):
        ident = _identity(ref, view)
        if ident is not None:
            tally = self._tallies.setdefault((ident, group), _Tally())
            tally.quotes += 1
            tally.documents.add(ref)
            tally.by_kind[view["kind"]] += 1
            if view.get("cue_class") is not None:
                tally.by_cue_class[view["cue_class"]] += 1
            self._names.setdefault(ident, Counter())[view["speaker_name"]] += 1
            self._gender.setdefault(ident, Counter()).update(_gender_words(view))
        if view["kind"] in GROUPED_KINDS:
            self._quotes.append((ref, number, doc_id, view["content_text"], ident, date))

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
            self._tallies.setdefault(key, _Tally()).merge(tally)
        for mine, theirs in ((self._names, other._names), (self._gender, other._gender)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        self._quotes.extend(other._quotes)
        return self

    def person_keys(self) -> dict[tuple, tuple[str, tuple[str, ...]]]:
        """Each speaker identity's corpus key and, if ambiguous, its candidates."""
        names = key_names(ident[1] for ident in self._names if ident[0] == "name")
        keys = {}
        for ident in self._names:
            if ident[0] == "name":
                found = names[ident[1]]
                keys[ident] = (found.key, found.candidates)
            else:
                keys[ident] = (f"{ident[1]}#{ident[2]}", ())
        return keys

    def people(self) -> list[Person]:
        """The people of the corpus, most quoted first (then by key, then group)."""
        from quotelib.corpus.people import people  # the counts merged by key

        return people(self, self.person_keys())

    def groups(self) -> list[QuoteGroup]:
        """The quotations carried by two documents or more, most carried first."""
        keys = self.person_keys()
        quotes = sorted(self._quotes, key=lambda q: (q[0], q[1]))
        words = [quote_words(q[3]) for q in quotes]
        distinct = sorted(set(words))
        number = {w: i for i, w in enumerate(distinct)}
        union = UnionFind(len(distinct))
        for first, second in near_duplicates(distinct):
            union.union(first, second)
        by_root: dict[int, list[int]] = {}
        for position, w in enumerate(words):
            by_root.setdefault(union.find(number[w]), []).append(position)
        speakers = [
            keys[q[4]][0] if q[4] is not None and q[4][0] == "name" else None for q in quotes
        ]
        found = []
        for members in by_root.values():
            for part in split_by_speaker(members, speakers):
                if len({quotes[m][0] for m in part}) > 1:
                    found.append(
                        _group([quotes[m] for m in part], speakers[part[0]], part, speakers)
                    )
        return sorted(found, key=lambda g: (-g.documents, -len(g.members), g.text, g.members[0][0]))

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


def _group(quotes: list[tuple], speaker: str | None, part: list[int], speakers) -> QuoteGroup:
    named = [speakers[m] for m in part if speakers[m] is not None]
    texts = Counter(q[3] for q in quotes)
    by_date = sorted(quotes, key=lambda q: (q[5] is None, str(q[5]), q[0], q[1]))
    text = max(by_date, key=lambda q: (texts[q[3]], -by_date.index(q)))[3]
    first = by_date[0]
    earliest = None if first[5] is None else (first[2], first[5])
    return QuoteGroup(
        text=text,
        speaker=named[0] if named else None,
        members=tuple((q[2], q[1]) for q in quotes),
        documents=len({q[0] for q in quotes}),
        earliest=earliest,
    )


def _view(quote: Quote | Mapping[str, Any], number: int) -> dict[str, Any]:
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
    view = {k: data.get(k) for k in ("kind", "content_text", "speaker_text", "speaker_name")}
    view.update(
        speaker_id=data.get("speaker_id"),
        speaker_resolution=data.get("speaker_resolution"),
        cue_class=data.get("cue_class"),
    )
    return view


def _identity(ref: str, view: dict[str, Any]) -> tuple | None:
    """Who a quote's speaker is across documents: a name, or a speaker of one document."""
    name, how = view["speaker_name"], view["speaker_resolution"]
    if name is None and view["speaker_id"] is None:
        return None
    if how in NAMED and isinstance(name, str) and normalise_name(name):
        return ("name", normalise_name(name))
    local = view["speaker_id"] or name or "speaker"
    view["speaker_name"] = name or view["speaker_text"] or local
    return ("doc", ref, local, "anonymous" if how == "anonymous" else "unresolved")


def _gender_words(view: dict[str, Any]) -> list[str]:
    """The gendered words of a quote's speaker mention: a pronoun, or titles before the name."""
    mention = view["speaker_text"]
    if not isinstance(mention, str):
        return []
    words = mention.split()
    if len(words) == 1 and words[0].lower() in MALE_WORDS | FEMALE_WORDS:
        return [words[0].lower()]
    head = words if view["speaker_resolution"] == "role" else words[:-1]
    return [w for w in head if w.lower() in MALE_TITLES | FEMALE_TITLES]


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

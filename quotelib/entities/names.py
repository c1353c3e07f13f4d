"""Proper names read off the tagger and the parse, for pipelines without an entity recogniser.

quotelib's default pipeline leaves out spaCy's entity recogniser, the most
expensive component of the small English model; speaker resolution needs
only the proper names of a document and whether each names a person, an
organisation or a place. :func:`find_names` reads them off the parse: runs
of proper nouns ("Xi Jinping", "Mr. Putin", "Ministry of Foreign Affairs"),
typed by what the words and their context say:

- a place: a country, a U.S. state, a large city or a region
  (:data:`PLACES`), or a name the document uses after "in" or "from";
- a group (spaCy's ``NORP``): a plural proper noun ("Democrats");
- an organisation: an acronym ("NATO"), a name ending in an organisation
  word ("Foreign Ministry", "Fox News"), one holding "of" or "&", one the
  document writes with "the" ("the Kremlin"), or a well-known one
  (:data:`ORGANISATIONS`);
- a person otherwise, and always after a courtesy title ("Mr. Lee").

A name starts at the name: a word the tagger glued to it, where the
document shows it is no part of it, is left out ("Dearest Jane", "Poor
Harriet", "from London Lydia came", "by the middle of June Kitty was"; see
:func:`_unglued`).

A pipeline with an entity recogniser is used as it is: quotelib reads its
``doc.ents`` instead.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from quotelib.document.syntax import NOMINAL_SUBJECTS
from quotelib.document.view import DocView
from quotelib.lexicon import COURTESY_TITLES, TITLES
from quotelib.lexicon.gazetteers import (
    COMPASS_WORDS,
    DATE_WORDS,
    DAY_ENDS,
    ORGANISATION_WORDS,
    ORGANISATIONS,
    PLACE_PREPOSITIONS,
    PLACES,
)

__all__ = ["find_names"]

_NAME_TAGS = frozenset(get_string_id(tag) for tag in ("NNP", "NNPS"))
_PLURAL_NAME_TAG = get_string_id("NNPS")
_COMMON_NOUN_TAGS = frozenset(get_string_id(tag) for tag in ("NN", "NNS"))
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z&]{1,6}$")
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MAX_PERSON_WORDS = 4
# A word of a name: a letter first, then letters, digits, apostrophes, periods or single
# hyphens; never a token the tokenizer left holding a quote mark or a dash ('No"--said').
_NAME_WORD = re.compile(r"^[^\W\d_](?:[\w'’.]|-(?!-))*$")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def find_names(view: DocView) -> list[Span]:
    """The proper names of a document, labelled ``PERSON``, ``ORG``, ``GPE`` or ``NORP``.

    A title inside a run of proper nouns ends what comes before it: in
    "Texas Sen. Ted Cruz", "Texas" is a place and "Ted Cruz" a person. Dates
    and holidays ("Tuesday", "Election Day") are left out.

    Examples:
        >>> import quotelib
        >>> view = DocView.build(quotelib.load_pipeline()(
        ...     "Chinese President Xi Jinping met Mr. Putin in Moscow on Tuesday. "
        ...     "The Foreign Ministry, NATO and Texas Sen. Ted Cruz said Democrats were wrong."))
        >>> [(span.text, span.label_) for span in find_names(view)]
        [('Xi Jinping', 'PERSON'), ('Mr. Putin', 'PERSON'), ('Moscow', 'GPE'), \
('Foreign Ministry', 'ORG'), ('NATO', 'ORG'), ('Texas', 'GPE'), ('Ted Cruz', 'PERSON'), \
('Democrats', 'NORP')]
    """
    doc, strings, columns = view.doc, view.doc.vocab.strings, view.columns
    name_words = frozenset(
        i
        for i, (tag, orth) in enumerate(zip(columns.tags, columns.orths))
        if tag in _NAME_TAGS and strings[orth][:1].isupper() and _NAME_WORD.match(strings[orth])
    )
    runs, unglued = _unglued(view, _name_runs(view, name_words))
    names = [n for run in runs for n in _split_at_title(view, name_words, *run) if not n.is_date()]
    evidence = _Evidence(places=set(), with_the=set())
    for name in names:
        before = view.word(name.start - 1) if name.start else None
        if before == "the" and _heads_phrase(view, name):
            evidence.with_the.add(name.key)
        elif before in PLACE_PREPOSITIONS and _heads_phrase(view, name):
            evidence.places.add(name.key)
    for _ in range(2):  # the second pass knows the words of the people the first found
        labels = [name.label or _label(name, evidence) for name in names]
        evidence.person_words = {
            word
            for name, label in zip(names, labels)
            if label == "PERSON" and len(name.words) > 1
            for word in name.words
        }
    spans = [
        Span(doc, name.start, name.end, label=label)
        for name, label in zip(names, labels)
        if name.start in unglued or _is_supported(view, name, label, evidence.person_words)
    ]
    mistagged = _mistagged_surnames(view, spans)
    return sorted([*spans, *mistagged], key=lambda span: span.start)


@attrs.define
class _Name:
    """A run of proper nouns (internal): its tokens and lower-cased words, its label if known."""

    start: int
    end: int
    words: list[str]
    plural: bool  # ends in a plural proper noun
    acronym: bool  # one word written as an acronym
    label: str | None = None

    @classmethod
    def of(cls, view: DocView, start: int, end: int, label: str | None = None) -> _Name:
        words = [view.word(i) for i in range(start, end)]
        plural = view.columns.tags[end - 1] == _PLURAL_NAME_TAG
        acronym = end - start == 1 and bool(ACRONYM.match(view.doc[start].text))
        return cls(start, end, words, plural, acronym, label)

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def is_date(self) -> bool:
        return all(w in DATE_WORDS for w in self.words) or self.words[-1] in DAY_ENDS


def _heads_phrase(view: DocView, name: _Name) -> bool:
    """Whether the name is the head of its noun phrase: "in Moscow", "the Kremlin";
    not "in Trump's", "the Sanders campaign"."""
    doc = view.doc
    if name.end < len(doc) and doc[name.end].text in _POSSESSIVES:
        return False
    last = doc[name.end - 1]
    return not (last.dep_ in _MODIFIER_DEPS and last.head.i >= name.end)


@attrs.define
class _Evidence:
    """What the whole document says of its names (lower-cased)."""

    places: set[str]
    with_the: set[str]
    person_words: set[str] = attrs.Factory(set)


def _mistagged_surnames(view: DocView, names: list[Span]) -> list[Span]:
    """Known surnames the tagger took for common nouns: "Trump said", "Sanders said".

    A capitalised common noun spelled like the last word of a person's
    full name in the same document is that person.
    """
    surnames = {span[-1].orth for span in names if span.label_ == "PERSON" and len(span) > 1}
    if not surnames:
        return []
    named = {i for span in names for i in range(span.start, span.end)}
    columns = view.columns
    return [
        Span(view.doc, i, i + 1, label="PERSON")
        for i, (tag, orth) in enumerate(zip(columns.tags, columns.orths))
        if tag in _COMMON_NOUN_TAGS and orth in surnames and i not in named
    ]


def _is_supported(view: DocView, name: _Name, label: str, person_words: set[str]) -> bool:
    """Whether a name is kept: a one-word "person" needs a fuller name or a subject role.

    "Obama said" stays when the document names "Barack Obama" or when "Obama"
    is a subject; a capitalised "Islam" or "Neighborhood" is no one.
    """
    if label != "PERSON" or len(name.words) > 1:
        return True
    return name.words[0] in person_words or view.doc[name.start].dep_ in NOMINAL_SUBJECTS


def _split_at_title(view: DocView, name_words: frozenset[int], start: int, end: int) -> list[_Name]:
    """A run cut at its last title, the part after it a person's name.

    "Texas Sen. Ted Cruz" -> "Texas" (unknown) and "Ted Cruz" (a person);
    "Secretary of State John Kerry" -> "John Kerry"; "Mr. Lee" stays whole.
    """
    name = _Name.of(view, start, end)
    titles = [i for i, word in enumerate(name.words[:-1]) if word in TITLES]
    if not titles or (name.words[0] in COURTESY_TITLES and titles == [0]):
        return [name]
    person = titles[-1] + 1
    if name.words[person] == "of" and person + 2 < len(name.words):
        person += 2  # "Secretary of State John Kerry"
    while person < len(name.words) and start + person not in name_words:
        person += 1
    parts = []
    before = [i for i in range(titles[0]) if start + i in name_words]
    if before:
        parts.append(_Name.of(view, start + before[0], start + before[-1] + 1))
    if person < len(name.words):
        parts.append(_Name.of(view, start + person, end, label="PERSON"))
    return parts


def _name_runs(view: DocView, name_words: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) token indexes of maximal runs of proper nouns within a sentence.

    A run goes on over "of", "&" and a hyphen written without spaces when a
    proper noun follows ("Bank of America", "Jean-Claude"), never over a
    sentence start (nor over a line break, which is a token of its own).
    """
    runs: list[tuple[int, int]] = []
    for i in sorted(name_words):
        if runs and _continues(view.doc, runs[-1][1], i):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _unglued(view: DocView, runs: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[int]]:
    """The runs, each without a first word the tagger glued to a name, and where each name
    so freed starts (a name the document writes alone more often, so a name kept).

    "Dearest Jane", "Poor Harriet", "from London Lydia came": the first word
    of a run of two or more is left out when the document shows it is not part
    of the name: the run is written so at most twice, the rest of it stands
    alone as a name more often, and the word is a common one (written in
    lower case elsewhere in the document, or a stop word), a date word
    ("June") or a place (a name the document writes alone after "in").
    A title ("Mr. Lee") is never left out: it is read by :func:`_split_at_title`.
    """
    keys = [" ".join(view.word(i) for i in range(start, end)) for start, end in runs]
    counts = Counter(keys)
    columns, vocab = view.columns, view.doc.vocab
    lower_case = {lower for orth, lower in zip(columns.orths, columns.lowers) if orth == lower}
    places = {
        key
        for key, (start, end) in zip(keys, runs)
        if end - start == 1 and start and view.word(start - 1) in PLACE_PREPOSITIONS
    }
    found, freed = [], set()
    for key, (start, end) in zip(keys, runs):
        first, _, rest = key.partition(" ")
        glued = (
            end - start > 1
            and first not in TITLES
            and counts[key] <= 2
            and counts[rest] > counts[key]
            and (
                columns.lowers[start] in lower_case
                or vocab[first].is_stop
                or first in DATE_WORDS
                or first in places
            )
        )
        found.append((start + 1, end) if glued else (start, end))
        if glued:
            freed.add(start + 1)
    return found, freed


def _continues(doc: Doc, end: int, i: int) -> bool:
    """Whether the name word ``doc[i]`` extends a run ending before ``end``."""
    if i > end + 1 or doc[i].is_sent_start:
        return False
    return i == end or (_is_link(doc, end) and not doc[end].is_sent_start)


def _is_link(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` joins two parts of one name: "&", a hyphen written
    without spaces, or "of" after an organisation word or a title ("Bank of
    America", "Secretary of State"; not "James Clyburn of South Carolina")."""
    token = doc[i]
    if token.text == "&":
        return True
    if token.text == "of":
        return doc[i - 1].lower_ in ORGANISATION_WORDS or doc[i - 1].lower_ in TITLES
    return token.text == "-" and not doc[i - 1].whitespace_ and not token.whitespace_


def _label(name: _Name, evidence: _Evidence) -> str:
    words, key = name.words, name.key
    if words[0] in COURTESY_TITLES and len(words) > 1:
        return "PERSON"
    if key in PLACES or (words[0] in COMPASS_WORDS and " ".join(words[1:]) in PLACES):
        return "GPE"
    if key in ORGANISATIONS or name.acronym:
        return "ORG"
    if len(words) == 1 and key in evidence.person_words:
        return "PERSON"  # "Sanders" after "Bernie Sanders", even in "the Sanders campaign"
    if name.plural and len(words) == 1:
        return "NORP"
    if words[-1] in ORGANISATION_WORDS or "of" in words or "&" in words:
        return "ORG"
    if len(words) > _MAX_PERSON_WORDS:
        return "ORG"
    if key in evidence.places:
        return "GPE"
    if key in evidence.with_the:
        return "ORG"
    return "PERSON"

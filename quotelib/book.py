"""A book's characters: one :class:`Character` record per person the text names or narrates.

:func:`characters` reads a text whole (a novel of a megabyte and more is
parsed in chunks and joined into one ``Doc``, as :func:`~quotelib.extract_quotes`
does), so that each person is known across it: their names grouped by first
name, surname, title and gender (:mod:`quotelib.entities.people`), the words
that told their gender, how often they are named and quoted, and whether they
tell the story (:mod:`quotelib.entities.narrator`). A character's ``key`` is
the ``speaker_id`` of their quotes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from quotelib.core.stages import attribute
from quotelib.entities.characters import gender_of, votes_of
from quotelib.extract import parse
from quotelib.lexicon import (
    FEMALE_TITLES,
    FEMALE_WORDS,
    MALE_TITLES,
    MALE_WORDS,
    MARRIED_TITLES,
    UNMARRIED_TITLES,
)
from quotelib.records import Quote

__all__ = ["Character", "characters"]


@attrs.frozen(kw_only=True)
class Character:
    """A person of a text: their names, gender, mentions and quotes.

    Attributes:
        key: the identifier within the text, the ``speaker_id`` of their quotes
            ("elizabeth-bennet"); ``"narrator"`` for a narrator the text never names.
        name: the fullest name the text gives, without titles ("Elizabeth Bennet");
            ``"the narrator"`` for a narrator the text never names.
        aliases: each way the text names them, as written (titles kept, line breaks
            as spaces), with how often, most often first: ``(("Lizzy", 40), ...)``.
        gender: ``"male"``, ``"female"``, or ``None`` when the text does not say.
        gender_evidence: the words that told the gender, with their counts, most
            first: titles ("mrs"), the pronouns after their names in the narrative
            ("she", "her"), and the pronouns that speak for them ("she" of "she said").
        mentions: how many times the text names them.
        quotes: how many quotations they speak.
        narrator: whether they tell the story (a first-person narrator: "I" of the
            narrative).
    """

    key: str
    name: str
    aliases: tuple[tuple[str, int], ...] = attrs.field(converter=tuple)
    gender: str | None
    gender_evidence: tuple[tuple[str, int], ...] = attrs.field(converter=tuple)
    mentions: int
    quotes: int
    narrator: bool = False

    def title_conflicts(self) -> tuple[str, ...]:
        """The titles among the aliases that say two people, sorted: a man's beside a
        woman's ("mr", "mrs"), or a married woman's beside an unmarried one's ("miss",
        "mrs"); ``()`` when they agree. A grouping never makes one, so this is a check.

        Examples:
            >>> one = Character(key="a", name="A", aliases=[("Mr. A", 1), ("Sir A", 1)],
            ...                 gender="male", gender_evidence=[], mentions=2, quotes=0)
            >>> one.title_conflicts(), attrs.evolve(one, aliases=[("Mr. A", 1),
            ...                                                    ("Mrs. A", 1)]).title_conflicts()
            ((), ('mr', 'mrs'))
        """
        first = {alias.split()[0].lower() for alias, _ in self.aliases if alias.split()}

        def among(titles: frozenset[str]) -> set[str]:
            return {word.rstrip(".") for word in first if word in titles}

        male, female = among(MALE_TITLES), among(FEMALE_TITLES)
        married, unmarried = among(MARRIED_TITLES), among(UNMARRIED_TITLES)
        if male and female:
            return tuple(sorted(male | female))
        return tuple(sorted(married | unmarried)) if married and unmarried else ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: aliases and evidence as objects of counts."""
        return {
            "key": self.key,
            "name": self.name,
            "aliases": dict(self.aliases),
            "gender": self.gender,
            "gender_evidence": dict(self.gender_evidence),
            "mentions": self.mentions,
            "quotes": self.quotes,
            "narrator": self.narrator,
        }


def characters(
    text: str | Doc, *, nlp: Language | str | None = None, names: str = "parse"
) -> list[Character]:
    """The characters of ``text``, the most named and quoted first.

    Args:
        text: the text (a whole novel is read as one text), or a spaCy ``Doc``
            parsed with a dependency parser.
        nlp: the pipeline to parse a string with, as for :func:`~quotelib.extract_quotes`.
        names: how names are found, as for :func:`~quotelib.extract_quotes`.

    Raises:
        TypeError: ``text`` is neither a ``str`` nor a ``Doc``.
        ValueError: as :func:`~quotelib.extract_quotes` raises it.

    Examples:
        >>> import quotelib
        >>> text = (
        ...     "Mr. Harlow came home late. Clara Harlow put down her book.\\n\\n"
        ...     '"You are late," said Clara.\\n\\n"I know," said Mr. Harlow.'
        ... )
        >>> for c in quotelib.characters(text):
        ...     print(c.key, "|", c.name, "|", c.gender, "|", c.aliases, "|", c.quotes)
        harlow | Harlow | male | (('Mr. Harlow', 2),) | 1
        clara-harlow | Clara Harlow | female | (('Clara Harlow', 1), ('Clara', 1)) | 1
        >>> clara = quotelib.characters(text)[1]
        >>> clara.gender_evidence, clara.mentions, clara.narrator
        ((('her', 1),), 2, False)
    """
    doc = parse(text, nlp)
    reading = attribute(doc, text=text if isinstance(text, str) else None, names=names)
    original = text if isinstance(text, str) else doc.text
    entities = reading.entities.entities if reading.entities is not None else ()
    narrator = reading.entities.narrator if reading.entities is not None else None
    spoken = _speaker_pronouns(reading.quotes)
    found = [
        _character(original, entity, spoken.get(entity.key, Counter()), entity is narrator)
        for entity in entities
        if entity.kind == "person"
    ]
    first = {e.key: (e.mentions[0][0] if e.mentions else len(original)) for e in entities}
    said = Counter(q.speaker_id for q in reading.quotes if q.speaker_id is not None)
    found = [attrs.evolve(c, quotes=said[c.key]) for c in found]
    return sorted(found, key=lambda c: (-(c.mentions + c.quotes), first[c.key]))


def _speaker_pronouns(quotes: list[Quote]) -> dict[str, Counter]:
    """The "he" and "she" speaker mentions resolved to each speaker, by key."""
    found: dict[str, Counter] = {}
    for quote in quotes:
        if quote.speaker is None or quote.speaker_id is None:
            continue
        word = quote.speaker.text.lower()
        if word in MALE_WORDS or word in FEMALE_WORDS:
            found.setdefault(quote.speaker_id, Counter())[word] += 1
    return found


def _character(text: str, entity: Any, spoken: Counter, narrator: bool) -> Character:
    aliases = Counter(" ".join(text[start:end].split()) for start, end in entity.mentions)
    evidence = Counter(dict(entity.evidence)) + spoken
    gender = entity.gender or gender_of(votes_of(evidence))
    return Character(
        key=entity.key,
        name=entity.name,
        aliases=_by_count(aliases),
        gender=gender,
        gender_evidence=_by_count(evidence),
        mentions=len(entity.mentions),
        quotes=0,
        narrator=narrator,
    )


def _by_count(counts: Counter) -> tuple[tuple[str, int], ...]:
    """Counts most first, then in the order first met."""
    order = {word: n for n, word in enumerate(counts)}
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], order[item[0]])))

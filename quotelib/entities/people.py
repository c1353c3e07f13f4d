"""Which person a name mention names: its titles, first name and surname against the people met.

A novel names its people many ways: "Elizabeth", "Elizabeth Bennet", "Miss
Elizabeth Bennet", "Lizzy"; and one surname names a family: "Mr. Bennet",
"Mrs. Bennet", "Miss Bennet" (the eldest daughter), "Miss Lydia Bennet". A
courtesy or rank title is evidence of who is meant, which a grouping must
respect (the lists live in :mod:`quotelib.lexicon`):

- of gender: "Mr. Darcy" is never "Miss Georgiana Darcy"
  (:data:`~quotelib.lexicon.MALE_TITLES`, :data:`~quotelib.lexicon.FEMALE_TITLES`);
- of marriage: "Mrs. Bennet" is never "Miss Bennet"
  (:data:`~quotelib.lexicon.MARRIED_TITLES`, :data:`~quotelib.lexicon.UNMARRIED_TITLES`);
- of identity: a title and a surname name whoever the text already called so
  ("Miss Bennet" is the "Miss Bennet" met before, not "Miss Elizabeth Bennet");
  "Mrs. Bennet" is no woman the text named by her first name without that
  title ("Elizabeth Bennet"), even if no text says so; and a first name with a
  title ("Miss Lydia Bennet") is another person than the title and surname
  alone ("Miss Bennet") when the family has two of that gender.

:func:`match_person` takes a mention's :class:`NameForm` and the people
already met that share one of its words, and picks the one it names, or none
(a new person). It never merges two people: each mention joins at most one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs
from spacy.tokens import Span, Token

from quotelib.lexicon import (
    FEMALE_TITLES,
    GIVEN_NAME_TITLES,
    MALE_TITLES,
    MARRIED_TITLES,
    NAME_PARTICLES,
    TITLES,
    UNMARRIED_TITLES,
)

__all__ = [
    "NameForm",
    "Person",
    "compatible_classes",
    "leading_titles",
    "match_person",
    "name_form",
    "title_class",
]

#: The title classes: what a title says of the person, one word each.
MALE, FEMALE, MARRIED, UNMARRIED = "male", "female", "married", "unmarried"


def title_class(titles: Sequence[str]) -> str | None:
    """What lower-cased titles say of a person: ``"male"``; ``"married"`` or
    ``"unmarried"`` (a woman); ``"female"`` (a woman, married or not); or ``None``.

    Examples:
        >>> title_class(["mrs."]), title_class(["miss"]), title_class(["lady"])
        ('married', 'unmarried', 'female')
        >>> title_class(["captain"]), title_class(["dr."])
        ('male', None)
    """
    words = set(titles)
    if words & MARRIED_TITLES:
        return MARRIED
    if words & UNMARRIED_TITLES:
        return UNMARRIED
    if words & MALE_TITLES:
        return MALE
    return FEMALE if words & FEMALE_TITLES else None


def compatible_classes(one: str | None, other: str | None) -> bool:
    """Whether two title classes can be one person's ("Miss" and "Ms." can; "Mrs." and
    "Miss" cannot; a man's title and a woman's cannot).

    Examples:
        >>> compatible_classes("unmarried", "female"), compatible_classes("married", "unmarried")
        (True, False)
    """
    if one is None or other is None or one == other:
        return True
    return MALE not in (one, other) and FEMALE in (one, other)


def _gender_of_class(cls: str | None) -> str | None:
    return None if cls is None else "male" if cls == MALE else "female"


@attrs.frozen(kw_only=True)
class NameForm:
    """How one mention names a person (plain strings).

    Attributes:
        titles: its titles, lower-cased ("mr.", "colonel").
        words: its name words as written ("Elizabeth", "Bennet").
        gender: the mention's gender as the text says it (its title, or the pronouns
            that follow the same written name), or ``None``.
    """

    titles: tuple[str, ...]
    words: tuple[str, ...]
    gender: str | None = None

    @property
    def cls(self) -> str | None:
        """The title class (:func:`title_class`)."""
        return title_class(self.titles)

    @property
    def first(self) -> str | None:
        """The first name, given when the mention has two name words or more."""
        return self.words[0] if len(self.words) > 1 else None

    @property
    def last(self) -> str:
        """The last name word: a surname, or the one name word a mention has."""
        return self.words[-1]

    @property
    def form(self) -> tuple[str, str] | None:
        """A title and one name word ("Miss", "Bennet") as a key, the title by its class
        (or itself when it says nothing of gender: "colonel"); ``None`` without a title
        or with a first name."""
        if not self.titles or len(self.words) > 1:
            return None
        return (self.cls or self.titles[-1].rstrip("."), self.last)


class Person(Protocol):
    """A person met so far, as :func:`match_person` reads one."""

    first: str | None
    last: str | None
    gender: str | None
    classes: set[str]  # the title classes the person was named with
    forms: set[tuple[str, str]]  # the title-and-name forms the person was named with
    familiar: bool  # the text called them by their first name alone ("Lizzy", "Edna")


def _fits(form: NameForm, person: Person) -> bool:
    """No evidence says they differ: gender, title class, first name."""
    gender = _gender(form)
    if gender is not None and person.gender not in (None, gender):
        return False
    if any(not compatible_classes(form.cls, cls) for cls in person.classes):
        return False
    return not (form.first and person.first and form.first != person.first)


def match_person(form: NameForm, people: Sequence[Person]) -> Person | None:
    """The person the mention names among ``people`` (those sharing one of its name
    words, the most recently mentioned first), or ``None`` for a new person.

    Examples:
        >>> import attrs
        >>> @attrs.define
        ... class P:
        ...     first: str | None
        ...     last: str | None
        ...     gender: str | None = None
        ...     classes: set = attrs.Factory(set)
        ...     forms: set = attrs.Factory(set)
        ...     familiar: bool = True
        >>> mother = P(None, "Bennet", "female", {"married"}, {("married", "Bennet")})
        >>> lizzy = P("Elizabeth", "Bennet", "female")
        >>> match_person(NameForm(titles=("mrs.",), words=("Bennet",)), [lizzy, mother]) is mother
        True
        >>> match_person(NameForm(titles=(), words=("Elizabeth", "Bennet")), [mother]) is None
        True
    """
    fitting = [p for p in people if _fits(form, p)]
    if form.first is not None:
        return _full_name(form, fitting, people)
    if form.form is not None:
        same = [p for p in fitting if form.form in p.forms]
        if same:
            return same[0]
    by_last = [p for p in fitting if p.last == form.last and _title_allows(form, p, people)]
    if by_last:
        return _likeliest(form, by_last)
    by_first = [p for p in fitting if p.first == form.last]
    if form.cls is not None and not set(form.titles) & GIVEN_NAME_TITLES:
        # "Mr. Xi" is Xi Jinping, whom no courtesy title ever named; "Colonel
        # Fitzwilliam" is not "Mr. Fitzwilliam Darcy", whose surname the title shows.
        by_first = [p for p in by_first if not p.classes]
    return _likeliest(form, by_first) if by_first else None


def _likeliest(form: NameForm, people: list[Person]) -> Person:
    """The most recent of the people of the mention's gender, else the most recent: a bare
    "Darcy" the text writes of as "he" is Mr. Darcy, even just after "Georgiana Darcy"."""
    gender = _gender(form)
    same = [p for p in people if gender is not None and p.gender == gender]
    return same[0] if same else people[0]


def _full_name(form: NameForm, fitting: list[Person], people: Sequence[Person]) -> Person | None:
    """A first name and a surname: the same full name; else a person known by the surname
    alone whom the title allows; else a person known by this first name alone."""
    for person in fitting:
        if person.first == form.first and person.last == form.last:
            return person
    for person in fitting:
        if (
            person.first is None
            and person.last == form.last
            and _joins_surname(form, person, people)
        ):
            return person
    for person in fitting:
        if person.first is None and person.last == form.first:
            return person  # "Lydia", then "Lydia Bennet"
    return None


def _joins_surname(form: NameForm, person: Person, people: Sequence[Person]) -> bool:
    """Whether "Edward Harlow" is the person met as "Harlow" or "Mr. Harlow".

    A bare surname takes the first name. A title and a surname ("Mr.
    Harlow", "Miss Bennet") name one person of a family: a full name joins
    them only when the family (the people of that surname) has no other
    person of that gender, and either with the same title ("Miss Lydia
    Bennet") or, for a man, when the text says he is one ("Edward Harlow ...
    his"); never a woman's title without it ("Lydia Bennet" is no "Miss Bennet").
    """
    if not person.forms:
        return True
    if form.cls is None:
        if person.classes - {MALE} or form.gender is None or form.gender != person.gender:
            return False
    elif form.cls not in person.classes:
        return False
    return _alone_in_family(person, people, _gender(form) or person.gender)


def _alone_in_family(person: Person, people: Sequence[Person], gender: str | None) -> bool:
    """Whether no other person met has the person's surname and may be of ``gender``."""
    return all(
        p is person
        or p.last != person.last
        or (gender is not None and p.gender is not None and p.gender != gender)
        for p in people
    )


def _title_allows(form: NameForm, person: Person, people: Sequence[Person]) -> bool:
    """Whether a title and a surname ("Mrs. Bennet") name a person met by a first name.

    A married woman's title names no woman the text calls by her first name
    alone and never gave such a title: "Mrs. Bennet" is not "Elizabeth
    Bennet" (who is "Elizabeth" to the narrative), while "Mrs. Clinton" is the
    "Hillary Clinton" of a news report. Another title
    names them when the family has no other person of that gender ("Mr.
    Putin" after "Vladimir Putin"; not "Miss Bennet" after "Elizabeth
    Bennet" and "Mrs. Bennet").
    """
    if person.first is None or form.cls is None:
        return True
    if form.cls == MARRIED and person.familiar and not person.classes & {MARRIED, FEMALE}:
        return False
    return _alone_in_family(person, people, _gender(form))


def _gender(form: NameForm) -> str | None:
    return form.gender or _gender_of_class(form.cls)


def name_form(ent: Span, gender: str | None) -> NameForm | None:
    """The titles and name words of a person's mention; ``None`` for a title alone ("Sir")
    unless a name shared with the next mention follows ("Mr. and Mrs. Bennet")."""
    titles = leading_titles(ent)
    names = _name_tokens(ent)
    if not names or len(titles) == len(ent):
        names = _shared_name(ent) if titles else []
        if not names:
            return None
    before = ent.start - 1
    while not titles and before >= 0 and _is_title(ent.doc[before]):
        before -= 1  # "Colonel Fitzwilliam": the finder left the title out of the name
    titles = [*ent.doc[before + 1 : ent.start], *titles]
    return NameForm(
        titles=tuple(t.lower_ for t in titles), words=tuple(t.text for t in names), gender=gender
    )


def _is_title(token: Token) -> bool:
    """A title as it stands before a name: capitalised ("Colonel", not "in general")."""
    return token.lower_ in TITLES and token.text[:1].isupper()


def _name_tokens(ent: Span) -> list[Token]:
    titles = leading_titles(ent)
    names = [t for t in ent[len(titles) :] if not t.is_punct and t.lower_ not in ("’s", "'s")]
    proper = [t for t in names if t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES]
    return proper if proper and proper[-1].i == names[-1].i else names


def _shared_name(ent: Span) -> list[Token]:
    """The name a title alone shares with the titled name after "and": "Mr. and Mrs.
    Bennet" names Mr. Bennet."""
    doc, at = ent.doc, ent.end
    if at + 1 >= len(doc) or doc[at].lower_ != "and" or doc[at + 1].lower_ not in TITLES:
        return []
    at += 1
    while at < len(doc) and doc[at].lower_ in TITLES:
        at += 1
    names = []
    while at < len(doc) and doc[at].pos_ == "PROPN" and doc[at].lower_ not in TITLES:
        names.append(doc[at])
        at += 1
    return names


def leading_titles(ent: Span) -> list[Token]:
    """The titles a mention opens with; the last word of two or more is a name ("Miss
    King"), a title alone is none ("Sir")."""
    titles = []
    for token in ent:
        if token.lower_ not in TITLES or (len(titles) == len(ent) - 1 and titles):
            break
        titles.append(token)
    return titles

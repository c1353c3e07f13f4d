"""Who is named in a document: name mentions grouped into entities.

People ("Chinese President Xi Jinping", "Xi", "Mr. Xi", "President Xi"),
organisations and their short forms ("the United Nations", "UN"), and places
or groups that speak as institutions ("Beijing", "the Kremlin", "Democrats")
are read off spaCy's named entities, or off the tagger and the parse
(:func:`quotelib.entities.names.find_names`) when the pipeline has no entity
recogniser, and grouped. The canonical name is the fullest proper name of
the group without its title ("Xi Jinping"). A surname alone joins the most
recent person whose name ends with it, so "Bill Clinton" and "Hillary
Clinton" stay two people, and "Clinton" goes to the one named last; titles
and gender keep apart the people a surname names
(:mod:`quotelib.entities.people`: "Mr. Darcy" is never "Miss Georgiana Darcy").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

import attrs
from spacy.tokens import Span, Token

from quotelib.document.view import DocView
from quotelib.entities.characters import gender_evidence, gender_of, mention_genders, votes_of
from quotelib.entities.names import ACRONYM, find_names
from quotelib.entities.narrator import Narrator, find_narrator
from quotelib.entities.people import NameForm, leading_titles, match_person, name_form
from quotelib.lexicon import ROLELESS_TITLES
from quotelib.lexicon.gazetteers import NAME_LINK_WORDS

__all__ = ["Entities", "Entity", "NAME_FINDERS", "find_entities", "name_mentions", "slug"]

#: How proper names are found: on the tagger and the parse
#: (:func:`quotelib.entities.names.find_names`), or by the pipeline's entity recogniser.
NAME_FINDERS = ("parse", "ner")

_PERSON = "person"
_ORG = "org"
_PLACE = "place"
_KIND_OF_LABEL = {"PERSON": _PERSON, "ORG": _ORG, "GPE": _PLACE, "NORP": _PLACE, "FAC": _ORG}
_NON_WORD = re.compile(r"\W+")


@attrs.frozen(eq=False)
class Entity:
    """A person, organisation or place named in the document (internal).

    Built by :func:`find_entities`, then frozen. Entities are compared by
    identity (``eq=False``): two entities of a document never share a key.

    Attributes:
        key: the identifier, unique in the document ("xi-jinping", "wang-yi-2").
        kind: ``"person"``, ``"org"`` or ``"place"``.
        name: the canonical name, the fullest proper name without its title.
        first: a person's first name, if the text gives one.
        last: a person's last name.
        gender: ``"male"`` or ``"female"`` as the text says (titles, and the pronouns that
            follow the person's names), else ``None``. What a speaker resolver learns later
            is its own (:meth:`quotelib.entities.resolve.SpeakerResolver.gender`).
        evidence: the words that told the gender, with their counts, most first
            (``("mrs", 12), ("her", 3)``; :func:`quotelib.entities.characters.gender_evidence`).
        mentions: the character range of each name mention, in text order.
        introductions: each name mention of a person with its number of leading titles,
            which :attr:`roles` are read off.
    """

    key: str
    kind: str
    name: str
    first: str | None = None
    last: str | None = None
    gender: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    introductions: tuple[tuple[Span, int], ...] = ()
    evidence: tuple[tuple[str, int], ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles the person is introduced with, in text order ("Kremlin spokesman").

        Read off the parse on each call: most entities are never asked, and
        the resolver that asks keeps what it reads.
        """
        roles: list[str] = []
        for ent, n_titles in self.introductions:
            role = _role_of(ent, list(ent[:n_titles]))
            if role and role not in roles:
                roles.append(role)
        return tuple(roles)


@attrs.frozen(eq=False)
class Entities:
    """The entities of a document and which tokens mention them (internal, frozen).

    Attributes:
        entities: the entities, in order of their first mention.
        by_token: the entity each token of a name mention belongs to, by token index.
        narrator: the person who tells a first-person story, one of the entities
            (:mod:`quotelib.entities.narrator`), or ``None``.
    """

    entities: tuple[Entity, ...] = ()
    by_token: Mapping[int, Entity] = attrs.field(factory=dict, converter=MappingProxyType)
    narrator: Entity | None = None

    def at(self, token: Token) -> Entity | None:
        """The entity a token's name mention belongs to, if any."""
        return self.by_token.get(token.i)


@attrs.define
class _Draft:
    """An entity while the names are grouped: it grows with each mention, then freezes."""

    key: str
    kind: str
    name: str
    first: str | None = None
    last: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = attrs.Factory(list)
    introductions: list[tuple[Span, int]] = attrs.Factory(list)
    evidence: Counter = attrs.Factory(Counter)  # the words that told the gender of its mentions
    classes: set[str] = attrs.Factory(set)  # the title classes a person was named with
    forms: set[tuple[str, str]] = attrs.Factory(set)  # a person's title-and-name forms
    familiar: bool = False  # a person the text calls by their first name alone

    def freeze(self) -> Entity:
        """The entity, with the gender all its mentions' evidence shows if no title gave one."""
        gender = self.gender
        if self.kind == _PERSON and gender is None:
            gender = gender_of(votes_of(self.evidence))
        return Entity(
            key=self.key,
            kind=self.kind,
            name=self.name,
            first=self.first,
            last=self.last,
            gender=gender,
            mentions=tuple(self.mentions),
            introductions=tuple(self.introductions),
            evidence=tuple(sorted(self.evidence.items(), key=lambda item: (-item[1], item[0]))),
        )


@attrs.define
class _Table:
    """The entities being grouped, with the lookups that keep grouping linear in long texts:
    names and initials by kind, people by each of their first and last names, in order of
    creation."""

    drafts: list[_Draft] = attrs.Factory(list)
    by_token: dict[int, _Draft] = attrs.Factory(dict)
    by_name: dict[tuple[str, str], _Draft] = attrs.Factory(dict)
    by_word: dict[str, list[_Draft]] = attrs.Factory(dict)
    keys: set[str] = attrs.Factory(set)
    narrator: _Draft | None = None

    def freeze(self) -> Entities:
        """The entities grouped, frozen."""
        frozen = {draft.key: draft.freeze() for draft in self.drafts}
        return Entities(
            entities=tuple(frozen.values()),
            by_token={i: frozen[draft.key] for i, draft in self.by_token.items()},
            narrator=None if self.narrator is None else frozen[self.narrator.key],
        )


def find_entities(view: DocView, names: str = "parse") -> Entities:
    """Group the document's name mentions into entities, in text order.

    Args:
        view: the document.
        names: how proper names are found, one of :data:`NAME_FINDERS`:
            ``"parse"`` reads them off the tagger and the parse, ``"ner"``
            takes the pipeline's named entities (``doc.ents``).

    Raises:
        ValueError: ``names`` is unknown, or ``"ner"`` on a document without
            entity annotation.

    Examples:
        >>> import quotelib
        >>> view = DocView.build(quotelib.load_pipeline()(
        ...     "Chinese President Xi Jinping met Russian leader Vladimir Putin. "
        ...     "Xi said ties were strong. Mr. Putin agreed."))
        >>> found = find_entities(view)
        >>> [(e.name, e.roles, len(e.mentions)) for e in found.entities if e.kind == "person"]
        [('Xi Jinping', ('Chinese President',), 2), ('Vladimir Putin', ('Russian leader',), 2)]
    """
    table = _Table()
    mentions = name_mentions(view, names)
    evidence = gender_evidence(view, mentions)
    for ent, gender, said in zip(mentions, mention_genders(mentions, evidence), evidence):
        kind = _KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        if kind == _PERSON or _is_known_surname(table, ent):
            draft = _add_person(table, ent, gender)
        else:
            draft = _add_named(table, ent, kind)
        if draft is not None:
            draft.mentions.append((ent.start_char, ent.end_char))
            draft.evidence.update(said)
            for i in range(ent.start, ent.end):
                table.by_token[i] = draft
    narrator = find_narrator(view)
    if narrator is not None:
        table.narrator = _add_narrator(table, view, narrator)
    return table.freeze()


def _add_narrator(table: _Table, view: DocView, narrator: Narrator) -> _Draft:
    """The narrator's person: the one their name names, a new one, or one keyed
    ``narrator`` when the text never names them."""
    if not narrator.words:
        entity = _Draft(key=_key(table, ["narrator"]), kind=_PERSON, name="the narrator")
        table.drafts.append(entity)
        return entity
    words = list(narrator.words)
    met = {id(p): p for word in {words[0], words[-1]} for p in table.by_word.get(word, ())}
    form = NameForm(titles=narrator.titles, words=narrator.words)
    entity = match_person(form, sorted(met.values(), key=lambda p: -p.mentions[-1][0]))
    if entity is None:
        entity = _Draft(key=_key(table, words), kind=_PERSON, name=" ".join(words))
        entity.first, entity.last = (words[0] if len(words) > 1 else None), words[-1]
        table.drafts.append(entity)
    entity.mentions = sorted({*entity.mentions, *narrator.mentions})
    for start, end in narrator.mentions:
        span = view.doc.char_span(start, end, alignment_mode="contract")
        for i in range(span.start, span.end) if span is not None else ():
            table.by_token.setdefault(i, entity)
    return entity


def name_mentions(view: DocView, names: str) -> list[Span]:
    """The proper names of the document, found the way ``names`` says (see :func:`find_entities`)."""
    if names == "parse":
        return find_names(view)
    if names != "ner":
        msg = f"'names' must be one of {NAME_FINDERS} (got {names!r})"
        raise ValueError(msg)
    if not view.doc.has_annotation("ENT_IOB"):
        msg = (
            "names='ner' needs a Doc with named entities: parse it with a pipeline that has an "
            "entity recogniser ('ner'), or use names='parse'"
        )
        raise ValueError(msg)
    return list(view.doc.ents)


def _is_known_surname(table: _Table, ent: Span) -> bool:
    """Whether a one-word name of another kind is the first or last name of a person named
    before it: "Wang stated" after "Wang Yi", "Chad" after "Chad Smith".

    Name types come from word lists and context (or the small model's
    recogniser, which tags a lone surname as an organisation now and then);
    the grouping, which reads the text in order, is where a word that names a
    person already met is known to be theirs. The test is here, not in the
    name finders, because only here is the order of mentions known: typing
    every such word as a person in the whole document loses places that are
    only ever places ("Switzerland" after a misread "... Switzerland" name).
    """
    return len(ent) == 1 and any(
        ent.text in (e.last, e.first) for e in table.by_word.get(ent.text, ())
    )


def _add_person(table: _Table, ent: Span, gender: str | None) -> _Draft | None:
    form = name_form(ent, gender)
    if form is None:
        return None
    words = list(form.words)
    met = {id(p): p for word in {words[0], words[-1]} for p in table.by_word.get(word, ())}
    recent = sorted(met.values(), key=lambda p: -p.mentions[-1][0])
    entity = match_person(form, recent)
    if entity is None:
        entity = _Draft(key=_key(table, words), kind=_PERSON, name=" ".join(words))
        table.drafts.append(entity)
    if len(words) > 1 and len(words) >= len(entity.name.split()):
        entity.name = " ".join(words)
    if len(words) > 1 and entity.first is None:
        entity.first = words[0]
        if entity.last == words[0]:
            entity.last = None  # "Lydia" met alone, then "Lydia Bennet"
            entity.familiar = not entity.forms
    entity.familiar = entity.familiar or (
        len(words) == 1 and not form.titles and words[0] == entity.first
    )
    if len(words) > 1 or entity.last is None or words[-1] != entity.first:
        entity.last = entity.last if len(words) == 1 and entity.first else words[-1]
        entity.last = entity.last or words[-1]
    for word in {entity.first, entity.last} - {None}:
        indexed = table.by_word.setdefault(word, [])
        if not any(other is entity for other in indexed):  # keys differ: identity is equality
            indexed.append(entity)
    entity.gender = entity.gender or form.gender
    if form.cls is not None:
        entity.classes.add(form.cls)
    if form.form is not None:
        entity.forms.add(form.form)
    entity.introductions.append((ent, len(leading_titles(ent))))
    return entity


def _role_of(ent: Span, titles: list[Token]) -> str | None:
    """The role a person is introduced with: "Kremlin spokesman" Dmitry Peskov,
    Dmitry Peskov, "the Kremlin spokesman"."""
    root = ent.root
    before = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
    if before:
        start = min(t.left_edge.i for t in before)
        words = [t for t in ent.doc[start : ent.start] if t.dep_ not in ("det", "punct", "case")]
        words = [t for t in words if t.dep_ != "poss" and t.lower_ not in ROLELESS_TITLES]
        if words:
            return " ".join(t.text for t in words)
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = [t for t in child.subtree if t.dep_ not in ("det", "punct") and t.i <= child.i]
            return " ".join(t.text for t in words) or None
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
        return " ".join(t.text for t in words) or None
    if titles:
        return " ".join(t.text for t in titles if t.lower_ not in ROLELESS_TITLES) or None
    return None


def _add_named(table: _Table, ent: Span, kind: str) -> _Draft | None:
    words = [t.text for t in ent if t.lower_ not in ("the", "’s", "'s") and not t.is_punct]
    if not words:
        return None
    name = " ".join(words)
    acronym = name.replace(".", "").upper() if ACRONYM.match(name) else None
    initials = _initials(name)
    entity = (
        table.by_name.get((kind, name.lower()))
        or (acronym and table.by_name.get((kind, "#" + acronym)))
        or (initials and table.by_name.get((kind, "#" + initials)))
    )
    if entity is None:
        entity = _Draft(key=_key(table, words), kind=kind, name=name)
        table.drafts.append(entity)
    elif acronym is None and ACRONYM.match(entity.name):
        entity.name = name  # "UN" first, "the United Nations" later: keep the full name
    table.by_name[(kind, name.lower())] = entity
    table.by_name[(kind, "#" + (acronym or initials or name.lower()))] = entity
    return entity


def _initials(name: str) -> str | None:
    """The initials of a name of two or more words: "United Nations" -> "UN"."""
    words = [w for w in name.split() if w.lower() not in NAME_LINK_WORDS]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).upper()


def _key(table: _Table, words: list[str]) -> str:
    """A readable identifier, unique in the document: "xi-jinping", "wang-yi-2"."""
    base = slug(" ".join(words))
    key, n = base, 2
    while key in table.keys:
        key, n = f"{base}-{n}", n + 1
    table.keys.add(key)
    return key


def slug(name: str) -> str:
    """Lower-case words joined by hyphens: "Xi Jinping" -> "xi-jinping".

    Examples:
        >>> slug("Mr. O'Brien's aides")
        'mr-obriens-aides'
    """
    words = [_NON_WORD.sub("", word) for word in name.lower().split()]
    return "-".join(word for word in words if word) or "speaker"

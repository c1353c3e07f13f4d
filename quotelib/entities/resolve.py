"""Speaker mentions resolved to the entities they name.

"He" becomes "Vladimir Putin", "Wang" becomes "Wang Yi", "the spokesman"
becomes the person introduced as "Kremlin spokesman Dmitry Peskov", and
"officials" stays an anonymous source. Each resolution says how it was made,
one of :data:`quotelib.records.RESOLUTIONS`.

Pronouns take the most salient compatible antecedent: the subject of the
same or the previous sentence of the paragraph before its objects, then the
recent speakers; "he" and "she" need a person of a compatible gender (known
from what the text says, :attr:`Entity.gender`, and from earlier resolutions,
the resolver's own :meth:`SpeakerResolver.gender`), "they" and "it" a group or
an organisation. A pronoun opening a paragraph resolves only on evidence: the
previous paragraph's speaker, or its only compatible person.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence

import attrs
from spacy.tokens import Span, Token

from quotelib.document.attribution import Attribution, SpeakerName
from quotelib.document.syntax import NOMINAL_SUBJECTS, mention_span
from quotelib.document.view import DocView
from quotelib.entities.characters import Cast
from quotelib.entities.mentions import Entities, Entity, slug
from quotelib.lexicon import (
    ANONYMOUS_NOUNS,
    FIRST_PERSON,
    HE,
    IT,
    RELATIVE_PRONOUNS,
    SHE,
    THEY,
    TITLES,
)

_PRONOUNS = HE | SHE | THEY | IT


@attrs.frozen
class Resolution:
    """How one speaker mention was resolved (internal)."""

    name: str
    how: str
    entity: Entity | None = None
    group: tuple[Entity, ...] = ()

    @property
    def key(self) -> str | None:
        """The identifier of the entity, or of the group of entities, resolved to."""
        if self.group:
            return "+".join(e.key for e in self.group)
        return None if self.entity is None else self.entity.key


@attrs.frozen(kw_only=True)
class ResolvedSpeakers:
    """The speakers of a document resolved (:func:`resolve_speakers`), and what resolving
    them taught.

    Attributes:
        names: the resolved speaker of each attribution (``None`` without one), in their order.
        genders: ``(key, gender)`` of each person whose gender the text left unknown and a
            "he" or "she" resolved to them told, in the order learned; a later resolution
            of the same document starts from it (:func:`resolve_speakers`).
    """

    names: tuple[SpeakerName | None, ...]
    genders: tuple[tuple[str, str], ...] = ()


def resolve_speakers(
    view: DocView,
    attributions: Sequence[Attribution],
    entities: Entities,
    genders: Sequence[tuple[str, str]] = (),
) -> ResolvedSpeakers:
    """The resolved speaker of each attribution, and the genders resolving them taught.

    Mentions are resolved in text order, so that a pronoun finds the speakers
    before it; unresolved mentions are numbered in that order
    ("unresolved-1", ...). ``genders`` are what an earlier resolution of the
    document learned (:attr:`ResolvedSpeakers.genders`), none by default.
    """
    resolver = SpeakerResolver(view, entities, genders)
    found: list[SpeakerName | None] = [None] * len(attributions)
    unresolved = 0
    with_speaker = [n for n, a in enumerate(attributions) if a.speaker is not None]
    for number in sorted(with_speaker, key=lambda n: view.doc[attributions[n].speaker].idx):
        token = view.doc[attributions[number].speaker]
        mention, resolution = resolver.resolve(token)
        if resolution.key is not None:
            key = resolution.key
        elif resolution.how == "unresolved":
            unresolved += 1
            key = f"unresolved-{unresolved}"
        else:
            key = slug(resolution.name)
        found[number] = SpeakerName(
            mention=(mention.start_char, mention.end_char),
            name=resolution.name,
            key=key,
            how=resolution.how,
        )
    return ResolvedSpeakers(names=tuple(found), genders=resolver.genders)


class SpeakerResolver:
    """Resolves the speaker mentions of one document, in text order.

    Examples:
        >>> import quotelib
        >>> from quotelib.entities.mentions import find_entities
        >>> view = DocView.build(quotelib.load_pipeline()(
        ...     "Russian leader Vladimir Putin met Xi. He said ties were strong."))
        >>> resolver = SpeakerResolver(view, find_entities(view))
        >>> mention, resolution = resolver.resolve(view.doc[7])
        >>> mention.text, resolution.name, resolution.how
        ('He', 'Vladimir Putin', 'pronoun')

        What "He" taught is the resolver's; the entity is left as the text made it:

        >>> resolver.gender(resolution.entity), resolution.entity.gender, resolver.genders
        ('male', None, (('vladimir-putin', 'male'),))
    """

    def __init__(
        self, view: DocView, entities: Entities, genders: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.doc = view.doc
        self.entities = entities
        self.layout = view.layout
        self.sentences = view.sentences
        self.view = view
        self.speakers: list[tuple[int, Entity]] = []
        # What the resolver learns of people the text gave no gender: key -> gender.
        self._genders: dict[str, str] = dict(genders)
        self.cast = Cast(view, _person_mentions(view, entities), self.gender, entities.narrator)

    def gender(self, entity: Entity) -> str | None:
        """The person's gender as far as this resolver knows: what the text says
        (:attr:`Entity.gender`), else what a "he" or "she" resolved to them said."""
        return entity.gender or self._genders.get(entity.key)

    @property
    def genders(self) -> tuple[tuple[str, str], ...]:
        """``(key, gender)`` of each person whose gender the resolver learned (or was
        given), in the order learned."""
        return tuple(self._genders.items())

    def resolve(self, token: Token) -> tuple[Span, Resolution]:
        """The mention headed by ``token``, and what it resolves to."""
        mention = mention_span(token)
        found = self._resolve(token, mention)
        if found.entity is not None:
            self.speakers.append((token.idx, found.entity))
            self.cast.said(token.idx, found.entity)
        return mention, found

    def _resolve(self, token: Token, mention: Span) -> Resolution:
        narrator = self.entities.narrator
        # "I" of the narrative, not of a quotation, is the narrator of a first-person story.
        if narrator is not None and token.lower_ in FIRST_PERSON and not self._quoted(token):
            return Resolution(name=narrator.name, how="pronoun", entity=narrator)
        if (
            token.lower_ in RELATIVE_PRONOUNS
            and token.dep_ in NOMINAL_SUBJECTS
            and token.head.dep_ == "relcl"
        ):
            antecedent = token.head.head
            found = self._resolve(antecedent, mention_span(antecedent))
            return attrs.evolve(found, how="pronoun") if found.entity is not None else found
        named = self._named(token, mention)
        if named is not None:
            return named
        lower = token.lower_
        if lower in _PRONOUNS:
            return self._pronoun(token)
        if token.pos_ == "PROPN":
            return self._unlisted_name(token, mention)
        if token.pos_ == "NOUN":
            return self._common_noun(token, mention)
        return Resolution(name=mention.text, how="unresolved")

    def _third(self, entity: Entity) -> bool:
        """A person "he" or "she" may stand for: not the narrator, who is "I"."""
        return entity.kind == "person" and entity is not self.entities.narrator

    def _quoted(self, token: Token) -> bool:
        return self.view.marks.contains(token.idx)

    def _unlisted_name(self, token: Token, mention: Span) -> Resolution:
        """A proper name the entity recogniser missed: a known person's surname, or itself."""
        entity = self._people_by_name.get(token.text, _NO_MENTIONS).latest(token.idx)
        if entity is not None:
            return Resolution(name=entity.name, how="surname", entity=entity)
        words = [t for t in mention if t.lower_ not in TITLES and t.dep_ != "det"]
        name = mention.doc[words[0].i : words[-1].i + 1].text if words else mention.text
        return Resolution(name=name, how="name")

    def _named(self, token: Token, mention: Span) -> Resolution | None:
        """The entity named by the mention's head ("Western" does not name "Western nations")."""
        entity = self.entities.at(token)
        if entity is None:
            return None
        partners = [
            self.entities.at(c)
            for c in token.children
            if c.dep_ == "conj" and self.entities.at(c) not in (None, entity)
        ]
        if partners:
            # "Xi Jinping and Vladimir Putin have described ...": a joint source.
            group = [entity, *partners]
            return Resolution(
                name=" and ".join(e.name for e in group), how="name", group=tuple(group)
            )
        words = set(mention.text.split())
        how = "name" if set(entity.name.split()) <= words or entity.kind != "person" else "surname"
        return Resolution(name=entity.name, how=how, entity=entity)

    def _pronoun(self, token: Token) -> Resolution:
        lower = token.lower_
        gender = "male" if lower in HE else "female" if lower in SHE else None
        person = lower in HE | SHE
        entity = self._antecedent(token, person=person, gender=gender)
        if entity is None:
            return Resolution(name=token.text, how="unresolved")
        if person and self.gender(entity) is None:
            self._genders[entity.key] = gender
        return Resolution(name=entity.name, how="pronoun", entity=entity)

    def _antecedent(self, token: Token, *, person: bool, gender: str | None) -> Entity | None:
        """The pronoun's antecedent: in its paragraph (a person of the pronoun's gender
        before one of no known gender), then on the evidence of the previous paragraph,
        then, for "he" and "she", in the conversation (:meth:`Cast.nearest`)."""
        paragraph = self.layout.paragraph(token.idx)
        if not person:
            found = self._in_paragraph(token, lambda e: e.kind != "person")
            return found or self._across_paragraph(paragraph, lambda e: e.kind != "person")
        known = self._in_paragraph(token, lambda e: self._third(e) and self.gender(e) == gender)
        if known is not None:
            return known
        found = self._in_paragraph(
            token, lambda e: self._third(e) and self.gender(e) is None
        ) or self._across_paragraph(
            paragraph, lambda e: self._third(e) and self.gender(e) in (None, gender)
        )
        if found is not None:
            return found
        return self.cast.nearest(token.idx, gender)

    def _in_paragraph(self, token: Token, fits: Callable[[Entity], bool]) -> Entity | None:
        """The salient fitting entity of the pronoun's sentence (before it) or of the
        sentences before it in its paragraph, nearest sentence first."""
        paragraph = self.layout.paragraph(token.idx)
        sentence = self.sentences.of(token.i)
        for sent in self._sentences_back(token):
            if self.layout.paragraph(sent.start_char) != paragraph:
                break
            limit = token.i if sent.start == sentence.start else sent.end
            found = self._salient(sent, limit, fits)
            if found is not None:
                return found
        return None

    def _sentences_back(self, token: Token) -> list[Span]:
        """The sentence of ``token`` and up to four before it, nearest first."""
        current = self.sentences.index(token.i)
        return self.sentences.spans[max(0, current - 4) : current + 1][::-1]

    def _salient(self, sent: Span, limit: int, fits) -> Entity | None:  # noqa: ANN001
        """The subject of ``sent`` if it fits, else its other fitting mentions in order."""
        by_token = self.entities.by_token
        mentions = [
            (i, by_token[i])
            for i in range(sent.start, limit)
            if i in by_token and fits(by_token[i]) and not self.view.marks.contains(self.doc[i].idx)
        ]
        if not mentions:
            return None
        subjects = [e for i, e in mentions if _is_subject(self.doc[i])]
        return subjects[0] if subjects else mentions[0][1]

    def _across_paragraph(self, paragraph: int, fits) -> Entity | None:  # noqa: ANN001
        """Only on evidence: the previous paragraph's last fitting speaker, or its only fitting person."""
        if paragraph == 0:
            return None
        start, end = self.layout.start(paragraph - 1), self.layout.end(paragraph - 1)
        speakers = [e for offset, e in self.speakers if start <= offset < end and fits(e)]
        if speakers:
            return speakers[-1]
        named = {
            e.key: e
            for e in self.entities.entities
            for s, _ in e.mentions
            if start <= s < end and fits(e)
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def _common_noun(self, token: Token, mention: Span) -> Resolution:
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an"
            for c in token.children
        )
        if definite:
            entity = self._by_role(token)
            if entity is not None:
                return Resolution(name=entity.name, how="role", entity=entity)
        if token.lower_ in ANONYMOUS_NOUNS:
            return Resolution(name=_without_determiner(mention), how="anonymous")
        if token.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in token.children):
            # "Western nations believe ...": a group speaking as one.
            return Resolution(name=mention.text, how="name")
        return Resolution(name=mention.text, how="unresolved")

    def _by_role(self, token: Token) -> Entity | None:
        """The latest person introduced with a role whose head noun is this one."""
        head = _lemma(token.lower_)
        modifiers = sorted(t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound"))
        key = (head, modifiers[0]) if modifiers else (head, None)
        found = self._people_by_role.get(key, _NO_MENTIONS)
        return found.latest(token.idx, lambda words: set(modifiers) <= words)

    @functools.cached_property
    def _people_by_name(self) -> dict[str, _Mentions]:
        """Each person's mentions, by their first and by their last name."""
        found: dict[str, list[tuple[int, Entity, frozenset[str]]]] = {}
        for entity in self.entities.entities:
            if entity.kind == "person":
                for word in {entity.first, entity.last} - {None}:
                    found.setdefault(word, []).extend(
                        (start, entity, frozenset()) for start, _ in entity.mentions
                    )
        return {word: _Mentions(mentions) for word, mentions in found.items()}

    @functools.cached_property
    def _people_by_role(self) -> dict[tuple[str, str | None], _Mentions]:
        """Each person's mentions, by the head noun of each role they were introduced with,
        alone and with each other word of the role ("spokesman", "Kremlin")."""
        found: dict[tuple[str, str | None], list[tuple[int, Entity, frozenset[str]]]] = {}
        for entity in self.entities.entities:
            for role in entity.roles if entity.kind == "person" else ():
                words = role.lower().split()
                if not words:
                    continue
                head = _lemma(words[-1])
                for key in {(head, None), *((head, word) for word in words)}:
                    found.setdefault(key, []).extend(
                        (start, entity, frozenset(words)) for start, _ in entity.mentions
                    )
        return {key: _Mentions(mentions) for key, mentions in found.items()}


class _Mentions:
    """Mentions of people, ``(start, entity, words)``, sorted, found latest first before an offset."""

    def __init__(self, mentions: Sequence[tuple[int, Entity, frozenset[str]]]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention[0])
        self._starts = [mention[0] for mention in self._mentions]

    def latest(
        self, offset: int, fits: Callable[[frozenset[str]], bool] | None = None
    ) -> Entity | None:
        """The entity of the latest mention before ``offset`` whose words fit, if any."""
        for at in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
            _, entity, words = self._mentions[at]
            if fits is None or fits(words):
                return entity
        return None


_NO_MENTIONS = _Mentions([])


def _person_mentions(view: DocView, entities: Entities) -> list[tuple[int, Entity, bool]]:
    """``(offset, person, is_subject)`` of each name mention of a person, at its last word."""
    found = []
    for i, entity in entities.by_token.items():
        if entity.kind == "person" and entities.by_token.get(i + 1) is not entity:
            token = view.doc[i]
            found.append((token.idx, entity, _is_subject(token)))
    return found


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ in NOMINAL_SUBJECTS


def _lemma(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _without_determiner(mention: Span) -> str:
    words = [t for t in mention if not (t.dep_ == "det" and t.i == mention.start)]
    return mention.doc[words[0].i : words[-1].i + 1].text if words else mention.text

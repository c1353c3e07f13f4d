"""Speaker mentions resolved to the entities they name.

"He" becomes "Vladimir Putin", "Wang" becomes "Wang Yi", "the spokesman"
becomes the person introduced as "Kremlin spokesman Dmitry Peskov", and
"officials" stays an anonymous source. Each resolution says how it was made,
one of :data:`quotelib.records.RESOLUTIONS`.

Pronouns take the most salient compatible antecedent: the subject of the
same or the previous sentence of the paragraph before its objects, then the
recent speakers; "he" and "she" need a person of a compatible gender (known
from Mr./Ms. titles and from earlier resolutions), "they" and "it" a group or
an organisation. A pronoun opening a paragraph resolves only on evidence: the
previous paragraph's speaker, or its only compatible person.
"""

from __future__ import annotations

import bisect

import attrs
import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotelib.mentions import TITLES, Entities, Entity, find_entities
from quotelib.ranges import line_breaks
from quotelib.syntax import Sentences, mention_span

_HE = frozenset({"he", "him"})
_SHE = frozenset({"she", "her"})
_THEY = frozenset({"they", "them"})
_IT = frozenset({"it"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: Head nouns of sources that are deliberately left unnamed.
ANONYMOUS_NOUNS = frozenset(
    """
    official officials source sources aide aides diplomat diplomats person people
    insider insiders analyst analysts expert experts observer observers adviser
    advisers advisor advisors staffer staffers employee employees member members
    resident residents voter voters witness witnesses critic critics supporter
    supporters opponent opponents lawmaker lawmakers legislator legislators
    strategist strategists operative operatives donor donors activist activists
    economist economists observer someone somebody one others many some several
    participant participants attendee attendees executive executives officer
    officers investigator investigators prosecutor prosecutors leader leaders
    """.split()
)


@attrs.define
class Resolution:
    """How one speaker mention was resolved (internal)."""

    name: str
    how: str
    entity: Entity | None = None
    mention: Span | None = None
    group: tuple[Entity, ...] = ()

    @property
    def key(self) -> str | None:
        """The identifier of the entity, or of the group of entities, resolved to."""
        if self.group:
            return "+".join(e.key for e in self.group)
        return None if self.entity is None else self.entity.key


class SpeakerResolver:
    """Resolves the speaker mentions of one document, in text order.

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()(
        ...     "Russian leader Vladimir Putin met Xi. He said ties were strong.")
        >>> resolver = SpeakerResolver(doc)
        >>> he = doc[7]
        >>> resolution = resolver.resolve(he)
        >>> resolution.name, resolution.how
        ('Vladimir Putin', 'pronoun')
    """

    def __init__(
        self, doc: Doc, *, text: str | None = None, sentences: Sentences | None = None
    ) -> None:
        self.doc = doc
        self.entities = find_entities(doc)
        text = doc.text if text is None else text
        self.breaks = line_breaks(text)
        self.speakers: list[tuple[int, Entity]] = []
        self.sentences = Sentences(doc) if sentences is None else sentences
        _learn_genders(doc, self.entities, self.sentences)

    def resolve(self, token: Token) -> Resolution:
        """Resolve the speaker mention headed by ``token``."""
        mention = mention_span(token)
        found = self._resolve(token, mention)
        found.mention = mention
        if found.entity is not None:
            self.speakers.append((token.idx, found.entity))
        return found

    def _resolve(self, token: Token, mention: Span) -> Resolution:
        if token.lower_ in _RELATIVE and token.dep_ in _SUBJECT_DEPS and token.head.dep_ == "relcl":
            antecedent = token.head.head
            found = self._resolve(antecedent, mention_span(antecedent))
            if found.entity is not None:
                found.how = "pronoun"
            return found
        named = self._named(token, mention)
        if named is not None:
            return named
        lower = token.lower_
        if lower in _HE | _SHE | _THEY | _IT:
            return self._pronoun(token)
        if token.pos_ == "PROPN":
            return self._unlisted_name(token, mention)
        if token.pos_ == "NOUN":
            return self._common_noun(token, mention)
        return Resolution(name=mention.text, how="unresolved")

    def _unlisted_name(self, token: Token, mention: Span) -> Resolution:
        """A proper name the entity recogniser missed: a known person's surname, or itself."""
        for _, entity in self.entities.before(token.idx):
            if entity.kind == "person" and token.text in (entity.last, entity.first):
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
        gender = "male" if lower in _HE else "female" if lower in _SHE else None
        person = lower in _HE | _SHE
        entity = self._antecedent(token, person=person, gender=gender)
        if entity is None:
            return Resolution(name=token.text, how="unresolved")
        if person and entity.gender is None:
            entity.gender = gender
        return Resolution(name=entity.name, how="pronoun", entity=entity)

    def _antecedent(self, token: Token, *, person: bool, gender: str | None) -> Entity | None:
        def fits(entity: Entity) -> bool:
            if person:
                return entity.kind == "person" and entity.gender in (None, gender)
            return entity.kind != "person"

        paragraph = self._paragraph(token.idx)
        sentence = self.sentences.of(token.i)
        in_paragraph = [
            sent
            for sent in self._sentences_back(token)
            if self._paragraph(sent.start_char) == paragraph
        ]
        for sent in in_paragraph:
            limit = token.i if sent.start == sentence.start else sent.end
            found = self._salient(sent, limit, fits)
            if found is not None:
                return found
        return self._across_paragraph(paragraph, fits)

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
            if i in by_token and fits(by_token[i])
        ]
        if not mentions:
            return None
        subjects = [e for i, e in mentions if _is_subject(self.doc[i])]
        return subjects[0] if subjects else mentions[0][1]

    def _across_paragraph(self, paragraph: int, fits) -> Entity | None:  # noqa: ANN001
        """Only on evidence: the previous paragraph's last fitting speaker, or its only fitting person."""
        if paragraph == 0:
            return None
        start = self.breaks[paragraph - 2] if paragraph >= 2 else 0
        end = self.breaks[paragraph - 1]
        speakers = [e for offset, e in self.speakers if start <= offset < end and fits(e)]
        if speakers:
            return speakers[-1]
        named = {
            id(e): e
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
        modifiers = {t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound")}
        for _, entity in self.entities.before(token.idx):
            if entity.kind != "person":
                continue
            for role in entity.roles:
                words = role.lower().split()
                if words and _lemma(words[-1]) == head and modifiers <= set(words):
                    return entity
        return None

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.breaks, offset)


_MALE_WORDS = frozenset({"he", "him", "his", "himself"})
_FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
# Their string ids, unsigned 64-bit like the columns of Doc.to_array (as a
# plain list they became float64, whose comparisons round the ids).
_GENDERED_IDS = numpy.array(
    [get_string_id(word) for word in sorted(_MALE_WORDS | _FEMALE_WORDS)], dtype=numpy.uint64
)


def _learn_genders(doc: Doc, entities: Entities, sentences: Sentences) -> None:
    """Give people the gender of the pronouns that follow them alone in a sentence.

    A "he" or "his" after exactly one person of its sentence votes for that
    person; a clear majority of votes sets the gender of people whose titles
    did not already.
    """
    people = sorted(i for i, e in entities.by_token.items() if e.kind == "person")
    if not people:
        return
    votes: dict[int, list[int]] = {}
    pronouns = numpy.isin(doc.to_array(LOWER), _GENDERED_IDS)
    for index in numpy.nonzero(pronouns)[0].tolist():
        lower = doc[index].lower_
        start = sentences.of(index).start
        before = people[bisect.bisect_left(people, start) : bisect.bisect_left(people, index)]
        seen = {id(entities.by_token[i]): entities.by_token[i] for i in before}
        if len(seen) == 1:
            [entity] = seen.values()
            tally = votes.setdefault(id(entity), [0, 0, entity])
            tally[lower in _FEMALE_WORDS] += 1
    for male, female, entity in votes.values():
        if entity.gender is None and max(male, female) >= 2 * min(male, female) + 1:
            entity.gender = "male" if male > female else "female"


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _lemma(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _without_determiner(mention: Span) -> str:
    words = [t for t in mention if not (t.dep_ == "det" and t.i == mention.start)]
    return mention.doc[words[0].i : words[-1].i + 1].text if words else mention.text

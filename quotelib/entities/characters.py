"""Characters: the people of a document, what the text says of their gender, and who is
present in a conversation.

A novel names its people many ways ("Edward Harlow", "Mr. Harlow",
"Edward") and most often not at all ("he said"). This module gathers what
the text itself says, never a list of first names:

- :func:`gender_evidence`: the gender each name mention is given by its
  courtesy title ("Mrs Harlow", from :data:`quotelib.lexicon.FEMALE_TITLES`
  and :data:`quotelib.lexicon.MALE_TITLES`) and by the pronouns that follow
  it alone in its sentence, outside quotation marks ("Edward Harlow lived
  with his mother": "his" says Edward is a man). It is read before names
  are grouped (:func:`quotelib.entities.mentions.find_entities`), so that a
  "Mrs Harlow" never joins a man named "Edward Harlow".
- :class:`Cast`: the people a pronoun speaker can stand for, by recency:
  those named in the narrative of the last paragraphs (never a name inside
  a quotation, which is someone spoken to or of) and the recent speakers.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Span, Token

from quotelib.document.view import DocView
from quotelib.lexicon import FEMALE_TITLES, FEMALE_WORDS, MALE_TITLES, MALE_WORDS

__all__ = [
    "Cast",
    "TITLE_VOTES",
    "gender_evidence",
    "gender_of",
    "mention_genders",
    "new_turn",
    "title_gender",
    "votes_of",
]

#: How many votes a gendered title weighs against the pronouns (:func:`votes_of`).
TITLE_VOTES = 3
#: How many paragraphs back a pronoun speaker's antecedent is looked for.
SCENE_PARAGRAPHS = 40
# The pronouns that tell a person's gender: subjects, possessives and reflexives
# ("he", "his", "herself"); an object ("kissed her") is most often someone else.
_TELLING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_REFLEXIVES = frozenset({"himself", "herself"})


def gender_of(votes: Counter) -> str | None:
    """The gender a tally of votes shows: a clear majority, else ``None``.

    Examples:
        >>> gender_of(Counter(male=3, female=1)), gender_of(Counter(male=1, female=1))
        ('male', None)
    """
    male, female = votes["male"], votes["female"]
    if max(male, female) >= 2 * min(male, female) + 1:
        return "male" if male > female else "female"
    return None


def title_gender(words: Sequence[str]) -> str | None:
    """The gender courtesy or rank titles say (lower-cased words), if any."""
    if any(w in MALE_TITLES for w in words):
        return "male"
    if any(w in FEMALE_TITLES for w in words):
        return "female"
    return None


def votes_of(words: Counter) -> Counter:
    """The gender votes of evidence words: a title counts :data:`TITLE_VOTES` (so that one
    stray pronoun does not outvote it), a pronoun one.

    Examples:
        >>> dict(votes_of(Counter(mrs=1, his=1)))
        {'female': 3, 'male': 1}
    """
    votes: Counter = Counter()
    for word, count in words.items():
        if word in MALE_WORDS or word in FEMALE_WORDS:
            votes["male" if word in MALE_WORDS else "female"] += count
        elif (gender := title_gender([word, word + "."])) is not None:
            votes[gender] += TITLE_VOTES * count
    return votes


def gender_evidence(view: DocView, names: Sequence[Span]) -> list[Counter]:
    """The words that tell the gender of each name mention (``PERSON`` spans), in order.

    A gendered title before or opening the name counts once (lower-cased,
    without its period: "mrs"); so does each gendered subject, possessive
    or reflexive pronoun after the name, in its sentence, outside quotation
    marks, with no other person's name between. :func:`votes_of` weighs them.

    Examples:
        >>> import quotelib
        >>> view = DocView.build(quotelib.load_pipeline()(
        ...     "Edward Harlow lived with his mother. Mrs Harlow smiled."))
        >>> from quotelib.entities.names import find_names
        >>> names = find_names(view)
        >>> [(n.text, dict(v)) for n, v in zip(names, gender_evidence(view, names))]
        [('Edward Harlow', {'his': 1}), ('Mrs Harlow', {'mrs': 1})]
    """
    doc = view.doc
    evidence = [Counter() for _ in names]
    people = [n for n, span in enumerate(names) if span.label_ == "PERSON"]
    for n in people:
        span = names[n]
        before = (
            [doc[span.start - 1].lower_]
            if span.start and _stands_as_title(doc[span.start - 1])
            else []
        )
        title = next((w for w in before + [t.lower_ for t in span] if title_gender([w])), None)
        if title is not None:
            evidence[n][title.rstrip(".")] += 1
    ends = [names[n].end for n in people]
    for token in doc:
        lower = token.lower_
        if not (lower in MALE_WORDS or lower in FEMALE_WORDS) or view.marks.contains(token.idx):
            continue
        if token.dep_ not in _TELLING_DEPS and lower not in _REFLEXIVES:
            continue
        at = bisect.bisect_right(ends, token.i) - 1
        if at < 0:
            continue
        span = names[people[at]]
        start = view.sentences.of(token.i).start
        if span.start >= start and not view.marks.contains(span.start_char):
            earlier = at > 0 and names[people[at - 1]].start >= start
            if not earlier or names[people[at - 1]].text == span.text:
                evidence[people[at]][lower] += 1
    return evidence


def _stands_as_title(token: Token) -> bool:
    """A title before a name, not a verb spelled as one ("Miss Reisz"; not "I miss Robert")."""
    return token.pos_ != "VERB"


def mention_genders(names: Sequence[Span], evidence: Sequence[Counter]) -> list[str | None]:
    """The gender of each name mention: its title's ("Mr. Allen" is a man, whatever
    pronouns follow in his sentence), else what the text says of every mention written
    as it is (the pronouns of :func:`gender_evidence`, pooled over the document).

    Pooling by the written form lets "Archer ... his" tell that a bare
    "Archer" is a man even when a "Mrs. Archer" is named too; a form the
    text uses for both ("Harlow ... his", "Harlow ... her") shows no clear
    majority and stays of unknown gender.
    """
    votes = [votes_of(words) for words in evidence]
    pooled: dict[str, Counter] = {}
    for span, said in zip(names, votes):
        pooled.setdefault(span.text, Counter()).update(said)
    found = []
    for span, words in zip(names, evidence):
        titles = [w for w in words if w not in MALE_WORDS and w not in FEMALE_WORDS]
        found.append(title_gender(titles) if titles else gender_of(pooled[span.text]))
    return [gender if span.label_ == "PERSON" else None for span, gender in zip(names, found)]


class Cast:
    """The people named outside quotation marks, and the speakers, by where they appear.

    Args:
        view: the document.
        mentions: ``(offset, person, is_subject)`` of each name mention of a person.
        gender: the gender of a person as far as the caller knows (the speaker resolver's
            :meth:`~quotelib.entities.resolve.SpeakerResolver.gender`), ``None`` if unknown.
        narrator: the narrator of a first-person story, whom no "he" or "she" stands for.
    """

    def __init__(
        self,
        view: DocView,
        mentions: Sequence[tuple[int, object, bool]],
        gender: Callable[[object], str | None],
        narrator: object | None = None,
    ) -> None:
        self.view = view
        self.gender = gender
        self.narrator = narrator
        self._mentions = sorted(
            (m for m in mentions if not view.marks.contains(m[0])), key=lambda m: m[0]
        )
        self._starts = [m[0] for m in self._mentions]
        self._said: list[tuple[int, object]] = []  # (offset, person), in text order
        self._said_at: list[int] = []

    def said(self, offset: int, entity: object) -> None:
        """Note that ``entity`` spoke at ``offset`` (speakers come in text order)."""
        at = bisect.bisect_right(self._said_at, offset)
        self._said.insert(at, (offset, entity))
        self._said_at.insert(at, offset)

    def recent(self, offset: int, fits: Callable[[object], bool]) -> Iterator[object]:
        """The fitting people of the scene before ``offset`` (its last
        :data:`SCENE_PARAGRAPHS` paragraphs), each once: first those who spoke
        or were the subject of a narrative sentence, nearest first, then the
        others named."""
        paragraph = self.view.layout.paragraph(offset)
        first = max(0, paragraph - SCENE_PARAGRAPHS)
        start = self.view.layout.start(first)
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, offset)
        said = self._said[
            bisect.bisect_left(self._said_at, start) : bisect.bisect_left(self._said_at, offset)
        ]
        acting = [(at, e) for at, e, subject in self._mentions[low:high] if subject] + said
        named = [(at, e) for at, e, subject in self._mentions[low:high] if not subject]
        seen: list = []
        for events in (acting, named):
            for _, entity in sorted(events, key=lambda event: -event[0]):
                if entity is self.narrator:
                    continue
                if fits(entity) and all(entity is not other for other in seen):
                    seen.append(entity)
                    yield entity

    def nearest(self, offset: int, gender: str | None) -> object | None:
        """The person a "he" or "she" (``gender``) said at ``offset`` stands for: the nearest
        of the scene of that gender (:meth:`recent`), in a new turn of a dialogue not the
        previous turn's speaker; else the only one of no known gender, if there is one."""
        fitting = self.recent(
            offset, lambda e: e.kind == "person" and self.gender(e) in (None, gender)
        )
        known: list = []
        unknown: list = []
        for entity in fitting:
            (known if self.gender(entity) == gender else unknown).append(entity)
            if len(known) == 2:
                break
        if not known:
            return unknown[0] if len(unknown) == 1 else None  # else a guess
        paragraph = self.view.layout.paragraph(offset)
        turn = len(known) > 1 and new_turn(self.view, paragraph)
        return known[1] if turn and self.last_speaker(paragraph - 1) is known[0] else known[0]

    def last_speaker(self, paragraph: int) -> object | None:
        """The last speaker resolved in ``paragraph``, if any."""
        end = self.view.layout.end(paragraph)
        at = bisect.bisect_left(self._said_at, end) - 1
        if at >= 0 and self.view.layout.paragraph(self._said_at[at]) == paragraph:
            return self._said[at][1]
        return None


def opens_with_quotation(view: DocView, paragraph: int) -> bool:
    """Whether ``paragraph`` (by number) begins with a quotation."""
    start, end = view.layout.start(paragraph), view.layout.end(paragraph)
    text = view.text[start:end]
    offset = start + len(text) - len(text.lstrip())
    return offset < end and view.marks.contains(offset)


def new_turn(view: DocView, paragraph: int) -> bool:
    """Whether ``paragraph`` takes a turn in a dialogue: it and the one before open with a
    quotation."""
    return (
        paragraph > 0
        and opens_with_quotation(view, paragraph)
        and opens_with_quotation(view, paragraph - 1)
    )

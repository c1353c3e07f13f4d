"""The scene of a quotation: the people its speaker is chosen among, and what the text says of each.

A novel's quotations are mostly cue-less turns and pronoun cues ("she said"),
whose speaker is one of the people of the scene. :class:`Scene` reads a
document once (the people named in its narrative, in text order; the person
the rules resolved each speaker to) and gives, for each quotation
(:class:`Turn`), its candidates (:meth:`Scene.candidates`): the people named
in the narrative of the :data:`BEFORE` paragraphs before it and the
:data:`AFTER` after it (never a name inside a quotation, which is someone
spoken to or of), the person the rules chose, and the recent speakers. The
people are the entities of kind person and those the rules made speak. Each
candidate carries named features, the evidence :mod:`quotelib.core.ranker`
weighs: the rules' choice and how it was made, the distance to the
candidate's nearest mention, a mention right before or after the quotation,
the subject of the narrative sentence that introduces it, being named inside
this quotation (someone spoken to) or inside the previous one (who answers),
the turns before, and a pronoun cue's gender against the candidate's.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView
from quotelib.entities import Entities, Entity, ResolvedSpeakers
from quotelib.lexicon import HE, SHE, is_lexicon_verb

__all__ = ["AFTER", "BEFORE", "Candidate", "Scene", "Turn"]

#: How many paragraphs before a quotation its scene reaches back.
BEFORE = 12
#: How many paragraphs after a quotation its scene reaches.
AFTER = 2
#: How many turns back a candidate counts as a recent speaker.
RECENT_TURNS = 6
# Paragraph distances, bucketed: the same paragraph, the one before, two, up to four, eight.
_DISTANCES = (0, 1, 2, 4, 8)
# The rules that give a speaker with no cue of its own, by the name of the rule.
_TURN_RULES = frozenset({"alternation", "vocative", "carried", "narrative", "utterance"})
# Characters close enough to a quotation for a mention to be "right" before or after it.
_RIGHT_BEFORE, _RIGHT_AFTER = 80, 40
# How many quotations the rules give to an entity of another kind before it counts as a person.
_SPEAKS = 2
# What the narrative before a turn ends with when it introduces the turn.
_INTRODUCING = (",", ":", "--", "—")

#: A speaker's history: the turns before, each with the key of its speaker (or None).
History = Sequence[tuple["Turn", str | None]]


@attrs.frozen(kw_only=True)
class Candidate:
    """One person a quotation may be said by, with the evidence for it (feature: value)."""

    key: str
    features: Mapping[str, float]


@attrs.frozen(kw_only=True)
class Turn:
    """A quotation of the document as the scene reads it.

    Attributes:
        index: the attribution's index in the stage's list.
        start, end: the content's character range.
        paragraph: the paragraph holding its start.
        opens: whether it opens its paragraph (only marks and spaces before it).
        how: how the rules found its speaker: ``"name"``, ``"pronoun"``, ``"noun"``
            (the cue's subject), ``"turn-<rule>"`` (a conversation rule), ``"none"``.
        chosen: the key of the person the rules resolved its speaker to, if any.
        pronoun: ``"male"`` or ``"female"`` for a he/she cue, else ``None``.
        inside: the keys of the people named inside it.
        introduced_by: the keys of the subjects of a narrative paragraph right before it
            that ends as an introduction does (``Charlotte said,``).
        named_ahead: the keys of the speakers that the cues of the next turns resolve to
            (by a name, a pronoun or a noun), one paragraph after another (``None`` for a
            turn without one): a two-person exchange read backwards.
    """

    index: int
    start: int
    end: int
    paragraph: int
    opens: bool
    how: str
    chosen: str | None
    pronoun: str | None
    inside: frozenset[str]
    introduced_by: frozenset[str]
    named_ahead: tuple[str | None, ...] = ()


class Scene:
    """A document's people and quotations, read once, for choosing each quotation's speaker."""

    def __init__(
        self,
        view: DocView,
        attributions: Sequence[Attribution],
        entities: Entities,
        resolved: ResolvedSpeakers,
    ) -> None:
        self.view = view
        self.attributions = attributions
        self.people = _people(entities, resolved)
        self._mentions = _mentions_of(self.people.values())
        self._starts = [offset for offset, _, _ in self._mentions]
        self._count = Counter(key for _, key, _ in self._mentions)
        self._heads: dict[int, int] = {}
        self._chosen = [None if n is None else n.key for n in resolved.names]

    def turns(self) -> list[Turn]:
        """The quotations (attributions whose content lies in quotation marks), in text order."""
        quoted = self.view.quoted
        found = [
            self._turn(n, a)
            for n, a in enumerate(self.attributions)
            if any(quoted.overlapping(s, e) for s, e in a.parts)
        ]
        found.sort(key=lambda turn: (turn.start, turn.index))
        return [
            attrs.evolve(turn, named_ahead=self._named_ahead(turn, found[n + 1 : n + 3]))
            for n, turn in enumerate(found)
        ]

    def _named_ahead(self, turn: Turn, after: Sequence[Turn]) -> tuple[str | None, ...]:
        found: list[str | None] = []
        paragraph = turn.paragraph
        for later in after:
            if later.paragraph != paragraph + 1 or not later.opens:
                break
            paragraph = later.paragraph
            cued = later.how in ("name", "pronoun", "noun") and later.chosen in self.people
            found.append(later.chosen if cued else None)
        return tuple(found)

    def candidates(self, turn: Turn, history: History) -> list[Candidate]:
        """The people ``turn`` may be said by, each with its features; ``history`` holds the
        turns before it with their speakers."""
        near = self._near(turn)
        keys = dict.fromkeys(near)
        if turn.chosen in self.people:
            keys[turn.chosen] = None
        recent = [key for t, key in history[-RECENT_TURNS:] if turn.paragraph - t.paragraph <= 8]
        keys.update(dict.fromkeys(key for key in recent if key in self.people))
        context = _Context.of(turn, history)
        return [
            Candidate(key=key, features=self._features(turn, key, near.get(key, ()), context))
            for key in keys
        ]

    def entity(self, key: str) -> Entity:
        """The person of ``key``."""
        return self.people[key]

    def mention_near(self, key: str, turn: Turn) -> tuple[int, int] | None:
        """The character range of the person's narrative mention nearest before ``turn``,
        else the nearest after it, within its scene."""
        near = self._near(turn).get(key, ())
        before = [m for m in near if m[0] < turn.start]
        if before or near:
            return before[-1] if before else near[0]
        mentions = self.people[key].mentions  # named farther away, or only in quotations
        at = bisect.bisect_left(mentions, (turn.start, turn.start))
        return mentions[at - 1] if at else (mentions[0] if mentions else None)

    def head(self, mention: tuple[int, int]) -> int:
        """The index of the last token of a mention: the head of a name."""
        start, end = mention
        if start not in self._heads:
            span = self.view.doc.char_span(start, end, alignment_mode="expand")
            self._heads[start] = span[-1].i if span is not None and len(span) else 0
        return self._heads[start]

    def _turn(self, index: int, attribution: Attribution) -> Turn:
        view, text = self.view, self.view.text
        paragraph = view.layout.paragraph(attribution.start)
        start_of = view.layout.start(paragraph)
        opens = not any(c.isalnum() for c in text[start_of : attribution.start])
        inside = {key for s, e in attribution.parts for _, key, _ in self._between(s, e)}
        return Turn(
            index=index,
            start=attribution.start,
            end=attribution.end,
            paragraph=paragraph,
            opens=opens,
            how=_how(view, attribution),
            chosen=self._chosen[index],
            pronoun=_pronoun_gender(view, attribution),
            inside=frozenset(inside),
            introduced_by=frozenset(self._introduction(paragraph) if opens else ()),
        )

    def _between(self, start: int, end: int) -> list[tuple[int, str, int]]:
        """The person mentions starting in ``[start, end)``: (start, key, end)."""
        low = bisect.bisect_left(self._starts, start)
        return self._mentions[low : bisect.bisect_left(self._starts, end)]

    def _narrative(self, start: int, end: int) -> list[tuple[int, str, int]]:
        marks = self.view.marks
        return [m for m in self._between(start, end) if not marks.contains(m[0])]

    def _near(self, turn: Turn) -> dict[str, list[tuple[int, int]]]:
        """Each person named in the narrative of the scene, with the character range of each
        mention, in text order."""
        layout = self.view.layout
        low = layout.start(max(0, turn.paragraph - BEFORE))
        high = layout.end(min(len(layout.breaks), turn.paragraph + AFTER))
        found: dict[str, list[tuple[int, int]]] = {}
        for start, key, end in self._narrative(low, high):
            found.setdefault(key, []).append((start, end))
        return found

    def _introduction(self, paragraph: int) -> list[str]:
        """The subjects of the paragraph before, when it ends as an introduction
        (``..., Charlotte said,``), else its last person named; none otherwise."""
        if paragraph == 0:
            return []
        layout, doc = self.view.layout, self.view.doc
        low, high = layout.start(paragraph - 1), layout.end(paragraph - 1)
        if not self.view.text[low:high].rstrip().endswith(_INTRODUCING):
            return []
        named = self._narrative(low, high)
        subjects = [
            key for s, key, e in named if doc[self.head((s, e))].dep_ in ("nsubj", "nsubjpass")
        ]
        return subjects or [named[-1][1]] if named else []

    def _features(
        self, turn: Turn, key: str, near: Sequence[tuple[int, int]], context: _Context
    ) -> dict[str, float]:
        features = _rule_features(turn, key)
        features.update(self._distance_features(turn, near))
        features["book_count"] = math.log1p(self._count[key]) / 5
        features.update(self._paragraph_features(turn, near))
        features.update(context.features(key))
        if key in turn.introduced_by:
            features["introduced"] = 1.0
        if key in turn.inside:
            features["named_inside"] = 1.0
        for ahead, named in enumerate(turn.named_ahead, 1):
            if named == key:
                features[f"named_ahead_{ahead}"] = 1.0
        if turn.pronoun is not None:
            gender = self.people[key].gender
            agree = "agree" if gender == turn.pronoun else "conflict" if gender else "unknown"
            features[f"gender_{agree}"] = 1.0
        return features

    def _distance_features(self, turn: Turn, near: Sequence[tuple[int, int]]) -> dict[str, float]:
        layout = self.view.layout
        before = [start for start, _ in near if start < turn.start]
        after = [start for start, _ in near if start >= turn.end]
        features = {"window_count": math.log1p(len(near))}
        if not before:
            features["before:none"] = 1.0
        else:
            distance = turn.paragraph - layout.paragraph(before[-1])
            features[f"before:{_bucket(distance)}"] = 1.0
            features["before_chars"] = -math.log1p(turn.start - before[-1]) / 10
            if distance == 0 and turn.start - before[-1] < _RIGHT_BEFORE:
                features["right_before"] = 1.0
        if after:
            distance = layout.paragraph(after[0]) - turn.paragraph
            features[f"after:{_bucket(distance)}"] = 1.0
            if distance == 0 and after[0] - turn.end < _RIGHT_AFTER:
                features["right_after"] = 1.0
        return features

    def _paragraph_features(self, turn: Turn, near: Sequence[tuple[int, int]]) -> dict[str, float]:
        layout, doc = self.view.layout, self.view.doc
        low, high = layout.start(turn.paragraph), layout.end(turn.paragraph)
        features: dict[str, float] = {}
        for start, end in near:
            if not low <= start < high:
                continue
            features["named_here"] = 1.0
            mention = doc[self.head((start, end))]
            if mention.dep_ == "nsubj":
                features["subject_here"] = 1.0
            head = mention.head
            if mention.dep_ in ("nsubj", "nsubjpass") and is_lexicon_verb(
                head.lemma_.lower(), head.lower_
            ):
                features["speech_subject_here"] = 1.0
        return features


@attrs.frozen
class _Context:
    """What the turns before say of a candidate: who spoke, who was spoken to."""

    turn: Turn
    history: History

    @classmethod
    def of(cls, turn: Turn, history: History) -> _Context:
        return cls(turn, tuple(history[-4:]))

    def features(self, key: str) -> dict[str, float]:
        turn, history = self.turn, self.history
        features: dict[str, float] = {}
        previous = history[-1] if history else None
        near = previous is not None and turn.paragraph - previous[0].paragraph <= 1
        if near and key in previous[0].inside:
            features["addressed_before"] = 1.0
        if previous is not None and previous[0].paragraph == turn.paragraph and previous[1] == key:
            features["same_paragraph_before"] = 1.0
        if previous is not None and turn.opens and previous[0].paragraph == turn.paragraph - 1:
            if previous[1] == key:
                features["adjacent_back1"] = 1.0
            earlier = history[-2] if len(history) > 1 else None
            if (
                earlier is not None
                and earlier[1] == key
                and earlier[0].paragraph >= turn.paragraph - 2
            ):
                features["adjacent_back2"] = 1.0
        for back, (_, speaker) in enumerate(reversed(history), 1):
            if speaker == key:
                features[f"spoke_back_{back}"] = 1.0
                break
        return features


def _rule_features(turn: Turn, key: str) -> dict[str, float]:
    return {f"chosen:{turn.how}": 1.0} if turn.chosen == key else {}


def _people(entities: Entities, resolved: ResolvedSpeakers) -> dict[str, Entity]:
    """The people of the document, by key: the entities of kind person, and those the rules
    resolved two quotations' speakers to or more, whatever their kind (a first name the
    name finder took for a place, "Margaret", is someone when she speaks)."""
    speaks = Counter(name.key for name in resolved.names if name is not None)
    return {
        entity.key: entity
        for entity in entities.entities
        if entity.kind == "person" or speaks[entity.key] >= _SPEAKS
    }


def _mentions_of(people: Iterable[Entity]) -> list[tuple[int, str, int]]:
    """Each name mention of the people, as (start, key, end) character offsets, in order."""
    return sorted((start, e.key, end) for e in people for start, end in e.mentions)


def _how(view: DocView, attribution: Attribution) -> str:
    """How the rules found the speaker (see :attr:`Turn.how`)."""
    if attribution.speaker is None:
        return "none"
    if attribution.rule in _TURN_RULES:
        return "turn-" + attribution.rule
    pos = view.doc[attribution.speaker].pos_
    return "pronoun" if pos == "PRON" else "name" if pos == "PROPN" else "noun"


def _pronoun_gender(view: DocView, attribution: Attribution) -> str | None:
    if attribution.speaker is None:
        return None
    lower = view.doc[attribution.speaker].lower_
    return "male" if lower in HE else "female" if lower in SHE else None


def _bucket(distance: int) -> int:
    return next((n for n, edge in enumerate(_DISTANCES) if distance <= edge), len(_DISTANCES))

"""The speaker of each quotation of a conversation, ranked among the people of its scene.

Rules find a novel's speakers where a cue names them ("said Elizabeth") and
reach a ceiling where it does not: "she said", a cue-less turn, a scene of
three people. For each quotation, :class:`~quotelib.core.scene.Scene` gives
the candidates and their features; a learned model, linear with a small
hidden layer (:class:`SpeakerModel`, its weights in :mod:`quotelib.core.speaker_model`,
fitted by ``benchmarks/fit_speakers.py`` with the leave-one-novel-out score
in its docstring) scores them, and the best one speaks. The rules stay: their
choice is the strongest feature, and a speaker the cue names by a proper name
is kept as the rules resolved it. The quotations are read in text order, the
speakers chosen for the turns before standing as their history. Inference is
numpy alone.

Ranking applies to the quotations of a conversation (content in quotation
marks) in documents of :data:`MIN_QUOTATIONS` quotations or more whose quote
paragraphs take turns (:meth:`quotelib.rules.conversation.Conversation.alternates`):
a novel or a story, not the quote paragraphs of a news story, whose speakers
the rules and the resolver name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import numpy as np

from quotelib.core import speaker_model
from quotelib.core.scene import Candidate, History, Scene, Turn
from quotelib.document.attribution import Attribution, SpeakerName
from quotelib.document.view import DocView
from quotelib.entities import Entities, ResolvedSpeakers
from quotelib.rules.conversation import Conversation

__all__ = [
    "MIN_QUOTATIONS",
    "MODEL",
    "Ranked",
    "SpeakerModel",
    "decide",
    "exchange_addressees",
    "rank_speakers",
]

#: The fewest quotations a document ranks its speakers in: the model was fitted on whole
#: novels, and a news story whose quote paragraphs happen to take turns (a few dozen
#: quotations at most) is better read by the rules and the resolver (news dev: with no
#: floor, speaker accuracy fell from 0.925 to 0.917).
MIN_QUOTATIONS = 50


@attrs.frozen(kw_only=True)
class SpeakerModel:
    """A scorer of candidates over their named features (an absent feature is 0): a
    linear part, one weight per feature, and a small hidden layer that weighs features
    together, ``score = weights · x + output · tanh(hidden · x + bias)``.

    Examples:
        >>> from quotelib.core.scene import Candidate
        >>> model = SpeakerModel(weights={"named_here": 2.0, "named_inside": -1.5})
        >>> model.scores([Candidate(key="a", features={"named_here": 1.0}),
        ...               Candidate(key="b", features={"named_inside": 1.0})]).tolist()
        [2.0, -1.5]
        >>> both = SpeakerModel(weights={"a": 1.0}, hidden={"a": (2.0,), "b": (-2.0,)},
        ...                     bias=(0.0,), output=(1.0,))
        >>> np.round(both.scores([Candidate(key="x", features={"a": 1.0, "b": 1.0})]), 3)
        array([1.])
    """

    weights: Mapping[str, float]
    hidden: Mapping[str, Sequence[float]] = attrs.field(factory=dict)
    bias: Sequence[float] = ()
    output: Sequence[float] = ()
    _index: dict[str, int] = attrs.field(init=False, repr=False, eq=False)
    _linear: np.ndarray = attrs.field(init=False, repr=False, eq=False)
    _into: np.ndarray = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        names = tuple(dict.fromkeys([*self.weights, *self.hidden]))
        units = len(self.bias)
        into = np.array([self.hidden.get(n, (0.0,) * units) for n in names], dtype=float)
        into = into.reshape(len(names), units)
        object.__setattr__(self, "_index", {name: n for n, name in enumerate(names)})
        object.__setattr__(self, "_linear", np.array([self.weights.get(n, 0.0) for n in names]))
        object.__setattr__(self, "_into", into)

    def scores(self, candidates: Sequence[Candidate]) -> np.ndarray:
        """Each candidate's score, in order."""
        index = self._index
        matrix = np.zeros((len(candidates), len(index)))
        for row, candidate in enumerate(candidates):
            for name, value in candidate.features.items():
                if name in index:
                    matrix[row, index[name]] = value
        found = matrix @ self._linear
        if len(self.bias):
            found = found + np.tanh(matrix @ self._into + np.array(self.bias)) @ np.array(
                self.output
            )
        return found


#: The model quotelib ships (:mod:`quotelib.core.speaker_model`).
MODEL = SpeakerModel(
    weights=speaker_model.WEIGHTS,
    hidden=speaker_model.HIDDEN,
    bias=speaker_model.BIAS,
    output=speaker_model.OUTPUT,
)


@attrs.frozen(kw_only=True)
class Ranked:
    """The attributions and their speakers once the quotations' speakers are ranked."""

    attributions: tuple[Attribution, ...]
    speakers: ResolvedSpeakers


def rank_speakers(
    view: DocView,
    attributions: Sequence[Attribution],
    entities: Entities,
    resolved: ResolvedSpeakers,
    model: SpeakerModel = MODEL,
) -> Ranked:
    """Each quotation's speaker chosen among the people of its scene, where it takes turns.

    Returns new records; the attributions of other documents, and of every
    quotation whose speaker the rules' choice stays, are as given.
    """
    found = Ranked(attributions=tuple(attributions), speakers=resolved)
    if len(view.outer) < MIN_QUOTATIONS or not Conversation(view, attributions).alternates():
        return found
    scene = Scene(view, attributions, entities, resolved)
    turns = scene.turns()
    chosen = decide(scene, turns, model)
    speakers = [
        key or (turn.chosen if turn.chosen in scene.people else None)
        for turn, key in zip(turns, chosen)
    ]
    return _applied(scene, found, turns, chosen, exchange_addressees(turns, speakers))


def decide(scene: Scene, turns: Sequence[Turn], model: SpeakerModel) -> list[str | None]:
    """The key of the speaker of each turn, in order (``None``: the rules' choice stays).

    The turns are read in order, each with the speakers chosen for the turns before
    it as its history (what alternation and "the last speaker" features read).
    """
    history: list[tuple[Turn, str | None]] = []
    chosen = []
    for turn in turns:
        key = _best(scene, turn, history, model)
        chosen.append(key)
        history.append((turn, key or turn.chosen))
    return chosen


def _best(scene: Scene, turn: Turn, history: History, model: SpeakerModel) -> str | None:
    if turn.how == "name" and turn.chosen in scene.people:
        return None  # a cue names the speaker: the rules' choice stays
    candidates = scene.candidates(turn, history)
    if not candidates:
        return None
    best = candidates[int(np.argmax(model.scores(candidates)))].key
    return None if best == turn.chosen else best


def exchange_addressees(turns: Sequence[Turn], speakers: Sequence[str | None]) -> list[str | None]:
    """The person each turn of an exchange speaks to: the other one of the exchange.

    That is the speaker of the turn before, when it is in the same or the previous
    paragraph and is someone else; else the speaker of the turn after, on the same
    terms; else no one (``None``). ``speakers`` are the turns' speakers' keys.

    Examples:
        >>> def turn(index, paragraph):
        ...     return Turn(index=index, start=index, end=index + 1, paragraph=paragraph,
        ...                 opens=True, how="none", chosen=None, pronoun=None,
        ...                 inside=frozenset(), introduced_by=frozenset())
        >>> turns = [turn(0, 0), turn(1, 1), turn(2, 2), turn(3, 9)]
        >>> exchange_addressees(turns, ["anna", "tom", "anna", "tom"])
        ['tom', 'anna', 'tom', None]
    """
    found: list[str | None] = []
    for n, (turn, speaker) in enumerate(zip(turns, speakers)):
        others = [
            speakers[m]
            for m in (n - 1, n + 1)
            if 0 <= m < len(turns)
            and abs(turns[m].paragraph - turn.paragraph) <= 1
            and speakers[m] not in (None, speaker)
        ]
        found.append(others[0] if others and speaker is not None else None)
    return found


def _applied(
    scene: Scene,
    found: Ranked,
    turns: Sequence[Turn],
    chosen: Sequence[str | None],
    addressees: Sequence[str | None],
) -> Ranked:
    attributions = list(found.attributions)
    names = list(found.speakers.names)
    for turn, key, addressee in zip(turns, chosen, addressees):
        mention = None if key is None else scene.mention_near(key, turn)
        if mention is not None:
            entity = scene.entity(key)
            names[turn.index] = SpeakerName(mention=mention, name=entity.name, key=key, how="name")
            attributions[turn.index] = attrs.evolve(
                attributions[turn.index], speaker=scene.head(mention)
            )
        spoken_to = None if addressee is None else scene.mention_near(addressee, turn)
        if spoken_to is not None and attributions[turn.index].addressee is None:
            attributions[turn.index] = attrs.evolve(
                attributions[turn.index], addressee=scene.head(spoken_to)
            )
    return Ranked(
        attributions=tuple(attributions),
        speakers=attrs.evolve(found.speakers, names=tuple(names)),
    )

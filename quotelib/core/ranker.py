"""The speaker of each quotation of a conversation, ranked among the people of its scene.

Rules find a novel's speakers where a cue names them ("said Elizabeth") and
reach a ceiling where it does not: "she said", a cue-less turn, a scene of
three people. For each quotation, :class:`~quotelib.core.scene.Scene` gives
the candidates and their features; a learned linear model
(:class:`SpeakerModel`, its weights in :mod:`quotelib.core.speaker_model`,
fitted by ``benchmarks/fit_speakers.py`` with the leave-one-novel-out score
in its docstring) scores them, and the best one speaks. The rules stay: their
choice is the strongest feature, and a speaker the cue names by a proper name
is kept as the rules resolved it. The quotations are read in text order, the
rules' speakers of the turns before standing as their history (the same at
training and at reading). Inference is numpy alone.

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

__all__ = ["MIN_QUOTATIONS", "MODEL", "Ranked", "SpeakerModel", "decide", "rank_speakers"]

#: The fewest quotations a document ranks its speakers in: the model was fitted on whole
#: novels, and a news story whose quote paragraphs happen to take turns (a few dozen
#: quotations at most) is better read by the rules and the resolver (news dev: with no
#: floor, speaker accuracy fell from 0.925 to 0.917).
MIN_QUOTATIONS = 50


@attrs.frozen(kw_only=True)
class SpeakerModel:
    """A linear scorer of candidates: one weight per named feature (absent features are 0).

    Examples:
        >>> from quotelib.core.scene import Candidate
        >>> model = SpeakerModel(weights={"named_here": 2.0, "named_inside": -1.5})
        >>> model.scores([Candidate(key="a", features={"named_here": 1.0}),
        ...               Candidate(key="b", features={"named_inside": 1.0})]).tolist()
        [2.0, -1.5]
    """

    weights: Mapping[str, float]

    def scores(self, candidates: Sequence[Candidate]) -> np.ndarray:
        """Each candidate's score, in order."""
        names = list(self.weights)
        index = {name: n for n, name in enumerate(names)}
        matrix = np.zeros((len(candidates), len(names)))
        for row, candidate in enumerate(candidates):
            for name, value in candidate.features.items():
                if name in index:
                    matrix[row, index[name]] = value
        return matrix @ np.array([self.weights[name] for name in names])


#: The model quotelib ships (:mod:`quotelib.core.speaker_model`).
MODEL = SpeakerModel(weights=speaker_model.WEIGHTS)


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
    return _applied(scene, found, turns, decide(scene, turns, model))


def decide(scene: Scene, turns: Sequence[Turn], model: SpeakerModel) -> list[str | None]:
    """The key of the speaker of each turn, in order (``None``: the rules' choice stays)."""
    history: list[tuple[Turn, str | None]] = []
    chosen = []
    for turn in turns:
        chosen.append(_best(scene, turn, history, model))
        history.append((turn, turn.chosen))
    return chosen


def _best(scene: Scene, turn: Turn, history: History, model: SpeakerModel) -> str | None:
    if turn.how == "name" and turn.chosen in scene.people:
        return None  # a cue names the speaker: the rules' choice stays
    candidates = scene.candidates(turn, history)
    if not candidates:
        return None
    best = candidates[int(np.argmax(model.scores(candidates)))].key
    return None if best == turn.chosen else best


def _applied(
    scene: Scene, found: Ranked, turns: Sequence[Turn], chosen: Sequence[str | None]
) -> Ranked:
    attributions = list(found.attributions)
    names = list(found.speakers.names)
    for turn, key in zip(turns, chosen):
        mention = None if key is None else scene.mention_near(key, turn)
        if mention is None:
            continue
        entity = scene.entity(key)
        names[turn.index] = SpeakerName(mention=mention, name=entity.name, key=key, how="name")
        attributions[turn.index] = attrs.evolve(
            attributions[turn.index], speaker=scene.head(mention)
        )
    return Ranked(
        attributions=tuple(attributions),
        speakers=attrs.evolve(found.speakers, names=tuple(names)),
    )

"""The speaker ranker (quotelib.core.ranker): its shipped weights, when it ranks, what it keeps."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import quotelib
import quotelib.core.ranker as ranker
from quotelib.core import speaker_model
from quotelib.core.ranker import MIN_QUOTATIONS, SpeakerModel, decide
from quotelib.core.scene import Candidate, Scene, Turn


def _dialogue(turns: int) -> str:
    """A conversation of two people: each cued once, then taking turns without a cue."""
    lines = ["Anna Price came into the kitchen, where Tom Hale sat by the fire."]
    lines += ['"Is the road open, Tom?" asked Anna.', '"It is," said Tom.']
    for n in range(1, turns // 2):
        lines += [f'"Did you see cart number {n}?"', f'"I saw it at gate number {n}."']
    return "\n\n".join(lines) + "\n"


def test_ranker_shipped_weights_are_plain_numbers_not_a_pickle():
    source = Path(speaker_model.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert "pickle" not in source and "fit_speakers.py" in ast.get_docstring(tree)
    assert speaker_model.WEIGHTS and all(
        isinstance(k, str) and isinstance(v, float) for k, v in speaker_model.WEIGHTS.items()
    )
    units = len(speaker_model.BIAS)
    assert units == len(speaker_model.OUTPUT) and set(speaker_model.HIDDEN) <= set(
        speaker_model.WEIGHTS
    )
    for row in (*speaker_model.HIDDEN.values(), speaker_model.BIAS, speaker_model.OUTPUT):
        assert all(isinstance(w, float) for w in row) and len(row) == units
    assert ranker.MODEL.weights == speaker_model.WEIGHTS
    assert ranker.MODEL.hidden == speaker_model.HIDDEN
    inside, chosen = ranker.MODEL.scores(
        [
            Candidate(key="a", features={"named_inside": 1.0}),
            Candidate(key="b", features={"chosen:pronoun": 1.0}),
        ]
    )
    assert inside < chosen


def test_ranker_scores_are_the_weighted_features():
    model = SpeakerModel(weights={"a": 2.0, "b": -1.0})
    candidates = [
        Candidate(key="x", features={"a": 1.0, "unknown": 5.0}),
        Candidate(key="y", features={"a": 0.5, "b": 1.0}),
    ]
    assert model.scores(candidates).tolist() == [2.0, 0.0]
    # a hidden unit weighs features together: "a" and "b" alone score, both cancel out
    joint = SpeakerModel(weights={}, hidden={"a": (3.0,), "b": (-3.0,)}, bias=(0.0,), output=(1.0,))
    alone, both = joint.scores(
        [Candidate(key="x", features={"a": 1.0}), Candidate(key="y", features={"a": 1, "b": 1})]
    )
    assert alone > 0.99 and both == 0.0


def test_ranker_keeps_the_speaker_a_cue_names_by_name():
    class _Scene:
        people = {"tom": None}

        def candidates(self, turn, history):  # never asked
            raise AssertionError("a named speaker is not ranked")

    turn = Turn(
        index=0, start=0, end=5, paragraph=0, opens=True, how="name", chosen="tom",
        pronoun=None, inside=frozenset(), introduced_by=frozenset(),
    )  # fmt: skip
    assert decide(_Scene(), [turn], ranker.MODEL) == [None]


def test_ranker_leaves_short_documents_to_the_rules(monkeypatch):
    text = _dialogue(10)
    assert len(quotelib.extract_quotes(text)) < MIN_QUOTATIONS
    monkeypatch.setattr(
        Scene, "__init__", lambda *a, **k: pytest.fail("a short document built a scene")
    )
    assert quotelib.extract_quotes(text)


def test_ranker_a_long_conversation_keeps_taking_turns(monkeypatch):
    ranked = []
    real = Scene.turns
    monkeypatch.setattr(Scene, "turns", lambda self: ranked.append(1) or real(self))
    text = _dialogue(2 * MIN_QUOTATIONS)
    quotes = quotelib.extract_quotes(text)
    assert ranked and len(quotes) >= MIN_QUOTATIONS  # the ranker read it
    names = [q.speaker_name for q in quotes]
    assert names[:2] == ["Anna Price", "Tom Hale"]
    assert names == ["Anna Price", "Tom Hale"] * (len(names) // 2)
    for quote in quotes:  # every ranked speaker is a mention in the text, on its offsets
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_ranker_each_turn_of_an_exchange_speaks_to_the_other_one():
    quotes = quotelib.extract_quotes(_dialogue(2 * MIN_QUOTATIONS))
    pairs = {(q.speaker_name, q.addressee_name) for q in quotes}
    assert pairs == {("Anna Price", "Tom Hale"), ("Tom Hale", "Anna Price")}


def test_ranker_reads_its_own_choices_as_the_history(monkeypatch):
    turns = [_turn(n) for n in range(3)]
    for pick, history_of_last in (
        (lambda n: f"pick-{n}", ["pick-0", "pick-1"]),
        (lambda n: None, ["rules-0", "rules-1"]),
    ):
        histories = []

        def best(scene, turn, history, model, pick=pick, histories=histories):
            histories.append([key for _, key in history])
            return pick(turn.index)

        monkeypatch.setattr(ranker, "_best", best)
        assert decide(_FakeScene(), turns, ranker.MODEL) == [pick(n) for n in range(3)]
        assert histories[-1] == history_of_last


class _FakeScene:
    people: dict = {}


def _turn(index: int) -> Turn:
    return Turn(
        index=index,
        start=index * 10,
        end=index * 10 + 5,
        paragraph=index,
        opens=True,
        how="none",
        chosen=f"rules-{index}",
        pronoun=None,
        inside=frozenset(),
        introduced_by=frozenset(),
    )

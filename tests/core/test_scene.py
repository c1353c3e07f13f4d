"""The scene of a quotation (quotelib.core.scene): its candidates and their evidence, on invented
passages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import quotelib
import quotelib.core.stages
from quotelib.core.ranker import Ranked
from quotelib.core.scene import Scene, _people

THREE = (
    "Anna Price came into the kitchen, where Tom Hale and Mary Lunt sat by the fire.\n\n"
    '"You are late, Anna," said Tom.\n\n'
    '"The road was flooded," she answered. "Harry Bell says the bridge is down."\n\n'
    "Mary looked up from her sewing, and said,\n\n"
    '"Then nobody will come tonight."\n'
)


@pytest.fixture
def scene_of(monkeypatch):
    """The scene of a text, as the ranker receives it."""

    def read(text: str) -> Scene:
        caught = []

        def catch(view, attributions, entities, resolved, model=None):
            caught.append(Scene(view, attributions, entities, resolved))
            return Ranked(attributions=tuple(attributions), speakers=resolved)

        monkeypatch.setattr(quotelib.core.stages, "rank_speakers", catch)
        quotelib.extract_quotes(text)
        return caught[0]

    return read


def _keys_by_name(scene: Scene) -> dict[str, str]:
    return {entity.name: key for key, entity in scene.people.items()}


def test_scene_turns_are_the_quotations_in_text_order(scene_of):
    scene = scene_of(THREE)
    turns = scene.turns()
    text = [THREE[t.start : t.end].strip('"') for t in turns]
    assert text[0].startswith("You are late") and text[-1].startswith("Then nobody")
    assert [t.opens for t in turns] == [True, True, True]
    assert turns[1].pronoun == "female" and turns[0].pronoun is None


def test_scene_a_name_only_inside_a_quotation_is_no_candidate(scene_of):
    scene = scene_of(THREE)
    keys = _keys_by_name(scene)
    second = scene.turns()[1]
    candidates = {c.key for c in scene.candidates(second, [])}
    assert {keys["Anna Price"], keys["Tom Hale"], keys["Mary Lunt"]} <= candidates
    assert keys.get("Harry Bell") not in candidates


def test_scene_who_is_named_inside_a_quotation_is_marked_as_spoken_to(scene_of):
    scene = scene_of(THREE)
    keys = _keys_by_name(scene)
    first = scene.turns()[0]
    features = {c.key: c.features for c in scene.candidates(first, [])}
    assert features[keys["Anna Price"]].get("named_inside") == 1.0
    assert "named_inside" not in features[keys["Tom Hale"]]


def test_scene_a_narrative_sentence_that_ends_with_said_introduces_the_turn(scene_of):
    scene = scene_of(THREE)
    keys = _keys_by_name(scene)
    last = scene.turns()[-1]
    assert last.introduced_by == {keys["Mary Lunt"]}
    features = {c.key: c.features for c in scene.candidates(last, [])}
    assert features[keys["Mary Lunt"]].get("introduced") == 1.0


def test_scene_the_turns_before_are_evidence(scene_of):
    scene = scene_of(THREE)
    keys = _keys_by_name(scene)
    first, second, third = scene.turns()
    history = [(first, keys["Tom Hale"]), (second, keys["Anna Price"])]
    features = {c.key: c.features for c in scene.candidates(third, history)}
    assert features[keys["Anna Price"]].get("spoke_back_1") == 1.0
    assert features[keys["Tom Hale"]].get("spoke_back_2") == 1.0


def test_scene_a_pronoun_cue_is_checked_against_the_candidates_gender(scene_of):
    scene = scene_of(THREE)
    keys = _keys_by_name(scene)
    second = scene.turns()[1]  # "... she answered."
    features = {c.key: c.features for c in scene.candidates(second, [])}
    genders = {key: scene.entity(key).gender for key in features}
    for key, found in features.items():
        if genders[key] == "male":
            assert found.get("gender_conflict") == 1.0, key
    assert keys["Anna Price"] in features


def test_scene_a_woman_named_long_before_is_not_in_the_scene(scene_of):
    # "she" has no candidate named only far before the scene: Clara left many
    # paragraphs ago; the woman present is Anna.
    text = (
        "Clara Webb said goodbye at the door and went home.\n\n"
        + "The rain fell on the empty road.\n\n" * 14
        + THREE
    )
    scene = scene_of(text)
    keys = _keys_by_name(scene)
    second = scene.turns()[1]  # "... she answered."
    candidates = {c.key for c in scene.candidates(second, [])}
    assert keys["Clara Webb"] not in candidates and keys["Anna Price"] in candidates


def test_scene_someone_the_rules_make_speak_twice_is_one_of_the_people():
    # The name finder took "Margaret" for a place; she speaks twice, so she is someone.
    def entity(key, kind):
        return SimpleNamespace(key=key, kind=kind, mentions=((0, 1),))

    entities = SimpleNamespace(
        entities=[entity("anna", "person"), entity("margaret", "place"), entity("paris", "place")]
    )
    said = [SimpleNamespace(key=key) for key in ("margaret", "paris", "margaret", None)]
    resolved = SimpleNamespace(names=[n if n.key else None for n in said])
    assert set(_people(entities, resolved)) == {"anna", "margaret"}


def test_scene_the_speakers_cued_in_the_next_turns_read_the_exchange_backwards(scene_of):
    scene = scene_of(THREE)
    first, second, third = scene.turns()
    assert second.how == "pronoun" and second.chosen in scene.people  # '"...," she answered.'
    assert first.named_ahead == (second.chosen,)  # the narrative paragraph ends the chain
    assert third.named_ahead == ()  # the last turn
    features = {c.key: c.features for c in scene.candidates(first, [])}
    assert features[second.chosen].get("named_ahead_1") == 1.0
    assert not any("named_ahead_1" in f for key, f in features.items() if key != second.chosen)

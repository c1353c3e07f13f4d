"""Tests of the addressee accuracy of quotelib.evaluate, on an invented scene of a novel.

The gold quotes are annotated as the novels are: a character's main name as
``speaker_text``, every other name in ``speaker_aliases``, and the listeners
as a list of main names in ``addressees``.
"""

from __future__ import annotations

import json
import re

import pytest

from quotelib.evaluation.matching import character_aliases
from quotelib.evaluation.scores import format_breakdown, format_comparison
from quotelib.evaluation.scoring import evaluate
from quotelib.records import Quote, TextSpan

SCENE = (
    '"Sit down, Molly," said Mr. Carver.\n'
    '"I would rather stand," she answered.\n'
    '"Ned, Aunt Prue, listen to me."\n'
    '"We are listening," said her aunt.\n'
    '"Well?"\n'
    '"Nothing at all."'
)
MARIAN = ("Marian Holt", ["Marian", "Molly", "Miss Holt"])
EDWIN = ("Edwin Carver", ["Edwin", "Ned", "Mr. Carver"])
PRUDENCE = ("Prudence Holt", ["Aunt Prue", "Prudence"])


def _at(words: str) -> list[int]:
    start = SCENE.index(words)
    return [start, start + len(words)]


def _line(words: str, who: tuple[str, list[str]], to: list[str], kind: str) -> dict:
    """A gold quote of the scene: its words, speaker, addressees and quote type."""
    name, aliases = who
    return {
        "content": _at(words),
        "content_parts": [_at(words)],
        "speaker": None,
        "speaker_text": name,
        "speaker_aliases": [name, *aliases],
        "addressees": to,
        "kind": "direct",
        "pdnc_quote_type": kind,
    }


SIT = _line("Sit down, Molly,", EDWIN, ["Marian Holt"], "Explicit")
STAND = _line("I would rather stand,", MARIAN, ["Edwin Carver"], "Anaphoric")
LISTEN = _line(
    "Ned, Aunt Prue, listen to me.", MARIAN, ["Edwin Carver", "Prudence Holt"], "Implicit"
)
LISTENING = _line("We are listening,", PRUDENCE, ["Marian Holt"], "Anaphoric")
WELL = _line("Well?", EDWIN, ["_unknowable"], "Implicit")
NOTHING = _line("Nothing at all.", MARIAN, [], "Implicit")


def _scene(*quotes: dict) -> list[dict]:
    return [{"id": "holt-01", "text": SCENE, "quotes": list(quotes)}]


def _heard(words: str, addressee: str | None = None, **more) -> dict:
    """A predicted quote of the scene with its addressee's name."""
    return {"content_parts": [_at(words)], "kind": "direct", "addressee_name": addressee, **more}


@pytest.mark.parametrize(
    "addressee, right",
    [
        ("Marian Holt", True),
        ("Molly", True),  # an alias of hers, read off the quotes she speaks
        ("Miss Holt", True),
        ("Edwin Carver", False),  # the speaker
        ("her", False),  # a pronoun never names anyone
        ("you", False),
        (None, False),  # none given
    ],
    ids=["main-name", "alias", "titled-alias", "speaker", "her", "you", "none"],
)
def test_evaluate_addressee_by_name_or_alias(addressee, right):
    result = evaluate(_scene(SIT, STAND), {"holt-01": [_heard("Sit down, Molly,", addressee)]})
    assert (result.addressee_total, result.addressee_right) == (1, int(right))
    assert result.addressee_given == int(addressee is not None)
    assert result.addressee_accuracy == float(right)


def test_evaluate_addressee_aliases_come_from_the_same_document():
    # Marian speaks no quote of this document: "Molly" is not known to be her.
    alone = evaluate(_scene(SIT), {"holt-01": [_heard("Sit down, Molly,", "Molly")]})
    assert (alone.addressee_total, alone.addressee_right) == (1, 0)
    elsewhere = [*_scene(SIT), {"id": "holt-02", "text": SCENE, "quotes": [STAND]}]
    other = evaluate(elsewhere, {"holt-01": [_heard("Sit down, Molly,", "Molly")]})
    assert other.addressee_right == 0
    # Her main name needs no alias.
    named = evaluate(_scene(SIT), {"holt-01": [_heard("Sit down, Molly,", "Marian")]})
    assert named.addressee_right == 1


@pytest.mark.parametrize(
    "addressee, right",
    [("Ned", True), ("Aunt Prue", True), ("Prudence Holt", True), ("Marian", False)],
    ids=["first-listener", "second-listener", "second-main-name", "the-speaker"],
)
def test_evaluate_addressee_any_of_several_listeners(addressee, right):
    gold = _scene(SIT, STAND, LISTEN, LISTENING)
    result = evaluate(gold, {"holt-01": [_heard("Ned, Aunt Prue, listen to me.", addressee)]})
    assert (result.addressee_total, result.addressee_right) == (1, int(right))


def test_evaluate_addressee_counts_only_pairs_whose_gold_names_one():
    gold = _scene(SIT, STAND, LISTEN, LISTENING, WELL, NOTHING)
    found = [
        _heard("Sit down, Molly,", "Molly"),
        _heard("I would rather stand,"),  # no addressee given
        _heard("We are listening,", "she"),
        _heard("Well?", "Molly"),  # the gold listener is unknowable: not counted
        _heard("Nothing at all.", "Ned"),  # no listener annotated: not counted
    ]  # "Ned, Aunt Prue, ..." is not found: not counted either
    result = evaluate(gold, {"holt-01": found})
    assert (result.addressee_right, result.addressee_given, result.addressee_total) == (1, 2, 3)
    assert result.addressee_accuracy == pytest.approx(1 / 3)
    assert result.addressee_coverage == pytest.approx(2 / 3)


def test_evaluate_addressee_of_quote_records():
    text = SCENE
    content = TextSpan.from_offsets(text, *_at("Sit down, Molly,"))
    quote = Quote(kind="direct", content=content, content_parts=(content,), addressee_name="Molly")
    result = evaluate(_scene(SIT, STAND), {"holt-01": [quote]})
    assert (result.addressee_right, result.addressee_total) == (1, 1)


def test_evaluate_addressee_broken_down_and_shown():
    gold = _scene(SIT, STAND, LISTEN, LISTENING)
    found = [
        _heard("Sit down, Molly,", "Molly"),
        _heard("I would rather stand,"),
        _heard("Ned, Aunt Prue, listen to me.", "Ned"),
        _heard("We are listening,", "Edwin"),
    ]
    result = evaluate(gold, {"holt-01": found}, by="pdnc_quote_type")
    anaphoric = result.by_field.of("Anaphoric")
    assert (anaphoric.addressee_total, anaphoric.addressee_given) == (2, 1)
    assert (anaphoric.addressee_right, anaphoric.addressee_coverage) == (0, 0.5)
    assert result.by_field.of("Implicit").addressee_accuracy == 1.0
    table = result.format_table()
    assert "addressee accuracy 0.500 (2/4 partial@0.3 pairs whose gold quote names" in table
    assert "addressee given 0.750 (3/4)" in table
    assert re.search(r"^pdnc_quote_type .* E2E R +addressee +given$", table, re.M)
    assert re.search(r"^Anaphoric +2 +1\.000 +.* +0\.000 +0\.500$", table, re.M)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["addressee"] == {"accuracy": 0.5, "right": 2, "coverage": 0.75, "given": 3,
                                 "total": 4}  # fmt: skip
    assert data["by_field"]["values"]["Explicit"]["addressee_accuracy"] == 1.0
    compared = format_comparison({"mine": result}).splitlines()
    assert compared[0].split()[-2:] == ["addressee", "given"]
    assert compared[1].split()[-2:] == ["0.500", "0.750"]
    assert format_breakdown({"mine": result}).splitlines()[0].split()[-2:] == [
        "addressee", "given"]  # fmt: skip


def test_evaluate_addressee_columns_only_where_gold_names_listeners():
    silent = [dict(quote, addressees=[]) for quote in (SIT, STAND)]
    result = evaluate(_scene(*silent), {"holt-01": [_heard("Sit down, Molly,", "Molly")]},
                      by="pdnc_quote_type")  # fmt: skip
    assert result.addressee_total == 0
    assert "addressee" not in result.format_table()
    assert "addressee" not in format_comparison({"mine": result})


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("addressees", "Marian Holt", "'addressees' must be a list of strings or null"),
        ("addressees", [3], "'addressees' must be a list of strings or null"),
        ("addressee_name", 3, "'addressee_name' must be a string or null"),
    ],
    ids=["gold-string", "gold-number", "predicted-number"],
)
def test_evaluate_addressee_rejects_fields_of_the_wrong_type(field, value, message):
    gold, found = _scene(SIT), {"holt-01": [_heard("Sit down, Molly,")]}
    if field == "addressees":
        gold = _scene(dict(SIT, addressees=value))
    else:
        found = {"holt-01": [_heard("Sit down, Molly,", value)]}
    with pytest.raises(ValueError, match=re.escape(message)):
        evaluate(gold, found)


def test_character_aliases_gathers_each_speakers_names():
    aliases = character_aliases([SIT, STAND, LISTEN, WELL, dict(NOTHING, speaker_text="_group")])
    assert aliases == {
        "Edwin Carver": ("Edwin Carver", "Edwin", "Ned", "Mr. Carver"),
        "Marian Holt": ("Marian Holt", "Marian", "Molly", "Miss Holt"),
    }

"""Quote.confidence: features of a record, a probability, and its calibration measure."""

from __future__ import annotations

import itertools
import math

import attrs
import pytest

import quotelib
from quotelib.core.confidence import BINS, _bin, features, probability
from quotelib.core.confidence_model import INTERCEPT, WEIGHTS
from quotelib.document.attribution import RULES
from quotelib.evaluation.calibration import calibration, calibration_of
from quotelib.lexicon import CUE_CLASSES
from quotelib.records import KINDS, RESOLUTIONS, Quote, TextSpan


def _possible_features() -> set[str]:
    names = {f"kind={kind}" for kind in KINDS} | {f"rule={rule}" for rule in RULES}
    names |= {f"cue_class={cls}" for cls in [*CUE_CLASSES, "none"]}
    names |= {f"speaker={how}" for how in [*RESOLUTIONS, "none", "as-written"]}
    for name, bounds in BINS.items():
        names |= {f"{name}={_bin(name, count)}" for count in range(bounds[-1] + 2)}
    return names | {"marks_unbalanced", "several_parts"}


def test_confidence_model_weighs_only_features_that_exist():
    # a renamed feature would silently weigh nothing: every weight must be reachable
    assert WEIGHTS and set(WEIGHTS) <= _possible_features()


@pytest.mark.parametrize(
    "sure, unsure",
    [
        ('"We will appeal," Mayor Jane Smith said.', '"We will appeal."'),
        ("Mayor Jane Smith said that the city would appeal.",
         "It was reported that the city would appeal."),
        ("Mayor Jane Smith said that the city would appeal the ruling of the court.",
         "Mayor Jane Smith said it."),
    ],
    ids=["named-cue-vs-no-cue", "named-vs-no-speaker", "long-vs-short-content"],
)  # fmt: skip
def test_confidence_is_higher_where_the_rules_know_more(sure, unsure):
    [first] = quotelib.extract_quotes(sure)
    found = quotelib.extract_quotes(unsure)
    assert all(first.confidence > quote.confidence for quote in found)


def test_confidence_on_every_quote_in_the_unit_interval():
    text = (
        '"We will rebuild," insists Mayor Ortiz. "Every house on this street." '
        "Officials said the storm caused damage. He denied that he had known."
    )
    quotes = quotelib.extract_quotes(text)
    assert len(quotes) >= 3
    assert all(0.0 < quote.confidence < 1.0 for quote in quotes)
    assert quotes == quotelib.extract_quotes(text)  # deterministic


def test_confidence_features_of_a_hand_built_quote():
    text = '"Yes," she said, "and no."'
    quote = Quote(
        kind="direct",
        content=TextSpan.from_offsets(text, 1, 24),
        content_parts=(TextSpan.from_offsets(text, 1, 5), TextSpan.from_offsets(text, 18, 24)),
        speaker=TextSpan.from_offsets(text, 7, 10),
        cue=TextSpan.from_offsets(text, 11, 15),
        rule="direct",
    )
    found = features(quote, text)
    assert found["several_parts"] == 1.0 and "marks_unbalanced" not in found  # '" ... "' inside
    assert found["speaker=as-written"] == found["speaker_distance=0-2"] == 1.0
    assert found["cue_distance=3-30"] == 1.0
    assert found["content_words=1-3"] == 1.0
    assert 0.0 < probability(found) < 1.0
    assert probability({}, {}) == pytest.approx(1 / (1 + math.exp(-INTERCEPT)))
    odd = attrs.evolve(quote, content=TextSpan.from_offsets(text, 1, 17))  # 'Yes," she said, '
    assert features(odd, text)["marks_unbalanced"] == 1.0


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_confidence_out_of_range_is_refused(value):
    text = "Xi said so."
    span = TextSpan.from_offsets(text, 8, 10)
    with pytest.raises(ValueError, match=r"'confidence' must be in \[0, 1\]"):
        Quote(kind="indirect", content=span, content_parts=(span,), confidence=value)
    with pytest.raises(TypeError, match="'confidence' must be a float"):
        Quote(kind="indirect", content=span, content_parts=(span,), confidence="high")


def test_confidence_round_trips_through_to_dict():
    text = "Xi stated that ties are strong."
    [quote] = quotelib.extract_quotes(text)
    assert quote.to_dict()["confidence"] == quote.confidence
    assert Quote.from_dict(quote.to_dict(), text) == quote


# --- the calibration measure ------------------------------------------------------------


def test_calibration_of_a_perfectly_calibrated_set_has_no_error():
    pairs = [(0.25, right) for right in (True, False, False, False)] * 5
    pairs += [(0.95, right) for right in [True] * 19 + [False]]
    result = calibration_of(pairs)
    assert result.ece == pytest.approx(0.0)
    assert (result.n_above, result.precision_above, result.share_above) == (20, 0.95, 0.5)
    assert [b.n for b in result.bins] == [0, 0, 20, 0, 0, 0, 0, 0, 0, 20]


def test_calibration_bins_hold_every_pair_and_the_last_includes_one():
    pairs = [(c / 20, bool(c % 2)) for c in range(21)]
    result = calibration_of(pairs, n_bins=4, threshold=0.5)
    assert sum(b.n for b in result.bins) == 21 and result.bins[-1].n == 6
    assert "ECE" in result.format_table() and result.to_dict()["n"] == 21


def test_calibration_of_predictions_against_gold_uses_the_measure_verdicts():
    text = 'Putin said "the talks failed." Aides said he left.'
    gold = [{"id": "d1", "text": text, "quotes": [{"content_parts": [[12, 29]],
             "speaker": [0, 5], "speaker_text": "Putin", "kind": "direct"}]}]  # fmt: skip
    found = {"d1": [
        {"content_parts": [[12, 29]], "speaker": [0, 5], "kind": "direct", "confidence": 0.9},
        {"content_parts": [[42, 49]], "speaker": [31, 36], "kind": "indirect", "confidence": 0.3},
    ]}  # fmt: skip
    result = calibration(gold, found)
    assert (result.n, result.n_above, result.precision_above) == (2, 1, 1.0)
    by_kind = calibration(gold, found, by="kind")
    assert [(g.value, g.n, g.matched, g.right) for g in by_kind.groups] == [
        ("direct", 1, 1.0, 1.0),
        ("indirect", 1, 0.0, 0.0),
    ]
    assert "indirect" in by_kind.format_table()
    without = {"d1": [dict(found["d1"][0], confidence=None)]}
    with pytest.raises(ValueError, match="quote 0 has no 'confidence'"):
        calibration(gold, without)


@pytest.mark.parametrize("n_bins", [0, -1, 2.5, True])
def test_calibration_refuses_a_bad_number_of_bins(n_bins):
    with pytest.raises(ValueError, match="'n_bins' must be a positive int"):
        calibration_of([], n_bins=n_bins)


def test_calibration_possible_features_cover_every_bin_edge():
    for name, bounds in BINS.items():
        for count in itertools.chain(bounds, [b + 1 for b in bounds]):
            assert f"{name}={_bin(name, count)}" in _possible_features()

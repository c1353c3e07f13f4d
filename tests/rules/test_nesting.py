"""One attribution per content (quotelib.rules.nesting.drop_nested), on Attribution records built
by hand over tiny Docs (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotelib.rules.nesting
from quotelib.document.attribution import Attribution
from quotelib.rules.nesting import _Spans, drop_nested
from tests.docs_by_hand import span, words_view


def _said(text, cue, content, speaker=None, rule="verb"):
    """An attribution of ``content`` at the cue word ``cue`` (``None``: no cue)."""
    parts = [span(text, words) for words in content]
    return Attribution(
        parts=parts, rule=rule, cue=None if cue is None else span(text, cue), speaker=speaker
    )


def _kept(text, attributions):
    return [
        text[slice(*a.cue)] if a.cue else a.rule
        for a in drop_nested(words_view(text), attributions)
    ]


def test_nesting_drops_an_attribution_said_inside_another():
    text = "Putin said Xi told him that ties were strong."
    outer = _said(text, "said", ["Xi told him that ties were strong"], speaker=0)
    inner = _said(text, "told", ["ties were strong"], speaker=2)
    assert _kept(text, [outer, inner]) == ["said"]
    assert _kept(text, [inner, outer]) == ["said"]


def test_nesting_a_speaker_inside_another_content_anchors_an_attribution_without_cue():
    # No cue: where it is said is its speaker, here inside Putin's content.
    text = "Putin said Xi was wrong. Ties grew."
    outer = _said(text, "said", ["Xi was wrong"], speaker=0)
    carried = _said(text, None, ["Ties grew"], speaker=2, rule="carried")
    assert _kept(text, [outer, carried]) == ["said"]


SAME_CONTENT = [
    (  # two cues claim one content: the one with a speaker is kept
        "speaker-wins",
        [("said", ["ties were strong"], None), ("stressed", ["ties were strong"], 0)],
        ["stressed"],
    ),
    (  # both have a speaker: the longer content is kept
        "longer-wins",
        [("said", ["ties were strong."], 0), ("stressed", ["ties were strong"], 0)],
        ["said"],
    ),
    (  # a speaker beats a longer content
        "speaker-before-length",
        [("said", ["that ties were strong."], None), ("stressed", ["ties were strong"], 0)],
        ["stressed"],
    ),
]


@pytest.mark.parametrize(
    "found, expected", [c[1:] for c in SAME_CONTENT], ids=[c[0] for c in SAME_CONTENT]
)
def test_nesting_same_content_keeps_one(found, expected):
    text = "Aides said and stressed that ties were strong."
    attributions = [_said(text, cue, content, speaker) for cue, content, speaker in found]
    assert _kept(text, attributions) == expected
    assert _kept(text, attributions[::-1]) == expected


MUTUAL = [
    (  # each cue sits in the other's content: the longer content wins
        "first-longer",
        ("said", ["one two", "three four stressed five six"]),
        ("stressed", ["two said three"]),
        ["said"],
    ),
    (
        "second-longer",
        ("said", ["three four stressed"]),
        ("stressed", ["one two said three four", "five six"]),
        ["stressed"],
    ),
]


@pytest.mark.parametrize(
    "first, second, expected", [c[1:] for c in MUTUAL], ids=[c[0] for c in MUTUAL]
)
def test_nesting_mutual_nesting_keeps_the_longer(first, second, expected):
    # "A, he said, B" parsed both ways: "said" in one content, "stressed" in the other.
    text = "one two said three four stressed five six"
    a, b = _said(text, *first, speaker=0), _said(text, *second, speaker=0)
    assert _kept(text, [a, b]) == expected


def test_nesting_keeps_disjoint_attributions_in_input_order():
    text = "Xi said ties grew. Putin warned talks failed."
    first = _said(text, "said", ["ties grew"], speaker=0)
    second = _said(text, "warned", ["talks failed"], speaker=5)
    assert _kept(text, [second, first]) == ["warned", "said"]
    assert _kept(text, [first, second]) == ["said", "warned"]
    assert drop_nested(words_view(text), []) == []


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 300)), min_size=1, max_size=40),
    st.integers(0, 500),
    st.integers(1, 200),
)
@settings(max_examples=200, deadline=None, derandomize=True)
def test_nesting_spans_find_every_overlapping_attribution(ranges, low, width):
    attributions = [Attribution(parts=[(s, s + n)], rule="verb") for s, n in ranges]
    found = _Spans(attributions).overlapping(low, low + width)
    expected = [a for a in attributions if a.start < low + width and a.end > low]
    assert sorted(map(id, found)) == sorted(map(id, expected))


def _comparisons(monkeypatch, n):
    """How many pairs drop_nested compares for n short attributions around one long one."""
    text = "x " * (n * 20 + 10)
    short = [
        Attribution(parts=[(i * 40, i * 40 + 30)], rule="verb", cue=(i * 40 + 31, i * 40 + 32))
        for i in range(n)
    ]
    long = Attribution(parts=[(0, n * 40)], rule="direct", cue=(n * 40 + 2, n * 40 + 3))
    calls = []
    real = quotelib.rules.nesting._nested_in
    monkeypatch.setattr(
        quotelib.rules.nesting, "_nested_in", lambda *args: calls.append(1) or real(*args)
    )
    drop_nested(words_view(text), [*short, long])
    return len(calls)


def test_nesting_compares_a_number_of_pairs_linear_in_the_attributions(monkeypatch):
    # A regression: one long content made every attribution be compared with every other.
    small, large = _comparisons(monkeypatch, 200), _comparisons(monkeypatch, 400)
    assert large <= 2.2 * small

"""Tests of quotelib.text.dashes: the spoken stretches of dialogue marked by dashes."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelib.text import dashes
from quotelib.text.dashes import DASH_MARKS, Stretch, dash_stretches
from quotelib.text.layout import find_layout
from quotelib.text.marks import find_quotations


def spoken(text: str) -> list[str]:
    """The words of each spoken stretch of ``text``'s dash turns, in order."""
    marked = [(q.start, q.end) for q in find_quotations(text) if q.mark not in DASH_MARKS]
    return [text[slice(*s.content)] for s in dash_stretches(text, find_layout(text), marked)]


# A second turn with an attribution, so that each passage keeps the convention.
REPLY = "\n— Not yet, said Anna."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("— Come in, Marek, the door is open.", ["Come in, Marek, the door is open."]),
        ("— I know, she said. — But not today.", ["I know,", "But not today."]),
        ("—Back to barracks! he said sternly.", ["Back to barracks!"]),
        ("— Tell me, Mulligan, Stephen said quietly.", ["Tell me, Mulligan,"]),
        ("— Come in, said Stephen.", ["Come in,"]),
        ("— Out, she answered, smiling.", ["Out,"]),
        ("— Come in, he said, the door is open.", ["Come in,", "the door is open."]),
        ("— I know — she said — but not today.", ["I know", "but not today."]),
        ("— Why? asked the old man.", ["Why?"]),
        ("— Go home, Mr. Deasy said to him. — Now.", ["Go home,", "Now."]),
        ("— Sit down, she told him. — Please.", ["Sit down,", "Please."]),
        ("— Enough, the captain shouted at them, and turned away.", ["Enough,"]),
        ("— Go on, she quietly said.", ["Go on,"]),
        ("— It will rain, the reports said.", ["It will rain,"]),
        (
            "— Hush! he said. He added in a low voice: — They are listening.",
            ["Hush!", "They are listening."],
        ),
    ],
    ids=[
        "no-attribution",
        "sentence-end-then-second-dash",
        "lower-case-after-exclamation",
        "name-then-verb-then-adverb",
        "verb-then-name",
        "participle-goes-on",
        "comma-resumes",
        "dashes-between-spaces",
        "verb-then-noun-phrase",
        "title-and-addressee",
        "object-after-tell",
        "and-past-tense-goes-on",
        "adverb-before-verb",
        "noun-like-a-verb-before-the-verb",
        "narration-up-to-the-next-dash",
    ],
)
def test_dashes_stretches_of_a_turn(text, expected):
    assert spoken(text + REPLY) == [*expected, "Not yet,"]


@pytest.mark.parametrize(
    "text",
    [
        "— Yes, I said it.",
        "— Well, he said nothing at all.",
        "— No, the doctor said so.",
        "— I know what he said, and I said no.",
        "— Ask Tom. Nobody said a word.",
        "— She wrote it, said it and meant it.",
    ],
    ids=["object", "object-phrase", "so", "and-subject", "sentence-object", "verb-list"],
)
def test_dashes_speech_verbs_that_are_no_attribution(text):
    # A speech verb inside the speech, with an object or after other words, is speech.
    [first, reply] = spoken(text + REPLY)
    assert (first, reply) == (text[2:], "Not yet,")


@pytest.mark.parametrize(
    "dash, text",
    [
        ("—", "—Come in.\n—Thank you, said Marek."),
        ("―", "― Come in.\n― Thank you, said Marek."),
        ("--", "--Come in.\n--Thank you, said Marek."),
        ("–", "– Come in.\n– Thank you, said Marek."),
    ],
    ids=["em-dash", "horizontal-bar", "two-hyphens", "en-dash-and-space"],
)
def test_dashes_each_dash(dash, text):
    found = dash_stretches(text, find_layout(text), [])
    assert [(s.mark, text[slice(*s.content)]) for s in found] == [
        (dash, "Come in."),
        (dash, "Thank you,"),
    ]
    assert all(text[s.start : s.start + len(dash)] == dash for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "–Come in.\n–Thank you, said Marek.",
        "---Come in.\n---Thank you, said Marek.",
        "— \n— Thank you, said Marek.",
    ],
    ids=["en-dash-without-space", "three-hyphens", "dash-alone"],
)
def test_dashes_what_opens_no_turn(text):
    assert len(spoken(text)) <= 1


@pytest.mark.parametrize(
    "text",
    [
        '"The economy is growing faster than anyone expected."\n\n— Janet Yellen',
        "Here is what we know:\n\n— Stocks fell.\n\n— Oil rose.\n\n— Gold was flat.",
        "– Old hands –.\n\nThe senator spoke.\n\n– Who cares –.",
        "The talks went on — for hours — and ended, officials said.",
        "— Come in, Marek, the door is open.",
        (
            '"We will win," he said.\n\n"We always do," she said.\n\n'
            "— Fine, he said.\n\n— Good, she said."
        ),
        "— Taxes rose, officials said.\n— Spending fell.\n— Debt grew.\n— Rates held.\n"
        "— Jobs grew.\n— Wages rose.",
    ],
    ids=[
        "dash-attribution",
        "list",
        "headings",
        "asides",
        "one-turn-without-attribution",
        "quote-mark-dialogue",
        "list-with-one-attribution-in-six",
    ],
)
def test_dashes_documents_without_the_convention(text):
    # News (dashes for attributions, lists, headings and asides) and texts that keep quote
    # marks for speech are read as before.
    assert spoken(text) == []
    assert all(q.mark not in DASH_MARKS for q in find_quotations(text))


def test_dashes_quotation_marks_inside_a_turn_are_left_whole():
    # No attribution is read inside quote marks: "Stop, she said, now!" is what he shouted.
    text = '— He shouted "Stop, she said, now!" at me, she said.' + REPLY
    assert spoken(text) == ['He shouted "Stop, she said, now!" at me,', "Not yet,"]


def test_dashes_stretch_offsets():
    text = "— I know, she said, but not today.\n— Why? asked Tom."
    found = dash_stretches(text, find_layout(text), [])
    assert found == [
        Stretch(start=0, end=9, content=(2, 9), mark="—"),
        Stretch(start=20, end=34, content=(20, 34), mark="—"),  # resumed: no mark
        Stretch(start=35, end=41, content=(37, 41), mark="—"),
    ]


def test_dashes_stretch_is_plain_data():
    stretch = Stretch(start=0, end=9, content=(2, 9), mark="—")
    assert attrs.asdict(stretch) == {"start": 0, "end": 9, "content": (2, 9), "mark": "—"}
    assert pickle.loads(pickle.dumps(stretch)) == stretch
    with pytest.raises(TypeError):
        Stretch(0, 9, (2, 9), "—")  # keyword-only


def test_dashes_all_is_complete():
    public = {
        name
        for name, value in vars(dashes).items()
        if not name.startswith("_")
        and (name.isupper() or getattr(value, "__module__", None) == dashes.__name__)
    }
    assert dashes.__all__ == sorted(dashes.__all__)
    assert set(dashes.__all__) == public


PIECES = ["— ", "—", "-- ", "– ", ", ", ". ", "! ", "? ", " — ", "\n", "\n\n", '"', "Mr. "]
WORDS = ["he", "she", "said", "asked", "Stephen", "the", "old", "man", "told", "him", "yes"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + WORDS + [" "]), max_size=40).map("".join))
def test_dashes_property_invariants(text):
    found = dash_stretches(text, find_layout(text), [])
    assert found == dash_stretches(text, find_layout(text), [])
    for stretch in found:
        start, end = stretch.content
        assert 0 <= stretch.start <= start < end == stretch.end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert any(char.isalnum() for char in text[start:end])
    assert [s.start for s in found] == sorted(s.start for s in found)

"""Attributions as Quote records (quotelib.core.build.build_quotes), on hand-built Docs (no model
needed): kinds, stripped and joined parts, offsets and speaker names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quotelib.core.build import build_quotes
from quotelib.document.attribution import Attribution, SpeakerName
from quotelib.document.view import DocView
from tests.docs_by_hand import VOCAB, hand_view, span, words_view


def _quotes(view, *contents, speaker=None, resolved=None):
    """The quotes of one attribution per content, a content being the words of its parts."""
    attributions = [
        Attribution(
            parts=[span(view.text, words) for words in content], rule="verb", speaker=speaker
        )
        for content in contents
    ]
    return build_quotes(view, attributions, [resolved] * len(attributions))


KINDS_TEXT = 'Xi said the plan was "a total disaster" and "we must act now" today.'
KINDS = [
    ("inside-marks", ["a total disaster"], "direct", "a total disaster"),
    ("marks-stripped", ['"a total disaster"'], "direct", "a total disaster"),
    ("lone-opening-mark-stripped", ['"a total disaster'], "direct", "a total disaster"),
    ("space-and-marks-stripped", [' "we must act now" '], "direct", "we must act now"),
    (
        "part-in-marks",
        ['the plan was "a total disaster"'],
        "mixed",
        'the plan was "a total disaster"',
    ),
    ("two-parts-one-quoted", ["the plan was", "we must act now"], "mixed", None),
    ("no-marks", ["the plan was"], "indirect", "the plan was"),
    ("two-quoted-parts", ["a total disaster", "we must act now"], "direct", None),
]


@pytest.mark.parametrize(
    "content, kind, expected", [c[1:] for c in KINDS], ids=[c[0] for c in KINDS]
)
def test_build_kind_and_stripped_content(content, kind, expected):
    [quote] = _quotes(words_view(KINDS_TEXT), content)
    assert quote.kind == kind
    if expected is not None:
        assert quote.content.text == expected


JOINS = [
    (  # only marks and a space between two quotations: one part
        "marks-only-between",
        '"We will win." "We always do," he said.',
        ["We will win.", "We always do,"],
        ['We will win." "We always do,'],
    ),
    (  # words between: two parts, the content spans both
        "words-between",
        '"We will win," he said, "and we always do."',
        ["We will win,", "and we always do."],
        ["We will win,", "and we always do."],
    ),
    (  # a line break between: two parts
        "line-break-between",
        '"We will win."\n"We always do," he said.',
        ["We will win.", "We always do,"],
        ["We will win.", "We always do,"],
    ),
    (  # a part without a letter or digit is dropped
        "letterless-part-dropped",
        'Xi said: "..." and "we must act now."',
        ["...", "we must act now."],
        ["we must act now."],
    ),
]


@pytest.mark.parametrize("text, content, parts", [c[1:] for c in JOINS], ids=[c[0] for c in JOINS])
def test_build_content_parts(text, content, parts):
    [quote] = _quotes(words_view(text), content)
    assert [p.text for p in quote.content_parts] == parts
    assert quote.content.start == quote.content_parts[0].start
    assert quote.content.end == quote.content_parts[-1].end


def test_build_attribution_without_words_left_gives_no_quote():
    view = words_view('Xi said: "..." and "--" today.')
    assert _quotes(view, ["..."], ["--"]) == []


def test_build_offsets_index_the_callers_text():
    # The Doc was parsed from a copy with U+FFFD for a lone surrogate (chunks.parsable).
    text = 'Xi said "we won \ud800 today" again.'
    words = 'Xi said "we won \ufffd today" again.'.split(" ")
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    view = DocView.build(doc, text)
    [quote] = _quotes(view, ["we won \ud800 today"])
    assert quote.content.text == "we won \ud800 today"
    assert text[quote.content.start : quote.content.end] == quote.content.text
    assert quote.kind == "direct"


def test_build_quotes_in_text_order_with_cue():
    text = "Xi said ties grew. Putin warned talks failed."
    view = words_view(text)
    later = Attribution(parts=[span(text, "talks failed")], rule="verb", cue=span(text, "warned"))
    earlier = Attribution(parts=[span(text, "ties grew")], rule="verb", cue=span(text, "said"))
    quotes = build_quotes(view, [later, earlier], [None, None])
    assert [(q.content.text, q.cue.text) for q in quotes] == [
        ("ties grew", "said"),
        ("talks failed", "warned"),
    ]


PESKOV = (
    "Dmitry Peskov, the Kremlin spokesman, said talks ended.",
    [
        ("Dmitry", 1, "compound", "PROPN", "NNP"),
        ("Peskov", 7, "nsubj", "PROPN", "NNP"),
        (",", 1, "punct", "PUNCT", ","),
        ("the", 5, "det", "DET", "DT"),
        ("Kremlin", 5, "compound", "PROPN", "NNP"),
        ("spokesman", 1, "appos", "NOUN", "NN"),
        (",", 1, "punct", "PUNCT", ","),
        ("said", 7, "ROOT", "VERB", "VBD"),
        ("talks", 9, "nsubj", "NOUN", "NNS"),
        ("ended", 7, "ccomp", "VERB", "VBD"),
        (".", 7, "punct", "PUNCT", "."),
    ],
)


def test_build_speaker_name_as_written_when_unresolved():
    [quote] = _quotes(hand_view(*PESKOV), ["talks ended"], speaker=1)
    assert (quote.speaker.text, quote.speaker_name) == ("Dmitry Peskov", "Dmitry Peskov")
    assert (quote.speaker_id, quote.speaker_resolution) == (None, None)


def test_build_speaker_name_from_its_resolution():
    text = "He said talks ended."
    rows = [
        ("He", 1, "nsubj", "PRON", "PRP"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("talks", 3, "nsubj", "NOUN", "NNS"),
        ("ended", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    resolved = SpeakerName(mention=(0, 2), name="Dmitry Peskov", key="dmitry-peskov", how="pronoun")
    [quote] = _quotes(hand_view(text, rows), ["talks ended"], speaker=0, resolved=resolved)
    assert (quote.speaker.text, quote.speaker_name) == ("He", "Dmitry Peskov")
    assert (quote.speaker_id, quote.speaker_resolution) == ("dmitry-peskov", "pronoun")


def test_build_no_speaker_no_name():
    [quote] = _quotes(words_view("It was reported that jobs fell."), ["jobs fell"])
    assert (quote.speaker, quote.speaker_name, quote.cue) == (None, None, None)

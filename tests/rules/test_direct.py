"""Quotations joined to cues and speakers (quotelib.rules.direct.attach_quotations), on hand-built
Docs (no model needed)."""

from __future__ import annotations

import attrs
import pytest

from quotelib.document.attribution import Attribution
from quotelib.rules.direct import attach_quotations
from quotelib.rules.reported import find_attributions
from tests.docs_by_hand import hand_view, span, texts, words_view


def _attached(view, reported=()):
    """What a reader checks of each attribution: rule, cue, speaker, content parts."""
    doc, text = view.doc, view.text
    return [
        (
            a.rule,
            text[slice(*a.cue)] if a.cue else None,
            None if a.speaker is None else doc[a.speaker].text,
            texts(text, a.parts),
        )
        for a in attach_quotations(view, list(reported))
    ]


HE_SAID = (
    '"We will win," he said.',
    [
        ('"', 7, "punct", "PUNCT", "``"),
        ("We", 3, "nsubj", "PRON", "PRP"),
        ("will", 3, "aux", "AUX", "MD"),
        ("win", 7, "ccomp", "VERB", "VB"),
        (",", 7, "punct", "PUNCT", ","),
        ('"', 7, "punct", "PUNCT", "''"),
        ("he", 7, "nsubj", "PRON", "PRP"),
        ("said", 7, "ROOT", "VERB", "VBD"),
        (".", 7, "punct", "PUNCT", "."),
    ],
)

JOINED = [
    (  # the quotation hangs from the cue verb
        "governed-by-cue",
        *HE_SAID,
        [("direct", "said", "he", ["We will win,"])],
    ),
    (  # inverted order, the parser missed the subject: the name after the cue speaks
        "inverted-cue",
        '"We will win," said Smith.',
        [
            ('"', 6, "punct", "PUNCT", "``"),
            ("We", 3, "nsubj", "PRON", "PRP"),
            ("will", 3, "aux", "AUX", "MD"),
            ("win", 6, "ccomp", "VERB", "VB"),
            (",", 6, "punct", "PUNCT", ","),
            ('"', 6, "punct", "PUNCT", "''"),
            ("said", 6, "ROOT", "VERB", "VBD"),
            ("Smith", 6, "dobj", "PROPN", "NNP"),
            (".", 6, "punct", "PUNCT", "."),
        ],
        [("direct", "said", "Smith", ["We will win,"])],
    ),
    (  # the parser split '"...!" Smith said.' into two sentences: the cue is in the next
        "cue-in-next-sentence",
        '"We will win!" Smith said.',
        [
            ('"', 3, "punct", "PUNCT", "``"),
            ("We", 3, "nsubj", "PRON", "PRP"),
            ("will", 3, "aux", "AUX", "MD"),
            ("win", 3, "ROOT", "VERB", "VB"),
            ("!", 3, "punct", "PUNCT", "."),
            ('"', 3, "punct", "PUNCT", "''"),
            ("Smith", 7, "nsubj", "PROPN", "NNP"),
            ("said", 7, "ROOT", "VERB", "VBD"),
            (".", 7, "punct", "PUNCT", "."),
        ],
        [("direct", "said", "Smith", ["We will win!"])],
    ),
    (  # "X said:" closing the sentence before the quotation
        "said-colon-before",
        'Smith said:\n"We will win the race."',
        [
            ("Smith", 1, "nsubj", "PROPN", "NNP"),
            ("said", 1, "ROOT", "VERB", "VBD"),
            (":", 1, "punct", "PUNCT", ":"),
            ("\n", 2, "dep", "SPACE", "_SP"),
            ('"', 7, "punct", "PUNCT", "``"),
            ("We", 7, "nsubj", "PRON", "PRP"),
            ("will", 7, "aux", "AUX", "MD"),
            ("win", 7, "ROOT", "VERB", "VB"),
            ("the", 9, "det", "DET", "DT"),
            ("race", 7, "dobj", "NOUN", "NN"),
            (".", 7, "punct", "PUNCT", "."),
            ('"', 7, "punct", "PUNCT", "''"),
        ],
        [("direct", "said", "Smith", ["We will win the race."])],
    ),
    (  # a cue noun closing the sentence before: no one named
        "statement-colon-before",
        'In a statement:\n"We will win the race."',
        [
            ("In", 0, "ROOT", "ADP", "IN"),
            ("a", 2, "det", "DET", "DT"),
            ("statement", 0, "pobj", "NOUN", "NN"),
            (":", 0, "punct", "PUNCT", ":"),
            ("\n", 3, "dep", "SPACE", "_SP"),
            ('"', 8, "punct", "PUNCT", "``"),
            ("We", 8, "nsubj", "PRON", "PRP"),
            ("will", 8, "aux", "AUX", "MD"),
            ("win", 8, "ROOT", "VERB", "VB"),
            ("the", 10, "det", "DET", "DT"),
            ("race", 8, "dobj", "NOUN", "NN"),
            (".", 8, "punct", "PUNCT", "."),
            ('"', 8, "punct", "PUNCT", "''"),
        ],
        [("direct-noun", "statement", None, ["We will win the race."])],
    ),
    (  # a dashed source after the quotation
        "dash-source",
        '"We will win." — Janet Yellen',
        [
            ('"', 3, "punct", "PUNCT", "``"),
            ("We", 3, "nsubj", "PRON", "PRP"),
            ("will", 3, "aux", "AUX", "MD"),
            ("win", 3, "ROOT", "VERB", "VB"),
            (".", 3, "punct", "PUNCT", "."),
            ('"', 3, "punct", "PUNCT", "''"),
            ("—", 8, "punct", "PUNCT", ":"),
            ("Janet", 8, "compound", "PROPN", "NNP"),
            ("Yellen", 8, "ROOT", "PROPN", "NNP"),
        ],
        [("dash", None, "Yellen", ["We will win."])],
    ),
    (  # the parser took a word of the quotation for the subject: the name beside the cue speaks
        "speaker-moved-outside",
        '"The more people know Bernie, the better," Briggs said.',
        [
            ('"', 12, "punct", "PUNCT", "``"),
            ("The", 3, "det", "DET", "DT"),
            ("more", 3, "amod", "ADJ", "JJR"),
            ("people", 12, "nsubj", "NOUN", "NNS"),
            ("know", 12, "ccomp", "VERB", "VBP"),
            ("Bernie", 4, "dobj", "PROPN", "NNP"),
            (",", 5, "punct", "PUNCT", ","),
            ("the", 8, "advmod", "PRON", "DT"),
            ("better", 5, "appos", "ADJ", "JJR"),
            (",", 12, "punct", "PUNCT", ","),
            ('"', 12, "punct", "PUNCT", "''"),
            ("Briggs", 12, "npadvmod", "PROPN", "NNP"),
            ("said", 12, "ROOT", "VERB", "VBD"),
            (".", 12, "punct", "PUNCT", "."),
        ],
        [("direct", "said", "Briggs", ["The more people know Bernie, the better,"])],
    ),
    (  # a scare quote: no cue, no source, no neighbour: not an attribution
        "scare-quote",
        'The "deal" collapsed.',
        [
            ("The", 2, "det", "DET", "DT"),
            ('"', 2, "punct", "PUNCT", "``"),
            ("deal", 4, "nsubj", "NOUN", "NN"),
            ('"', 2, "punct", "PUNCT", "''"),
            ("collapsed", 4, "ROOT", "VERB", "VBD"),
            (".", 4, "punct", "PUNCT", "."),
        ],
        [],
    ),
]


@pytest.mark.parametrize(
    "text, rows, expected", [c[1:] for c in JOINED], ids=[c[0] for c in JOINED]
)
def test_direct_quotations_joined(text, rows, expected):
    assert _attached(hand_view(text, rows)) == expected


def test_direct_reported_content_takes_the_quotation_it_covers():
    # The parse's content stops inside the marks; the attribution takes the whole
    # quotation, marks included, and no second attribution is made for it.
    view = hand_view(*HE_SAID)
    assert _attached(view, find_attributions(view)) == [("verb", "said", "he", ['"We will win,"'])]


def test_direct_reported_content_widened_over_a_quotation_it_touches():
    text = 'Smith said the plan was "a total disaster." Aides agreed.'
    view = words_view(text)
    reported = Attribution(
        parts=[span(text, 'the plan was "a total disaster')],
        rule="verb",
        cue=span(text, "said"),
        cue_token=1,
        speaker=0,
    )
    assert _attached(view, [reported]) == [
        ("verb", "said", "Smith", ['the plan was "a total disaster."'])
    ]


def test_direct_content_widened_over_each_paragraph_of_a_long_quotation():
    # A quotation of two paragraphs: the content takes both parts, without the marks
    # between them.
    text = 'Smith said "we will win.\n\n"We always do." Aides agreed.'
    view = words_view(text)
    reported = Attribution(
        parts=[span(text, '"we will win.')], rule="verb", cue=span(text, "said"), speaker=0
    )
    assert _attached(view, [reported]) == [
        ("verb", "said", "Smith", ["we will win.", "We always do."])
    ]


def test_direct_leaves_its_input_as_it_is():
    view = hand_view(*HE_SAID)
    reported = find_attributions(view)
    before = list(reported)
    found = attach_quotations(view, reported)
    assert reported == before  # the same records, in the same list
    assert found is not reported
    assert found[0].parts != reported[0].parts  # widened in a new record
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reported[0].parts = found[0].parts


def test_direct_speaker_parsed_into_the_content_is_taken_out():
    # '"...," Gene Sperling, an adviser, said': the parser made the name an apposition
    # of the quotation, and "said" has no subject. The name between the quotation and
    # the cue is the speaker; the content ends with the quotation.
    text = '"It is not hunky-dory," Gene Sperling, an adviser, said.'
    rows = [
        ('"', 2, "punct", "PUNCT", "``"),
        ("It", 2, "nsubj", "PRON", "PRP"),
        ("is", 15, "ccomp", "AUX", "VBZ"),
        ("not", 2, "neg", "PART", "RB"),
        ("hunky", 6, "amod", "ADJ", "JJ"),
        ("-", 6, "punct", "PUNCT", "HYPH"),
        ("dory", 2, "acomp", "ADJ", "JJ"),
        (",", 2, "punct", "PUNCT", ","),
        ('"', 2, "punct", "PUNCT", "''"),
        ("Gene", 10, "compound", "PROPN", "NNP"),
        ("Sperling", 2, "appos", "PROPN", "NNP"),
        (",", 10, "punct", "PUNCT", ","),
        ("an", 13, "det", "DET", "DT"),
        ("adviser", 10, "appos", "NOUN", "NN"),
        (",", 10, "punct", "PUNCT", ","),
        ("said", 15, "ROOT", "VERB", "VBD"),
        (".", 15, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows)
    reported = Attribution(
        parts=[span(text, '"It is not hunky-dory," Gene Sperling, an adviser')],
        rule="verb",
        cue=span(text, "said"),
        cue_token=15,
        speaker=None,
    )
    assert _attached(view, [reported]) == [
        ("verb", "said", "Sperling", ['"It is not hunky-dory,"'])
    ]


def test_direct_speaker_lost_by_the_parse_is_the_nearest_subject_before_the_cue():
    # The parser hung "lingered" off the quotation's verb: "say" has no subject to
    # follow. The nearest person subject before the cue, outside the quotation, speaks.
    text = 'Anna followed her, but lingered to say, "It is all right."'
    rows = [
        ("Anna", 1, "nsubj", "PROPN", "NNP"),
        ("followed", 1, "ROOT", "VERB", "VBD"),
        ("her", 1, "dobj", "PRON", "PRP"),
        (",", 1, "punct", "PUNCT", ","),
        ("but", 1, "cc", "CCONJ", "CC"),
        ("lingered", 11, "advcl", "VERB", "VBD"),
        ("to", 7, "aux", "PART", "TO"),
        ("say", 5, "xcomp", "VERB", "VB"),
        (",", 5, "punct", "PUNCT", ","),
        ('"', 11, "punct", "PUNCT", "``"),
        ("It", 11, "nsubj", "PRON", "PRP"),
        ("is", 1, "conj", "AUX", "VBZ"),
        ("all", 13, "advmod", "ADV", "RB"),
        ("right", 11, "acomp", "ADJ", "JJ"),
        (".", 11, "punct", "PUNCT", "."),
        ('"', 11, "punct", "PUNCT", "''"),
    ]
    assert _attached(hand_view(text, rows)) == [("direct", "say", "Anna", ["It is all right."])]


def test_direct_speaker_shared_by_a_verb_the_parse_left_unlabelled():
    # "crossed ..., laid his hand ..., and said": "laid" hangs off "crossed" as "dep",
    # and "said" is its conjunct; both share the subject of "crossed".
    text = 'Tom crossed the room, laid his hand on her, and said: "Louisa!"'
    rows = [
        ("Tom", 1, "nsubj", "PROPN", "NNP"),
        ("crossed", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("room", 1, "dobj", "NOUN", "NN"),
        (",", 1, "punct", "PUNCT", ","),
        ("laid", 1, "dep", "VERB", "VBD"),
        ("his", 7, "poss", "PRON", "PRP$"),
        ("hand", 5, "dobj", "NOUN", "NN"),
        ("on", 5, "prep", "ADP", "IN"),
        ("her", 8, "pobj", "PRON", "PRP"),
        (",", 5, "punct", "PUNCT", ","),
        ("and", 5, "cc", "CCONJ", "CC"),
        ("said", 5, "conj", "VERB", "VBD"),
        (":", 12, "punct", "PUNCT", ":"),
        ('"', 15, "punct", "PUNCT", "``"),
        ("Louisa", 12, "dobj", "PROPN", "NNP"),
        ("!", 15, "punct", "PUNCT", "."),
        ('"', 15, "punct", "PUNCT", "''"),
    ]
    assert _attached(hand_view(text, rows)) == [("direct", "said", "Tom", ["Louisa!"])]


def test_direct_inverted_cue_parsed_as_an_adjective_of_the_speaker():
    # '"Shall I go now?" repeated Louisa': the parser read "repeated" as an adjective of
    # the name after it; the name is the speaker.
    text = '"Shall I go now?" repeated Louisa.'
    rows = [
        ('"', 3, "punct", "PUNCT", "``"),
        ("Shall", 3, "aux", "AUX", "MD"),
        ("I", 3, "nsubj", "PRON", "PRP"),
        ("go", 3, "ROOT", "VERB", "VB"),
        ("now", 3, "advmod", "ADV", "RB"),
        ("?", 3, "punct", "PUNCT", "."),
        ('"', 3, "punct", "PUNCT", "''"),
        ("repeated", 8, "amod", "VERB", "VBD"),
        ("Louisa", 3, "dobj", "PROPN", "NNP"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    assert _attached(hand_view(text, rows)) == [
        ("direct", "repeated", "Louisa", ["Shall I go now?"])
    ]


def test_direct_content_widened_over_a_dash_turn_leaves_the_dash_out():
    # A reported clause touching a dash turn takes its words; the dash is no more content
    # than a quote mark.
    text = "— I know, she said. — But not today."
    view = words_view(text)
    reported = Attribution(
        parts=[span(text, "I know")], rule="verb", cue=span(text, "said"), speaker=4
    )
    assert _attached(view, [reported]) == [("verb", "said", "she", ["I know,"])]


def test_direct_speaker_after_an_inverted_cue_ending_a_dash_turn():
    # Regression: '— Why? asked Tom.' parsed "Tom" as the object of "asked", and nothing
    # told the parse that a quotation ends before the cue, as quote marks do.
    view = hand_view(
        "— Why? asked Tom.",
        [
            ("—", 3, "punct", "PUNCT", ":"),
            ("Why", 3, "advmod", "SCONJ", "WRB"),
            ("?", 1, "punct", "PUNCT", "."),
            ("asked", 3, "ROOT", "VERB", "VBD"),
            ("Tom", 3, "dobj", "PROPN", "NNP"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    )
    assert _attached(view) == [("direct", "asked", "Tom", ["Why?"])]

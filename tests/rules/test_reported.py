"""Reported speech (quotelib.rules.reported.find_attributions) on hand-built Docs (no model needed).

Each document is the parse the default pipeline gives the sentence, written
out row by row (word, head, dep, pos, tag), so that a rule is tested alone.
"""

from __future__ import annotations

import pytest

import quotelib
from quotelib.rules.reported import find_attributions
from tests.docs_by_hand import hand_view, texts


def _found(view):
    """What a reader checks of each attribution: rule, cue, speaker, content, cue class."""
    doc, text = view.doc, view.text
    return [
        (
            a.rule,
            text[slice(*a.cue)] if a.cue else None,
            None if a.speaker is None else doc[a.speaker].text,
            texts(text, a.parts),
            a.cue_class,
        )
        for a in find_attributions(view)
    ]


SAID_THAT = (
    "Officials said that the plan failed.",
    [
        ("Officials", 1, "nsubj", "NOUN", "NNS"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("that", 5, "mark", "SCONJ", "IN"),
        ("the", 4, "det", "DET", "DT"),
        ("plan", 5, "nsubj", "NOUN", "NN"),
        ("failed", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
    ],
)

FOUND = [
    (  # the complementizer "that" is left out of the content
        "said-that",
        *SAID_THAT,
        [("verb", "said", "Officials", ["the plan failed"], "neutral")],
    ),
    (  # the clause the cue hangs from, after it
        "clause-then-cue",
        "The talks failed, he said.",
        [
            ("The", 1, "det", "DET", "DT"),
            ("talks", 2, "nsubj", "NOUN", "NNS"),
            ("failed", 5, "ccomp", "VERB", "VBD"),
            (",", 5, "punct", "PUNCT", ","),
            ("he", 5, "nsubj", "PRON", "PRP"),
            ("said", 5, "ROOT", "VERB", "VBD"),
            (".", 5, "punct", "PUNCT", "."),
        ],
        [("verb", "said", "he", ["The talks failed"], "neutral")],
    ),
    (
        "according-to",
        "Prices will rise, according to the bank.",
        [
            ("Prices", 2, "nsubj", "NOUN", "NNS"),
            ("will", 2, "aux", "AUX", "MD"),
            ("rise", 2, "ROOT", "VERB", "VB"),
            (",", 2, "punct", "PUNCT", ","),
            ("according", 2, "prep", "VERB", "VBG"),
            ("to", 4, "prep", "ADP", "IN"),
            ("the", 7, "det", "DET", "DT"),
            ("bank", 5, "pobj", "NOUN", "NN"),
            (".", 2, "punct", "PUNCT", "."),
        ],
        [("according-to", "according to", "bank", ["Prices will rise"], "neutral")],
    ),
    (  # a cue noun with a that-clause; its possessor speaks
        "noun",
        "Trump's claim that the vote was rigged was false.",
        [
            ("Trump", 2, "poss", "PROPN", "NNP"),
            ("'s", 0, "case", "PART", "POS"),
            ("claim", 8, "nsubj", "NOUN", "NN"),
            ("that", 7, "mark", "SCONJ", "IN"),
            ("the", 5, "det", "DET", "DT"),
            ("vote", 7, "nsubjpass", "NOUN", "NN"),
            ("was", 7, "auxpass", "AUX", "VBD"),
            ("rigged", 2, "acl", "VERB", "VBN"),
            ("was", 8, "ROOT", "AUX", "VBD"),
            ("false", 8, "acomp", "ADJ", "JJ"),
            (".", 8, "punct", "PUNCT", "."),
        ],
        [("noun", "claim", "Trump", ["the vote was rigged"], "assertion")],
    ),
    (
        "adjective",
        "Xi is confident that ties will grow.",
        [
            ("Xi", 1, "nsubj", "PROPN", "NNP"),
            ("is", 1, "ROOT", "AUX", "VBZ"),
            ("confident", 1, "acomp", "ADJ", "JJ"),
            ("that", 6, "mark", "SCONJ", "IN"),
            ("ties", 6, "nsubj", "NOUN", "NNS"),
            ("will", 6, "aux", "AUX", "MD"),
            ("grow", 2, "ccomp", "VERB", "VB"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        [("adjective", "confident", "Xi", ["ties will grow"], "cognition")],
    ),
    (  # a headline: the name before the colon speaks the rest of the sentence
        "colon",
        "Trump: My plans are set in stone.",
        [
            ("Trump", 5, "dep", "NOUN", "NN"),
            (":", 0, "punct", "PUNCT", ":"),
            ("My", 3, "poss", "PRON", "PRP$"),
            ("plans", 5, "nsubjpass", "NOUN", "NNS"),
            ("are", 5, "auxpass", "AUX", "VBP"),
            ("set", 5, "ROOT", "VERB", "VBN"),
            ("in", 5, "prep", "ADP", "IN"),
            ("stone", 6, "pobj", "NOUN", "NN"),
            (".", 5, "punct", "PUNCT", "."),
        ],
        [("colon", ":", "Trump", ["My plans are set in stone"], "neutral")],
    ),
    (  # the cue is the verb and its preposition; the content is the preposition's object
        "phrasal",
        "Xi called for calm in the region.",
        [
            ("Xi", 1, "nsubj", "PROPN", "NNP"),
            ("called", 1, "ROOT", "VERB", "VBD"),
            ("for", 1, "prep", "ADP", "IN"),
            ("calm", 2, "pobj", "NOUN", "NN"),
            ("in", 1, "prep", "ADP", "IN"),
            ("the", 6, "det", "DET", "DT"),
            ("region", 4, "pobj", "NOUN", "NN"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        [("verb", "called for", "Xi", ["calm in the region"], "directive")],
    ),
    (  # the agent speaks; the passive subject is what it rejected
        "passive-agent",
        "The proposal was rejected by voters.",
        [
            ("The", 1, "det", "DET", "DT"),
            ("proposal", 3, "nsubjpass", "NOUN", "NN"),
            ("was", 3, "auxpass", "AUX", "VBD"),
            ("rejected", 3, "ROOT", "VERB", "VBN"),
            ("by", 3, "agent", "ADP", "IN"),
            ("voters", 4, "pobj", "NOUN", "NNS"),
            (".", 3, "punct", "PUNCT", "."),
        ],
        [("verb", "rejected", "voters", ["The proposal"], "denial")],
    ),
    (  # a passive with a that-clause and no agent: reported, by no one named
        "passive-it-reported",
        "It was reported that jobs fell.",
        [
            ("It", 2, "nsubjpass", "PRON", "PRP"),
            ("was", 2, "auxpass", "AUX", "VBD"),
            ("reported", 2, "ROOT", "VERB", "VBN"),
            ("that", 5, "mark", "SCONJ", "IN"),
            ("jobs", 5, "nsubj", "NOUN", "NNS"),
            ("fell", 2, "ccomp", "VERB", "VBD"),
            (".", 2, "punct", "PUNCT", "."),
        ],
        [("verb", "reported", None, ["jobs fell"], "neutral")],
    ),
]


@pytest.mark.parametrize("text, rows, expected", [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_reported_rules(text, rows, expected):
    assert _found(hand_view(text, rows)) == expected


NOTHING = [
    (  # a negated cue reports nothing
        "negated",
        "Putin did not say that talks failed.",
        [
            ("Putin", 3, "nsubj", "PROPN", "NNP"),
            ("did", 3, "aux", "AUX", "VBD"),
            ("not", 3, "neg", "PART", "RB"),
            ("say", 3, "ROOT", "VERB", "VB"),
            ("that", 6, "mark", "SCONJ", "IN"),
            ("talks", 6, "nsubj", "NOUN", "NNS"),
            ("failed", 3, "ccomp", "VERB", "VBD"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    ),
    (  # negated, with a noun-phrase content
        "negated-object",
        "Putin did not mention Ukraine.",
        [
            ("Putin", 3, "nsubj", "PROPN", "NNP"),
            ("did", 3, "aux", "AUX", "VBD"),
            ("not", 3, "neg", "PART", "RB"),
            ("mention", 3, "ROOT", "VERB", "VB"),
            ("Ukraine", 3, "dobj", "PROPN", "NNP"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    ),
    (  # negated by a negative determiner of the subject
        "negative-subject",
        "Neither leader detailed plans.",
        [
            ("Neither", 1, "det", "DET", "DT"),
            ("leader", 2, "nsubj", "NOUN", "NN"),
            ("detailed", 2, "ROOT", "VERB", "VBD"),
            ("plans", 2, "dobj", "NOUN", "NNS"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    ),
    (  # "said" is inside a quotation: someone's quoted words, not the narrator's
        "cue-inside-quotation",
        'The sign read: "Officials said that the plan failed."',
        [
            ("The", 1, "det", "DET", "DT"),
            ("sign", 2, "nsubj", "NOUN", "NN"),
            ("read", 2, "ROOT", "VERB", "VBD"),
            (":", 2, "punct", "PUNCT", ":"),
            ('"', 2, "punct", "PUNCT", "``"),
            ("Officials", 6, "nsubj", "NOUN", "NNS"),
            ("said", 2, "ccomp", "VERB", "VBD"),
            ("that", 10, "mark", "SCONJ", "IN"),
            ("the", 9, "det", "DET", "DT"),
            ("plan", 10, "nsubj", "NOUN", "NN"),
            ("failed", 6, "ccomp", "VERB", "VBD"),
            (".", 2, "punct", "PUNCT", "."),
            ('"', 2, "punct", "PUNCT", "''"),
        ],
    ),
    (  # an impersonal passive: no source, no ccomp
        "impersonal-passive",
        "Sales are expected to rise.",
        [
            ("Sales", 2, "nsubjpass", "NOUN", "NNS"),
            ("are", 2, "auxpass", "AUX", "VBP"),
            ("expected", 2, "ROOT", "VERB", "VBN"),
            ("to", 4, "aux", "PART", "TO"),
            ("rise", 2, "xcomp", "VERB", "VB"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    ),
    (  # readers addressed: no one's words are reported
        "you-subject",
        "Do you think the plan will work?",
        [
            ("Do", 2, "aux", "AUX", "VBP"),
            ("you", 2, "nsubj", "PRON", "PRP"),
            ("think", 2, "ROOT", "VERB", "VB"),
            ("the", 4, "det", "DET", "DT"),
            ("plan", 6, "nsubj", "NOUN", "NN"),
            ("will", 6, "aux", "AUX", "MD"),
            ("work", 2, "ccomp", "VERB", "VB"),
            ("?", 2, "punct", "PUNCT", "."),
        ],
    ),
    (  # a cue noun without a that-clause is no attribution
        "noun-without-clause",
        "The claim spread.",
        [
            ("The", 1, "det", "DET", "DT"),
            ("claim", 2, "nsubj", "NOUN", "NN"),
            ("spread", 2, "ROOT", "VERB", "VBD"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    ),
]


@pytest.mark.parametrize("text, rows", [c[1:] for c in NOTHING], ids=[c[0] for c in NOTHING])
def test_reported_finds_nothing(text, rows):
    assert _found(hand_view(text, rows)) == []


def test_reported_cue_after_the_quotation_is_the_narrators():
    # The quoted "said" is skipped, the narrator's "told" kept: quotation marks decide.
    text = '"They said no," Xi told reporters.'
    rows = [
        ('"', 7, "punct", "PUNCT", "``"),
        ("They", 2, "nsubj", "PRON", "PRP"),
        ("said", 7, "ccomp", "VERB", "VBD"),
        ("no", 2, "dobj", "INTJ", "UH"),
        (",", 7, "punct", "PUNCT", ","),
        ('"', 7, "punct", "PUNCT", "''"),
        ("Xi", 7, "nsubj", "PROPN", "NNP"),
        ("told", 7, "ROOT", "VERB", "VBD"),
        ("reporters", 7, "dobj", "NOUN", "NNS"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    assert _found(hand_view(text, rows)) == [("verb", "told", "Xi", ["They said no"], "neutral")]


def test_reported_records_hold_token_indices_and_offsets():
    text, rows = SAID_THAT
    [found] = find_attributions(hand_view(text, rows))
    assert (found.cue, found.cue_token, found.speaker) == ((10, 14), 1, 0)
    assert found.parts == ((20, 35),)


def test_reported_attributions_in_cue_order():
    text = "Xi said ties grew. Putin warned talks failed."
    rows = [
        ("Xi", 1, "nsubj", "PROPN", "NNP"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("ties", 3, "nsubj", "NOUN", "NNS"),
        ("grew", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
        ("Putin", 6, "nsubj", "PROPN", "NNP"),
        ("warned", 6, "ROOT", "VERB", "VBD"),
        ("talks", 8, "nsubj", "NOUN", "NNS"),
        ("failed", 6, "ccomp", "VERB", "VBD"),
        (".", 6, "punct", "PUNCT", "."),
    ]
    assert _found(hand_view(text, rows)) == [
        ("verb", "said", "Xi", ["ties grew"], "neutral"),
        ("verb", "warned", "Putin", ["talks failed"], "directive"),
    ]


def test_reported_the_speaker_after_an_exclamation_is_no_content():
    # The parser takes the quotation for the subject of "cried" and the name after it
    # for its object: the cue is inverted, and the name is who speaks.
    text = 'He came in.\n\n"Oh dear!" cried Catherine. "What is that?"\n'
    [quote] = quotelib.extract_quotes(text)
    assert quote.kind == "direct" and quote.speaker.text == "Catherine"
    assert [text[p.start : p.end] for p in quote.content_parts] == ["Oh dear!", "What is that?"]

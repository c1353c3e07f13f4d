"""Conversations (quotelib.rules.dialogue.converse): cue-less quotations joined or attributed.

Hand-built Docs (no model) for the rules on a parse, then real dialogue shapes through
the model: a three-person scene, a speaker change with no cue inside one paragraph, a
vocative that is also the next speaker, a scare quote in news.
"""

from __future__ import annotations

import pytest

import quotelib
from quotelib.rules.dialogue import converse
from quotelib.rules.direct import attach_quotations
from tests.docs_by_hand import hand_view, texts


def _conversed(view):
    doc, text = view.doc, view.text
    return [
        (
            a.rule,
            text[slice(*a.cue)] if a.cue else None,
            None if a.speaker is None else doc[a.speaker].text,
            texts(text, a.parts),
        )
        for a in converse(view, attach_quotations(view, []))
    ]


BY_HAND = [
    (  # a second quotation of the paragraph, without a cue, is another part of the first
        "second-quotation-joins",
        '"We will win," he said. "We always win in the end."',
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
            ('"', 12, "punct", "PUNCT", "``"),
            ("We", 12, "nsubj", "PRON", "PRP"),
            ("always", 12, "advmod", "ADV", "RB"),
            ("win", 12, "ROOT", "VERB", "VBP"),
            ("in", 12, "prep", "ADP", "IN"),
            ("the", 15, "det", "DET", "DT"),
            ("end", 13, "pobj", "NOUN", "NN"),
            (".", 12, "punct", "PUNCT", "."),
            ('"', 12, "punct", "PUNCT", "''"),
        ],
        [("direct", "said", "he", ["We will win,", "We always win in the end."])],
    ),
    (  # a quote paragraph with no cue carries on the previous paragraph's speaker
        "carried-paragraph",
        '"We will win," he said.\n\n"We will never give up on it."',
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
            ("\n\n", 8, "dep", "SPACE", "_SP"),
            ('"', 14, "punct", "PUNCT", "``"),
            ("We", 14, "nsubj", "PRON", "PRP"),
            ("will", 14, "aux", "AUX", "MD"),
            ("never", 14, "neg", "ADV", "RB"),
            ("give", 14, "ROOT", "VERB", "VB"),
            ("up", 14, "prt", "ADP", "RP"),
            ("on", 14, "prep", "ADP", "IN"),
            ("it", 16, "pobj", "PRON", "PRP"),
            (".", 14, "punct", "PUNCT", "."),
            ('"', 14, "punct", "PUNCT", "''"),
        ],
        [
            ("direct", "said", "he", ["We will win,"]),
            ("carried", None, "he", ["We will never give up on it."]),
        ],
    ),
]


@pytest.mark.parametrize(
    "text, rows, expected", [c[1:] for c in BY_HAND], ids=[c[0] for c in BY_HAND]
)
def test_dialogue_rules_on_hand_built_docs(text, rows, expected):
    assert _conversed(hand_view(text, rows)) == expected


def _said(text):
    return [
        (q.rule, q.speaker_name, [p.text for p in q.content_parts])
        for q in quotelib.extract_quotes(text)
    ]


DIALOGUE = [
    (
        "narrative-subject-before",
        'Mrs Harlow stood by the window. "What a dreadful morning."',
        [("narrative", "Harlow", ["What a dreadful morning."])],
    ),
    (
        "narrative-subject-after",
        '"What a dreadful morning." Mrs Harlow turned from the window.',
        [("narrative", "Harlow", ["What a dreadful morning."])],
    ),
    (
        "speaker-change-inside-one-paragraph",
        '"Are you coming?" asked Jane. Tom shook his head. "Not tonight."',
        [("verb", "Jane", ["Are you coming?"]), ("narrative", "Tom", ["Not tonight."])],
    ),
    (
        "second-quotation-of-the-paragraph-joins",
        '"We will rebuild," insists Mayor Ortiz. "Every house on this street."',
        [("verb", "Ortiz", ["We will rebuild,", "Every house on this street."])],
    ),
    (
        "news-quote-paragraphs-go-on",
        '"The storm took everything from us," said Ana Ruiz, a teacher.\n\n'
        '"We lost the school and the library."\n\n"Nobody came for three days."\n\n'
        '"Now we start again."',
        [
            ("verb", "Ana Ruiz", ["The storm took everything from us,"]),
            ("carried", "Ana Ruiz", ["We lost the school and the library."]),
            ("carried", "Ana Ruiz", ["Nobody came for three days."]),
            ("carried", "Ana Ruiz", ["Now we start again."]),
        ],
    ),
    (
        "a-question-is-answered-by-the-other",
        '"Where have you been?" asked Elizabeth.\n\n"In the garden," said Darcy.\n\n'
        '"All morning?"\n\n"Yes, all morning."',
        [
            ("direct", "Elizabeth", ["Where have you been?"]),
            ("direct", "Darcy", ["In the garden,"]),
            ("alternation", "Elizabeth", ["All morning?"]),
            ("alternation", "Darcy", ["Yes, all morning."]),
        ],
    ),
    (
        "a-vocative-that-is-also-the-next-speaker",
        '"Is it you?" asked Emma.\n\n"It is," said Frank.\n\n"Then come in, Frank."\n\n'
        '"Thank you, Emma."',
        [
            ("direct", "Emma", ["Is it you?"]),
            ("verb", "Frank", ["It is,"]),
            ("vocative", "Emma", ["Then come in, Frank."]),
            ("vocative", "Frank", ["Thank you, Emma."]),
        ],
    ),
    (
        "a-vocative-names-the-other-when-the-turns-are-broken",
        '"Is it you?" asked Emma.\n\n"It is," said Frank.\n\nThe door creaked.\n\n'
        '"Then come in, Frank."',
        [
            ("direct", "Emma", ["Is it you?"]),
            ("verb", "Frank", ["It is,"]),
            ("vocative", "Emma", ["Then come in, Frank."]),
        ],
    ),
    (
        "turns-before-the-first-cue-take-their-speakers-from-the-turns-after",
        '"Is anyone there at all?"\n\n"Only me, I am afraid."\n\n"Only you, then?" said Jane.'
        '\n\n"Only me and the cat," said Tom.',
        [
            ("alternation", "Jane", ["Is anyone there at all?"]),
            ("alternation", "Tom", ["Only me, I am afraid."]),
            ("direct", "Jane", ["Only you, then?"]),
            ("direct", "Tom", ["Only me and the cat,"]),
        ],
    ),
    (
        "the-one-addressed-answers-and-a-narrative-paragraph-introduces-the-next",
        'Tom was at his desk when Mary came in.\n\n"Will you come with us, Tom?" asked Mary.'
        '\n\n"I cannot, I have work to do."\n\nMary sighed.\n\n"Then we shall go alone."',
        [
            ("direct", "Mary", ["Will you come with us, Tom?"]),
            ("vocative", "Tom", ["I cannot, I have work to do."]),
            ("narrative", "Mary", ["Then we shall go alone."]),
        ],
    ),
    (
        "a-narrative-paragraph-introduces-the-speaker",
        '"Will you stay?" asked Rachel.\n\nStephen put down his cup and looked at the fire.'
        '\n\n"I cannot go back."',
        [
            ("verb", "Rachel", ["Will you stay?"]),
            ("narrative", "Stephen", ["I cannot go back."]),
        ],
    ),
    (
        "three-person-scene-never-guesses-between-three",
        '"Good morning," said Anne.\n\n"Good morning," said Tom.\n\n"Good morning," said '
        'Mary.\n\n"Are we all here, Tom?"',
        [
            ("direct", "Anne", ["Good morning,"]),
            ("direct", "Tom", ["Good morning,"]),
            ("direct", "Mary", ["Good morning,"]),
            ("carried", "Mary", ["Are we all here, Tom?"]),
        ],
    ),
    (
        "a-dashed-source-as-a-paragraph-of-its-own",
        '"I helped write that bill, and I would do it again."\n\n- Bernie Sanders.\n\n'
        "The senator overstates his part.",
        [("dash", "Bernie Sanders", ["I helped write that bill, and I would do it again."])],
    ),
    (
        "a-colon-ends-the-clause-of-the-speaker",
        'But Trump quickly deflected with a non sequitur: "But it is locker-room talk, and '
        'it is one of those things. I will knock the hell out of ISIS."',
        [
            (
                "colon",
                "Trump",
                [
                    "But it is locker-room talk, and it is one of those things. I will knock "
                    "the hell out of ISIS."
                ],
            )
        ],
    ),
    (
        "scare-quote-in-news-is-no-utterance",
        'The so-called "deal" was signed on Monday in the "old" town hall.',
        [],
    ),
    (
        "a-title-is-no-utterance",
        'She starred in the film "The Long Road Home" last year.',
        [],
    ),
    (
        "cue-less-utterance-without-a-speaker",
        'The sign on the door was new.\n\n"Closed until further notice."',
        [("utterance", None, ["Closed until further notice."])],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in DIALOGUE], ids=[c[0] for c in DIALOGUE])
def test_dialogue_conversation_shapes(text, expected):
    assert _said(text) == expected


def test_dialogue_turns_alternate_in_a_conversation_that_shows_it():
    # Attributed turns that come back to a speaker (A, B, A) mark a conversation: the
    # cue-less paragraphs then alternate instead of carrying the last speaker on.
    text = (
        '"You are late," said Catherine.\n\n"The roads were bad," said Henry.\n\n'
        '"Were they?" said Catherine.\n\n"They were," said Henry.\n\n'
        '"I do not believe you."\n\n"Then ask my sister."\n\n"I shall."'
    )
    assert [(rule, name) for rule, name, _ in _said(text)][4:] == [
        ("alternation", "Catherine"),
        ("alternation", "Henry"),
        ("alternation", "Catherine"),
    ]


def test_dialogue_alternation_prefers_a_named_turn_to_a_pronoun():
    # Two turns back "she" said it, four turns back "Jane": the same person by the turns,
    # and the name is the surer mention of her.
    text = (
        '"Are you well, sir?" said Jane.\n\n"Quite well, thank you," he replied.\n\n'
        '"You look tired to me," she said.\n\n"I am not tired at all."\n\n"Are you quite sure?"'
    )
    assert _said(text)[-1] == ("alternation", "Jane", ["Are you quite sure?"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Yes, ma\'am, if that is worth it," returned Bitzer.', [("direct", "Bitzer")]),
        ('"A specially loud part?" hazarded Mrs. Munt.', [("direct", "Mrs. Munt")]),
        ('"It is over at last," she sighed.', [("direct", "she")]),
        ("He returned home on Monday and resumed work.", []),
    ],
    ids=["returned", "hazarded", "sighed", "no-quotation-no-cue"],
)
def test_dialogue_speech_verbs_of_fiction_are_cues_of_a_quotation_only(text, expected):
    assert [
        (q.rule, q.speaker.text if q.speaker else None) for q in quotelib.extract_quotes(text)
    ] == expected

"""The parse helpers on hand-built Docs (no model needed); the reported-speech rules
that use them are tested in test_reported.py."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotelib.document.syntax import is_negated, is_so_called, mention_span, name_head, subject_of

_VOCAB = spacy.blank("en").vocab  # lexical attributes (is_alpha, like_num), no model


def _doc(words, heads, deps, pos, tags=None, lemmas=None):
    return Doc(
        _VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags or ["" for _ in words],
        lemmas=lemmas or [w.lower() for w in words],
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def _said_that():
    # "Officials said that the plan failed ."
    return _doc(
        ["Officials", "said", "that", "the", "plan", "failed", "."],
        [1, 1, 5, 4, 5, 1, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "punct"],
        ["NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"],
        ["NNS", "VBD", "IN", "DT", "NN", "VBD", "."],
        ["official", "say", "that", "the", "plan", "fail", "."],
    )


def test_syntax_subject_of_plain_subject():
    doc = _said_that()
    assert subject_of(doc[1]).text == "Officials"


def test_syntax_negated_cue():
    # "Putin did not mention Ukraine ."
    doc = _doc(
        ["Putin", "did", "not", "mention", "Ukraine", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        ["PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT"],
        ["NNP", "VBD", "RB", "VB", "NNP", "."],
        ["Putin", "do", "not", "mention", "Ukraine", "."],
    )
    assert is_negated(doc[3])


def test_syntax_negative_subject_determiner():
    # "Neither leader detailed plans ."
    doc = _doc(
        ["Neither", "leader", "detailed", "plans", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["DT", "NN", "VBD", "NNS", "."],
        ["neither", "leader", "detail", "plan", "."],
    )
    assert is_negated(doc[2])


def test_syntax_passive_without_agent_has_no_speaker():
    # "It was reported that jobs fell ."
    doc = _doc(
        ["It", "was", "reported", "that", "jobs", "fell", "."],
        [2, 2, 2, 5, 5, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        ["PRON", "AUX", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        ["PRP", "VBD", "VBN", "IN", "NNS", "VBD", "."],
        ["it", "be", "report", "that", "job", "fall", "."],
    )
    assert subject_of(doc[2]) is None


def test_syntax_passive_agent_is_speaker():
    # "The plan was criticized by Democrats ."
    doc = _doc(
        ["The", "plan", "was", "criticized", "by", "Democrats", "."],
        [1, 3, 3, 3, 3, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        ["DT", "NN", "VBD", "VBN", "IN", "NNPS", "."],
    )
    assert subject_of(doc[3]).text == "Democrats"


def test_syntax_conjoined_verb_shares_subject():
    # "Xi stood and said that ties grew ."
    doc = _doc(
        ["Xi", "stood", "and", "said", "that", "ties", "grew", "."],
        [1, 1, 1, 1, 6, 6, 3, 1],
        ["nsubj", "ROOT", "cc", "conj", "mark", "nsubj", "ccomp", "punct"],
        ["PROPN", "VERB", "CCONJ", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        ["NNP", "VBD", "CC", "VBD", "IN", "NNS", "VBD", "."],
        ["Xi", "stand", "and", "say", "that", "tie", "grow", "."],
    )
    assert subject_of(doc[3]).text == "Xi"


def test_syntax_participle_modifier_speaker_is_the_noun():
    # "Putin , addressing Xi , smiled ."
    doc = _doc(
        ["Putin", ",", "addressing", "Xi", ",", "smiled", "."],
        [5, 0, 0, 2, 0, 5, 5],
        ["nsubj", "punct", "acl", "dobj", "punct", "ROOT", "punct"],
        ["PROPN", "PUNCT", "VERB", "PROPN", "PUNCT", "VERB", "PUNCT"],
        ["NNP", ",", "VBG", "NNP", ",", "VBD", "."],
    )
    assert subject_of(doc[2]).text == "Putin"


def test_syntax_mention_span_drops_apposition():
    # "Dmitry Peskov , the spokesman , said"
    doc = _doc(
        ["Dmitry", "Peskov", ",", "the", "spokesman", ",", "said"],
        [1, 6, 1, 4, 1, 1, 6],
        ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT"],
        ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"],
    )
    assert mention_span(doc[1]).text == "Dmitry Peskov"
    assert name_head(doc[0]).text == "Peskov"


@pytest.mark.parametrize(
    "words, expected", [(["so", "-", "called"], True), (["was", "called", "off"], False)]
)
def test_syntax_so_called(words, expected):
    doc = _doc(
        words,
        [2, 2, 2] if expected else [1, 1, 1],
        ["dep", "dep", "ROOT"] if expected else ["dep", "ROOT", "prt"],
        ["ADV", "PUNCT", "VERB"] if expected else ["AUX", "VERB", "ADP"],
    )
    assert is_so_called(doc[2 if expected else 1]) is expected

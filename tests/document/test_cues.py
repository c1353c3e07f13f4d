"""Candidate cues and sentence lookup on hand-built Docs, and cue classes of words (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from quotelib.document.columns import Columns
from quotelib.document.cues import candidate_cues, cue_class_of
from quotelib.document.view import Sentences
from quotelib.lexicon import CUE_ADJECTIVES, is_lexicon_noun, is_lexicon_verb

_VOCAB = spacy.blank("en").vocab


def _may_be_cue(token: Token) -> bool:
    """The token-by-token rule that candidate_cues computes over whole columns."""
    if token.lower_ == "according":
        return True
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return is_lexicon_verb(token.lemma_.lower(), token.lower_)
    if token.pos_ == "NOUN":
        return is_lexicon_noun(token.lemma_.lower(), token.lower_)
    return token.pos_ == "ADJ" and token.lower_ in CUE_ADJECTIVES


def _claims_doc() -> Doc:
    # "Aides said the claim was sure , according to Putin , who Warns and hoped ."
    # with a capitalised lemma ("Say"), a noun tagged as a verb ("Warns") and
    # a lemmatizer slip ("hoped" -> "hop").
    rows = [
        ("Aides", "NOUN", "NNS", "aide"),
        ("said", "VERB", "VBD", "Say"),
        ("the", "DET", "DT", "the"),
        ("claim", "NOUN", "NN", "claim"),
        ("was", "AUX", "VBD", "be"),
        ("sure", "ADJ", "JJ", "sure"),
        (",", "PUNCT", ",", ","),
        ("according", "VERB", "VBG", "accord"),
        ("to", "ADP", "IN", "to"),
        ("Putin", "PROPN", "NNP", "Putin"),
        (",", "PUNCT", ",", ","),
        ("who", "PRON", "WP", "who"),
        ("Warns", "NOUN", "VBZ", "warns"),
        ("and", "CCONJ", "CC", "and"),
        ("hoped", "VERB", "VBD", "hop"),
        ("fine", "ADJ", "JJ", "fine"),
        (".", "PUNCT", ".", "."),
    ]
    words, pos, tags, lemmas = (list(column) for column in zip(*rows))
    return Doc(_VOCAB, words=words, pos=pos, tags=tags, lemmas=lemmas)


def test_cues_candidates_follow_the_token_rule():
    doc = _claims_doc()
    expected = [t.i for t in doc if _may_be_cue(t)]
    assert [doc[i].text for i in candidate_cues(doc, Columns.of(doc))] == [
        "said",
        "claim",
        "sure",
        "according",
        "Warns",
        "hoped",
    ]
    assert candidate_cues(doc, Columns.of(doc)) == expected
    assert candidate_cues(doc, Columns.of(doc)) == expected  # the second time from the cache


def test_cues_candidates_of_an_empty_doc():
    doc = Doc(_VOCAB, words=[])
    assert candidate_cues(doc, Columns.of(doc)) == []


def test_cues_sentences_agree_with_token_sent():
    words = ["Polls", "closed", ".", "Xi", "won", ".", "Fine", "."]
    starts = [True, False, False, True, False, False, True, False]
    doc = Doc(_VOCAB, words=words, sent_starts=starts)
    sentences = Sentences(doc)
    assert [s.text for s in sentences.spans] == ["Polls closed .", "Xi won .", "Fine ."]
    for token in doc:
        sentence = sentences.of(token.i)
        assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)


@pytest.mark.parametrize(
    "words, cls",
    [
        ("said", "neutral"),
        ("has said", "neutral"),
        ("told reporters", "neutral"),
        ("according to", "neutral"),
        (":", "neutral"),
        ("said in a statement", "neutral"),
        ("in a statement", "neutral"),
        ("claimed", "assertion"),
        ("has denied", "denial"),
        ("ruled out", "denial"),
        ("was asked", "question"),
        ("called for", "directive"),
        ("calls on", "directive"),
        ("called", "neutral"),
        ("his call", "directive"),
        ("reports:", "neutral"),
        ("in a report", "evidence"),
        ("polls show", "evidence"),
        ("is expected", "cognition"),
        ("tweeted", "writing"),
        ("sighed", "neutral"),
        ("critical", "evaluation"),
        ("seemed", None),
        ("-", None),
        ("", None),
    ],
)
def test_cues_class_of_words_without_a_parse(words, cls):
    assert cue_class_of(words) == cls

"""The cue lexicon: size, classes, and its agreement with textacy's list."""

from __future__ import annotations

import pytest
import textacy.constants

from quotelib.lexicon import (
    CUE_ADJECTIVES,
    CUE_CLASSES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    QUOTE_VERBS,
    base_forms,
)


def test_lexicon_has_at_least_150_cue_verbs():
    assert len(CUE_VERBS) >= 150


@pytest.mark.parametrize("table", [CUE_VERBS, CUE_NOUNS, CUE_ADJECTIVES, CUE_PHRASES])
def test_lexicon_classes_are_documented(table):
    assert set(table.values()) <= set(CUE_CLASSES)


def test_lexicon_covers_textacy_reporting_verbs():
    textacy_verbs = set(textacy.constants.REPORTING_VERBS["en"]) - {"according"}
    assert textacy_verbs <= set(CUE_VERBS)


@pytest.mark.parametrize(
    "lemma, cls",
    [
        ("say", "speech"),
        ("tweet", "writing"),
        ("ask", "question"),
        ("believe", "belief"),
        ("criticize", "stance"),
        ("vow", "intent"),
        ("show", "evidence"),
    ],
)
def test_lexicon_class_of_common_cues(lemma, cls):
    assert CUE_VERBS[lemma] == cls


def test_lexicon_quote_verbs_are_not_report_cues():
    # "continued to rise" reports nothing; "she continued: ..." introduces a quote.
    assert "continue" in QUOTE_VERBS and "continue" not in CUE_VERBS


@pytest.mark.parametrize(
    "word, base",
    [
        ("said", "say"),
        ("hoping", "hope"),
        ("planned", "plan"),
        ("denies", "deny"),
        ("warns", "warn"),
        ("urged", "urge"),
        ("written", "write"),
    ],
)
def test_lexicon_base_forms_reach_the_lemma(word, base):
    assert base in base_forms(word)


def test_lexicon_each_entry_has_exactly_one_class():
    # The class tables are built by _classed, which refuses an entry listed twice, under
    # two classes or under one; so each lemma, phrase, noun and adjective has one class.
    from quotelib import lexicon
    from quotelib.lexicon import _classed

    with pytest.raises(ValueError, match="'report' is listed as 'speech' and as 'evidence'"):
        _classed({"speech": "say report", "evidence": "show report"})
    with pytest.raises(ValueError, match="listed as 'speech' and as 'speech'"):
        _classed({"speech": "say add say"})
    for table in (lexicon.CUE_VERBS, lexicon.CUE_NOUNS, lexicon.CUE_ADJECTIVES):
        assert set(table.values()) <= set(lexicon.CUE_CLASSES)

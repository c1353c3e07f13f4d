"""The cue lexicon: size, one class per cue, and its agreement with textacy's list."""

from __future__ import annotations

import pytest
import textacy.constants

from quotelib.lexicon import (
    CUE_ADJECTIVES,
    CUE_CLASSES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    NOUN_VERB_SPLITS,
    PROPOSITION_CLASSES,
    QUOTE_VERBS,
    RULE_CUES,
    SPEECH_CLASSES,
    TOPIC_CLASSES,
    base_forms,
)


def test_lexicon_has_at_least_150_cue_verbs():
    assert len(CUE_VERBS) >= 150


#: Every table of cues, by name: each maps a cue to its class.
TABLES = {
    "CUE_VERBS": CUE_VERBS,
    "CUE_PHRASES": CUE_PHRASES,
    "CUE_NOUNS": CUE_NOUNS,
    "CUE_ADJECTIVES": CUE_ADJECTIVES,
    "QUOTE_VERBS": QUOTE_VERBS,
    "RULE_CUES": RULE_CUES,
}


@pytest.mark.parametrize("name", TABLES)
def test_lexicon_every_cue_has_a_documented_class(name):
    classes = set(TABLES[name].values())
    assert classes <= set(CUE_CLASSES), classes - set(CUE_CLASSES)


def test_lexicon_every_class_is_documented_with_members():
    used = {cls for table in TABLES.values() for cls in table.values()}
    assert used == set(CUE_CLASSES)
    assert all(description.strip() for description in CUE_CLASSES.values())


def test_lexicon_a_verb_of_quotation_is_no_cue_verb():
    # One class per verb across the two verb tables: a verb is in one of them only.
    assert not set(QUOTE_VERBS) & set(CUE_VERBS)
    assert "continue" in QUOTE_VERBS and "continue" not in CUE_VERBS


def test_lexicon_a_noun_and_a_verb_of_one_word_share_its_class():
    # "claim" the noun and "claim" the verb are both assertions; the words listed in
    # NOUN_VERB_SPLITS, and only those, differ, for the reason given there.
    both = set(CUE_NOUNS) & (set(CUE_VERBS) | set(QUOTE_VERBS))
    verbs = {**CUE_VERBS, **QUOTE_VERBS}
    differ = {word for word in both if CUE_NOUNS[word] != verbs[word]}
    assert differ == set(NOUN_VERB_SPLITS)
    assert {"claim", "promise", "fear", "tweet", "charge"} <= both - differ


@pytest.mark.parametrize(
    "noun, verb",
    [
        ("denial", "deny"),
        ("admission", "admit"),
        ("accusation", "accuse"),
        ("allegation", "allege"),
        ("warning", "warn"),
        ("suggestion", "suggest"),
        ("testimony", "testify"),
        ("statement", "state"),
        ("belief", "believe"),
        ("finding", "find"),
        ("proposal", "propose"),
        ("prediction", "predict"),
    ],
)
def test_lexicon_a_noun_has_the_class_of_its_verb(noun, verb):
    assert CUE_NOUNS[noun] == CUE_VERBS[verb]


@pytest.mark.parametrize(
    "group", [SPEECH_CLASSES, TOPIC_CLASSES, PROPOSITION_CLASSES], ids=["speech", "topic", "prop"]
)
def test_lexicon_groups_of_classes_name_classes(group):
    assert group and group <= set(CUE_CLASSES)


def test_lexicon_covers_textacy_reporting_verbs():
    textacy_verbs = set(textacy.constants.REPORTING_VERBS["en"]) - {"according"}
    assert textacy_verbs <= set(CUE_VERBS)


@pytest.mark.parametrize(
    "table, cue, cls",
    [
        (CUE_VERBS, "say", "neutral"),
        (RULE_CUES, "according to", "neutral"),
        (CUE_VERBS, "claim", "assertion"),
        (CUE_VERBS, "insist", "assertion"),
        (CUE_VERBS, "allege", "assertion"),
        (CUE_VERBS, "admit", "concession"),
        (CUE_VERBS, "concede", "concession"),
        (CUE_VERBS, "deny", "denial"),
        (CUE_PHRASES, ("rule", "out"), "denial"),
        (CUE_VERBS, "ask", "question"),
        (CUE_VERBS, "wonder", "question"),
        (CUE_VERBS, "urge", "directive"),
        (CUE_VERBS, "vow", "directive"),
        (CUE_VERBS, "warn", "directive"),
        (CUE_PHRASES, ("call", "for"), "directive"),
        (CUE_VERBS, "praise", "evaluation"),
        (CUE_VERBS, "accuse", "evaluation"),
        (CUE_VERBS, "boast", "evaluation"),
        (CUE_VERBS, "believe", "cognition"),
        (CUE_ADJECTIVES, "confident", "cognition"),
        (CUE_VERBS, "show", "evidence"),
        (CUE_NOUNS, "poll", "evidence"),
        (CUE_VERBS, "tweet", "writing"),
        (CUE_NOUNS, "op-ed", "writing"),
        (QUOTE_VERBS, "sigh", "neutral"),
    ],
)
def test_lexicon_class_of_common_cues(table, cue, cls):
    assert table[cue] == cls


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
    # The class tables are built by classed, which refuses an entry listed twice, under
    # two classes or under one; so each lemma, phrase, noun and adjective has one class.
    from quotelib.lexicon.sets import classed

    with pytest.raises(ValueError, match="'report' is listed as 'speech' and as 'evidence'"):
        classed({"speech": "say report", "evidence": "show report"})
    with pytest.raises(ValueError, match="listed as 'speech' and as 'speech'"):
        classed({"speech": "say add say"})

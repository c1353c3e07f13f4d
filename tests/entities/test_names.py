"""Proper names read off the tagger and the parse (quotelib's default pipeline has no NER)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import quotelib
from quotelib.document.view import DocView
from quotelib.entities.mentions import find_entities
from quotelib.entities.names import find_names

_VOCAB = spacy.blank("en").vocab


def _names(nlp, text):
    return [(span.text, span.label_) for span in find_names(DocView.build(nlp(text)))]


CASES = [
    (  # a title ends what comes before it; the rest is a person
        "Texas Sen. Ted Cruz said on Tuesday that the vote was rigged.",
        [("Texas", "GPE"), ("Ted Cruz", "PERSON")],
    ),
    (  # "of" inside a title
        "Secretary of State John Kerry told reporters the talks would go on.",
        [("John Kerry", "PERSON")],
    ),
    (  # "of" after an organisation word joins the name
        "The Ministry of Foreign Affairs said the ambassador had been recalled.",
        [("Ministry of Foreign Affairs", "ORG")],
    ),
    (  # "of" after a person's name does not: a person and a place
        "Representative James E. Clyburn of South Carolina said the party was united.",
        [("James E. Clyburn", "PERSON"), ("South Carolina", "GPE")],
    ),
    (  # acronyms and plural proper nouns
        "NATO officials and Democrats in Congress warned of a crisis.",
        [("NATO", "ORG"), ("Democrats", "NORP"), ("Congress", "ORG")],
    ),
    (  # dates and holidays name no one
        "On Tuesday, the day after Election Day, turnout figures were released.",
        [],
    ),
    (  # a one-word "person" with no support is left out
        "The book discusses the history of Islam at length.",
        [],
    ),
    (  # a surname alone is a person once the full name is known, even as a modifier
        "Bernie Sanders spoke in Iowa. The Sanders campaign said it had raised $5 million.",
        [("Bernie Sanders", "PERSON"), ("Iowa", "GPE"), ("Sanders", "PERSON")],
    ),
    (  # a name used after "in" is a place
        "Protests spread in Ferguson overnight. Ferguson remained tense.",
        [("Ferguson", "GPE"), ("Ferguson", "GPE")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_names_real_sentences(nlp, text, expected):
    assert _names(nlp, text) == expected


def test_names_default_pipeline_has_no_entity_recogniser(nlp):
    assert "ner" not in quotelib.load_pipeline().pipe_names
    assert not nlp("Vladimir Putin said so.").has_annotation("ENT_IOB")


def test_names_surname_mistagged_as_common_noun():
    # "Donald Trump spoke . \n\n Trump said no ." with "Trump" tagged NN the second time.
    words = ["Donald", "Trump", "spoke", ".", "Trump", "said", "no", "."]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=[True, True, False, True, True, True, False, False],
        tags=["NNP", "NNP", "VBD", ".", "NN", "VBD", "UH", "."],
        heads=[1, 2, 2, 2, 5, 5, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
        sent_starts=[True, False, False, False, True, False, False, False],
    )
    assert [(s.text, s.label_, s.start) for s in find_names(DocView.build(doc))] == [
        ("Donald Trump", "PERSON", 0),
        ("Trump", "PERSON", 4),
    ]


def test_names_run_stops_at_a_line_break():
    words = ["Paris", "\n\n", "London", "Bridge"]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=[False, False, True, False],
        tags=["NNP", "_SP", "NNP", "NNP"],
        heads=[0, 0, 3, 3],
        deps=["ROOT", "dep", "compound", "ROOT"],
        sent_starts=[True, False, True, False],
    )
    assert [s.text for s in find_names(DocView.build(doc))] == ["Paris", "London Bridge"]


def test_names_strategies_parse_and_ner():
    # names="parse" reads the tagger and the parse; names="ner" the recogniser's entities.
    words = ["Widget", "Corp", "said", "it", "grew", "."]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=[True, True, True, True, False, False],
        tags=["NNP", "NNP", "VBD", "PRP", "VBD", "."],
        pos=["PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
    )
    assert [e.kind for e in find_entities(DocView.build(doc)).entities] == ["org"]
    with pytest.raises(ValueError, match="names='ner' needs a Doc with named entities"):
        find_entities(DocView.build(doc), "ner")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [e.kind for e in find_entities(DocView.build(doc), "ner").entities] == ["person"]
    assert [e.kind for e in find_entities(DocView.build(doc), "parse").entities] == ["org"]
    with pytest.raises(ValueError, match="'names' must be one of"):
        find_entities(DocView.build(doc), "spacy")


def test_names_resolution_without_ner_on_seed(seed):
    # The seed's pronoun and surname speakers resolve on the default (NER-free) pipeline.
    text, expected = seed
    found = {(q.speaker.text, q.speaker_name) for q in quotelib.extract_quotes(text)}
    assert ("He", "Vladimir Putin") in found
    assert ("Wang", "Wang Yi") in found


GLUED = [
    (  # a sentence-initial word of address, which the document writes in lower case too
        "word-of-address",
        'Jane came in from the garden. "Dearest Jane," said her mother, "my dearest girl, '
        'sit down." Jane sat down.',
        "Dearest Jane",
        "Jane",
    ),
    (  # a place just before the subject of the next clause
        "place-before-name",
        "Lydia stayed at home. Lydia asked about the officers in London. On his return "
        "from London Lydia came to ask for news.",
        "London Lydia",
        "Lydia",
    ),
    (  # a date word before the subject
        "date-before-name",
        "Kitty was ill in May. Kitty stayed in bed. By the middle of June Kitty was well.",
        "June Kitty",
        "Kitty",
    ),
]


@pytest.mark.parametrize("text, glued, name", [g[1:] for g in GLUED], ids=[g[0] for g in GLUED])
def test_names_start_at_the_name(nlp, text, glued, name):
    found = [span.text for span in find_names(DocView.build(nlp(text)))]
    assert glued not in found
    assert found.count(name) == text.count(name)


def test_names_a_first_name_used_again_stays_in_the_name(nlp):
    text = "Frank Churchill came. Frank Churchill smiled. Churchill was frank with them."
    found = [span.text for span in find_names(DocView.build(nlp(text)))]
    assert found.count("Frank Churchill") == 2

"""Addressees (quotelib.rules.addressee): the person a cue or a vocative says is spoken to.

Hand-built Docs for the rules on the parse (an object of "told", a "to" after "said",
a vocative, an object that is the content), then real shapes through the model and the
field carried through the records, the table and the page.
"""

from __future__ import annotations

import pytest

import quotelib
from quotelib.document.attribution import Attribution
from quotelib.records import Quote
from quotelib.render import render_article
from quotelib.rules.addressee import find_addressees
from tests.docs_by_hand import hand_view, span


def _addressee(text, rows, content, cue, cue_token, speaker):
    view = hand_view(text, rows)
    found = Attribution(
        parts=[span(text, content)],
        rule="verb",
        cue=span(text, cue),
        cue_token=cue_token,
        speaker=speaker,
    )
    [attribution] = find_addressees(view, [found])
    return None if attribution.addressee is None else view.doc[attribution.addressee].text


def test_addressee_object_of_told_by_hand():
    rows = [
        ("She", 1, "nsubj", "PRON", "PRP"),
        ("told", 1, "ROOT", "VERB", "VBD"),
        ("him", 1, "dative", "PRON", "PRP"),
        ("that", 5, "mark", "SCONJ", "IN"),
        ("we", 5, "nsubj", "PRON", "PRP"),
        ("won", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    text = "She told him that we won."
    assert _addressee(text, rows, "we won", "told", 1, 0) == "him"


def test_addressee_to_after_said_by_hand():
    rows = [
        ("He", 1, "nsubj", "PRON", "PRP"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("to", 1, "prep", "ADP", "IN"),
        ("his", 4, "poss", "PRON", "PRP$"),
        ("sister", 2, "pobj", "NOUN", "NN"),
        ("that", 7, "mark", "SCONJ", "IN"),
        ("we", 7, "nsubj", "PRON", "PRP"),
        ("won", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    text = "He said to his sister that we won."
    assert _addressee(text, rows, "we won", "said", 1, 0) == "sister"


def test_addressee_object_that_is_the_content_is_none_by_hand():
    rows = [
        ("He", 1, "nsubj", "PRON", "PRP"),
        ("asked", 1, "ROOT", "VERB", "VBD"),
        ("a", 3, "det", "DET", "DT"),
        ("question", 1, "dobj", "NOUN", "NN"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    text = "He asked a question."
    assert _addressee(text, rows, "a question", "asked", 1, 0) is None


VOCATIVE_ROWS = [
    ('"', 8, "punct", "PUNCT", "``"),
    ("Come", 8, "ccomp", "VERB", "VB"),
    ("here", 1, "advmod", "ADV", "RB"),
    (",", 1, "punct", "PUNCT", ","),
    ("Edward", 1, "npadvmod", "PROPN", "NNP"),
    (",", 1, "punct", "PUNCT", ","),
    ('"', 8, "punct", "PUNCT", "''"),
    ("she", 8, "nsubj", "PRON", "PRP"),
    ("said", 8, "ROOT", "VERB", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]


def test_addressee_vocative_in_the_quotation_by_hand():
    text = '"Come here, Edward," she said.'
    assert _addressee(text, VOCATIVE_ROWS, "Come here, Edward,", "said", 8, 7) == "Edward"


def test_addressee_vocative_naming_the_speaker_is_none_by_hand():
    text = '"Come here, Edward," she said.'
    assert _addressee(text, VOCATIVE_ROWS, "Come here, Edward,", "said", 8, 4) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Mr. Edward Leamer met Ms. Ann Lee. "Sit down," she told him.', ("him", "Edward Leamer")),
        ('"We will win," he said to his sister.', ("his sister", None)),
        ("Xi told reporters that ties were strong.", ("reporters", "reporters")),
        ('"You look pale, Edward," she said.', ("Edward", "Edward")),
        ("Xi Jinping arrived. Putin told Xi that ties were strong.", ("Xi", "Xi Jinping")),
        ("Putin said ties were strong.", (None, None)),
        ('He asked a question about the budget: "Where is the money?"', (None, None)),
        ("HOST: Good morning, Jane.\n\nGUEST: Good morning.", (None, None)),
    ],
    ids=[
        "told-him",
        "said-to-his-sister",
        "told-reporters",
        "vocative",
        "told-a-name",
        "none",
        "asked-a-question",
        "transcript",
    ],
)
def test_addressee_of_the_last_quote(text, expected):
    quote = quotelib.extract_quotes(text)[-1]
    addressee = None if quote.addressee is None else quote.addressee.text
    assert (addressee, quote.addressee_name) == expected
    if quote.addressee is not None:
        assert text[quote.addressee.start : quote.addressee.end] == quote.addressee.text


def test_addressee_unresolved_is_the_proper_name_as_written(nlp):
    doc = nlp("Xi Jinping arrived. Putin told Xi that ties were strong.")
    [quote] = quotelib.quotes_from_doc(doc, resolve=False)
    assert (quote.addressee.text, quote.addressee_name) == ("Xi", "Xi")
    doc = nlp('"We will win," he said to his sister.')
    [quote] = quotelib.quotes_from_doc(doc, resolve=False)
    assert (quote.addressee.text, quote.addressee_name) == ("his sister", None)


def test_addressee_carried_through_the_records():
    text = "Xi told reporters that ties were strong."
    [quote] = quotelib.extract_quotes(text)
    data = quote.to_dict()
    assert (data["addressee"], data["addressee_text"], data["addressee_name"]) == (
        [8, 17],
        "reporters",
        "reporters",
    )
    assert Quote.from_dict(data, text) == quote
    [row] = quotelib.to_records([quote])
    assert (row["addressee"], row["addressee_start"], row["addressee_end"]) == ("reporters", 8, 17)
    assert row["addressee_name"] == "reporters"
    assert "to <i>reporters</i>" in render_article(text, [quote])


def test_addressee_absent_from_older_dicts_reads_as_none():
    text = "Xi stated that ties are strong."
    [quote] = quotelib.extract_quotes(text)
    data = {k: v for k, v in quote.to_dict().items() if not k.startswith("addressee")}
    assert Quote.from_dict(data, text).addressee is None

"""Addressees resolved to entities (quotelib.entities.addressees), on a hand-built Doc with
entities set by hand (no model needed)."""

from __future__ import annotations

import attrs

from quotelib.document.attribution import Attribution
from quotelib.entities.addressees import resolve_addressees
from quotelib.entities.mentions import find_entities
from quotelib.entities.resolve import resolve_speakers
from tests.docs_by_hand import hand_view

# Neither name says its gender: only "She said" tells that Alex Kim is a woman.
TEXT = "Alex Kim met Sam Lee. She said talks ended. Sam Lee told her that ties were strong."
ROWS = [
    ("Alex", 1, "compound", "PROPN", "NNP"),
    ("Kim", 2, "nsubj", "PROPN", "NNP"),
    ("met", 2, "ROOT", "VERB", "VBD"),
    ("Sam", 4, "compound", "PROPN", "NNP"),
    ("Lee", 2, "dobj", "PROPN", "NNP"),
    (".", 2, "punct", "PUNCT", "."),
    ("She", 7, "nsubj", "PRON", "PRP"),
    ("said", 7, "ROOT", "VERB", "VBD"),
    ("talks", 9, "nsubj", "NOUN", "NNS"),
    ("ended", 7, "ccomp", "VERB", "VBD"),
    (".", 7, "punct", "PUNCT", "."),
    ("Sam", 12, "compound", "PROPN", "NNP"),
    ("Lee", 13, "nsubj", "PROPN", "NNP"),
    ("told", 13, "ROOT", "VERB", "VBD"),
    ("her", 13, "dobj", "PRON", "PRP"),
    ("that", 17, "mark", "SCONJ", "IN"),
    ("ties", 17, "nsubj", "NOUN", "NNS"),
    ("were", 13, "ccomp", "AUX", "VBD"),
    ("strong", 17, "acomp", "ADJ", "JJ"),
    (".", 13, "punct", "PUNCT", "."),
]
ATTRIBUTIONS = [
    Attribution(parts=[(31, 42)], rule="verb", speaker=6),
    Attribution(parts=[(66, 82)], rule="verb", speaker=12, addressee=14),
]


def test_addressees_start_from_the_genders_the_speakers_taught():
    view = hand_view(TEXT, ROWS, [(0, 2, "PERSON"), (3, 5, "PERSON"), (11, 13, "PERSON")])
    entities = find_entities(view, "ner")
    speakers = resolve_speakers(view, ATTRIBUTIONS, entities)
    assert [(s.name, s.how) for s in speakers.names] == [
        ("Alex Kim", "pronoun"),
        ("Sam Lee", "name"),
    ]
    assert speakers.genders == (("alex-kim", "female"),)
    [none, her] = resolve_addressees(view, ATTRIBUTIONS, entities, speakers)
    assert none is None
    assert (TEXT[slice(*her.mention)], her.name, her.key, her.how) == (
        "her",
        "Alex Kim",
        "alex-kim",
        "pronoun",
    )
    # Without the hand-over, "her" takes the subject of its own sentence, the speaker.
    forgetful = attrs.evolve(speakers, genders=())
    [_, her] = resolve_addressees(view, ATTRIBUTIONS, entities, forgetful)
    assert (her.name, her.how) == ("Sam Lee", "unresolved")

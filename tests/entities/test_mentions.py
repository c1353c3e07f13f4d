"""Name mentions grouped into entities (quotelib.entities.mentions.find_entities), on hand-built Docs
with entities set by hand (names="ner") or read off the tags (names="parse"); no model."""

from __future__ import annotations

import attrs
import pytest

from quotelib.entities.mentions import find_entities
from tests.docs_by_hand import hand_view, words_view


def _people(found):
    return [(e.name, e.gender, len(e.mentions)) for e in found.entities if e.kind == "person"]


XI = (
    "Xi Jinping met Putin. Xi said ties were strong.",
    [
        ("Xi", 1, "compound", "PROPN", "NNP"),
        ("Jinping", 2, "nsubj", "PROPN", "NNP"),
        ("met", 2, "ROOT", "VERB", "VBD"),
        ("Putin", 2, "dobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", "."),
        ("Xi", 6, "nsubj", "PROPN", "NNP"),
        ("said", 6, "ROOT", "VERB", "VBD"),
        ("ties", 8, "nsubj", "NOUN", "NNS"),
        ("were", 6, "ccomp", "AUX", "VBD"),
        ("strong", 8, "acomp", "ADJ", "JJ"),
        (".", 6, "punct", "PUNCT", "."),
    ],
    [(0, 2, "PERSON"), (3, 4, "PERSON"), (5, 6, "PERSON")],
)


@pytest.mark.parametrize("names", ["ner", "parse"])
def test_mentions_surname_joins_the_full_name(names):
    found = find_entities(hand_view(*XI), names)
    xi = found.by_token[5]
    assert (xi.name, xi.key, xi.kind) == ("Xi Jinping", "xi-jinping", "person")
    assert xi.mentions == ((0, 10), (22, 24))
    assert found.by_token[0] is xi and found.by_token[1] is xi


def test_mentions_entities_are_frozen():
    # A regression: the speaker resolver wrote ``entity.gender`` into the entities it read.
    found = find_entities(hand_view(*XI), "ner")
    xi = found.by_token[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        xi.gender = "male"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.entities = ()
    with pytest.raises(TypeError):
        found.by_token[2] = xi  # the lookup is read-only too
    assert isinstance(found.entities, tuple) and isinstance(xi.mentions, tuple)


def test_mentions_first_name_alone_keeps_the_surname():
    text = "Bill Clinton spoke. Bill smiled. Clinton agreed."
    ents = [(0, 2, "PERSON"), (4, 5, "PERSON"), (7, 8, "PERSON")]
    found = find_entities(words_view(text, ents), "ner")
    assert _people(found) == [("Bill Clinton", None, 3)]


def test_mentions_ner_keeps_every_entity_it_is_given():
    # The recogniser's one-word object "Putin" is a person; the tags alone do not say so.
    assert _people(find_entities(hand_view(*XI), "ner")) == [
        ("Xi Jinping", None, 2),
        ("Putin", None, 1),
    ]
    assert _people(find_entities(hand_view(*XI), "parse")) == [("Xi Jinping", None, 2)]


GROUPS = [
    (  # two people share a surname: the surname alone goes to the one named last
        "shared-surname-latest",
        "Bill Clinton met Hillary Clinton. Clinton said so.",
        [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "PERSON")],
        [("Bill Clinton", None, 1), ("Hillary Clinton", None, 2)],
    ),
    (  # titles are left out of the name and give the gender, which picks the person
        "gender-from-titles",
        "Mr. Bill Clinton met Ms. Hillary Clinton. Mr. Clinton said so.",
        [(0, 3, "PERSON"), (4, 7, "PERSON"), (8, 10, "PERSON")],
        [("Bill Clinton", "male", 2), ("Hillary Clinton", "female", 1)],
    ),
    (  # a title just before the entity counts too
        "title-before-entity",
        "Ms. Park met Mr. Lee.",
        [(1, 2, "PERSON"), (4, 5, "PERSON")],
        [("Park", "female", 1), ("Lee", "male", 1)],
    ),
    (  # a title that says nothing of gender
        "genderless-title",
        "President Xi Jinping spoke. President Xi agreed.",
        [(0, 3, "PERSON"), (5, 7, "PERSON")],
        [("Xi Jinping", None, 2)],
    ),
    (  # the recogniser took a known surname for an organisation
        "surname-tagged-org",
        "Wang Yi spoke. Wang agreed.",
        [(0, 2, "PERSON"), (4, 5, "ORG")],
        [("Wang Yi", None, 2)],
    ),
    (  # the same full name twice is one person; a new first name is another
        "same-full-name",
        "Wang Yi met Wang Wei. Wang Yi agreed.",
        [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")],
        [("Wang Yi", None, 2), ("Wang Wei", None, 1)],
    ),
]


@pytest.mark.parametrize("text, ents, people", [c[1:] for c in GROUPS], ids=[c[0] for c in GROUPS])
def test_mentions_people_grouped(text, ents, people):
    assert _people(find_entities(words_view(text, ents), "ner")) == people


ORGS = [
    ("full-then-acronym", "The United Nations met the UN.", [(1, 3, "ORG"), (5, 6, "ORG")]),
    ("acronym-then-full", "The UN met the United Nations.", [(1, 2, "ORG"), (4, 6, "ORG")]),
    ("the-inside-entity", "The United Nations met the UN.", [(0, 3, "ORG"), (4, 6, "ORG")]),
    ("dotted-acronym", "The United Nations met the U.N.", [(1, 3, "ORG"), (5, 6, "ORG")]),
]


@pytest.mark.parametrize("text, ents", [c[1:] for c in ORGS], ids=[c[0] for c in ORGS])
def test_mentions_organisation_and_its_acronym(text, ents):
    found = find_entities(words_view(text, ents), "ner")
    assert [(e.kind, e.name, e.key, len(e.mentions)) for e in found.entities] == [
        ("org", "United Nations", found.entities[0].key, 2)
    ]


def test_mentions_kinds_by_label():
    text = "Beijing and Democrats met Acme on Tuesday."
    ents = [(0, 1, "GPE"), (2, 3, "NORP"), (4, 5, "ORG"), (6, 7, "DATE")]
    found = find_entities(words_view(text, ents), "ner")
    assert [(e.name, e.kind) for e in found.entities] == [
        ("Beijing", "place"),
        ("Democrats", "place"),
        ("Acme", "org"),
    ]


ROLES = [
    (  # the role before the name
        "role-before",
        "Kremlin spokesman Dmitry Peskov spoke.",
        [
            ("Kremlin", 1, "compound", "PROPN", "NNP"),
            ("spokesman", 3, "compound", "NOUN", "NN"),
            ("Dmitry", 3, "compound", "PROPN", "NNP"),
            ("Peskov", 4, "nsubj", "PROPN", "NNP"),
            ("spoke", 4, "ROOT", "VERB", "VBD"),
            (".", 4, "punct", "PUNCT", "."),
        ],
        (2, 4),
        "male",  # "spokesman" is a title that says so
    ),
    (  # the role in an apposition
        "role-in-apposition",
        "Dmitry Peskov, the Kremlin spokesman, spoke.",
        [
            ("Dmitry", 1, "compound", "PROPN", "NNP"),
            ("Peskov", 7, "nsubj", "PROPN", "NNP"),
            (",", 1, "punct", "PUNCT", ","),
            ("the", 5, "det", "DET", "DT"),
            ("Kremlin", 5, "compound", "PROPN", "NNP"),
            ("spokesman", 1, "appos", "NOUN", "NN"),
            (",", 1, "punct", "PUNCT", ","),
            ("spoke", 7, "ROOT", "VERB", "VBD"),
            (".", 7, "punct", "PUNCT", "."),
        ],
        (0, 2),
        None,
    ),
]


@pytest.mark.parametrize(
    "text, rows, person, gender", [c[1:] for c in ROLES], ids=[c[0] for c in ROLES]
)
def test_mentions_roles(text, rows, person, gender):
    found = find_entities(hand_view(text, rows, [(*person, "PERSON")]), "ner")
    [peskov] = found.entities
    assert (peskov.name, peskov.roles, peskov.gender) == (
        "Dmitry Peskov",
        ("Kremlin spokesman",),
        gender,
    )

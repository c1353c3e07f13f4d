"""Speaker mentions resolved to entities (quotelib.entities.resolve), on hand-built Docs with entities
set by hand (no model needed). The same behaviours through the model: test_resolve.py."""

from __future__ import annotations

import attrs
import pytest

from quotelib.document.attribution import Attribution
from quotelib.entities.mentions import find_entities
from quotelib.entities.resolve import SpeakerResolver, resolve_speakers
from tests.docs_by_hand import hand_view


def _resolved(view, *speakers):
    """(mention as written, name, how, key) of each speaker token, resolved in one document."""
    attributions = [Attribution(parts=[(0, 1)], rule="verb", speaker=i) for i in speakers]
    found = resolve_speakers(view, attributions, find_entities(view, "ner")).names
    return [(view.text[slice(*s.mention)], s.name, s.how, s.key) for s in found]


def _said(start, subject="He", pos="PRON", tag="PRP"):
    """The rows of "<subject> said talks ended." whose first token is token ``start``."""
    return [
        (subject, start + 1, "nsubj", pos, tag),
        ("said", start + 1, "ROOT", "VERB", "VBD"),
        ("talks", start + 3, "nsubj", "NOUN", "NNS"),
        ("ended", start + 1, "ccomp", "VERB", "VBD"),
        (".", start + 1, "punct", "PUNCT", "."),
    ]


def _the_said(start, noun):
    """The rows of "The <noun> said talks ended." whose first token is token ``start``."""
    return [
        ("The", start + 1, "det", "DET", "DT"),
        (noun, start + 2, "nsubj", "NOUN", "NNS" if noun.endswith("s") else "NN"),
        ("said", start + 2, "ROOT", "VERB", "VBD"),
        ("talks", start + 4, "nsubj", "NOUN", "NNS"),
        ("ended", start + 2, "ccomp", "VERB", "VBD"),
        (".", start + 2, "punct", "PUNCT", "."),
    ]


def test_resolve_pronoun_to_the_subject_of_the_previous_sentence():
    # "Xi" comes first, but "Putin" is the subject.
    text = "Addressing Xi, Putin praised ties. He said talks ended."
    rows = [
        ("Addressing", 4, "advcl", "VERB", "VBG"),
        ("Xi", 0, "dobj", "PROPN", "NNP"),
        (",", 4, "punct", "PUNCT", ","),
        ("Putin", 4, "nsubj", "PROPN", "NNP"),
        ("praised", 4, "ROOT", "VERB", "VBD"),
        ("ties", 4, "dobj", "NOUN", "NNS"),
        (".", 4, "punct", "PUNCT", "."),
        *_said(7),
    ]
    view = hand_view(text, rows, [(1, 2, "PERSON"), (3, 4, "PERSON")])
    assert _resolved(view, 7) == [("He", "Putin", "pronoun", "putin")]


def _putin_met_the_un(pronoun):
    """The view of "Putin met the UN. <pronoun> said talks ended." (no gender for Putin)."""
    rows = [
        ("Putin", 1, "nsubj", "PROPN", "NNP"),
        ("met", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("UN", 1, "dobj", "PROPN", "NNP"),
        (".", 1, "punct", "PUNCT", "."),
        *_said(5, pronoun),
    ]
    text = f"Putin met the UN. {pronoun} said talks ended."
    return hand_view(text, rows, [(0, 1, "PERSON"), (3, 4, "ORG")])


def test_resolve_learns_a_gender_without_changing_the_entities():
    # A regression: "He" resolved to Putin wrote "male" into Putin's entity; what the
    # resolver learns is its own, handed over with the names.
    view = _putin_met_the_un("He")
    entities = find_entities(view, "ner")
    before = [attrs.astuple(e, recurse=False) for e in entities.entities]
    tokens = dict(entities.by_token)
    resolved = resolve_speakers(
        view, [Attribution(parts=[(0, 1)], rule="verb", speaker=5)], entities
    )
    assert [s.name for s in resolved.names] == ["Putin"]
    assert resolved.genders == (("putin", "male"),)
    assert [attrs.astuple(e, recurse=False) for e in entities.entities] == before
    assert dict(entities.by_token) == tokens and entities.by_token[0].gender is None


def test_resolve_resolver_gender_is_what_it_was_given_or_learned():
    view = _putin_met_the_un("She")
    entities = find_entities(view, "ner")
    putin = entities.by_token[0]
    # Told that Putin is a man, the resolver gives "She" no antecedent.
    told = SpeakerResolver(view, entities, [("putin", "male")])
    assert told.gender(putin) == "male"
    assert told.resolve(view.doc[5])[1].how == "unresolved"
    fresh = SpeakerResolver(view, entities)
    assert fresh.gender(putin) is None
    assert fresh.resolve(view.doc[5])[1].name == "Putin"
    assert (fresh.gender(putin), fresh.genders) == ("female", (("putin", "female"),))


@pytest.mark.parametrize("pronoun, name", [("She", "Merkel"), ("He", "Putin")])
def test_resolve_pronoun_needs_a_compatible_gender(pronoun, name):
    text = f"Mr. Putin met Ms. Merkel. {pronoun} said talks ended."
    rows = [
        ("Mr.", 1, "compound", "PROPN", "NNP"),
        ("Putin", 2, "nsubj", "PROPN", "NNP"),
        ("met", 2, "ROOT", "VERB", "VBD"),
        ("Ms.", 4, "compound", "PROPN", "NNP"),
        ("Merkel", 2, "dobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", "."),
        *_said(6, pronoun),
    ]
    view = hand_view(text, rows, [(0, 2, "PERSON"), (3, 5, "PERSON")])
    assert _resolved(view, 6) == [(pronoun, name, "pronoun", name.lower())]


def test_resolve_they_to_an_organisation_not_a_person():
    # The subject "Putin" comes first, but "they" is no person.
    text = "Putin met the UN. They said talks ended."
    rows = [
        ("Putin", 1, "nsubj", "PROPN", "NNP"),
        ("met", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("UN", 1, "dobj", "PROPN", "NNP"),
        (".", 1, "punct", "PUNCT", "."),
        *_said(5, "They"),
    ]
    view = hand_view(text, rows, [(0, 1, "PERSON"), (3, 4, "ORG")])
    assert _resolved(view, 5) == [("They", "UN", "pronoun", "un")]


def test_resolve_relative_pronoun_to_its_antecedent():
    text = "Putin, who said talks ended, left."
    rows = [
        ("Putin", 7, "nsubj", "PROPN", "NNP"),
        (",", 0, "punct", "PUNCT", ","),
        ("who", 3, "nsubj", "PRON", "WP"),
        ("said", 0, "relcl", "VERB", "VBD"),
        ("talks", 5, "nsubj", "NOUN", "NNS"),
        ("ended", 3, "ccomp", "VERB", "VBD"),
        (",", 0, "punct", "PUNCT", ","),
        ("left", 7, "ROOT", "VERB", "VBD"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows, [(0, 1, "PERSON")])
    assert _resolved(view, 2) == [("who", "Putin", "pronoun", "putin")]


PESKOV = (
    "Kremlin spokesman Dmitry Peskov spoke. ",
    [
        ("Kremlin", 1, "compound", "PROPN", "NNP"),
        ("spokesman", 3, "compound", "NOUN", "NN"),
        ("Dmitry", 3, "compound", "PROPN", "NNP"),
        ("Peskov", 4, "nsubj", "PROPN", "NNP"),
        ("spoke", 4, "ROOT", "VERB", "VBD"),
        (".", 4, "punct", "PUNCT", "."),
    ],
)


def test_resolve_role_noun_to_the_person_introduced_with_it():
    text = PESKOV[0] + "The spokesman said talks ended."
    view = hand_view(text, [*PESKOV[1], *_the_said(6, "spokesman")], [(2, 4, "PERSON")])
    assert _resolved(view, 7) == [("The spokesman", "Dmitry Peskov", "role", "dmitry-peskov")]


def test_resolve_role_noun_with_another_modifier_is_someone_else():
    text = PESKOV[0] + "The Pentagon spokesman said talks ended."
    rows = [
        *PESKOV[1],
        ("The", 8, "det", "DET", "DT"),
        ("Pentagon", 8, "compound", "PROPN", "NNP"),
        ("spokesman", 9, "nsubj", "NOUN", "NN"),
        ("said", 9, "ROOT", "VERB", "VBD"),
        ("talks", 11, "nsubj", "NOUN", "NNS"),
        ("ended", 9, "ccomp", "VERB", "VBD"),
        (".", 9, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows, [(2, 4, "PERSON")])
    assert _resolved(view, 8) == [
        ("The Pentagon spokesman", "The Pentagon spokesman", "unresolved", "unresolved-1")
    ]


@pytest.mark.parametrize(
    "text, rows, speaker, expected",
    [
        ("Officials said talks ended.", _said(0, "Officials", "NOUN", "NNS"), 0, "Officials"),
        ("The officials said talks ended.", _the_said(0, "officials"), 1, "officials"),
    ],
    ids=["bare", "with-determiner"],
)
def test_resolve_anonymous_source(text, rows, speaker, expected):
    [(mention, name, how, key)] = _resolved(hand_view(text, rows), speaker)
    assert (name, how, key) == (expected, "anonymous", "officials")


def test_resolve_unresolved_numbered_in_text_order():
    text = "The man said talks ended. The woman said talks ended."
    view = hand_view(text, [*_the_said(0, "man"), *_the_said(6, "woman")])
    # The attributions in reverse order: the numbers follow the text, the list its input.
    assert _resolved(view, 7, 1) == [
        ("The woman", "The woman", "unresolved", "unresolved-2"),
        ("The man", "The man", "unresolved", "unresolved-1"),
    ]


NEW_PARAGRAPH = [
    (  # two people before the break and no speaker among them: no evidence
        "two-people",
        "Putin met Xi.\n\n",
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP"),
            ("met", 1, "ROOT", "VERB", "VBD"),
            ("Xi", 1, "dobj", "PROPN", "NNP"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        [(0, 1, "PERSON"), (2, 3, "PERSON")],
        [],
        ("He", "unresolved", "unresolved-1"),
    ),
    (  # the only person of the previous paragraph
        "one-person",
        "Putin spoke.\n\n",
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP"),
            ("spoke", 1, "ROOT", "VERB", "VBD"),
            (".", 1, "punct", "PUNCT", "."),
        ],
        [(0, 1, "PERSON")],
        [],
        ("Putin", "pronoun", "putin"),
    ),
    (  # the previous paragraph's speaker, though it names two people
        "previous-speaker",
        "Putin said talks ended. Xi left.\n\n",
        [
            *_said(0, "Putin", "PROPN", "NNP"),
            ("Xi", 6, "nsubj", "PROPN", "NNP"),
            ("left", 6, "ROOT", "VERB", "VBD"),
            (".", 6, "punct", "PUNCT", "."),
        ],
        [(0, 1, "PERSON"), (5, 6, "PERSON")],
        [0],
        ("Putin", "pronoun", "putin"),
    ),
]


@pytest.mark.parametrize(
    "before, rows, ents, speakers, expected",
    [c[1:] for c in NEW_PARAGRAPH],
    ids=[c[0] for c in NEW_PARAGRAPH],
)
def test_resolve_pronoun_opening_a_paragraph_only_on_evidence(
    before, rows, ents, speakers, expected
):
    text = before + "He said talks ended."
    n = len(rows)
    rows = [*rows, ("\n\n", n - 1, "dep", "SPACE", "_SP"), *_said(n + 1)]
    view = hand_view(text, rows, ents)
    *_, (mention, name, how, key) = _resolved(view, *speakers, n + 1)
    assert (mention, name, how, key) == ("He", *expected)


def test_resolve_joint_source():
    text = "Xi and Putin said talks ended."
    rows = [
        ("Xi", 3, "nsubj", "PROPN", "NNP"),
        ("and", 0, "cc", "CCONJ", "CC"),
        ("Putin", 0, "conj", "PROPN", "NNP"),
        ("said", 3, "ROOT", "VERB", "VBD"),
        ("talks", 5, "nsubj", "NOUN", "NNS"),
        ("ended", 3, "ccomp", "VERB", "VBD"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    view = hand_view(text, rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert _resolved(view, 0) == [("Xi and Putin", "Xi and Putin", "name", "xi+putin")]


def test_resolve_resolver_surname_the_recogniser_missed():
    text = "Wang Yi met Shoigu. Wang said talks ended."
    rows = [
        ("Wang", 1, "compound", "PROPN", "NNP"),
        ("Yi", 2, "nsubj", "PROPN", "NNP"),
        ("met", 2, "ROOT", "VERB", "VBD"),
        ("Shoigu", 2, "dobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", "."),
        *_said(5, "Wang", "PROPN", "NNP"),
    ]
    view = hand_view(text, rows, [(0, 2, "PERSON"), (3, 4, "PERSON")])
    resolver = SpeakerResolver(view, find_entities(view, "ner"))
    mention, resolution = resolver.resolve(view.doc[5])
    assert (mention.text, resolution.name, resolution.how, resolution.key) == (
        "Wang",
        "Wang Yi",
        "surname",
        "wang-yi",
    )
    # A resolved speaker is remembered: a later pronoun opening a paragraph may take it.
    assert [entity.name for _, entity in resolver.speakers] == ["Wang Yi"]


def test_resolve_pronoun_without_antecedent_is_unresolved():
    view = hand_view("He said talks ended.", _said(0))
    assert _resolved(view, 0) == [("He", "He", "unresolved", "unresolved-1")]

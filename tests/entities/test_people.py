"""Which person a name mention names (quotelib.entities.people): titles and gender keep apart
the people a surname names. Unit tests of the matcher, then invented passages through the model."""

from __future__ import annotations

import attrs
import pytest

from quotelib.document.view import DocView
from quotelib.entities.mentions import find_entities
from quotelib.entities.people import NameForm, compatible_classes, match_person, title_class


@attrs.define
class _Person:
    first: str | None
    last: str | None
    gender: str | None = None
    classes: set = attrs.Factory(set)
    forms: set = attrs.Factory(set)
    familiar: bool = True


@pytest.mark.parametrize(
    "titles, expected",
    [
        (["mr."], "male"),
        (["captain"], "male"),
        (["mrs."], "married"),
        (["miss"], "unmarried"),
        (["lady"], "female"),
        (["dr."], None),
        ([], None),
    ],
)
def test_people_title_class(titles, expected):
    assert title_class(titles) == expected


def test_people_title_classes_that_cannot_be_one_person():
    assert not compatible_classes("male", "female")
    assert not compatible_classes("married", "unmarried")
    assert compatible_classes("female", "married") and compatible_classes(None, "male")


def test_people_a_title_and_surname_name_who_was_called_so_before():
    miss_bennet = _Person(None, "Bennet", "female", {"unmarried"}, {("unmarried", "Bennet")})
    lizzy = _Person("Elizabeth", "Bennet", "female", {"unmarried"})
    mother = _Person(None, "Bennet", "female", {"married"}, {("married", "Bennet")})
    people = [lizzy, miss_bennet, mother]  # the most recent first
    assert match_person(NameForm(titles=("miss",), words=("Bennet",)), people) is miss_bennet
    assert match_person(NameForm(titles=("mrs.",), words=("Bennet",)), people) is mother


def test_people_mrs_names_a_woman_of_a_news_report_not_one_called_by_her_first_name():
    hillary = _Person("Hillary", "Clinton", "female", familiar=False)
    lizzy = _Person("Elizabeth", "Bennet", "female", familiar=True)
    assert match_person(NameForm(titles=("mrs.",), words=("Clinton",)), [hillary]) is hillary
    assert match_person(NameForm(titles=("mrs.",), words=("Bennet",)), [lizzy]) is None


def test_people_a_mans_title_never_names_a_woman():
    georgiana = _Person("Georgiana", "Darcy", "female", {"unmarried"})
    assert match_person(NameForm(titles=("mr.",), words=("Darcy",)), [georgiana]) is None


def _people(nlp, text):
    """(name, gender, sorted mention texts) of each person of ``text``."""
    found = find_entities(DocView.build(nlp(text)))
    return [
        (e.name, e.gender, sorted(" ".join(text[s:x].split()) for s, x in e.mentions))
        for e in found.entities
        if e.kind == "person"
    ]


PASSAGES = [
    (  # a father and a daughter who share a surname stay two people
        "father-and-daughter",
        "Mr. Harlow came home at six. Clara Harlow was reading by the fire, and she did not "
        "look up. Mr. Harlow took off his coat. Clara Harlow closed her book.",
        [
            ("Harlow", "male", ["Mr. Harlow", "Mr. Harlow"]),
            ("Clara Harlow", "female", ["Clara Harlow", "Clara Harlow"]),
        ],
    ),
    (  # "Mr. and Mrs. Dale" names Mr. Dale too; the wife is not the husband
        "mr-and-mrs",
        "Mr. and Mrs. Dale came to dinner on Sunday. Mrs. Dale wore her blue dress, and "
        "Mr. Dale talked about his horses all evening.",
        [
            ("Dale", "male", ["Mr.", "Mr. Dale"]),
            ("Dale", "female", ["Mrs. Dale", "Mrs. Dale"]),
        ],
    ),
    (  # "Mrs. Grey" is no daughter; "Miss Grey" and "Miss Lucy Grey" are two daughters
        "miss-x-and-miss-y-x",
        "Mrs. Grey sat with her two daughters. Miss Grey was the elder, and she played the "
        "piano. Miss Lucy Grey was the younger, and she sang. Miss Grey smiled at her sister.",
        [
            ("Grey", "female", ["Mrs. Grey"]),
            ("Grey", "female", ["Miss Grey", "Miss Grey"]),
            ("Lucy Grey", "female", ["Miss Lucy Grey"]),
        ],
    ),
    (  # a mother is not the daughter the text named first (and calls by her first name),
        # even if no text says so
        "mrs-x-is-not-y-x",
        "Elizabeth Bennet walked to the house. Elizabeth found her mother there. Mrs. Bennet "
        "was talking of the ball, and she would not stop.",
        [
            ("Elizabeth Bennet", "female", ["Elizabeth", "Elizabeth Bennet"]),
            ("Bennet", "female", ["Mrs. Bennet"]),
        ],
    ),
]


@pytest.mark.parametrize("text, people", [p[1:] for p in PASSAGES], ids=[p[0] for p in PASSAGES])
def test_people_titles_keep_a_family_apart(nlp, text, people):
    assert sorted(_people(nlp, text)) == sorted(people)


def test_people_mr_darcy_never_resolves_to_miss_georgiana_darcy(nlp):
    text = (
        "Mr. Darcy arrived with his sister. Miss Georgiana Darcy was shy, and she said little. "
        "Mr. Darcy spoke for her."
    )
    people = _people(nlp, text)
    assert ("Darcy", "male", ["Mr. Darcy", "Mr. Darcy"]) in people
    assert ("Georgiana Darcy", "female", ["Miss Georgiana Darcy"]) in people


def test_people_a_surname_alone_goes_to_the_person_of_its_gender(nlp):
    # "Darcy ... his" is the man, though his sister was named last.
    text = (
        "Mr. Darcy came in. Georgiana Darcy followed him. Darcy took off his hat, and "
        "Darcy sat down with his friends."
    )
    people = dict((name, mentions) for name, _, mentions in _people(nlp, text))
    assert people["Darcy"] == ["Darcy", "Darcy", "Mr. Darcy"]
    assert people["Georgiana Darcy"] == ["Georgiana Darcy"]

"""quotelib.corpus.index: people and quote groups of the golden corpus, in any order or split."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.records import DocumentSpeaker, NamedSpeaker
from tests.corpus.golden import WIRE, index_of, said

#: key -> (name, kind, aliases, quotes, documents, by_kind, gender, gender_evidence)
PEOPLE = {
    "vladimir-putin": (
        "Vladimir Putin",
        "named",
        ["Putin", "Vladimir Putin"],
        12,
        6,
        {"direct": 6, "indirect": 6},
        "male",
        {"he": 3, "Mr.": 1},
    ),
    "elena-marsh": (
        "Elena Marsh",
        "named",
        ["Elena Marsh"],
        6,
        2,
        {"direct": 2, "indirect": 4},
        "female",
        {"she": 2, "Ms.": 1},
    ),
    "hillary-clinton": (
        "Hillary Clinton",
        "named",
        ["Hillary Clinton"],
        3,
        1,
        {"direct": 1, "indirect": 2},
        "female",
        {"Mrs.": 1, "she": 1},
    ),
    "bill-clinton": (
        "Bill Clinton",
        "named",
        ["Bill Clinton"],
        2,
        1,
        {"direct": 1, "indirect": 1},
        "male",
        {"Mr.": 1},
    ),
    "clinton?": ("Clinton", "ambiguous", ["Clinton"], 1, 1, {"direct": 1}, "unknown", {}),
    "tribune-03#unresolved-1": ("he", "unresolved", ["he"], 1, 1, {"direct": 1}, "male", {"he": 1}),
}
#: The anonymous officials: one key per document, never merged ("official" twice).
OFFICIALS = [
    "courier-01#government-official",
    "courier-03#city-official",
    "gazette-02#regional-official",
    "herald-01#senior-official",
    "herald-02#official",
    "tribune-01#campaign-official",
    "tribune-03#official",
]


def test_index_golden_people(answers):
    people = {p.key: p for p in index_of(answers).people()}
    assert sorted(people) == sorted([*PEOPLE, *OFFICIALS])
    for key, (name, kind, aliases, quotes, docs, by_kind, gender, evidence) in PEOPLE.items():
        person = people[key]
        got = (person.name, person.kind, list(person.aliases), person.quotes, person.documents)
        assert got == (name, kind, aliases, quotes, docs), key
        assert (person.by_kind, person.gender, person.gender_evidence) == (
            by_kind,
            gender,
            evidence,
        )
    assert people["clinton?"].candidates == ("bill-clinton", "hillary-clinton")
    assert all(people[key].kind == "anonymous" and people[key].quotes == 1 for key in OFFICIALS)
    assert [p.key for p in index_of(answers).people()][:3] == [
        "vladimir-putin",
        "elena-marsh",
        "hillary-clinton",
    ]


def test_index_golden_groups(answers):
    [wire] = index_of(answers, date_field="date").groups()
    assert [list(m) for m in wire.members] == WIRE
    assert wire.speaker == "vladimir-putin" and wire.documents == 5
    assert wire.earliest == ("gazette-01", "2024-03-03")
    assert wire.text.startswith("We will not let the gas pipeline project fail")
    sanctions = answers[8]["quotes"][1]["content_text"]  # opens the same way, says else
    assert sanctions.startswith("We will not let the sanctions")
    assert ["gazette-03", 1] not in WIRE


def test_index_group_by_counts_per_value(answers):
    people = index_of(answers, group_by="outlet").people()
    putin = {p.group: p.quotes for p in people if p.key == "vladimir-putin"}
    assert putin == {"Gazette": 7, "Herald": 4, "Courier": 1}


def test_index_order_of_documents_does_not_matter(answers):
    expected = index_of(answers, date_field="date")
    shuffled = list(answers)
    random.Random(7).shuffle(shuffled)
    again = index_of(shuffled, date_field="date")
    assert again.people() == expected.people()
    assert again.groups() == expected.groups()


def test_index_merge_of_parts_equals_the_whole(answers):
    whole = index_of(answers, date_field="date")
    merged = index_of(answers[7:], date_field="date").merge(
        index_of(answers[:7], date_field="date")
    )
    assert (merged.people(), merged.groups()) == (whole.people(), whole.groups())
    with pytest.raises(ValueError, match="cannot merge an index by group_by='outlet'"):
        whole.merge(CorpusIndex(group_by="outlet"))


@pytest.mark.parametrize(
    "bad, reason",
    [
        ({"id": "x", "error": "cannot read x"}, "is an error: cannot read x"),
        (
            {"id": "y", "quotes": [{"kind": "shouted", "content_text": "Hi"}]},
            "'kind' must be one of",
        ),
        ({"id": "z", "quotes": [{"kind": "direct"}]}, "'content_text' must be a str"),
        ({"id": "w", "quotes": "none"}, "has no 'quotes' list"),
        (["not", "an", "object"], "must be a JSON object"),
    ],
    ids=["error-answer", "bad-kind", "no-content", "quotes-not-list", "array"],
)
def test_index_bad_answer_is_skipped_and_named(answers, bad, reason):
    index = index_of(answers[:2])
    assert not index.add_answer(bad, "line 3 of out.jsonl")
    [problem] = index.skipped
    assert problem.startswith("line 3 of out.jsonl") and reason in problem
    assert index.people() == index_of(answers[:2]).people()  # the good ones all counted


def test_index_by_cue_class_counted_only_when_quotes_carry_one():
    index = CorpusIndex()
    index.add("d1", [said("Ann Lee", cue_class="speech"), said("Ann Lee", cue_class="belief")])
    index.add("d2", [said("Lee", cue_class="speech"), said("Tom Fry")])
    lee, fry = index.people()
    assert (lee.key, lee.quotes, lee.by_cue_class) == ("ann-lee", 3, {"belief": 1, "speech": 2})
    assert (fry.key, fry.by_cue_class) == ("tom-fry", None)


def test_index_unresolved_pronouns_never_merged_across_documents():
    index = CorpusIndex()
    index.add("d1", [said("He", how="unresolved", speaker_id="unresolved-1")])
    index.add("d2", [said("She", how="unresolved", speaker_id="unresolved-1")])
    people = {p.key: p for p in index.people()}
    assert sorted(people) == ["d1#unresolved-1", "d2#unresolved-1"]
    assert (people["d1#unresolved-1"].gender, people["d2#unresolved-1"].gender) == (
        "male",
        "female",
    )


def test_index_person_keys_are_named_records():
    index = CorpusIndex()
    index.add("d1", [said("Senator Ann Lee"), said("an official", how="anonymous")])
    index.add("d2", [said("Lee", kind="direct", content_text="The plan was sound.")])
    keys = index.person_keys()
    official = DocumentSpeaker(doc_ref="d1", local="an-official", kind="anonymous")
    assert keys[NamedSpeaker(name=("ann", "lee"))].key == "ann-lee"
    assert keys[NamedSpeaker(name=("lee",))].key == "ann-lee"
    assert (keys[official].key, keys[official].candidates) == ("d1#an-official", ())


def test_index_speaker_named_by_its_mention_when_it_has_no_name():
    index = CorpusIndex()
    index.add("d1", [said("an aide", how="anonymous", speaker_name=None, speaker_id="aide")])
    index.add("d2", [said("x", how="unresolved", speaker_name=None, speaker_text=None)])
    aide, unknown = index.people()
    assert (aide.key, aide.name, aide.kind) == ("d1#aide", "an aide", "anonymous")
    assert (unknown.key, unknown.name, unknown.kind) == ("d2#x", "x", "unresolved")


_NAMES = ["Ann Lee", "Lee", "Tom Lee", "Mr. Fry", "Tom Fry", "She", "an official"]
_HOW = {"She": "unresolved", "an official": "anonymous"}
_TEXTS = [
    "We will keep the hospital open for as long as it takes.",
    "[we] will keep the hospital open for as long as it takes",
    "The bridge will reopen in May after the repairs are done.",
]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_TEXTS)), max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
    st.integers(min_value=1, max_value=5),
)
def test_index_any_order_and_split_gives_the_same_index(documents, rng, cut):
    def quotes(words):
        return [
            said(name, how=_HOW.get(name, "name"), kind="direct", content_text=text)
            for name, text in words
        ]

    whole = CorpusIndex()
    for number, words in enumerate(documents):
        whole.add(f"d{number}", quotes(words))
    order = list(enumerate(documents))
    rng.shuffle(order)
    parts = [CorpusIndex(), CorpusIndex()]
    for position, (number, words) in enumerate(order):
        parts[position < cut].add(f"d{number}", quotes(words))
    merged = parts[0].merge(parts[1])
    assert merged.people() == whole.people()
    assert merged.groups() == whole.groups()

"""quotelib.corpus.people: the people table made of counts handed over as values."""

from __future__ import annotations

from collections import Counter

from quotelib.corpus.names import NameKey
from quotelib.corpus.people import people
from quotelib.corpus.records import DocumentSpeaker, NamedSpeaker, Tally


def test_people_merged_by_key_per_group_from_plain_counts():
    full, short = NamedSpeaker(name=("ann", "lee")), NamedSpeaker(name=("lee",))
    clinton = NamedSpeaker(name=("clinton",))
    she = DocumentSpeaker(doc_ref="d3", local="unresolved-1", kind="unresolved")
    tallies = {
        (full, "Herald"): Tally(quotes=2, documents={"d1"}, by_kind=Counter(direct=2)),
        (short, "Herald"): Tally(quotes=1, documents={"d2"}, by_kind=Counter(indirect=1)),
        (short, "Courier"): Tally(quotes=1, documents={"d4"}, by_kind=Counter(mixed=1)),
        (clinton, "Courier"): Tally(quotes=1, documents={"d4"}, by_kind=Counter(direct=1)),
        (she, "Courier"): Tally(quotes=1, documents={"d3"}, by_kind=Counter(direct=1)),
    }
    names = {
        full: Counter({"Ann Lee": 2}),
        short: Counter({"Lee": 2}),
        clinton: Counter({"Clinton": 1}),
        she: Counter({"she": 1}),
    }
    gender = {full: Counter({"Ms.": 1}), short: Counter({"she": 1}), she: Counter({"she": 1})}
    keys = {
        full: NameKey(key="ann-lee"),
        short: NameKey(key="ann-lee"),
        clinton: NameKey(key="clinton?", candidates=("bill-clinton", "hillary-clinton")),
        she: NameKey(key=she.key),
    }
    found = [
        (p.key, p.group, p.name, p.kind, p.quotes, p.documents, p.gender)
        for p in people(tallies, names, gender, keys)
    ]
    assert found == [
        ("ann-lee", "Herald", "Ann Lee", "named", 3, 2, "female"),
        ("ann-lee", "Courier", "Ann Lee", "named", 1, 1, "female"),
        ("clinton?", "Courier", "Clinton", "ambiguous", 1, 1, "unknown"),
        ("d3#unresolved-1", "Courier", "she", "unresolved", 1, 1, "female"),
    ]
    [herald, *_] = people(tallies, names, gender, keys)
    assert herald.aliases == ("Ann Lee", "Lee") and herald.by_kind == {"direct": 2, "indirect": 1}
    assert herald.gender_evidence == {"Ms.": 1, "she": 1}


def test_people_leave_the_counts_they_are_given_unchanged():
    lee = NamedSpeaker(name=("lee",))
    tally = Tally(quotes=1, documents={"d1"}, by_kind=Counter(direct=1))
    people({(lee, None): tally}, {lee: Counter({"Lee": 1})}, {}, {lee: NameKey(key="lee")})
    people({(lee, None): tally}, {lee: Counter({"Lee": 1})}, {}, {lee: NameKey(key="lee")})
    assert tally == Tally(quotes=1, documents={"d1"}, by_kind=Counter(direct=1))

"""The people of the corpus: the counts of a :class:`~quotelib.corpus.CorpusIndex` merged by key.

Separate from :mod:`quotelib.corpus.index` so that the index (what is kept
while reading) and the table made of it at the end read apart: the index
hands its counts here as values.

Examples:
    >>> from collections import Counter
    >>> from quotelib.corpus.names import NameKey
    >>> from quotelib.corpus.records import NamedSpeaker, Tally
    >>> full, short = NamedSpeaker(name=("ann", "lee")), NamedSpeaker(name=("lee",))
    >>> tallies = {(full, None): Tally(quotes=2, documents={"d1"}, by_kind=Counter(direct=2)),
    ...            (short, None): Tally(quotes=1, documents={"d2"}, by_kind=Counter(indirect=1))}
    >>> names = {full: Counter({"Ann Lee": 2}), short: Counter({"Lee": 1})}
    >>> keys = {full: NameKey(key="ann-lee"), short: NameKey(key="ann-lee")}
    >>> [lee] = people(tallies, names, {short: Counter({"Ms.": 1})}, keys)
    >>> lee.key, lee.name, lee.aliases, lee.quotes, lee.documents, lee.gender
    ('ann-lee', 'Ann Lee', ('Ann Lee', 'Lee'), 3, 2, 'female')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs

from quotelib.corpus.names import NameKey
from quotelib.corpus.records import NamedSpeaker, Person, Speaker, Tally, gender_label

__all__ = ["people"]


@attrs.define
class _About:
    """What the speakers of one key say of the person: names, full names, gendered words."""

    names: Counter = attrs.Factory(Counter)
    full: Counter = attrs.Factory(Counter)
    gender: Counter = attrs.Factory(Counter)
    candidates: tuple[str, ...] = ()
    kind: str = "named"


def people(
    tallies: Mapping[tuple[Speaker, Any], Tally],
    names: Mapping[Speaker, Counter],
    gender: Mapping[Speaker, Counter],
    keys: Mapping[Speaker, NameKey],
) -> list[Person]:
    """One :class:`Person` per key (per key and group value with ``group_by``), most quoted first.

    Args:
        tallies: the counts of each speaker and group value (``None`` without ``group_by``).
        names: the names each speaker is given, counted.
        gender: the gendered words of each speaker's mentions, counted.
        keys: each speaker's key across the corpus.
    """
    merged: dict[tuple[str, Any], Tally] = {}
    for (speaker, group), tally in tallies.items():
        merged.setdefault((keys[speaker].key, group), Tally()).merge(tally)
    about: dict[str, _About] = {}
    for speaker, counts in names.items():
        found = keys[speaker]
        entry = about.setdefault(found.key, _About())
        entry.names.update(counts)
        if isinstance(speaker, NamedSpeaker) and len(speaker.name) > 1:
            entry.full.update(counts)
        entry.gender.update(gender.get(speaker, ()))
        entry.candidates = found.candidates
        entry.kind = _kind(speaker, found)
    found = [_person(key, group, tally, about[key]) for (key, group), tally in merged.items()]
    return sorted(found, key=lambda p: (-p.quotes, p.key, _order(p.group)))


def _kind(speaker: Speaker, key: NameKey) -> str:
    if isinstance(speaker, NamedSpeaker):
        return "ambiguous" if key.candidates else "named"
    return speaker.kind


def _person(key: str, group: Any, tally: Tally, about: _About) -> Person:
    names = about.full or about.names
    name = min(names, key=lambda n: (-names[n], n))
    evidence = dict(sorted(about.gender.items(), key=lambda item: (-item[1], item[0])))
    return Person(
        key=key,
        name=name,
        kind=about.kind,
        aliases=tuple(sorted(about.names)),
        quotes=tally.quotes,
        documents=len(tally.documents),
        by_kind={kind: n for kind, n in sorted(tally.by_kind.items())},
        by_cue_class=dict(sorted(tally.by_cue_class.items())) or None,
        gender=gender_label(evidence),
        gender_evidence=evidence,
        candidates=about.candidates,
        group=group,
    )


def _order(value: Any) -> tuple[int, str]:
    return (0, "") if value is None else (1, str(value))

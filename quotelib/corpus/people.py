"""The people of a :class:`~quotelib.corpus.CorpusIndex`: its counts merged by person key.

Separate from :mod:`quotelib.corpus` so that the index (what is kept while
reading) and the table made of it at the end read apart.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from quotelib.corpus.index import Person, gender_label

if TYPE_CHECKING:
    from quotelib.corpus.index import CorpusIndex

__all__ = ["people"]


def people(index: CorpusIndex, keys: dict[tuple, tuple[str, tuple[str, ...]]]) -> list[Person]:
    """One :class:`Person` per key (per key and group value with ``group_by``)."""
    merged: dict[tuple[str, Any], dict[str, Any]] = {}
    for (ident, group), tally in index._tallies.items():
        key = keys[ident][0]
        entry = merged.setdefault((key, group), _empty())
        entry["quotes"] += tally.quotes
        entry["documents"] |= tally.documents
        entry["by_kind"].update(tally.by_kind)
        entry["by_cue_class"].update(tally.by_cue_class)
    about: dict[str, dict[str, Any]] = {}
    for ident, names in index._names.items():
        key, candidates = keys[ident]
        entry = about.setdefault(key, {"names": Counter(), "full": Counter(), "gender": Counter()})
        entry["names"].update(names)
        if ident[0] == "name" and len(ident[1]) > 1:
            entry["full"].update(names)
        entry["gender"].update(index._gender.get(ident, ()))
        entry["candidates"] = candidates
        entry["kind"] = _kind(ident, candidates)
    found = [_person(key, group, counts, about[key]) for (key, group), counts in merged.items()]
    return sorted(found, key=lambda p: (-p.quotes, p.key, _order(p.group)))


def _empty() -> dict[str, Any]:
    return {"quotes": 0, "documents": set(), "by_kind": Counter(), "by_cue_class": Counter()}


def _kind(ident: tuple, candidates: tuple[str, ...]) -> str:
    if ident[0] == "doc":
        return ident[3]
    return "ambiguous" if candidates else "named"


def _person(key: str, group: Any, counts: dict[str, Any], about: dict[str, Any]) -> Person:
    names = about["full"] or about["names"]
    name = min(names, key=lambda n: (-names[n], n))
    evidence = dict(sorted(about["gender"].items(), key=lambda item: (-item[1], item[0])))
    return Person(
        key=key,
        name=name,
        kind=about["kind"],
        aliases=tuple(sorted(about["names"])),
        quotes=counts["quotes"],
        documents=len(counts["documents"]),
        by_kind={kind: n for kind, n in sorted(counts["by_kind"].items())},
        by_cue_class=dict(sorted(counts["by_cue_class"].items())) or None,
        gender=gender_label(evidence),
        gender_evidence=evidence,
        candidates=about["candidates"],
        group=group,
    )


def _order(value: Any) -> tuple[int, str]:
    return (0, "") if value is None else (1, str(value))

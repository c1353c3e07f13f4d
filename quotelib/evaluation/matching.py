"""How a predicted quote is paired with an annotated one: the words they share.

The pairing behind :func:`quotelib.evaluate` and :func:`quotelib.evaluation.scoring.judge`
(the measure is described in :mod:`quotelib.evaluation.scoring`). Each quote is reduced to
an :class:`Item`, the set of its ``\\w+`` words by position with its speaker's
spans and names; :func:`match` pairs gold and predicted items one-to-one,
greedily by shared words; speaker names are compared by
:func:`quotelib.evaluation.name_match.names_match`, and so are addressees, a
gold addressee named by the aliases its character speaks under in the same
document (:func:`character_aliases`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from quotelib.evaluation.annotated import breakdown_value, check_quote
from quotelib.evaluation.name_match import names_match
from quotelib.evaluation.scores import UNKNOWN
from quotelib.records import KINDS

__all__ = [
    "Item",
    "addressee_right",
    "character_aliases",
    "gold_item",
    "match",
    "name_right",
    "predicted_item",
    "shared_words",
    "speaker_right",
]

#: The matching criteria, primary first.
MEASURES = ("partial@0.3", "partial@0.8", "exact")


#: How the fiction corpus starts a speaker that is no one character ("_unknowable", "_group").
PLACEHOLDER_PREFIX = "_"
_WORD = re.compile(r"\w+")

Span = tuple[int, int]


@attrs.frozen
class Item:
    """A gold or predicted quote reduced to what the measure compares."""

    words: frozenset[Span]
    kind: str
    first: int
    spans: tuple[Span, ...]  # speaker span; for gold, the chain mentions too
    names: tuple[str, ...]  # speaker names; for gold, the chain mention texts too
    has_speaker: bool
    name: str | None = None  # the predicted speaker_name
    group: str | None = None  # its value of the breakdown field of its side, if any
    addressees: tuple[str, ...] = ()  # gold: every name of every addressee
    has_addressee: bool = False  # gold: the quote names an addressee
    addressee: str | None = None  # predicted: the addressee_name


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _parts(quote: Mapping[str, Any]) -> list[Span]:
    parts = quote.get("content_parts") or [quote.get("content")]
    if parts == [None]:
        msg = f"a quote must have 'content_parts' or 'content' (got keys {sorted(quote)!r})"
        raise ValueError(msg)
    return [_span(part) for part in parts]


def _item(quote: Mapping[str, Any], text: str, spans: list[Any], names: list[Any]) -> Item:
    parts = _parts(quote)
    return Item(
        words=frozenset(m.span() for s, e in parts for m in _WORD.finditer(text, s, e)),
        kind=quote.get("kind") or "unknown",
        first=min(start for start, _ in parts),
        spans=tuple(_span(span) for span in spans if span is not None),
        names=tuple(name for name in names if name),
        has_speaker=quote.get("speaker") is not None,
    )


def character_aliases(quotes: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Each character's names, read off the quotes they speak in one gold document.

    A character is keyed by its ``speaker_text`` (spaces normalised); its names
    are that text and every ``speaker_aliases`` entry of its quotes, in order,
    without placeholders (``"_unknowable"``).

    Examples:
        >>> character_aliases([{"speaker_text": "Cecilia Jupe",
        ...     "speaker_aliases": ["Sissy", "Sissy Jupe"]}, {"speaker_text": "_group"}])
        {'Cecilia Jupe': ('Cecilia Jupe', 'Sissy', 'Sissy Jupe')}
    """
    names: dict[str, dict[str, None]] = {}
    for quote in quotes:
        main = quote.get("speaker_text")
        if _names_someone(main):
            found = names.setdefault(_key(main), {main: None})
            found.update(dict.fromkeys(a for a in quote.get("speaker_aliases") or () if a))
    return {key: tuple(n for n in found if _names_someone(n)) for key, found in names.items()}


def _key(name: str) -> str:
    return " ".join(name.split())


def gold_item(
    quote: Mapping[str, Any],
    text: str,
    by: str | None,
    where: str,
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> Item:
    """A gold quote as an :class:`Item`; ``aliases`` (:func:`character_aliases`) name
    its addressees."""
    chain = quote.get("speaker_chain") or []
    characters = [quote.get("speaker_text"), *(quote.get("speaker_aliases") or ())]
    characters = [name for name in characters if _names_someone(name)]
    names = [*characters, *(text[s:e] for s, e in chain)]
    item = _item(quote, text, [quote.get("speaker"), *chain], names)
    # Fiction: a character speaks, named without a span.
    has_speaker = item.has_speaker or _names_someone(quote.get("speaker_text"))
    group = None if by is None else breakdown_value(quote, by, where) or UNKNOWN
    listeners = [name for name in quote.get("addressees") or () if _names_someone(name)]
    addressees = [n for a in listeners for n in (aliases or {}).get(_key(a), (a,))]
    return attrs.evolve(
        item,
        has_speaker=has_speaker,
        group=group,
        addressees=tuple(dict.fromkeys([*listeners, *addressees])),
        has_addressee=bool(listeners),
    )


def _names_someone(name: str | None) -> bool:
    """Whether a gold ``speaker_text`` (or alias) names a speaker, not a placeholder."""
    return bool(name and name.strip()) and not name.startswith(PLACEHOLDER_PREFIX)


def predicted_item(
    quote: Any, text: str, where: str, kinds: tuple[str, ...] | None, by: str | None
) -> Item:
    if not isinstance(quote, Mapping):
        msg = f"a predicted quote must be a Quote or a dict (got {quote!r} of {type(quote)!r})"
        raise TypeError(msg)
    check_quote(quote, text, where)
    if kinds is not None and quote.get("kind") not in KINDS:
        msg = f"{where}: 'kind' must be one of {KINDS!r} for kinds= to choose (got {quote.get('kind')!r})"
        raise ValueError(msg)
    names = [quote.get("speaker_name"), quote.get("speaker_text")]
    item = _item(quote, text, [quote.get("speaker")], names)
    has_speaker = item.has_speaker or bool(item.names)
    group = None if by is None else breakdown_value(quote, by, where) or UNKNOWN
    return attrs.evolve(
        item,
        has_speaker=has_speaker,
        name=quote.get("speaker_name"),
        group=group,
        addressee=quote.get("addressee_name") or None,
    )


def match(
    golds: list[Item],
    preds: list[Item],
    measure: str,
    shared: Mapping[tuple[int, int], int] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), greedy by shared words.

    ``shared`` is :func:`shared_words` of the same items, when the caller
    matches them by several measures.
    """
    threshold = None if measure == "exact" else Fraction(measure.split("@")[1])
    candidates = []
    for (gi, pi), shared_count in (
        shared if shared is not None else shared_words(golds, preds)
    ).items():
        g, p = golds[gi], preds[pi]
        ratio = Fraction(shared_count, len(g.words))
        if ratio > threshold if threshold is not None else g.words == p.words:
            candidates.append((-shared_count, -ratio, g.first, p.first, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for *_, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def shared_words(golds: list[Item], preds: list[Item]) -> Counter[tuple[int, int]]:
    """How many words each (gold index, predicted index) pair shares, for pairs sharing one.

    Read off an index of the gold words by position, not by comparing every
    pair: a whole novel holds a thousand quotes or more on each side, and
    comparing every pair took 146 s on the eight dev novels, this 5 s.
    """
    holders: dict[Span, list[int]] = {}
    for gi, g in enumerate(golds):
        for word in g.words:
            holders.setdefault(word, []).append(gi)
    return Counter(
        (gi, pi) for pi, p in enumerate(preds) for word in p.words for gi in holders.get(word, ())
    )


def speaker_right(g: Item, p: Item) -> bool:
    if not g.has_speaker:
        return not p.has_speaker
    overlaps = any(ps < ge and gs < pe for ps, pe in p.spans for gs, ge in g.spans)
    return overlaps or any(names_match(pn, gn) for pn in p.names for gn in g.names if gn)


def name_right(g: Item, p: Item) -> bool:
    return bool(p.name) and any(names_match(p.name, gn) for gn in g.names if gn)


def addressee_right(g: Item, p: Item) -> bool:
    """Whether the predicted ``addressee_name`` names one of the gold addressees."""
    return bool(p.addressee) and any(names_match(p.addressee, name) for name in g.addressees)

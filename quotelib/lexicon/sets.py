"""How the word lists are written: words split at whitespace, phrases at commas, and
tables that give each entry one class."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "classed",
    "phrase_set",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split at whitespace."""
    return frozenset(text.split())


def phrase_set(text: str) -> frozenset[str]:
    """The phrases of ``text``, split at commas, their spaces normalised."""
    return frozenset(" ".join(phrase.split()) for phrase in text.split(","))


def classed(classes: Mapping[str, str]) -> Mapping[str, str]:
    """``{entry: class}`` from ``{class: "word word ..."}`` (or comma-separated phrases).

    An entry listed under two classes, or twice under one, is an error: each
    entry has exactly one class.

    Examples:
        >>> dict(classed({"speech": "say tell", "thought": "think"}))
        {'say': 'speech', 'tell': 'speech', 'think': 'thought'}
        >>> classed({"speech": "say", "thought": "say"})
        Traceback (most recent call last):
        ...
        ValueError: 'say' is listed as 'speech' and as 'thought'
    """
    table: dict[str, str] = {}
    for cls, text in classes.items():
        entries = text.split(",") if "," in text else text.split()
        for entry in (" ".join(entry.split()) for entry in entries):
            if entry in table:
                msg = f"{entry!r} is listed as {table[entry]!r} and as {cls!r}"
                raise ValueError(msg)
            table[entry] = cls
    return MappingProxyType(dict(sorted(table.items())))

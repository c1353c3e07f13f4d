"""How the word lists are written: words split at whitespace, phrases at commas."""

from __future__ import annotations

__all__ = [
    "phrase_set",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split at whitespace."""
    return frozenset(text.split())


def phrase_set(text: str) -> frozenset[str]:
    """The phrases of ``text``, split at commas, their spaces normalised."""
    return frozenset(" ".join(phrase.split()) for phrase in text.split(","))

"""Parsed documents built by hand, for unit tests of the rules that need no model.

A document is its text and one row per token, ``(word, head, dep, pos, tag)``
with an optional sixth column, the lemma (empty by default, as in quotelib's
default pipeline, which has no lemmatizer). Heads are absolute token
indices; a token that is its own head is the root of a sentence, so the
heads set the sentence boundaries. The words must spell the text in order;
a single space between two words is the first word's trailing space, and
any other whitespace ("\\n\\n") is a token of its own, as spaCy makes it.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Span

from quotelib.document.view import DocView

_BLANK = spacy.blank("en")  # spaCy's English tokenizer and lexical attributes, no model
VOCAB = _BLANK.vocab

Row = tuple  # (word, head, dep, pos, tag) or (word, head, dep, pos, tag, lemma)


def hand_doc(text: str, rows: Sequence[Row], ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """The ``Doc`` of ``text`` with the parse of ``rows`` and its entities
    ``(start, end, label)`` by token index (none by default, but annotated).

    Raises:
        ValueError: the words of ``rows`` do not spell ``text``.

    Examples:
        >>> doc = hand_doc("Xi said so.", [
        ...     ("Xi", 1, "nsubj", "PROPN", "NNP"),
        ...     ("said", 1, "ROOT", "VERB", "VBD"),
        ...     ("so", 1, "advmod", "ADV", "RB"),
        ...     (".", 1, "punct", "PUNCT", "."),
        ... ], ents=[(0, 1, "PERSON")])
        >>> doc.text, [t.head.text for t in doc], [e.text for e in doc.ents]
        ('Xi said so.', ['said', 'said', 'said', 'said'], ['Xi'])
        >>> hand_doc("Xi said so.", [("Xi", 0, "ROOT", "PROPN", "NNP")])
        Traceback (most recent call last):
        ...
        ValueError: the words must spell the whole text (left over: 'said so.')
    """
    words = [row[0] for row in rows]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=_spaces(text, words),
        heads=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[row[4] for row in rows],
        lemmas=[row[5] if len(row) > 5 else "" for row in rows],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def hand_view(text: str, rows: Sequence[Row], ents: Sequence[tuple[int, int, str]] = ()) -> DocView:
    """The :class:`~quotelib.document.view.DocView` of :func:`hand_doc`."""
    return DocView.build(hand_doc(text, rows, ents))


def words_view(text: str, ents: Sequence[tuple[int, int, str]] = ()) -> DocView:
    """A view of ``text`` as spaCy's English tokenizer splits it, one sentence, no parse:
    for stages that read only offsets, quotation marks and, if given, entities."""
    tokens = _BLANK.make_doc(text)
    words, spaces = [t.text for t in tokens], [bool(t.whitespace_) for t in tokens]
    doc = Doc(VOCAB, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return DocView.build(doc)


def span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    """The character range of the first ``words`` in ``text`` from ``start``."""
    found = text.index(words, start)
    return found, found + len(words)


def texts(text: str, parts: Sequence[tuple[int, int]]) -> list[str]:
    """The strings of character ranges of ``text``."""
    return [text[start:end] for start, end in parts]


def _spaces(text: str, words: Sequence[str]) -> list[bool]:
    spaces, at = [], 0
    for word in words:
        if not text.startswith(word, at):
            msg = f"the words must spell the text: expected {text[at : at + 20]!r} (got {word!r})"
            raise ValueError(msg)
        at += len(word)
        spaced = text.startswith(" ", at) and not text.startswith("  ", at)
        spaces.append(spaced)
        at += spaced
    if at != len(text):
        msg = f"the words must spell the whole text (left over: {text[at:]!r})"
        raise ValueError(msg)
    return spaces

"""The people of a conversation: which token may name a person, and when two name the same one.

This is the one place where the rules decide that two mentions are one person.
A person is compared by one key (:func:`person_key`): the head word of the
name, lower-cased, so that "Edward Leamer", "LEAMER" and a vocative "Leamer"
are one person, and a pronoun is its own form ("he"). On that key:

- :func:`same_person`: two mentions share the key ("she" and "she" too);
- :func:`known_same`: they are *known* to be one person, which two pronouns of
  one form are not ("he" and "he" may be two men);
- :func:`people`: the keys of several mentions (the names a quotation
  addresses), and :func:`is_one_of`: whether a mention is one of them.

The rules never say whom a mention names (that is :mod:`quotelib.entities`):
the key is words only.

Examples:
    >>> import quotelib
    >>> text = "Edward Leamer met Mr. LEAMER. He smiled and he left."
    >>> view = DocView.build(quotelib.load_pipeline()(text))
    >>> [token.text for token in view.doc][:5]
    ['Edward', 'Leamer', 'met', 'Mr.', 'LEAMER']
    >>> person_key(view.doc[0]), same_person(view, 0, 4), known_same(view, 0, 4)
    ('leamer', True, True)
    >>> same_person(view, 6, 9), known_same(view, 6, 9)
    (True, False)
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from quotelib.document.animacy import can_speak
from quotelib.document.syntax import name_head
from quotelib.document.view import DocView
from quotelib.lexicon import SPEAKING_PRONOUNS

__all__ = ["is_one_of", "is_person", "known_same", "people", "person_key", "same_person"]


def is_person(token: Token) -> bool:
    """Whether a token may name a person: a proper name, a pronoun that speaks, a
    capitalised noun ("the Colonel"), never a word that is no one capitalised at the start of
    a sentence ("Doubts", :func:`~quotelib.document.animacy.can_speak`)."""
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKING_PRONOUNS
    named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)
    return named and can_speak(token)


def person_key(token: Token) -> str:
    """The key a person is compared by: the head word of the name ``token`` is part of
    ("Leamer" of "Edward Leamer"), lower-cased; a pronoun's own form."""
    return name_head(token).lower_


def same_person(view: DocView, first: int, second: int) -> bool:
    """Whether two tokens name the same person by their words (pronouns: by form)."""
    return person_key(view.doc[first]) == person_key(view.doc[second])


def known_same(view: DocView, earlier: int, later: int) -> bool:
    """Whether two speaker tokens are known to be one person: the same person by their
    words, the later one no pronoun ("he" may stand for another man than the "he" before)."""
    return view.doc[later].pos_ != "PRON" and same_person(view, earlier, later)


def people(view: DocView, tokens: Iterable[int]) -> set[str]:
    """The keys of the people the tokens name (:func:`person_key`)."""
    return {person_key(view.doc[i]) for i in tokens}


def is_one_of(view: DocView, token: int, keys: set[str]) -> bool:
    """Whether the person a token names is one of ``keys`` (from :func:`people`)."""
    return person_key(view.doc[token]) in keys

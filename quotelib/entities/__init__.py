"""The entities: whom a speaker token names.

Proper names are found (:mod:`quotelib.entities.names`, or the pipeline's
entities) and grouped into entities (:func:`find_entities`,
:mod:`quotelib.entities.mentions`) with what the text says of their gender
(:mod:`quotelib.entities.characters`), then frozen; speaker mentions are then
resolved to them (:func:`resolve_speakers`, :mod:`quotelib.entities.resolve`:
"He" -> "Vladimir Putin"), which gives back what the pronouns taught of
people's gender (:class:`ResolvedSpeakers`), and addressees likewise, starting
from it (:func:`resolve_addressees`, :mod:`quotelib.entities.addressees`).
"""

from __future__ import annotations

from quotelib.entities.addressees import resolve_addressees
from quotelib.entities.mentions import NAME_FINDERS, Entities, Entity, find_entities
from quotelib.entities.resolve import ResolvedSpeakers, resolve_speakers

__all__ = [
    "Entities",
    "Entity",
    "NAME_FINDERS",
    "ResolvedSpeakers",
    "find_entities",
    "resolve_addressees",
    "resolve_speakers",
]

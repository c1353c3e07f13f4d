"""Addressees resolved to the entities they name, as speakers are.

The rules find who an attribution addresses (:func:`quotelib.rules.addressee.find_addressees`:
the head token of the person spoken to); this module says whom that token
names, with a resolver of its own so that it changes no speaker's resolution.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotelib.document.attribution import Attribution, SpeakerName
from quotelib.document.view import DocView
from quotelib.entities.mentions import Entities
from quotelib.entities.resolve import ResolvedSpeakers, resolve_speakers

__all__ = ["resolve_addressees"]


def resolve_addressees(
    view: DocView,
    attributions: Sequence[Attribution],
    entities: Entities,
    speakers: ResolvedSpeakers,
) -> list[SpeakerName | None]:
    """The resolved addressee of each attribution (``None`` without one), in their order.

    Addressees are resolved as speakers are (:func:`quotelib.entities.resolve.resolve_speakers`),
    by a resolver of their own, so that they change no speaker's resolution; it
    starts from the genders the speakers' resolution learned (``speakers.genders``).
    An addressee left unresolved, or resolved to its attribution's own
    speaker (a pronoun the resolver read as the speaker), keeps its mention
    and names no one: its ``how`` is then ``"unresolved"``.
    """
    found: list[SpeakerName | None] = [None] * len(attributions)
    addressed = [n for n, a in enumerate(attributions) if a.addressee is not None]
    if not addressed:
        return found  # no resolver to build
    as_speakers = [
        attrs.evolve(attributions[n], speaker=attributions[n].addressee) for n in addressed
    ]
    resolved = resolve_speakers(view, as_speakers, entities, speakers.genders)
    for number, addressee in zip(addressed, resolved.names):
        speaker = speakers.names[number]
        if addressee is not None and speaker is not None and addressee.key == speaker.key:
            addressee = attrs.evolve(addressee, how="unresolved")
        found[number] = addressee
    return found

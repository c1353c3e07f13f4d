"""Who is quoted, how often: one :class:`Speaker` record per speaker of a document."""

from __future__ import annotations

from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from quotelib.core.stages import attribute
from quotelib.extract import parse
from quotelib.records import Quote, TextSpan


@attrs.frozen(kw_only=True)
class Speaker:
    """A speaker of a document with every quote attributed to them.

    Attributes:
        id: the speaker's identifier within the document, the
            ``speaker_id`` of their quotes ("xi-jinping").
        name: the canonical name ("Xi Jinping"), or the mention's text for
            an unnamed or unresolved speaker ("officials", "He").
        kind: ``"person"``, ``"org"``, ``"place"`` (a place or group
            speaking as an institution), ``"group"`` (sources speaking
            together: "Xi and Putin", "Western nations"), ``"anonymous"`` or
            ``"unresolved"``.
        role: the role the person was introduced with ("Kremlin
            spokesman"), or ``None``.
        anonymous: whether the source is deliberately unnamed ("a senior
            diplomat", "officials").
        mentions: every mention of the speaker in the text: names, and the
            pronouns and roles that resolved to them.
        quotes: the speaker's quotes, in text order.
    """

    id: str
    name: str
    kind: str
    role: str | None
    anonymous: bool
    mentions: tuple[TextSpan, ...] = attrs.field(converter=tuple)
    quotes: tuple[Quote, ...] = attrs.field(converter=tuple)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; quotes as :meth:`Quote.to_dict` gives them."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "anonymous": self.anonymous,
            "mentions": [m.to_list() for m in self.mentions],
            "mention_texts": [m.text for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
        }


def speakers(text: str | Doc, *, nlp: Language | str | None = None) -> list[Speaker]:
    """The speakers quoted in ``text``, most quoted first, then by first mention.

    Args:
        text: the text, or a spaCy ``Doc`` parsed with a dependency parser.
        nlp: the pipeline to parse a string with, as for
            :func:`~quotelib.extract_quotes`.

    Examples:
        >>> import quotelib
        >>> text = ("Kremlin spokesman Dmitry Peskov said the talks were useful. "
        ...         "The spokesman added that no date was set. Officials declined to comment.")
        >>> for speaker in quotelib.speakers(text):
        ...     print(speaker.id, "|", speaker.name, "|", speaker.role, "|", len(speaker.quotes))
        dmitry-peskov | Dmitry Peskov | Kremlin spokesman | 2
        officials | Officials | None | 1
    """
    doc = parse(text, nlp)
    reading = attribute(doc, text=text if isinstance(text, str) else None)
    by_id: dict[str, list[Quote]] = {}
    for quote in reading.quotes:
        if quote.speaker_id is not None:
            by_id.setdefault(quote.speaker_id, []).append(quote)
    entities = {e.key: e for e in reading.entities.entities}
    original = text if isinstance(text, str) else doc.text
    found = [_speaker(original, key, said, entities) for key, said in by_id.items()]
    first = {s.id: min(m.start for m in s.mentions) for s in found}
    return sorted(found, key=lambda s: (-len(s.quotes), first[s.id]))


def _speaker(text: str, key: str, quotes: list[Quote], entities: dict[str, Any]) -> Speaker:
    spoken = {(q.speaker.start, q.speaker.end) for q in quotes if q.speaker is not None}
    entity = entities.get(key)
    group = [entities[k] for k in key.split("+") if k in entities] if entity is None else []
    named = set(entity.mentions) if entity is not None else set()
    spoken = {m for m in spoken if not any(s < m[1] and m[0] < e for s, e in named)}
    mentions = [TextSpan.from_offsets(text, s, e) for s, e in sorted(named | spoken)]
    how = quotes[0].speaker_resolution
    if entity is not None:
        kind = entity.kind
    elif group or how == "name":
        kind = "group"
    else:
        kind = "anonymous" if how == "anonymous" else "unresolved"
    return Speaker(
        id=key,
        name=quotes[0].speaker_name,
        kind=kind,
        role=entity.roles[0] if entity is not None and entity.roles else None,
        anonymous=how == "anonymous",
        mentions=mentions,
        quotes=quotes,
    )

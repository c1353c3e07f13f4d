"""How a batch of texts is read: parsed together, and each text's quotes found or its error.

:class:`Reader` is what both :func:`quotelib.pipe` in one process and each
worker process of :mod:`quotelib.batch.pool` use, so that a text gets the same
answer whichever reads it. An answer is ``(quotes, None)`` for a text read,
``(None, message)`` for a text quotelib failed to read: one text's failure
never costs the others of its batch.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from quotelib.component import get_quotes
from quotelib.core.stages import quotes_from_doc
from quotelib.extract import extract_quotes
from quotelib.parse.chunks import is_long, parsable
from quotelib.parse.model import has_quotelib_component, require_parser
from quotelib.records import Quote

__all__ = ["Answer", "Batches", "Reader", "TextLike"]

logger = logging.getLogger(__name__)

TextLike = str | Doc
#: The answer for one text: its quotes and no error, or no quotes and the error.
Answer = tuple[list[Quote] | None, str | None]


@attrs.frozen
class Reader:
    """Reads batches of texts with one pipeline.

    Attributes:
        nlp: the pipeline.
        finds_quotes: whether quotelib's rules find the quotes on the parses
            (True), or the pipeline's own ``quotelib`` component has stored
            them (False).
        names: how names are found, as for :func:`quotelib.quotes_from_doc`.
    """

    nlp: Language
    finds_quotes: bool
    names: str = "parse"

    @classmethod
    def of(cls, nlp: Language, names: str = "parse") -> Reader:
        """The reader of ``nlp``, checked to have a parser (:func:`~quotelib.parse.model.require_parser`)."""
        require_parser(nlp)
        return cls(nlp, not has_quotelib_component(nlp), names)

    def read(self, texts: list[TextLike]) -> list[Answer]:
        """The answer for each text, in order: most parsed together with ``nlp.pipe``; a
        text too long for one parse, or holding lone surrogates, by
        :func:`~quotelib.extract_quotes`.

        When the pipeline fails on the batch (one of its components raised),
        the batch's texts are parsed one by one, so that only a text the
        pipeline fails on alone is answered with its error.
        """
        answers: list[Answer | None] = [None] * len(texts)
        parsed = []
        for number, text in enumerate(texts):
            if _read_whole(text, self.nlp):
                answers[number] = self._extract(text)
            else:
                parsed.append(number)
        try:
            docs = list(self.nlp.pipe([texts[number] for number in parsed]))
        except Exception as error:  # one text must not cost its batch
            logger.warning(
                "the pipeline failed on a batch (%s); parsing its texts one by one", error
            )
            docs = None
        for at, number in enumerate(parsed):
            answers[number] = (
                self._read_one(texts[number])
                if docs is None
                else self._quotes_of(docs[at], _string(texts[number]))
            )
        return answers  # type: ignore[return-value]  # every text answered

    def _read_one(self, text: TextLike) -> Answer:
        try:
            doc = self.nlp(text)
        except Exception as error:  # reported for this text; the stream goes on
            return None, f"the pipeline failed on this text: {type(error).__name__}: {error}"
        return self._quotes_of(doc, _string(text))

    def _extract(self, text: str) -> Answer:
        try:
            return extract_quotes(text, nlp=self.nlp, names=self.names), None
        except Exception as error:  # reported for this text; the stream goes on
            return None, f"{type(error).__name__}: {error}"

    def _quotes_of(self, doc: Doc, text: str | None) -> Answer:
        """The quotes of a parsed ``doc``: found here, or read off the ``quotelib`` component.

        ``text`` is the string ``doc`` was parsed from, if it was parsed from one.
        """
        if not self.finds_quotes:
            try:
                return get_quotes(doc), None
            except RuntimeError as error:
                return None, str(error)
        try:
            return quotes_from_doc(doc, text=text, names=self.names), None
        except Exception as error:  # reported for this text; the stream goes on
            logger.exception("quotelib failed on a text")
            return None, f"quotelib could not read this Doc: {type(error).__name__}: {error}"


def _string(text: TextLike) -> str | None:
    return text if isinstance(text, str) else None


def _read_whole(text: TextLike, nlp: Language) -> bool:
    """Whether ``text`` is long (parsed in chunks), or holds characters the parse sees
    replaced (:func:`~quotelib.parse.chunks.parsable`), and so is read by
    :func:`~quotelib.extract_quotes` rather than ``nlp.pipe``."""
    return isinstance(text, str) and (is_long(text, nlp) or parsable(text) != text)


class Batches:
    """Batches of up to ``size`` items; an error raised while reading the items is kept,
    to be raised once the items before it are answered."""

    def __init__(self, items: Iterable[tuple[TextLike, Any]], size: int) -> None:
        self._items = iter(items)
        self._size = size
        self.error: Exception | None = None
        self.exhausted = False

    def next(self) -> tuple[list[TextLike], list[Any]]:
        """The next batch's texts and contexts (empty when there are no more)."""
        texts, contexts = [], []
        if not self.exhausted:
            try:
                for text, context in itertools.islice(self._items, self._size):
                    texts.append(text)
                    contexts.append(context)
            except Exception as error:
                self.error = error
            self.exhausted = self.error is not None or len(texts) < self._size
        return texts, contexts

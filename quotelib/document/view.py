"""One view of a parsed document, built once and read by every stage.

A :class:`DocView` holds what the stages of quotelib ask of a document again
and again: the caller's string, the sentences, the paragraph breaks, the
quotations paired on the text, the candidate cues and the token attributes
as columns of string ids. It is built by :meth:`DocView.build` before the
first stage runs and never changes afterwards, the way spaCy hands one
``Doc`` to every component.

Examples:
    >>> import quotelib
    >>> text = 'Xi said ties were strong.\\n\\n"We agree," Putin said.'
    >>> view = DocView.build(quotelib.load_pipeline()(text))
    >>> [view.doc[i].text for i in view.cues]
    ['said', 'agree', 'said']
    >>> view.layout.breaks, view.layout.paragraph(30), [q.mark for q in view.outer]
    ((25,), 1, ['"'])
"""

from __future__ import annotations

import bisect

import attrs
from spacy.tokens import Doc, Span, Token

from quotelib.document.columns import Columns
from quotelib.document.cues import candidate_cues
from quotelib.text.layout import Layout, find_layout
from quotelib.text.marks import Quotation, pair_quotations
from quotelib.text.ranges import Ranges

__all__ = ["DocView", "Sentences"]


class Sentences:
    """The sentences of a document, read once; the one holding a token is found by bisection.

    ``Token.sent`` walks the parse to both ends of the sentence and builds a
    new span on every call; rules that ask it for many tokens ask this instead.

    Examples:
        >>> from spacy.tokens import Doc
        >>> from spacy.vocab import Vocab
        >>> doc = Doc(Vocab(), words=["Polls", "closed", ".", "Xi", "won", "."],
        ...           sent_starts=[True, False, False, True, False, False])
        >>> sentences = Sentences(doc)
        >>> sentences.of(4).text, sentences.index(4), sentences.index(2)
        ('Xi won .', 1, 0)
    """

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self._starts = [sent.start for sent in self.spans]

    def index(self, i: int) -> int:
        """The number of the sentence holding token ``i``, counted from 0."""
        return bisect.bisect_right(self._starts, i) - 1

    def of(self, i: int) -> Span:
        """The sentence holding token ``i``."""
        return self.spans[self.index(i)]


@attrs.frozen
class DocView:
    """A parsed document as every stage reads it.

    Attributes:
        doc: the parse.
        text: the caller's string, as long as ``doc.text`` (it may differ from
            it where :func:`quotelib.parse.chunks.parsable` replaced a character).
        sentences: the sentences, read once.
        layout: where the paragraphs of ``text`` are, and which line breaks
            wrap a line inside one (:func:`quotelib.text.layout.find_layout`);
            the paragraph of an offset, and where each paragraph's stretch of
            text starts and ends, are asked of it.
        quotations: every quotation paired on ``text``, nested ones included.
        outer: the outermost quotations (depth 0), in text order.
        marks: the character ranges of the outer quotations, marks included:
            words inside are someone's quoted speech.
        quoted: the content parts of the outer quotations, marks excluded.
        cues: indices of the tokens that may be cues, in order
            (:func:`quotelib.document.cues.candidate_cues`).
        columns: token attributes as columns of string ids.
    """

    doc: Doc
    text: str
    sentences: Sentences
    layout: Layout
    quotations: tuple[Quotation, ...]
    outer: tuple[Quotation, ...]
    marks: Ranges
    quoted: Ranges
    cues: tuple[int, ...]
    columns: Columns

    @classmethod
    def build(cls, doc: Doc, text: str | None = None) -> DocView:
        """The view of ``doc``, whose offsets index ``text`` (``doc.text`` by default)."""
        text = doc.text if text is None else text  # Doc.text joins every token: read it once
        layout = find_layout(text)
        quotations = tuple(pair_quotations(text, layout))
        outer = tuple(q for q in quotations if q.depth == 0)
        columns = Columns.of(doc)
        return cls(
            doc=doc,
            text=text,
            sentences=Sentences(doc),
            layout=layout,
            quotations=quotations,
            outer=outer,
            marks=Ranges((q.start, q.end) for q in outer),
            quoted=Ranges(part for q in outer for part in q.parts),
            cues=tuple(candidate_cues(doc, columns)),
            columns=columns,
        )

    def cues_in(self, span: Span) -> list[Token]:
        """The tokens of ``span`` that may be cues, found by bisection, not a scan."""
        low = bisect.bisect_left(self.cues, span.start)
        high = bisect.bisect_left(self.cues, span.end)
        return [self.doc[i] for i in self.cues[low:high]]

    def word(self, i: int) -> str:
        """The lower-cased form of token ``i``."""
        return self.doc.vocab.strings[self.columns.lowers[i]]

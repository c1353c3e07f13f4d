"""The token attributes of a document as columns: lists of string ids, read at once.

Built once per document with the view (:class:`quotelib.document.view.DocView`)
and read by the rules that look at every token: the candidate cues
(:func:`quotelib.document.cues.candidate_cues`), name runs, gendered pronouns.
"""

from __future__ import annotations

import attrs
from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

__all__ = ["Columns"]


@attrs.frozen
class Columns:
    """Token attributes of a document as lists of string ids, read with one ``Doc.to_array``.

    ``Token`` attributes build a Python object per read; rules that look at
    every token (name runs, gendered pronouns) read these lists instead.
    """

    lemmas: list[int]
    lowers: list[int]
    pos: list[int]
    tags: list[int]
    orths: list[int]

    @classmethod
    def of(cls, doc: Doc) -> Columns:
        if len(doc) == 0:
            return cls([], [], [], [], [])
        array = doc.to_array([LEMMA, LOWER, POS, TAG, ORTH]).astype("uint64")
        return cls(*(array[:, i].tolist() for i in range(5)))

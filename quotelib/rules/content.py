"""Contents read off the parse: subtrees as token spans, token spans as character parts.

A reported content is one or more subtrees of the parse ("that the plan
failed"), minus the cue and the speaker's phrase where the parse wraps the
content round them, and trimmed of edge punctuation and subordinators.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotelib.text.ranges import merge

__all__ = ["char_parts", "subtract", "subtree_parts", "without_speaker"]

_EDGE_DEPS = frozenset({"mark", "cc"})


def subtree_parts(
    roots: list[Token], *, exclude: Token, skip_subtree: Token | None = None
) -> list[tuple[int, int]]:
    """Token spans ``[lo, hi)`` of the subtrees of ``roots``, minus the cue and its phrase.

    Subtrees are taken by their edges, so the cost does not grow with their size.
    """
    spans = merge([(root.left_edge.i, root.right_edge.i + 1) for root in roots])
    cuts = [(exclude.i, exclude.i + 1)]
    if skip_subtree is not None:
        cuts.append((skip_subtree.left_edge.i, skip_subtree.right_edge.i + 1))
    return subtract(spans, cuts)


def without_speaker(spans: list[tuple[int, int]], speaker: Token | None) -> list[tuple[int, int]]:
    """Cut the speaker's phrase out of a content that the parse wrapped round it."""
    if speaker is None or not any(lo <= speaker.i < hi for lo, hi in spans):
        return spans
    return subtract(spans, [(speaker.left_edge.i, speaker.right_edge.i + 1)])


def subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without the cuts, in order.

    Examples:
        >>> subtract([(0, 10)], [(3, 5)])
        [(0, 3), (5, 10)]
    """
    for cut_lo, cut_hi in cuts:
        spans = [
            piece
            for lo, hi in spans
            for piece in ((lo, min(hi, cut_lo)), (max(lo, cut_hi), hi))
            if piece[0] < piece[1]
        ]
    return spans


def char_parts(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans ``[lo, hi)`` as character ranges, trimmed of edge punctuation.

    A span left without a word or number gives no part.
    """
    return [part for lo, hi in spans for part in _trim_run(doc, lo, hi - 1)]


def _trim_run(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    while lo <= hi and _is_edge(doc[lo]):
        lo += 1
    while hi >= lo and _is_edge_punct(doc[hi]):
        hi -= 1
    if lo > hi:
        return []
    first = doc[lo]  # most runs start with a word: no other token built
    if not (first.is_alpha or first.like_num) and not any(
        doc[i].is_alpha or doc[i].like_num for i in range(lo + 1, hi + 1)
    ):
        return []
    last = doc[hi]
    return [(first.idx, last.idx + len(last))]


def _is_edge(token: Token) -> bool:
    return _is_edge_punct(token) or token.dep_ in _EDGE_DEPS


def _is_edge_punct(token: Token) -> bool:
    return (token.is_punct and not token.is_quote) or token.is_space

"""Direct and partial quotations joined to their cue and speaker.

A quotation found by :mod:`quotelib.marks` that no reported clause already
covers is attached, in this order of preference, to

1. a cue verb of its sentence linked to it on the parse (``"...," he said``,
   ``X said: "..."``, ``addressing Xi as his "dear friend"``), or the
   nearest cue verb of its sentence when the quotation is a whole clause;
2. a dash attribution (``"..." — Sergei Lavrov``);
3. a cue closing the sentence before it with a colon (``X said:`` + quote);
4. a neighbouring quotation of the same paragraph that has a speaker, as
   another part of the same attribution (``"A," he said. "B."``);
5. the attributed quotation ending the previous paragraph, whose speaker
   carries over to a quote paragraph with no cue of its own.

A quotation that none of these reach (a scare quote, a title, a nickname)
is not an attribution and yields nothing.
"""

from __future__ import annotations

import bisect
import logging
import re

from spacy.tokens import Doc, Span, Token

from quotelib.cues import Attribution, candidate_cues, noun_speaker
from quotelib.lexicon import CUE_NOUNS, CUE_VERBS, QUOTE_VERBS, cue_lemma
from quotelib.marks import Quotation
from quotelib.ranges import Ranges, line_breaks, merge
from quotelib.syntax import (
    Sentences,
    is_negated,
    is_so_called,
    mention_span,
    name_head,
    subject_of,
)

logger = logging.getLogger(__name__)

_DASH_SOURCE = re.compile(r"[ \t]*(?:—|–|--|-)[ \t]*(?=\w)")
_SPEECH_CLASSES = frozenset({"speech", "writing", "question"})


class _Layout:
    """The text once read: its paragraph breaks, quotation ranges, candidate cues and sentences."""

    def __init__(
        self, doc: Doc, text: str, outer: list[Quotation], cues: list[int], sentences: Sentences
    ) -> None:
        self.doc = doc
        self.text = text  # Doc.text joins every token: read it once
        self.breaks = line_breaks(text)
        self.marks = Ranges((q.start, q.end) for q in outer)
        self.cues = cues
        self.sentences = sentences

    def cues_in(self, span: Span) -> list[Token]:
        """The tokens of ``span`` that may be cues, found by bisection, not a scan."""
        low = bisect.bisect_left(self.cues, span.start)
        high = bisect.bisect_left(self.cues, span.end)
        return [self.doc[i] for i in self.cues[low:high]]

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.breaks, offset)


def attach_quotations(
    doc: Doc,
    quotations: list[Quotation],
    attributions: list[Attribution],
    *,
    text: str | None = None,
    cues: list[int] | None = None,
    sentences: Sentences | None = None,
) -> list[Attribution]:
    """Widen ``attributions`` over the quotations they touch and add the rest.

    Returns the attributions, old and new, in text order. ``text``, ``cues``
    and ``sentences`` are ``doc.text`` (which joins every token), the
    :func:`~quotelib.cues.candidate_cues` and the
    :class:`~quotelib.syntax.Sentences` of ``doc`` when the caller has them.
    """
    outer = [q for q in quotations if q.depth == 0]
    starts = [q.start for q in outer]
    for attribution in attributions:
        attribution.parts = _widen(attribution.parts, outer, starts)
    layout = _Layout(
        doc,
        doc.text if text is None else text,
        outer,
        candidate_cues(doc) if cues is None else cues,
        Sentences(doc) if sentences is None else sentences,
    )
    owner: dict[int, Attribution] = {}
    for attribution in attributions:
        for index in _touching(outer, starts, attribution.start, attribution.end):
            if index not in owner and _covers(attribution, outer[index]):
                owner[index] = attribution
    by_cue = {a.cue.root.i: a for a in attributions if a.cue is not None}
    pending = []
    for index, quotation in enumerate(outer):
        if index in owner:
            continue
        found = _attach_on_parse(doc, layout, quotation, by_cue, attributions)
        if found is None:
            pending.append(index)
        else:
            owner[index] = found
    for index in pending:
        found = _attach_by_neighbour(doc, index, outer, owner, layout, attributions)
        if found is not None:
            owner[index] = found
        else:
            logger.debug(
                "quotation at %d has no speaker or cue; not an attribution", outer[index].start
            )
    for attribution in attributions:
        if attribution.speaker is not None and layout.marks.contains(attribution.speaker.idx):
            attribution.speaker = _speaker_outside(attribution, layout)
    return sorted(attributions, key=lambda a: a.start)


def _speaker_outside(attribution: Attribution, layout: _Layout) -> Token | None:
    """A speaker the parser put inside the quotation: look beside the cue instead.

    ``"The more people know Bernie, the better," Briggs said`` parses "people"
    as the subject of "said"; the name next to the cue is the speaker.
    """
    if attribution.cue is None:
        return None
    cue = attribution.cue.root
    sentence = layout.sentences.of(cue.i)
    at = cue.i - sentence.start
    after = list(sentence[at + 1 : at + 9])  # the eight nearest: after the cue, then before
    before = sentence[max(0, at - (8 - len(after))) : at]
    for token in [*after, *reversed(before)]:
        if layout.marks.contains(token.idx) or token.is_quote:
            continue
        if token.pos_ in ("PROPN", "NOUN", "PRON") and token.dep_ != "compound":
            return token
    return None


def _widen(
    parts: list[tuple[int, int]], quotations: list[Quotation], starts: list[int]
) -> list[tuple[int, int]]:
    """Let content parts that touch a quotation take all of it, paragraph by paragraph."""
    widened = []
    for start, end in parts:
        pieces = [(start, end)]
        for index in _touching(quotations, starts, start, end):
            quotation = quotations[index]
            if len(quotation.parts) == 1:
                # One paragraph: stretch over the quotation, marks included.
                pieces = [
                    (min(s, quotation.start), max(e, quotation.end))
                    if s < quotation.end and quotation.start < e
                    else (s, e)
                    for s, e in pieces
                ]
            else:
                widened.extend(quotation.parts)
                pieces = [
                    piece
                    for s, e in pieces
                    for piece in ((s, min(e, quotation.start)), (max(s, quotation.end), e))
                    if piece[0] < piece[1]
                ]
        widened.extend(pieces)
    return merge(widened)


def _touching(quotations: list[Quotation], starts: list[int], start: int, end: int) -> range:
    """Indices of the (non-overlapping, sorted) quotations that overlap ``[start, end)``."""
    first = bisect.bisect_right(starts, start) - 1
    if first < 0 or quotations[first].end <= start:
        first += 1
    return range(first, bisect.bisect_left(starts, end))


def _covers(attribution: Attribution, quotation: Quotation) -> bool:
    size = sum(end - start for start, end in quotation.parts)
    shared = sum(
        max(0, min(end, q_end) - max(start, q_start))
        for start, end in attribution.parts
        for q_start, q_end in quotation.parts
    )
    return shared * 2 >= size


def _attach_on_parse(
    doc: Doc,
    layout: _Layout,
    quotation: Quotation,
    by_cue: dict[int, Attribution],
    attributions: list[Attribution],
) -> Attribution | None:
    cue = _cue_token(doc, layout, quotation, by_cue)
    if cue is not None:
        existing = by_cue.get(cue.i)
        if existing is not None:
            existing.parts = merge([*existing.parts, *quotation.parts])
            return existing
        found = _new_attribution(cue, quotation)
        by_cue[cue.i] = found
        attributions.append(found)
        return found
    source = _dash_source(doc, layout.text, quotation)
    if source is not None:
        found = Attribution(cue=None, speaker=source, parts=list(quotation.parts), rule="dash")
        attributions.append(found)
        return found
    return None


def _new_attribution(cue: Token, quotation: Quotation) -> Attribution:
    span = cue.doc[cue.i : cue.i + 1]
    if cue.pos_ == "NOUN":
        return Attribution(
            cue=span,
            speaker=noun_speaker(cue),
            parts=list(quotation.parts),
            rule="direct-noun",
            cue_class=CUE_NOUNS[cue_lemma(cue)],
        )
    return Attribution(
        cue=span,
        speaker=subject_of(cue),
        parts=list(quotation.parts),
        rule="direct",
        cue_class=CUE_VERBS.get(cue_lemma(cue), "speech"),
    )


def _quotation_tokens(doc: Doc, quotation: Quotation) -> Span | None:
    return doc.char_span(quotation.parts[0][0], quotation.parts[-1][1], alignment_mode="expand")


def _is_cue_verb(token: Token, marks: Ranges) -> bool:
    lemma = cue_lemma(token)
    return (
        (lemma in CUE_VERBS or lemma in QUOTE_VERBS)
        and token.pos_ in ("VERB", "AUX")
        and not marks.contains(token.idx)
        and not is_negated(token)
        and not is_so_called(token)
    )


def _cue_token(
    doc: Doc, layout: _Layout, quotation: Quotation, by_cue: dict[int, Attribution]
) -> Token | None:
    """The cue of a quotation: in its sentence, or a neighbour sentence of its own."""
    inside = _quotation_tokens(doc, quotation)
    if inside is None or len(inside) == 0:
        return None
    sentences = _sentences(layout, inside)
    candidates = [
        t for sent in sentences for t in layout.cues_in(sent) if _is_cue_verb(t, layout.marks)
    ]
    linked = [t for t in candidates if _linked(t, inside)]
    if linked:
        return min(linked, key=lambda t: _distance(t, quotation))
    clause = _is_clause(inside)
    speech = [t for t in candidates if _is_speech(t)]
    if speech and clause:
        return min(speech, key=lambda t: _distance(t, quotation))
    return _neighbour_cue(doc, layout, quotation, sentences, by_cue)


def _sentences(layout: _Layout, inside: Span) -> list[Span]:
    """The sentences that ``inside`` overlaps."""
    first = layout.sentences.index(inside.start)
    last = layout.sentences.index(inside.end - 1)
    return layout.sentences.spans[first : last + 1]


def _is_speech(token: Token) -> bool:
    lemma = cue_lemma(token)
    return lemma in QUOTE_VERBS or CUE_VERBS.get(lemma) in _SPEECH_CLASSES


def _neighbour_cue(
    doc: Doc,
    layout: _Layout,
    quotation: Quotation,
    sentences: list[Span],
    by_cue: dict[int, Attribution],
) -> Token | None:
    """``"...," X said.`` split off as a sentence of its own, or ``X said:`` before."""
    text = layout.text
    paragraph_end = text.find("\n", quotation.end)
    after = sentences[-1].end
    if after < len(doc) and (paragraph_end < 0 or doc[after].idx < paragraph_end):
        following = layout.sentences.of(after)
        if not text[quotation.end : following.start_char].strip():
            quoted = layout.marks.overlapping(following.start_char, following.end_char)
            limit = quoted[0][0] if quoted else following.end_char
            for token in layout.cues_in(following):
                if token.idx >= limit:
                    break
                if (
                    _is_cue_verb(token, layout.marks)
                    and _is_speech(token)
                    and token.i not in by_cue
                ):
                    return token
    before = sentences[0].start
    if before > 0:
        previous = layout.sentences.of(before - 1)
        said = text[previous.start_char : previous.end_char]  # Span.text joins its tokens
        if said.rstrip().endswith(":") and "\n" not in text[
            previous.end_char : quotation.start
        ].strip("\n"):
            found = layout.cues_in(previous)
            cues = [t for t in found if _is_cue_verb(t, layout.marks) and _is_speech(t)]
            cues = cues or [t for t in found if t.pos_ == "NOUN" and cue_lemma(t) in CUE_NOUNS]
            if cues:
                return cues[-1]
    return None


def _linked(verb: Token, inside: Span) -> bool:
    """Whether the quotation hangs from the verb, or the verb from the quotation."""
    return verb == _governing_verb(inside) or inside.start <= verb.head.i < inside.end


def _governing_verb(inside: Span) -> Token | None:
    """The first verb above the quotation on the parse, outside it."""
    for token in inside:
        head = token.head
        if head.i == token.i or inside.start <= head.i < inside.end:
            continue
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def _distance(token: Token, quotation: Quotation) -> int:
    if token.idx >= quotation.end:
        return token.idx - quotation.end
    return max(0, quotation.start - token.idx)


def _dash_source(doc: Doc, text: str, quotation: Quotation) -> Token | None:
    match = _DASH_SOURCE.match(text, quotation.end)
    if match is None:
        return None
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is None or span[0].pos_ != "PROPN":
        return None
    return name_head(span[0])


def _attach_by_neighbour(
    doc: Doc,
    index: int,
    outer: list[Quotation],
    owner: dict[int, Attribution],
    layout: _Layout,
    attributions: list[Attribution],
) -> Attribution | None:
    quotation = outer[index]
    paragraph = layout.paragraph(quotation.start)
    for other in (index - 1, index + 1, index - 2, index + 2):
        if other in owner and layout.paragraph(outer[other].start) == paragraph:
            found = owner[other]
            if found.speaker is None or not _is_clause_text(doc, quotation):
                continue
            found.parts = merge([*found.parts, *quotation.parts])
            return found
    previous = index - 1
    if (
        previous in owner
        and owner[previous].speaker is not None
        and layout.paragraph(outer[previous].end) == paragraph - 1
        and _opens_paragraph(layout.text, quotation.start)
        and _is_clause_text(doc, quotation)
    ):
        carried = Attribution(
            cue=None, speaker=owner[previous].speaker, parts=list(quotation.parts), rule="carried"
        )
        attributions.append(carried)
        return carried
    return None


def _is_clause(inside: Span) -> bool:
    """Four words or more, one a verb; each count stops as soon as it can answer."""
    words = 0
    for token in inside:
        words += token.is_alpha
        if words == 4:
            return any(t.pos_ in ("VERB", "AUX") for t in inside)
    return False


def _is_clause_text(doc: Doc, quotation: Quotation) -> bool:
    inside = _quotation_tokens(doc, quotation)
    return inside is not None and _is_clause(inside)


def _opens_paragraph(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip()


def speaker_mention(token: Token) -> Span:
    """The speaker's mention as written, for a speaker token."""
    return mention_span(token)

"""Direct and partial quotations joined to their cue and speaker.

A quotation of the document (:attr:`quotelib.document.view.DocView.outer`) that no
reported clause already covers is attached, in this order of preference, to

1. a cue verb of its sentence linked to it on the parse (``"...," he said``,
   ``X said: "..."``, ``addressing Xi as his "dear friend"``), or the
   nearest cue verb of its sentence when the quotation is a whole clause;
2. a dash attribution (``"..." — Sergei Lavrov``);
3. a cue closing the sentence before it with a colon (``X said:`` + quote).

A quotation that none of these reach is left to the conversation
(:mod:`quotelib.rules.dialogue`): joined to a neighbouring quotation of its
paragraph, given the speaker the conversation tells, or, when it is no
utterance (a scare quote, a title, a nickname), no attribution at all.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence

import attrs
from spacy.tokens import Span, Token

from quotelib.document.animacy import can_speak, is_dummy_subject
from quotelib.document.attribution import Attribution
from quotelib.document.cues import is_cue_verb, is_speech_verb, noun_class, verb_class
from quotelib.document.syntax import NOMINAL_SUBJECTS, is_passive, name_head, subject_of
from quotelib.document.view import DocView
from quotelib.rules.person import is_person
from quotelib.rules.reported import noun_speaker
from quotelib.rules.speaking import gives_way, speaker_index
from quotelib.rules.utterance import is_clause, is_utterance, opens_paragraph
from quotelib.text.dashes import DASH_MARKS
from quotelib.text.marks import Quotation
from quotelib.text.ranges import merge

__all__ = ["attach_quotations", "quotation_owners"]

logger = logging.getLogger(__name__)

# A dash and a source after a quotation, on its line or as the next paragraph.
_DASH_SOURCE = re.compile(r"[ \t]*(?P<own>\s*\n\s*)?(?:—|–|--|-)[ \t]*(?=\w)")
# How long a paragraph of its own that names a dashed source may be.
_DASH_LINE = 80


def attach_quotations(view: DocView, reported: Sequence[Attribution]) -> list[Attribution]:
    """The reported attributions widened over the quotations they touch, and the quotations
    joined to cues and speakers, old and new, in text order.

    Returns new records; ``reported`` is left as it is.
    """
    outer, starts = view.outer, [q.start for q in view.outer]
    found = [attrs.evolve(a, parts=_widen(a.parts, outer, starts)) for a in reported]
    owner = quotation_owners(outer, starts, found)
    joined: dict[int, list[int]] = {}  # attribution index -> quotations joined to it
    by_cue = {a.cue_token: n for n, a in enumerate(found) if a.cue_token is not None}
    for index, quotation in enumerate(outer):
        if index in owner:
            continue
        cue = _cue_token(view, quotation, by_cue)
        if cue is not None and cue.i not in by_cue and _gives_way(view, cue, quotation):
            cue = None  # "'...,' the thought came to her": left to the conversation
        source = None if cue is not None else _dash_source(view, quotation)
        if cue is not None and cue.i in by_cue:
            owner[index] = by_cue[cue.i]
            joined.setdefault(owner[index], []).append(index)
        elif cue is not None:
            owner[index] = by_cue[cue.i] = len(found)
            found.append(_new_attribution(view, cue, quotation))
        elif source is not None:
            owner[index] = len(found)
            found.append(Attribution(parts=quotation.parts, rule="dash", speaker=source.i))
    final = [
        _finished(view, a, [outer[i] for i in joined.get(n, ())], starts)
        for n, a in enumerate(found)
    ]
    return sorted(final, key=lambda a: a.start)


def _finished(
    view: DocView, attribution: Attribution, joined: list[Quotation], starts: list[int]
) -> Attribution:
    """The attribution with the quotations joined to it, and its speaker outside the quotations."""
    parts = merge([*attribution.parts, *(part for q in joined for part in q.parts)])
    speaker = attribution.speaker
    if speaker is not None and view.marks.contains(view.doc[speaker].idx):
        speaker = _speaker_outside(view, attribution)
    if speaker is None and attribution.cue is not None:
        parts, speaker = _speaker_in_content(view, parts, attribution.cue[0], starts)
    if speaker is None and attribution.cue_token is not None:
        speaker = _subject_before(view, attribution.cue_token)
    if speaker is None and attribution.cue_token is not None:
        speaker = _speaker_after_dash_turn(view, attribution.cue_token, starts)
    return attrs.evolve(attribution, parts=parts, speaker=speaker)


def _speaker_after_dash_turn(view: DocView, cue: int, starts: list[int]) -> int | None:
    """The speaker after an inverted cue that ends a dash turn's words, which the parser
    read as the cue's object: ``— Why? asked Tom.`` (quote marks before the cue tell the
    parse the same, ``"Why?" asked Tom.``)."""
    verb = view.doc[cue]
    before = bisect.bisect_left(starts, verb.idx) - 1
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or before < 0:
        return None
    turn = view.outer[before]
    if turn.mark not in DASH_MARKS or view.text[turn.end : verb.idx].strip(" ,"):
        return None
    for token in view.doc[cue + 1 : cue + 5]:
        if token.is_punct:
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            return name_head(token).i
    return None


def _subject_before(view: DocView, cue: int) -> int | None:
    """The nearest person subject before a cue verb whose subject the parse lost (``Fraulein
    Mosebach followed her, but lingered to say ...`` hung off the quotation), outside every
    quotation and within its sentence; never for a passive ("it was said") or a cue whose
    subject is a dummy that names no one ("it is hard to believe ...")."""
    verb = view.doc[cue]
    if verb.pos_ != "VERB" or is_passive(verb):
        return None
    subject = subject_of(verb)
    if subject is not None and is_dummy_subject(subject):
        return None
    sentence = view.sentences.of(cue)
    for token in reversed(sentence[: cue - sentence.start]):
        if view.marks.contains(token.idx):
            continue
        if token.dep_ in NOMINAL_SUBJECTS and is_person(token):
            return name_head(token).i
    return None


def _speaker_in_content(
    view: DocView, parts: list[tuple[int, int]], cue_start: int, starts: list[int]
) -> tuple[list[tuple[int, int]], int | None]:
    """A speaker the parser put inside the content: ``"...," Gene Sperling, an adviser,
    said`` parsed as one clause, the name an apposition of the quotation. The words
    between the last quotation and the cue name the speaker; the content ends with the
    quotation."""
    last = parts[-1]
    if last[1] > cue_start or view.marks.contains(last[1] - 1):
        return parts, None
    before = bisect.bisect_left(starts, last[1]) - 1  # the last quotation opening in the part
    if before < 0 or view.outer[before].start < last[0] or view.outer[before].end >= last[1]:
        return parts, None
    end = view.outer[before].end
    words = view.doc.char_span(end, last[1], alignment_mode="contract")
    head = next((t for t in words or () if not t.is_punct), None)
    if head is None or head.pos_ not in ("PROPN", "NOUN") or not can_speak(name_head(head)):
        return parts, None
    return [*parts[:-1], (last[0], end)], name_head(head).i


def _speaker_outside(view: DocView, attribution: Attribution) -> int | None:
    """A speaker the parser put inside the quotation: look beside the cue instead.

    ``"The more people know Bernie, the better," Briggs said`` parses "people"
    as the subject of "said"; the name next to the cue is the speaker, the nearest
    mention that can speak (``replied the other, in a low voice``: "the other").
    """
    if attribution.cue_token is None:
        return None
    cue = attribution.cue_token
    sentence = view.sentences.of(cue)
    at = cue - sentence.start
    after = list(sentence[at + 1 : at + 9])  # the eight nearest: after the cue, then before
    before = sentence[max(0, at - (8 - len(after))) : at]
    for token in [*after, *reversed(before)]:
        if view.marks.contains(token.idx) or token.is_quote:
            continue
        named = token.pos_ in ("PROPN", "NOUN", "PRON", "ADJ") and token.dep_ != "compound"
        if named and can_speak(token):
            return token.i
    return None


def _widen(
    parts: tuple[tuple[int, int], ...], quotations: Sequence[Quotation], starts: list[int]
) -> list[tuple[int, int]]:
    """Let content parts that touch a quotation take all of it, paragraph by paragraph."""
    widened = []
    for start, end in parts:
        pieces = [(start, end)]
        for index in _touching(quotations, starts, start, end):
            quotation = quotations[index]
            if len(quotation.parts) == 1:
                # One paragraph: stretch over the quotation, marks included (not a dash,
                # which the records keep no more than a quote mark).
                low, high = _marked(quotation)
                pieces = [
                    (min(s, low), max(e, high))
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


def _marked(quotation: Quotation) -> tuple[int, int]:
    """A quotation's range with its quote marks, or its words when a dash opens it."""
    return quotation.parts[0] if quotation.mark in DASH_MARKS else (quotation.start, quotation.end)


def _touching(quotations: Sequence[Quotation], starts: list[int], start: int, end: int) -> range:
    """Indices of the (non-overlapping, sorted) quotations that overlap ``[start, end)``."""
    first = bisect.bisect_right(starts, start) - 1
    if first < 0 or quotations[first].end <= start:
        first += 1
    return range(first, bisect.bisect_left(starts, end))


def quotation_owners(
    quotations: Sequence[Quotation], starts: list[int], attributions: Sequence[Attribution]
) -> dict[int, int]:
    """Which attribution (by index) owns each quotation (by index): the first whose content
    covers half its characters or more. ``starts`` are the quotations' start offsets."""
    owner: dict[int, int] = {}
    for number, attribution in enumerate(attributions):
        for index in _touching(quotations, starts, attribution.start, attribution.end):
            if index not in owner and _covers(attribution, quotations[index]):
                owner[index] = number
    return owner


def _covers(attribution: Attribution, quotation: Quotation) -> bool:
    size = sum(end - start for start, end in quotation.parts)
    shared = sum(
        max(0, min(end, q_end) - max(start, q_start))
        for start, end in attribution.parts
        for q_start, q_end in quotation.parts
    )
    return shared * 2 >= size


def _gives_way(view: DocView, cue: Token, quotation: Quotation) -> bool:
    """Whether a new cue leaves its quotation to the conversation: the cue's subject is no
    one, and the quotation is an utterance the conversation reads. A noun ("his reply:
    ...") is always someone's; a quotation that is no utterance (``"...," called a voice``
    hangs on its cue) keeps its cue, without a speaker."""
    if cue.pos_ == "NOUN" or not gives_way(view, subject_of(cue)):
        return False
    return is_utterance(view, quotation)


def _new_attribution(view: DocView, cue: Token, quotation: Quotation) -> Attribution:
    noun = cue.pos_ == "NOUN"
    source = noun_speaker(cue) if noun else subject_of(cue)
    if not noun and gives_way(view, source):
        source = None  # no one speaks, and the quotation is no utterance of a conversation
    return Attribution(
        parts=quotation.parts,
        rule="direct-noun" if noun else "direct",
        cue=(cue.idx, cue.idx + len(cue)),
        cue_token=cue.i,
        speaker=speaker_index(view, source),
        cue_class=noun_class(cue) if noun else verb_class(cue, quoting=True),
    )


def _quotation_tokens(view: DocView, quotation: Quotation) -> Span | None:
    start, end = quotation.parts[0][0], quotation.parts[-1][1]
    return view.doc.char_span(start, end, alignment_mode="expand")


def _cue_token(view: DocView, quotation: Quotation, by_cue: dict[int, int]) -> Token | None:
    """The cue of a quotation: in its sentence, or a neighbour sentence of its own."""
    inside = _quotation_tokens(view, quotation)
    if inside is None or len(inside) == 0:
        return None
    sentences = _sentences(view, inside)
    candidates = [
        t
        for sent in sentences
        for t in view.cues_in(sent)
        if is_cue_verb(t, view.marks, quoting=True)
    ]
    linked = [t for t in candidates if _linked(t, inside)]
    if linked:
        return min(linked, key=lambda t: _distance(t, quotation))
    speech = [t for t in candidates if is_speech_verb(t)]
    if speech and is_clause(inside):
        return min(speech, key=lambda t: _distance(t, quotation))
    after = _cue_after(view, quotation, sentences, by_cue)
    return after if after is not None else _cue_before(view, quotation, sentences)


def _sentences(view: DocView, inside: Span) -> list[Span]:
    """The sentences that ``inside`` overlaps."""
    first = view.sentences.index(inside.start)
    last = view.sentences.index(inside.end - 1)
    return view.sentences.spans[first : last + 1]


def _cue_after(
    view: DocView, quotation: Quotation, sentences: list[Span], by_cue: dict[int, int]
) -> Token | None:
    """``"...," X said.`` split off as a sentence of its own, on the quotation's line."""
    doc, text = view.doc, view.text
    line_end = text.find("\n", quotation.end)
    after = sentences[-1].end
    if after >= len(doc) or (line_end >= 0 and doc[after].idx >= line_end):
        return None
    following = view.sentences.of(after)
    if text[quotation.end : following.start_char].strip():
        return None
    quoted = view.marks.overlapping(following.start_char, following.end_char)
    limit = quoted[0][0] if quoted else following.end_char
    for token in view.cues_in(following):
        if token.idx >= limit:
            break
        live = is_cue_verb(token, view.marks, quoting=True) and is_speech_verb(token)
        if live and token.i not in by_cue:
            return token
    return None


def _cue_before(view: DocView, quotation: Quotation, sentences: list[Span]) -> Token | None:
    """``X said:`` closing the sentence before the quotation."""
    text, before = view.text, sentences[0].start
    if before == 0:
        return None
    previous = view.sentences.of(before - 1)
    said = text[previous.start_char : previous.end_char]  # Span.text joins its tokens
    if not said.rstrip().endswith(":") or "\n" in text[previous.end_char : quotation.start].strip(
        "\n"
    ):
        return None
    found = view.cues_in(previous)
    cues = [t for t in found if is_cue_verb(t, view.marks, quoting=True) and is_speech_verb(t)]
    cues = cues or [t for t in found if t.pos_ == "NOUN" and noun_class(t) is not None]
    return cues[-1] if cues else None


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


def _dash_source(view: DocView, quotation: Quotation) -> Token | None:
    match = _DASH_SOURCE.match(view.text, quotation.end)
    if match is None:
        return None
    if match.group("own") is not None:  # "- Bernie Sanders." as a paragraph of its own
        line_end = view.text.find("\n", match.end())
        line_end = len(view.text) if line_end < 0 else line_end
        if line_end - match.end() > _DASH_LINE or not opens_paragraph(view, quotation.start):
            return None
    span = view.doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is None or span[0].pos_ != "PROPN":
        return None
    return name_head(span[0])

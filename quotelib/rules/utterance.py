"""How a quotation sits in its conversation: whether it is an utterance, the
paragraph it opens or not, the narrative sentences around it, whose names it
addresses.

These are the questions the rules of :mod:`quotelib.rules.dialogue` ask of a
:class:`~quotelib.document.view.DocView`; each answers from the view alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from quotelib.document.animacy import can_speak
from quotelib.document.syntax import NOMINAL_SUBJECTS, name_head
from quotelib.document.view import DocView
from quotelib.rules.person import is_person, people
from quotelib.text.marks import CLOSING_MARK_CLASS, Quotation

__all__ = [
    "addressees",
    "is_clause",
    "is_utterance",
    "opens_paragraph",
    "person_subject",
    "sentences_between",
    "vocatives",
]

# What an utterance's last character inside its marks may be.
_ENDS_UTTERANCE = frozenset(".!?,;:—–-…")
# What may stand right before a quotation that opens a sentence.
_SENTENCE_BEFORE = re.compile(rf"(?:^|[.!?…:;—–]|[.!?]{CLOSING_MARK_CLASS})\s*$")
# What sets a vocative name off: "Edward, come here.", "You look pale, Edward."
_VOCATIVE_BEFORE = frozenset({",", "“", '"', "‘", "'", "—", "–"})
_VOCATIVE_AFTER = frozenset({",", ".", "!", "?", "”", '"', ";", "’", "—", "–"})


def is_utterance(view: DocView, quotation: Quotation) -> bool:
    """Whether a quotation is someone's words rather than a scare quote, a title or a name.

    An utterance stands as a sentence of its own (it opens its paragraph, or
    follows the end of a sentence, a colon or a dash) and either ends with
    punctuation inside its marks (``"Every house on this street."``) or is
    a clause of four words or more with a verb. ``the so-called "deal"``,
    ``the film "Jaws"`` and ``"Mr. Smith"`` are not.
    """
    text = view.text
    start, end = quotation.parts[0][0], quotation.parts[-1][1]
    layout = view.layout
    before = max(layout.start(layout.paragraph(quotation.start)), quotation.start - 200)
    if not _SENTENCE_BEFORE.search(text[before : quotation.start]):
        return False
    if text[end - 1] in _ENDS_UTTERANCE:
        return True
    inside = view.doc.char_span(start, end, alignment_mode="expand")
    return inside is not None and is_clause(inside)


def is_clause(inside: Span) -> bool:
    """Whether a quotation's inside is a clause: four words or more, one a verb (the word
    count stops as soon as it can answer)."""
    words = 0
    for token in inside:
        words += token.is_alpha
        if words == 4:
            return any(t.pos_ in ("VERB", "AUX") for t in inside)
    return False


def sentences_between(view: DocView, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]`` that hold a word outside the quotations."""
    span = view.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return []
    first, last = view.sentences.index(span.start), view.sentences.index(span.end - 1)
    return [
        sentence
        for sentence in view.sentences.spans[first : last + 1]
        if any(
            span.start <= t.i < span.end and t.is_alpha and not view.marks.contains(t.idx)
            for t in sentence
        )
    ]


def person_subject(view: DocView, sentence: Span, *, speakers: bool = False) -> int | None:
    """The subject of a narrative sentence's main verb, outside every quotation, when it is
    a person: a proper name, a personal pronoun, a capitalised noun (with ``speakers``, any
    noun that can speak, as "the report" or "his letter" speak for someone:
    :func:`~quotelib.document.animacy.can_speak`)."""
    for token in sentence:
        if view.marks.contains(token.idx):
            continue
        speaks = is_person(token) or (speakers and token.pos_ == "NOUN" and can_speak(token))
        if token.dep_ in NOMINAL_SUBJECTS and token.head.dep_ == "ROOT" and speaks:
            return name_head(token).i
    return None


def addressees(view: DocView, quotation: Quotation) -> set[str]:
    """The people the quotation addresses (vocatives: ``"..., Edward."``), by their keys
    (:func:`quotelib.rules.person.person_key`)."""
    return people(view, vocatives(view, quotation))


def vocatives(view: DocView, quotation: Quotation) -> list[int]:
    """The head tokens of the names the quotation addresses, in text order."""
    start, end = quotation.parts[0][0], quotation.parts[-1][1]
    inside = view.doc.char_span(start, end, alignment_mode="contract")
    if inside is None:
        return []
    heads = {name_head(t).i for t in inside if t.pos_ == "PROPN" and _is_vocative(t)}
    return sorted(heads)


def _is_vocative(token: Token) -> bool:
    """A name (with its title: "Mr. Darcy") set off by commas or ending the sentence:
    ``"Edward, come here."``, ``"You look pale, Mr. Darcy."``, ``"Well, Edward, what now?"``."""
    doc = token.doc
    first, last = token.i, token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    before = doc[first - 1] if first else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    set_off_before = before is None or before.text in _VOCATIVE_BEFORE or doc[first].is_sent_start
    set_off_after = after is None or after.text in _VOCATIVE_AFTER
    return set_off_before and set_off_after


def opens_paragraph(view: DocView, offset: int) -> bool:
    """Whether only whitespace stands between ``offset`` and the start of its paragraph."""
    start = view.layout.start(view.layout.paragraph(offset))
    return not view.text[start:offset].strip()

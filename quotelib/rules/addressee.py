"""Who is spoken to: the addressee a cue names, or a name the quotation addresses.

An attribution's addressee is, the surest first:

1. a proper name the cue takes as the person addressed: the object of a verb
   of :data:`quotelib.lexicon.ADDRESSEE_VERBS` (``told Xi``, ``urged
   Congress``), or the object of its "to" (``said to Xi``; with the verbs of
   :data:`quotelib.lexicon.ADDRESSED_TO_VERBS` too: ``wrote to Xi``);
2. a vocative inside the attribution's quotations (``"You look pale,
   Edward."``, found by :func:`quotelib.rules.utterance.addressees`) when the
   quotation is an utterance (:func:`quotelib.rules.utterance.is_utterance`), the
   name is no subject, object or conjunct on the parse, and it is not inside
   a quotation the quotation quotes (``"Marla said, 'Susan, ...'"``);
3. any other mention the cue takes that way: a pronoun (``she told him``),
   a noun phrase (``said to his sister``, ``told reporters``).

An object that is the content itself (``asked a question``), sits inside a
quotation or is the speaker is none; neither is ``it``, ``this``,
``something`` and the other :data:`quotelib.lexicon.CONTENTLESS_OBJECTS`, nor
``a question``, ``the story`` and the other :data:`quotelib.lexicon.TOLD_THINGS`.
A transcript's turns carry no quote marks and so no vocative is read in them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
from spacy.tokens import Span, Token

from quotelib.document.attribution import Attribution
from quotelib.document.syntax import name_head
from quotelib.document.view import DocView
from quotelib.lexicon import (
    ADDRESSED_TO_VERBS,
    ADDRESSEE_VERBS,
    CONTENTLESS_OBJECTS,
    TOLD_THINGS,
    cue_lemma,
)
from quotelib.rules.person import is_one_of, people
from quotelib.rules.utterance import addressees, is_utterance

__all__ = ["addressee_of", "find_addressees"]

_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_PERSON_POS = frozenset({"PROPN", "PRON", "NOUN"})
# What a name that is no vocative is to its verb: "viewed Buckley", "It was Bobby Scott!".
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "poss", "agent", "dative", "iobj"}
)


def find_addressees(view: DocView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, each with its addressee's head token when it has one.

    Returns new records; ``attributions`` is left as it is.

    Examples:
        >>> import quotelib
        >>> from quotelib.rules.reported import find_attributions
        >>> view = DocView.build(quotelib.load_pipeline()("Xi told Putin that ties were strong."))
        >>> [found] = find_addressees(view, find_attributions(view))
        >>> view.doc[found.speaker].text, view.doc[found.addressee].text
        ('Xi', 'Putin')
    """
    found = []
    starts = [quotation.start for quotation in view.outer]
    for attribution in attributions:
        addressee = addressee_of(view, attribution, starts)
        if addressee is not None:
            attribution = attrs.evolve(attribution, addressee=addressee)
        found.append(attribution)
    return found


def addressee_of(view: DocView, attribution: Attribution, starts: list[int]) -> int | None:
    """The token index of the attribution's addressee, or ``None``: a name the cue takes,
    a vocative, any other mention the cue takes, in this order.

    ``starts`` are where the quotations of ``view.outer`` start, in order.
    """
    cued = _cue_addressee(view, attribution)
    if cued is not None and view.doc[cued].pos_ == "PROPN":
        return cued
    vocative = _vocative(view, attribution, starts)
    return vocative if vocative is not None else cued


def _cue_addressee(view: DocView, attribution: Attribution) -> int | None:
    if attribution.cue_token is None:
        return None
    cue = view.doc[attribution.cue_token]
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    lemma = cue_lemma(cue)
    addresses, speaks_to = lemma in ADDRESSEE_VERBS, lemma in ADDRESSED_TO_VERBS
    if not (addresses or speaks_to):
        return None
    candidates = [c for c in cue.children if addresses and c.dep_ in _OBJECT_DEPS]
    candidates += [
        pobj
        for prep in cue.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for candidate in candidates:
        if _can_be_addressed(view, attribution, candidate):
            return name_head(candidate).i
    return None


def _can_be_addressed(view: DocView, attribution: Attribution, token: Token) -> bool:
    if token.pos_ not in _PERSON_POS or token.lower_ in CONTENTLESS_OBJECTS | TOLD_THINGS:
        return False
    if token.i == attribution.speaker or view.marks.contains(token.idx):
        return False
    return not any(start <= token.idx < end for start, end in attribution.parts)


def _vocative(view: DocView, attribution: Attribution, starts: list[int]) -> int | None:
    """The first name addressed in the attribution's quotations that is not its speaker."""
    speaker = people(view, () if attribution.speaker is None else (attribution.speaker,))
    first = max(0, bisect.bisect_right(starts, attribution.start) - 1)
    for quotation in view.outer[first : bisect.bisect_left(starts, attribution.end)]:
        if quotation.end <= attribution.start:
            continue
        if not any(s < quotation.end and quotation.start < e for s, e in attribution.parts):
            continue
        names = addressees(view, quotation) - speaker
        if not names or not is_utterance(view, quotation):
            continue
        inside = view.doc.char_span(quotation.start, quotation.end, alignment_mode="contract")
        for token in inside if inside is not None else ():
            if _is_vocative(view, token, names) and _stands_apart(token, inside):
                return token.i
    return None


def _is_vocative(view: DocView, token: Token, names: set[str]) -> bool:
    """A name heading its run, of one of the people ``names`` holds the keys of, no argument
    of a verb ("viewed Buckley, Barry Goldwater, and Ronald Reagan"), and not inside a
    quotation the quotation quotes."""
    if token.pos_ != "PROPN" or name_head(token).i != token.i:
        return False
    if not is_one_of(view, token.i, names) or token.dep_ in _ARGUMENT_DEPS:
        return False
    return not any(q.depth and q.start <= token.idx < q.end for q in view.quotations)


def _stands_apart(token: Token, quotation: Span) -> bool:
    """The name's run is not the whole quotation ("Nooooo!", "JEB BUSH.") nor in a list
    of names ("Nice, France", "Bush, Christie, Rubio or Kasich")."""
    doc = token.doc
    first, last = token.i, token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if not any(t.is_alpha and not first <= t.i <= last for t in quotation):
        return False
    before = doc[first - 2] if first >= 2 and doc[first - 1].text == "," else None
    after = doc[last + 2] if last + 2 < len(doc) and doc[last + 1].text == "," else None
    return not any(t is not None and t.pos_ == "PROPN" for t in (before, after))

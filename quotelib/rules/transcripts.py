"""Interview transcripts: a speaker label opening a paragraph, and the words that follow it.

News prints interviews as transcripts::

    HOST: Let us begin with the budget.
    MAYOR: Well, the numbers were clear.

A *label* opens a paragraph (or a line of it): one to four capitalised words
(``HOST``, ``MR. SMITH``, ``Sen. Warren``, ``Jane Doe``, ``Q``, ``A``) and a
colon, with words after it on the line. What follows the colon, up to the
next label or the end of the paragraph, is the labelled speaker's words: an
attribution with rule ``"transcript"``, the colon as its cue and the label's
last word as its speaker. A document is read as a transcript only when two
of its paragraphs (or lines) open with a label, and with two different
labels (an exchange), so that one headline colon (``Trump: My plans are
set``) stays the ``"colon"`` rule's; in a transcript, the transcript
attribution replaces the colon rule's at each label.

A label is not one when its first word opens notes rather than names
(:data:`quotelib.lexicon.NON_SPEAKER_LABELS`: ``Note:``, ``Update:``, ``The
rule:``), when it is a place (a dateline, ``BEIJING:``, every word in
:data:`quotelib.lexicon.PLACES`), or when a one-word label in title case is
no noun on the parse (``Remember: ...``); labels in capitals are taken as
written.

``Q`` and ``A`` are the interviewer and the person interviewed: when the
introduction (the text before the first label) names them, their names
there are the speakers (``... spoke with Jane Doe``, ``an interview with
Jane Doe``, ``Tom Brown interviewed Jane Doe``, ``Jane Doe was interviewed by
Tom Brown``); otherwise the labels themselves are, mentions as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from spacy.tokens import Token

from quotelib.document.attribution import Attribution
from quotelib.document.syntax import mention_span, name_head
from quotelib.document.view import DocView
from quotelib.lexicon import INTERVIEW_VERBS, INTERVIEW_WITH, NON_SPEAKER_LABELS, RULE_CUES
from quotelib.lexicon.gazetteers import PLACES

__all__ = ["Label", "find_labels", "interview_people", "read_transcripts"]

# One to four capitalised words and a colon, with words after it on the line.
_LABEL = re.compile(
    r"[ \t]*(?P<label>(?:[A-Z][\w'’.&-]*[ \t]+){0,3}[A-Z][\w'’.&-]*)[ \t]*:[ \t]+(?=\S)"
)
_LABEL_POS = frozenset({"PROPN", "NOUN", "X"})
_QUESTION, _ANSWER = "Q", "A"


@attrs.frozen(kw_only=True)
class Label:
    """A speaker label and the turn it opens, on character offsets and token indices.

    Attributes:
        text: the label as written (``"MR. SMITH"``).
        start: where the label starts.
        colon: the token index of its colon.
        speaker: the token index of the label's last word.
        content: the character range of the turn, after the colon.
    """

    text: str
    start: int
    colon: int
    speaker: int
    content: tuple[int, int]


def read_transcripts(view: DocView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions with a transcript's turns, when the document is one.

    Each turn is a new attribution, rule ``"transcript"``, placed before the
    others so that it owns the quotations inside it; the colon rule's
    attribution at a label is dropped. A document with fewer than two labels
    gets its attributions back as they were.

    Examples:
        >>> import quotelib
        >>> text = "HOST: Where do things stand?\\n\\nMAYOR: The numbers were clear."
        >>> [(q.rule, q.speaker.text, q.content.text) for q in quotelib.extract_quotes(text)]
        [('transcript', 'HOST', 'Where do things stand?'), ('transcript', 'MAYOR', 'The numbers were clear.')]
    """
    labels = find_labels(view)
    if len({label.text.upper() for label in labels}) < 2:
        return list(attributions)
    interviewer, interviewee = interview_people(view, labels[0].start)
    at_label = {view.doc[label.colon].idx for label in labels}
    turns = []
    for label in labels:
        speaker = label.speaker
        if label.text == _QUESTION and interviewer is not None:
            speaker = interviewer
        elif label.text == _ANSWER and interviewee is not None:
            speaker = interviewee
        colon = view.doc[label.colon]
        turns.append(
            Attribution(
                parts=[label.content],
                rule="transcript",
                cue=(colon.idx, colon.idx + 1),
                cue_token=colon.i,
                speaker=speaker,
                cue_class=RULE_CUES[":"],
            )
        )
    kept = [a for a in attributions if not (a.rule == "colon" and a.cue[0] in at_label)]
    return turns + kept


def find_labels(view: DocView) -> list[Label]:
    """The speaker labels opening the lines of each paragraph, in text order."""
    text, found = view.text, []
    for start, end in view.layout.paragraphs:
        starts = [start]
        line = text.find("\n", start, end)
        while line >= 0:
            starts.append(line + 1)
            line = text.find("\n", line + 1, end)
        opened = [label for label in (_label_at(view, s, end) for s in starts) if label]
        for number, (label_start, colon, speaker, words, label_text) in enumerate(opened):
            stop = opened[number + 1][0] if number + 1 < len(opened) else end
            if any(map(str.isalpha, text[words:stop])):
                content = (words, stop)
                found.append(
                    Label(
                        text=label_text,
                        start=label_start,
                        colon=colon,
                        speaker=speaker,
                        content=content,
                    )
                )
    return found


def _label_at(view: DocView, start: int, end: int) -> tuple[int, int, int, int, str] | None:
    """The label opening the line at ``start``, as (start, colon token, speaker token,
    where its words start, its text); None when the line opens with none."""
    match = _LABEL.match(view.text, start, end)
    if match is None:
        return None
    label = match.group("label")
    words = label.lower().split()
    if label not in (_QUESTION, _ANSWER) and (
        words[0] in NON_SPEAKER_LABELS
        or words[0].rstrip(".") in NON_SPEAKER_LABELS
        or all(word in PLACES for word in words)  # a dateline: "BEIJING: ..."
    ):
        return None
    colon_at = view.text.index(":", match.end("label"))
    colon = view.doc.char_span(colon_at, colon_at + 1)
    tokens = view.doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand")
    if colon is None or tokens is None or view.marks.contains(colon_at):
        return None
    alpha = [t for t in tokens if t.is_alpha]
    if not alpha:
        return None
    speaker = max(reversed(alpha), key=lambda t: _covered(t, tokens.start, tokens.end))
    if not _reads_as_name(label, speaker):
        return None
    return match.start("label"), colon.start, speaker.i, match.end(), label


def _covered(token: Token, start: int, end: int) -> int:
    """How many tokens of the label ``[start, end)`` the mention headed by ``token`` covers."""
    mention = mention_span(token)
    return min(mention.end, end) - max(mention.start, start)


def _reads_as_name(label: str, speaker: Token) -> bool:
    """Capitals, Q and A are labels as written; a label in title case of one word must be a
    noun on the parse ("Remember: ..." is no label)."""
    if label in (_QUESTION, _ANSWER) or label.isupper() or " " in label:
        return True
    return speaker.pos_ in _LABEL_POS


def interview_people(view: DocView, end: int) -> tuple[int | None, int | None]:
    """The interviewer and the person interviewed that the text before ``end`` names,
    as the token indices of their names (``None`` for one it does not name).

    Read on the parse: "X interviewed Y" and "Y was interviewed by X"; "X spoke
    with Y", "talked to Y", "an interview with Y".
    """
    doc = view.doc
    last = doc.char_span(0, end, alignment_mode="contract")
    if last is None:
        return None, None
    for token in last:
        lower = token.lower_
        if lower in INTERVIEW_VERBS and token.pos_ == "VERB":
            found = _interviewed(token)
        elif lower in INTERVIEW_WITH or lower in INTERVIEW_VERBS:
            found = _spoken_with(token)
        else:
            continue
        interviewer, interviewee = (_named(t) for t in found)
        if interviewee is not None:
            return interviewer, interviewee
    return None, None


def _interviewed(verb: Token) -> tuple[Token | None, Token | None]:
    """(interviewer, interviewee) of "X interviewed Y" or "Y was interviewed by X"."""
    children = list(verb.children)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        by = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
        return by, passive
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    return subject, next((c for c in children if c.dep_ == "dobj"), None)


def _spoken_with(token: Token) -> tuple[Token | None, Token | None]:
    """(interviewer, interviewee) of "X spoke with Y", "talked to Y", "an interview with Y"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            interviewee = next((c for c in prep.children if c.dep_ == "pobj"), None)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return subject, interviewee
    return None, None


def _named(token: Token | None) -> int | None:
    """The head of a proper name, or None for anything else."""
    if token is None:
        return None
    head = name_head(token)
    return head.i if head.pos_ == "PROPN" else None

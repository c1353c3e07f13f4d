"""One view of a parsed document, and the records the stages pass on.

:class:`DocView` (:mod:`quotelib.document.view`) is built once per document
and read by every stage: the caller's text, sentences, paragraphs, the
quotations paired on the text, the candidate cues
(:mod:`quotelib.document.cues`, the one definition of a cue) and the token
attributes as columns. :mod:`quotelib.document.syntax` answers small
questions of the parse (who is the subject, is it negated);
:mod:`quotelib.document.animacy` whether a mention can speak at all
(:func:`can_speak`: "the girl" can, "the thought" cannot).
:class:`Attribution` (:mod:`quotelib.document.attribution`) is what a rule
found, on plain offsets.
"""

from __future__ import annotations

from quotelib.document.animacy import can_speak, speaking_mention
from quotelib.document.attribution import RULES, Attribution, SpeakerName
from quotelib.document.columns import Columns
from quotelib.document.view import DocView, Sentences

__all__ = [
    "Attribution",
    "Columns",
    "DocView",
    "RULES",
    "Sentences",
    "SpeakerName",
    "can_speak",
    "speaking_mention",
]

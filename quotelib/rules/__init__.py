"""The rules: which token speaks and what was said, read off one document's view.

Each rule is a stage, a function of the :class:`~quotelib.document.DocView`
and the attributions found before it, returning new ones; they run in this
order (:func:`quotelib.core.attribute`):

1. :func:`find_attributions`: reported speech from the cues;
   :func:`read_transcripts`: the turns of an interview transcript;
2. :func:`attach_quotations`: quotations joined to cues and speakers;
3. :func:`converse`: the cue-less utterances of a conversation;
4. :func:`drop_nested`: attributions said inside another one dropped;
5. :func:`owners_speak`: a possessive speaker read as its owner;
6. :func:`find_addressees`: the person spoken to.

A rule takes a cue's subject as its speaker only when it can speak
(:mod:`quotelib.rules.speaking`, asking :mod:`quotelib.document.animacy`):
"the thought" or "her habit" is no one, and the rule gives way. The rules say
which token speaks, never whom it names: that is :mod:`quotelib.entities`, and
the two never import each other.
"""

from __future__ import annotations

from quotelib.rules.addressee import find_addressees
from quotelib.rules.dialogue import converse
from quotelib.rules.direct import attach_quotations
from quotelib.rules.nesting import drop_nested
from quotelib.rules.owners import owners_speak
from quotelib.rules.reported import find_attributions
from quotelib.rules.transcripts import read_transcripts

__all__ = [
    "attach_quotations",
    "converse",
    "drop_nested",
    "find_addressees",
    "find_attributions",
    "owners_speak",
    "read_transcripts",
]

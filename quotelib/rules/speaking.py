"""Whom a rule takes as the speaker of the subject it found, and when it gives way.

A cue's subject speaks when it is someone
(:func:`~quotelib.document.animacy.speaking_mention`): ``"...," the girl said`` is the
girl's, ``"...," said her faint voice`` hers. When the subject is no one (``"...," the
thought came to her``, ``her habit suggested calm``), the rule gives way
(:func:`gives_way`): a quotation is left to the next rule, reported speech is not
reported. Two subjects never make a rule give way: a dummy "it" (``it seems that
...``), whose clause names no source as "reportedly" does not, and a subject inside a
quotation, which is a parse gone wrong that :mod:`quotelib.rules.direct` mends by
looking beside the cue.

Examples:
    >>> import quotelib
    >>> from quotelib.document import DocView
    >>> view = DocView.build(quotelib.load_pipeline()("Her habit suggested calm. It seems so."))
    >>> gives_way(view, view.doc[1]), gives_way(view, view.doc[5])
    (True, False)
    >>> speaker_index(view, view.doc[0]), speaker_index(view, view.doc[5])
    (0, None)
"""

from __future__ import annotations

from spacy.tokens import Token

from quotelib.document.animacy import is_dummy_subject, speaking_mention
from quotelib.document.view import DocView

__all__ = ["gives_way", "speaker_index"]


def gives_way(view: DocView, subject: Token | None) -> bool:
    """Whether a rule whose subject is ``subject`` gives way: it is no one, outside the
    quotations, and no dummy "it"."""
    if subject is None or view.marks.contains(subject.idx):
        return False
    return speaking_mention(subject) is None and not is_dummy_subject(subject)


def speaker_index(view: DocView, subject: Token | None) -> int | None:
    """The index of the speaker a rule takes for ``subject``: the mention that speaks
    (the owner of a voice), the subject itself inside a quotation (mended later), or
    ``None``: no subject, or one that stands for no one."""
    if subject is None:
        return None
    if view.marks.contains(subject.idx):
        return subject.i
    speaking = speaking_mention(subject)
    return None if speaking is None else speaking.i

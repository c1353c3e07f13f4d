"""A possessive speaker read as its owner: "Trump's" -> "Trump".

A parse may hang a claim on the possessive ending: in "Trump's claim that it
failed", the speaker a rule finds is then the "'s" (dependency ``case``),
whose head is the name that speaks. (The small English pipeline makes the
name the possessor itself; other pipelines, which a caller may pass, do not
always.)

Examples:
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> from quotelib.document import Attribution, DocView
    >>> doc = Doc(Vocab(), words=["Trump", "'s", "claim", "that", "it", "failed"],
    ...           spaces=[False, True, True, True, True, False], heads=[2, 0, 2, 5, 5, 2],
    ...           deps=["poss", "case", "ROOT", "mark", "nsubj", "acl"])
    >>> found = Attribution(parts=[(19, 28)], rule="noun", cue=(9, 14), cue_token=2, speaker=1)
    >>> [owned] = owners_speak(DocView.build(doc), [found])
    >>> doc[found.speaker].text, doc[owned.speaker].text
    ("'s", 'Trump')
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotelib.document.attribution import Attribution
from quotelib.document.view import DocView

__all__ = ["owners_speak"]


def owners_speak(view: DocView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, each whose speaker is a possessive ending with the owner instead.

    Returns new records; ``attributions`` is left as it is.
    """
    return [_owner_speaks(view, attribution) for attribution in attributions]


def _owner_speaks(view: DocView, attribution: Attribution) -> Attribution:
    speaker = attribution.speaker
    if speaker is None or view.doc[speaker].dep_ != "case":
        return attribution
    return attrs.evolve(attribution, speaker=view.doc[speaker].head.i)

"""What a cue is: a word of the lexicon that introduces what someone said, and when it counts.

A cue is a verb of the lexicon ("said", "warned", "called for"), "according
to", a noun ("the claim that ...") or an adjective ("confident that ...").
This module is the one definition of a cue: :func:`candidate_cues` finds the
tokens that may be one, :func:`verb_class` says which verbs are cues and of
what class, and :func:`is_live` which cues report anything at all (not
negated, not the "called" of "so-called"). The reported-speech rules
(:mod:`quotelib.rules.reported`) and the quotation rules (:mod:`quotelib.rules.direct`)
both ask these, and :func:`cue_class_of` classes a cue written as words, with no parse.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from quotelib.document.columns import Columns
from quotelib.document.syntax import is_negated, is_so_called
from quotelib.lexicon import (
    CUE_ADJECTIVES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    DETERMINERS,
    QUOTE_VERBS,
    RULE_CUES,
    SPEECH_CLASSES,
    base_forms,
    cue_lemma,
    is_lexicon_noun,
    is_lexicon_verb,
)
from quotelib.text.ranges import Ranges

__all__ = [
    "candidate_cues",
    "cue_class_of",
    "is_cue_verb",
    "is_live",
    "is_speech_verb",
    "is_verb",
    "noun_class",
    "verb_class",
]

# String ids, to compare with the columns of Doc.to_array.
_ACCORDING = get_string_id("according")
_ADJECTIVE_IDS = frozenset(get_string_id(word) for word in CUE_ADJECTIVES)
# The verb tags of the Penn Treebank tag set, which spaCy's English pipelines use.
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_VERB_TAG_IDS = frozenset(get_string_id(tag) for tag in _VERB_TAGS)


def candidate_cues(doc: Doc, columns: Columns) -> list[int]:
    """Indices of the tokens that may be cues, in order.

    A token may be a cue when it is "according", a verb (by part of speech
    or tag) whose form the lexicon knows, a lexicon noun or a lexicon
    adjective. The lexicon is asked once per (lemma, form) pair, however
    often the pair occurs. ``columns`` are the document's token attributes
    (:class:`quotelib.document.columns.Columns`).
    """
    strings = doc.vocab.strings
    rows = zip(columns.lemmas, columns.lowers, columns.pos, columns.tags)
    return [i for i, row in enumerate(rows) if _may_be_cue(strings, *row)]


def _may_be_cue(strings, lemma: int, lower: int, pos: int, tag: int) -> bool:  # noqa: ANN001
    """The test of :func:`candidate_cues` on one token's string ids."""
    if lower == _ACCORDING:
        return True
    if pos in (VERB, AUX) or tag in _VERB_TAG_IDS:
        return _knows(strings, lemma, lower, verb=True)
    if pos == NOUN:
        return _knows(strings, lemma, lower, verb=False)
    return pos == ADJ and lower in _ADJECTIVE_IDS


def _knows(strings, lemma: int, lower: int, *, verb: bool) -> bool:  # noqa: ANN001
    """Whether the lexicon knows a verb or noun of this lemma and form (string ids)."""
    key = (lemma, lower, verb)
    known = _KNOWN.get(key)
    if known is None:
        if len(_KNOWN) > 65536:
            _KNOWN.clear()
        test = is_lexicon_verb if verb else is_lexicon_noun
        known = _KNOWN[key] = test(strings[lemma].lower(), strings[lower])
    return known


# The lexicon's answers by (lemma, form) string ids, which are the same in every vocabulary.
_KNOWN: dict[tuple[int, int, bool], bool] = {}


def is_verb(token: Token) -> bool:
    """Whether ``token`` is a verb, by its part of speech or its tag."""
    return token.pos in (VERB, AUX) or token.tag_ in _VERB_TAGS


def verb_class(token: Token, *, quoting: bool = False) -> str | None:
    """The cue class of a verb, or ``None`` when the lexicon has no such cue verb.

    With ``quoting``, the verbs that introduce only quotations ("she went on:
    ...", :data:`~quotelib.lexicon.QUOTE_VERBS`) are cues too, of their class there.
    """
    lemma = cue_lemma(token)
    found = CUE_VERBS.get(lemma)
    if found is None and quoting:
        return QUOTE_VERBS.get(lemma)
    return found


def is_live(token: Token) -> bool:
    """Whether a cue reports anything: it is not negated and not the "called" of "so-called"."""
    return not is_negated(token) and not is_so_called(token)


def is_cue_verb(token: Token, marks: Ranges, *, quoting: bool = False) -> bool:
    """Whether ``token`` is a live cue verb of the narrator, outside every quotation (``marks``)."""
    return (
        is_verb(token)
        and verb_class(token, quoting=quoting) is not None
        and not marks.contains(token.idx)
        and is_live(token)
    )


def is_speech_verb(token: Token) -> bool:
    """Whether a cue verb introduces words said or written, not a thought, a finding or a
    judgement: a verb of quotation, or a cue verb of :data:`~quotelib.lexicon.SPEECH_CLASSES`."""
    lemma = cue_lemma(token)
    return lemma in QUOTE_VERBS or CUE_VERBS.get(lemma) in SPEECH_CLASSES


def noun_class(token: Token) -> str | None:
    """The cue class of a noun ("the claim that ..."), or ``None``."""
    return CUE_NOUNS.get(cue_lemma(token))


_CUE_WORDS = re.compile(r"[\w'’-]+|:")


def cue_class_of(words: str) -> str | None:
    """The class of a cue written as words, without a parse (an annotation's cue text).

    "according to" and a lone colon are the cues of their rules
    (:data:`RULE_CUES`); otherwise the first phrase of a verb and its particle
    ("called for"), else the first word that the lexicon knows, its inflected
    form reduced by rule ("has denied"): a noun after a determiner ("in a
    report"), else a verb, a verb of quotation, a noun or an adjective.

    Returns:
        A key of :data:`CUE_CLASSES`, or ``None`` when no word is a cue.

    Examples:
        >>> cue_class_of("has denied"), cue_class_of("called for"), cue_class_of("according to")
        ('denial', 'directive', 'neutral')
        >>> cue_class_of("reported"), cue_class_of("in a report"), cue_class_of("seemed")
        ('neutral', 'evidence', None)
    """
    text = words.lower()
    tokens = _CUE_WORDS.findall(text)
    if tokens == [":"]:
        return RULE_CUES[":"]
    if "according to" in " ".join(tokens):
        return RULE_CUES["according to"]
    forms = [base_forms(token) for token in tokens]
    for here, following in zip(forms, tokens[1:]):
        for form in here:
            if (form, following) in CUE_PHRASES:
                return CUE_PHRASES[form, following]
    for index, candidates in enumerate(forms):
        noun_first = index > 0 and tokens[index - 1] in DETERMINERS
        tables = (
            (CUE_NOUNS, CUE_VERBS, QUOTE_VERBS)
            if noun_first
            else (CUE_VERBS, QUOTE_VERBS, CUE_NOUNS)
        )
        for table in (*tables, CUE_ADJECTIVES):
            found = next((table[form] for form in candidates if form in table), None)
            if found is not None:
                return found
    return None

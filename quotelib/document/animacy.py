"""Who can speak: whether a mention may be the speaker of what a cue introduces.

A speaker is someone (:func:`can_speak`): a proper name; a personal pronoun (he, she, I,
we, they, you); a noun of a person, by kin, age, rank or role ("the boy", "his aunt",
"the old doctor", "the spokesman"), or one that ends as an agent's name does
("the carpenter", "the regulator"); a group of people ("the crowd", "officials"); an
organisation ("the company", "the firm"); a document or medium that speaks for its authors
("the report", "a letter", "the poll"); a share of people ("40 percent of voters", "half");
a capitalised noun inside a sentence, as fiction names a character by its kind ("the
Rabbit", "the Colonel"). No one is a thing, an abstraction or a place ("the thought",
"her habit", "doubts", "a street"), a pronoun or determiner that stands for no one
("that", "something"), nor a dummy "it" ("it seems that ...", "it is clear that ...").
A relative pronoun is whom it stands for ("a man who said", "a look that said").

The voice of someone is not someone, but its owner speaks through it
(:func:`speaking_mention`): ``"Yes," said her faint voice`` is hers.

The words live in :mod:`quotelib.lexicon.animacy`; the rules
(:mod:`quotelib.rules`) ask :func:`speaking_mention` of the subject they find, and give
way when it is no one.

Examples:
    >>> import quotelib
    >>> doc = quotelib.load_pipeline()("The thought came to her. The girl said no.")
    >>> can_speak(doc[1]), can_speak(doc[6])
    (False, True)
    >>> doc = quotelib.load_pipeline()('"Yes," said her faint voice.')
    >>> speaking_mention(doc[7]).text
    'her'
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Token

from quotelib.lexicon import (
    FEMALE_WORDS,
    IT,
    MALE_WORDS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
    SPEAKING_PRONOUNS,
    THEY,
    base_forms,
)
from quotelib.lexicon.animacy import DUMMY_SUBJECT_VERBS, SPEAKING_CLASSES, animacy_class

__all__ = ["can_speak", "is_dummy_subject", "speaking_mention"]

# The personal pronouns the lists of people hold; the animacy lexicon has the others.
_PERSONAL = SPEAKING_PRONOUNS | SECOND_PERSON | MALE_WORDS | FEMALE_WORDS | THEY
# The parts of speech whose words the lists must know for the word to speak.
_COMMON = frozenset({"NOUN", "ADJ", "DET"})


def can_speak(token: Token) -> bool:
    """Whether the mention headed by ``token`` may be a speaker (see the module)."""
    lower = token.lower_
    if lower in IT:
        return not is_dummy_subject(token)
    if lower in RELATIVE_PRONOUNS:
        antecedent = _antecedent(token)
        if antecedent is not None:
            return can_speak(antecedent)  # "a man who said", "a look that said"
    if lower in _PERSONAL or (token.dep_ == "poss" and token.pos_ == "PRON"):
        return True  # "she", "you", the "its" of "its statement"
    if _has_person_clause(token):
        return True  # "those who ...", "anyone who ..."
    found = animacy_class(lower)
    if found == "quantity" or (found is None and token.pos_ == "NUM"):
        share = _of_object(token)
        return share is None or can_speak(share)  # "40 percent (of voters)", "two of them"
    if found in SPEAKING_CLASSES:
        return True
    if found is None and token.pos_ not in _COMMON:
        return True  # a proper name, or a word the tagger took for a pronoun or a verb
    return _is_name(token)


def speaking_mention(token: Token) -> Token | None:
    """The mention that speaks when ``token`` is found as a speaker: the owner of words or
    of a voice when the owner can speak (``her answer``, ``her faint voice``, ``the voice
    of the captain``), else the token itself when it can speak, else ``None``: no one
    speaks."""
    found = animacy_class(token.lower_)
    if found in ("utterance", "voice") and not _is_name(token):
        owner = _owner(token, of=found == "voice")
        speaking = None if owner is None else speaking_mention(owner)
        if speaking is not None:
            return speaking
    return token if can_speak(token) else None


def is_dummy_subject(token: Token) -> bool:
    """Whether ``token`` is an "it" (or "there") that stands for no one: the subject of a
    passive ("it was said"), of a copula or a verb of seeming ("it is clear that", "it
    seems that"). Its clause names no source, as "reportedly" does not.

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()("It seems that taxes will rise. It said so.")
        >>> is_dummy_subject(doc[0]), is_dummy_subject(doc[7])
        (True, False)
    """
    if token.lower_ == "there" and token.dep_ == "expl":
        return True
    if token.lower_ not in IT:
        return False
    if token.dep_ in ("nsubjpass", "expl"):
        return True
    if token.dep_ != "nsubj":
        return False
    head = token.head
    return head.pos_ == "AUX" or any(form in DUMMY_SUBJECT_VERBS for form in base_forms(head.text))


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun stands for: "a man who said", "a report, which said and
    which added"."""
    verb = relative.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i and verb.head.i < relative.i:
        return verb.head
    return None


def _has_person_clause(token: Token) -> bool:
    """Whether a relative clause on ``token`` opens with "who": "those who said"."""
    if not token.n_rights:
        return False
    return any(
        child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.lefts)
        for child in token.rights
    )


def _of_object(token: Token) -> Token | None:
    """The object of an "of" phrase on ``token``: "voters" of "40 percent of voters"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _owner(token: Token, *, of: bool) -> Token | None:
    """Whose ``token`` is: its possessor ("her voice"), else, with ``of``, its "of" object
    ("the voice of the captain")."""
    for child in token.lefts:
        if child.dep_ == "poss":
            return child
    return _of_object(token) if of else None


def _is_name(token: Token) -> bool:
    """Whether a word no list lets speak is written as a name: in capitals ("PACs",
    "BOULDUAN"), capitalised inside a sentence ("the Rabbit"), or, opening a sentence, a
    word the text never writes in lower case ("Trump said", where "Doubts assailed her"
    has "doubts" elsewhere)."""
    text = token.text
    if sum(c.isupper() for c in text) >= 2:
        return True
    if not token.is_title:
        return False
    if not _opens_sentence(token):
        return True
    return not (token.doc.to_array(ORTH) == token.lower).any()  # no token is its lower case


def _opens_sentence(token: Token) -> bool:
    """Whether ``token`` stands where any word is capitalised: first in its sentence, or
    after a punctuation mark (a quote mark, a dash)."""
    if token.i == 0 or token.is_sent_start:
        return True
    return token.doc[token.i - 1].is_punct

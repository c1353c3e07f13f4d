"""Who can speak: whether a mention may be the speaker of what a cue introduces.

A speaker is someone (:func:`can_speak`):

- a person: a proper name; a personal pronoun (he, she, I, we, they, you); a noun of a
  person by kin, age, rank or role ("the boy", "his aunt", "the old doctor", "the
  spokesman"), or one that ends as an agent's name does ("the carpenter", "the
  regulator"); a word no list knows that the text writes as a name ("the Rabbit", "the
  Colonel", or "Trump" opening a sentence where the tagger took it for a noun);
- a group of people ("the crowd", "officials", "40 percent of voters", "those who left",
  "the wounded": an adjective with a determiner stands for people);
- an organisation ("the company", "the Kremlin", "the firm");
- a document or medium that speaks for its authors ("the report", "a letter", "the
  poll"), and words said ("the remarks"), whose owner, when they have one, speaks
  through them ("her answer" is hers, :func:`speaking_mention`);
- "it" standing for one of these ("The company said ... It added ...").

No one is a thing, an abstraction or a place ("the thought", "her habit", "doubts", "a
street"), a pronoun or determiner that stands for no one ("that", "something"), a
voice ("a voice called", but "her faint voice" is hers), nor a dummy "it" that stands
for nothing ("it seems that ...", "it is clear that ...": :func:`is_dummy_subject`). A
relative pronoun "that" or "which" is what it stands for ("a report that said", "a look
that said"); "who" is someone.

The words live in :mod:`quotelib.lexicon.animacy`; the rules ask
:func:`speaking_mention` of the subject they find, and give way when it is no one
(:mod:`quotelib.rules.speaking`). :mod:`quotelib.entities` may ask the same question.

Examples:
    >>> import quotelib
    >>> doc = quotelib.load_pipeline()("The thought came to her. The girl said no.")
    >>> can_speak(doc[1]), can_speak(doc[6])
    (False, True)
    >>> doc = quotelib.load_pipeline()('"Yes," said her faint voice.')
    >>> can_speak(doc[7]), speaking_mention(doc[7]).text
    (False, 'her')
"""

from __future__ import annotations

import functools

import numpy
from spacy.attrs import IS_PUNCT, IS_TITLE, ORTH, SENT_START
from spacy.tokens import Doc, Token

from quotelib.lexicon import (
    FEMALE_WORDS,
    IT,
    MALE_WORDS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
    SEEMING_VERBS,
    SPEAKING_CLASSES,
    SPEAKING_PRONOUNS,
    THEY,
    animacy_class,
    base_forms,
)

__all__ = ["can_speak", "is_dummy_subject", "speaking_mention"]

# The personal pronouns the lists of people hold; the animacy lexicon has the others.
_PERSONAL = SPEAKING_PRONOUNS | SECOND_PERSON | MALE_WORDS | FEMALE_WORDS | THEY
# The relative pronouns that stand for people whatever the parse takes for their antecedent.
_WHO = frozenset({"who", "whom"})
# The parts of speech whose words the lists must know for the word to speak.
_COMMON = frozenset({"NOUN", "ADJ", "DET"})


def can_speak(token: Token) -> bool:
    """Whether the mention headed by ``token`` may be a speaker (see the module).

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()("Her habit and 40 percent of voters were there.")
        >>> [(t.text, can_speak(t)) for t in doc if t.pos_ == "NOUN"]
        [('habit', False), ('percent', True), ('voters', True)]
    """
    lower = token.lower_
    if lower in IT:
        return not is_dummy_subject(token)
    if lower in RELATIVE_PRONOUNS and lower not in _WHO:
        antecedent = _antecedent(token)
        if antecedent is not None:
            return can_speak(antecedent)  # "a report that said", "a look that said"
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
    if found is None and token.pos_ == "ADJ" and _has_determiner(token):
        return True  # "the mystic", "the wounded": an adjective that stands for people
    return _is_name(token, listed=found is not None)


def speaking_mention(token: Token) -> Token | None:
    """The mention that speaks when ``token`` is found as a speaker: the owner of words or
    of a voice when the owner can speak (``her answer``, ``her faint voice``, ``the voice
    of the captain``), else the token itself when it can speak, else ``None``: no one
    speaks.

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()("Her answer's tone was cold; a voice was colder.")
        >>> speaking_mention(doc[3]).text, speaking_mention(doc[8])
        ('Her', None)
    """
    found = animacy_class(token.lower_)
    if found in ("utterance", "voice") and not _is_name(token, listed=True):
        owner = _owner(token, of=found == "voice")
        speaking = None if owner is None else speaking_mention(owner)
        if speaking is not None:
            return speaking
    return token if can_speak(token) else None


def is_dummy_subject(token: Token) -> bool:
    """Whether ``token`` is an "it" (or "there") that stands for no one: the subject of a
    passive ("it was said"), of a copula with a predicate ("it is clear that", "it is a
    shame to") or of a verb of seeming ("it seems that"). Its clause names no source, as
    "reportedly" does not; "it was to report" is the company's.

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
    if any(child.dep_ in ("acomp", "attr") for child in head.children):
        return True  # "it is clear that", "it was suggestions that"
    return head.pos_ != "AUX" and any(form in SEEMING_VERBS for form in base_forms(head.text))


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


def _has_determiner(token: Token) -> bool:
    """Whether ``token`` has a determiner of its own ("the" of "the mystic")."""
    return any(child.dep_ == "det" for child in token.lefts)


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


def _is_name(token: Token, *, listed: bool) -> bool:
    """Whether a word no list lets speak is written as a name: in capitals ("PACs",
    "BOULDUAN"), capitalised inside a sentence ("the Rabbit"), or, opening a sentence, a
    word that no list knows (``listed``: "That" is a word) and that the text capitalises
    inside a sentence too ("Fields said", after "Michelle Fields"), or, singular, never
    writes in lower case ("Trump said", where the tagger took "Trump" for a noun; "Doubts
    assailed her" is neither)."""
    text = token.text
    if sum(c.isupper() for c in text) >= 2:
        return True
    if not token.is_title:
        return False
    if not _opens_sentence(token):
        return True
    if listed:
        return False
    words, names = _written(token.doc)
    if token.orth in names:
        return True
    return token.tag_ not in ("NNS", "NNPS") and token.lower not in words


@functools.lru_cache(maxsize=1)
def _written(doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
    """How ``doc`` writes its words (``ORTH`` ids): every word as written, and the words it
    capitalises inside a sentence. Read once for the document whose speakers are being
    read: a novel asks about dozens of its capitalised words."""
    orths, title, start, punct = doc.to_array([ORTH, IS_TITLE, SENT_START, IS_PUNCT]).T
    after_punct = numpy.concatenate(([True], punct[:-1] == 1))
    inside = (title == 1) & (start != 1) & ~after_punct  # SENT_START is 1 at a start
    return frozenset(orths.tolist()), frozenset(orths[inside].tolist())


def _opens_sentence(token: Token) -> bool:
    """Whether ``token`` stands where any word is capitalised: first in its sentence, or
    after a punctuation mark (a quote mark, a dash)."""
    if token.i == 0 or token.is_sent_start:
        return True
    return token.doc[token.i - 1].is_punct

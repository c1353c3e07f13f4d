"""When two speaker names name the same person: the scorer's test of a speaker's name.

Names are compared as sets of case-folded words, without articles, titles
(:data:`TITLES`) and a possessive ``'s``; two names that are titles alone
("the Secretary", "Secretary") are compared by their titles; a pronoun alone
never makes two names match (:data:`PRONOUNS`). :func:`quotelib.evaluate` asks this of each
predicted speaker name and the gold speaker's names (see
:mod:`quotelib.evaluation.scoring`).
"""

from __future__ import annotations

import re

__all__ = ["PRONOUNS", "TITLES", "names_match"]

# fmt: off
#: Words dropped from speaker names before they are compared.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "president", "vice", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "secretary", "minister", "prime", "mayor", "judge",
    "justice", "gen", "general", "lt", "col", "sgt", "adm", "chairman", "chairwoman", "chair",
    "ambassador", "sheriff", "attorney", "former", "candidate",
})

#: Words that never make two names match on their own.
PRONOUNS = frozenset({
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
    "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
    "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "one",
    "who", "whom", "whose", "this", "that", "these", "those",
})
# fmt: on

_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)


def names_match(predicted: str, gold: str) -> bool:
    """Whether two speaker names refer to the same person by their words.

    Words are case-folded ``\\w+`` matches, without articles, titles
    (:data:`TITLES`) and a possessive ``'s``; when neither name has a word
    left, their titles are the words (a character known by a title alone,
    "the President"). The names match when one word set contains the other
    and they share at least one word that is not a pronoun.

    Examples:
        >>> names_match("Mr. Putin", "Vladimir Putin")
        True
        >>> names_match("Clinton's", "Hillary Clinton")
        True
        >>> names_match("he", "He")
        False
        >>> names_match("Bill Clinton", "Hillary Clinton")
        False
        >>> names_match("Secretary", "The Secretary"), names_match("the Secretary", "President")
        (True, False)
        >>> names_match("Professor", "Professor De Worms")
        False
    """
    a, b = _name_words(predicted), _name_words(gold)
    if not a and not b:
        a, b = _name_words(predicted, TITLES), _name_words(gold, TITLES)
    return (a <= b or b <= a) and bool((a & b) - PRONOUNS)


def _name_words(name: str, kept: frozenset[str] = frozenset()) -> frozenset[str]:
    words = _WORD.findall(_POSSESSIVE.sub("", name).casefold())
    return frozenset(words) - (TITLES - kept) - _ARTICLES

"""Every word list of quotelib, each concept once, each word in one class.

The lists live in five modules, one concern each, and are all read from here:

- :mod:`quotelib.lexicon.cues`: the cue lexicon, every cue in one class of
  :data:`CUE_CLASSES` (``docs/cues.md`` tabulates them), and the word forms
  that reduce an inflected word to the form the lexicon lists;
- :mod:`quotelib.lexicon.grammar`: the words the rules of grammar ask about
  (prepositions of content and of time, objects that are no content);
- :mod:`quotelib.lexicon.people`: the words of people (titles, pronouns,
  anonymous sources);
- :mod:`quotelib.lexicon.gazetteers`: the names of places, organisations and
  dates, which tell them from a person's name;
- :mod:`quotelib.lexicon.animacy`: the words that tell who can speak (people,
  groups, institutions, documents) from what is no one (a thought, a door),
  each word in one class of :data:`ANIMACY_CLASSES`.

Everything is lower-cased. The characters of quotation marks are not words:
they live with the pairing of marks, in :mod:`quotelib.text.marks`.

Examples:
    >>> from quotelib.lexicon import CUE_VERBS, TITLES
    >>> CUE_VERBS["deny"], "senator" in TITLES
    ('denial', True)
"""

from __future__ import annotations

from quotelib.lexicon.animacy import (
    AGENT_SUFFIXES,
    ANIMACY_CLASSES,
    SEEMING_VERBS,
    SPEAKER_CLASSES,
    SPEAKING_CLASSES,
    animacy_class,
)
from quotelib.lexicon.cues import (
    CUE_ADJECTIVES,
    CUE_CLASSES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    INVERTED_CUES,
    NOUN_VERB_SPLITS,
    PHRASE_VERBS,
    PROPOSITION_CLASSES,
    QUOTE_VERBS,
    RULE_CUES,
    SPEECH_CLASSES,
    TOPIC_CLASSES,
    base_forms,
    cue_lemma,
    is_lexicon_noun,
    is_lexicon_verb,
)
from quotelib.lexicon.grammar import (
    ADDRESSED_TO_VERBS,
    ADDRESSEE_VERBS,
    CLITICS,
    CONTENTLESS_OBJECTS,
    DETERMINERS,
    ELISIONS,
    INTERVIEW_VERBS,
    INTERVIEW_WITH,
    NEGATIVE_WORDS,
    NON_SPEAKER_LABELS,
    OBJECT_PREPOSITIONS,
    TIME_PREPOSITIONS,
    TOLD_THINGS,
    TOPIC_PREPOSITIONS,
)
from quotelib.lexicon.people import (
    ANONYMOUS_NOUNS,
    COURTESY_TITLES,
    FEMALE_TITLES,
    FEMALE_WORDS,
    FIRST_PERSON,
    GIVEN_NAME_TITLES,
    HE,
    IT,
    MALE_TITLES,
    MALE_WORDS,
    MARRIED_TITLES,
    NAME_PARTICLES,
    OBJECT_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLELESS_TITLES,
    SECOND_PERSON,
    SHE,
    SPEAKING_PRONOUNS,
    THEY,
    TITLES,
    UNMARRIED_TITLES,
)
from quotelib.lexicon.sets import phrase_set, word_set

__all__ = [
    "ADDRESSED_TO_VERBS",
    "ADDRESSEE_VERBS",
    "AGENT_SUFFIXES",
    "ANIMACY_CLASSES",
    "ANONYMOUS_NOUNS",
    "CLITICS",
    "CONTENTLESS_OBJECTS",
    "COURTESY_TITLES",
    "CUE_ADJECTIVES",
    "CUE_CLASSES",
    "CUE_NOUNS",
    "CUE_PHRASES",
    "CUE_VERBS",
    "DETERMINERS",
    "ELISIONS",
    "FEMALE_TITLES",
    "FEMALE_WORDS",
    "FIRST_PERSON",
    "GIVEN_NAME_TITLES",
    "HE",
    "INTERVIEW_VERBS",
    "INTERVIEW_WITH",
    "INVERTED_CUES",
    "IT",
    "MALE_TITLES",
    "MALE_WORDS",
    "MARRIED_TITLES",
    "NAME_PARTICLES",
    "NEGATIVE_WORDS",
    "NON_SPEAKER_LABELS",
    "NOUN_VERB_SPLITS",
    "OBJECT_PREPOSITIONS",
    "OBJECT_PRONOUNS",
    "PHRASE_VERBS",
    "PROPOSITION_CLASSES",
    "QUOTE_VERBS",
    "RELATIVE_PRONOUNS",
    "ROLELESS_TITLES",
    "RULE_CUES",
    "SECOND_PERSON",
    "SEEMING_VERBS",
    "SHE",
    "SPEAKER_CLASSES",
    "SPEAKING_CLASSES",
    "SPEAKING_PRONOUNS",
    "SPEECH_CLASSES",
    "THEY",
    "TIME_PREPOSITIONS",
    "TITLES",
    "TOLD_THINGS",
    "TOPIC_CLASSES",
    "TOPIC_PREPOSITIONS",
    "UNMARRIED_TITLES",
    "animacy_class",
    "base_forms",
    "cue_lemma",
    "is_lexicon_noun",
    "is_lexicon_verb",
    "phrase_set",
    "word_set",
]

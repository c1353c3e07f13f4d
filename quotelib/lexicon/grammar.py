"""The words the rules of grammar ask about: prepositions of content and of time, objects
that are no content, the verbs that take the person addressed, elisions.
"""

from __future__ import annotations

from quotelib.lexicon.sets import word_set

__all__ = [
    "ADDRESSED_TO_VERBS",
    "ADDRESSEE_VERBS",
    "CLITICS",
    "CONTENTLESS_OBJECTS",
    "DETERMINERS",
    "ELISIONS",
    "INTERVIEW_VERBS",
    "INTERVIEW_WITH",
    "NEGATIVE_WORDS",
    "NON_SPEAKER_LABELS",
    "OBJECT_PREPOSITIONS",
    "TIME_PREPOSITIONS",
    "TOLD_THINGS",
    "TOPIC_PREPOSITIONS",
]

#: Verbs whose direct object is the person addressed, not the content.
ADDRESSEE_VERBS = word_set(
    """tell ask inform remind assure urge warn advise brief notify convince persuade order
    instruct invite press reassure caution encourage beg implore exhort greet address quiz dare
    lobby petition"""
)
#: Verbs whose "to" phrase is the person addressed: "said to his sister", "wrote to Xi".
ADDRESSED_TO_VERBS = word_set("""say explain write speak shout whisper yell scream complain
    confide announce declare repeat mutter murmur remark mention boast apologize apologise lie""")
#: Nouns that are what is asked or told, not who is ("asked a question", "told the story").
TOLD_THINGS = word_set("question questions story stories truth lie lies joke jokes favor favour")
#: Words that open a "Word:" line without being a speaker's label ("Note: ...").
NON_SPEAKER_LABELS = word_set(
    """the a an this that these note editor editor's correction clarification update updated
    photo photos source sources related read watch listen see caption credit disclaimer topic
    topics tags warning summary background location date time place when where what why how
    name age price cost video audio transcript subscribe contact email follow share title
    author release language chapter produced edition illustrator translator posted"""
)
#: Words of an introduction that take the person interviewed ("interviewed X", "X was
#: interviewed by Y"), and those that take them after "with" or "to" ("spoke with X").
INTERVIEW_VERBS = word_set("interview interviews interviewed interviewing questioned")
INTERVIEW_WITH = word_set(
    "spoke speak speaks speaking talked talk talks talking chatted chat sat met conversation"
)
#: Objects that stand for a content without being one ("said it", "denied that").
CONTENTLESS_OBJECTS = word_set("it this that so something anything nothing what")
#: Prepositions completing a noun-phrase content: "described X as Y",
#: "accused him of Z", "compared abortion to the Holocaust".
OBJECT_PREPOSITIONS = word_set("as of for to over")
#: Prepositions that start an adjunct of time or place, not content.
TIME_PREPOSITIONS = word_set("on at during after before since until")
#: Prepositions whose object is the topic of speech: "asked about the emails".
TOPIC_PREPOSITIONS = word_set("about against regarding concerning")
#: Words after which a cue word is a noun ("in a report", "his call for calm").
DETERMINERS = word_set("a an the his her its their our my your this that these those")
#: Subjects and determiners that negate what they govern ("Neither leader detailed ...").
NEGATIVE_WORDS = word_set("neither nobody none no nothing nor")
#: Words that an apostrophe shortens at their start: ``'em``, ``'til``.
ELISIONS = word_set("em n t til tis twas cause bout nuff")
#: The endings an apostrophe opens as tokens of their own in Penn Treebank text
#: (``John 's``, ``I 'm``, ``we 're``), never the first word of a quotation.
CLITICS = word_set("s m d re ll ve")

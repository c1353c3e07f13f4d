"""The words of people: titles, pronouns, anonymous sources, particles of surnames."""

from __future__ import annotations

from quotelib.lexicon.sets import word_set

__all__ = [
    "ANONYMOUS_NOUNS",
    "COURTESY_TITLES",
    "FEMALE_TITLES",
    "FEMALE_WORDS",
    "FIRST_PERSON",
    "GIVEN_NAME_TITLES",
    "HE",
    "IT",
    "MALE_TITLES",
    "MALE_WORDS",
    "MARRIED_TITLES",
    "NAME_PARTICLES",
    "OBJECT_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "ROLELESS_TITLES",
    "SECOND_PERSON",
    "SHE",
    "SPEAKING_PRONOUNS",
    "THEY",
    "TITLES",
    "UNMARRIED_TITLES",
]

#: Words that precede a person's name as a title, not as part of it.
TITLES = word_set(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. father
    president vice prime minister premier chancellor secretary senator sen sen. sens. rep rep.
    reps. representative representatives senators congressman congresswoman gov gov. governor
    mayor judge justice chief gen gen. general col col. adm adm. lt lt. sgt sgt. speaker leader
    chairman chairwoman chair ambassador commissioner attorney former late king queen prince
    princess pope candidate nominee spokesman spokeswoman director deputy pastor professor
    democrat republican madame mademoiselle mme mme. mlle mlle. monsieur madam captain capt
    capt. colonel admiral lieutenant sergeant aunt uncle"""
)
#: Courtesy titles: a name they open is a person's ("Mr. Lee").
COURTESY_TITLES = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame madame mademoiselle mme mme. mlle mlle. monsieur"
)
#: Titles that say nothing of a person's role, left out of the roles people
#: are introduced with ("Kremlin spokesman", not "former").
ROLELESS_TITLES = COURTESY_TITLES | word_set("prof prof. former late")
#: Titles that say a person is a man, or a woman (ranks of the army and navy say a man, as
#: they do in the fiction quotelib reads: "Captain Wentworth", "Colonel Brandon").
MALE_TITLES = word_set(
    """mr mr. sir lord king prince father congressman spokesman chairman monsieur captain capt
    capt. colonel col col. admiral adm adm. uncle"""
)
#: Titles that say a woman is married ("Mrs. Bennet"), or is not ("Miss Bennet"): two
#: people, whatever else they share. Both are among the :data:`FEMALE_TITLES`.
MARRIED_TITLES = word_set("mrs mrs. madame mme mme.")
UNMARRIED_TITLES = word_set("miss mademoiselle mlle mlle.")
FEMALE_TITLES = (
    MARRIED_TITLES
    | UNMARRIED_TITLES
    | word_set(
        """ms ms. dame lady queen princess congresswoman spokeswoman chairwoman madam aunt"""
    )
)
#: Titles that go with a first name as well as a surname: "Sir William", "Lady Catherine",
#: "Miss Lydia", "Aunt Polly" (while "Mr. Bingley" and "Colonel Forster" are surnames).
GIVEN_NAME_TITLES = word_set("sir dame lady lord miss aunt uncle")
#: Lower-case particles of surnames ("de Blasio", "bin Salman").
NAME_PARTICLES = word_set("de da van von der bin al la le del di")

#: Head nouns of sources that are deliberately left unnamed.
ANONYMOUS_NOUNS = word_set(
    """official officials source sources aide aides diplomat diplomats person people insider
    insiders analyst analysts expert experts observer observers adviser advisers advisor
    advisors staffer staffers employee employees member members resident residents voter voters
    witness witnesses critic critics supporter supporters opponent opponents lawmaker lawmakers
    legislator legislators strategist strategists operative operatives donor donors activist
    activists economist economists someone somebody one others many some several participant
    participants attendee attendees executive executives officer officers investigator
    investigators prosecutor prosecutors leader leaders"""
)

#: Personal pronouns by what they can refer to.
HE, SHE, THEY, IT = word_set("he him"), word_set("she her"), word_set("they them"), word_set("it")
#: The personal pronouns that can be the object of a verb: who is told in "she told him".
OBJECT_PRONOUNS = word_set("me us him her them")
#: The pronouns that can be the subject of a speech: who speaks in "she said".
SPEAKING_PRONOUNS = word_set("he she i we they")
#: The words of the first person singular: who tells a first-person story.
FIRST_PERSON = word_set("i me my mine myself")
#: The words of the second person: who is spoken to.
SECOND_PERSON = word_set("you your yours yourself yourselves")
#: Relative pronouns that stand for the noun their clause modifies.
RELATIVE_PRONOUNS = word_set("who which that whom")
#: Words that say the person they refer to is a man, or a woman.
MALE_WORDS, FEMALE_WORDS = word_set("he him his himself"), word_set("she her hers herself")

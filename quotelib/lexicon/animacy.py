"""The words that tell who can speak: people, groups, institutions, the documents and media
that speak for them, and the words that stand for no one.

A speaker is someone: a person ("the boy", "his aunt"), a group of people ("the crowd"),
an institution ("the firm"), or a document or medium that speaks for one ("the report",
"a letter", "the poll"). A thought, a habit, a street or a door is no one, and neither
is a dummy "it" ("it seems that ..."). Each  of :data:`SPEAKER_CLASSES` has one
class of :data:`ANIMACY_CLASSES`; the people and institutions the other lists already
name (:data:`~quotelib.lexicon.people.TITLES`,
:data:`~quotelib.lexicon.people.ANONYMOUS_NOUNS`,
:data:`~quotelib.lexicon.gazetteers.ORGANISATION_WORDS`) are not listed again, and
:func:`animacy_class` reads them too. A noun not listed that ends as an agent's name
does ("-er", "-or", "-ist", "-ian", "-man": "the carpenter", "the regulator",
"the chemist") is a person, unless it is one of the things listed that end so
("answer", "door").

Everything is lower-cased and singular; :func:`animacy_class` reduces a plural.

Examples:
    >>> animacy_class("aunts"), animacy_class("Regulators"), animacy_class("doors")
    ('person', 'person', 'thing')
    >>> animacy_class("statement"), animacy_class("percent"), animacy_class("habit")
    ('medium', 'quantity', None)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from quotelib.lexicon.gazetteers import ORGANISATION_WORDS
from quotelib.lexicon.people import ANONYMOUS_NOUNS, TITLES
from quotelib.lexicon.sets import classed, word_set

__all__ = [
    "AGENT_SUFFIXES",
    "ANIMACY_CLASSES",
    "SEEMING_VERBS",
    "SPEAKER_CLASSES",
    "SPEAKING_CLASSES",
    "animacy_class",
]

#: The classes of :data:`SPEAKER_CLASSES`, each with what it holds.
ANIMACY_CLASSES: Mapping[str, str] = MappingProxyType(
    {
        "person": "a person, by kin, age, rank or role: the boy, his aunt, the  doctor",
        "group": "a group of people: the crowd, the family, the jury",
        "institution": "an organisation not named by an organisation word: the firm",
        "medium": "a document or medium that speaks for its authors: the report, a letter",
        "quantity": "a share or count of people: 40 percent, half, a majority (of X)",
        "people-word": "pronouns, quantifiers and adjectives that stand for people: "
        "someone, others, both, the former",
        "utterance": "words said, whose owner speaks, or which stand for their unnamed "
        "speaker: her answer, the remarks",
        "voice": "the voice and sounds of speech, whose owner speaks: her voice, his tone",
        "no-one": "pronouns and determiners that stand for no one: this, what, something",
        "thing": "nouns that end as an agent's name does but name no one: manner, door",
    }
)

#: The classes whose words can be a speaker.
SPEAKING_CLASSES = frozenset(
    {"person", "group", "institution", "medium", "quantity", "people-word", "utterance"}
)

#: ``{word: class}``: each word in exactly one class of :data:`ANIMACY_CLASSES`.
SPEAKER_CLASSES: Mapping[str, str] = classed(
    {
        "person": """
            man woman boy girl child kid baby infant lad youth gentleman fellow chap guy
            maiden bachelor spinster widow orphan adult teenager toddler individual human
            creature mother mamma mama papa pa ma mum mom dad daddy mummy mommy parent son
            daughter brother sister sibling auntie cousin niece nephew
            grandmother grandfather grandma grandpa granny grandson granddaughter grandchild
            grandparent husband wife spouse bride bridegroom groom fiance fiancee stepmother
            stepfather stepson stepdaughter stepsister stepbrother godmother godfather
            godson goddaughter ancestor ancestress descendant heir heiress relative kinsman
            kinswoman friend companion acquaintance neighbour neighbor stranger guest
            hostess visitor lover sweetheart beau suitor admirer enemy foe rival ally
            partner colleague comrade mate pal mentor protege pupil student scholar disciple
            mistress servant maid footman butler valet housekeeper cook nurse nanny
            governess tutor steward attendant usher waitress landlady tenant lodger merchant
            clerk surgeon physician priest vicar rector curate parson bishop cardinal monk
            nun chaplain rabbi imam abbot abbess friar deacon solicitor barrister magistrate
            constable detective major corporal soldier
            marine pilot sentry sheriff marshal warden agent spy envoy emissary consul duke
            duchess earl countess baron baroness knight squire baronet emperor empress tsar
            czar sultan chieftain peasant artisan smith tailor seamstress milliner butcher
            grocer apothecary architect poet actress coach umpire referee chef graduate
            undergraduate incumbent frontrunner delegate constituent citizen taxpayer ceo
            cfo spokesperson chairperson victim suspect defendant plaintiff inmate detainee
            refugee migrant immigrant patient client customer fan rebel militant insurgent
            hostage veteran hero heroine villain noble native local foreigner pedestrian
            inhabitant occupant landlord youngster ladyship lordship majesty highness
            excellency patron host assistant champion millionaire billionaire informant
            guide associate advocate boss user respondent liberal conservative progressive
            moderate millennial grandkid head independent evangelical denizen assailant persona wretch fool rascal scoundrel rogue brute coward idiot dunce blockhead whelp minx hussy knave beggar liar burglar registrar legend celebrity god goddess deity angel devil demon ghost fairy witch wizard giant dwarf elf""",
        "group": """
            crowd audience public populace population community family household couple pair
            trio jury crew staff mob throng gang band troop clan tribe folk electorate
            congregation gathering delegation faction establishment leadership management
            elite opposition personnel workforce citizenry peasantry gentry nobility
            aristocracy clergy laity readership chorus camp regiment battalion squad platoon
            bloc""",
        "institution": """
            firm watchdog tribunal prosecution defense defence legislature judiciary
            military charity nonprofit cartel consortium syndicate conglomerate startup
            outlet parish diocese panel state nation country kingdom city town county
            municipality province base operation""",
        "medium": """
            statement letter note memo memorandum email e-mail message telegram cable
            dispatch notice sign placard poster banner inscription label headline article
            editorial column paper newspaper book biography memoir text document record file
            filing affidavit complaint lawsuit suit petition indictment ruling verdict order
            decree law bill rule regulation policy guidance guideline manual contract
            agreement treaty constitution charter manifesto platform resolution proposal
            budget study survey poll polling census analysis assessment estimate forecast
            projection model data figure statistic result finding evidence research audit
            investigation inquiry probe testimony transcript recording tape video footage
            film documentary clip photo photograph picture image ad advertisement commercial
            website site page tweet blog broadcast programme program release bulletin
            brochure leaflet pamphlet flyer card invitation account story average tally
            chart graph excerpt summary overview timeline database paperwork decision
            opinion return call interview count calculation copy forum show movie initiative
            disclosure communication""",
        "quantity": """
            percent per-cent % half third quarter majority minority plurality handful dozen
            hundred thousand million fraction portion proportion rest remainder bulk number
            slew fourth series batch collection lot bunch""",
        "people-word": """
            anyone anybody everyone everybody nobody no-one ones another few most all both
            each either neither none other latter elder eldest younger youngest who whom me
            my mine myself us our ours ourselves their theirs themselves thou thee thy ye
            those old""",
        "utterance": """
            answer reply response retort rejoinder remark comment speech word question
            exclamation claim contention assertion allegation plan""",
        "voice": """
            voice tone accent lip tongue mouth whisper murmur laugh laughter cry""",
        "no-one": """
            this that these what whatever which whichever something anything everything
            nothing there here such""",
        "thing": """
            manner matter water power danger temper weather winter summer dinner supper
            shoulder finger chamber corner tower river flower thunder wonder anger hunger
            fever silver feather character chapter border cover register cluster disaster
            shelter slumber murder surrender splendour splendor behaviour behavior humour
            humor honour honor colour color favour favor labour labor rumour rumor terror
            horror error mirror door floor odour odor vigour vigor ardour ardor fervour
            fervor rancour rancor languor pallor tremor candour candor valour valor armour
            armor harbour harbor parlour parlor motor factor sector corridor manor meteor
            stupor flavour flavor vapour vapor liquor list fist mist wrist twist gist tryst
            median meridian talisman ottoman abdomen specimen regimen acumen omen stamen
            career cheer steer veneer sneer leer address access business process success
            progress distress fortress dress stress excess mess chess recess abscess caress
            compress express impress harness cypress mattress coffee toffee jubilee degree
            pedigree filigree jamboree marquee settee barrier prayer offer encounter shutter
            shimmer merger forefinger calculator recorder oyster butter gutter backwater
            steamer clapper disorder flutter cipher shiver glitter reminder metaphor shower
            shudder flicker bulldozer bunker endeavor endeavour""",
    }
)

#: Endings of the nouns that name an agent: "the carpenter", "the regulator", "the chemist",
#: "the librarian", "the policeman", "the engineer", "the democrat", "the poetess" (but
#: not "-ness": "the darkness"), "the employee".
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "eer", "crat", "ess", "ee")

#: Verbs whose subject "it" is a dummy that stands for no one: "it seems that ...",
#: "it appears that ...", "it turns out that ...".
SEEMING_VERBS = word_set("seem appear happen turn matter")

# Person words that end many other words ("finally", "climate", "familiar", "forehead",
# "transparent", "alternative", "ultramarine", "trouser"): no compound ends in them.
_WORD_ENDINGS = frozenset({"ally", "mate", "liar", "head", "parent", "native", "marine", "user"})
# Plurals that no ending rule reduces.
_IRREGULAR_PLURALS = MappingProxyType(
    {"children": "child", "people": "person", "wives": "wife", "lives": "life", "folks": "folk"}
)


@functools.lru_cache(maxsize=16384)
def animacy_class(word: str) -> str | None:
    """The class of :data:`ANIMACY_CLASSES` of a noun or pronoun, or ``None`` when no list
    names it and it does not end as an agent's name does.

    Titles and anonymous sources are people ("senator", "officials"), organisation words
    institutions ("ministry"); a plural is read as its singular, a hyphenated compound by
    its last part ("step-mother").
    """
    lower = word.lower()
    last = lower.rsplit("-", 1)[-1] if "-" in lower.strip("-") else lower
    for form in dict.fromkeys((lower, last, *_singulars(lower), *_singulars(last))):
        found = _listed(form)
        if found is not None:
            return found
    for form in dict.fromkeys((last, *_singulars(last))):
        if _is_agent(form) or _ends_in_person(form):
            return "person"
    return None


def _is_agent(form: str) -> bool:
    """Whether a noun not listed ends as an agent's name does ("carpenter", "poetess")."""
    return len(form) > 4 and form.endswith(AGENT_SUFFIXES) and not form.endswith("ness")


def _ends_in_person(form: str) -> bool:
    """Whether a noun not listed is a compound whose last word names a person:
    "parlourmaid", "schoolgirl", "goldsmith", "archbishop" (but not "forehead",
    "climate" or "transparent", whose ends are other words' endings)."""
    return any(
        SPEAKER_CLASSES.get(form[start:]) == "person" and form[start:] not in _WORD_ENDINGS
        for start in range(3, len(form) - 3)
    )


def _listed(form: str) -> str | None:
    if form in SPEAKER_CLASSES:
        return SPEAKER_CLASSES[form]
    if form in TITLES or form in ANONYMOUS_NOUNS:
        return "person"
    if form in ORGANISATION_WORDS:
        return "institution"
    return None


def _singulars(word: str) -> tuple[str, ...]:
    """Candidate singulars of an English noun: "aunts" -> "aunt", "policemen" ->
    "policeman", "parties" -> "party", "witnesses" -> "witness"."""
    if word in _IRREGULAR_PLURALS:
        return (_IRREGULAR_PLURALS[word],)
    if word.endswith("men") and len(word) >= 3:
        return (word[:-3] + "man",)
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y",)
    if word.endswith("es") and len(word) > 3:
        return (word[:-1], word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return (word[:-1],)
    return ()

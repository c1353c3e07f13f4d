"""Proper names read off the tagger and the parse, for pipelines without an entity recogniser.

quotelib's default pipeline leaves out spaCy's entity recogniser, the most
expensive component of the small English model; speaker resolution needs
only the proper names of a document and whether each names a person, an
organisation or a place. :func:`find_names` reads them off the parse: runs
of proper nouns ("Xi Jinping", "Mr. Putin", "Ministry of Foreign Affairs"),
typed by what the words and their context say:

- a place: a country, a U.S. state, a large city or a region
  (:data:`PLACES`), or a name the document uses after "in" or "from";
- a group (spaCy's ``NORP``): a plural proper noun ("Democrats");
- an organisation: an acronym ("NATO"), a name ending in an organisation
  word ("Foreign Ministry", "Fox News"), one holding "of" or "&", one the
  document writes with "the" ("the Kremlin"), or a well-known one
  (:data:`ORGANISATIONS`);
- a person otherwise, and always after a courtesy title ("Mr. Lee").

A pipeline with an entity recogniser is used as it is: quotelib reads its
``doc.ents`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import numpy
from spacy.attrs import LOWER, ORTH, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

__all__ = ["ORGANISATIONS", "ORGANISATION_WORDS", "PLACES", "TITLES", "find_names"]

#: Words that precede a person's name as a title, not as part of it.
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. father
    president vice prime minister premier chancellor secretary senator sen sen. sens.
    rep rep. reps. representative representatives senators congressman congresswoman
    gov gov. governor mayor judge justice chief gen gen. general col col. adm adm. lt lt.
    sgt sgt. speaker leader chairman chairwoman chair ambassador commissioner attorney
    former late king queen prince princess pope candidate nominee spokesman spokeswoman
    director deputy pastor professor democrat republican
    """.split()
)

#: Countries, U.S. states, large cities and regions, lower-cased.
PLACES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burma burundi cambodia cameroon
    canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark
    djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
    hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
    kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
    liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives
    mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro
    morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
    qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
    slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan
    tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
    america britain england scotland wales u.s. u.s.a. usa us uk u.k.
    alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
    oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
    washington beijing moscow london paris berlin tokyo delhi kabul baghdad damascus
    tehran jerusalem cairo ankara istanbul kiev kyiv brussels geneva rome madrid vienna
    warsaw seoul pyongyang manila jakarta bangkok hanoi islamabad karachi riyadh dubai
    doha beirut gaza aleppo mosul havana caracas ottawa toronto sydney mumbai shanghai
    chicago boston atlanta houston dallas miami philadelphia detroit denver phoenix seattle
    cleveland baltimore pittsburgh brooklyn manhattan harlem hollywood
    europe asia africa antarctica oceania crimea kashmir tibet xinjiang hong kong
    """.split()
) | frozenset(
    {
        "hong kong",
        "new york",
        "new york city",
        "new jersey",
        "new mexico",
        "new hampshire",
        "new delhi",
        "los angeles",
        "san francisco",
        "san diego",
        "las vegas",
        "new orleans",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "west virginia",
        "rhode island",
        "washington d.c.",
        "washington dc",
        "united states",
        "united kingdom",
        "great britain",
        "north korea",
        "south korea",
        "south africa",
        "saudi arabia",
        "south sudan",
        "sri lanka",
        "new zealand",
        "costa rica",
        "el salvador",
        "puerto rico",
        "ivory coast",
        "czech republic",
        "dominican republic",
        "united arab emirates",
        "middle east",
        "latin america",
        "south america",
        "north america",
        "central america",
        "east asia",
        "southeast asia",
        "west bank",
        "gaza strip",
        "persian gulf",
        "south china sea",
        "wall street",
        "silicon valley",
    }
)

#: Last words of organisation names, lower-cased.
ORGANISATION_WORDS = frozenset(
    """
    ministry department office agency administration commission committee council
    board bureau authority service services party campaign congress senate house
    parliament assembly court courts union association institute institution
    university college school academy foundation fund bank corporation corp corp. inc
    inc. co co. ltd ltd. llc company group network times post news journal tribune
    herald telegraph guardian gazette press magazine radio television tv channel
    channels review report reports monitor daily weekly organization organisation
    organizations forces force army navy police guard command center centre club team
    church mission coalition alliance movement front federation league caucus cabinet
    government regime embassy consulate council secretariat exchange reserve treasury
    laboratory laboratories labs hospital clinic society trust partners media studios
    airlines airways motors industries holdings systems technologies pentagon kremlin
    """.split()
)

#: Organisations often named by one word that is neither an acronym nor in
#: :data:`ORGANISATION_WORDS`, lower-cased.
ORGANISATIONS = frozenset(
    """
    reuters bloomberg politico breitbart axios xinhua tass interfax yonhap kyodo google
    facebook twitter apple microsoft amazon youtube instagram netflix wikileaks hamas
    hezbollah taliban isis isil kremlin pentagon congress parliament vatican interpol
    greenpeace medicare medicaid obamacare gallup quinnipiac
    """.split()
)

#: Words of dates and holidays, lower-cased: a name made of them only names no one.
DATE_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan jan. feb feb. mar mar.
    apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
    christmas easter thanksgiving hanukkah ramadan halloween
    """.split()
)
#: Last words of the names of days: "Election Day", "Super Tuesday", "Christmas Eve".
_DAY_ENDS = frozenset("day eve monday tuesday wednesday thursday friday saturday sunday".split())

_NAME_TAGS = frozenset({"NNP", "NNPS"})
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
_COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z&]{1,6}$")
_PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "near"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MAX_PERSON_WORDS = 4
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def find_names(doc: Doc) -> list[Span]:
    """The proper names of a document, labelled ``PERSON``, ``ORG``, ``GPE`` or ``NORP``.

    A title inside a run of proper nouns ends what comes before it: in
    "Texas Sen. Ted Cruz", "Texas" is a place and "Ted Cruz" a person. Dates
    and holidays ("Tuesday", "Election Day") are left out.

    Examples:
        >>> import quotelib
        >>> doc = quotelib.load_pipeline()(
        ...     "Chinese President Xi Jinping met Mr. Putin in Moscow on Tuesday. "
        ...     "The Foreign Ministry, NATO and Texas Sen. Ted Cruz said Democrats were wrong.")
        >>> [(span.text, span.label_) for span in find_names(doc)]
        [('Xi Jinping', 'PERSON'), ('Mr. Putin', 'PERSON'), ('Moscow', 'GPE'), \
('Foreign Ministry', 'ORG'), ('NATO', 'ORG'), ('Texas', 'GPE'), ('Ted Cruz', 'PERSON'), \
('Democrats', 'NORP')]
    """
    columns = _Columns.of(doc)
    runs = [part for run in _name_runs(doc, columns) for part in _split_at_title(columns, *run)]
    names = [name for name in runs if not name.is_date()]
    evidence = _Evidence(places=set(), with_the=set())
    for name in names:
        before = columns.word(name.start - 1) if name.start else None
        if before == "the" and _heads_phrase(doc, columns, name):
            evidence.with_the.add(name.key)
        elif before in _PLACE_PREPOSITIONS and _heads_phrase(doc, columns, name):
            evidence.places.add(name.key)
    for _ in range(2):  # the second pass knows the words of the people the first found
        labels = [name.label or _label(name, evidence) for name in names]
        evidence.person_words = {
            word
            for name, label in zip(names, labels)
            if label == "PERSON" and len(name.words) > 1
            for word in name.words
        }
    spans = [
        Span(doc, name.start, name.end, label=label)
        for name, label in zip(names, labels)
        if _is_supported(doc, name, label, evidence.person_words)
    ]
    mistagged = _mistagged_surnames(doc, columns, spans)
    return sorted([*spans, *mistagged], key=lambda span: span.start)


@attrs.define
class _Name:
    """A run of proper nouns (internal): its tokens and lower-cased words, its label if known."""

    start: int
    end: int
    words: list[str]
    plural: bool  # ends in a plural proper noun
    acronym: bool  # one word written as an acronym
    label: str | None = None

    @classmethod
    def of(cls, columns: _Columns, start: int, end: int, label: str | None = None) -> _Name:
        words = [columns.word(i) for i in range(start, end)]
        plural = columns.tags[end - 1] == columns.plural_tag
        acronym = end - start == 1 and bool(_ACRONYM.match(columns.strings[columns.orths[start]]))
        return cls(start, end, words, plural, acronym, label)

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def is_date(self) -> bool:
        return all(w in DATE_WORDS for w in self.words) or self.words[-1] in _DAY_ENDS


@attrs.frozen
class _Columns:
    """Token attributes of one document as lists of string ids (internal)."""

    strings: StringStore
    lowers: list[int]
    tags: list[int]
    orths: list[int]
    plural_tag: int
    name_words: frozenset[int]  # indexes of capitalised proper nouns

    @classmethod
    def of(cls, doc: Doc) -> _Columns:
        array = doc.to_array([LOWER, TAG, ORTH]).astype("uint64")
        lowers, tags, orths = (array[:, i].tolist() for i in range(3))
        proper = numpy.flatnonzero(_has_tag(doc, array[:, 1], _NAME_TAGS)).tolist()
        strings = doc.vocab.strings
        name_words = frozenset(i for i in proper if strings[orths[i]][:1].isupper())
        return cls(strings, lowers, tags, orths, strings.add("NNPS"), name_words)

    def word(self, i: int) -> str:
        """The lower-cased form of token ``i``."""
        return self.strings[self.lowers[i]]


def _heads_phrase(doc: Doc, columns: _Columns, name: _Name) -> bool:
    """Whether the name is the head of its noun phrase: "in Moscow", "the Kremlin";
    not "in Trump's", "the Sanders campaign"."""
    if name.end < len(doc) and columns.strings[columns.orths[name.end]] in _POSSESSIVES:
        return False
    last = doc[name.end - 1]
    return not (last.dep_ in _MODIFIER_DEPS and last.head.i >= name.end)


@attrs.define
class _Evidence:
    """What the whole document says of its names (lower-cased)."""

    places: set[str]
    with_the: set[str]
    person_words: set[str] = attrs.Factory(set)


def _mistagged_surnames(doc: Doc, columns: _Columns, names: list[Span]) -> list[Span]:
    """Known surnames the tagger took for common nouns: "Trump said", "Sanders said".

    A capitalised common noun spelled like the last word of a person's
    full name in the same document is that person.
    """
    surnames = {span[-1].orth for span in names if span.label_ == "PERSON" and len(span) > 1}
    if not surnames:
        return []
    nouns = _has_tag(doc, numpy.array(columns.tags, dtype="uint64"), _COMMON_NOUN_TAGS)
    for span in names:
        nouns[span.start : span.end] = False
    return [
        Span(doc, i, i + 1, label="PERSON")
        for i in numpy.flatnonzero(nouns).tolist()
        if columns.orths[i] in surnames
    ]


def _has_tag(doc: Doc, tags: numpy.ndarray, names: Iterable[str]) -> numpy.ndarray:
    """Which tokens have one of the tags ``names``, from a column of ``TAG`` ids."""
    found = numpy.zeros(len(tags), dtype=bool)
    for name in names:
        found |= tags == doc.vocab.strings.add(name)
    return found


def _is_supported(doc: Doc, name: _Name, label: str, person_words: set[str]) -> bool:
    """Whether a name is kept: a one-word "person" needs a fuller name or a subject role.

    "Obama said" stays when the document names "Barack Obama" or when "Obama"
    is a subject; a capitalised "Islam" or "Neighborhood" is no one.
    """
    if label != "PERSON" or len(name.words) > 1:
        return True
    return name.words[0] in person_words or doc[name.start].dep_ in _SUBJECT_DEPS


def _split_at_title(columns: _Columns, start: int, end: int) -> list[_Name]:
    """A run cut at its last title, the part after it a person's name.

    "Texas Sen. Ted Cruz" -> "Texas" (unknown) and "Ted Cruz" (a person);
    "Secretary of State John Kerry" -> "John Kerry"; "Mr. Lee" stays whole.
    """
    name = _Name.of(columns, start, end)
    titles = [i for i, word in enumerate(name.words[:-1]) if word in TITLES]
    if not titles or (name.words[0] in _COURTESY and titles == [0]):
        return [name]
    person = titles[-1] + 1
    if name.words[person] == "of" and person + 2 < len(name.words):
        person += 2  # "Secretary of State John Kerry"
    while person < len(name.words) and start + person not in columns.name_words:
        person += 1
    parts = []
    before = [i for i in range(titles[0]) if start + i in columns.name_words]
    if before:
        parts.append(_Name.of(columns, start + before[0], start + before[-1] + 1))
    if person < len(name.words):
        parts.append(_Name.of(columns, start + person, end, label="PERSON"))
    return parts


def _name_runs(doc: Doc, columns: _Columns) -> list[tuple[int, int]]:
    """(start, end) token indexes of maximal runs of proper nouns within a sentence.

    A run goes on over "of", "&" and a hyphen written without spaces when a
    proper noun follows ("Bank of America", "Jean-Claude"), never over a
    sentence start (nor over a line break, which is a token of its own).
    """
    runs: list[tuple[int, int]] = []
    for i in sorted(columns.name_words):
        if runs and _continues(doc, runs[-1][1], i):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _continues(doc: Doc, end: int, i: int) -> bool:
    """Whether the name word ``doc[i]`` extends a run ending before ``end``."""
    if i > end + 1 or doc[i].is_sent_start:
        return False
    return i == end or (_is_link(doc, end) and not doc[end].is_sent_start)


def _is_link(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` joins two parts of one name: "&", a hyphen written
    without spaces, or "of" after an organisation word or a title ("Bank of
    America", "Secretary of State"; not "James Clyburn of South Carolina")."""
    token = doc[i]
    if token.text == "&":
        return True
    if token.text == "of":
        return doc[i - 1].lower_ in ORGANISATION_WORDS or doc[i - 1].lower_ in TITLES
    return token.text == "-" and not doc[i - 1].whitespace_ and not token.whitespace_


def _label(name: _Name, evidence: _Evidence) -> str:
    words, key = name.words, name.key
    if words[0] in _COURTESY and len(words) > 1:
        return "PERSON"
    if key in PLACES or (words[0] in _COMPASS and " ".join(words[1:]) in PLACES):
        return "GPE"
    if key in ORGANISATIONS or name.acronym:
        return "ORG"
    if len(words) == 1 and key in evidence.person_words:
        return "PERSON"  # "Sanders" after "Bernie Sanders", even in "the Sanders campaign"
    if name.plural and len(words) == 1:
        return "NORP"
    if words[-1] in ORGANISATION_WORDS or "of" in words or "&" in words:
        return "ORG"
    if len(words) > _MAX_PERSON_WORDS:
        return "ORG"
    if key in evidence.places:
        return "GPE"
    if key in evidence.with_the:
        return "ORG"
    return "PERSON"

"""The gazetteers of names: the words that tell a place, an organisation or a date
from a person's name ("Chad" the country, "Brooklyn", "the Senate", "Election Day").

They complete :mod:`quotelib.lexicon`, which holds the words of speech and of
people; each word list has one home, in one of the two. Everything is
lower-cased. The entries are drawn from English-language news, of the US and
elsewhere; a place or organisation missing here is still told apart by the
parse (a preposition of place before it, an organisation word in it).
"""

from __future__ import annotations

from quotelib.lexicon.sets import phrase_set, word_set

__all__ = [
    "COMPASS_WORDS",
    "DATE_WORDS",
    "DAY_ENDS",
    "NAME_LINK_WORDS",
    "ORGANISATIONS",
    "ORGANISATION_WORDS",
    "PLACES",
    "PLACE_PREPOSITIONS",
]

#: Countries, U.S. states, large cities and regions.
PLACES = word_set(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burma burundi cambodia cameroon canada chad chile
    china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
    ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
    iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo
    kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
    luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
    micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
    netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe america britain
    england scotland wales u.s. u.s.a. usa us uk u.k. alabama alaska arizona arkansas california
    colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky
    louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
    nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    wisconsin wyoming washington beijing moscow london paris berlin tokyo delhi kabul baghdad
    damascus tehran jerusalem cairo ankara istanbul kiev kyiv brussels geneva rome madrid vienna
    warsaw seoul pyongyang manila jakarta bangkok hanoi islamabad karachi riyadh dubai doha
    beirut gaza aleppo mosul havana caracas ottawa toronto sydney mumbai shanghai chicago boston
    atlanta houston dallas miami philadelphia detroit denver phoenix seattle cleveland baltimore
    pittsburgh brooklyn manhattan harlem hollywood europe asia africa antarctica oceania crimea
    kashmir tibet xinjiang hong kong"""
) | phrase_set(
    """hong kong, new york, new york city, new jersey, new mexico, new hampshire, new delhi,
    los angeles, san francisco, san diego, las vegas, new orleans, north carolina,
    south carolina, north dakota, south dakota, west virginia, rhode island, washington d.c.,
    washington dc, united states, united kingdom, great britain, north korea, south korea,
    south africa, saudi arabia, south sudan, sri lanka, new zealand, costa rica, el salvador,
    puerto rico, ivory coast, czech republic, dominican republic, united arab emirates,
    middle east, latin america, south america, north america, central america, east asia,
    southeast asia, west bank, gaza strip, persian gulf, south china sea, wall street,
    silicon valley"""
)
#: Words of compass points, which may open a place's name ("Northern Syria").
COMPASS_WORDS = word_set("north south east west northern southern eastern western")
#: Prepositions after which a name is a place ("in Moscow").
PLACE_PREPOSITIONS = word_set("in across throughout near")

#: Last words of organisation names.
ORGANISATION_WORDS = word_set(
    """ministry department office agency administration commission committee council board
    bureau authority service services party campaign congress senate house parliament assembly
    court courts union association institute institution university college school academy
    foundation fund bank corporation corp corp. inc inc. co co. ltd ltd. llc company group
    network times post news journal tribune herald telegraph guardian gazette press magazine
    radio television tv channel channels review report reports monitor daily weekly organization
    organisation organizations forces force army navy police guard command center centre club
    team church mission coalition alliance movement front federation league caucus cabinet
    government regime embassy consulate secretariat exchange reserve treasury laboratory
    laboratories labs hospital clinic society trust partners media studios airlines airways
    motors industries holdings systems technologies pentagon kremlin"""
)
#: Organisations often named by one word that is neither an acronym nor ends
#: in one of :data:`ORGANISATION_WORDS`.
ORGANISATIONS = word_set(
    """reuters bloomberg politico breitbart axios xinhua tass interfax yonhap kyodo google
    facebook twitter apple microsoft amazon youtube instagram netflix wikileaks hamas hezbollah
    taliban isis isil kremlin pentagon congress parliament vatican interpol greenpeace medicare
    medicaid obamacare gallup quinnipiac"""
)
#: Words that join the parts of one organisation's name ("Bank of America").
NAME_LINK_WORDS = word_set("of the and for &")

#: Words of dates and holidays: a name made of them only names no one.
DATE_WORDS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan jan. feb feb. mar mar. apr
    apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. christmas
    easter thanksgiving hanukkah ramadan halloween"""
)
#: Last words of the names of days: "Election Day", "Super Tuesday", "Christmas Eve".
DAY_ENDS = word_set("day eve monday tuesday wednesday thursday friday saturday sunday")

"""Every word list of quotelib, each concept once, each word in one class.

Cues first: the words that introduce what someone said, wrote or believes.
News attributes far more than speech: beliefs ("Western nations believe
..."), stances ("criticized Israel"), evidence ("polls show ...") and
intentions ("vowed to ..."). Each cue lemma has exactly one class, one of
:data:`CUE_CLASSES`, so that callers can keep only the kinds they study::

    speech_only = {lemma for lemma, cls in CUE_VERBS.items() if cls == "speech"}

The entries were drawn from reporting usage in US and international news.
Verbs that are only sometimes attributive ("see", "know", "want") are
included when they usually take a reported content.

Then the words the rules of grammar ask about (prepositions of content and
of time, objects that are no content) and the words of people (titles,
pronouns, anonymous sources). The gazetteers of names (places,
organisations, dates) are :mod:`quotelib.gazetteers`. Everything is
lower-cased.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split at whitespace."""
    return frozenset(text.split())


def phrase_set(text: str) -> frozenset[str]:
    """The phrases of ``text``, split at commas, their spaces normalised."""
    return frozenset(" ".join(phrase.split()) for phrase in text.split(","))


def _classed(classes: Mapping[str, str]) -> Mapping[str, str]:
    """``{entry: class}`` from ``{class: "word word ..."}`` (or comma-separated phrases).

    An entry listed under two classes, or twice under one, is an error: each
    entry has exactly one class.
    """
    table: dict[str, str] = {}
    for cls, text in classes.items():
        entries = text.split(",") if "," in text else text.split()
        for entry in (" ".join(entry.split()) for entry in entries):
            if entry in table:
                msg = f"{entry!r} is listed as {table[entry]!r} and as {cls!r}"
                raise ValueError(msg)
            table[entry] = cls
    return MappingProxyType(dict(sorted(table.items())))


# --- cues -------------------------------------------------------------------------------

#: The classes of cue, with what they attribute.
CUE_CLASSES: Mapping[str, str] = MappingProxyType(
    {
        "speech": "something said aloud or in a statement (say, tell, add, warn)",
        "writing": "something written or posted (write, tweet, post)",
        "question": "a question (ask, wonder, question)",
        "belief": "a belief, thought or feeling (believe, think, fear, hope)",
        "stance": "a position for or against something (support, criticize, deny)",
        "intent": "an intention, demand or promise (vow, urge, plan, call for)",
        "evidence": "what a document, poll or study shows (show, find, indicate)",
    }
)

#: The classes of cue that introduce words said or written (not a belief or a stance).
SPEECH_CLASSES = frozenset({"speech", "writing", "question"})

#: Verb lemmas that introduce a reported content, mapped to their class.
CUE_VERBS: Mapping[str, str] = _classed(
    {
        "speech": """
            accuse acknowledge add address admit advise affirm agree allege announce answer
            apologise apologize argue assert assure attest aver avow boast brag brand brief call
            caution certify chant characterise characterize charge cite claim clarify comment
            complain concede conclude concur confess confide confirm congratulate contend counter
            cry declare depict describe detail disagree disclose discuss divulge dub echo
            elaborate emphasise emphasize estimate exclaim explain express extol extoll flag
            forecast greet gripe grumble hail highlight hint imply indicate inform insist joke
            label lament laugh list maintain mention muse mutter name note notify object observe
            opine outline paraphrase point ponder portray predict preface proclaim pronounce
            protest quip quote rant reaffirm reassure recall recount reiterate rejoin remark
            remind repeat reply report respond retort reveal say scream share shout signal speak
            speculate state stress suggest sum summarize talk tell term testify thank underscore
            voice warn whisper wonder yell""",
        "writing": "blog draft editorialize email pen post print publish retweet text tweet write",
        "question": "ask challenge demand enquire inquire press query question quiz",
        "belief": """
            anticipate assume believe bet consider contemplate decide deem doubt envisage
            envision expect fear feel figure find foresee forget guess hope hypothesize imagine
            judge know learn presume realise realize reckon recognise recognize regard remember
            see sense suppose surmise suspect theorize think trust understand view wish worry""",
        "stance": """
            admire advocate applaud assail attack attribute back balk bash belittle berate blame
            blast bristle castigate celebrate champion chastise commend compare condemn contest
            contrast credit criticise criticize dare decry defend denounce deny deplore deride
            disavow dismiss disparage dispute embrace endorse fault favor favour frame hammer
            insult knock lambast lambaste laud liken mock oppose praise prefer rebuff rebuke
            rebut refute regret reject reprimand repudiate resist ridicule rip salute scold side
            slam support taunt threaten tout vouch welcome""",
        "intent": """
            aim appeal beg campaign command decline direct encourage exhort guarantee implore
            instruct intend invite lobby mull offer order petition plan plead pledge promise
            promote propose push recommend refuse request seek swear urge volunteer vow want
            weigh""",
        "evidence": "demonstrate determine document illustrate project prove record reflect rule show",
    }
)

_PHRASES = _classed(
    {
        "intent": """call for, call on, call upon, push for, press for, set out, fight for,
            look forward, ask for""",
        "stance": """argue for, argue against, speak against, come out, lash out, rail against,
            side with, take aim, go after, sign on, rule out, vote for, vote against, agree to,
            agree with, agree on, vouch for, advocate for, campaign against, campaign for,
            balk at, thank for, blame for""",
        "speech": """speak out, speak of, speak about, talk about, point out, point to, weigh in,
            warn of, warn against, warn about, refer to, complain about, complain of, hint at,
            lay out, spell out, respond to, reply to, apologize for, apologise for,
            testify about, brag about, boast about, joke about""",
        "belief": "worry about, figure out, believe in, know of, learn of, feel about",
    }
)
#: Phrasal cues: verb lemma and particle or preposition, mapped to their class.
#: The content of a prepositional cue is the preposition's object
#: ("called for deeper coordination").
CUE_PHRASES: Mapping[tuple[str, str], str] = MappingProxyType(
    {tuple(phrase.split()): cls for phrase, cls in _PHRASES.items()}
)
#: The verbs of the phrasal cues ("call" of "call for").
PHRASE_VERBS = frozenset(verb for verb, _ in CUE_PHRASES)
#: Verb lemmas that are cues only with one of their particles or prepositions
#: from :data:`CUE_PHRASES` (plain "come" or "go" is not a cue).
PHRASE_ONLY_VERBS = PHRASE_VERBS - frozenset(CUE_VERBS)

#: Verbs that introduce a direct quotation ("she went on: ...", "a sign that
#: read ...", the speech verbs of fiction: '"...," returned Bitzer', '"...,"
#: she sighed') but whose other complements are no report ("continued to rise",
#: "returned home").
QUOTE_VERBS = word_set(
    """continue begin start finish open close interject interrupt read sing chant put go pipe
    chime offer muse recite return resume pursue rejoin assent hazard venture correct
    interpose ejaculate quoth murmur stammer stutter falter gasp breathe sob sigh groan moan
    wail whimper snap snarl growl drawl lisp sneer smile persist"""
)

#: Nouns that name a reported content ("the claim that ...", "in a statement").
CUE_NOUNS: Mapping[str, str] = _classed(
    {
        "speech": """
            statement claim assertion argument remark comment comments announcement warning
            suggestion insistence denial admission accusation allegation charge testimony
            assurance explanation response reply answer message words speech interview
            declaration proclamation pronouncement prediction observation""",
        "writing": "tweet post letter memo op-ed column essay editorial",
        "belief": """belief view notion idea opinion fear concern hope doubt conviction
            contention expectation suspicion assessment""",
        "intent": "promise pledge vow call demand plea appeal proposal plan request threat",
        "evidence": "report study survey poll analysis finding findings data",
    }
)

#: Adjectives that introduce a belief or stance ("confident that ...", "critical of ...").
CUE_ADJECTIVES: Mapping[str, str] = _classed(
    {
        "belief": """confident convinced sure certain hopeful optimistic pessimistic skeptical
            sceptical doubtful worried concerned afraid aware wary inclined unconvinced""",
        "speech": "adamant quick",
        "stance": "critical supportive opposed",
        "intent": "eager determined keen",
    }
)

#: Cue verbs that, after the clause they report, often hang from it on the parse
#: ("the talks failed, he said").
INVERTED_CUES = word_set("say add tell write note explain argue insist")

# --- the grammar of contents ------------------------------------------------------------

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
#: Subjects and determiners that negate what they govern ("Neither leader detailed ...").
NEGATIVE_WORDS = word_set("neither nobody none no nothing nor")

# --- people -----------------------------------------------------------------------------

#: Words that precede a person's name as a title, not as part of it.
TITLES = word_set(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. father
    president vice prime minister premier chancellor secretary senator sen sen. sens. rep rep.
    reps. representative representatives senators congressman congresswoman gov gov. governor
    mayor judge justice chief gen gen. general col col. adm adm. lt lt. sgt sgt. speaker leader
    chairman chairwoman chair ambassador commissioner attorney former late king queen prince
    princess pope candidate nominee spokesman spokeswoman director deputy pastor professor
    democrat republican madame mademoiselle mme mme. mlle mlle. monsieur madam"""
)
#: Courtesy titles: a name they open is a person's ("Mr. Lee").
COURTESY_TITLES = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame madame mademoiselle mme mme. mlle mlle. monsieur"
)
#: Titles that say nothing of a person's role, left out of the roles people
#: are introduced with ("Kremlin spokesman", not "former").
ROLELESS_TITLES = COURTESY_TITLES | word_set("prof prof. former late")
#: Titles that say a person is a man, or a woman.
MALE_TITLES = word_set("mr mr. sir lord king prince father congressman spokesman chairman monsieur")
FEMALE_TITLES = word_set(
    """mrs mrs. ms ms. miss dame lady queen princess congresswoman spokeswoman chairwoman
    madame mademoiselle mme mme. mlle mlle. madam"""
)
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
#: The pronouns that can be the subject of a speech: who speaks in "she said".
SPEAKING_PRONOUNS = word_set("he she i we they")
#: The words of the second person: who is spoken to.
SECOND_PERSON = word_set("you your yours yourself yourselves")
#: Relative pronouns that stand for the noun their clause modifies.
RELATIVE_PRONOUNS = word_set("who which that whom")
#: Words that say the person they refer to is a man, or a woman.
MALE_WORDS, FEMALE_WORDS = word_set("he him his himself"), word_set("she her hers herself")

#: Words that an apostrophe shortens at their start: ``'em``, ``'til``.
ELISIONS = word_set("em n t til tis twas cause bout nuff")

# --- word forms -------------------------------------------------------------------------

_VERBS = frozenset(CUE_VERBS) | QUOTE_VERBS | PHRASE_VERBS
_KNOWN = _VERBS | frozenset(CUE_NOUNS)
_IRREGULAR = MappingProxyType(
    dict(
        pair.split(":")
        for pair in """said:say says:say told:tell wrote:write written:write thought:think
        felt:feel knew:know known:know saw:see seen:see found:find spoke:speak spoken:speak
        sought:seek swore:swear sworn:swear went:go gone:go began:begin begun:begin sang:sing
        sung:sing drew:draw drawn:draw understood:understand forgot:forget forgotten:forget
        read:read put:put bet:bet laid:lay held:hold made:make took:take taken:take gave:give
        given:give came:come fought:fight shown:show proven:prove chose:choose chosen:choose
        meant:mean heard:hear brought:bring""".split()
    )
)


def base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English word, most likely first.

    Examples:
        >>> base_forms("hoping")[:3]
        ['hoping', 'hope', 'hop']
        >>> "plan" in base_forms("planned")
        True
    """
    word = word.lower()
    forms = [word]
    if word in _IRREGULAR:
        forms.append(_IRREGULAR[word])
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            if suffix in ("ing", "ed"):
                forms.append(stem + "e")
            forms.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")
    return forms


def cue_lemma(token) -> str:  # noqa: ANN001 - a spaCy Token; no spaCy import here
    """The lexicon form of ``token``: its lemma, or its inflected form reduced by rule.

    Works with or without a lemmatizer in the pipeline, and mends lemmatizer
    slips such as "hoped" -> "hop".
    """
    return _lexicon_form(token.lemma_.lower(), token.lower_, token.pos_ in ("VERB", "AUX"))


@functools.lru_cache(maxsize=65536)
def _lexicon_form(lemma: str, lower: str, verb: bool) -> str:
    known = _VERBS if verb else _KNOWN
    if lemma in known:
        return lemma
    for form in base_forms(lower):
        if form in known:
            return form
    return lemma or lower


def is_lexicon_verb(lemma: str, lower: str) -> bool:
    """Whether a verb with this lemma (possibly empty) and form may be a cue."""
    return _lexicon_form(lemma, lower, True) in _VERBS


def is_lexicon_noun(lemma: str, lower: str) -> bool:
    """Whether a noun with this lemma (possibly empty) and form may be a cue noun."""
    return _lexicon_form(lemma, lower, False) in CUE_NOUNS

"""The cue lexicon: the words that introduce what someone said, wrote or believes.

News attributes far more than speech: beliefs ("Western nations believe
..."), judgements ("criticized Israel"), evidence ("polls show ...") and
commitments ("vowed to ..."). Each cue (verb lemma, phrase, noun, adjective,
verb of quotation) has exactly one class of :data:`CUE_CLASSES`, what the cue
says about the speech act: a neutral report, an assertion, a concession, a
denial, a question, a directive, an evaluation, a thought, evidence or
writing. Every quote carries its cue's class (:attr:`quotelib.Quote.cue_class`),
so that callers can keep the kinds they study::

    denials = {lemma for lemma, cls in CUE_VERBS.items() if cls == "denial"}

The entries were drawn from reporting usage in US and international news.
Verbs that are only sometimes attributive ("see", "know", "want") are
included when they usually take a reported content. ``docs/cues.md`` tabulates
the classes with all their members. The word forms at the end reduce an
inflected word to the form the lexicon lists ("hoped" -> "hope").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from quotelib.lexicon.sets import classed, word_set

__all__ = [
    "CUE_ADJECTIVES",
    "CUE_CLASSES",
    "CUE_NOUNS",
    "CUE_PHRASES",
    "CUE_VERBS",
    "INVERTED_CUES",
    "NOUN_VERB_SPLITS",
    "PHRASE_VERBS",
    "PROPOSITION_CLASSES",
    "QUOTE_VERBS",
    "RULE_CUES",
    "SPEECH_CLASSES",
    "TOPIC_CLASSES",
    "base_forms",
    "cue_lemma",
    "is_lexicon_noun",
    "is_lexicon_verb",
]


#: The classes of cue: what the cue says about the speech act it reports, each with what
#: it holds. Every cue of the lexicon has exactly one (docs/cues.md lists them all).
CUE_CLASSES: Mapping[str, str] = MappingProxyType(
    {
        "neutral": "words reported without saying how: say, tell, add, announce, according to",
        "assertion": "a claim put forward as true, firmly or by hint: claim, insist, argue",
        "concession": "a point granted, often against the speaker's side: admit, acknowledge",
        "denial": "a claim or proposal rejected: deny, reject, dispute, refute, rule out",
        "question": "a question asked: ask, wonder, inquire, question",
        "directive": "what someone urges, demands, proposes or commits to: urge, promise, warn",
        "evaluation": "a judgement for or against: praise, criticise, accuse, blame, support",
        "cognition": "a belief, thought, feeling, wish or plan: believe, think, expect, fear",
        "evidence": "what a study, poll, ruling or document shows: show, find, a poll, a study",
        "writing": "words written or posted: write, post, tweet, a letter, an op-ed",
    }
)

# The groups of classes that the rules ask about.
#: The classes of the cues that report words as said, a statement or a question: a cue
#: verb of these may introduce a quotation it is not linked to on the parse ('"...," he
#: added.' as a sentence of its own, 'He denied it:' before one). Not a directive or a
#: judgement, whose complement is an act ("urged him to resign") or a target ("praised
#: the mayor"), nor a thought or a finding. The verbs of :data:`QUOTE_VERBS` introduce
#: quotations whatever their class.
SPEECH_CLASSES = frozenset({"neutral", "assertion", "concession", "denial", "question", "writing"})
#: The classes of the cues of words said, judgements and demands included, which may take
#: the topic of speech as their content: "asked about the emails", "pushed against the
#: standards".
TOPIC_CLASSES = SPEECH_CLASSES | {"directive", "evaluation"}
#: The classes of the cues that report a proposition ("denied that ...", "believes that
#: ...", "the study found that ..."), so that a "that" clause the parser hung elsewhere
#: may be their content: not a question, a directive or a judgement.
PROPOSITION_CLASSES = frozenset(
    {"neutral", "assertion", "concession", "denial", "cognition", "evidence", "writing"}
)

#: Verb lemmas that introduce a reported content, mapped to their class.
CUE_VERBS: Mapping[str, str] = classed(
    {
        "neutral": """
            add address announce answer brief call chant characterise characterize cite clarify
            comment conclude confide confirm cry depict describe detail disclose discuss
            divulge dub echo elaborate exclaim explain express flag frame greet inform joke
            label laugh list mention muse mutter name note notify observe outline paraphrase
            point portray preface quip quote recall recount reiterate rejoin remark remind
            repeat reply report respond retort reveal say scream share shout speak state sum
            summarize talk tell term voice whisper yell""",
        "assertion": """
            affirm allege argue assert assure attest attribute aver avow certify claim contend
            counter declare emphasise emphasize forecast highlight hint imply indicate insist
            maintain opine predict proclaim pronounce reaffirm reassure signal speculate stress
            suggest testify underscore""",
        "concession": "acknowledge admit agree apologise apologize concede concur confess",
        "denial": """
            balk challenge contest deny disagree disavow dismiss dispute object protest rebuff
            rebut refute reject repudiate resist""",
        "question": "ask enquire inquire press query question quiz wonder",
        "directive": """
            advise advocate appeal beg campaign caution command dare decline demand direct
            encourage exhort guarantee implore instruct invite lobby offer order petition plead
            pledge promise promote propose push recommend refuse request seek swear threaten
            urge volunteer vow warn""",
        "evaluation": """
            accuse admire applaud assail attack back bash belittle berate blame blast boast
            brag brand bristle castigate celebrate champion charge chastise commend compare
            complain condemn congratulate contrast credit criticise criticize decry defend
            denounce deplore deride disparage embrace endorse extol extoll fault favor favour
            gripe grumble hail hammer insult knock lambast lambaste lament laud liken mock
            oppose praise prefer rant rebuke regret reprimand ridicule rip salute scold side
            slam support taunt thank tout vouch welcome""",
        "cognition": """
            aim anticipate assume believe bet consider contemplate decide deem doubt envisage
            envision expect fear feel figure foresee forget guess hope hypothesize imagine
            intend judge know learn mull plan ponder presume realise realize reckon recognise
            recognize regard remember see sense suppose surmise suspect theorize think trust
            understand view want weigh wish worry""",
        "evidence": """
            demonstrate determine document estimate find illustrate project prove record
            reflect rule show""",
        "writing": """
            blog draft editorialize email pen post print publish retweet text tweet write""",
    }
)

_PHRASES = classed(
    {
        "neutral": """
            joke about, lay out, point out, point to, refer to, reply to, respond to, set out,
            speak about, speak of, spell out, talk about, weigh in""",
        "assertion": "hint at, testify about",
        "concession": "agree on, agree with, apologise for, apologize for",
        "denial": "balk at, rule out",
        "directive": """
            advocate for, agree to, argue against, argue for, ask for, call for, call on,
            call upon, campaign against, campaign for, fight for, press for, push for,
            warn about, warn against, warn of""",
        "evaluation": """
            blame for, boast about, brag about, come out, complain about, complain of,
            go after, lash out, rail against, side with, sign on, speak against, speak out,
            take aim, thank for, vote against, vote for, vouch for""",
        "cognition": """
            believe in, feel about, figure out, know of, learn of, look forward, worry about""",
    }
)
#: Phrasal cues: verb lemma and particle or preposition, mapped to their class. A
#: phrase has a meaning of its own, and so a class of its own: "call" names ("called it
#: a hoax", neutral), "call for" demands (directive).
#: The content of a prepositional cue is the preposition's object
#: ("called for deeper coordination").
CUE_PHRASES: Mapping[tuple[str, str], str] = MappingProxyType(
    {tuple(phrase.split()): cls for phrase, cls in _PHRASES.items()}
)
#: The verbs of the phrasal cues ("call" of "call for").
PHRASE_VERBS = frozenset(verb for verb, _ in CUE_PHRASES)

#: Verbs that introduce a direct quotation ("she went on: ...", "a sign that
#: read ...", the speech verbs of fiction: '"...," returned Bitzer', '"...,"
#: she sighed') but whose other complements are no report ("continued to rise",
#: "returned home"), mapped to their class. None is a cue verb of :data:`CUE_VERBS`.
QUOTE_VERBS: Mapping[str, str] = classed(
    {
        "neutral": """
            begin breathe chime close continue drawl ejaculate falter finish gasp go groan
            growl interject interpose interrupt lisp moan murmur open pipe pursue put quoth
            read recite resume return sigh sing smile snap snarl sob stammer start stutter wail
            whimper""",
        "assertion": "hazard persist venture",
        "concession": "assent",
        "denial": "correct",
        "evaluation": "sneer",
    }
)

#: Nouns that name a reported content ("the claim that ...", "in a statement").
CUE_NOUNS: Mapping[str, str] = classed(
    {
        "neutral": """
            announcement answer comment comments explanation interview message observation
            remark reply response speech statement words""",
        "assertion": """
            allegation argument assertion assurance claim contention declaration insistence
            prediction proclamation pronouncement suggestion testimony""",
        "concession": "admission",
        "denial": "denial",
        "directive": """
            appeal call demand plea pledge promise proposal request threat vow warning""",
        "evaluation": "accusation charge",
        "cognition": """
            belief concern conviction doubt expectation fear hope idea notion opinion plan
            suspicion view""",
        "evidence": "analysis assessment data finding findings poll report study survey",
        "writing": "column editorial essay letter memo op-ed post tweet",
    }
)

#: Words that are a cue noun and a cue verb of different classes, and why. Every other
#: word that is both has one class as either.
NOUN_VERB_SPLITS: Mapping[str, str] = MappingProxyType(
    {
        "call": "the verb names ('called it a hoax'); the noun demands ('his call for calm')",
        "report": "the verb reports words ('CNN reported that'); the noun is a document",
    }
)

#: Adjectives that introduce a belief or stance ("confident that ...", "critical of ...").
CUE_ADJECTIVES: Mapping[str, str] = classed(
    {
        "neutral": "quick",
        "assertion": "adamant",
        "evaluation": "critical opposed supportive",
        "cognition": """
            afraid aware certain concerned confident convinced determined doubtful eager
            hopeful inclined keen optimistic pessimistic sceptical skeptical sure unconvinced
            wary worried""",
    }
)

#: The cues of rules of their own: "according to X", and the colon after a name in a
#: headline ("Trump: My plans are set") or after a transcript's speaker label ("MAYOR:").
RULE_CUES: Mapping[str, str] = MappingProxyType({"according to": "neutral", ":": "neutral"})

#: Cue verbs that, after the clause they report, often hang from it on the parse
#: ("the talks failed, he said").
INVERTED_CUES = word_set("say add tell write note explain argue insist")

_VERBS = frozenset(CUE_VERBS) | frozenset(QUOTE_VERBS) | PHRASE_VERBS
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

"""The cue lexicon: words that introduce what someone said, wrote or believes.

News attributes far more than speech: beliefs ("Western nations believe
..."), stances ("criticized Israel"), evidence ("polls show ...") and
intentions ("vowed to ..."). Each lemma has a class, one of
:data:`CUE_CLASSES`, so that callers can keep only the kinds they study::

    speech_only = {lemma for lemma, cls in CUE_VERBS.items() if cls == "speech"}

The entries were drawn from reporting usage in US and international news:
the verbs that introduce clausal complements, quotations and noun-phrase
contents there. Verbs that are only sometimes attributive in news ("see",
"know", "want") are included when they usually take a reported content.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

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

_SPEECH = """
    say tell add state note explain insist argue claim assert contend maintain
    declare announce confirm acknowledge admit concede warn caution stress
    emphasize emphasise underscore reiterate repeat recall recount remark comment
    respond reply answer retort counter describe characterize characterise
    portray depict call dub label brand name term mention point suggest hint
    imply signal indicate predict forecast estimate speculate reveal disclose
    divulge report testify tell explain elaborate clarify concede joke quip laugh
    boast brag complain lament grumble gripe protest shout yell scream chant
    cry whisper mutter exclaim proclaim pronounce announce allege accuse charge
    assure reassure remind inform advise
    brief notify confide confess apologize apologise thank congratulate
    concur agree disagree object observe opine quote cite paraphrase summarize
    sum conclude preface rejoin echo affirm reaffirm attest certify aver avow contend
    speak talk rant muse ponder wonder address greet hail extol extoll
    describe outline detail list highlight flag express discuss share voice
"""

_WRITING = """
    write tweet retweet post blog publish print email text pen draft editorialize
"""

_QUESTION = """
    ask question query inquire enquire wonder demand challenge press quiz
"""

_BELIEF = """
    believe think feel know suspect doubt fear worry hope expect reckon suppose
    assume presume guess imagine consider regard view see deem judge find
    figure sense understand realize realise recognize recognise acknowledge
    trust wish envision envisage foresee anticipate contemplate remember forget
    agree surmise conclude speculate theorize hypothesize bet learn decide
"""

_STANCE = """
    support oppose back endorse favor favour prefer champion advocate defend
    criticize criticise condemn denounce decry deplore slam blast attack assail
    lambast lambaste rip hammer bash knock fault blame scold rebuke reprimand
    chastise castigate berate mock ridicule deride dismiss reject rebuff
    repudiate disavow deny dispute contest challenge question refute rebut
    praise applaud commend laud hail tout celebrate welcome embrace credit
    tout salute thank admire vouch side liken compare contrast frame
    attribute accuse blame disparage belittle insult taunt threaten dare
    protest oppose resist balk bristle object lament regret deplore
"""

_INTENT = """
    vow pledge promise swear guarantee plan intend aim propose recommend urge exhort
    implore plead beg appeal call demand request seek want order instruct
    direct command insist refuse decline threaten warn encourage advise
    push press lobby campaign petition ask invite offer volunteer consider
    weigh mull contemplate promote
"""

_EVIDENCE = """
    show find indicate reveal suggest demonstrate prove confirm document
    illustrate reflect estimate project predict report record note
    determine conclude rule
"""


def _build_verbs() -> Mapping[str, str]:
    # Earlier classes win for lemmas listed under several ("warn" is speech).
    table: dict[str, str] = {}
    for cls, words in (
        ("speech", _SPEECH),
        ("writing", _WRITING),
        ("question", _QUESTION),
        ("belief", _BELIEF),
        ("stance", _STANCE),
        ("intent", _INTENT),
        ("evidence", _EVIDENCE),
    ):
        for word in words.split():
            table.setdefault(word, cls)
    return MappingProxyType(dict(sorted(table.items())))


#: Verb lemmas that introduce a reported content, mapped to their class.
CUE_VERBS: Mapping[str, str] = _build_verbs()

#: Phrasal cues: verb lemma and particle or preposition, mapped to their class.
#: The content of a prepositional cue is the preposition's object
#: ("called for deeper coordination").
CUE_PHRASES: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("call", "for"): "intent",
        ("call", "on"): "intent",
        ("call", "upon"): "intent",
        ("push", "for"): "intent",
        ("press", "for"): "intent",
        ("argue", "for"): "stance",
        ("argue", "against"): "stance",
        ("speak", "out"): "speech",
        ("speak", "against"): "stance",
        ("speak", "of"): "speech",
        ("speak", "about"): "speech",
        ("talk", "about"): "speech",
        ("point", "out"): "speech",
        ("point", "to"): "speech",
        ("weigh", "in"): "speech",
        ("come", "out"): "stance",
        ("lash", "out"): "stance",
        ("warn", "of"): "speech",
        ("warn", "against"): "speech",
        ("warn", "about"): "speech",
        ("refer", "to"): "speech",
        ("rail", "against"): "stance",
        ("side", "with"): "stance",
        ("worry", "about"): "belief",
        ("complain", "about"): "speech",
        ("complain", "of"): "speech",
        ("hint", "at"): "speech",
        ("take", "aim"): "stance",
        ("go", "after"): "stance",
        ("sign", "on"): "stance",
        ("figure", "out"): "belief",
        ("set", "out"): "intent",
        ("lay", "out"): "speech",
        ("spell", "out"): "speech",
        ("rule", "out"): "stance",
        ("vote", "for"): "stance",
        ("vote", "against"): "stance",
        ("fight", "for"): "intent",
        ("look", "forward"): "intent",
        ("respond", "to"): "speech",
        ("reply", "to"): "speech",
        ("agree", "to"): "stance",
        ("agree", "with"): "stance",
        ("agree", "on"): "stance",
        ("vouch", "for"): "stance",
        ("advocate", "for"): "stance",
        ("apologize", "for"): "speech",
        ("apologise", "for"): "speech",
        ("ask", "for"): "intent",
        ("campaign", "against"): "stance",
        ("campaign", "for"): "stance",
        ("believe", "in"): "belief",
        ("know", "of"): "belief",
        ("learn", "of"): "belief",
        ("feel", "about"): "belief",
        ("balk", "at"): "stance",
        ("thank", "for"): "stance",
        ("blame", "for"): "stance",
        ("testify", "about"): "speech",
        ("brag", "about"): "speech",
        ("boast", "about"): "speech",
        ("joke", "about"): "speech",
    }
)

#: Verb lemmas that are cues only with one of their particles or prepositions
#: from :data:`CUE_PHRASES` (plain "come" or "go" is not a cue).
PHRASE_ONLY_VERBS = frozenset(verb for verb, _ in CUE_PHRASES if verb not in CUE_VERBS)

#: Verbs that introduce a direct quotation ("she went on: ...", "a sign that
#: read ...") but whose other complements are no report ("continued to rise").
QUOTE_VERBS = frozenset(
    [
        "continue",
        "begin",
        "start",
        "finish",
        "open",
        "close",
        "interject",
        "interrupt",
        "read",
        "sing",
        "chant",
        "put",
        "go",
        "pipe",
        "chime",
        "offer",
        "muse",
        "recite",
    ]
)

#: Nouns that name a reported content ("the claim that ...", "in a statement").
CUE_NOUNS: Mapping[str, str] = MappingProxyType(
    {
        word: cls
        for cls, words in (
            (
                "speech",
                "statement claim assertion argument remark comment comments "
                "announcement warning suggestion insistence denial admission "
                "accusation allegation charge testimony assurance explanation "
                "response reply answer message words speech interview "
                "declaration proclamation pronouncement prediction observation",
            ),
            ("writing", "tweet post letter memo op-ed column essay editorial"),
            (
                "belief",
                "belief view notion idea opinion fear concern hope doubt "
                "conviction contention expectation suspicion assessment",
            ),
            ("intent", "promise pledge vow call demand plea appeal proposal plan request threat"),
            ("evidence", "report study survey poll analysis finding findings data"),
        )
        for word in words.split()
    }
)

#: Adjectives that introduce a belief or stance ("confident that ...",
#: "critical of ...").
CUE_ADJECTIVES: Mapping[str, str] = MappingProxyType(
    {
        "confident": "belief",
        "convinced": "belief",
        "sure": "belief",
        "certain": "belief",
        "hopeful": "belief",
        "optimistic": "belief",
        "pessimistic": "belief",
        "skeptical": "belief",
        "sceptical": "belief",
        "doubtful": "belief",
        "worried": "belief",
        "concerned": "belief",
        "afraid": "belief",
        "aware": "belief",
        "adamant": "speech",
        "critical": "stance",
        "supportive": "stance",
        "opposed": "stance",
        "wary": "belief",
        "eager": "intent",
        "determined": "intent",
        "keen": "intent",
        "inclined": "belief",
        "unconvinced": "belief",
        "quick": "speech",
    }
)

_VERBS = frozenset(CUE_VERBS) | QUOTE_VERBS | {v for v, _ in CUE_PHRASES}
_KNOWN = _VERBS | frozenset(CUE_NOUNS)
_IRREGULAR = MappingProxyType(
    {
        "said": "say",
        "says": "say",
        "told": "tell",
        "wrote": "write",
        "written": "write",
        "thought": "think",
        "felt": "feel",
        "knew": "know",
        "known": "know",
        "saw": "see",
        "seen": "see",
        "found": "find",
        "spoke": "speak",
        "spoken": "speak",
        "sought": "seek",
        "swore": "swear",
        "sworn": "swear",
        "went": "go",
        "gone": "go",
        "began": "begin",
        "begun": "begin",
        "sang": "sing",
        "sung": "sing",
        "drew": "draw",
        "drawn": "draw",
        "understood": "understand",
        "forgot": "forget",
        "forgotten": "forget",
        "read": "read",
        "put": "put",
        "bet": "bet",
        "laid": "lay",
        "held": "hold",
        "made": "make",
        "took": "take",
        "taken": "take",
        "gave": "give",
        "given": "give",
        "came": "come",
        "fought": "fight",
        "shown": "show",
        "proven": "prove",
        "chose": "choose",
        "chosen": "choose",
        "meant": "mean",
        "heard": "hear",
        "brought": "bring",
    }
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
    key = (token.lemma, token.lower, token.pos)  # string ids: no string built when known
    form = _CUE_LEMMAS.get(key)
    if form is None:
        if len(_CUE_LEMMAS) > 65536:
            _CUE_LEMMAS.clear()
        verb = token.pos_ in ("VERB", "AUX")
        form = _CUE_LEMMAS[key] = _lexicon_form(token.lemma_.lower(), token.lower_, verb)
    return form


# cue_lemma's answers by (lemma, form, part of speech) ids, the same in every vocabulary.
_CUE_LEMMAS: dict[tuple[int, int, int], str] = {}


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

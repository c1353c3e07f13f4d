"""Reported speech: each live cue of the narrator with the content and speaker it governs.

For each cue outside the quotations (:mod:`quotelib.document.cues`), the content is
read off the dependency tree: a clausal complement, an infinitive, a
noun-phrase object, the object of a phrasal preposition, or (inverted order)
the clause the cue hangs from. "According to X", cue nouns with a
that-clause and cue adjectives have rules of their own, and so do headline
and transcript colons ("Trump: My plans aren't set in stone").
"""

from __future__ import annotations

import bisect

import attrs
from spacy.tokens import Doc, Span, Token

from quotelib.document.attribution import Attribution
from quotelib.document.cues import is_live, is_verb, noun_class
from quotelib.document.syntax import agent_of, is_negated, is_passive, subject_of
from quotelib.document.view import DocView
from quotelib.lexicon import (
    ADDRESSEE_VERBS,
    CONTENTLESS_OBJECTS,
    CUE_ADJECTIVES,
    CUE_PHRASES,
    CUE_VERBS,
    INVERTED_CUES,
    OBJECT_PREPOSITIONS,
    PHRASE_VERBS,
    PROPOSITION_CLASSES,
    RULE_CUES,
    TIME_PREPOSITIONS,
    TOPIC_CLASSES,
    TOPIC_PREPOSITIONS,
    cue_lemma,
)
from quotelib.rules.content import char_parts, subtree_parts, without_speaker
from quotelib.rules.speaking import gives_way, speaker_index

__all__ = ["find_attributions", "noun_speaker"]

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
_OBJECT_DEPS = frozenset({"dobj", "attr"})
_PHRASE_DEPS = frozenset({"prt", "prep", "dobj", "advmod"})


def find_attributions(view: DocView) -> list[Attribution]:
    """Every attribution that a cue outside the quotations introduces, in cue order.

    A cue inside a quotation is someone's quoted words, not the narrator's,
    and is skipped. A cue whose subject is no one reports no one's words ("her habit
    suggested calm") and is skipped too, unless it is a noun, which is always someone's
    ("the suggestion that ...": :func:`quotelib.rules.speaking.gives_way`).
    """
    # A colon inside a quotation is someone's words; one outside may introduce a quotation
    # ("Kasich: 'We are going all the way'").
    found = [a for a in _colon_attributions(view) if not view.marks.contains(a.cue[0])]
    for index in view.cues:
        token = view.doc[index]
        if view.marks.contains(token.idx):
            continue
        attribution = _attribution_for(token)
        if attribution is not None:
            found.append(attribution)
    return [spoken for spoken in (_speaking(view, a) for a in found) if spoken is not None]


def _speaking(view: DocView, attribution: Attribution) -> Attribution | None:
    """The attribution with the mention that speaks as its speaker, or ``None`` when its
    rule gives way."""
    if attribution.speaker is None:
        return attribution
    subject = view.doc[attribution.speaker]
    if attribution.rule != "noun" and gives_way(view, subject):
        return None
    return attrs.evolve(attribution, speaker=speaker_index(view, subject))


def _new(
    cue: Span, speaker: Token | None, parts: list[tuple[int, int]], rule: str, cue_class: str
) -> Attribution | None:
    """The attribution, or ``None`` when its content has no part left."""
    if not parts:
        return None
    return Attribution(
        parts=parts,
        rule=rule,
        cue=(cue.start_char, cue.end_char),
        cue_token=cue.root.i,
        speaker=None if speaker is None else speaker.i,
        cue_class=cue_class,
    )


def _colon_attributions(view: DocView) -> list[Attribution]:
    """Headline and transcript style: ``Trump: My plans aren't set in stone``."""
    doc, colons = view.doc, _colon_tokens(view.doc, view.text)
    found = []
    for number in sorted({view.sentences.index(i) for i in colons}):
        sent = view.sentences.spans[number]
        colon = doc[colons[bisect.bisect_left(colons, sent.start)]]  # the sentence's first
        if colon.i >= sent.start + 7 or colon.i == sent.start:
            continue
        name = [t for t in doc[sent.start : colon.i] if not t.is_space]
        rest = doc[colon.i + 1 : sent.end]
        if not any(_is_name(t) for t in name) or not all(_is_name(t) or t.is_quote for t in name):
            continue
        if sum(t.is_alpha for t in rest) < 3:
            continue
        speaker = next(t for t in reversed(name) if _is_name(t))
        parts = char_parts(doc, [(rest.start, rest.end)])
        attribution = _new(doc[colon.i : colon.i + 1], speaker, parts, "colon", RULE_CUES[":"])
        if attribution is not None:
            found.append(attribution)
    return found


def _colon_tokens(doc: Doc, text: str) -> list[int]:
    """Indices of the tokens that are a colon, found on the text: colons are rare."""
    found = []
    offset = text.find(":")
    while offset >= 0:
        token = doc.char_span(offset, offset + 1)  # None unless the colon is a whole token
        if token is not None:
            found.append(token.start)
        offset = text.find(":", offset + 1)
    return found


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)


def _attribution_for(token: Token) -> Attribution | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _according_to(token)
    if is_verb(token):
        return _verb_attribution(token)
    if token.pos_ == "NOUN" and noun_class(token) is not None:
        return _noun_attribution(token)
    if token.pos_ == "ADJ" and token.lower_ in CUE_ADJECTIVES:
        return _adjective_attribution(token)
    return None


def _verb_attribution(verb: Token) -> Attribution | None:
    lemma = cue_lemma(verb)
    phrase = _phrase_of(verb, lemma)
    cue_class = CUE_PHRASES[phrase[0]] if phrase else CUE_VERBS.get(lemma)
    if cue_class is None or not is_live(verb):
        return None
    speaker = subject_of(verb)
    content = _verb_content(verb, lemma, cue_class, phrase)
    parts = char_parts(verb.doc, without_speaker(content, speaker))
    if not parts or _is_impersonal(verb):
        return None
    end = phrase[1].i + 1 if phrase and phrase[1].i > verb.i else verb.i + 1
    return _new(Span(verb.doc, verb.i, end), speaker, parts, "verb", cue_class)


def _is_impersonal(verb: Token) -> bool:
    """Readers addressed ("Do you support ...?") or a passive infinitive with no
    source ("sales are expected to rise"): no one's words are reported."""
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return True
    if is_passive(verb) and agent_of(verb) is None:
        return not any(c.dep_ == "ccomp" for c in verb.children)
    return False


def _phrase_of(verb: Token, lemma: str) -> tuple[tuple[str, str], Token] | None:
    """The phrasal cue ("call for") the verb makes with one of its children, if any."""
    if lemma not in PHRASE_VERBS:
        return None  # most cues: no child to read
    for child in verb.children:
        if child.dep_ in _PHRASE_DEPS and (lemma, child.lower_) in CUE_PHRASES:
            return (lemma, child.lower_), child
    return None


def _verb_content(
    verb: Token, lemma: str, cue_class: str, phrase: tuple[tuple[str, str], Token] | None
) -> list[tuple[int, int]]:
    """The token spans of what the verb reports, tried from the surest shape on."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS]
    if clauses:
        return subtree_parts(clauses, exclude=verb)
    if phrase is not None:
        objects = [c for c in phrase[1].children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            return subtree_parts(objects + _trailing(verb, phrase[1]), exclude=verb)
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if passive_subjects and agent_of(verb) is not None:
        # "The proposal was rejected by voters": the rejected thing is the content.
        return subtree_parts(passive_subjects, exclude=verb)
    if verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and verb.i > verb.head.i and lemma in INVERTED_CUES
    ):
        return subtree_parts([verb.head], exclude=verb, skip_subtree=verb)
    objects = [c for c in children if c.dep_ in _OBJECT_DEPS or c.dep_ == "oprd"]
    objects += [
        c for c in children if objects and c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS
    ]
    if (
        objects
        and _object_is_content(lemma, objects[0])
        and not _inverted_speaker(verb, objects[0])
    ):
        return subtree_parts(objects + _trailing(verb, objects[-1]), exclude=verb)
    topics = [
        p
        for prep in children
        if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPOSITIONS
        for p in prep.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    if topics and cue_class in TOPIC_CLASSES:
        return subtree_parts(topics[:1], exclude=verb)
    stray = _stray_that_clause(verb)
    if stray is not None and cue_class in PROPOSITION_CLASSES:
        return subtree_parts([stray], exclude=verb)
    return []


def _stray_that_clause(verb: Token) -> Token | None:
    """A "that" clause the parser hung on a noun of the verb's adjunct.

    "Kasich predicted at the most recent debate that Republicans will win"
    is often parsed with the clause as a relative clause of "debate".
    """
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for token in prep.subtree:
            if token.dep_ not in ("relcl", "acl") or token.i < prep.i:
                continue
            first = token.doc[token.left_edge.i]
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if first.lower_ == "that" and subjects and subjects[0].i != first.i:
                return token
    return None


def _trailing(verb: Token, last: Token) -> list[Token]:
    """The verb's dependents right after its object that complete the content:
    "emphasised the UN's role [in recent talks]", "called for X [to ensure Y]"."""
    found = []
    for child in verb.rights:
        if child.i <= last.i:
            continue
        if (
            child.dep_ not in ("prep", "advcl", "xcomp", "oprd")
            or child.lower_ in TIME_PREPOSITIONS
        ):
            break
        found.append(child)
    return found


def _inverted_speaker(verb: Token, obj: Token) -> bool:
    """Whether the object is the speaker of an inverted cue after a quotation that the
    parser took for the subject: ``"Oh dear!" cried Catherine.``"""
    if obj.i < verb.i or obj.pos_ not in ("PROPN", "PRON"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(t.is_quote for t in c.subtree)
        for c in verb.children
    )


def _object_is_content(lemma: str, obj: Token) -> bool:
    if lemma in ADDRESSEE_VERBS and obj.dep_ == "dobj":
        return False
    if obj.lower_ in CONTENTLESS_OBJECTS:
        return False
    return lemma != "say"


def _according_to(token: Token) -> Attribution | None:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    anchor = token.head
    while anchor.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.i == token.i or source is None:
        return None
    parts = char_parts(token.doc, subtree_parts([anchor], exclude=token, skip_subtree=token))
    return _new(
        token.doc[token.i : to.i + 1], source, parts, "according-to", RULE_CUES["according to"]
    )


def _noun_attribution(noun: Token) -> Attribution | None:
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)]
    if not clauses:
        return None
    parts = char_parts(noun.doc, subtree_parts(clauses, exclude=noun))
    cue = noun.doc[noun.i : noun.i + 1]
    return _new(cue, noun_speaker(noun), parts, "noun", noun_class(noun))


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children)


def noun_speaker(noun: Token) -> Token | None:
    """The source of a noun cue: "Trump's claim", "a claim by X", "X made the claim"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and not is_negated(head):
        return subject_of(head)
    return None


def _adjective_attribution(adj: Token) -> Attribution | None:
    head = adj.head
    if adj.dep_ not in ("acomp", "amod", "oprd") or is_negated(head):
        return None
    clauses = [c for c in adj.children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses:
        clauses = [
            p
            for prep in adj.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "about", "that")
            for p in prep.children
            if p.dep_ in ("pobj", "pcomp")
        ]
    if not clauses or adj.dep_ == "amod":
        return None
    parts = char_parts(adj.doc, subtree_parts(clauses, exclude=adj))
    cue = adj.doc[adj.i : adj.i + 1]
    return _new(cue, subject_of(head), parts, "adjective", CUE_ADJECTIVES[adj.lower_])

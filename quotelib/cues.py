"""Cues found on the parse, and the reported content and speaker each governs.

A cue is a verb of the lexicon ("said", "warned", "called for"), "according
to", a noun ("the claim that ...") or an adjective ("confident that ...").
For each cue that is not negated, the content is read off the dependency
tree: a clausal complement, an infinitive, a noun-phrase object, the object
of a phrasal preposition, or (inverted order) the clause the cue hangs from.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs
import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.strings import StringStore, get_string_id
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from quotelib.lexicon import (
    CUE_ADJECTIVES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    cue_lemma,
    is_lexicon_noun,
    is_lexicon_verb,
)
from quotelib.ranges import Ranges, merge
from quotelib.syntax import (
    Sentences,
    agent_of,
    is_negated,
    is_passive,
    is_so_called,
    subject_of,
)

# Verbs whose direct object is the person addressed, not the content.
_ADDRESSEE_VERBS = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "remind",
        "assure",
        "urge",
        "warn",
        "advise",
        "brief",
        "notify",
        "convince",
        "persuade",
        "order",
        "instruct",
        "invite",
        "press",
        "reassure",
        "caution",
        "encourage",
        "beg",
        "implore",
        "exhort",
        "greet",
        "address",
        "quiz",
        "dare",
        "lobby",
        "petition",
    }
)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# Prepositions completing a noun-phrase content: "described X as Y",
# "accused him of Z", "compared abortion to the Holocaust".
_OBJECT_PREPS = frozenset({"as", "of", "for", "to", "over"})
# Prepositions that start an adjunct of time or place, not content.
_TIME_PREPS = frozenset({"on", "at", "during", "after", "before", "since", "until"})
# Prepositions whose object is the topic of speech: "asked about the emails".
_TOPIC_PREPS = frozenset({"about", "against", "regarding", "concerning"})
_OBJECT_DEPS = frozenset({"dobj", "attr"})
_PHRASE_VERBS = frozenset(verb for verb, _ in CUE_PHRASES)  # "call" of "call for"
# String ids, to compare with the columns of Doc.to_array.
_ACCORDING = get_string_id("according")
_ADJECTIVE_IDS = frozenset(get_string_id(word) for word in CUE_ADJECTIVES)


@attrs.define
class Attribution:
    """A found attribution, on token and character offsets (internal, mutable)."""

    cue: Span | None
    speaker: Token | None
    parts: list[tuple[int, int]]
    rule: str
    cue_class: str | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_attributions(
    doc: Doc,
    *,
    blocked: list[tuple[int, int]] = (),
    text: str | None = None,
    cues: list[int] | None = None,
    sentences: Sentences | None = None,
) -> list[Attribution]:
    """Every attribution introduced by a cue on ``doc``'s parse.

    Args:
        doc: a parsed document.
        blocked: character ranges (quotations) whose words are someone's
            quoted speech; a cue inside one is not the narrator's and is
            skipped.
        text: ``doc.text`` when the caller has it (``Doc.text`` joins every token).
        cues: :func:`candidate_cues` of ``doc`` when the caller has them.
        sentences: the :class:`~quotelib.syntax.Sentences` of ``doc`` when
            the caller has them.
    """
    quoted = Ranges(blocked)
    text = doc.text if text is None else text
    colons = _colon_attributions(doc, text, sentences)
    found = [a for a in colons if not quoted.contains(a.start)]
    for index in candidate_cues(doc) if cues is None else cues:
        token = doc[index]
        if quoted.contains(token.idx):
            continue
        attribution = _attribution_for(token)
        if attribution is not None and attribution.parts:
            found.append(attribution)
    return found


def candidate_cues(doc: Doc) -> list[int]:
    """Indices of the tokens that may be cues, found without building every token.

    Most tokens of a text are no cue. Parts of speech, tags and forms are
    compared as string ids over the whole document; the lexicon is asked only
    about verbs and nouns, once per (lemma, form) it has not judged before.
    """
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    lemmas, lowers, pos, tags = doc.to_array([LEMMA, LOWER, POS, TAG]).T
    verbs = (pos == VERB) | (pos == AUX)
    verbs |= _VERB_TAGS.ask(
        tags, lambda at: [strings[t].startswith("VB") for t in tags[at].tolist()]
    )
    according = lowers == _ACCORDING
    nouns = ~according & ~verbs & (pos == NOUN)
    adjectives = numpy.nonzero(~according & ~verbs & (pos == ADJ))[0]
    flags = according.copy()
    for kind, verdicts, test in (
        (verbs & ~according, _VERB_VERDICTS, is_lexicon_verb),
        (nouns, _NOUN_VERDICTS, is_lexicon_noun),
    ):
        index = numpy.nonzero(kind)[0]
        flags[index] = _ask_lexicon(strings, lemmas[index], lowers[index], verdicts, test)
    flags[adjectives] = [lower in _ADJECTIVE_IDS for lower in lowers[adjectives].tolist()]
    return numpy.nonzero(flags)[0].tolist()


class _Verdicts:
    """Verdicts on 64-bit keys of string ids, kept across documents.

    A string id is a hash of the string, the same in every vocabulary, so a
    verdict holds for every document. Keys are kept in a sorted array, so that
    a document's tokens are looked up together with ``numpy.searchsorted``;
    only keys never seen are judged. The table is emptied when it would
    outgrow ``size`` entries.
    """

    def __init__(self, size: int = 1 << 16) -> None:
        self.size = size
        self.keys = numpy.zeros(0, dtype=numpy.uint64)
        self.verdicts = numpy.zeros(0, dtype=bool)

    def ask(
        self, keys: numpy.ndarray, judge: Callable[[numpy.ndarray], list[bool]]
    ) -> numpy.ndarray:
        """The verdict on each key; ``judge(indices)`` gives those on ``keys[indices]``."""
        at, known = self._find(keys)
        if not known.all():
            unknown = ~known
            new, first = numpy.unique(keys[unknown], return_index=True)
            self._learn(new, judge(numpy.nonzero(unknown)[0][first]))
            at, known = self._find(keys)
        return self.verdicts[at]

    def _find(self, keys: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Where each key is or would be in the table, and whether it is there."""
        if len(self.keys) == 0:
            return numpy.zeros(len(keys), dtype=numpy.intp), numpy.zeros(len(keys), dtype=bool)
        # The methods, not numpy.searchsorted and clip: their wrappers cost more here.
        at = numpy.minimum(self.keys.searchsorted(keys), len(self.keys) - 1)
        return at, self.keys[at] == keys

    def _learn(self, keys: numpy.ndarray, verdicts: list[bool]) -> None:
        if len(self.keys) + len(keys) > self.size:
            self.keys, self.verdicts = self.keys[:0], self.verdicts[:0]
        keys = numpy.concatenate([self.keys, keys])
        verdicts = numpy.concatenate([self.verdicts, verdicts])
        order = numpy.argsort(keys, kind="stable")
        self.keys, self.verdicts = keys[order], verdicts[order]


def _ask_lexicon(
    strings: StringStore,
    lemmas: numpy.ndarray,
    lowers: numpy.ndarray,
    verdicts: _Verdicts,
    test: Callable[[str, str], bool],
) -> numpy.ndarray:
    """``test(lemma, form)`` for each token, read off ``verdicts`` where it can be."""

    def judge(at: numpy.ndarray) -> list[bool]:
        pairs = zip(lemmas[at].tolist(), lowers[at].tolist())
        return [test(strings[lemma].lower(), strings[lower]) for lemma, lower in pairs]

    return verdicts.ask(_pair_keys(lemmas, lowers), judge)


def _pair_keys(lemmas: numpy.ndarray, lowers: numpy.ndarray) -> numpy.ndarray:
    """One 64-bit key per (lemma, form) pair of string ids.

    The pair is mixed into one hash, as the ids are hashes of strings: two
    pairs share a key only by a hash collision, as likely as two strings
    sharing an id in spaCy's StringStore.
    """
    return lemmas * numpy.uint64(0x9E3779B97F4A7C15) + lowers  # wraps around, as hashes do


_VERB_VERDICTS = _Verdicts()
_NOUN_VERDICTS = _Verdicts()
_VERB_TAGS = _Verdicts()  # whether a tag is a verb's ("VBD", "VBZ", ...)


def _colon_attributions(doc: Doc, text: str, sentences: Sentences | None) -> list[Attribution]:
    """Headline and transcript style: ``Trump: My plans aren't set in stone``."""
    colons = _colon_tokens(doc, text)
    if not colons:
        return []
    sentences = Sentences(doc) if sentences is None else sentences
    found = []
    for number in sorted({sentences.index(i) for i in colons}):
        sent = sentences.spans[number]
        colon = doc[colons[bisect.bisect_left(colons, sent.start)]]  # the sentence's first
        if colon.i >= sent.start + 7 or colon.i == sent.start:
            continue
        name = [t for t in doc[sent.start : colon.i] if not t.is_space]
        rest = doc[colon.i + 1 : sent.end]
        if not any(_is_name(t) for t in name) or not all(_is_name(t) or t.is_quote for t in name):
            continue
        if sum(t.is_alpha for t in rest) < 3:
            continue
        parts = char_parts(doc, [(rest.start, rest.end)])
        speaker = next(t for t in reversed(name) if _is_name(t))
        found.append(
            Attribution(
                cue=doc[colon.i : colon.i + 1],
                speaker=speaker,
                parts=parts,
                rule="colon",
                cue_class="speech",
            )
        )
    return [a for a in found if a.parts]


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
    # String and symbol ids compared, not strings: asked of every candidate.
    if token.lower == _ACCORDING and any(c.lower_ == "to" for c in token.children):
        return _according_to(token)
    if token.pos in (VERB, AUX) or token.tag_.startswith("VB"):
        return _verb_attribution(token)
    if token.pos_ == "NOUN" and cue_lemma(token) in CUE_NOUNS:
        return _noun_attribution(token)
    if token.pos_ == "ADJ" and token.lower_ in CUE_ADJECTIVES:
        return _adjective_attribution(token)
    return None


def _verb_attribution(verb: Token) -> Attribution | None:
    lemma = cue_lemma(verb)
    children = list(verb.children)  # Token.children builds every child anew: read them once
    phrase = _phrase_of(lemma, children)
    if lemma not in CUE_VERBS and phrase is None:
        return None
    if is_negated(verb, children) or is_so_called(verb):
        return None
    cue_class = CUE_PHRASES[phrase[0]] if phrase else CUE_VERBS[lemma]
    speaker = subject_of(verb, children)
    parts = char_parts(
        verb.doc,
        _without_speaker(_verb_content(verb, children, lemma, cue_class, phrase), speaker),
    )
    if not parts or _is_impersonal(verb, children):
        return None
    end = phrase[1].i + 1 if phrase and phrase[1].i > verb.i else verb.i + 1
    cue = Span(verb.doc, verb.i, end)  # doc[i:j] costs three times as much
    return Attribution(cue=cue, speaker=speaker, parts=parts, rule="verb", cue_class=cue_class)


def _is_impersonal(verb: Token, children: list[Token]) -> bool:
    """Readers addressed ("Do you support ...?") or a passive infinitive with no
    source ("sales are expected to rise"): no one's words are reported."""
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children):
        return True
    if is_passive(verb, children) and agent_of(verb, children) is None:
        return not any(c.dep_ == "ccomp" for c in children)
    return False


def _phrase_of(lemma: str, children: list[Token]) -> tuple[tuple[str, str], Token] | None:
    if lemma not in _PHRASE_VERBS:
        return None  # most cues: no child to read
    for child in children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod") and (lemma, child.lower_) in CUE_PHRASES:
            return (lemma, child.lower_), child
    return None


def _verb_content(
    verb: Token,
    children: list[Token],
    lemma: str,
    cue_class: str,
    phrase: tuple[tuple[str, str], Token] | None,
) -> list[tuple[int, int]]:
    clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS]
    if clauses:
        return _subtree_parts(clauses, exclude=verb)
    if phrase is not None:
        objects = [c for c in phrase[1].children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            return _subtree_parts(objects + _trailing(verb, phrase[1]), exclude=verb)
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if passive_subjects and agent_of(verb, children) is not None:
        # "The proposal was rejected by voters": the rejected thing is the content.
        return _subtree_parts(passive_subjects, exclude=verb)
    if verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and verb.i > verb.head.i and _is_inverted(lemma)
    ):
        return _inverted_parts(verb)
    objects = [c for c in children if c.dep_ in _OBJECT_DEPS or c.dep_ == "oprd"]
    objects += [c for c in children if objects and c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS]
    if objects and _object_is_content(lemma, objects[0]):
        return _subtree_parts(objects + _trailing(verb, objects[-1]), exclude=verb)
    topics = [
        p
        for prep in children
        if prep.dep_ == "prep" and prep.lower_ in _TOPIC_PREPS
        for p in prep.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    if topics and cue_class in ("speech", "writing", "question", "stance"):
        return _subtree_parts(topics[:1], exclude=verb)
    stray = _stray_that_clause(verb)
    if stray is not None and cue_class in ("speech", "writing", "belief", "evidence"):
        return _subtree_parts([stray], exclude=verb)
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
        if child.dep_ not in ("prep", "advcl", "xcomp", "oprd") or child.lower_ in _TIME_PREPS:
            break
        found.append(child)
    return found


def _is_inverted(lemma: str) -> bool:
    # "..., he said." parsed as a clause hanging from the content's verb.
    return lemma in ("say", "add", "tell", "write", "note", "explain", "argue", "insist")


def _object_is_content(lemma: str, obj: Token) -> bool:
    if lemma in _ADDRESSEE_VERBS and obj.dep_ == "dobj":
        return False
    if obj.lower_ in ("it", "this", "that", "so", "something", "anything", "nothing", "what"):
        return False
    return lemma != "say"


def _inverted_parts(verb: Token) -> list[tuple[int, int]]:
    head = verb.head
    return _subtree_parts([head], exclude=verb, skip_subtree=verb)


def _according_to(token: Token) -> Attribution | None:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    anchor = token.head
    while anchor.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.i == token.i or source is None:
        return None
    parts = char_parts(token.doc, _subtree_parts([anchor], exclude=token, skip_subtree=token))
    cue = token.doc[token.i : to.i + 1]
    return Attribution(
        cue=cue, speaker=source, parts=parts, rule="according-to", cue_class="speech"
    )


def _noun_attribution(noun: Token) -> Attribution | None:
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)]
    if not clauses:
        return None
    speaker = noun_speaker(noun)
    parts = char_parts(noun.doc, _subtree_parts(clauses, exclude=noun))
    cue = noun.doc[noun.i : noun.i + 1]
    return Attribution(
        cue=cue, speaker=speaker, parts=parts, rule="noun", cue_class=CUE_NOUNS[cue_lemma(noun)]
    )


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
    cue = adj.doc[adj.i : adj.i + 1]
    return Attribution(
        cue=cue,
        speaker=subject_of(head),
        parts=char_parts(adj.doc, _subtree_parts(clauses, exclude=adj)),
        rule="adjective",
        cue_class=CUE_ADJECTIVES[adj.lower_],
    )


def _subtree_parts(
    roots: list[Token], *, exclude: Token, skip_subtree: Token | None = None
) -> list[tuple[int, int]]:
    """Token spans ``[lo, hi)`` of the subtrees of ``roots``, minus the cue and its phrase.

    Subtrees are taken by their edges, so the cost does not grow with their size.
    """
    spans = merge([(root.left_edge.i, root.right_edge.i + 1) for root in roots])
    cuts = [(exclude.i, exclude.i + 1)]
    if skip_subtree is not None:
        cuts.append((skip_subtree.left_edge.i, skip_subtree.right_edge.i + 1))
    return _subtract(spans, cuts)


def _without_speaker(spans: list[tuple[int, int]], speaker: Token | None) -> list[tuple[int, int]]:
    """Cut the speaker's phrase out of a content that the parse wrapped round it."""
    if speaker is None or not any(lo <= speaker.i < hi for lo, hi in spans):
        return spans
    return _subtract(spans, [(speaker.left_edge.i, speaker.right_edge.i + 1)])


def _subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    for cut_lo, cut_hi in cuts:
        spans = [
            piece
            for lo, hi in spans
            for piece in ((lo, min(hi, cut_lo)), (max(lo, cut_hi), hi))
            if piece[0] < piece[1]
        ]
    return spans


def char_parts(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans ``[lo, hi)`` as character ranges, trimmed of edge punctuation."""
    return [part for lo, hi in spans for part in _trim_run(doc, lo, hi - 1)]


_EDGE_DEPS = frozenset({"mark", "cc"})


def _trim_run(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    while lo <= hi and _is_edge(doc[lo]):
        lo += 1
    while hi >= lo and _is_edge_punct(doc[hi]):
        hi -= 1
    if lo > hi:
        return []
    first = doc[lo]  # most runs start with a word: no other token built
    if not (first.is_alpha or first.like_num) and not any(
        doc[i].is_alpha or doc[i].like_num for i in range(lo + 1, hi + 1)
    ):
        return []
    last = doc[hi]
    return [(first.idx, last.idx + len(last))]


def _is_edge(token: Token) -> bool:
    return _is_edge_punct(token) or token.dep_ in _EDGE_DEPS


def _is_edge_punct(token: Token) -> bool:
    return (token.is_punct and not token.is_quote) or token.is_space

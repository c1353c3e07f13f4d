"""Small questions asked of a dependency parse: who is the subject, is it negated.

These helpers know spaCy's English (ClearNLP-style) labels. They take and
return tokens; nothing here builds records.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotelib.lexicon import NEGATIVE_WORDS, cue_lemma

#: The labels of a nominal subject, active or passive: who acts in a clause.
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
_PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})
# Dependents kept in a mention's span: its determiners, modifiers and names.
_MENTION_DEPS = frozenset(
    {
        "compound",
        "det",
        "amod",
        "poss",
        "nummod",
        "nmod",
        "flat",
        "case",
        "quantmod",
        "predet",
        "npadvmod",
        "cc",
        "conj",
        "prep",
        "pobj",
    }
)


def is_negated(token: Token) -> bool:
    """Whether ``token`` (a cue) is negated: "did not mention", "Neither leader detailed".

    Examples:
        >>> from spacy.tokens import Doc
        >>> from spacy.vocab import Vocab
        >>> doc = Doc(Vocab(), words=["Putin", "did", "not", "mention", "Ukraine"],
        ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"])
        >>> is_negated(doc[3])
        True
    """
    for child in token.children:
        dep = child.dep_
        if dep == "neg" or (dep == "advmod" and child.lower_ == "never"):
            return True
        if dep in _SUBJ_DEPS and _is_negative_subject(child):
            return True
    if token.dep_ == "conj" and token.head.dep_ not in ("conj",) and token.i > token.head.i:
        # "did not mention or discuss": negation on the first conjunct carries over.
        head = token.head
        return any(c.dep_ == "neg" for c in head.children) and not _has_own_subject(token)
    return False


def is_so_called(token: Token) -> bool:
    """Whether ``token`` is the "called" of "so-called", which reports nothing."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "so"


def _is_negative_subject(subject: Token) -> bool:
    if subject.lower_ in NEGATIVE_WORDS:
        return True
    if not (subject.n_lefts or subject.n_rights):
        return False  # "he", "Peskov": no children to walk
    return any(
        child.dep_ in ("det", "preconj") and child.lower_ in NEGATIVE_WORDS
        for child in subject.children
    )


def _has_own_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJ_DEPS or c.dep_ in _PASSIVE_SUBJ_DEPS for c in token.children)


def is_passive(token: Token) -> bool:
    """Whether verb ``token`` is in the passive voice ("was reported")."""
    return any(c.dep_ in _PASSIVE_DEPS for c in token.children)


def agent_of(token: Token) -> Token | None:
    """The object of a passive verb's "by" phrase, if any."""
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def subject_of(token: Token, *, _depth: int = 0) -> Token | None:
    """The grammatical source of verb ``token``, following shared subjects.

    Handles plain subjects, passives (the agent, or nothing for "it was
    reported"), conjoined verbs sharing a subject ("stood and said"),
    participles ("..., saying", "quoted as saying") and participial
    modifiers of a noun ("Putin, addressing Xi, ...").
    """
    if _depth > 4:
        return None
    children = list(token.children)
    for child in children:
        if child.dep_ in _SUBJ_DEPS:
            if child.lower_ == "it" and is_passive(token):
                return None
            return child
    inverted = _inverted_speaker(token)
    if inverted is not None:
        return inverted
    if is_passive(token):
        agent = agent_of(token)
        if agent is not None:
            return agent
        for child in children:
            if child.dep_ in _PASSIVE_SUBJ_DEPS and child.lower_ not in ("it", "there"):
                return child if _is_quoted_as_frame(token) else None
        return None
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in ("conj", "dep") and head.pos_ in ("VERB", "AUX") and token.pos_ == "VERB":
        return subject_of(head, _depth=_depth + 1)  # "crossed, laid his hand and said"
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    if token.dep_ == "amod" and head.pos_ == "PROPN" and 0 < head.i - token.i <= 3:
        return head  # '"...?" repeated Louisa': the inverted cue parsed as an adjective
    if token.dep_ in ("advcl", "xcomp", "pcomp", "ccomp") and token.tag_ in ("VBG", "VBN", "VB"):
        if token.dep_ == "pcomp":
            head = head.head if head.dep_ == "prep" else head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd"):
            head = head.head  # "is likely to stress", "is quick to deny"
        if head.pos_ in ("VERB", "AUX"):
            if is_passive(head):
                for child in head.children:
                    if child.dep_ in _PASSIVE_SUBJ_DEPS:
                        return child
            return subject_of(head, _depth=_depth + 1)
    return None


def _inverted_speaker(token: Token) -> Token | None:
    """The speaker after an inverted cue: '"...," added a Democrat', '"...," said Edward Leamer'.

    Only for a finite cue right after a quotation, whose subject the parser
    missed or attached elsewhere.
    """
    if token.tag_ not in ("VBD", "VBZ", "VBP") or token.i < 2:
        return None
    doc = token.doc
    if not (doc[token.i - 2].is_quote or doc[token.i - 1].is_quote):
        return None
    for candidate in doc[token.i + 1 : min(token.i + 5, len(doc))]:
        if candidate.is_punct or candidate.is_quote:
            break
        if candidate.pos_ in ("PROPN", "NOUN", "PRON"):
            return name_head(candidate)
    return None


def name_head(token: Token) -> Token:
    """The head of a run of compound names: "Edward" in "Edward Leamer" gives "Leamer"."""
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token


def _is_quoted_as_frame(token: Token) -> bool:
    # "X was quoted as saying", "X is said to have ...": the passive subject speaks.
    return cue_lemma(token) in ("quote", "say", "report", "cite") and any(
        c.dep_ in ("xcomp", "advcl", "prep") for c in token.children
    )


def mention_span(token: Token) -> Span:
    """The noun phrase of ``token`` without appositions and relative clauses.

    "Dmitry Peskov, the Kremlin spokesman, who ..." gives "Dmitry Peskov";
    "the Russian leader" stays whole.
    """
    doc = token.doc
    left = right = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        if not (current.n_lefts or current.n_rights):
            continue  # a leaf: Token.children would build nothing, slowly
        for child in current.children:
            dep = child.dep_
            if dep not in _MENTION_DEPS or dep in ("punct", "case"):
                continue
            if dep in ("prep", "pobj", "cc", "conj") and not _is_name_part(child, token):
                continue
            left = min(left, child.i)
            right = max(right, child.i)
            stack.append(child)
    while right > left and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    while right > left and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    return Span(doc, left, right + 1)  # doc[i:j] costs three times as much


def _is_name_part(child: Token, head: Token) -> bool:
    # Keep "Sanders and Clinton" and "the president of Russia" together;
    # leave out long prepositional tails.
    if child.dep_ in ("cc", "conj"):
        return head.pos_ == "PROPN" or child.pos_ == "PROPN" or child.dep_ == "cc"
    if child.dep_ == "prep":
        return child.lower_ == "of" and child.i - head.i <= 2
    return child.dep_ == "pobj"

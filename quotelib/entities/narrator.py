"""The narrator of a story told in the first person, and the name the text gives them.

``"No," I said.``: in a first-person story "I" outside quotation marks is one
person, the narrator. :func:`find_narrator` decides, per document, whether it
is told in the first person (the share of "I", "me", "my" among the personal
pronouns of its narrative, outside quotations: :data:`FIRST_PERSON_SHARE`),
and if so how the text names the narrator:

- they introduce themselves: ``My name is Harding``, ``Call me Harding``,
  ``I am Harding`` (in the narrative, or in a quotation of one of their turns);
- else others address them: a vocative in a quotation of a turn next to one
  of theirs (``"Well, Harding, what do you make of it?"`` beside ``"No," I
  said.``), by a name the narrative never uses for a third person (no
  ``Harding said`` outside quotations), the name said most often;
- else they stay unnamed (:attr:`Narrator.words` empty).

A third-person story, where "I" is said only inside quotations, has none.
"""

from __future__ import annotations

from collections import Counter

import attrs
from spacy.tokens import Span, Token

from quotelib.document.cues import is_speech_verb, is_verb
from quotelib.document.syntax import NOMINAL_SUBJECTS
from quotelib.document.view import DocView
from quotelib.lexicon import FEMALE_WORDS, FIRST_PERSON, MALE_WORDS, TITLES

__all__ = ["FIRST_PERSON_SHARE", "MIN_FIRST_PERSON", "Narrator", "find_narrator", "narrates"]

#: The least share of first-person singular pronouns ("I", "me", "my", ...) among the
#: personal pronouns of the narrative (outside quotations) of a first-person story. The
#: eight third-person novels of the annotated fiction show 0.0 to 0.03 (an author's "I
#: think" now and then); first-person stories about half.
FIRST_PERSON_SHARE = 0.2
#: The fewest first-person pronouns in the narrative of a first-person story.
MIN_FIRST_PERSON = 5
_VOCATIVE_BEFORE = frozenset({",", "!", "?", ".", ";", "—", "--"})
_VOCATIVE_AFTER = frozenset({",", "!", "?", ".", ";", "—", "--"})


@attrs.frozen(kw_only=True)
class Narrator:
    """A first-person story's narrator as the text names them.

    Attributes:
        titles: the titles of the name, lower-cased ("dr."); empty if none.
        words: the name words ("Harding"); empty when the text never names them.
        mentions: the character ranges where the text names them.
        how: ``"introduction"``, ``"vocative"``, or ``None`` when unnamed.
    """

    titles: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    how: str | None = None


def narrates(view: DocView) -> bool:
    """Whether the document is told in the first person (:data:`FIRST_PERSON_SHARE`).

    Examples:
        >>> import quotelib
        >>> nlp = quotelib.load_pipeline()
        >>> narrates(DocView.build(nlp('I came home late. "Hello," I said. My sister smiled.')))
        False
        >>> text = 'I came home. I sat down. I was tired. "Hello," I said. My sister smiled at me.'
        >>> narrates(DocView.build(nlp(text)))
        True
    """
    first = third = 0
    for token in view.doc:
        lower = token.lower_
        if lower in FIRST_PERSON:
            if (lower != "i" or token.text == "I") and not view.marks.contains(token.idx):
                first += 1
        elif (lower in MALE_WORDS or lower in FEMALE_WORDS) and not view.marks.contains(token.idx):
            third += 1
    return first >= MIN_FIRST_PERSON and first >= FIRST_PERSON_SHARE * (first + third)


def find_narrator(view: DocView) -> Narrator | None:
    """The narrator of a first-person document, named where the text names them; ``None``
    for a document told in the third person.

    Examples:
        >>> import quotelib
        >>> text = (
        ...     "I had not slept. I went down to the study, where my friend sat by the fire.\\n\\n"
        ...     '"Well, Harding, what do you make of it?" he asked.\\n\\n'
        ...     '"Nothing yet," I said. I sat down beside him.'
        ... )
        >>> found = find_narrator(DocView.build(quotelib.load_pipeline()(text)))
        >>> found.words, found.how, [text[s:e] for s, e in found.mentions]
        (('Harding',), 'vocative', ['Harding'])
    """
    if not narrates(view):
        return None
    turns = _narrator_turns(view)
    introduced = _introductions(view, turns)
    if introduced:
        return _named(introduced, "introduction")
    addressed = _vocatives(view, turns)
    return _named(addressed, "vocative") if addressed else Narrator()


def _named(names: list[Span], how: str) -> Narrator:
    """The narrator named by the name said most often (the first of equals)."""
    words = [_words(name) for name in names]
    best = Counter(w for _, w in words).most_common(1)[0][0]
    chosen = [(name, titles) for name, (titles, w) in zip(names, words) if w == best]
    return Narrator(
        titles=chosen[0][1],
        words=best,
        mentions=tuple((name.start_char, name.end_char) for name, _ in chosen),
        how=how,
    )


def _words(name: Span) -> tuple[tuple[str, ...], tuple[str, ...]]:
    titles = tuple(t.lower_ for t in name if t.lower_ in TITLES)
    return titles, tuple(t.text for t in name if t.lower_ not in TITLES)


def _narrator_turns(view: DocView) -> set[int]:
    """The paragraphs where the narrator speaks: a quotation, and "I" the subject of a
    verb of speech outside it ("Nothing yet," I said.)."""
    turns = set()
    for token in view.doc:
        if token.text != "I" or token.dep_ not in NOMINAL_SUBJECTS:
            continue
        head = token.head
        if view.marks.contains(token.idx) or not (is_verb(head) and is_speech_verb(head)):
            continue
        paragraph = view.layout.paragraph(token.idx)
        start, end = view.layout.start(paragraph), view.layout.end(paragraph)
        if view.marks.overlapping(start, end):
            turns.add(paragraph)
    return turns


def _introductions(view: DocView, turns: set[int]) -> list[Span]:
    """Names the narrator gives themselves: "My name is X", "Call me X", "I am X", in the
    narrative or in a quotation of one of their turns."""
    found = []
    for token in view.doc:
        name = _introduced(token)
        if name is None:
            continue
        quoted = view.marks.contains(token.idx)
        if not quoted or view.layout.paragraph(token.idx) in turns:
            found.append(name)
    return found


def _introduced(token: Token) -> Span | None:
    """The name ``token`` (a form of "be", or "call") introduces the speaker by, if any."""
    lower, children = token.lower_, list(token.children)
    if token.lemma_ == "be":
        subject = [c for c in children if c.dep_ in NOMINAL_SUBJECTS]
        named = subject and (
            subject[0].text == "I"
            or (subject[0].lower_ == "name" and any(c.lower_ == "my" for c in subject[0].children))
        )
        attribute = [c for c in token.rights if c.dep_ in ("attr", "acomp", "oprd")]
        return _name_at(attribute[0]) if named and attribute else None
    if lower == "call" and token.i + 2 < len(token.doc) and token.nbor(1).lower_ == "me":
        return _name_from(token.doc, token.i + 2)
    return None


def _name_at(head: Token) -> Span | None:
    """The proper name ``head`` ends ("Dr. Harding"), if it is one."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    start = head.i
    while (
        start > 0
        and head.doc[start - 1].dep_ in ("compound", "flat")
        and (head.doc[start - 1].pos_ == "PROPN" or head.doc[start - 1].lower_ in TITLES)
    ):
        start -= 1
    return head.doc[start : head.i + 1]


def _name_from(doc, start: int) -> Span | None:  # noqa: ANN001
    """The run of capitalised proper nouns (and titles) starting at ``start``, if any."""
    end = start
    while (
        end < len(doc)
        and doc[end].text[:1].isupper()
        and (doc[end].pos_ == "PROPN" or doc[end].lower_ in TITLES)
    ):
        end += 1
    names = [t for t in doc[start:end] if t.lower_ not in TITLES]
    return doc[start:end] if names else None


def _vocatives(view: DocView, turns: set[int]) -> list[Span]:
    """Names said as vocatives in the quotations of the turns next to the narrator's,
    less those the narrative uses for a third person ("Harding said")."""
    doc = view.doc
    third = {
        t.text
        for t in doc
        if t.dep_ in NOMINAL_SUBJECTS and t.pos_ == "PROPN" and not view.marks.contains(t.idx)
    }
    found = []
    replies = {p + step for p in turns for step in (-1, 1)} - turns
    for quotation in view.outer:
        if view.layout.paragraph(quotation.start) not in replies:
            continue
        words = doc.char_span(quotation.start, quotation.end, alignment_mode="contract")
        for name in _vocatives_in(words) if words is not None else ():
            if name[-1].text not in third:
                found.append(name)
    return found


def _vocatives_in(quotation: Span) -> list[Span]:
    """Proper names set off by punctuation in a quotation: "Well, Harding, what ...?"."""
    found = []
    doc, i = quotation.doc, quotation.start
    while i < quotation.end:
        name = _name_from(doc, i) if doc[i].text[:1].isupper() else None
        if name is None or name.end >= quotation.end:
            i += 1
            continue
        before = doc[name.start - 1].text if name.start > quotation.start else ","
        after = doc[name.end].text
        opens = name.start == quotation.start or before in _VOCATIVE_BEFORE or not before.isalpha()
        if opens and after in _VOCATIVE_AFTER and not is_verb(doc[name.end - 1]):
            found.append(name)
        i = name.end
    return found

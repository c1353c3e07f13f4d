"""The same quotation in many documents: near-duplicate quotes found and verified.

A quotation re-published is rarely copied byte for byte: its ends are
trimmed, its punctuation changed, a word inserted, a pronoun replaced by
"[he]". Quotes are compared as their words (:func:`quote_words`: case
folded, punctuation and brackets dropped). Candidate pairs come from a
MinHash LSH index over each quote's set of pairs of adjacent words (`datasketch
<https://ekzhu.com/datasketch/>`_); a candidate is kept when the words of the
shorter quote appear, in order, in the longer one for at least
:data:`MIN_OVERLAP` of them: the matching blocks of :class:`difflib.SequenceMatcher`
(what :func:`textacy.similarity.matching_subsequences_ratio` reads too, but
normalised by both quotes' lengths: here they are counted against the shorter
quote, so that a trimmed end costs nothing). Quotes of fewer than
:data:`MIN_WORDS` words are grouped only with the same words.

Kept pairs are joined into groups (union-find), and a group whose members
name different people is split by speaker: the same words said by two
people are two quotations. :func:`quote_groups` does all of it for the
quotes a :class:`~quotelib.corpus.CorpusIndex` kept.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from quotelib.corpus.names import NameKey
from quotelib.corpus.records import GroupedQuote, NamedSpeaker, QuoteGroup, Speaker

__all__ = [
    "MIN_OVERLAP",
    "MIN_WORDS",
    "NUM_PERM",
    "THRESHOLD",
    "UnionFind",
    "near_duplicates",
    "quote_groups",
    "quote_words",
    "split_by_speaker",
]

#: The share of the shorter quote's words that must match, in order, in the longer one.
MIN_OVERLAP = 0.8
#: Quotes shorter than this (in words) are grouped only when their words are the same.
MIN_WORDS = 5
#: The Jaccard similarity of sets of word pairs at which LSH reports a pair as a candidate.
#: Lower than what :data:`MIN_OVERLAP` needs, so that a trimmed quote is still found.
THRESHOLD = 0.4
#: MinHash permutations: 32 (10 bands of 3) find pairs of Jaccard 0.5 three times in four and
#: hold less than 64 (16 bands of 4), which find them two times in three.
NUM_PERM = 32
_SEED = 1
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quote as they are compared: case folded, without punctuation.

    Examples:
        >>> quote_words('"[He] will NOT back down," ')
        ('he', 'will', 'not', 'back', 'down')
    """
    return tuple(_WORD.findall(text.casefold()))


def near_duplicates(texts: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of word sequences that are the same quotation.

    ``texts`` should hold each distinct sequence once (identical quotes are
    one entry): the LSH index holds one entry per distinct quote.

    Examples:
        >>> texts = [quote_words(t) for t in (
        ...     "We will keep fighting for the workers of this city, whatever it costs.",
        ...     "[we] will keep fighting for the workers of this city",
        ...     "We will keep fighting for lower taxes in this state.",
        ... )]
        >>> near_duplicates(texts)
        [(0, 1)]
    """
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, seed=_SEED)  # permutations made once, not per quote
    shared = {"permutations": template.permutations, "scheme": template.scheme}
    pairs = []
    for index, words in enumerate(texts):
        if len(words) < MIN_WORDS:
            continue
        sketch = MinHash(num_perm=NUM_PERM, seed=_SEED, **shared)
        sketch.update_batch(_shingles(words))
        for other in lsh.query(sketch):
            if _same_quotation(texts[other], words):
                pairs.append((other, index))
        lsh.insert(index, sketch, check_duplication=False)
    return sorted(pairs)


def _shingles(words: tuple[str, ...]) -> list[bytes]:
    """A quote's pairs of adjacent words: common words alone ("the", "we") would make
    every quote a candidate of every other, and the candidates grow with the square of
    the quotes (100k synthetic quotes took 5 times as long as 50k)."""
    return [f"{a} {b}".encode() for a, b in set(zip(words, words[1:]))]


def _same_quotation(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    short = first if len(first) <= len(second) else second
    shorter, distinct = len(short), set(short)
    if len(distinct & set(second if short is first else first)) + shorter - len(distinct) < (
        MIN_OVERLAP * shorter - 1e-9
    ):
        return False  # the words in common, in any order, bound those in order: cheap
    matcher = difflib.SequenceMatcher(a=first, b=second, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched >= MIN_OVERLAP * shorter - 1e-9


class UnionFind:
    """Groups of integers joined pair by pair; each group named by its smallest member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def split_by_speaker(members: Iterable[int], speakers: Sequence[str | None]) -> list[list[int]]:
    """A group's members split by named speaker; the unnamed join the largest named part.

    ``speakers[i]`` is the person key of member ``i``, or ``None`` for a
    speaker not known across documents (unresolved, anonymous). Ties go to
    the smallest key, so the split does not depend on order.

    Examples:
        >>> split_by_speaker([0, 1, 2, 3], ["a", None, "b", "a"])
        [[0, 1, 3], [2]]
        >>> split_by_speaker([0, 1], [None, None])
        [[0, 1]]
    """
    members = sorted(members)
    named: dict[str, list[int]] = {}
    for member in members:
        if speakers[member] is not None:
            named.setdefault(speakers[member], []).append(member)
    if len(named) <= 1:
        return [members]
    largest = min(named, key=lambda key: (-len(named[key]), key))
    named[largest].extend(m for m in members if speakers[m] is None)
    return sorted(sorted(part) for part in named.values())


def quote_groups(
    quotes: Iterable[GroupedQuote], keys: Mapping[Speaker, NameKey]
) -> list[QuoteGroup]:
    """The quotations carried by two documents or more, most carried first.

    Args:
        quotes: the direct and mixed quotes of the corpus.
        keys: each speaker's key across the corpus (only named speakers split a group).

    Examples:
        >>> ruiz = NamedSpeaker(name=("ruiz",))
        >>> said = "The bridge will carry forty thousand people every day."
        >>> quotes = [GroupedQuote(doc_ref=doc, number=0, doc_id=doc, text=said, speaker=ruiz)
        ...           for doc in ("h1", "c1")]
        >>> [group] = quote_groups(quotes, {ruiz: NameKey(key="ana-ruiz")})
        >>> group.speaker, group.members, group.documents
        ('ana-ruiz', (('c1', 0), ('h1', 0)), 2)
    """
    quotes = sorted(quotes, key=lambda q: (q.doc_ref, q.number))
    words = [quote_words(q.text) for q in quotes]
    distinct = sorted(set(words))
    number = {w: i for i, w in enumerate(distinct)}
    union = UnionFind(len(distinct))
    for first, second in near_duplicates(distinct):
        union.union(first, second)
    by_root: dict[int, list[int]] = {}
    for position, w in enumerate(words):
        by_root.setdefault(union.find(number[w]), []).append(position)
    speakers = [
        keys[q.speaker].key if isinstance(q.speaker, NamedSpeaker) else None for q in quotes
    ]
    found = []
    for members in by_root.values():
        for part in split_by_speaker(members, speakers):
            if len({quotes[m].doc_ref for m in part}) > 1:
                found.append(_group([quotes[m] for m in part], [speakers[m] for m in part]))
    return sorted(found, key=lambda g: (-g.documents, -len(g.members), g.text, g.members[0][0]))


def _group(quotes: list[GroupedQuote], speakers: list[str | None]) -> QuoteGroup:
    """One group of quotes: its most given words, its first named speaker, its earliest member."""
    named = [speaker for speaker in speakers if speaker is not None]
    texts = Counter(q.text for q in quotes)
    by_date = sorted(quotes, key=lambda q: (q.date is None, str(q.date), q.doc_ref, q.number))
    text = max(by_date, key=lambda q: (texts[q.text], -by_date.index(q))).text
    first = by_date[0]
    return QuoteGroup(
        text=text,
        speaker=named[0] if named else None,
        members=tuple((q.doc_id, q.number) for q in quotes),
        documents=len({q.doc_ref for q in quotes}),
        earliest=None if first.date is None else (first.doc_id, first.date),
    )

"""One key per person across documents, from the names quotelib resolved in each.

Within a document quotelib already joins "Vladimir Putin", "Putin", "he" and
"the president" into one speaker (:mod:`quotelib.entities.resolve`). Across documents
only the resolved names are left, so they are compared as words:

- a name is normalised: accents removed (by textacy's
  ``preprocessing.remove.accents``), case folded, the titles that open it
  dropped (:data:`quotelib.lexicon.TITLES`: "President", "Mr."), and a
  possessive or punctuation around words trimmed: "President Putin" and
  "Mr. Putin" both become ``("putin",)``;
- a name of two words or more is a full name, and its first and last words
  joined by ``-`` are its key, so that a middle name or initial does not
  split a person ("Donald J. Trump", "Hillary Rodham Clinton"): two people
  who differ only there ("George W. Bush", "George H. W. Bush") share a key;
- a one-word name joins the full name whose last word it is when the corpus
  holds exactly one such full name; with none it is its own key; with two or
  more ("Clinton" when both Bill and Hillary Clinton are quoted) it stays
  apart, under the key ``clinton?``, and is reported as ambiguous.

Keys depend only on the set of names in the corpus, so they are the same in
any order of documents and on any number of workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import attrs

from quotelib.lexicon import TITLES

__all__ = ["AMBIGUOUS_MARK", "NameKey", "key_names", "normalise_name"]

_WORD = re.compile(r"[\w][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_DETERMINERS = frozenset({"the", "a", "an"})
#: The key suffix of a one-word name that several full names end with.
AMBIGUOUS_MARK = "?"


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> tuple[str, ...]:
    """The words of a resolved name that identify a person, accents and titles removed.

    Examples:
        >>> normalise_name("President Vladimir Putin")
        ('vladimir', 'putin')
        >>> normalise_name("Mr. Putin's")
        ('putin',)
        >>> normalise_name("José Martí")
        ('jose', 'marti')
        >>> normalise_name("the President")
        ('president',)
    """
    words = [_POSSESSIVE.sub("", w).strip(".-") for w in _WORD.findall(_accents(name).casefold())]
    words = [w for w in words if w]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    named = list(words)
    while named and (named[0] in TITLES or f"{named[0]}." in TITLES):
        named = named[1:]
    return tuple(named or words)  # a title alone ("the President") is kept as it is


def _accents(text: str) -> str:
    """``text`` without accents, by textacy's ``preprocessing.remove.accents``.

    textacy is imported on the first name a corpus keys, not with quotelib: the
    import takes about 2 s a process (it pulls scikit-learn, scipy and networkx),
    which only the corpus view pays.
    """
    from textacy.preprocessing.remove import accents  # noqa: PLC0415 - the corpus view's cost

    return accents(text)


@attrs.frozen(kw_only=True)
class NameKey:
    """The corpus key of a speaker: of a normalised name, or of a speaker of one document.

    Attributes:
        key: the person's key (``vladimir-putin``, ``clinton?``, or ``doc-7#unresolved-1``).
        candidates: for an ambiguous one-word name, the keys of the full
            names it could stand for; empty otherwise.
    """

    key: str
    candidates: tuple[str, ...] = ()


def key_names(names: Iterable[tuple[str, ...]]) -> Mapping[tuple[str, ...], NameKey]:
    """The key of every normalised name, from the set of names of the whole corpus.

    Examples:
        >>> keys = key_names([("bill", "clinton"), ("hillary", "clinton"), ("clinton",),
        ...                   ("hillary", "rodham", "clinton"), ("vladimir", "putin"), ("putin",),
        ...                   ("merkel",)])
        >>> for name, key in sorted(keys.items()):
        ...     print(" ".join(name), "->", key.key, list(key.candidates))
        bill clinton -> bill-clinton []
        clinton -> clinton? ['bill-clinton', 'hillary-clinton']
        hillary clinton -> hillary-clinton []
        hillary rodham clinton -> hillary-clinton []
        merkel -> merkel []
        putin -> vladimir-putin []
        vladimir putin -> vladimir-putin []
    """
    names = {name for name in names if name}
    full: dict[str, set[str]] = {}
    for name in names:
        if len(name) > 1:
            full.setdefault(name[-1], set()).add(_slug((name[0], name[-1])))
    keys = {}
    for name in names:
        if len(name) > 1:
            keys[name] = NameKey(key=_slug((name[0], name[-1])))
            continue
        matches = sorted(full.get(name[0], ()))
        if len(matches) == 1:
            keys[name] = NameKey(key=matches[0])
        elif matches:
            keys[name] = NameKey(key=_slug(name) + AMBIGUOUS_MARK, candidates=tuple(matches))
        else:
            keys[name] = NameKey(key=_slug(name))
    return keys


def _slug(name: tuple[str, ...]) -> str:
    return "-".join(re.sub(r"[^\w-]+", "", word) or word for word in name)

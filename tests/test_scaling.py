"""quotelib's own stages do work that grows with the text, not with its square.

Counted, never timed: the number of calls into quotelib's own Python code while
``quotes_from_doc`` reads a text, at two sizes; doubling the text may at most a
little more than double them. The times of the same shapes at full size are in
``benchmarks/long_texts.py`` (``--cases long-attribution,short-attributions,said-chain``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import quotelib
from quotelib.parse.chunks import parse_text

_PACKAGE = str(Path(quotelib.__file__).parent)
_SHORT = [
    "{name} said the plan would work.",
    '"We will win," {name} said.',
    "The vote was close, according to {name}.",
    "{name} told reporters that the city would grow.",
]
_PEOPLE = ["Ana Ruiz", "Tom Lee", "Mary Chen", "Omar Haddad", "Lena Novak"]


def _attributions(lines: int, *, long: bool) -> str:
    """Short attributions a line, and with ``long`` one content as long as all of them."""
    text = [_SHORT[i % len(_SHORT)].format(name=_PEOPLE[i % len(_PEOPLE)]) for i in range(lines)]
    if long:
        words = ("the plan will work and the city will grow " * lines)[: 10 * lines]
        text.insert(lines // 2, f'"{words}," the mayor said.')
    return "\n".join(text) + "\n"


def _said_chain(lines: int) -> str:
    return "He said she said they said " * lines


def _calls(nlp, text: str) -> int:
    """How many times quotelib's own Python functions are entered reading ``text``."""
    doc = parse_text(text, nlp)
    calls = 0

    def count(frame, event, _arg):
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(_PACKAGE):
            calls += 1

    sys.setprofile(count)
    try:
        quotelib.quotes_from_doc(doc, text=text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize(
    "make",
    [
        lambda n: _attributions(n, long=True),
        lambda n: _attributions(n, long=False),
        _said_chain,
    ],
    ids=["long-attribution", "short-attributions", "said-chain"],
)
def test_scaling_own_work_grows_linearly_with_the_text(nlp, make):
    small, large = _calls(nlp, make(150)), _calls(nlp, make(300))
    assert large <= 2.4 * small, (small, large)

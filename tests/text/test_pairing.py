"""Tests of quotelib.text.pairing: the stack that pairs the marks of each paragraph."""

from __future__ import annotations

import logging

import pytest

from quotelib.text import pairing
from quotelib.text.pairing import CLOSE, EITHER, OPEN, WEAK, MarkKinds, Pairer, roles_ahead

KINDS = MarkKinds(
    family={'"': 0, "“": 0, "”": 0, "'": 1, "‘": 1, "’": 1},
    single=1,
    partners={},
    alike=frozenset(),
)


def test_pairing_pairs_and_nests():
    pairer = Pairer(KINDS)
    tokens = [(0, 1, "“", OPEN), (5, 6, "‘", OPEN), (9, 10, "’", CLOSE), (14, 15, "”", CLOSE)]
    pairer.paragraph(tokens, 0, 15, None)
    assert sorted(pairer.found) == [(0, 15, "“", [(1, 14)]), (5, 10, "‘", [(6, 9)])]
    assert pairer.stack == []


def test_pairing_continues_a_quotation_whose_mark_reopens_the_next_paragraph():
    pairer = Pairer(KINDS)
    pairer.paragraph([(0, 1, "“", OPEN)], 0, 10, None)
    pairer.paragraph([(12, 13, "“", OPEN), (20, 21, "”", CLOSE)], 12, 25, None)
    assert pairer.found == [(0, 21, "“", [(1, 10), (13, 20)])]


@pytest.mark.parametrize(
    "ahead, found",
    [
        ([CLOSE, None], [(0, 21, '"', [(1, 10), (12, 20)])]),  # one line break: runs on
        (None, []),  # a blank line: dropped
        ([OPEN, None], []),  # the next mark of its kind opens: dropped
        ([EITHER, None], []),  # nor a mark that may open
        ([None, CLOSE], []),  # a mark of another kind closes: dropped
    ],
    ids=["runs-on", "blank-line", "opening-first", "either-first", "other-family"],
)
def test_pairing_mark_left_open_at_a_line_end(ahead, found):
    pairer = Pairer(KINDS)
    pairer.paragraph([(0, 1, '"', OPEN)], 0, 10, None)
    closing = [(20, 21, '"', CLOSE)] if ahead and ahead[0] == CLOSE else []
    pairer.paragraph(closing, 12, 25, ahead)
    pairer.drop_open()
    assert pairer.found == found


def test_pairing_runs_on_only_with_one_mark_open():
    pairer = Pairer(KINDS)
    pairer.paragraph([(0, 1, '"', OPEN), (2, 3, "‘", OPEN)], 0, 10, None)
    pairer.paragraph([(20, 21, '"', CLOSE)], 12, 25, [CLOSE, CLOSE])
    assert pairer.found == []


def test_pairing_roles_ahead_look_past_lines_without_marks_until_a_blank_line():
    tokens = [
        [(0, 1, '"', OPEN)],
        [],  # a line without marks
        [(20, 21, "’", WEAK), (30, 31, '"', CLOSE)],
        [(40, 41, '"', OPEN)],  # after a blank line
    ]
    joined = [False, True, True, False]
    assert roles_ahead(tokens, joined, KINDS, 2) == [None, [CLOSE, WEAK], [CLOSE, WEAK], None]


def test_pairing_unpaired_marks_are_logged(caplog):
    pairer = Pairer(KINDS)
    with caplog.at_level(logging.DEBUG, logger="quotelib.text.pairing"):
        pairer.paragraph([(3, 4, "”", CLOSE), (8, 9, "“", OPEN)], 0, 10, None)
        pairer.drop_open()
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [
        "unpaired closing quote mark '”' at offset 3",
        "unpaired opening quote mark '“' at offset 8",
    ]


def test_pairing_all_is_complete():
    public = {
        name
        for name, value in vars(pairing).items()
        if not name.startswith("_")
        and name != "logger"
        and (name.isupper() or getattr(value, "__module__", None) == pairing.__name__)
    }
    assert pairing.__all__ == sorted(pairing.__all__)
    assert set(pairing.__all__) == public | {"Token"}  # a type alias names no module

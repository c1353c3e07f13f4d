"""Texts shared by the tests of quotelib.pipe and of its worker pool."""

from __future__ import annotations

__all__ = ["TEXTS"]

TEXTS = [
    "Xi stated that the international situation has become turbulent.",
    '"We will not back down," Mayor Jane Smith said on Monday.',
    "",
    'Critics argued that the plan was "reckless".',
    "The weather was fine.",
    '"It is a hard decision," Senator Ann Lee said. "But it is the right one."',
    "According to the ministry, talks will resume next week.",
    "Officials warned that the storm could cause widespread flooding.",
    "   \n\n  ",
    "He called for calm.\nThe mayor said the budget was balanced.",
    "Putin, addressing Xi as his “dear friend”, echoed this sentiment.",
    "It was reported that the talks had failed.",
]

"""The evaluation: the measure quotelib is held to, on any system's quotes.

:func:`evaluate` (:mod:`quotelib.evaluation.scoring`) scores predicted quotes
against annotated ones by the words they share
(:mod:`quotelib.evaluation.matching`, speaker names compared by
:mod:`quotelib.evaluation.name_match`), after checking the annotations
(:mod:`quotelib.evaluation.annotated`); :mod:`quotelib.evaluation.scores`
and :mod:`quotelib.evaluation.breakdown` hold the scores and their tables,
and :mod:`quotelib.evaluation.calibration` measures how well
``Quote.confidence`` holds. This package reads records only: it never imports
the system it judges.
"""

from __future__ import annotations

from quotelib.evaluation.calibration import Calibration, calibration
from quotelib.evaluation.scores import (
    Breakdown,
    BreakdownRow,
    ByKind,
    Evaluation,
    PredictionBreakdown,
    Scores,
    format_breakdown,
    format_comparison,
)
from quotelib.evaluation.scoring import Verdict, evaluate, judge

__all__ = [
    "Breakdown",
    "BreakdownRow",
    "ByKind",
    "Calibration",
    "Evaluation",
    "PredictionBreakdown",
    "Scores",
    "Verdict",
    "calibration",
    "evaluate",
    "format_breakdown",
    "format_comparison",
    "judge",
]

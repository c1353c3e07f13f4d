"""Fit the coefficients of ``Quote.confidence`` on the annotated news dev corpus.

quotelib is run on ``polnear-dev.jsonl`` (or its records are read from an
earlier run's JSONL, ``--records``), each prediction judged right or wrong
by the measure (:func:`quotelib.evaluation.scoring.judge`: content matched at
partial@0.3 and speaker right), and a logistic regression with an L2 penalty
fitted by Newton's method on the predictions' :func:`quotelib.core.confidence.features`.
Five-fold cross-validation by document gives an estimate of the calibration
on unseen articles beside the in-sample one. ``--write`` writes the
coefficients to ``quotelib/core/confidence_model.py``; without it nothing is
written.

Usage::

    python benchmarks/fit_confidence.py [--records FILE] [--data FILE] [--write]
        [--penalty L2] [--min-count N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from accuracy_systems import ROOT, load_gold

import quotelib
from quotelib.core.confidence import features
from quotelib.evaluation.calibration import calibration_of
from quotelib.evaluation.scoring import judge
from quotelib.records import Quote

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
MODEL_FILE = ROOT / "quotelib" / "core" / "confidence_model.py"
FOLDS = 5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the annotated news")
    parser.add_argument("--records", type=Path, help="quotelib's records of it (JSONL)")
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    parser.add_argument("--penalty", type=float, default=1.0, help="L2 penalty (default 1)")
    parser.add_argument(
        "--min-count", type=int, default=5, help="features seen fewer times are dropped"
    )
    return parser.parse_args(argv)


def examples(gold: list[dict[str, Any]], records: Path | None) -> list[tuple[dict, bool, int]]:
    """``(features, right, document number)`` for each prediction on ``gold``."""
    if records is None:
        found = dict(zip((doc["id"] for doc in gold), quotelib.pipe(doc["text"] for doc in gold)))
    else:
        texts = {doc["id"]: doc["text"] for doc in gold}
        with records.open(encoding="utf-8") as lines:
            answers = [json.loads(line) for line in lines if line.strip()]
        found = {
            a["id"]: [Quote.from_dict(q, texts[a["id"]]) for q in a["quotes"]] for a in answers
        }
    verdicts = judge(gold, found)
    rows = []
    for number, doc in enumerate(gold):
        for quote, verdict in zip(found.get(doc["id"], ()), verdicts[doc["id"]]):
            rows.append((features(quote, doc["text"]), verdict.right, number))
    return rows


def fit(
    rows: list[tuple[dict, bool]], names: list[str], penalty: float
) -> tuple[float, dict[str, float]]:
    """The intercept and weights of an L2-penalised logistic regression (Newton's method)."""
    index = {name: i + 1 for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, (found, _) in enumerate(rows):
        for name, value in found.items():
            if name in index:
                x[r, index[name]] = value
    y = np.array([right for _, right in rows], dtype=float)
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 0.0  # the intercept is not penalised
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return float(w[0]), {name: float(w[i]) for name, i in index.items()}


def predict(found: dict, intercept: float, weights: dict[str, float]) -> float:
    logit = intercept + sum(weights.get(name, 0.0) * value for name, value in found.items())
    return float(1.0 / (1.0 + np.exp(-logit)))


def feature_names(rows: list[tuple[dict, bool, int]], min_count: int) -> list[str]:
    counts = Counter(name for found, _, _ in rows for name in found)
    return sorted(name for name, count in counts.items() if count >= min_count)


def cross_validated(rows: list[tuple[dict, bool, int]], args: argparse.Namespace) -> list:
    """``(confidence, right)`` of every prediction, each from a model fitted without its document."""
    documents = sorted({number for _, _, number in rows})
    random.Random(0).shuffle(documents)
    fold_of = {number: i % FOLDS for i, number in enumerate(documents)}
    pairs = []
    for fold in range(FOLDS):
        train = [row for row in rows if fold_of[row[2]] != fold]
        intercept, weights = fit(
            [(f, r) for f, r, _ in train], feature_names(train, args.min_count), args.penalty
        )
        pairs += [(predict(f, intercept, weights), r) for f, r, n in rows if fold_of[n] == fold]
    return pairs


def write_model(intercept: float, weights: dict[str, float], n: int, source: str) -> None:
    body = "\n".join(
        f"    {json.dumps(name)}: {weight:.4f}," for name, weight in sorted(weights.items())
    )
    MODEL_FILE.write_text(
        f'''"""The coefficients of :mod:`quotelib.core.confidence`, fitted by ``benchmarks/fit_confidence.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_confidence.py --write``.
Fitted on {n} predictions of quotelib on {source}.
"""

INTERCEPT = {intercept:.4f}

WEIGHTS: dict[str, float] = {{
{body}
}}
''',
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} is absent: nothing to fit", file=sys.stderr)
        return 1
    gold = load_gold(args.data, None)
    rows = examples(gold, args.records)
    names = feature_names(rows, args.min_count)
    intercept, weights = fit([(f, r) for f, r, _ in rows], names, args.penalty)
    print(f"{len(rows)} predictions, {sum(r for _, r, _ in rows)} right, {len(names)} features")
    print("\nin sample:")
    print(calibration_of((predict(f, intercept, weights), r) for f, r, _ in rows).format_table())
    print(f"\n{FOLDS}-fold cross-validation by document:")
    print(calibration_of(cross_validated(rows, args)).format_table())
    if args.write:
        write_model(intercept, weights, len(rows), args.data.name)
        print(f"\nwrote {MODEL_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

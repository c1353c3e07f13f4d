"""``quotelib evaluate``: predicted quotes scored against annotated ones.

Both files are JSONL: the annotated documents (``{id, text, quotes}``) and
the answers of ``quotelib extract``, scored by
:func:`quotelib.evaluation.scoring.evaluate`. Exit status: 0 when scored, 1
when a line of either file is not a JSON object or a document cannot be
scored (each named on standard error), 2 when a file does not exist.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from quotelib.cli._util import check_inputs_exist, fail, tell
from quotelib.evaluation.scoring import evaluate
from quotelib.io.jsonl import read_json_objects

__all__ = ["evaluate_command"]


def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Annotated documents: JSONL of {id, text, quotes}.")],
    predicted: Annotated[
        Path, typer.Argument(help="Predictions: the JSONL written by quotelib extract.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predicted quotes against annotated ones (see quotelib.evaluate).

    Exit status: 0 when scored, 1 when a line of either file is not a JSON
    object or a document cannot be scored (each named on standard error),
    2 when a file does not exist.
    """
    check_inputs_exist([str(gold), str(predicted)])
    (gold_docs, bad_gold), (predictions, bad_predicted) = map(read_json_objects, (gold, predicted))
    for problem in bad_gold + bad_predicted:
        tell(problem)
    if bad_gold or bad_predicted:
        raise typer.Exit(code=1)
    failed = [doc for doc in predictions if "quotes" not in doc]
    if failed:
        tell(f"{len(failed)} predicted records have no quotes (errors), scored as predicting none")
    predictions = [{"id": doc.get("id"), "quotes": doc.get("quotes", [])} for doc in predictions]
    try:
        scores = evaluate(gold_docs, predictions)
    except (KeyError, TypeError, ValueError) as error:
        fail(f"cannot score {predicted} against {gold}: {error}", code=1)
    typer.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format_table())

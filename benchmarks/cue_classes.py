"""The cue classes: their members from the lexicon, and how they fare on the annotated news.

Three things, each printed as the markdown ``docs/cues.md`` holds:

- the table of every class of ``quotelib.CUE_CLASSES`` with its description and all
  its members (verbs, phrases, nouns, adjectives, verbs of quotation, the cues of
  rules of their own), generated from ``quotelib/lexicon/cues.py`` (``--members``);
- on ``polnear-dev.jsonl``, how many quotes quotelib predicts of each class and how
  many gold attributions have a cue of it, and precision and recall by class
  (the default, ``--markdown`` for the table of ``docs/cues.md``):

  - precision of a class: the share of the predicted quotes of that class
    (:attr:`quotelib.Quote.cue_class`) that match a gold attribution at
    ``partial@0.3``, the measure of :func:`quotelib.evaluate`;
  - recall of a class: the share of the gold attributions whose cue is of that
    class that a prediction matches. The gold cue is classed by its words with
    :func:`quotelib.document.cues.cue_class_of` ("has denied" -> denial; no lemmatizer:
    inflected forms are reduced by rule); a gold cue the lexicon does not know
    ("seemed", "in") counts under "none", as a predicted quote without a cue does.

``--update-docs`` rewrites both generated tables of ``docs/cues.md`` in place.
``benchmarks/accuracy.py`` prints the by-class table after quotelib's news scores
(:func:`report_lines`).

Usage::

    python benchmarks/cue_classes.py [--members | --markdown | --update-docs]
        [--data FILE] [--predictions JSONL] [--limit N]

``--predictions`` reads the quotes from a ``quotelib extract`` JSONL of the same
documents instead of parsing them (about a minute).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure the checkout this script belongs to

from quotelib import evaluate  # noqa: E402
from quotelib.document.cues import cue_class_of  # noqa: E402
from quotelib.evaluation.breakdown import UNKNOWN  # noqa: E402
from quotelib.lexicon import (  # noqa: E402
    CUE_ADJECTIVES,
    CUE_CLASSES,
    CUE_NOUNS,
    CUE_PHRASES,
    CUE_VERBS,
    QUOTE_VERBS,
    RULE_CUES,
)

DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
DOCS = ROOT / "docs" / "cues.md"
#: The row of the gold attributions whose cue the lexicon does not know, and of
#: the predicted quotes without a cue.
OUTSIDE = "none"
#: The columns of the members table: a title and the table of cues they come from.
_MEMBER_TABLES = (
    ("verbs", CUE_VERBS),
    ("phrases", CUE_PHRASES),
    ("nouns", CUE_NOUNS),
    ("adjectives", CUE_ADJECTIVES),
    ("verbs of quotation", QUOTE_VERBS),
    ("rules", RULE_CUES),
)
_MARKERS = {
    "members": ("<!-- members: benchmarks/cue_classes.py --members -->", "<!-- /members -->"),
    "counts": ("<!-- counts: benchmarks/cue_classes.py --markdown -->", "<!-- /counts -->"),
}


def members_table() -> str:
    """The markdown table of every class: its description and all its members."""
    header = ["class", "what the cue says", *(title for title, _ in _MEMBER_TABLES)]
    rows = [
        [f"`{cls}`", CUE_CLASSES[cls], *(_members(table, cls) for _, table in _MEMBER_TABLES)]
        for cls in CUE_CLASSES
    ]
    return _markdown(header, rows)


def _members(table: Mapping[Any, str], cls: str) -> str:
    """The entries of ``table`` in class ``cls``, sorted; a phrase's words joined."""
    found = sorted(
        " ".join(key) if isinstance(key, tuple) else key for key, c in table.items() if c == cls
    )
    return ", ".join(found) or "-"


def with_gold_classes(gold: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The gold documents, each quote with the ``cue_class`` of its cue's words (or None)."""
    return [
        {
            **doc,
            "quotes": [
                {**quote, "cue_class": cue_class_of(quote.get("cue_text") or "")}
                for quote in doc["quotes"]
            ],
        }
        for doc in gold
    ]


def by_class(gold: list[dict[str, Any]], predictions: Mapping[Any, list[Any]]) -> dict[str, dict]:
    """For each class (and :data:`OUTSIDE`): predicted and gold counts, precision and recall."""
    scores = evaluate(
        with_gold_classes(gold), predictions, by="cue_class", by_prediction="cue_class"
    )
    recall = {row.value: row for row in scores.by_field.rows}
    precision = {row.value: row for row in scores.by_prediction.rows}
    table = {}
    for cls in [*CUE_CLASSES, UNKNOWN]:
        g, p = recall.get(cls), precision.get(cls)
        table[OUTSIDE if cls == UNKNOWN else cls] = {
            "pred": p.n_pred if p else 0,
            "precision": p.precision if p else None,
            "gold": g.n_gold if g else 0,
            "recall": g.recall if g else None,
        }
    return table


def format_by_class(table: Mapping[str, Mapping[str, Any]], *, markdown: bool = False) -> str:
    """The by-class table, fixed-width for a terminal or markdown for the docs."""
    header = ["class", "predicted", "P@.3", "gold", "R@.3"]
    rows = [
        [f"`{cls}`" if markdown and cls in CUE_CLASSES else cls, str(row["pred"]),
         _rate(row["precision"]), str(row["gold"]), _rate(row["recall"])]
        for cls, row in table.items()
    ]  # fmt: skip
    n_pred, n_gold = (sum(row[k] for row in table.values()) for k in ("pred", "gold"))
    rows.append(["all", str(n_pred), "", str(n_gold), ""])
    if markdown:
        return _markdown(header, rows)
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        " ".join([line[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(line[1:], widths[1:]))])
        for line in [header, *rows]
    )


def report_lines(gold: list[dict[str, Any]], predictions: Mapping[Any, list[Any]]) -> list[str]:
    """The lines ``benchmarks/accuracy.py`` prints after quotelib's news scores."""
    return [
        "by cue class (P: predicted quotes of the class; R: gold cues of the class):",
        format_by_class(by_class(gold, predictions)),
        "",
    ]


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join(
        "| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in lines
    )


def replace_section(text: str, name: str, table: str) -> str:
    """``text`` with the generated section ``name`` of ``docs/cues.md`` set to ``table``."""
    start, end = _MARKERS[name]
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        msg = f"{DOCS} has no section between {start!r} and {end!r}"
        raise ValueError(msg)
    return pattern.sub(lambda _: f"{start}\n\n{table}\n\n{end}", text)


def section(text: str, name: str) -> str:
    """The generated section ``name`` of ``docs/cues.md``, as it is there."""
    start, end = _MARKERS[name]
    return text[text.index(start) + len(start) : text.index(end)].strip()


def _predictions(args: argparse.Namespace, gold: list[dict[str, Any]]) -> dict[Any, list[Any]]:
    """The quotes of each gold document: read from ``--predictions`` or extracted now."""
    if args.predictions is not None:
        with args.predictions.open(encoding="utf-8") as lines:
            answers = [json.loads(line) for line in lines if line.strip()]
        found = {answer["id"]: answer.get("quotes", []) for answer in answers}
        return {doc["id"]: found.get(doc["id"], []) for doc in gold}
    import quotelib
    from quotelib.parse.model import load_pipeline

    nlp = load_pipeline()
    docs = nlp.pipe((doc["text"] for doc in gold), batch_size=16)
    return {g["id"]: quotelib.extract_quotes(doc) for g, doc in zip(gold, docs)}


def main(argv: list[str] | None = None) -> int:
    """Print (or write into ``docs/cues.md``) the tables; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--members", action="store_true", help="the members table only")
    what.add_argument("--markdown", action="store_true", help="the by-class table as markdown")
    what.add_argument("--update-docs", action="store_true", help=f"rewrite both tables of {DOCS}")
    parser.add_argument("--data", type=Path, default=DATA, help="the annotated news")
    parser.add_argument("--predictions", type=Path, help="quotelib extract JSONL of --data")
    parser.add_argument("--limit", type=int, help="the first N documents only")
    args = parser.parse_args(argv)
    if args.members:
        print(members_table())
        return 0
    if not args.data.is_file():
        print(f"no annotated news at {args.data}", file=sys.stderr)
        return 1
    with args.data.open(encoding="utf-8") as lines:
        gold = [json.loads(line) for line in lines if line.strip()][: args.limit]
    table = by_class(gold, _predictions(args, gold))
    if args.update_docs:
        text = DOCS.read_text(encoding="utf-8")
        text = replace_section(text, "members", members_table())
        text = replace_section(text, "counts", format_by_class(table, markdown=True))
        DOCS.write_text(text, encoding="utf-8")
        print(f"wrote {DOCS}")
    else:
        print(format_by_class(table, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())

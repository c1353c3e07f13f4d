"""Accuracy of quotelib beside textacy on the annotated news and the annotated novels.

Each corpus is read from ``../shared/data`` at run time (a corpus whose file is absent
is skipped) and each of its documents parsed once per pipeline: textacy 0.13's
``direct_quotations`` on the full pipeline its users load, ``quotelib.extract_quotes``
on quotelib's own (no lemmatizer, no entity recogniser, paragraph breaks), as
written (``resolve=False``) and resolved; with ``--all-systems`` also quotelib on
the full pipeline's docs with the two name finders side by side
(``quotelib-full-pipeline``, names read off the parse; ``quotelib-ner``, names
from spaCy's entity recogniser). All are scored with :func:`quotelib.evaluate`,
the measure of ``shared/data/README.md``:

- news (``polnear-dev.jsonl``): every prediction;
- fiction (``pdnc-dev.jsonl``): quoted speech only, the direct and mixed
  predictions (the novels annotate nothing else), with the breakdown by
  ``pdnc_quote_type`` (Explicit, Anaphoric, Implicit); the row
  ``quotelib-every-kind`` scores quotelib's predictions of every kind, to show
  the quotations it finds but calls reported speech;
- whole novels (``pdnc-novels``, from the same file): each dev novel rebuilt in
  memory from its chunks and passed to each system as one text, scored as the
  chunks are, with the addressee and each novel's characters per second
  (``accuracy_novels.py``: its list of systems, each ``(novel_id, text) ->
  quotes``; textacy, which cannot parse a whole book, runs chunk by chunk).

For each corpus the benchmark prints the comparison table, each system's scores
and failures (exceptions, timeouts, offsets that do not slice the text), and the
digest of quotelib's records, which shows whether a change moved any of them; for
the news, quotelib's precision and recall by cue class too (``cue_classes.py``).
``benchmarks/polnear.py`` is this benchmark on the news alone, with every system.

Usage::

    python benchmarks/accuracy.py [--corpus polnear|pdnc|pdnc-novels ...] [--limit N]
        [--json OUT] [--all-systems] [--model NAME] [--batch-size N] [--timeout S]
        [--data-dir DIR] [--polnear FILE] [--pdnc FILE] [--pdnc-novels FILE]

``--limit N`` scores the first N documents of each corpus, the first N novels of
``pdnc-novels``; ``--timeout`` and ``--all-systems`` concern the chunked corpora.
"""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
import time
from pathlib import Path
from typing import Any

import attrs
from accuracy_novels import NovelRun, novel_numbers, novel_report, novel_systems, score_novels
from accuracy_systems import (
    ROOT,
    System,
    digest,
    load_extract_quotes,
    load_gold,
    load_nlp,
    model_name,
    parse,
    textacy_quotes,
    with_options,
)

DEFAULT_DATA_DIR = ROOT.parent / "shared" / "data"
#: The row of quotelib's predictions of every kind, on a corpus scored on some kinds.
EVERY_KIND = "quotelib-every-kind"


@attrs.frozen(kw_only=True)
class Corpus:
    """An annotated corpus and how it is scored."""

    name: str
    title: str
    file: str
    unit: str  # what its documents are called
    kinds: tuple[str, ...] | None = None  # the predicted kinds scored (None: all)
    by: str | None = None  # the gold field the scores are broken down by
    whole_novels: bool = False  # the chunks joined into novels, each passed as one text


CORPORA = {
    "polnear": Corpus(
        name="polnear", title="news (PolNeAR dev)", file="polnear-dev.jsonl", unit="articles"
    ),
    "pdnc": Corpus(
        name="pdnc",
        title="fiction (PDNC dev: 8 novels), direct and mixed predictions",
        file="pdnc-dev.jsonl",
        unit="chunks",
        kinds=("direct", "mixed"),
        by="pdnc_quote_type",
    ),
    "pdnc-novels": Corpus(
        name="pdnc-novels",
        title="fiction, whole novels (PDNC dev: its chunks joined), direct and mixed predictions",
        file="pdnc-dev.jsonl",
        unit="novels",
        kinds=("direct", "mixed"),
        by="pdnc_quote_type",
        whole_novels=True,
    ),
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        action="append",
        choices=sorted(CORPORA),
        help="a corpus to score (repeat for several; default: all)",
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="where they are")
    for corpus in CORPORA.values():
        parser.add_argument(
            f"--{corpus.name}", type=Path, help=f"the {corpus.name} file (DATA_DIR/{corpus.file})"
        )
    parser.add_argument("--limit", type=int, help="score only the first N documents of each")
    parser.add_argument("--model", help="spaCy pipeline name or path (default: quotelib's)")
    parser.add_argument(
        "--all-systems",
        action="store_true",
        help="also quotelib on the full pipeline's docs, with either name finder",
    )
    parser.add_argument("--batch-size", type=int, default=16, help="texts per nlp.pipe batch")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument(
        "--timeout", type=int, default=60, help="seconds a system may spend on one document"
    )
    # Reuse a DocBin parsed from the same file (same order) to skip parsing; one corpus.
    parser.add_argument("--docbin", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.corpus = list(dict.fromkeys(args.corpus or CORPORA))
    if args.docbin is not None and len(args.corpus) != 1:
        parser.error(f"--docbin needs exactly one --corpus (got {args.corpus})")
    if args.docbin is not None and CORPORA[args.corpus[0]].whole_novels:
        parser.error("--docbin holds the parses of documents, not of whole novels")
    return args


def make_systems(nlp: Any, plain: Any, *, all_systems: bool) -> list[System]:
    """textacy on the full pipeline, quotelib on its own (and on the full one)."""
    systems = [System("textacy-0.13", textacy_quotes, check=False, nlp=plain)]
    extract_quotes = load_extract_quotes()
    if extract_quotes is None:
        return systems
    systems.append(System("quotelib", extract_quotes, check=True, nlp=nlp))
    unresolved = with_options(extract_quotes, resolve=False)
    systems.append(System("quotelib-unresolved", unresolved, check=True, nlp=nlp))
    if all_systems:  # quotelib on the full pipeline's docs: names off the parse, or its NER
        systems.append(System("quotelib-full-pipeline", extract_quotes, check=True, nlp=plain))
        ner = with_options(extract_quotes, names="ner")
        systems.append(System("quotelib-ner", ner, check=True, nlp=plain))
    return systems


def run_corpus(
    corpus: Corpus, gold: list[dict[str, Any]], systems: list[System], args: argparse.Namespace
) -> dict[str, Any]:
    """Run every system on the corpus and score it; returns the evaluations."""
    from quotelib import evaluate

    ids = [d["id"] for d in gold]
    for pipeline in {id(s.nlp): s.nlp for s in systems}.values():
        sharing = [s for s in systems if s.nlp is pipeline]  # parse once per pipeline
        for doc_id, doc in zip(ids, parse(pipeline, gold, args.docbin, args.batch_size)):
            for system in sharing:
                system.run(doc_id, doc, args.timeout)
    evaluations = {
        s.name: evaluate(gold, s.predictions, kinds=corpus.kinds, by=corpus.by) for s in systems
    }
    if corpus.kinds is not None and "quotelib" in evaluations:
        found = next(s.predictions for s in systems if s.name == "quotelib")
        evaluations[EVERY_KIND] = evaluate(gold, found, by=corpus.by)
    return evaluations


def report(
    corpus: Corpus, systems: list[System], evaluations: dict[str, Any], n_docs: int
) -> list[str]:
    """The comparison table, the breakdown, each system's scores and failures, the digests."""
    from quotelib.evaluation.scores import format_breakdown, format_comparison

    lines = [format_comparison(evaluations), ""]
    if corpus.by is not None:
        lines += [f"by {corpus.by}:", format_breakdown(evaluations), ""]
    for system in systems:
        lines += [f"== {system.name}", str(evaluations[system.name])]
        lines += [system.failures(n_docs, corpus.unit), ""]
    digests = {s.name: digest(s.predictions) for s in systems if s.check}
    lines.append("record digests: " + ", ".join(f"{n} {d}" for n, d in digests.items()))
    return lines


def score_corpus(
    corpus: Corpus, path: Path, nlp: Any, plain: Any, args: argparse.Namespace
) -> dict[str, Any]:
    """One corpus: run, print its tables, and return its numbers."""
    if corpus.whole_novels:
        return score_whole_novels(corpus, path, nlp, plain, args)
    started = time.perf_counter()
    gold = load_gold(path, args.limit)
    systems = make_systems(nlp, plain, all_systems=args.all_systems)
    evaluations = run_corpus(corpus, gold, systems, args)
    calibrated = quotelib_calibration(corpus, gold, systems)
    seconds = time.perf_counter() - started
    n_quotes = sum(len(doc["quotes"]) for doc in gold)
    print(f"=== {corpus.title}: {len(gold)} {corpus.unit}, {n_quotes:,} gold quotes from {path}")
    print("\n".join(report(corpus, systems, evaluations, len(gold))))
    if calibrated is not None:
        fitted = "fitted on it" if corpus.name == "polnear" else "fitted on the news, not on it"
        print(f"\nQuote.confidence of quotelib's records ({fitted}):")
        print(calibrated.format_table())
    found = next((s.predictions for s in systems if s.name == "quotelib"), None)
    if corpus.name == "polnear" and found is not None:
        from cue_classes import report_lines  # precision and recall by Quote.cue_class

        print("\n".join(report_lines(gold, found)))
    print(f"{corpus.name}: {seconds:.1f} s\n", flush=True)
    return {
        "data": str(path),
        "n_docs": len(gold),
        "n_gold_quotes": n_quotes,
        "kinds": list(corpus.kinds) if corpus.kinds else None,
        "by": corpus.by,
        "seconds": round(seconds, 2),
        "systems": {s.name: {**evaluations[s.name].to_dict(), **s.numbers()} for s in systems},
        "digests": {s.name: digest(s.predictions) for s in systems if s.check},
        **({EVERY_KIND: evaluations[EVERY_KIND].to_dict()} if EVERY_KIND in evaluations else {}),
        **({"calibration": calibrated.to_dict()} if calibrated is not None else {}),
    }


def score_whole_novels(
    corpus: Corpus, path: Path, nlp: Any, plain: Any, args: argparse.Namespace
) -> dict[str, Any]:
    """The novels of a chunked corpus, each passed whole: run, print, return the numbers."""
    from throughput_novel import build_novels  # the chunks joined in meta.chunk order

    started = time.perf_counter()
    chunks = load_gold(path, None)
    novels = list(build_novels(path).values())[: args.limit]
    starts: dict[str, list[int]] = {}
    for chunk in sorted(chunks, key=lambda doc: doc["meta"]["chunk"]):
        starts.setdefault(chunk["meta"]["novel"], []).append(chunk["meta"]["novel_offset"])
    systems = novel_systems(nlp, plain, starts, args.batch_size, novels)
    runs = [NovelRun(system) for system in systems]
    for run in runs:
        run.run(novels)
    overall, each = score_novels(novels, runs, corpus.kinds, corpus.by)
    seconds = time.perf_counter() - started
    n_quotes = sum(len(novel["quotes"]) for novel in novels)
    n_chunks = sum(len(starts[novel["id"]]) for novel in novels)
    print(
        f"=== {corpus.title}: {len(novels)} novels ({n_chunks} chunks), "
        f"{n_quotes:,} gold quotes from {path}"
    )
    print("\n".join(novel_report(runs, overall, each, corpus.by)))
    print(f"{corpus.name}: {seconds:.1f} s\n", flush=True)
    return {
        "data": str(path),
        "n_docs": len(novels),
        "n_chunks": n_chunks,
        "n_chars": sum(len(novel["text"]) for novel in novels),
        "n_gold_quotes": n_quotes,
        "kinds": list(corpus.kinds) if corpus.kinds else None,
        "by": corpus.by,
        "seconds": round(seconds, 2),
        "systems": novel_numbers(runs, overall, each),
        "digests": {r.system.name: digest(r.predictions) for r in runs if r.system.check},
    }


def quotelib_calibration(corpus: Corpus, gold: list[dict[str, Any]], systems: list[System]) -> Any:
    """The reliability of quotelib's ``Quote.confidence`` on the corpus, or None."""
    from quotelib.evaluation.calibration import calibration

    found = [s.predictions for s in systems if s.name == "quotelib"]
    return calibration(gold, found[0], kinds=corpus.kinds, by="rule") if found else None


def main(argv: list[str] | None = None, *, command: str | None = None) -> int:
    """Run the benchmark and print the tables; returns the exit status.

    ``command`` is the command line printed with the numbers (default: this one).
    """
    import spacy

    args = parse_args(argv)
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    if command is None:
        command = shlex.join(["python", *(sys.argv if argv is None else ["accuracy.py", *argv])])
    started = time.perf_counter()
    paths = {
        name: getattr(args, name.replace("-", "_")) or args.data_dir / CORPORA[name].file
        for name in args.corpus
    }
    present = {name: path for name, path in paths.items() if path.is_file()}
    for name in paths.keys() - present.keys():
        print(f"=== {CORPORA[name].title}: skipped, {paths[name]} not found\n")
    if not present:
        print("no corpus to score", file=sys.stderr)
        return 1
    nlp = load_nlp(args.model)
    # textacy runs on the plain pipeline its users load; quotelib on its own.
    plain = spacy.load(args.model or model_name(nlp))
    corpora = {
        name: score_corpus(CORPORA[name], path, nlp, plain, args) for name, path in present.items()
    }
    seconds = time.perf_counter() - started
    pipeline = f"{model_name(nlp)}-{nlp.meta.get('version')} (quotelib: {nlp.pipe_names})"
    print(f"command: {command}")
    print(f"pipeline {pipeline}; batches of {args.batch_size}; {seconds:.1f} s in all")
    if args.docbin is not None:
        print(
            f"parses read from {args.docbin}, made outside this run: they may differ from "
            f"what {nlp.pipe_names} gives"
        )
    if args.json is not None:
        numbers = {"command": command, "seconds": round(seconds, 2), "pipeline": pipeline}
        numbers.update(batch_size=args.batch_size, corpora=corpora)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

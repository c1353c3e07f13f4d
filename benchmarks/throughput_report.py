"""The tables and lines the throughput benchmark prints, from the numbers it measured."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from throughput_measure import ROOT, SAMPLE_SECONDS, VARIANTS, WARMUP_DOCS, source_digest
from throughput_profile import ENTRY_POINTS, PARTS

MIB = 1024 * 1024
#: quotelib functions listed in the profile's table.
LISTED_FUNCTIONS = 10


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


def machine_lines(machine: dict[str, Any]) -> list[str]:
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    return [
        f"machine: {machine['cpu_count']} CPUs ({machine['cpus_usable']} usable), "
        f"{machine['cpu']}; {machine['platform']}",
        f"software: Python {machine['python']}, {versions}; "
        f"quotelib at {machine['quotelib_commit']} (sources digest {machine['quotelib_sources']})",
    ]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def mib(value: float | None) -> str:
    return "-" if not value else f"{value / MIB:,.0f}"


def format_table(header: list[str], rows: list[list[str]]) -> str:
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
            "docs_per_second": median([m["docs"] / s for m, s in zip(measured, seconds)]),
            "tokens_per_second": median([tokens / s for s in seconds]),
            "ratio_to_a": median(ratios) if ratios else None,
            "ratio_to_a_range": [min(ratios), max(ratios)] if ratios else None,
            "cpu_per_wall": median([m["cpu_seconds"] / m["seconds"] for m in measured]),
            "cpu_seconds": median([m["cpu_seconds"] for m in measured]),
            "cpu_ratio_to_a": median(cpu_ratios) if cpu_ratios else None,
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
                mib(s["rss_peak"]),
                mib(s["worker_rss_peak"]),
                mib(s["tree_pss_sampled"]),
                "-" if s["f1"] is None else f"{s['f1']:.3f}",
            ]
        )
    return format_table(header, rows)


def rounds_table(runs: dict[str, list[dict[str, Any]]], orders: list[str]) -> str:
    """Seconds of each measurement, round by round, with the load average before it."""
    header = ["round", "order", *(f"({v}) s" for v in runs), *(f"load({v})" for v in runs)]
    rows = []
    for number, order in enumerate(orders):
        cells = [f"{runs[v][number]['seconds']:.1f}" for v in runs]
        loads = [f"{runs[v][number]['load_before']:.2f}" for v in runs]
        rows.append([str(number + 1), " ".join(order), *cells, *loads])
    return format_table(header, rows)


def profile_lines(
    profile: dict[str, Any], reference: dict[str, Any] | None, measured: list[dict[str, Any]]
) -> list[str]:
    """Where (c)'s time goes, from its profiled pass: the parts, and quotelib's functions."""
    seconds = _seconds_per_sample(profile)
    parts = profile["parts"]
    rows = [_part_row(PARTS[part], parts[part], profile) for part in PARTS]
    rows.append(_part_row("quotelib's own code in all", profile["own_samples"], profile))
    rows.append(
        _part_row("  of which in quotelib's own lines", profile["own_self_samples"], profile)
    )
    timed = median([m["seconds"] for m in measured])
    against = f" against (c)'s median {timed:.2f} s unprofiled" if measured else ""
    cpu = f"{profile['cpu_seconds']:.1f} CPU s"
    entries = ", ".join(sorted({f"{module}.{name}" for module, name in ENTRY_POINTS}))
    lines = [
        f"(c) profiled: one more pass of quotelib.pipe in one process, untimed and in its own "
        f"process, sampled from outside by {profile['profiler']} ({profile['samples']:,} "
        f"samples in {profile['seconds']:.2f} s, {cpu}{against}; seconds below are shares of the "
        f"pass's time, {seconds * 1000:.2f} ms a sample). A sample belongs to the innermost "
        f"of {entries} on its stack; outside them, to the deeper of a frame of "
        "spacy/language.py (parsing) and a frame whose file lies in the quotelib package; "
        "time in Cython and C code counts for the Python function that called it.",
        format_table(["part of (c), profiled", "samples", "seconds", "share"], rows),
        "",
        *function_lines(profile),
    ]
    if reference is not None:
        lines.append(
            "check, parse first and then the rules alone (extract_quotes on the full "
            f"pipeline's docs, untimed run, no profiler): {reference['rules_seconds']:.2f} s"
        )
    return lines


def _seconds_per_sample(profile: dict[str, Any]) -> float:
    return profile["seconds"] / profile["samples"] if profile["samples"] else float("nan")


def _part_row(name: str, samples: int, profile: dict[str, Any]) -> list[str]:
    seconds = samples * _seconds_per_sample(profile)
    share = samples / profile["samples"] if profile["samples"] else float("nan")
    return [name, f"{samples:,}", f"{seconds:.2f}", f"{share:.2%}"]


def function_lines(profile: dict[str, Any]) -> list[str]:
    """The quotelib functions of the profile with the most self time, as a table."""
    rows = [
        [
            f["name"],
            f"{f['self_samples']:,}",
            f"{f['self_samples'] / profile['samples']:.2%}",
            f"{f['total_samples'] / profile['samples']:.2%}",
        ]
        for f in profile["functions"][:LISTED_FUNCTIONS]
    ]
    return [
        "quotelib functions with the most self time (the innermost Python frame; the "
        f"Cython and C code they call included), top {len(rows)}, shares of (c):",
        format_table(["function", "self samples", "self", "total"], rows),
    ]


def target_lines(
    summary: dict[str, dict[str, Any]],
    runs: dict[str, Any],
    f1: dict,
    profile: dict[str, Any] | None,
) -> list[str]:
    """The "done when" numbers (issues 5 and 11) that this run measured."""
    lines = ["targets (issues 5 and 11), ratios of runs in the same round:"]
    if "c" in summary and summary["c"]["ratio_to_a"] is not None:
        ratio = summary["c"]["ratio_to_a"]
        lines.append(f"  (c) / (a) >= 2.0: {ratio:.3f} -> {met(ratio >= 2.0)}")
    if "c" in summary and f1.get("c") is not None and f1.get("full") is not None:
        ok = f1["c"] >= f1["full"]
        lines.append(
            f"  F1 (c) >= F1 on the full pipeline: {f1['c']:.3f} vs {f1['full']:.3f} -> {met(ok)}"
        )
    if "c" in runs and "d" in runs:
        ratios = [c["seconds"] / d["seconds"] for c, d in zip(runs["c"], runs["d"])]
        ratio = median(ratios)
        lines.append(
            f"  (d) / (c) >= 1.7: {ratio:.3f} (rounds {min(ratios):.2f}-{max(ratios):.2f}) "
            f"-> {met(ratio >= 1.7)}"
        )
    if profile is not None:
        own, error = profile["own_share"], profile["own_share_error"]
        lines.append(
            f"  quotelib's own code < 5% of (c), profiled pass: {own:.2%} (+/- {error:.2%}) "
            f"-> {met(own < 0.05)}"
        )
    return lines


def met(ok: bool) -> str:
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
    from quotelib.evaluation.scoring import evaluate, format_comparison

    evaluations = {name: evaluate(gold, found) for name, found in predictions.items()}
    f1 = {name: ev.partial_03.f1 for name, ev in evaluations.items()}
    return format_comparison(evaluations), f1

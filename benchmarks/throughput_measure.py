"""One measurement of the throughput benchmark, in its own process, and the run of each.

:func:`measure` starts a fresh Python process (``throughput.py --measure SPEC``)
and samples the memory of its process tree from outside; in that process,
:func:`measure_here` loads what the variant needs, warms it up and times it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The script a measurement's process runs (with ``--measure``).
ENTRY = Path(__file__).resolve().with_name("throughput.py")

# Benchmark the checkout this script belongs to, installed or not.
sys.path.insert(0, str(ROOT))

from accuracy_systems import load_gold, textacy_quotes  # noqa: E402  (the sibling benchmark)

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


def cpu_seconds() -> float:
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


def predictions_of(quotes: dict[str, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    """The quotes of each document as dicts in the corpus schema (what :func:`digest` reads)."""
    return {doc_id: [quote.to_dict() for quote in found] for doc_id, found in quotes.items()}


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
    from quotelib.parse.model import load_pipeline

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
    (parse first, then the rules alone): a check on the profile of (c).
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
    """Run one measurement in this process and return its numbers.

    Nothing here is patched or profiled: the profile of (c) is a pass of its own
    (:mod:`throughput_profile`).
    """
    gold = load_gold(Path(spec["data"]), spec["limit"])
    texts, ids = [doc["text"] for doc in gold], [doc["id"] for doc in gold]
    if spec["variant"] == "stream":
        return measure_stream(spec, texts)
    started = time.perf_counter()
    run = _variant_runner(spec)
    run(texts[:WARMUP_DOCS], ids[:WARMUP_DOCS])
    setup = time.perf_counter() - started
    cpu, started = cpu_seconds(), time.perf_counter()
    result = run(texts, ids)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    if "quotes" in result:
        result["predictions"] = predictions_of(result.pop("quotes"))
    return {
        **result,
        "docs": len(texts),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "setup_seconds": setup,
        **own_peaks(),
    }


def own_peaks() -> dict[str, int | None]:
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
    from quotelib.parse.model import load_pipeline

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
        **own_peaks(),
    }


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


def measure(spec: dict[str, Any], prefix: Sequence[str] = ()) -> dict[str, Any]:
    """One measurement in a fresh process, its process tree's memory sampled meanwhile.

    ``prefix`` is a command that runs the measurement's command (a profiler); its
    standard output (the profiler's messages) is dropped. The measurement writes its
    numbers to a file and its errors to standard error.
    """
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [*prefix, sys.executable, str(ENTRY)]
        command += ["--measure", json.dumps({**spec, "out": str(out)})]
        load, source = os.getloadavg()[0], source_digest()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL if prefix else None)
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


def digest(predictions: dict[str, Any]) -> str:
    """The first 12 hex digits of the sha256 of all the records, keys sorted."""
    return hashlib.sha256(json.dumps(predictions, sort_keys=True).encode()).hexdigest()[:12]

"""Where (c)'s time goes, read off a sampling profile of its own, untimed pass.

:func:`profile_pass` runs variant (c), ``quotelib.pipe(texts)`` in one process, once more
in a process of its own under py-spy (the optional extra ``quotelib[bench]``), which
reads the process's Python stacks from outside a few hundred times a second: the
profiled code runs unchanged (nothing is patched or traced, no hook runs on its calls),
and the time of Cython and C code (thinc's layers, spaCy's ``Doc`` and ``Token``) counts
for the Python function that called it. The timed rounds are never profiled.

:func:`split_samples` sorts the samples taken inside :func:`profiled_pass` by the code
they were taken in, told by each frame's file path:

- the innermost of quotelib's entry points on the stack (:data:`ENTRY_POINTS`) owns a
  sample, whatever it calls (spaCy's token getters, attrs, numpy);
- outside them, the deeper of a frame in ``spacy/language.py`` (``nlp.pipe`` and what it
  runs: parsing) and a frame under the ``quotelib`` package (the stream, the reader, the
  paragraph component) owns it;
- the rest is the benchmark's own loop.

quotelib's own code is every sample not owned by parsing or by the benchmark.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from throughput_measure import (
    WARMUP_DOCS,
    cpu_seconds,
    digest,
    load_gold,
    measure,
    predictions_of,
    run_quotelib,
)

#: Samples a second.
RATE = 200
#: The functions through which quotelib's own code runs on a parsed doc, by module and
#: name, and the part of the time each owns: the rules (the core), and the component's
#: path when the pipeline has the ``quotelib`` component (``annotate`` stores the
#: rules' quotes as dicts, ``get_quotes`` rebuilds the records).
ENTRY_POINTS = {
    ("quotelib.core.stages", "quotes_from_doc"): "rules",
    ("quotelib.core.stages", "attribute"): "rules",
    ("quotelib.component", "annotate"): "component",
    ("quotelib.component", "get_quotes"): "component",
}
PARTS = {
    "parse": "parsing: spaCy's nlp.pipe of quotelib's pipeline",
    "rules": "quotelib rules: quotelib.core.quotes_from_doc / attribute",
    "component": "quotelib component: annotate / get_quotes, outside the rules",
    "other_quotelib": "other quotelib code: pipe, reading, paragraph component",
    "other": "the benchmark's own loop",
}
#: The parts that are quotelib's own code.
OWN_PARTS = ("rules", "component", "other_quotelib")
#: quotelib functions kept in the numbers, by self time.
TOP_FUNCTIONS = 25


def py_spy() -> str | None:
    """The py-spy program beside this Python, or on the ``PATH``; None without one."""
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def profile_pass(base: dict[str, Any], program: str) -> dict[str, Any]:
    """(c) once more in a fresh process under ``program`` (py-spy): its split and output."""
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "samples.txt"
        prefix = [program, "record", "--rate", str(RATE), "--format", "raw"]
        prefix += ["--full-filenames", "--function", "--idle", "--output", str(raw), "--"]
        result = measure({**base, "variant": "profile"}, prefix=prefix)
        samples = raw.read_text(encoding="utf-8")
    split = split_samples(samples, result["package"], result["language"])
    return {**result, "profiler": f"py-spy, {RATE} samples/s", "rate": RATE, **split}


def profile_here(spec: dict[str, Any]) -> dict[str, Any]:
    """In the profiled process: load, warm up, then :func:`profiled_pass`, timed."""
    import spacy.language

    import quotelib
    from quotelib.parse.model import load_pipeline

    gold = load_gold(Path(spec["data"]), spec["limit"])
    texts, ids = [doc["text"] for doc in gold], [doc["id"] for doc in gold]
    options = {"model": spec["model"], "batch_size": spec["batch_size"], "n_process": 1}
    load_pipeline(spec["model"])
    run_quotelib(texts[:WARMUP_DOCS], ids[:WARMUP_DOCS], **options)
    cpu, started = cpu_seconds(), time.perf_counter()
    result = profiled_pass(texts, ids, options)
    seconds = time.perf_counter() - started
    return {
        "docs": len(texts),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "output": digest(predictions_of(result["quotes"])),
        "package": os.path.realpath(os.path.dirname(quotelib.__file__)),
        "language": os.path.realpath(spacy.language.__file__),
    }


def profiled_pass(texts: list[str], ids: list[str], options: dict[str, Any]) -> dict[str, Any]:
    """(c) on the texts: the samples with this function on their stack are the profile."""
    return run_quotelib(texts, ids, **options)


def split_samples(raw: str, package: str, language: str) -> dict[str, Any]:
    """Samples of each part of :data:`PARTS`, and of each quotelib function.

    Args:
        raw: py-spy's ``raw`` output: one stack a line, root first, frames
            ``function (path:line)`` joined by ``;``, then a space and the count.
        package: the real path of the quotelib package's folder.
        language: the real path of ``spacy/language.py``.

    Returns:
        ``samples`` (inside :func:`profiled_pass`), ``parts`` (samples by part),
        ``own_samples``, ``own_share`` and its binomial standard error
        ``own_share_error``, ``own_self_samples`` (samples whose innermost
        Python frame is quotelib's) and ``functions``: the :data:`TOP_FUNCTIONS`
        quotelib functions with the most self samples, each with its self and total
        samples.
    """
    frames = _FrameReader(package, language)
    parts: Counter[str] = Counter()
    own_self: Counter[str] = Counter()
    own_total: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        read = [frames.read(frame) for frame in stack.split(";")]
        inside = [n for n, frame in enumerate(read) if frame[1] == "profiled pass"]
        if not inside:  # loading, warm-up, start and end of the process
            continue
        read = read[inside[0] + 1 :]
        parts[_owner(read)] += int(count)
        for name in {frame[0] for frame in read if frame[1] == "quotelib"}:
            own_total[name] += int(count)
        if read and read[-1][1] == "quotelib":
            own_self[read[-1][0]] += int(count)
    total = sum(parts.values())
    own = sum(parts[part] for part in OWN_PARTS)
    share = own / total if total else float("nan")
    functions = [
        {"name": name, "self_samples": value, "total_samples": own_total[name]}
        for name, value in own_self.most_common(TOP_FUNCTIONS)
    ]
    return {
        "samples": total,
        "parts": {part: parts[part] for part in PARTS},
        "own_samples": own,
        "own_share": share,
        "own_share_error": (share * (1 - share) / total) ** 0.5 if total else float("nan"),
        "own_self_samples": sum(own_self.values()),
        "functions": functions,
    }


def _owner(frames: list[tuple[str, str, str]]) -> str:
    """The part of :data:`PARTS` that owns a sample, from its stack read root first."""
    owner, inside_entry = "other", False
    for _name, kind, entry in frames:
        if kind == "quotelib" and entry:
            owner, inside_entry = entry, True
        elif inside_entry:
            continue
        elif kind == "quotelib":
            owner = "other_quotelib"
        elif kind == "parse":
            owner = "parse"
    return owner


class _FrameReader:
    """py-spy frames read as ``(name, kind, entry)``: kind is ``quotelib``, ``parse``,
    ``profiled pass`` or ``other``; entry the part of an entry point, else ``""``."""

    def __init__(self, package: str, language: str) -> None:
        self._package = package.rstrip(os.sep) + os.sep
        self._language = language
        self._seen: dict[str, tuple[str, str, str]] = {}
        self._here = os.path.realpath(__file__)

    def read(self, frame: str) -> tuple[str, str, str]:
        read = self._seen.get(frame)
        if read is None:
            read = self._seen[frame] = self._classify(frame)
        return read

    def _classify(self, frame: str) -> tuple[str, str, str]:
        function, _, where = frame.rpartition(" (")
        path, _, line = where.rstrip(")").rpartition(":")
        real = os.path.realpath(path) if os.path.isabs(path) else path
        if real == self._language:
            return function, "parse", ""
        if real == self._here and function == profiled_pass.__name__:
            return function, "profiled pass", ""
        if not real.startswith(self._package):
            return function, "other", ""
        module = Path(real[len(self._package) :]).with_suffix("").as_posix().replace("/", ".")
        module = f"quotelib.{module}".removesuffix(".__init__")
        name = f"{module}.{function}"
        if function.startswith("<"):  # <listcomp>, <genexpr>, <lambda>: where it starts
            name += f":{line}"
        return name, "quotelib", ENTRY_POINTS.get((module, function), "")

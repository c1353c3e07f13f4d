"""Fuzz ``extract_quotes`` with random hostile texts, and ``quotelib extract`` with hostile inputs.

Texts are built from quote marks, apostrophes, breaks, cue words, names,
several scripts, emoji, combining marks, zero-width and bidirectional
controls, NUL, lone surrogates and HTML (``tests/hostile_alphabet.py``), with
a fixed seed so a run can be repeated exactly; the count of exceptions and
bad offsets is reported.

With ``--cli N``, the command line is fuzzed instead: N random sets of JSONL
files, text files, folders and standard input, some of them hostile
(``tests/hostile_inputs.py``: bad JSON, huge integers, deep nesting, wrong
types, NaN, binary and gzip files, FIFOs, names that are not UTF-8, ...), run
through ``quotelib extract`` in this process, and ``--subprocess K`` of them
through ``python -m quotelib``. Each run must answer every record once, in
order, with the outcome due, in strict UTF-8 JSON, without a traceback.
``--surrogates`` also puts lone surrogates in ids and texts.

Usage::

    python benchmarks/fuzz.py [--texts 10000] [--seed 2026]
    python benchmarks/fuzz.py --cli 500 [--subprocess 10] [--surrogates] [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import shlex
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quotelib  # noqa: E402
from tests.hostile_alphabet import (  # noqa: E402
    APOSTROPHES,
    BREAKS,
    CUES,
    HTML,
    NAMES,
    ODDITIES,
    QUOTE_MARKS,
    SCRIPTS,
    WORDS,
)
from tests.hostile_inputs import build, problems  # noqa: E402

PIECES = [QUOTE_MARKS, APOSTROPHES, BREAKS, CUES, NAMES, WORDS, SCRIPTS, ODDITIES, HTML]


def hostile_text(rng: random.Random) -> str:
    """One random text of up to 80 pieces, now and then with random code points."""
    pieces = []
    for _ in range(rng.randint(0, 80)):
        if rng.random() < 0.1:
            pieces.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 6))))
        else:
            pieces.append(rng.choice(rng.choice(PIECES)))
    joiner = rng.choice(["", " ", " ", "\n"])
    return joiner.join(pieces)


def bad_offsets(text: str, quotes: list[quotelib.Quote]) -> int:
    """How many spans of the quotes do not slice ``text`` to their own text."""
    spans = [s for q in quotes for s in (q.content, *q.content_parts, q.speaker, q.cue)]
    return sum(text[s.start : s.end] != s.text for s in spans if s is not None)


def fuzz_cli(runs: int, in_subprocess: int, seed: int, *, surrogates: bool) -> tuple[int, int]:
    """Run ``quotelib extract`` on ``runs`` random input sets; (records, runs with a problem)."""
    from typer.testing import CliRunner

    from quotelib.cli import app

    rng = random.Random(seed)
    records = failed = 0
    for index in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            made = build(rng, Path(folder), surrogates=surrogates)
            out = Path(folder, "answers.jsonl")
            command = ["extract", *made.args, "-o", str(out), "--quiet"]
            if index < in_subprocess:
                done = subprocess.run(
                    [sys.executable, "-m", "quotelib", *command],
                    input=made.stdin,
                    capture_output=True,
                    timeout=600,
                )
                stderr = done.stderr.decode("utf-8", "replace")
            else:
                result = CliRunner().invoke(app, command, input=made.stdin)
                crash = result.exception
                stderr = result.stderr
                if crash is not None and not isinstance(crash, SystemExit):
                    stderr += "Traceback:\n" + "".join(traceback.format_exception(crash))
            found = problems(made, out.read_bytes() if out.exists() else b"", stderr)
            records += len(made.expected)
            if found:
                failed += 1
                print(
                    f"run {index} ({shlex.join(made.args)}):", *found, sep="\n  ", file=sys.stderr
                )
    return records, failed


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz; exit status 1 when any text raised or gave a bad offset, or any
    command-line run answered wrongly."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=10_000, help="how many texts")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    parser.add_argument("--cli", type=int, default=0, help="fuzz quotelib extract: how many runs")
    parser.add_argument("--subprocess", type=int, default=0, help="of those, run in a process")
    parser.add_argument("--surrogates", action="store_true", help="lone surrogates in ids, texts")
    args = parser.parse_args(argv)
    command = shlex.join(
        ["python", "benchmarks/fuzz.py", *(sys.argv[1:] if argv is None else argv)]
    )
    if args.cli:
        started = time.perf_counter()
        records, failed = fuzz_cli(args.cli, args.subprocess, args.seed, surrogates=args.surrogates)
        print(
            f"{args.cli} runs of quotelib extract on hostile inputs (seed {args.seed}, "
            f"{min(args.subprocess, args.cli)} in a subprocess): {records} records, "
            f"{failed} runs answered wrongly, {time.perf_counter() - started:.1f} s"
        )
        print(f"command: {command}")
        return 1 if failed else 0
    rng = random.Random(args.seed)
    started = time.perf_counter()
    exceptions = bad = quotes_found = 0
    for index in range(args.texts):
        text = hostile_text(rng)
        try:
            quotes = quotelib.extract_quotes(text)
        except Exception:
            exceptions += 1
            print(f"text {index} raised: {text!r}", file=sys.stderr)
            traceback.print_exc()
            continue
        quotes_found += len(quotes)
        bad += bad_offsets(text, quotes)
    seconds = time.perf_counter() - started
    print(
        f"{args.texts} hostile texts (seed {args.seed}): {exceptions} exceptions, "
        f"{bad} bad offsets, {quotes_found} quotes, {seconds:.1f} s"
    )
    print(f"command: {command}")
    return 1 if exceptions or bad else 0


if __name__ == "__main__":
    sys.exit(main())

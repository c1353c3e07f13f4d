"""Fuzz ``extract_quotes`` with random hostile texts: count exceptions and bad offsets.

Texts are built from quote marks, apostrophes, breaks, cue words, names,
several scripts, emoji, combining marks, zero-width and bidirectional
controls, NUL, lone surrogates and HTML (``tests/hostile_alphabet.py``), with
a fixed seed so a run can be repeated exactly.

Usage::

    python benchmarks/fuzz.py [--texts 10000] [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import shlex
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile_alphabet import (  # noqa: E402
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

import quotelib  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz; exit status 1 when any text raised or gave a bad offset."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=10_000, help="how many texts")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    args = parser.parse_args(argv)
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
    command = shlex.join(
        ["python", "benchmarks/fuzz.py", *(sys.argv[1:] if argv is None else argv)]
    )
    print(
        f"{args.texts} hostile texts (seed {args.seed}): {exceptions} exceptions, "
        f"{bad} bad offsets, {quotes_found} quotes, {seconds:.1f} s"
    )
    print(f"command: {command}")
    return 1 if exceptions or bad else 0


if __name__ == "__main__":
    sys.exit(main())

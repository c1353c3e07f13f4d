"""Benchmark quotelib against textacy on the annotated news corpus: ``accuracy.py`` on news.

The same run as ``python benchmarks/accuracy.py --corpus polnear --all-systems``:
textacy 0.13's ``direct_quotations``, quotelib resolved and as written, and quotelib on
the full pipeline's docs with both name finders (see :mod:`accuracy`). ``--data PATH``
names the annotated news file; every other option is :mod:`accuracy`'s.

Usage::

    python benchmarks/polnear.py [--data PATH] [--limit N] [--model NAME] [--json OUT]
"""

from __future__ import annotations

import shlex
import sys

from accuracy import main as accuracy_main


def main(argv: list[str] | None = None) -> int:
    """Run the news benchmark; returns the exit status."""
    given = list(sys.argv[1:] if argv is None else argv)
    command = shlex.join(["python", sys.argv[0] if argv is None else "polnear.py", *given])
    args = ["--polnear" if arg == "--data" else arg for arg in given]
    args = [f"--polnear={a[7:]}" if a.startswith("--data=") else a for a in args]
    return accuracy_main(["--corpus", "polnear", "--all-systems", *args], command=command)


if __name__ == "__main__":
    sys.exit(main())

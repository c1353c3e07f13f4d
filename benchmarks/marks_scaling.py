"""How the time to pair quotation marks grows with the text: 0.25, 0.5, 1 and 2 MB.

``find_quotations`` should take time proportional to the text, so each
doubling of the text should about double the time (a ratio near 2.0; 4.0
would be quadratic). Each size is timed as the best of ``--repeat`` runs, in
CPU time of this process (``time.process_time``), also with the garbage
collector paused (one full collection starts between 0.5 and 1 MB of news
text and makes that one step about 3 instead of 2), and in wall-clock time.
Two texts: news paragraphs with curly, straight and single marks and
apostrophes, and a hostile one whose closing marks find no partner (each
walks the stack of open marks).

The tests check the growth by counting the lines of ``quotelib.text.marks`` that
run (``tests/test_marks.py::test_marks_work_grows_linearly``), which no load
on the machine can change; this benchmark measures the time, regex engine
included.

Usage::

    python benchmarks/marks_scaling.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotelib.text.marks import find_quotations  # noqa: E402

SIZES_MB = (0.25, 0.5, 1.0, 2.0)

NEWS = (
    "“It doesn’t make any sense,” Clinton said of the workers’ ‘crazy’ plan in the ’90s. "
    '"The model doesn\'t work," he added. "And the union agreed.\n\n'
)
HOSTILE = '«Open «and «open b” c” d” ‘e’ "f '


def text_of(piece: str, megabytes: float) -> str:
    """``piece`` repeated to about ``megabytes`` million characters."""
    return piece * round(megabytes * 1_000_000 / len(piece))


def best_times(text: str, repeat: int, *, collect: bool = True) -> tuple[float, float]:
    """The least CPU and wall-clock seconds of ``repeat`` runs of ``find_quotations``,
    with the garbage collector running (``collect``) or paused."""
    cpu, wall = [], []
    for _ in range(repeat):
        gc.collect()
        if not collect:
            gc.disable()
        try:
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            find_quotations(text)
            cpu.append(time.process_time() - cpu_start)
            wall.append(time.perf_counter() - wall_start)
        finally:
            gc.enable()
    return min(cpu), min(wall)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (best kept)")
    args = parser.parse_args(argv)
    print(
        f"{'text':<8} {'MB':>5} {'marks':>9} {'CPU s':>7} {'ratio':>6} "
        f"{'no-GC s':>8} {'ratio':>6} {'wall s':>7}"
    )
    for name, piece in (("news", NEWS), ("hostile", HOSTILE)):
        previous = None
        for megabytes in SIZES_MB:
            text = text_of(piece, megabytes)
            marks = sum(text.count(mark) for mark in "\"'“”‘’«»„")
            cpu, wall = best_times(text, args.repeat)
            bare, _ = best_times(text, args.repeat, collect=False)
            ratios = [
                f"{a / b:.2f}" if previous else "-" for a, b in zip((cpu, bare), previous or (1, 1))
            ]
            print(
                f"{name:<8} {megabytes:>5} {marks:>9,} {cpu:>7.3f} {ratios[0]:>6} "
                f"{bare:>8.3f} {ratios[1]:>6} {wall:>7.3f}"
            )
            previous = (cpu, bare)


if __name__ == "__main__":
    main()

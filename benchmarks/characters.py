"""A book's characters on the dev novels: no grouping across titles, no invented narrator.

Each of the eight novels of ``pdnc-dev.jsonl`` is rebuilt whole in memory
(``throughput_novel.build_novels``) and read by :func:`quotelib.characters`.
For each novel the table gives: how many characters quotelib lists; how many
carry aliases whose titles say two people
(:meth:`quotelib.Character.title_conflicts`: a man's and a woman's title, or
a married and an unmarried woman's), each named below the table; how many
are narrators (the dev novels are told in the third person: any is a false
one); and the share of annotated quotations whose speaker is one of the
characters (the speaker's main name or an alias names a character's name or
one of its aliases, by the measure's name test).

Usage::

    python benchmarks/characters.py [--data FILE] [--cache DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from fit_speakers import DEFAULT_DATA, parse
from throughput_novel import build_novels

import quotelib
from quotelib.evaluation.name_match import names_match


def read(novel: dict[str, Any], characters: list[quotelib.Character]) -> dict[str, Any]:
    """One novel's row of the table, with its conflicts and narrators named."""
    names = [[c.name, *(alias for alias, _ in c.aliases)] for c in characters]
    spoken, found = 0, 0
    for quote in novel["quotes"]:
        said = [quote.get("speaker_text"), *(quote.get("speaker_aliases") or ())]
        said = [name for name in said if name]
        if not said:
            continue
        spoken += 1
        found += any(names_match(a, b) for known in names for a in known for b in said)
    return {
        "novel": novel["id"],
        "characters": len(characters),
        "conflicts": {c.name: c.title_conflicts() for c in characters if c.title_conflicts()},
        "narrators": [c.name for c in characters if c.narrator],
        "speakers found": round(found / spoken, 4) if spoken else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, help="a folder (outside the repository) for parses")
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    nlp = quotelib.load_pipeline()
    rows = []
    print(f"{'novel':22s} {'characters':>10s} {'conflicts':>9s} {'narrators':>9s} speakers found")
    for novel in build_novels(args.data).values():
        row = read(novel, quotelib.characters(parse(novel, nlp, args.cache)))
        rows.append(row)
        print(
            f"{row['novel']:22s} {row['characters']:10d} {len(row['conflicts']):9d} "
            f"{len(row['narrators']):9d} {row['speakers found']:.3f}"
        )
    for row in rows:
        for name, titles in row["conflicts"].items():
            print(f"conflict in {row['novel']}: {name} ({', '.join(titles)})")
        for name in row["narrators"]:
            print(f"narrator in {row['novel']}: {name}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"{time.perf_counter() - started:.0f} s in all", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The corpus index: its cost against extraction, and grouping at scale.

1. On the news dev corpus (``../shared/data/polnear-dev.jsonl``; skipped when absent):
   quotelib's extraction time against the index's own cost (adding every
   document, then building people and groups; the one-time import of
   datasketch reported apart), and the top-20 who-is-quoted table.
2. Synthetic quotes (fixed seed): 10% of them near-duplicates of another
   quote, with the edits of re-publication (trimmed ends, changed
   punctuation, a word inserted, "[he]" for the opening pronoun). For each
   size, in a process of its own, the time to index and group them, the
   memory they take at the peak (the peak resident memory while indexing less
   the resident memory before, the peak reset with Linux's ``clear_refs``:
   tracemalloc, tried first, made the run ten times slower), and the precision
   and recall of the grouping on the planted pairs.

Usage::

    python benchmarks/corpus.py [--sizes 50000 100000 200000] [--no-dev] [--seed 14]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import shlex
import subprocess
import sys
import time
from itertools import accumulate, combinations
from pathlib import Path

import quotelib
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.write import format_people

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear-dev.jsonl"
_PRONOUNS = ["we", "i", "he", "she", "they"]


def dev_corpus(path: Path) -> None:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    start = time.perf_counter()
    found = list(quotelib.pipe([doc["text"] for doc in docs]))
    extraction = time.perf_counter() - start
    start = time.perf_counter()
    import datasketch  # noqa: F401

    imports = time.perf_counter() - start
    start = time.perf_counter()
    index = CorpusIndex(group_by=None, date_field="meta.publication_date")
    for doc, quotes in zip(docs, found):
        index.add(doc["id"], quotes, doc)
    adding = time.perf_counter() - start
    start = time.perf_counter()
    people, groups = index.people(), index.groups()
    building = time.perf_counter() - start
    own = adding + building
    print(f"dev corpus: {len(docs)} documents, {sum(map(len, found))} quotes")
    print(
        f"  extraction {extraction:.2f} s; index: adding {adding:.3f} s + people and groups "
        f"{building:.3f} s = {own:.3f} s ({100 * own / extraction:.2f}% of extraction)"
    )
    print(
        f"  one-time import of datasketch: {imports:.2f} s "
        f"({100 * (own + imports) / extraction:.2f}% with them)"
    )
    print(f"  {len(people)} people, {len(groups)} quote groups\n")
    print(format_people(people[:20]))
    print()


def synthetic(n: int, seed: int) -> tuple[list[tuple[str, str]], set[frozenset[int]]]:
    """``n`` quotes ``(speaker, text)``, 10% of them an edited copy of another; the planted pairs
    (a quote and its copy, and two copies of one quote)."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20_000)]
    cumulative = list(accumulate(1 / (i + 1) for i in range(len(vocabulary))))  # Zipf
    originals = n - n // 10
    quotes = []
    for _ in range(originals):
        words = [
            rng.choice(_PRONOUNS),
            *rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(8, 30)),
        ]
        quotes.append((f"speaker {rng.randrange(5000)}", " ".join(words) + "."))
    copies: dict[int, list[int]] = {}
    for _ in range(n // 10):
        source = rng.randrange(originals)
        speaker, text = quotes[source]
        copies.setdefault(source, [source]).append(len(quotes))
        quotes.append((speaker, _edit(text, rng, vocabulary)))
    planted = {frozenset(pair) for same in copies.values() for pair in combinations(same, 2)}
    return quotes, planted


def _edit(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.rstrip(".").split()
    edit = rng.randrange(4)
    if edit == 0:  # trimmed ends
        cut = max(1, len(words) // 8)
        words = words[: len(words) - cut]
    elif edit == 1:  # punctuation changed
        words[len(words) // 2] += ","
        return " ".join(words) + "!"
    elif edit == 2:  # a word inserted
        words.insert(rng.randrange(1, len(words)), rng.choice(vocabulary))
    else:  # "[he]" for the opening pronoun
        words[0] = "[he]"
    return " ".join(words) + "."


def _quote(speaker: str, text: str) -> dict:
    return {
        "kind": "direct",
        "content_text": text,
        "speaker_text": speaker.title(),
        "speaker_name": speaker.title(),
        "speaker_id": speaker,
        "speaker_resolution": "name",
    }


def grouping(n: int, seed: int) -> dict:
    """Index and group ``n`` synthetic quotes in this process: time, memory, precision, recall."""
    quotes, planted = synthetic(n, seed)
    _grouped(quotes[:200])  # the imports, outside the measure
    gc.collect()
    before = _rss_mib()
    start = time.perf_counter()
    groups = _grouped(quotes)
    seconds = time.perf_counter() - start
    found = {frozenset(pair) for group in groups for pair in combinations(group, 2)}
    hits = len(found & planted)
    return {
        "quotes": n,
        "seconds": seconds,
        "peak_mib": _peak_mib() - before,
        "precision": hits / len(found) if found else 1.0,
        "recall": hits / len(planted),
    }


def _rss_mib() -> float:
    """The resident memory now, the peak reset to it (Linux: ``clear_refs`` 5 resets VmHWM)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")
    return _status_mib("VmRSS:")


def _peak_mib() -> float:
    """The peak resident memory since :func:`_rss_mib`."""
    return _status_mib("VmHWM:")


def _status_mib(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field))
    return int(line.split()[1]) / 1024


def _grouped(quotes: list[tuple[str, str]]) -> list[list[int]]:
    index = CorpusIndex()
    for number, (speaker, text) in enumerate(quotes):
        index.add(number, [_quote(speaker, text)])
    return [[doc for doc, _ in group.members] for group in index.groups()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--no-dev", action="store_true", help="skip the dev corpus")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(grouping(args.one, args.seed)))
        return
    print("$ python " + " ".join(shlex.quote(a) for a in sys.argv) + "\n")
    if not args.no_dev:
        if DEV.exists():
            dev_corpus(DEV)
        else:
            print(f"dev corpus: {DEV} not found, skipped\n")
    print(f"synthetic quotes, 10% near-duplicates (seed {args.seed})")
    print(f"{'quotes':>8}  {'seconds':>8}  {'us/quote':>8}  {'+peak MiB':>9}  precision  recall")
    for n in args.sizes:  # each size in a process of its own, so its peak is its own
        command = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)]
        r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        print(
            f"{n:>8}  {r['seconds']:>8.1f}  {1e6 * r['seconds'] / n:>8.1f}  "
            f"{r['peak_mib']:>8.1f}  {r['precision']:>9.4f}  {r['recall']:.4f}"
        )


if __name__ == "__main__":
    main()

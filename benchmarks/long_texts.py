"""Resources on long and pathological texts: peak memory, wall and CPU time, one process a case.

Every measurement runs in a fresh Python process, so that its peak RSS (``VmHWM``, and
``ru_maxrss`` from ``os.wait4`` in the parent) is its own; loading the model and building
the text are outside the clock. The long texts are news-like paragraphs of the seed article
and of ``docs/examples``, drawn at random (seeded) with their names swapped, repeated up to
the size asked for (never the corpus in ``../shared``).

Cases (``--cases``, comma-separated):

- ``extract``: ``quotelib.extract_quotes(text)`` on texts of ``--sizes`` MB (parse and rules);
- ``parse``: ``quotelib.parse.chunks.parse_text(text, nlp)`` only;
- ``chunked``: ``quotelib.parse.chunks.parse_chunks`` over the text, at each of ``--chunk-sizes``,
  every ``Doc`` dropped once counted (parse only, memory flat);
- ``anatomy``: where the memory of one parse of ``--anatomy-size`` MB at once goes: each
  pipeline component's time and peak (the peak reset between components through
  ``/proc/self/clear_refs``), the ``Doc`` and its tensor, ``Doc.from_docs`` of chunk parses,
  and quotelib's rules on that ``Doc``;
- ``tokenizer``: ``nlp.tokenizer`` on runs of 1k to 16k quote marks, emoji, ``!!!``, ``'''``,
  ``----``, a long URL and a line without spaces, raw and through ``chunks.parsable``;
- ``threshold``: ``nlp.tokenizer``'s cost per character of one word of 4 to 512 symbols
  (each word different and the tokenizer's cache emptied before it), where runs begin to
  cost more than linear time;
- ``long-attribution``, ``short-attributions``, ``said-chain``: quotelib's own code
  (``extract.quotes_from_doc``) timed apart from parsing at each of ``--scales``, with the
  top functions of a cProfile run.

Usage::

    python benchmarks/long_texts.py [--cases extract,parse,chunked] [--sizes 0.25,1,5]
        [--chunk-sizes 3000,10000,30000,100000] [--scales 0.25,0.5,1] [--json OUT]
        [--checkout DIR]

``--checkout DIR`` imports quotelib from another checkout (e.g. a ``git archive`` of an
older commit) in the measured processes, to compare with it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = (
    "extract",
    "parse",
    "chunked",
    "anatomy",
    "tokenizer",
    "threshold",
    "long-attribution",
    "short-attributions",
    "said-chain",
)
RUN_KINDS = {
    "quote marks": '"',
    "curly quotes": "“",
    "emoji": "\U0001f600",
    "!!!": "!",
    "'''": "'",
    "mixed symbols": None,
    "----": "-",
    "long URL": None,
    "no spaces": None,
}
RUN_LENGTHS = (1_000, 2_000, 4_000, 8_000, 16_000)
WORD_LENGTHS = (4, 8, 16, 32, 64, 128, 256, 512)
_LINE_LENGTHS = {"long URL": (100_000,), "no spaces": (100_000,)}
_NAMES = (("Xi", "Lula"), ("Putin", "Macron"), ("Jane Smith", "Omar Diaz"), ("Ann Lee", "Kim Park"))
_SHORT = (
    '"We will act," {name} said.',
    "{name} said the talks were useful.",
    "According to {name}, the plan works.",
    '"It is done," said {name}.',
)
_PEOPLE = ("Xi", "Putin", "the mayor", "Ann Lee", "the minister", "Omar Diaz")


# --- texts ------------------------------------------------------------------------------


def news_paragraphs() -> list[str]:
    """The paragraphs of the seed article and of the examples in ``docs/examples``."""
    paragraphs = [
        line
        for line in (ROOT / "seeds" / "000_d05105c950b0ed4e.txt").read_text("utf-8").splitlines()
    ]
    for path in sorted((ROOT / "docs" / "examples" / "texts").glob("*.txt")):
        paragraphs += path.read_text("utf-8").split("\n\n")
    for line in (ROOT / "docs" / "examples" / "articles.jsonl").read_text("utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue  # the examples hold broken records on purpose
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            paragraphs.append(record["text"])
    return [p.strip() for p in paragraphs if p.strip()]


def news_text(characters: int, seed: int = 0) -> str:
    """News-like paragraphs drawn at random, names swapped, up to ``characters`` long."""
    rng = random.Random(seed)
    paragraphs = news_paragraphs()
    pieces, length = [], 0
    while length < characters:
        paragraph = rng.choice(paragraphs)
        if rng.random() < 0.5:
            old, new = rng.choice(_NAMES)
            paragraph = paragraph.replace(old, new)
        piece = paragraph + ("\n\n" if rng.random() < 0.2 else "\n")
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)[:characters]


def run_text(kind: str, length: int) -> str:
    """A run of ``length`` characters of one ``kind`` (see ``RUN_KINDS``)."""
    if kind == "long URL":
        path = "/".join(f"p{i}" for i in range(length))
        return ("https://example.com/" + path)[:length]
    if kind == "mixed symbols":  # no two pieces alike, so the tokenizer's cache never helps
        rng = random.Random(length)
        return "".join(rng.choice('"“”‘’!?*#_=;:\U0001f600\U0001f44d') for _ in range(length))
    if kind == "no spaces":
        return ("Wordsandmorewords" * length)[:length]
    return RUN_KINDS[kind] * length


def attribution_text(scale: float, *, long: bool) -> str:
    """8,000 short attributions a line (times ``scale``), and one of 84,000 characters."""
    lines = [
        _SHORT[i % len(_SHORT)].format(name=_PEOPLE[i % len(_PEOPLE)])
        for i in range(int(8_000 * scale))
    ]
    if long:
        words = ("the plan will work and the city will grow " * 2_100)[: int(84_000 * scale)]
        lines.insert(len(lines) // 2, f'"{words}," the mayor said.')
    return "\n".join(lines) + "\n"


def said_chain(scale: float) -> str:
    return "He said she said they said " * int(16_000 * scale)


# --- the measured process -----------------------------------------------------------------


def _status(field: str) -> int:
    """A ``/proc/self/status`` field in MiB (``VmHWM``: peak RSS, ``VmRSS``: RSS)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return -1


def _reset_peak() -> bool:
    """Reset ``VmHWM`` to the current RSS (Linux); whether it could."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


class _Clock:
    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: Any) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _pipeline() -> Any:
    import quotelib

    nlp = quotelib.load_pipeline()
    quotelib.extract_quotes("Xi said ties were strong.", nlp=nlp)  # first-call set-up
    return nlp


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement (in a fresh process) and return its numbers."""
    case = spec["case"]
    nlp = _pipeline()
    if case in ("extract", "parse", "chunked"):
        return _child_long(nlp, spec)
    if case == "anatomy":
        return _child_anatomy(nlp, spec)
    if case == "tokenizer":
        return _child_tokenizer(nlp, spec)
    if case == "threshold":
        return _child_threshold(nlp)
    return _child_rules(nlp, spec)


def _child_long(nlp: Any, spec: dict[str, Any]) -> dict[str, Any]:
    import quotelib
    from quotelib.parse import chunks
    from quotelib.text.marks import find_quotations

    text = news_text(int(spec["size"] * 1_000_000))
    found: dict[str, Any] = {"model MiB": _status("VmRSS")}
    with _Clock() as clock:
        if spec["case"] == "extract":
            found["quotes"] = len(quotelib.extract_quotes(text, nlp=nlp))
        elif spec["case"] == "parse":
            found["tokens"] = len(chunks.parse_text(text, nlp))
        else:
            quoted = [(q.start, q.end) for q in find_quotations(text) if q.depth == 0]
            found["tokens"], found["chunks"] = 0, 0
            for _, doc in chunks.parse_chunks(text, nlp, quoted=quoted, size=spec["chunk"]):
                found["tokens"] += len(doc)
                found["chunks"] += 1
    found.update({"wall s": clock.wall, "CPU s": clock.cpu, "peak MiB": _status("VmHWM")})
    return found


def _child_anatomy(nlp: Any, spec: dict[str, Any]) -> dict[str, Any]:
    import gc

    from spacy.tokens import Doc

    from quotelib import quotes_from_doc
    from quotelib.parse import chunks

    text = chunks.parsable(news_text(int(spec["size"] * 1_000_000)))
    nlp.max_length = len(text) + 1
    steps = []

    def step(name: str, run: Any) -> Any:
        gc.collect()
        before = _status("VmRSS")
        _reset_peak()
        with _Clock() as clock:
            result = run()
        gc.collect()
        steps.append(
            {
                "step": name,
                "wall s": clock.wall,
                "CPU s": clock.cpu,
                "peak above start MiB": _status("VmHWM") - before,
                "kept MiB": _status("VmRSS") - before,
            }
        )
        return result

    doc = step("tokenizer", lambda: nlp.make_doc(text))
    for name, component in nlp.pipeline:
        doc = step(name, lambda doc=doc, component=component: component(doc))
    tensor = doc.tensor.nbytes // 2**20
    step("quotelib rules on the Doc", lambda doc=doc: quotes_from_doc(doc, text=text))
    tokens = len(doc)
    del doc
    pieces = list(chunks.split_text(text, chunks.CHUNK_SIZE))
    docs = step("parse in chunks, all Docs kept", lambda: list(nlp.pipe(pieces, batch_size=1)))
    step("Doc.from_docs of the chunks", lambda: Doc.from_docs(docs, ensure_whitespace=False))
    return {"tokens": tokens, "tensor MiB": tensor, "steps": steps, "peak MiB": _status("VmHWM")}


def _tokenizer_cpu(nlp: Any, text: str, repeats: int) -> tuple[float, Any]:
    """The least CPU seconds of ``repeats`` tokenizations of ``text``, and the tokens.

    CPU time, not wall time: the machines we share are noisy. The tokenizer's cache is
    emptied before each (through its private ``_flush_cache``), so that every word is
    tokenized afresh.
    """
    best = float("inf")
    for _ in range(repeats):
        nlp.tokenizer._flush_cache()
        with _Clock() as clock:
            tokens = nlp.tokenizer(text)
        best = min(best, clock.cpu)
    return best, tokens


def _child_tokenizer(nlp: Any, spec: dict[str, Any]) -> dict[str, Any]:
    from quotelib.parse import chunks

    rows = []
    for length in spec["lengths"]:
        raw = run_text(spec["kind"], length)
        row: dict[str, Any] = {"length": length}
        for label, text, repeats in (("raw", raw, 1), ("parsable", chunks.parsable(raw), 3)):
            seconds, tokens = _tokenizer_cpu(nlp, text, repeats)
            row[f"{label} ms"] = seconds * 1000
            row[f"{label} longest"] = max((len(t) for t in tokens), default=0)
            row[f"{label} tokens"] = len(tokens)
        rows.append(row)
    return {"rows": rows, "peak MiB": _status("VmHWM")}


def _child_threshold(nlp: Any) -> dict[str, Any]:
    rows = []
    for kind in ("quote marks", "'''", "emoji", "mixed symbols"):
        row: dict[str, Any] = {"kind": kind}
        for length in WORD_LENGTHS:
            words = [run_text(kind, length) for _ in range(max(1, 20_000 // length))]
            if kind == "mixed symbols":
                rng = random.Random(length)
                words = ["".join(rng.sample(word, len(word))) for word in words]
            seconds = sum(_tokenizer_cpu(nlp, word, 1)[0] for word in words)
            row[str(length)] = seconds / (length * len(words)) * 1e6
        rows.append(row)
    return {"rows": rows, "peak MiB": _status("VmHWM")}


def _child_rules(nlp: Any, spec: dict[str, Any]) -> dict[str, Any]:
    import cProfile
    import pstats

    from quotelib import quotes_from_doc
    from quotelib.parse import chunks

    case, scale = spec["case"], spec["scale"]
    if case == "said-chain":
        text = said_chain(scale)
    else:
        text = attribution_text(scale, long=case == "long-attribution")
    with _Clock() as parse:
        doc = chunks.parse_text(text, nlp)
    with _Clock() as rules:
        quotes = quotes_from_doc(doc, text=text)
    profile = cProfile.Profile()
    profile.runcall(quotes_from_doc, doc, text=text)
    stats = pstats.Stats(profile)
    top = []
    for (path, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "quotelib" in path:
            label = f"{Path(path).stem}.{name}:{line}"
            top.append({"function": label, "calls": calls, "own s": own, "cum s": cumulative})
    top.sort(key=lambda row: -row["cum s"])
    return {
        "characters": len(text),
        "tokens": len(doc),
        "parse s": parse.wall,
        "rules s": rules.wall,
        "rules CPU s": rules.cpu,
        "quotes": len(quotes),
        "top": top[:12],
        "peak MiB": _status("VmHWM"),
    }


# --- the parent: one process per measurement, tables ------------------------------------------


def measure(spec: dict[str, Any], checkout: Path) -> dict[str, Any]:
    """Run ``spec`` in a fresh process; its numbers, with the parent's view of its rusage."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as process:
        output = process.stdout.read() if process.stdout else ""
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return {**spec, "error": f"exit code {process.returncode}"}
    found = json.loads(output.strip().splitlines()[-1])
    found["ru_maxrss MiB"] = usage.ru_maxrss // 1024
    found["process CPU s"] = usage.ru_utime + usage.ru_stime
    return {**spec, **found}


def plan(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The measurements to run, in order."""
    specs: list[dict[str, Any]] = []
    for case in args.cases:
        if case in ("extract", "parse"):
            specs += [{"case": case, "size": size} for size in args.sizes]
        elif case == "chunked":
            specs += [
                {"case": case, "size": size, "chunk": chunk}
                for size in args.sizes
                for chunk in args.chunk_sizes
            ]
        elif case == "threshold":
            specs.append({"case": case})
        elif case == "anatomy":
            specs.append({"case": case, "size": args.anatomy_size})
        elif case == "tokenizer":
            specs += [
                {
                    "case": case,
                    "kind": kind,
                    "lengths": [*RUN_LENGTHS, *_LINE_LENGTHS.get(kind, ())],
                }
                for kind in RUN_KINDS
            ]
        else:
            specs += [{"case": case, "scale": scale} for scale in args.scales]
    return specs


def print_tables(results: list[dict[str, Any]]) -> None:
    long_rows = [r for r in results if r["case"] in ("extract", "parse", "chunked")]
    if long_rows:
        print(
            f"\n{'case':8} {'MB':>5} {'chunk':>7} {'wall s':>8} {'CPU s':>8} "
            f"{'peak MiB':>9} {'model MiB':>9} {'tokens/quotes':>13}"
        )
        for r in long_rows:
            if "error" in r:
                print(f"{r['case']:8} {r['size']:>5} {r.get('chunk', '-'):>7} {r['error']}")
                continue
            count = r.get("quotes", r.get("tokens"))
            print(
                f"{r['case']:8} {r['size']:>5} {r.get('chunk', '-'):>7} {r['wall s']:8.1f} "
                f"{r['CPU s']:8.1f} {r['peak MiB']:9,} {r['model MiB']:9,} {count:13,}"
            )
    for r in (r for r in results if r["case"] == "anatomy" and "steps" in r):
        print(
            f"\nanatomy: one parse of {r['size']} MB at once, {r['tokens']:,} tokens, "
            f"doc.tensor {r['tensor MiB']} MiB"
        )
        print(
            f"{'step':34} {'wall s':>7} {'CPU s':>7} {'peak above start MiB':>21} {'kept MiB':>9}"
        )
        for s in r["steps"]:
            print(
                f"{s['step']:34} {s['wall s']:7.1f} {s['CPU s']:7.1f} {s['peak above start MiB']:21,} "
                f"{s['kept MiB']:9,}"
            )
    _print_tokenizer([r for r in results if r["case"] == "tokenizer" and "rows" in r])
    for r in (r for r in results if r["case"] == "threshold" and "rows" in r):
        print("\nthreshold: tokenizer CPU µs per character of one word of n symbols")
        print(f"{'n':13} " + " ".join(f"{n:>6}" for n in WORD_LENGTHS))
        for row in r["rows"]:
            print(f"{row['kind']:13} " + " ".join(f"{row[str(n)]:6.2f}" for n in WORD_LENGTHS))
    _print_rules([r for r in results if "top" in r])


def _print_tokenizer(results: list[dict[str, Any]]) -> None:
    if not results:
        return
    print("\ntokenizer: CPU ms of nlp.tokenizer on one run, raw and through chunks.parsable")
    print(
        f"{'run':13} {'length':>7} {'raw ms':>9} {'x/doubling':>10} {'longest':>7} "
        f"{'parsable ms':>11} {'x/doubling':>10} {'longest':>7}"
    )
    for r in results:
        before = None
        for row in r["rows"]:
            ratios = ["", ""]
            if before is not None and row["length"] == 2 * before["length"]:
                ratios = [f"{row[k] / max(before[k], 1e-9):.1f}" for k in ("raw ms", "parsable ms")]
            print(
                f"{r['kind']:13} {row['length']:7,} {row['raw ms']:9.1f} {ratios[0]:>10} "
                f"{row['raw longest']:7,} {row['parsable ms']:11.1f} {ratios[1]:>10} "
                f"{row['parsable longest']:7,}"
            )
            before = row


def _print_rules(results: list[dict[str, Any]]) -> None:
    for case in dict.fromkeys(r["case"] for r in results):
        rows = [r for r in results if r["case"] == case]
        print(f"\n{case}: quotelib's own code (quotes_from_doc), the parse apart")
        print(
            f"{'scale':>6} {'chars':>9} {'tokens':>8} {'parse s':>8} {'rules s':>8} "
            f"{'rules CPU s':>11} {'x/doubling':>10} {'quotes':>7}"
        )
        before = None
        for r in rows:
            ratio = ""
            if before is not None and r["scale"] == 2 * before["scale"]:
                ratio = f"{r['rules CPU s'] / max(before['rules CPU s'], 1e-9):.1f}"
            print(
                f"{r['scale']:6} {r['characters']:9,} {r['tokens']:8,} {r['parse s']:8.1f} "
                f"{r['rules s']:8.2f} {r['rules CPU s']:11.2f} {ratio:>10} {r['quotes']:7,}"
            )
            before = r
        print(f"  top quotelib functions by cumulative time (cProfile), scale {rows[-1]['scale']}:")
        for f in rows[-1]["top"]:
            print(
                f"    {f['cum s']:8.2f} s cum {f['own s']:8.2f} s own {f['calls']:>9,} calls  "
                f"{f['function']}"
            )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cases", default="extract,parse,chunked", help=",".join(CASES))
    parser.add_argument("--sizes", default="0.25,1,5", help="text sizes in MB (1 MB: 10^6 chars)")
    parser.add_argument("--chunk-sizes", default="3000,10000,30000,100000")
    parser.add_argument("--scales", default="0.25,0.5,1", help="of the quotelib-only cases")
    parser.add_argument("--anatomy-size", type=float, default=1.0)
    parser.add_argument("--checkout", type=Path, default=ROOT, help="quotelib to import")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument(
        "--show", type=Path, nargs="+", help="print the tables of saved --json files"
    )
    args = parser.parse_args(argv)
    args.cases = args.cases.split(",")
    unknown = sorted(set(args.cases) - set(CASES))
    if unknown:
        parser.error(f"unknown cases {unknown} (expected some of {', '.join(CASES)})")
    args.sizes = [float(size) for size in args.sizes.split(",")]
    args.chunk_sizes = [int(size) for size in args.chunk_sizes.split(",")]
    args.scales = [float(scale) for scale in args.scales.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    if args.show:
        print_tables([r for path in args.show for r in json.loads(path.read_text("utf-8"))])
        return 0
    results = []
    for spec in plan(args):
        print("running", json.dumps(spec), flush=True, file=sys.stderr)
        results.append(measure(spec, args.checkout.resolve()))
    print_tables(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

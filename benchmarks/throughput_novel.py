"""Whole novels through ``quotelib.extract_quotes``: characters per second and peak memory.

The annotated novels (``pdnc-dev.jsonl``) hold each novel as consecutive chunks;
:func:`build_novels` joins each novel's chunks in ``meta.chunk`` order (each starts at
its ``meta.novel_offset``) into the whole text, and shifts the gold quotes with them.
:func:`novel_here` times ``quotelib.extract_quotes`` on one whole novel in the process
of its measurement (``throughput.py --measure``), so that its peak memory is its own;
:func:`novel_lines` prints the table beside the news one, with the news (c)'s
characters per second and the partial@0.3 F1 of each novel, scored on quoted speech
(direct and mixed predictions) as the accuracy benchmark scores the chunks.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from throughput_measure import ROOT, cpu_seconds, load_gold, measure, own_peaks
from throughput_report import format_table, mib

DEFAULT_NOVELS = ROOT.parent / "shared" / "data" / "pdnc-dev.jsonl"
#: Characters of the novel's start that each measurement reads before its clock starts.
WARMUP_CHARS = 5_000
#: The predicted kinds scored against the novels (they annotate quoted speech only).
SCORED_KINDS = ("direct", "mixed")


def build_novels(path: Path) -> dict[str, dict[str, Any]]:
    """Each novel of the file as one gold document, its chunks joined in order.

    Returns:
        Novel name → ``{"id", "text", "quotes"}``, the quotes' offsets shifted
        to the whole text, in the order the novels first appear in the file.

    Raises:
        ValueError: a chunk does not start where the previous ones end.
    """
    chunks: dict[str, list[dict[str, Any]]] = {}
    for doc in load_gold(path, None):
        chunks.setdefault(doc["meta"]["novel"], []).append(doc)
    return {name: _joined(name, parts) for name, parts in chunks.items()}


def _joined(name: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    texts, quotes = [], []
    for doc in sorted(parts, key=lambda d: d["meta"]["chunk"]):
        offset = sum(map(len, texts))
        if doc["meta"]["novel_offset"] != offset:
            msg = (
                f"{name} chunk {doc['meta']['chunk']} starts at {doc['meta']['novel_offset']}, "
                f"not at {offset} where the chunks before it end"
            )
            raise ValueError(msg)
        texts.append(doc["text"])
        quotes += [shifted(quote, offset) for quote in doc["quotes"]]
    return {"id": name, "text": "".join(texts), "quotes": quotes}


def shifted(quote: dict[str, Any], offset: int) -> dict[str, Any]:
    """A quote dict (gold or predicted) with its spans moved by ``offset`` characters."""
    moved = dict(quote)
    for field in ("content", "speaker", "cue"):
        if quote.get(field) is not None:
            moved[field] = [quote[field][0] + offset, quote[field][1] + offset]
    moved["content_parts"] = [[s + offset, e + offset] for s, e in quote["content_parts"]]
    return moved


def chosen_novels(path: Path, names: Sequence[str], count: int) -> list[str]:
    """The novels to time: those named, else the first ``count`` of the file."""
    novels = list(build_novels(path))
    unknown = [name for name in names if name not in novels]
    if unknown:
        msg = f"--novel must name novels of {path} ({', '.join(novels)}); got {unknown}"
        raise ValueError(msg)
    return list(names) if names else novels[:count]


def novel_here(spec: dict[str, Any]) -> dict[str, Any]:
    """Time ``quotelib.extract_quotes`` on one whole novel, in this process."""
    from quotelib import extract_quotes
    from quotelib.parse.model import load_pipeline

    novel = build_novels(Path(spec["novel_data"]))[spec["novel"]]
    text = novel["text"]
    load_pipeline(spec["model"])  # loaded once and cached: outside the clock
    extract_quotes(text[:WARMUP_CHARS], nlp=spec["model"])
    cpu, started = cpu_seconds(), time.perf_counter()
    quotes = extract_quotes(text, nlp=spec["model"])
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    spans = [s for q in quotes for s in (q.content, *q.content_parts, q.speaker, q.cue) if s]
    return {
        "novel": spec["novel"],
        "chars": len(text),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "quotes": len(quotes),
        "bad_offsets": sum(text[s.start : s.end] != s.text for s in spans),
        "predictions": [quote.to_dict() for quote in quotes],
        **own_peaks(),
    }


def run_novels(base: dict[str, Any], path: Path, names: Sequence[str]) -> list[dict[str, Any]]:
    """Each novel measured in a fresh process, scored against its gold quotes."""
    from quotelib import evaluate

    novels = build_novels(path)
    results = []
    for name in names:
        print(f"whole novel: {name} ({len(novels[name]['text']):,} characters)", flush=True)
        result = measure({**base, "variant": "novel", "novel": name, "novel_data": str(path)})
        found = {name: result.pop("predictions")}
        scores = evaluate([novels[name]], found, kinds=SCORED_KINDS)
        result.update(f1=scores.partial_03.f1, name_accuracy=scores.name_accuracy)
        results.append(result)
    return results


def novel_lines(results: list[dict[str, Any]], news_chars_per_second: float | None) -> list[str]:
    """The table of the whole novels, with the news (c)'s characters per second."""
    header = ["whole novel, quotelib.extract_quotes", "characters", "seconds", "CPU s"]
    header += ["chars/s", "quotes", "bad offsets", "RSS MiB", "tree PSS MiB", "F1@.3", "name"]
    rows = [
        [
            r["novel"],
            f"{r['chars']:,}",
            f"{r['seconds']:.1f}",
            f"{r['cpu_seconds']:.1f}",
            f"{r['chars'] / r['seconds']:,.0f}",
            f"{r['quotes']:,}",
            str(r["bad_offsets"]),
            mib(r["rss_peak"]),
            mib(r["tree_pss_sampled"]),
            f"{r['f1']:.3f}",
            f"{r['name_accuracy']:.3f}",
        ]
        for r in results
    ]
    news = "-" if news_chars_per_second is None else f"{news_chars_per_second:,.0f}"
    return [
        format_table(header, rows),
        f"  news, (c) quotelib.pipe over the articles above: {news} chars/s (median round). "
        "Each novel is one text in a fresh process (model loading and the first "
        f"{WARMUP_CHARS:,} characters outside the clock); F1@.3 and speaker name accuracy "
        "of its direct and mixed quotes against the novel's annotations.",
    ]

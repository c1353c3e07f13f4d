"""Fit the speaker ranker's weights on the dev novels; score them leave-one-novel-out.

The eight novels of ``pdnc-dev.jsonl`` are rebuilt whole in memory
(``throughput_novel.build_novels``: each chunk's ``meta.novel_offset``;
nothing is written into the repository) and read by quotelib as one text
each. For each quotation the ranker would weigh (:mod:`quotelib.core.scene`),
its candidates and their features are kept, with the candidates the
annotation names (the speaker's main name or an alias, by the measure's name
test). A conditional logit (the gold candidates' share of a softmax over the
quotation's candidates) scores each candidate by a linear part, one weight per
feature, plus a hidden layer of :data:`HIDDEN` tanh units of the features,
fitted by L-BFGS with an L2 penalty from weights drawn with a fixed seed.

Leave-one-novel-out: for each novel, the weights are fitted on the seven
others and quotelib reads the held-out novel with them; its quotes are scored
by :func:`quotelib.evaluate` (quoted speech, speaker by name, by
``pdnc_quote_type``), beside the rules alone on the same reading. Only this
score estimates the ranker on a novel it has not seen. ``--ablation`` also
scores it without each group of features. ``--write`` fits on all eight
novels and writes ``quotelib/core/speaker_model.py`` with the
leave-one-novel-out score in its docstring.

Usage::

    python benchmarks/fit_speakers.py [--data FILE] [--cache DIR] [--write] [--ablation]
        [--penalty L2] [--json OUT]

``--cache DIR`` (outside the repository) keeps each novel's parse, so that a
second run reads in seconds instead of minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import numpy as np
from accuracy_systems import ROOT
from scipy.optimize import minimize
from spacy.tokens import DocBin
from throughput_novel import build_novels

import quotelib
import quotelib.core.stages
from quotelib.core import ranker
from quotelib.core.build import build_quotes
from quotelib.core.ranker import Ranked, SpeakerModel
from quotelib.core.scene import Scene
from quotelib.evaluation.matching import gold_item, match, predicted_item
from quotelib.evaluation.name_match import names_match
from quotelib.parse.chunks import parse_text

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "pdnc-dev.jsonl"
MODEL_FILE = ROOT / "quotelib" / "core" / "speaker_model.py"
KINDS = ("direct", "mixed")
#: Feature groups left out one at a time by ``--ablation`` (by the prefix of their names).
#: The L2 penalty, the hidden units and the seed of their starting weights: chosen by the
#: leave-one-novel-out score in trials (penalties of 1 to 30, 0 to 16 units).
PENALTY = 10.0
HIDDEN = 8
SEED = 0

GROUPS = {
    "the rules' choice": ("chosen:",),
    "distances": ("before", "after", "right_", "window_count"),
    "this paragraph": ("named_here", "subject_here", "speech_subject_here"),
    "introduction": ("introduced",),
    "named inside": ("named_inside",),
    "turns before": ("spoke_back", "adjacent_back", "same_paragraph_before", "addressed_before"),
    "turns after": ("named_ahead",),
    "gender": ("gender_",),
    "frequency": ("book_count",),
}


@attrs.frozen
class Reading:
    """One novel as quotelib read it, up to the ranking, with its annotation."""

    novel: dict[str, Any]
    scene: Scene
    inputs: tuple  # (view, attributions, entities, resolved) as rank_speakers receives them
    gold: dict[int, list[str]]  # attribution index -> the gold speaker's names


def parse(novel: dict[str, Any], nlp: Any, cache: Path | None) -> Any:
    """The novel's parse, read from ``cache`` when it holds one made by this pipeline
    (its name, version, components and tokenizer rules) of this text."""
    path = None if cache is None else cache / f"{novel['id']}-{_parse_key(novel, nlp)}.spacy"
    if path is not None and path.exists():
        [doc] = DocBin().from_disk(path).get_docs(nlp.vocab)
        return doc
    doc = parse_text(novel["text"], nlp)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=[doc]).to_disk(path)
    return doc


def _parse_key(novel: dict[str, Any], nlp: Any) -> str:
    infixes = getattr(getattr(nlp.tokenizer.infix_finditer, "__self__", None), "pattern", "")
    said = [nlp.meta.get("name"), nlp.meta.get("version"), nlp.pipe_names, infixes]
    said.append(novel["text"])
    return hashlib.sha256(json.dumps(said).encode("utf-8")).hexdigest()[:12]


def read(novel: dict[str, Any], doc: Any) -> Reading:
    """quotelib's reading of a novel, caught as the ranker receives it."""
    caught: list[tuple] = []

    def catch(view, attributions, entities, resolved, model=ranker.MODEL):  # noqa: ANN001
        caught.append((view, attributions, entities, resolved))
        return Ranked(attributions=tuple(attributions), speakers=resolved)

    with mock.patch.object(quotelib.core.stages, "rank_speakers", catch):
        quotelib.quotes_from_doc(doc, text=novel["text"])
    [inputs] = caught
    scene = Scene(*inputs)
    return Reading(novel=novel, scene=scene, inputs=inputs, gold=_gold(novel, scene, inputs))


def _gold(novel: dict[str, Any], scene: Scene, inputs: tuple) -> dict[int, list[str]]:
    """The gold speaker's names of each turn paired with an annotated quotation."""
    view, attributions, _, resolved = inputs
    text, turns = novel["text"], scene.turns()
    built = [build_quotes(view, [attributions[t.index]], [resolved.names[t.index]]) for t in turns]
    kept = [(t, q[0]) for t, q in zip(turns, built) if q and q[0].kind in KINDS]
    golds = [gold_item(q, text, None, "") for q in novel["quotes"]]
    preds = [predicted_item(q.to_dict(), text, "", KINDS, None) for _, q in kept]
    found = {}
    for gi, pi in match(golds, preds, "partial@0.3"):
        quote = novel["quotes"][gi]
        names = [quote.get("speaker_text"), *(quote.get("speaker_aliases") or ())]
        found[kept[pi][0].index] = [name for name in names if name]
    return found


def examples(reading: Reading) -> Iterator[tuple[list[dict[str, float]], list[int]]]:
    """Each paired turn's candidates' features and the gold ones among them."""
    scene, history = reading.scene, []
    for turn in scene.turns():
        candidates = scene.candidates(turn, history)
        names = reading.gold.get(turn.index)
        if names and not (turn.how == "name" and turn.chosen in scene.people):
            gold = [
                n
                for n, c in enumerate(candidates)
                if any(names_match(scene.entity(c.key).name, name) for name in names)
            ]
            yield [dict(c.features) for c in candidates], gold
        history.append((turn, turn.chosen))


def fit(
    rows: list[tuple[list[dict[str, float]], list[int]]], penalty: float, hidden: int = HIDDEN
) -> SpeakerModel:
    """A conditional logit over each turn's candidates, its score linear in the features
    plus ``hidden`` tanh units of them (none: linear alone), started from
    :data:`SEED`'s small random weights and fitted by L-BFGS with an L2 penalty."""
    rows = [(f, gold) for f, gold in rows if gold and len(gold) < len(f)]  # else nothing to learn
    names = sorted({name for features, _ in rows for f in features for name in f})
    index = {name: n for n, name in enumerate(names)}
    x = np.zeros((sum(len(f) for f, _ in rows), len(names)))
    y = np.zeros(len(x))
    starts, at = [], 0
    for features, gold in rows:
        starts.append(at)
        for r, f in enumerate(features):
            for name, value in f.items():
                x[at + r, index[name]] = value
        y[[at + g for g in gold]] = 1.0
        at += len(features)
    starts = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))
    d = len(names)
    shapes = [(d,), (d, hidden), (hidden,), (hidden,)]  # linear, into the units, bias, output
    cuts = np.cumsum([int(np.prod(shape)) for shape in shapes])[:-1]

    def unpack(theta: np.ndarray) -> list[np.ndarray]:
        return [part.reshape(shape) for part, shape in zip(np.split(theta, cuts), shapes)]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        linear, into, bias, output = unpack(theta)
        units = np.tanh(x @ into + bias)
        s = x @ linear + units @ output
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        right = np.add.reduceat(p * y, starts)
        # d(-log right)/ds = p - p*y/right, per candidate of the group
        ds = p - p * y / right[group]
        du = np.outer(ds, output) * (1 - units**2)
        grad = np.concatenate([x.T @ ds, (x.T @ du).ravel(), du.sum(0), units.T @ ds])
        return float(0.5 * penalty * theta @ theta - np.log(right).sum()), penalty * theta + grad

    start = np.random.default_rng(SEED).normal(0, 0.1, int(cuts[-1]) + hidden)
    start[:d] = 0.0  # the linear part from zero
    found = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    linear, into, bias, output = unpack(found.x)
    return SpeakerModel(
        weights={name: _plain(w) for name, w in zip(names, linear)},
        hidden={name: tuple(_plain(w) for w in row) for name, row in zip(names, into)},
        bias=tuple(_plain(b) for b in bias),
        output=tuple(_plain(w) for w in output),
    )


def _plain(weight: float) -> float:
    return round(float(weight), 4) + 0.0  # no "-0.0"


def score(reading: Reading, model: SpeakerModel | None) -> quotelib.Evaluation:
    """The held-out novel's quotes scored, read with ``model`` (``None``: the rules alone)."""
    view, attributions, entities, resolved = reading.inputs
    ranked = (
        ranker.rank_speakers(view, attributions, entities, resolved, model)
        if model is not None
        else Ranked(attributions=tuple(attributions), speakers=resolved)
    )
    quotes = build_quotes(view, ranked.attributions, ranked.speakers.names)
    novel = reading.novel
    return quotelib.evaluate([novel], {novel["id"]: quotes}, kinds=KINDS, by="pdnc_quote_type")


@contextlib.contextmanager
def using(model: SpeakerModel) -> Iterator[None]:
    """quotelib reads with ``model`` instead of the shipped one (benchmarks only)."""
    with (
        mock.patch.object(ranker, "MODEL", model),
        mock.patch("quotelib.core.ranker.rank_speakers.__defaults__", (model,)),
    ):
        yield


class LeaveOneOut:
    """quotelib reading each novel with a ranker fitted on the other novels: the system row
    of ``benchmarks/accuracy.py`` that estimates the ranker on a novel it has not seen.

    The models are fitted on the first call (the benchmark's warm-up, off the clock).
    """

    def __init__(self, novels: list[dict[str, Any]], nlp: Any, penalty: float = PENALTY) -> None:
        self.novels, self.nlp, self.penalty = novels, nlp, penalty
        self.models: dict[str, SpeakerModel] | None = None

    def __call__(self, novel_id: str, text: str) -> list[Any]:
        if self.models is None:
            readings = [read(novel, parse(novel, self.nlp, None)) for novel in self.novels]
            self.models = leave_one_novel_out(readings, self.penalty)
        with using(self.models[novel_id]):
            return quotelib.extract_quotes(text, nlp=self.nlp)


def leave_one_novel_out(
    readings: list[Reading], penalty: float, without: tuple[str, ...] = ()
) -> dict[str, SpeakerModel]:
    """Each novel's model, fitted on the other novels (features starting with ``without``
    left out)."""
    rows = {r.novel["id"]: list(examples(r)) for r in readings}
    if without:
        rows = {
            name: [([_drop(f, without) for f in fs], gold) for fs, gold in found]
            for name, found in rows.items()
        }
    return {
        held: fit([row for name, found in rows.items() if name != held for row in found], penalty)
        for held in rows
    }


def _drop(features: dict[str, float], prefixes: tuple[str, ...]) -> dict[str, float]:
    return {name: value for name, value in features.items() if not name.startswith(prefixes)}


def summary(evaluations: list[quotelib.Evaluation]) -> dict[str, float]:
    """Speaker-name accuracy over the novels, all and by quote type (pooled counts)."""
    right, total = {}, {}
    for evaluation in evaluations:
        right["all"] = right.get("all", 0) + evaluation.name_right
        total["all"] = total.get("all", 0) + evaluation.speaker_total
        for row in evaluation.by_field.rows:
            right[row.value] = right.get(row.value, 0) + row.name_right
            total[row.value] = total.get(row.value, 0) + row.speaker_total
    return {key: round(right[key] / total[key], 4) for key in total if total[key]}


def write_model(model: SpeakerModel, loo: dict[str, float], rules: dict[str, float]) -> None:
    weights = "".join(
        f"    {json.dumps(name)}: {weight},\n" for name, weight in sorted(model.weights.items())
    )
    hidden = "".join(
        f"    {json.dumps(name)}: {tuple(row)!r},\n" for name, row in sorted(model.hidden.items())
    )
    MODEL_FILE.write_text(
        '"""The weights of :mod:`quotelib.core.ranker`, fitted by ``benchmarks/fit_speakers.py``.\n\n'
        "Generated: do not edit by hand; run ``python benchmarks/fit_speakers.py --write``.\n"
        "Fitted on the eight novels of pdnc-dev.jsonl, each read whole. Leave-one-novel-out\n"
        f"speaker-name accuracy of quoted speech: {_line(loo)}\n"
        f"(the rules alone, same readings: {_line(rules)}).\n"
        "WEIGHTS is the linear part; HIDDEN holds each feature's weights into the hidden\n"
        "units, BIAS their biases and OUTPUT their weights in the score.\n"
        '"""\n\n'
        "# fmt: off\n"
        f"WEIGHTS: dict[str, float] = {{\n{weights}}}\n\n"
        f"HIDDEN: dict[str, tuple[float, ...]] = {{\n{hidden}}}\n\n"
        f"BIAS: tuple[float, ...] = {tuple(model.bias)!r}\n\n"
        f"OUTPUT: tuple[float, ...] = {tuple(model.output)!r}\n"
        "# fmt: on\n",
        encoding="utf-8",
    )


def _line(scores: dict[str, float]) -> str:
    return ", ".join(f"{key} {value:.3f}" for key, value in sorted(scores.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, help="a folder (outside the repository) for parses")
    parser.add_argument(
        "--penalty", type=float, default=PENALTY, help=f"L2 penalty (default {PENALTY})"
    )
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    parser.add_argument("--ablation", action="store_true", help="also without each group")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    nlp = quotelib.load_pipeline()
    readings = []
    for novel in build_novels(args.data).values():
        readings.append(read(novel, parse(novel, nlp, args.cache)))
        print(f"read {novel['id']} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    rules = summary([score(r, None) for r in readings])
    models = leave_one_novel_out(readings, args.penalty)
    loo = summary([score(r, models[r.novel["id"]]) for r in readings])
    numbers: dict[str, Any] = {"rules": rules, "leave-one-novel-out": loo}
    print(f"rules alone:          {_line(rules)}")
    print(f"leave-one-novel-out:  {_line(loo)}")
    if args.ablation:
        for group, prefixes in GROUPS.items():
            fold = leave_one_novel_out(readings, args.penalty, prefixes)
            found = summary([score(r, fold[r.novel["id"]]) for r in readings])
            numbers[f"without {group}"] = found
            print(f"without {group + ':':21s} {_line(found)}")
    if args.write:
        model = fit([row for r in readings for row in examples(r)], args.penalty)
        write_model(model, loo, rules)
        print(f"wrote {MODEL_FILE}")
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"{time.perf_counter() - started:.0f} s in all", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

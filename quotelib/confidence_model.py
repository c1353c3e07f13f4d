"""The coefficients of :mod:`quotelib.confidence`, fitted by ``benchmarks/fit_confidence.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_confidence.py --write``.
Fitted on 6291 predictions of quotelib on polnear-dev.jsonl.
"""

INTERCEPT = -1.3295

WEIGHTS: dict[str, float] = {
    "attribution_words=1-10": 0.0973,
    "attribution_words=11-25": 0.1553,
    "attribution_words=26-50": 0.0217,
    "attribution_words=>50": -0.2744,
    "content_words=1-3": -1.1607,
    "content_words=21-50": 0.5662,
    "content_words=4-8": -0.4129,
    "content_words=9-20": 0.1802,
    "content_words=>50": 0.8271,
    "cue_class=none": 0.0000,
    "cue_distance=0-2": 1.7120,
    "cue_distance=3-30": 2.0623,
    "cue_distance=31-100": 1.5393,
    "cue_distance=>100": 1.1513,
    "kind=direct": 0.6802,
    "kind=indirect": -0.6380,
    "kind=mixed": -0.0422,
    "marks_unbalanced": -0.4556,
    "rule=according-to": 1.2266,
    "rule=adjective": 0.2588,
    "rule=alternation": -1.0563,
    "rule=carried": -0.1846,
    "rule=colon": 0.1569,
    "rule=dash": 0.7386,
    "rule=direct": -0.6570,
    "rule=narrative": -0.4587,
    "rule=noun": 0.0724,
    "rule=transcript": 0.8399,
    "rule=utterance": -0.5773,
    "rule=verb": 0.5102,
    "several_parts": 0.2854,
    "speaker=anonymous": 0.2709,
    "speaker=name": 0.3137,
    "speaker=none": -1.5684,
    "speaker=pronoun": 0.2897,
    "speaker=role": 0.6964,
    "speaker=surname": 0.5583,
    "speaker=unresolved": -0.5606,
    "speaker_distance=0-2": 0.3135,
    "speaker_distance=3-30": 0.6430,
    "speaker_distance=31-100": 0.3855,
    "speaker_distance=>100": 0.2265,
}

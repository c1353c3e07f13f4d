"""The weights of :mod:`quotelib.core.ranker`, fitted by ``benchmarks/fit_speakers.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_speakers.py --write``.
Fitted on the eight novels of pdnc-dev.jsonl, each read whole. Leave-one-novel-out
speaker-name accuracy of quoted speech: Anaphoric 0.636, Explicit 0.912, Implicit 0.671, all 0.736, unknown 0.200
(the rules alone, same readings: Anaphoric 0.550, Explicit 0.901, Implicit 0.605, all 0.682, unknown 0.600).
"""

WEIGHTS: dict[str, float] = {
    "addressed_before": 0.5161,
    "adjacent_back1": -1.3141,
    "adjacent_back2": 0.5526,
    "after:0": -1.4339,
    "after:1": -0.6315,
    "after:2": 0.8415,
    "before:0": -0.1552,
    "before:1": 0.3644,
    "before:2": 0.9015,
    "before:3": 0.4383,
    "before:4": 0.1688,
    "before:5": -0.1696,
    "before:none": -1.5482,
    "before_chars": 1.761,
    "book_count": 1.8227,
    "chosen:noun": 1.9898,
    "chosen:pronoun": 0.9917,
    "chosen:turn-alternation": 0.6531,
    "chosen:turn-carried": 0.3609,
    "chosen:turn-narrative": 0.5669,
    "chosen:turn-vocative": 2.2886,
    "gender_agree": 0.6725,
    "gender_conflict": -1.0306,
    "gender_unknown": 0.358,
    "introduced": 1.1722,
    "named_ahead_1": -1.8403,
    "named_ahead_2": 0.4547,
    "named_here": 1.8701,
    "named_inside": -2.3806,
    "right_after": 0.4491,
    "right_before": 0.1212,
    "same_paragraph_before": 0.717,
    "speech_subject_here": -0.2053,
    "spoke_back_1": 0.2068,
    "spoke_back_2": 0.2994,
    "spoke_back_3": 0.4616,
    "spoke_back_4": 0.2109,
    "subject_here": 0.7877,
    "window_count": 0.5801,
}

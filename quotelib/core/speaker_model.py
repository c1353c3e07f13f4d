"""The weights of :mod:`quotelib.core.ranker`, fitted by ``benchmarks/fit_speakers.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_speakers.py --write``.
Fitted on the eight novels of pdnc-dev.jsonl, each read whole. Leave-one-novel-out
speaker-name accuracy of quoted speech: Anaphoric 0.624, Explicit 0.896, Implicit 0.668, all 0.727, unknown 0.200
(the rules alone, same readings: Anaphoric 0.554, Explicit 0.891, Implicit 0.603, all 0.680, unknown 0.600).
"""

WEIGHTS: dict[str, float] = {
    "addressed_before": 0.4638,
    "adjacent_back1": -1.3435,
    "adjacent_back2": 0.5284,
    "after:0": -1.4832,
    "after:1": -0.976,
    "after:2": 0.9549,
    "before:0": -0.1992,
    "before:1": 0.3263,
    "before:2": 0.8778,
    "before:3": 0.4626,
    "before:4": 0.1815,
    "before:5": -0.1602,
    "before:none": -1.4888,
    "before_chars": 1.6508,
    "book_count": 1.8165,
    "chosen:noun": 2.0276,
    "chosen:pronoun": 1.0183,
    "chosen:turn-alternation": 0.7051,
    "chosen:turn-carried": 0.3374,
    "chosen:turn-narrative": 0.5654,
    "chosen:turn-vocative": 2.3118,
    "gender_agree": 0.6899,
    "gender_conflict": -1.0322,
    "gender_unknown": 0.3423,
    "introduced": 1.1916,
    "named_here": 1.8341,
    "named_inside": -2.3274,
    "right_after": 0.3784,
    "right_before": 0.1353,
    "same_paragraph_before": 0.7287,
    "speech_subject_here": -0.2367,
    "spoke_back_1": 0.1744,
    "spoke_back_2": 0.2961,
    "spoke_back_3": 0.439,
    "spoke_back_4": 0.1793,
    "subject_here": 0.8149,
    "window_count": 0.5868,
}

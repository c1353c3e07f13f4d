"""The weights of :mod:`quotelib.core.ranker`, fitted by ``benchmarks/fit_speakers.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_speakers.py --write``.
Fitted on the eight novels of pdnc-dev.jsonl, each read whole. Leave-one-novel-out
speaker-name accuracy of quoted speech: Anaphoric 0.594, Explicit 0.878, Implicit 0.638, all 0.701, unknown 0.200
(the rules alone, same readings: Anaphoric 0.531, Explicit 0.882, Implicit 0.588, all 0.664, unknown 0.600).
"""

WEIGHTS: dict[str, float] = {
    "addressed_before": 0.5436,
    "adjacent_back1": -1.3337,
    "adjacent_back2": 0.5697,
    "after:0": -1.2806,
    "after:1": -0.9273,
    "after:2": 0.9781,
    "before:0": -0.1092,
    "before:1": 0.3062,
    "before:2": 0.8267,
    "before:3": 0.4953,
    "before:4": 0.2496,
    "before:5": -0.0742,
    "before:none": -1.6945,
    "before_chars": 1.9284,
    "book_count": 1.2796,
    "chosen:noun": 1.4294,
    "chosen:pronoun": 1.0732,
    "chosen:turn-alternation": 0.6277,
    "chosen:turn-carried": -0.129,
    "chosen:turn-narrative": 0.6295,
    "chosen:turn-vocative": 2.2585,
    "gender_agree": 1.269,
    "gender_conflict": -0.2505,
    "gender_unknown": -1.0185,
    "introduced": 1.2711,
    "named_here": 1.6501,
    "named_inside": -2.0213,
    "right_after": 0.2645,
    "right_before": -0.0082,
    "same_paragraph_before": 0.3009,
    "speech_subject_here": -0.1912,
    "spoke_back_1": 0.3043,
    "spoke_back_2": 0.3401,
    "spoke_back_3": 0.4446,
    "spoke_back_4": 0.1235,
    "subject_here": 0.9203,
    "window_count": 0.5656,
}

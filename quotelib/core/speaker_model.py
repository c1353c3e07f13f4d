"""The weights of :mod:`quotelib.core.ranker`, fitted by ``benchmarks/fit_speakers.py``.

Generated: do not edit by hand; run ``python benchmarks/fit_speakers.py --write``.
Fitted on the eight novels of pdnc-dev.jsonl, each read whole. Leave-one-novel-out
speaker-name accuracy of quoted speech: Anaphoric 0.639, Explicit 0.914, Implicit 0.677, all 0.740, unknown 0.200
(the rules alone, same readings: Anaphoric 0.551, Explicit 0.903, Implicit 0.613, all 0.687, unknown 0.600).
"""

WEIGHTS: dict[str, float] = {
    "addressed_before": 0.5185,
    "adjacent_back1": -1.3529,
    "adjacent_back2": 0.5214,
    "after:0": -1.4877,
    "after:1": -0.6283,
    "after:2": 0.8082,
    "before:0": -0.1449,
    "before:1": 0.3699,
    "before:2": 0.8897,
    "before:3": 0.4276,
    "before:4": 0.1637,
    "before:5": -0.1762,
    "before:none": -1.5298,
    "before_chars": 1.7614,
    "book_count": 1.8306,
    "chosen:noun": 2.026,
    "chosen:pronoun": 0.9971,
    "chosen:turn-alternation": 0.6801,
    "chosen:turn-carried": 0.3643,
    "chosen:turn-narrative": 0.5652,
    "chosen:turn-vocative": 2.2913,
    "gender_agree": 0.6473,
    "gender_conflict": -1.0856,
    "gender_unknown": 0.4384,
    "introduced": 1.1892,
    "named_ahead_1": -1.8222,
    "named_ahead_2": 0.5404,
    "named_here": 1.8892,
    "named_inside": -2.3375,
    "right_after": 0.4436,
    "right_before": 0.0764,
    "same_paragraph_before": 0.7433,
    "speech_subject_here": -0.167,
    "spoke_back_1": 0.1957,
    "spoke_back_2": 0.3103,
    "spoke_back_3": 0.4686,
    "spoke_back_4": 0.2087,
    "subject_here": 0.7623,
    "window_count": 0.5929,
}

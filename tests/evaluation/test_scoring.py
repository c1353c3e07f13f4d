"""Tests of the measure in quotelib.evaluation.scoring, on small hand-built documents."""

from __future__ import annotations

import importlib
import json
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotelib
from quotelib.evaluation.scores import format_breakdown
from quotelib.evaluation.scoring import (
    Evaluation,
    Scores,
    evaluate,
    format_comparison,
    judge,
    names_match,
)
from quotelib.records import Quote, TextSpan

TEXT = (
    "Vladimir Putin said on Friday that the plan would cut taxes for working families next "
    'year. "We will not back down," he told reporters. "Never," he added, '
    '"whatever they say." Critics called the plan "a gift to the rich".'
)


def _at(phrase: str, text: str = TEXT, nth: int = 0) -> list[int]:
    """The [start, end] offsets of the nth occurrence of ``phrase`` in ``text``."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    return [starts[nth], starts[nth] + len(phrase)]


def _quote(*parts: str, kind: str = "indirect", speaker: str | None = None, **extra) -> dict:
    """A quote dict whose content parts and speaker are given by their words."""
    spans = [_at(part) for part in parts]
    quote = {
        "content": [spans[0][0], spans[-1][1]],
        "content_parts": spans,
        "kind": kind,
        "speaker": _at(speaker) if speaker else None,
        "speaker_text": speaker,
    }
    quote.update(extra)
    return quote


def _gold(*quotes: dict, doc_id: str = "d1", text: str = TEXT) -> list[dict]:
    return [{"id": doc_id, "text": text, "quotes": list(quotes)}]


PLAN = "the plan would cut taxes for working families next year"  # 10 words
BACK_DOWN = _quote("We will not back down", kind="direct", speaker="he")
NEVER = _quote("Never", "whatever they say", kind="direct", speaker="he")
GIFT = _quote('the plan "a gift to the rich"', kind="mixed", speaker="Critics")
TAXES = _quote(PLAN, speaker="Vladimir Putin")


def test_evaluate_perfect_prediction_scores_one():
    gold = _gold(TAXES, BACK_DOWN, NEVER, GIFT)
    result = evaluate(gold, [{"id": "d1", "quotes": [TAXES, BACK_DOWN, NEVER, GIFT]}])
    for scores in (result.partial_03, result.partial_08, result.exact, result.end_to_end):
        assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
        assert (scores.tp, scores.n_pred, scores.n_gold) == (4, 4, 4)
    assert (result.speaker_accuracy, result.speaker_right, result.speaker_total) == (1.0, 4, 4)


@pytest.mark.parametrize(
    "covered, partial_03, partial_08",
    [
        ("the plan would", False, False),
        ("the plan would cut", True, False),
        ("the plan would cut taxes for working families", True, False),
        ("the plan would cut taxes for working families next", True, True),
    ],
    ids=["3_of_10", "4_of_10", "8_of_10", "9_of_10"],
)
def test_evaluate_threshold_needs_more_than_the_share(covered, partial_03, partial_08):
    result = evaluate(_gold(TAXES), {"d1": [_quote(covered)]})
    assert result.partial_03.tp == partial_03
    assert result.partial_08.tp == partial_08
    assert result.exact.tp == 0


def test_evaluate_exact_ignores_marks_and_punctuation():
    gold = _gold(_quote("We will not back down", kind="direct"))
    with_marks = _quote('"We will not back down,"', kind="direct")
    assert evaluate(gold, {"d1": [with_marks]}).exact.tp == 1
    one_word_more = _quote('"We will not back down," he', kind="direct")
    assert evaluate(gold, {"d1": [one_word_more]}).exact.tp == 0


def test_evaluate_matches_one_to_one():
    gold = _gold(TAXES)
    halves = [_quote("the plan would cut taxes"), _quote("for working families next year")]
    result = evaluate(gold, {"d1": halves})
    assert (result.partial_03.tp, result.partial_03.n_pred) == (1, 2)
    assert result.partial_03.precision == 0.5
    assert result.partial_03.recall == 1.0


def test_evaluate_greedy_takes_the_largest_overlap_first():
    # One prediction spans the "Never" quote and most of the "back down" one.
    gold = _gold(BACK_DOWN, NEVER)
    wide = _quote('not back down," he told reporters. "Never," he added, "whatever they say')
    narrow = _quote("We will")
    result = evaluate(gold, {"d1": [narrow, wide]})
    # wide shares 3 words with BACK_DOWN and 4 with NEVER: it takes NEVER, so
    # narrow (2 of 5 words, 40%) is left to match BACK_DOWN.
    assert result.partial_03.tp == 2


def test_evaluate_ties_go_to_the_better_covered_gold():
    text = "Jones said taxes rise and fall. Smith said taxes rise."
    earlier = {"content_parts": [_at("taxes rise and fall", text)], "kind": "indirect"}
    later = {"content_parts": [_at("taxes rise", text, nth=1)], "kind": "direct"}
    gold = [{"id": 1, "text": text, "quotes": [earlier, later]}]
    across = {"content_parts": [_at("and fall. Smith said taxes rise", text)], "kind": "direct"}
    # 2 shared words with each: "taxes rise" (2 of 2) beats the earlier one (2 of 4).
    result = evaluate(gold, {1: [across]})
    assert result.partial_03.recall_by_kind == (
        ("direct", 1, 1),
        ("indirect", 0, 1),
        ("mixed", 0, 0),
    )


def test_evaluate_compares_discontinuous_parts_by_their_words():
    gold = _gold(NEVER)
    assert evaluate(gold, {"d1": [NEVER]}).exact.tp == 1
    # One span across both parts also holds "he added": not exact, still 4 of 4 covered.
    across = _quote('Never," he added, "whatever they say', kind="direct")
    result = evaluate(gold, {"d1": [across]})
    assert (result.exact.tp, result.partial_08.tp) == (0, 1)
    # The first part alone covers 1 of 4 words: 25% is no match.
    assert evaluate(gold, {"d1": [_quote("Never")]}).partial_03.tp == 0


def test_evaluate_repeated_words_are_distinct_by_position():
    text = "He said no. She said no."
    gold = [{"id": 1, "text": text, "quotes": [{"content_parts": [[8, 10]], "kind": "indirect"}]}]
    other_no = {"content_parts": [[21, 23]], "kind": "indirect"}
    assert evaluate(gold, {1: [other_no]}).partial_03.tp == 0


def _speaker_result(prediction: dict, gold_quote: dict = TAXES) -> Evaluation:
    pred = {"content_parts": gold_quote["content_parts"], "kind": "indirect", **prediction}
    return evaluate(_gold(gold_quote), {"d1": [pred]})


@pytest.mark.parametrize(
    "prediction, right",
    [
        ({"speaker": _at("Putin")}, True),
        ({"speaker": _at("he"), "speaker_name": "Mr. Putin"}, True),
        ({"speaker": _at("he"), "speaker_text": "President Vladimir Putin"}, True),
        ({"speaker": _at("he"), "speaker_name": "Putin's"}, True),
        ({"speaker": _at("he"), "speaker_text": "he"}, False),
        ({"speaker": _at("Critics"), "speaker_name": "Critics"}, False),
        ({"speaker": None, "speaker_name": None}, False),
        ({"speaker": _at("he"), "speaker_name": "Dmitry Putin"}, False),
    ],
    ids=[
        "span_overlap",
        "title_dropped",
        "name_in_speaker_text",
        "trailing_s_dropped",
        "pronoun_only",
        "other_person",
        "missing_speaker",
        "different_first_name",
    ],
)
def test_evaluate_speaker_rules(prediction, right):
    result = _speaker_result(prediction)
    assert (result.speaker_right, result.speaker_total) == (int(right), 1)
    assert result.end_to_end.tp == int(right)


def test_evaluate_speaker_chain_counts_by_span_and_by_name():
    gold_quote = dict(BACK_DOWN, speaker_text="he", speaker_chain=[_at("Putin"), _at("he")])
    by_span = _speaker_result({"speaker": _at("Vladimir Putin")}, gold_quote)
    assert by_span.speaker_right == 1
    by_name = _speaker_result({"speaker": None, "speaker_name": "Mr. Putin"}, gold_quote)
    assert by_name.speaker_right == 1
    no_chain = dict(gold_quote, speaker_chain=[])
    assert _speaker_result({"speaker": None, "speaker_name": "Putin"}, no_chain).speaker_right == 0


def test_evaluate_name_accuracy_counts_the_resolved_name_only():
    # An overlapping "he" span gets the speaker right; only a name resolves it.
    gold_quote = dict(BACK_DOWN, speaker_text="he", speaker_chain=[_at("Putin"), _at("he")])
    as_written = {"speaker": _at("he"), "speaker_text": "he", "speaker_name": "he"}
    unresolved = _speaker_result(as_written, gold_quote)
    assert (unresolved.speaker_right, unresolved.name_right) == (1, 0)
    resolved = _speaker_result({**as_written, "speaker_name": "Vladimir Putin"}, gold_quote)
    assert (resolved.speaker_right, resolved.name_right, resolved.name_accuracy) == (1, 1, 1.0)
    wrong = _speaker_result({**as_written, "speaker_name": "Xi Jinping"}, gold_quote)
    assert (wrong.speaker_right, wrong.name_right) == (1, 0)


def test_evaluate_speaker_pronoun_chain_mention_does_not_match_by_name():
    gold_quote = dict(BACK_DOWN, speaker_text="he", speaker_chain=[_at("he")])
    result = _speaker_result({"speaker": _at("he", nth=1), "speaker_text": "he"}, gold_quote)
    assert result.speaker_right == 0


def test_evaluate_end_to_end_without_gold_speaker_wants_none():
    no_source = _quote(PLAN)
    silent = _speaker_result({"speaker": None}, no_source)
    assert (silent.end_to_end.tp, silent.speaker_total) == (1, 0)
    guessed = _speaker_result({"speaker": _at("Putin"), "speaker_name": "Putin"}, no_source)
    assert (guessed.end_to_end.tp, guessed.partial_03.tp) == (0, 1)


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [
        ("Mr. Putin", "Vladimir Putin", True),
        ("putin", "PUTIN", True),
        ("Sen. Bernie Sanders", "Bernie Sanders", True),
        ("Sanders’s", "Bernie Sanders", True),
        ("Bernie", "Sen. Sanders", False),
        ("He", "he", False),
        ("his campaign", "His", False),
        ("Jane Sanders", "Bernie Sanders", False),
        ("President", "President Obama", False),
    ],
)
def test_evaluate_names_match(predicted, gold, expected):
    assert names_match(predicted, gold) is expected
    assert names_match(gold, predicted) is expected


def test_evaluate_breaks_down_by_kind():
    gold = _gold(TAXES, BACK_DOWN, GIFT)
    as_direct = dict(GIFT, kind="direct")
    result = evaluate(gold, {"d1": [BACK_DOWN, as_direct, _quote("Critics called")]})
    scores = result.partial_03
    assert [scores.recall_of(k) for k in ("direct", "indirect", "mixed")] == [1.0, 0.0, 1.0]
    assert scores.precision_of("direct") == 1.0
    assert scores.precision_of("indirect") == 0.0
    assert scores.precision_by_kind == (("direct", 2, 2), ("indirect", 0, 1), ("mixed", 0, 0))
    assert result.to_dict()["partial@0.3"]["recall_by_kind"]["mixed"] == {
        "recall": 1.0,
        "tp": 1,
        "n_gold": 1,
    }


def test_evaluate_unknown_predicted_id_raises():
    with pytest.raises(ValueError, match="'elsewhere'"):
        evaluate(_gold(TAXES), [{"id": "d1", "quotes": []}, {"id": "elsewhere", "quotes": []}])


@pytest.mark.parametrize("side", ["gold", "predicted"])
def test_evaluate_duplicate_id_raises(side):
    gold = _gold(TAXES) * (2 if side == "gold" else 1)
    predicted = [{"id": "d1", "quotes": []}] * (2 if side == "predicted" else 1)
    with pytest.raises(ValueError, match="'d1' appears twice"):
        evaluate(gold, predicted)


def test_evaluate_document_without_prediction_predicts_nothing():
    gold = _gold(TAXES) + _gold(BACK_DOWN, doc_id="d2")
    result = evaluate(gold, {"d1": [TAXES]})
    assert (result.n_docs, result.partial_03.n_gold, result.partial_03.tp) == (2, 2, 1)
    assert result.partial_03.precision == 1.0


def test_evaluate_ignores_gold_quotes_without_words():
    text = TEXT + " ..."
    dots = {"content_parts": [_at("...", text)], "kind": "direct", "speaker": None}
    gold = _gold(TAXES, dots, text=text)
    result = evaluate(gold, {"d1": [TAXES]})
    assert result.n_gold_without_words == 1
    assert (result.partial_03.n_gold, result.partial_03.recall) == (1, 1.0)


def _records(text: str, quote: dict) -> Quote:
    def span(offsets):
        return None if offsets is None else TextSpan.from_offsets(text, *offsets)

    return Quote(
        kind=quote["kind"],
        content=span(quote["content"]),
        content_parts=[span(part) for part in quote["content_parts"]],
        speaker=span(quote["speaker"]),
        speaker_name=quote.get("speaker_name"),
    )


def test_evaluate_accepts_quote_objects_and_dicts():
    gold = _gold(TAXES, BACK_DOWN, GIFT)
    quotes = [_records(TEXT, q) for q in (TAXES, dict(GIFT, speaker=None, speaker_name="critics"))]
    as_objects = evaluate(gold, {"d1": quotes})
    as_dicts = evaluate(gold, [{"id": "d1", "quotes": [q.to_dict() for q in quotes]}])
    assert as_objects == as_dicts
    assert (as_objects.partial_03.tp, as_objects.speaker_right) == (2, 2)


def test_evaluate_rejects_a_quote_of_another_type():
    with pytest.raises(TypeError, match="must be a Quote or a dict"):
        evaluate(_gold(TAXES), {"d1": [(0, 5)]})


def test_evaluate_records_are_frozen_plain_data():
    result = evaluate(_gold(TAXES, GIFT), {"d1": [TAXES]})
    assert isinstance(result.partial_03, Scores)
    assert hash(result) == hash(evaluate(_gold(TAXES, GIFT), {"d1": [TAXES]}))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.n_docs = 3
    data = json.loads(json.dumps(result.to_dict()))
    assert data["partial@0.3"]["recall"] == 0.5
    assert data["speaker"] == {
        "accuracy": 1.0,
        "right": 1,
        "total": 1,
        "name_accuracy": 0.0,  # TAXES predicts a speaker span, no speaker_name
        "name_right": 0,
    }
    # No gold quote names an addressee: the addressee's numbers are there, all naught.
    assert data["addressee"] == {"accuracy": 0.0, "right": 0, "coverage": 0.0, "given": 0,
                                 "total": 0}  # fmt: skip
    assert set(data) == {"n_docs", "n_gold_without_words", "partial@0.3", "partial@0.8",
                         "exact", "end-to-end", "speaker", "addressee"}  # fmt: skip


def test_evaluate_tables_show_the_numbers():
    result = evaluate(_gold(TAXES, GIFT), {"d1": [TAXES]})
    table = str(result)
    assert table == result.format_table()
    assert re.search(r"^partial@0\.3 +1\.000 +0\.500 +0\.667 +1 +1 +2", table, re.M)
    assert "speaker accuracy 1.000 (1/1" in table
    comparison = format_comparison({"textacy": result, "quotelib": result}).splitlines()
    assert comparison[0].split()[:4] == ["system", "P@.3", "R@.3", "F1@.3"]
    assert [line.split()[0] for line in comparison[1:]] == ["textacy", "quotelib"]
    assert len({len(line) for line in comparison}) == 1


def test_evaluate_all_is_sorted_and_complete():
    # the module behind quotelib.evaluate
    evaluate_module = importlib.import_module("quotelib.evaluation.scoring")
    public = {
        name
        for name, value in vars(evaluate_module).items()
        if not name.startswith("_")
        and callable(value)
        and getattr(value, "__module__", None) == evaluate_module.__name__
    }
    assert evaluate_module.__all__ == sorted(public)


_WORDS = st.lists(st.sampled_from(["tax", "plan", "said", "we", "will", "\u201c", ",", "."]))


@given(texts=st.lists(_WORDS, min_size=1, max_size=4), cuts=st.lists(st.integers(0, 40)))
def test_evaluate_gold_against_itself_is_perfect(texts, cuts):
    text = " ".join(" ".join(words) for words in texts)
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    quotes = [
        {"content_parts": [[s, e]], "kind": "direct", "speaker": [s, e], "speaker_text": text[s:e]}
        for s, e in zip(bounds, bounds[1:])
    ]
    result = evaluate([{"id": 0, "text": text, "quotes": quotes}], {0: quotes})
    n_with_words = len(quotes) - result.n_gold_without_words
    for scores in (result.partial_03, result.partial_08, result.exact, result.end_to_end):
        assert scores.tp == scores.n_gold == n_with_words
    assert result.speaker_right == result.speaker_total == n_with_words


# --- unsound documents are refused, naming the document, quote and field (issue #10) ---------

_SOUND = {"content_parts": [[8, 23]], "speaker": [0, 2], "speaker_text": "Xi", "kind": "indirect"}
_TEXT = "Xi said ties are strong."  # 24 characters


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[8, 99]])]},
         "gold document 'g' quote 0: 'content_parts'[0] must be [start, end] with "
         "0 <= start <= end <= 24, the length of the text (got [8, 99])"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[20, 8]])]},
         "'content_parts'[0] must be [start, end] with 0 <= start <= end <= 24"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[-1, 8]])]},
         "(got [-1, 8])"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[8.0, 23]])]},
         "(got [8.0, 23])"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[True, 23]])]},
         "(got [True, 23])"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content_parts=[[8, 23, 24]])]},
         "(got [8, 23, 24])"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content=[8, 30])]},
         "gold document 'g' quote 0: 'content' must be [start, end]"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, content=[10, 23])]},
         "gold document 'g' quote 0: 'content_parts'[0] [8, 23] is not inside 'content' [10, 23]"),
        ({"id": "g", "text": _TEXT, "quotes": [_SOUND, dict(_SOUND, speaker=[0, 25])]},
         "gold document 'g' quote 1: 'speaker' must be [start, end]"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, speaker_chain=[[0, 2], [30, 32]])]},
         "'speaker_chain'[1] must be [start, end]"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, speaker_chain=5)]},
         "'speaker_chain' must be a list of [start, end] (got 5)"),
        ({"id": "g", "text": _TEXT, "quotes": [dict(_SOUND, kind=3)]},
         "'kind' must be a string or null (got 3)"),
        ({"id": "g", "text": _TEXT, "quotes": [{"kind": "direct"}]},
         "gold document 'g' quote 0: a quote must have 'content_parts' or 'content'"),
        ({"id": "g", "text": _TEXT, "quotes": [[8, 23]]},
         "gold document 'g' quote 0 must be a dict (got [8, 23]"),
        ({"id": "g", "text": None, "quotes": []}, "gold document 'g': 'text' must be a string"),
        ({"id": "g", "text": _TEXT}, "gold document 'g': 'quotes' must be a list (got None"),
        ({"text": _TEXT, "quotes": []}, "gold document 0 has no 'id' (got keys ['quotes', 'text'])"),
        ("not a document", "gold document 0 must be a dict (got 'not a document'"),
    ],
    ids=["past-the-end", "start-after-end", "negative", "float", "bool", "three-offsets",
         "content-past-the-end", "part-outside-content", "speaker-past-the-end", "chain",
         "chain-not-a-list", "kind-not-a-string", "no-content", "quote-not-a-dict", "no-text",
         "no-quotes", "no-id", "doc-not-a-dict"],
)  # fmt: skip
def test_evaluate_rejects_unsound_gold(doc, message):
    with pytest.raises(ValueError) as caught:
        evaluate([doc], {})
    assert message in str(caught.value)


def test_evaluate_rejects_predicted_offsets_outside_the_text():
    gold = [{"id": "g", "text": _TEXT, "quotes": [_SOUND]}]
    with pytest.raises(ValueError, match=r"predicted document 'g' quote 1: 'content_parts'\[0\]"):
        evaluate(gold, {"g": [_SOUND, dict(_SOUND, content_parts=[[8, 40]])]})


def test_evaluate_accepts_the_annotated_corpus_as_it_is(dev_articles):
    assert evaluate(dev_articles, {}).n_docs == len(dev_articles)


# --- fiction: characters as speakers, placeholders, breakdown by a field, kinds (issue #12) ----

NOVEL = (
    '"I will not dance," said Mr. Darcy. "Nor I," she answered.\n'
    '"Then we are agreed," said the other, and they laughed.\n'
    '"Hush!" cried several voices.'
)
DARCY = ["Darcy", "Fitzwilliam Darcy", "Mr. Darcy"]
ELIZA = ["Eliza", "Elizabeth", "Elizabeth Bennet", "Lizzy", "Miss Bennet"]


def _line(words: str, speaker: str, aliases: list[str], quote_type: str | None) -> dict:
    """A gold quote as the fiction corpus writes it: a character, no speaker span."""
    return {
        "content": _at(words, NOVEL),
        "content_parts": [_at(words, NOVEL)],
        "speaker": None,
        "speaker_text": speaker,
        "speaker_aliases": aliases,
        "cue": None,
        "kind": "direct",
        "pdnc_quote_type": quote_type,
    }


DANCE = _line("I will not dance", "Fitzwilliam Darcy", DARCY, "Explicit")
NOR_I = _line("Nor I", "Elizabeth Bennet", ELIZA, "Anaphoric")
AGREED = _line("Then we are agreed", "Charlotte Lucas", ["Charlotte", "Miss Lucas"], "Implicit")
HUSH = _line("Hush", "_group", ["_group"], "Anaphoric")


def _said(words: str, kind: str = "direct", **speaker) -> dict:
    return {"content_parts": [_at(words, NOVEL)], "kind": kind, **speaker}


def _novel(*quotes: dict) -> list[dict]:
    return _gold(*quotes, doc_id="pp-0001", text=NOVEL)


@pytest.mark.parametrize(
    "speaker, right",
    [
        ({"speaker_name": "Fitzwilliam Darcy"}, True),
        ({"speaker_name": "Darcy"}, True),
        ({"speaker_name": "Mr Darcy"}, True),
        ({"speaker_text": "Mr. Darcy", "speaker": _at("Mr. Darcy", NOVEL)}, True),
        ({"speaker_name": "Elizabeth Bennet"}, False),
        ({"speaker_text": "she", "speaker": _at("she", NOVEL)}, False),
        ({}, False),
    ],
    ids=["main-name", "alias", "alias-without-dot", "speaker-text", "other-character",
         "pronoun", "no-speaker"],
)  # fmt: skip
def test_evaluate_character_speaker_matches_its_name_and_aliases(speaker, right):
    # Regression: a gold speaker given as a character, without a span, counted as no speaker.
    result = evaluate(_novel(DANCE), {"pp-0001": [_said("I will not dance", **speaker)]})
    assert (result.speaker_right, result.speaker_total) == (int(right), 1)
    assert result.end_to_end.tp == int(right)


def test_evaluate_character_name_accuracy_counts_speaker_name_only():
    as_written = _said("Nor I", speaker=_at("she", NOVEL), speaker_text="she")
    resolved = dict(as_written, speaker_name="Lizzy")
    assert evaluate(_novel(NOR_I), {"pp-0001": [as_written]}).name_right == 0
    result = evaluate(_novel(NOR_I), {"pp-0001": [resolved]})
    assert (result.speaker_right, result.name_right, result.name_accuracy) == (1, 1, 1.0)


@pytest.mark.parametrize("placeholder", ["_group", "_unknowable"])
def test_evaluate_placeholder_speaker_counts_as_no_speaker(placeholder):
    gold = _novel(dict(HUSH, speaker_text=placeholder, speaker_aliases=[placeholder]))
    silent = evaluate(gold, {"pp-0001": [_said("Hush")]})
    assert (silent.partial_03.tp, silent.speaker_total, silent.end_to_end.tp) == (1, 0, 1)
    guessed = evaluate(gold, {"pp-0001": [_said("Hush", speaker_name="voices")]})
    assert (guessed.speaker_total, guessed.end_to_end.tp) == (0, 0)


def test_evaluate_aliases_must_be_a_list_of_strings():
    with pytest.raises(ValueError, match=r"quote 0: 'speaker_aliases' must be a list of strings"):
        evaluate(_novel(dict(DANCE, speaker_aliases="Darcy")), {})


def test_evaluate_breaks_down_by_a_gold_field():
    gold = _novel(DANCE, NOR_I, AGREED, HUSH, dict(AGREED, pdnc_quote_type=None, content_parts=[
        _at("and they laughed", NOVEL)], content=_at("and they laughed", NOVEL)))  # fmt: skip
    found = [
        _said("I will not dance", speaker_name="Darcy"),
        _said("Nor I", speaker_name="Darcy"),
        _said("Hush"),
    ]
    result = evaluate(gold, {"pp-0001": found}, by="pdnc_quote_type")
    breakdown = result.by_field
    assert breakdown.field == "pdnc_quote_type"
    assert [row.value for row in breakdown.rows] == ["Anaphoric", "Explicit", "Implicit", "unknown"]
    anaphoric = breakdown.of("Anaphoric")  # "Nor I" (speaker wrong) and "Hush" (no speaker)
    assert (anaphoric.n_gold, anaphoric.tp, anaphoric.recall) == (2, 2, 1.0)
    assert (anaphoric.speaker_total, anaphoric.speaker_right, anaphoric.name_right) == (1, 0, 0)
    assert (anaphoric.end_to_end_tp, anaphoric.end_to_end_recall) == (1, 0.5)
    explicit = breakdown.of("Explicit")
    assert (explicit.recall, explicit.speaker_accuracy, explicit.name_accuracy) == (1.0, 1.0, 1.0)
    assert (breakdown.of("Implicit").tp, breakdown.of("unknown").n_gold) == (0, 1)
    with pytest.raises(KeyError, match="'Unknown'"):
        breakdown.of("Unknown")


def test_evaluate_breakdown_adds_up_to_the_totals():
    gold = _gold(TAXES, BACK_DOWN, NEVER, GIFT)
    found = [TAXES, dict(BACK_DOWN, speaker=None), _quote("Critics called the plan")]
    plain = evaluate(gold, {"d1": found})
    result = evaluate(gold, {"d1": found}, by="kind")
    assert attrs.evolve(result, by_field=None) == plain  # the scores themselves do not move
    rows = result.by_field.rows
    assert sum(row.n_gold for row in rows) == plain.partial_03.n_gold
    assert sum(row.tp for row in rows) == plain.partial_03.tp
    assert sum(row.speaker_total for row in rows) == plain.speaker_total
    assert sum(row.speaker_right for row in rows) == plain.speaker_right
    assert sum(row.end_to_end_tp for row in rows) == plain.end_to_end.tp
    for row in rows:
        assert row.recall == plain.partial_03.recall_of(row.value)


def test_evaluate_breakdown_shows_in_tables_and_dicts():
    result = evaluate(_novel(DANCE, NOR_I), {"pp-0001": [_said("Nor I")]}, by="pdnc_quote_type")
    table = result.format_table()
    assert re.search(r"^pdnc_quote_type +gold +R@\.3 +speaker +name +E2E R$", table, re.M)
    assert re.search(r"^Anaphoric +1 +1\.000 +0\.000 +0\.000 +0\.000$", table, re.M)
    assert re.search(r"^Explicit +1 +0\.000 +- +- +0\.000$", table, re.M)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["by_field"]["field"] == "pdnc_quote_type"
    assert data["by_field"]["values"]["Anaphoric"] == {
        "n_gold": 1, "tp": 1, "recall": 1.0, "speaker_right": 0, "speaker_total": 1,
        "speaker_accuracy": 0.0, "name_right": 0, "name_accuracy": 0.0, "end_to_end_tp": 0,
        "end_to_end_recall": 0.0, "addressee_right": 0, "addressee_given": 0,
        "addressee_total": 0, "addressee_accuracy": 0.0, "addressee_coverage": 0.0,
    }  # fmt: skip
    comparison = format_breakdown({"a": result, "b": result}).splitlines()
    assert comparison[0].split() == ["system", "pdnc_quote_type", "gold", "R@.3", "speaker",
                                     "name", "E2E", "R"]  # fmt: skip
    assert [line.split()[:2] for line in comparison[1:]] == [
        ["a", "Anaphoric"], ["a", "Explicit"], ["b", "Anaphoric"], ["b", "Explicit"]]  # fmt: skip


def test_evaluate_format_breakdown_wants_one_field():
    by_type = evaluate(_novel(DANCE), {}, by="pdnc_quote_type")
    with pytest.raises(ValueError, match="breakdown by the same field"):
        format_breakdown({"typed": by_type, "plain": evaluate(_novel(DANCE), {})})
    with pytest.raises(ValueError, match="breakdown by the same field"):
        format_breakdown({"typed": by_type, "kind": evaluate(_novel(DANCE), {}, by="kind")})


@pytest.mark.parametrize(
    "by, error, message",
    [
        ("pdnc_type", ValueError, "no gold quote has the field 'pdnc_type'"),
        ("content", ValueError, "gold document 'pp-0001' quote 0: 'content' must be a string "
                                "or null to break scores down by it (got [1, 17])"),
        (3, TypeError, "'by' must be the name of a gold quote field (got 3"),
    ],
    ids=["absent", "not-a-string", "by-not-a-string"],
)  # fmt: skip
def test_evaluate_rejects_an_unusable_breakdown_field(by, error, message):
    with pytest.raises(error) as caught:
        evaluate(_novel(DANCE), {}, by=by)
    assert message in str(caught.value)


def test_evaluate_breakdown_of_no_gold_is_empty():
    result = evaluate([{"id": 1, "text": "", "quotes": []}], {}, by="pdnc_quote_type")
    assert result.by_field.rows == ()


def test_evaluate_breaks_down_precision_by_a_predicted_field():
    gold = _gold(TAXES, BACK_DOWN, NEVER)
    found = [
        dict(TAXES, cue_class="neutral"),
        dict(BACK_DOWN, cue_class="neutral", speaker=None),
        _quote("Critics called the plan", cue_class="evaluation"),  # no gold quote
        dict(NEVER, cue_class=None),  # a quote without a cue
    ]
    plain = evaluate(gold, {"d1": found})
    result = evaluate(gold, {"d1": found}, by_prediction="cue_class")
    assert attrs.evolve(result, by_prediction=None) == plain  # the scores themselves do not move
    table = result.by_prediction
    assert table.field == "cue_class"
    assert [row.value for row in table.rows] == ["evaluation", "neutral", "unknown"]
    neutral = table.of("neutral")
    assert (neutral.n_pred, neutral.tp, neutral.precision) == (2, 2, 1.0)
    assert (neutral.speaker_total, neutral.speaker_right, neutral.end_to_end_tp) == (2, 1, 1)
    assert (table.of("evaluation").n_pred, table.of("evaluation").precision) == (1, 0.0)
    assert sum(row.n_pred for row in table.rows) == plain.partial_03.n_pred
    assert sum(row.tp for row in table.rows) == plain.partial_03.tp
    with pytest.raises(KeyError, match="no predicted quote has 'cue_class' 'denial'"):
        table.of("denial")


def test_evaluate_prediction_breakdown_shows_in_tables_and_dicts():
    found = {"d1": [dict(TAXES, cue_class="neutral"), _quote("Critics", cue_class="evaluation")]}
    result = evaluate(_gold(TAXES), found, by="kind", by_prediction="cue_class")
    table = result.format_table()
    assert re.search(r"^cue_class +pred +P@\.3 +speaker +E2E P$", table, re.M)
    assert re.search(r"^neutral +1 +1\.000 +1\.000 +1\.000$", table, re.M)
    assert re.search(r"^evaluation +1 +0\.000 +- +0\.000$", table, re.M)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["by_prediction"]["values"]["neutral"] == {
        "n_pred": 1, "tp": 1, "precision": 1.0, "speaker_right": 1, "speaker_total": 1,
        "speaker_accuracy": 1.0, "end_to_end_tp": 1, "end_to_end_precision": 1.0,
    }  # fmt: skip
    assert "by_prediction" not in evaluate(_gold(TAXES), found).to_dict()


def test_evaluate_prediction_breakdown_counts_the_kinds_scored():
    found = {"d1": [dict(BACK_DOWN, cue_class="neutral"), dict(TAXES, cue_class="neutral")]}
    result = evaluate(_gold(BACK_DOWN), found, by_prediction="cue_class", kinds=("direct",))
    assert result.by_prediction.of("neutral").n_pred == 1


@pytest.mark.parametrize(
    "by, error, message",
    [
        ("cue_klass", ValueError, "no predicted quote has the field 'cue_klass'"),
        ("content", ValueError, "predicted document 'd1' quote 0: 'content' must be a string "
                                "or null to break scores down by it"),
        (["cue_class"], TypeError, "'by_prediction' must be the name of a predicted quote field"),
    ],
    ids=["absent", "not-a-string", "by-not-a-string"],
)  # fmt: skip
def test_evaluate_rejects_an_unusable_prediction_field(by, error, message):
    with pytest.raises(error) as caught:
        evaluate(_gold(TAXES), {"d1": [dict(TAXES, cue_class="neutral")]}, by_prediction=by)
    assert message in str(caught.value)


def test_evaluate_prediction_breakdown_of_quote_records():
    text = "Xi said ties are strong."
    gold = [{"id": 1, "text": text, "quotes": [{"content_parts": [[8, 23]], "kind": "indirect"}]}]
    result = evaluate(gold, {1: quotelib.extract_quotes(text)}, by_prediction="cue_class")
    assert result.by_prediction.of("neutral").precision == 1.0


def test_evaluate_kinds_scores_only_the_chosen_predictions():
    found = [
        _said("I will not dance", speaker_name="Darcy"),
        _said("said Mr. Darcy", kind="indirect"),
        _said("Nor I", kind="mixed"),
    ]
    every = evaluate(_novel(DANCE, NOR_I), {"pp-0001": found})
    quoted = evaluate(_novel(DANCE, NOR_I), {"pp-0001": found}, kinds=("mixed", "direct"))
    assert (every.partial_03.n_pred, every.partial_03.precision) == (3, 2 / 3)
    assert (quoted.partial_03.n_pred, quoted.partial_03.precision) == (2, 1.0)
    assert quoted.partial_03.recall == every.partial_03.recall == 1.0
    assert quoted.kinds == ("direct", "mixed")
    assert quoted.to_dict()["kinds"] == ["direct", "mixed"]
    assert "predictions scored: direct, mixed" in quoted.format_table()
    assert "kinds" not in every.to_dict() and "by_field" not in every.to_dict()


@pytest.mark.parametrize(
    "kinds, found, error, message",
    [
        ("direct", [], TypeError, "'kinds' must be a tuple of kinds"),
        (("direct", "quoted"), [], ValueError, "'kinds' must name kinds among"),
        ((), [], ValueError, "'kinds' must name kinds among"),
        (("direct",), [{"content_parts": [[1, 5]]}], ValueError,
         "predicted document 'pp-0001' quote 0: 'kind' must be one of"),
    ],
    ids=["a-string", "not-a-kind", "empty", "prediction-without-kind"],
)  # fmt: skip
def test_evaluate_rejects_unusable_kinds(kinds, found, error, message):
    with pytest.raises(error, match=re.escape(message)):
        evaluate(_novel(DANCE), {"pp-0001": found}, kinds=kinds)


def test_evaluate_accepts_the_annotated_novels_as_they_are(dev_novels):
    result = evaluate(dev_novels, {}, by="pdnc_quote_type", kinds=("direct", "mixed"))
    counts = {row.value: row.n_gold for row in result.by_field.rows}
    assert set(counts) <= {"Anaphoric", "Explicit", "Implicit", "unknown"}
    assert sum(counts.values()) == result.partial_03.n_gold > 0


# --- judge: the measure's verdict on each prediction -----------------------------------


def test_judge_agrees_with_evaluate_and_keeps_the_order_of_predictions():
    found = [
        _said("said Mr. Darcy", kind="indirect"),
        _said("I will not dance", speaker_name="Darcy"),
        _said("Nor I", kind="mixed", speaker_name="Jane"),
    ]
    corpus = _novel(DANCE, NOR_I)
    every = judge(corpus, {"pp-0001": found})["pp-0001"]
    assert [(v.matched, v.right) for v in every] == [(False, False), (True, True), (True, False)]
    assert every[1].gold == 0 and every[2].gold == 1
    result = evaluate(corpus, {"pp-0001": found})
    assert sum(v.matched for v in every) == result.partial_03.tp
    assert sum(v.right for v in every) == result.end_to_end.tp
    quoted = judge(corpus, {"pp-0001": found}, kinds=("direct", "mixed"))["pp-0001"]
    assert quoted[0] is None and quoted[1:] == every[1:]


@given(texts=st.lists(_WORDS, min_size=1, max_size=4), cuts=st.lists(st.integers(0, 40)))
def test_judge_of_gold_against_itself_is_all_right(texts, cuts):
    text = " ".join(" ".join(words) for words in texts)
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    quotes = [
        {"content_parts": [[s, e]], "kind": "direct", "speaker": [s, e], "speaker_text": text[s:e]}
        for s, e in zip(bounds, bounds[1:])
    ]
    verdicts = judge([{"id": 0, "text": text, "quotes": quotes}], {0: quotes})[0]
    assert len(verdicts) == len(quotes)
    result = evaluate([{"id": 0, "text": text, "quotes": quotes}], {0: quotes})
    assert sum(v.right for v in verdicts) == result.end_to_end.tp

"""``Quote.cue_class``: what the cue says about the speech act, on real sentence shapes."""

from __future__ import annotations

import pytest

import quotelib

CASES = [
    ("The mayor said the bridge would reopen in May.", "said", "neutral"),
    ("The bridge will reopen in May, according to the mayor.", "according to", "neutral"),
    ('"We will appeal," the lawyer told reporters.', "told", "neutral"),
    ("The senator claimed that the election had been rigged.", "claimed", "assertion"),
    ("Officials insisted that the water was safe to drink.", "insisted", "assertion"),
    ("The minister admitted that mistakes had been made.", "admitted", "concession"),
    ("The company acknowledged that the data had leaked.", "acknowledged", "concession"),
    ("He denied that he had met the ambassador.", "denied", "denial"),
    ("The governor ruled out a tax increase this year.", "ruled out", "denial"),
    ("Reporters asked whether the talks would resume.", "asked", "question"),
    ("Aid groups urged the government to open the border.", "urged", "directive"),
    ("The coach vowed to rebuild the team.", "vowed", "directive"),
    ("Protesters called for the chief's resignation.", "called for", "directive"),
    ("The council praised the volunteers for their work.", "praised", "evaluation"),
    ("The union accused the firm of breaking the contract.", "accused", "evaluation"),
    ("Most economists believe that rates will fall.", "believe", "cognition"),
    ("The mayor is confident that the budget will pass.", "confident", "cognition"),
    ("A new poll shows that voters favour the plan.", "shows", "evidence"),
    ("The senator tweeted that the vote was a disgrace.", "tweeted", "writing"),
    ("In a statement, the club said the manager had resigned.", "said", "neutral"),
]


@pytest.mark.parametrize("text, cue, cls", CASES, ids=[c[2] + ":" + c[1] for c in CASES])
def test_cue_class_of_each_kind_of_cue(text, cue, cls):
    found = [(q.cue.text, q.cue_class) for q in quotelib.extract_quotes(text) if q.cue]
    assert (cue, cls) in found


def test_cue_class_none_without_a_cue():
    text = '"Are you coming?" asked Ann.\n\n"Not tonight."\n\n"Why not?"\n\n"I am too tired."'
    quotes = quotelib.extract_quotes(text)
    assert [q.cue_class for q in quotes if q.cue is None]  # the answers have no cue
    assert all((q.cue is None) == (q.cue_class is None) for q in quotes)


def test_cue_class_of_a_dashed_source_is_none():
    [quote] = quotelib.extract_quotes('"The economy is strong." — Janet Yellen')
    assert quote.rule == "dash" and quote.cue is None and quote.cue_class is None


def test_cue_class_of_a_transcript_label_is_neutral():
    text = "HOST: Where do things stand?\n\nMAYOR: The numbers were clear."
    assert {q.cue_class for q in quotelib.extract_quotes(text)} == {"neutral"}


def test_cue_class_negated_cue_still_yields_nothing():
    assert quotelib.extract_quotes("He did not deny that the talks failed.") == []


def test_cue_class_round_trips_through_to_dict():
    text = "He denied that the talks failed."
    [quote] = quotelib.extract_quotes(text)
    assert quote.to_dict()["cue_class"] == "denial"
    assert quotelib.Quote.from_dict(quote.to_dict(), text) == quote


def test_cue_class_must_be_a_class():
    text = "Xi said so."
    with pytest.raises(ValueError, match="'cue_class' must be in"):
        quotelib.Quote(
            kind="indirect",
            content=quotelib.TextSpan.from_offsets(text, 8, 10),
            content_parts=[quotelib.TextSpan.from_offsets(text, 8, 10)],
            cue_class="speech",
        )

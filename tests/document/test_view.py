"""The one view of a document every stage reads (quotelib.document.view.DocView), on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quotelib.document.view import DocView
from tests.docs_by_hand import VOCAB, hand_view, words_view

TWO_SENTENCES = (
    "Xi said ties grew. Putin warned talks failed.",
    [
        ("Xi", 1, "nsubj", "PROPN", "NNP"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("ties", 3, "nsubj", "NOUN", "NNS"),
        ("grew", 1, "ccomp", "VERB", "VBD"),
        (".", 1, "punct", "PUNCT", "."),
        ("Putin", 6, "nsubj", "PROPN", "NNP"),
        ("warned", 6, "ROOT", "VERB", "VBD"),
        ("talks", 8, "nsubj", "NOUN", "NNS"),
        ("failed", 6, "ccomp", "VERB", "VBD"),
        (".", 6, "punct", "PUNCT", "."),
    ],
)


def test_view_cues_and_cues_in_a_sentence():
    view = hand_view(*TWO_SENTENCES)
    assert [view.doc[i].text for i in view.cues] == ["said", "warned"]
    first, second = view.sentences.spans
    assert [t.text for t in view.cues_in(first)] == ["said"]
    assert [t.text for t in view.cues_in(second)] == ["warned"]
    assert [t.text for t in view.cues_in(view.doc[2:5])] == []


def test_view_sentences_and_words():
    view = hand_view(*TWO_SENTENCES)
    assert [s.text for s in view.sentences.spans] == [
        "Xi said ties grew.",
        "Putin warned talks failed.",
    ]
    assert view.sentences.of(7).text == "Putin warned talks failed."
    assert [view.word(i) for i in (0, 5, 6)] == ["xi", "putin", "warned"]


@pytest.mark.parametrize(
    "word, paragraph", [("Xi", 0), ("grew", 0), ("Putin", 1), ("Lavrov", 2), ("left", 2)]
)
def test_view_paragraph_of_an_offset(word, paragraph):
    text = "Xi said ties grew.\n\nPutin agreed.\n\n\nLavrov left."
    view = words_view(text)
    assert view.layout.breaks == (18, 33)
    assert view.layout.paragraph(text.index(word)) == paragraph


def test_view_marks_and_quoted_ranges():
    text = 'Xi said "we won" and "they lost."'
    view = words_view(text)
    first, second = text.index('"we'), text.index('"they')
    assert view.marks.spans == [(first, first + 8), (second, len(text))]
    assert view.quoted.spans == [(first + 1, first + 7), (second + 1, len(text) - 1)]
    assert view.marks.contains(first) and not view.quoted.contains(first)  # the mark
    assert view.quoted.contains(text.index("won"))
    assert not view.marks.contains(text.index("said"))


def test_view_outer_and_nested_quotations():
    text = "He said \"they called it 'a farce' today\" and left."
    view = words_view(text)
    assert [(q.depth, q.mark) for q in view.quotations] == [(0, '"'), (1, "'")]
    [outer] = view.outer
    assert text[outer.content_start : outer.content_end] == "they called it 'a farce' today"
    assert view.quoted.spans == [outer.parts[0]]  # the nested one is inside, not apart


def test_view_text_is_the_callers_string():
    words = ["Xi", "said", "\ufffd", "."]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[True, True, False, False],
        sent_starts=[True, False, False, False],
    )
    view = DocView.build(doc, "Xi said \ud800.")
    assert view.text == "Xi said \ud800."
    assert doc.text == "Xi said \ufffd."
    assert view.columns.orths == [doc.vocab.strings[w] for w in words]


def test_view_of_an_empty_doc():
    view = DocView.build(Doc(VOCAB, words=[]))
    assert (view.text, view.cues, view.outer, view.layout.breaks) == ("", (), (), ())
    assert view.sentences.spans == []


def test_view_finds_the_layout_once(monkeypatch):
    # Regression: DocView.build found the layout, then find_quotations found it again.
    import quotelib.document.view as view_module
    import quotelib.text.marks as marks_module

    calls = []
    real = view_module.find_layout
    monkeypatch.setattr(view_module, "find_layout", lambda text: calls.append(text) or real(text))
    monkeypatch.setattr(marks_module, "find_layout", lambda text: calls.append(text) or real(text))
    text = 'Xi said "we won."\n\n"They lost," Putin said.'
    view = words_view(text)
    assert calls == [text]
    assert [q.mark for q in view.outer] == ['"', '"'] and view.layout.breaks == (17,)

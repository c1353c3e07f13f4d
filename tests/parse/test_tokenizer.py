"""Dashes glued to quote marks (quotelib.parse.tokenizer)."""

from __future__ import annotations

import spacy

import quotelib
from quotelib.parse.tokenizer import DASHED_QUOTE_INFIXES, split_dashed_quotes


def test_tokenizer_splits_each_dash_and_mark_of_a_glued_run():
    nlp = split_dashed_quotes(spacy.blank("en"))
    words = [t.text for t in nlp('"These fogs"--she pointed at the roof--"never spread."')]
    assert words[:6] == ['"', "These", "fogs", '"', "--", "she"]
    assert words[-7:-2] == ["roof", "--", '"', "never", "spread"]
    em = [t.text for t in nlp("well\u2014\u201cNo,\u201d he said")]
    assert em[:4] == ["well", "\u2014", "\u201c", "No"]


def test_tokenizer_is_changed_once_and_only_where_it_is_spacys():
    nlp = split_dashed_quotes(split_dashed_quotes(spacy.blank("en")))
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    assert pattern.count(DASHED_QUOTE_INFIXES[0]) == 1
    plain = spacy.blank("en")
    text = 'a well-known, long-run 3--4 test: "yes," he said--and "no."'
    assert [t.text for t in nlp(text)] == [t.text for t in plain(text)]


def test_tokenizer_the_loaded_pipeline_splits_and_the_speaker_is_the_name():
    text = (
        'He came in.\n\n"You Schlegels are English," said Mrs. Munt hastily--"English to '
        'the backbone."\n'
    )
    [quote] = quotelib.extract_quotes(text)
    assert quote.speaker.text == "Mrs. Munt"
    assert [p.text for p in quote.content_parts][-1] == "English to the backbone."

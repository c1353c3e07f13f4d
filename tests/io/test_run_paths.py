"""Before a run: no output may destroy or feed an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotelib.io.run_paths import check_run_paths


@pytest.mark.parametrize(
    "inputs, output, pages, message",
    [
        (["in.jsonl"], "in.jsonl", None, "--output in.jsonl is the input in.jsonl"),
        (["in.jsonl"], "out.jsonl", "in.jsonl", "is a file, not a folder"),
        (["page.html"], "-", "page.html", "--html page.html is the input page.html"),
        (["in.jsonl", "out.jsonl.partial"], "out.jsonl", None, "is the input out.jsonl.partial"),
        (["link.jsonl"], "in.jsonl", None, "--output in.jsonl is the input link.jsonl"),
        (["hard.jsonl"], "out.jsonl", None, "(writing out.jsonl.partial) is the input hard.jsonl"),
        (["texts"], "texts/out.txt", None, "is inside the input folder texts"),
        (["texts"], "-", "texts", "--html texts is the input folder texts"),
        (["texts"], "out.jsonl", "texts/link.txt.html", "is the input texts/link.txt"),
        (["texts"], "folder", None, "--output folder is a folder"),
        (["texts"], "-", "folder.html", "--html folder.html is a folder"),
        (["in.jsonl"], "both.html", "both.html", "--output both.html and --html both.html"),
        (
            ["in.jsonl"],
            "-",
            "pages",
            "--html pages would write pages/index.html, which is a folder",
        ),
    ],
    ids=[
        "output-is-input",
        "pages-folder-is-input-file",
        "page-is-input",
        "partial-is-input",
        "input-links-to-output",
        "partial-hard-link",
        "output-read-as-article",
        "pages-in-input-folder",
        "folder-article-links-to-page",
        "output-folder",
        "page-folder",
        "output-is-page",
        "index-is-a-folder",
    ],
)
def test_run_paths_refuse_what_would_destroy_an_input(
    tmp_path, monkeypatch, inputs, output, pages, message
):
    monkeypatch.chdir(tmp_path)
    for name in ("in.jsonl", "page.html", "out.jsonl.partial"):
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("in.jsonl")
    os.link("out.jsonl.partial", "hard.jsonl")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Xi said it.", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "pages" / "index.html").mkdir(parents=True)
    (tmp_path / "texts" / "link.txt.html").write_text("old page", encoding="utf-8")
    (tmp_path / "texts" / "link.txt").symlink_to("link.txt.html")
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_run_paths(inputs, output, None if pages is None else Path(pages))


def test_run_paths_allow_what_is_safe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Xi said it.", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text("{}\n", encoding="utf-8")
    check_run_paths(["texts", "in.jsonl", "-"], "texts/quotes.jsonl", tmp_path / "texts" / "pages")
    check_run_paths(["in.jsonl"], "-", tmp_path / "pages.html")
    check_run_paths(["-"], "-", None)

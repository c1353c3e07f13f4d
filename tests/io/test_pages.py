"""Highlighted pages of many records: one page, or a folder of them."""

from __future__ import annotations

import pytest

import quotelib
from quotelib.io.pages import PageWriter, page_heading
from quotelib.io.resume import Answered


def test_pages_page_heading_is_the_id_as_the_answer_holds_it():
    assert page_heading(float("nan")) == page_heading("NaN") == "NaN"
    assert page_heading({"n": 1}) == '{"n": 1}'
    assert page_heading("x\ud800") == "x\ud800"


def test_pages_writer_writes_valid_utf8_for_surrogates(tmp_path):
    text = '"We will \ud800 appeal," the mayor said.'
    quotes = quotelib.extract_quotes(text)
    for target in (tmp_path / "all.html", tmp_path / "pages"):
        writer = PageWriter(target)
        writer.write("id\ud800", text, quotes, None)
        writer.write("bad\udfff", None, None, "error \ud800")
        writer.close()
    files = [tmp_path / "all.html", *sorted((tmp_path / "pages").iterdir())]
    assert [f.name for f in files] == ["all.html", "0001-id.html", "index.html"]
    for path in files:
        page = path.read_bytes().decode("utf-8")  # strict: valid UTF-8
        assert "\ufffd" in page


def test_pages_writer_keeps_a_partial_page_when_interrupted(tmp_path):
    writer = PageWriter(tmp_path / "all.html")
    writer.write("a1", "Xi said it.", [], None)
    writer.close(complete=False)
    assert not (tmp_path / "all.html").exists()
    assert (tmp_path / "all.html.partial").read_text(encoding="utf-8").count("<article>") == 1
    assert not (tmp_path / "all.html.lock").exists()


def test_pages_writer_removes_the_half_page_a_killed_run_left_and_nothing_else(tmp_path):
    pages = tmp_path / "pages"
    first = PageWriter(pages)
    first.write("a1", "Xi said it.", [], None)
    first.close(complete=False)
    (pages / ".0002-a2.html.0a1b2c3d.tmp").write_text("<!DOCTYPE html> half", encoding="utf-8")
    (pages / "notes.tmp").write_text("the user's", encoding="utf-8")
    resumed = PageWriter(pages, resumed=[Answered(id="a1", n_quotes=0, error=None)])
    resumed.write("a2", "Li said it.", [], None)
    resumed.close()
    names = sorted(p.name for p in pages.iterdir())
    assert names == ["0001-a1.html", "0002-a2.html", "index.html", "notes.tmp"]


def test_pages_writer_resumes_the_sections_of_the_answers_kept(tmp_path):
    first = PageWriter(tmp_path / "all.html")
    first.write("a1", "Xi said it.", [], None)
    first.write("a2", "Li said it.", [], None)
    first.close(complete=False)
    kept = [Answered("a1", None, 0)]
    again = PageWriter(tmp_path / "all.html", resumed=kept)
    again.write("b2", "Wu said it.", [], None)
    again.close()
    page = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert page.count("<article>") == 2 and "Xi said" in page and "Wu said" in page
    assert "Li said" not in page
    assert sorted(path.name for path in tmp_path.iterdir()) == ["all.html"]


@pytest.mark.parametrize("target", ["victim.html", "gone.html"], ids=["link", "dangling-link"])
def test_pages_writer_resume_refuses_a_linked_partial_page(tmp_path, target):
    victim = tmp_path / "victim.html"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / "all.html.partial").symlink_to(tmp_path / target)
    with pytest.raises(OSError, match="is a symbolic link"):
        PageWriter(tmp_path / "all.html", resumed=[Answered("a1", None, 0)])
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "all.html.lock").exists()

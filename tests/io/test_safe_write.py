"""Files written never through a link, replaced atomically, and locked."""

from __future__ import annotations

import pytest

from quotelib.io.safe_write import FileLock, LockedError, create_file, write_atomically


def test_safe_write_create_file_replaces_a_link_and_spares_its_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.partial"
    link.symlink_to(victim)
    with create_file(link) as file:
        file.write("new")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"


def test_safe_write_write_atomically_replaces_a_link_and_leaves_no_temporary(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "index.html").symlink_to(victim)
    write_atomically(tmp_path / "index.html", "page")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "victim.txt"]


def test_safe_write_file_lock_refuses_a_second_holder_and_cleans_up(tmp_path):
    path = tmp_path / "out.jsonl.lock"
    first = FileLock(path, "out.jsonl")
    with pytest.raises(LockedError, match="another quotelib run is writing out.jsonl"):
        FileLock(path, "out.jsonl")
    first.release()
    assert not path.exists()
    FileLock(path, "out.jsonl").release()

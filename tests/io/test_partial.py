"""The ``.partial`` + lock + rename protocol on its own: what a run leaves behind, at every end."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from quotelib.io.outputs import output_files
from quotelib.io.pages import page_files
from quotelib.io.partial import PartialFile, cannot_write, lock_path, partial_path, take_lock
from quotelib.io.safe_write import LockedError


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_partial_paths_are_the_names_every_writer_uses(tmp_path):
    out = tmp_path / "out.jsonl"
    assert partial_path(out) == tmp_path / "out.jsonl.partial"
    assert lock_path(out) == tmp_path / "out.jsonl.lock"
    assert output_files(str(out)) == [
        out,
        partial_path(out),
        tmp_path / "out.jsonl.partial.meta",
        lock_path(out),
    ]
    page, folder = tmp_path / "page.html", tmp_path / "pages"
    assert page_files(page) == [page, partial_path(page), lock_path(page)]
    assert page_files(folder) == [folder / "index.html", lock_path(folder / "index.html")]


def test_partial_written_while_locked_then_renamed_when_the_run_ends(tmp_path):
    out = tmp_path / "out.jsonl"
    file = PartialFile(out)
    with file.create() as partial:
        partial.write('{"id": 1, "quotes": []}\n')
    assert _names(tmp_path) == ["out.jsonl.lock", "out.jsonl.partial"]  # no OUT yet
    file.finish()
    file.release()
    assert _names(tmp_path) == ["out.jsonl"]
    assert out.read_text(encoding="utf-8") == '{"id": 1, "quotes": []}\n'


def test_partial_kept_and_lock_dropped_when_the_run_does_not_end(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("the last finished run\n", encoding="utf-8")
    file = PartialFile(out)
    with file.create() as partial:
        partial.write("half of a new run\n")
    file.release()  # interrupted: no finish
    assert _names(tmp_path) == ["out.jsonl", "out.jsonl.partial"]
    assert out.read_text(encoding="utf-8") == "the last finished run\n"
    assert partial_path(out).read_text(encoding="utf-8") == "half of a new run\n"
    file.release()  # again: nothing


def test_partial_lock_refused_while_another_run_holds_it(tmp_path):
    out = tmp_path / "out.jsonl"
    first = PartialFile(out)
    with pytest.raises(LockedError, match=f"another quotelib run is writing {out}"):
        PartialFile(out)
    first.release()
    PartialFile(out).release()  # free again once released
    assert _names(tmp_path) == []


def test_partial_lock_refused_while_another_process_holds_it(tmp_path):
    out = tmp_path / "out.jsonl"
    fd = os.open(lock_path(out), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the other run holds it
    try:
        with pytest.raises(LockedError, match="another quotelib run is writing"):
            PartialFile(out)
    finally:
        os.close(fd)
    assert not partial_path(out).exists()


def test_partial_folder_lock_names_the_folder(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    held = take_lock(folder / "index.html", what=folder)
    with pytest.raises(LockedError, match=f"another quotelib run is writing {folder} "):
        take_lock(folder / "index.html", what=folder)
    held.release()
    assert _names(folder) == []


@pytest.mark.parametrize("where", ["out.jsonl", "out.jsonl.partial"])
def test_partial_refuses_a_folder_and_takes_no_lock(tmp_path, where):
    (tmp_path / where).mkdir()
    with pytest.raises(OSError, match=f"cannot write {tmp_path / 'out.jsonl'}: .* is a folder"):
        PartialFile(tmp_path / "out.jsonl", folder_hint="give a file name")
    assert not lock_path(tmp_path / "out.jsonl").exists()


def test_partial_never_writes_through_a_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    partial_path(out).symlink_to(victim)
    out.symlink_to(victim)
    file = PartialFile(out)
    assert file.earlier() == partial_path(out)  # a linked .partial is found...
    with pytest.raises(OSError, match="is a symbolic link"):
        file.resume(file.earlier(), 0)  # ...and refused, not read or written through
    with file.create() as partial:  # a new run replaces the link, not what it points to
        partial.write("new")
    file.finish()
    file.release()
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not out.is_symlink() and out.read_text(encoding="utf-8") == "new"


def test_partial_lock_is_never_taken_through_a_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    lock_path(tmp_path / "out.jsonl").symlink_to(victim)
    with pytest.raises(OSError, match="is a symbolic link"):
        PartialFile(tmp_path / "out.jsonl")
    assert victim.read_text(encoding="utf-8") == "precious"


def test_partial_resume_keeps_the_first_bytes_and_drops_the_rest(tmp_path):
    out = tmp_path / "out.jsonl"
    partial_path(out).write_bytes(b"kept\ncut sh")
    file = PartialFile(out)
    assert file.earlier() == partial_path(out)
    with file.resume(file.earlier(), len(b"kept\n")) as partial:
        partial.write("redone\n")
    file.finish()
    file.release()
    assert out.read_bytes() == b"kept\nredone\n"


def test_partial_resume_of_a_finished_file_leaves_it_until_the_end(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"first\nsecond\n")
    file = PartialFile(out)
    assert file.earlier() == out
    with file.resume(out, len(b"first\n")) as partial:
        partial.write("again\n")
    assert out.read_bytes() == b"first\nsecond\n"  # the finished file, until the run ends
    assert partial_path(out).read_bytes() == b"first\nagain\n"
    file.release()
    assert out.read_bytes() == b"first\nsecond\n"


def test_partial_earlier_is_none_for_a_new_output(tmp_path):
    file = PartialFile(tmp_path / "out.jsonl")
    assert file.earlier() is None
    file.release()


def test_partial_cannot_write_gives_the_system_reason():
    error = PermissionError(13, "Permission denied", "out.jsonl.lock")
    assert cannot_write("out.jsonl", error) == "cannot write out.jsonl: Permission denied"
    assert cannot_write("x", ValueError("bad name")) == "cannot write x: bad name"

"""Reading inputs: every record answered once, in order, whatever the files hold."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import threading
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotelib.cli import app
from quotelib.io.files import MAX_RECORD_BYTES, display_name, read_lines
from quotelib.io.inputs import (
    InputFormat,
    count_records,
    missing_inputs,
    read_inputs,
)
from quotelib.io.jsonl import read_json_objects
from quotelib.io.outputs import OutputFormat, OutputWriter
from tests.hostile_inputs import build, problems

GOOD = json.dumps({"id": "good", "text": "Xi stated that ties are strong."})
LAST = json.dumps({"id": "last", "text": "Officials warned of floods."})
AUTO = InputFormat.auto


def _read(*names, **options):
    return list(read_inputs([str(name) for name in names], AUTO, **options))


def _jsonl(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines))
    return path


@contextmanager
def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    yield


@contextmanager
def _never_hangs(fifo: Path):
    """Should a reader block on ``fifo`` (the bug this guards against), open it for writing
    after a while, so that the test fails on its answers instead of hanging."""
    done = threading.Event()

    def release() -> None:
        if not done.wait(10):
            with suppress(OSError):  # OSError: nobody is blocked on it
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()


# --- item 1: one bad line is one answer -------------------------------------------------------


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": ' + "9" * 5000 + ', "text": "x"}', "a number too long to read"),
        ("[" * 100_000, "nested too deeply"),
        ('{"id": {"a": ' * 100_000, "nested too deeply"),
        ('{"id": NaN, "text": "x"}', "'id' cannot be written back as JSON (got NaN)"),
        ('{"id": [1, -Infinity], "text": "x"}', "'id' cannot be written back as JSON"),
        (b'{"id": 1, "text": "caf\xe9"}', "is not UTF-8"),
        ('{"id": 1, "text": ', "malformed JSON on line 2"),
    ],
    ids=["huge-int", "deep-array", "deep-object", "nan-id", "infinity-in-id", "not-utf8", "cut"],
)
def test_inputs_jsonl_line_that_breaks_the_parser_is_its_own_answer(tmp_path, line, message):
    path = _jsonl(tmp_path / "in.jsonl", GOOD, line, LAST)
    records = _read(path)
    assert [r.id for r in records] == ["good", f"{path}:2", "last"]
    assert records[0].text and records[2].text
    assert records[1].text is None and message in records[1].error
    assert "sys.set_int_max_str_digits" not in records[1].error  # Python's advice, not ours


def test_inputs_stdin_jsonl_bad_lines_are_answered(monkeypatch):
    data = f'{GOOD}\n{{"id": {"9" * 5000}}}\n{"[" * 100_000}\n{LAST}\n'.encode()
    with _stdin(monkeypatch, data):
        records = _read("-")
    assert [r.id for r in records] == ["good", "<stdin>:2", "<stdin>:3", "last"]
    assert [r.error is None for r in records] == [True, False, False, True]


def test_inputs_a_stream_that_fails_midway_is_one_answer_and_the_inputs_go_on(tmp_path):
    whole = gzip.compress(f"{GOOD}\n{LAST}\n".encode() * 2000)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    after = _jsonl(tmp_path / "after.jsonl", LAST)
    records = _read(cut, after)
    *before, failed, last = records
    assert before and all(r.error is None for r in before)
    assert failed.id == f"{cut}:{len(before) + 1}"
    assert failed.error.startswith(
        f"cannot read {cut} past line {len(before)}: gzip data cut short"
    )
    assert last.id == "last" and last.error is None


def test_inputs_json_objects_of_a_file_report_every_bad_line(tmp_path):
    path = _jsonl(tmp_path / "gold.jsonl", GOOD, "[" * 100_000, "", '{"id": ', "7")
    objects, bad = read_json_objects(path)
    assert [o["id"] for o in objects] == ["good"]
    assert [problem.split(":")[0] for problem in bad] == [
        f"cannot read line 2 of {path}",
        f"malformed JSON on line 4 of {path}",
        f"line 5 of {path} is not a JSON object (got a number)",
    ]


# --- item 2: ids that always write as UTF-8 ---------------------------------------------------


def test_inputs_file_name_not_utf8_gives_an_id_that_encodes(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    name = os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")
    try:
        Path(name).write_text("Xi stated that ties are strong.", encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    [folder_record] = _read(folder)
    [named_record] = _read(name)
    assert folder_record.id == named_record.id == f"{folder}/caf\\xe9.txt"
    assert folder_record.id.encode("utf-8")  # no lone surrogates
    assert folder_record.text == "Xi stated that ties are strong."
    assert display_name(name) == folder_record.id


# --- item 3: folders, file kinds, sizes, gzip -------------------------------------------------


def test_inputs_unreadable_subfolder_is_an_error_record(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Xi said no.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("never read", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Officials said yes.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    records = _read(tmp_path)
    assert [r.id for r in records] == [str(tmp_path / n) for n in ("a.txt", "locked", "z.txt")]
    assert records[1].error == f"cannot read folder {tmp_path / 'locked'}: Permission denied"
    assert records[0].text and records[2].text


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_inputs_folder_without_permission_is_an_error_record(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        [record] = _read(tmp_path)
    finally:
        locked.chmod(0o755)
    assert record.error == f"cannot read folder {locked}: Permission denied"


def test_inputs_folder_reads_regular_files_only_and_never_blocks(tmp_path):
    (tmp_path / "a.txt").write_text("Xi said no.", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere")
    with _never_hangs(tmp_path / "fifo.txt"):
        records = _read(tmp_path)
    assert {r.id.rsplit("/", 1)[1]: r.error for r in records} == {
        "a.txt": None,
        "broken.txt": f"cannot read {tmp_path / 'broken.txt'}: No such file or directory",
        "fifo.txt": f"cannot read {tmp_path / 'fifo.txt'}: a FIFO, not a regular file",
        "zero.txt": f"cannot read {tmp_path / 'zero.txt'}: a character device, not a regular file",
    }


def test_inputs_named_pipe_is_read_and_a_named_device_refused(tmp_path):
    fifo = tmp_path / "piped.txt"  # as from: quotelib extract <(zcat a.txt.gz)
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as out:
            out.write(b"Xi stated that ties are strong.")

    threading.Thread(target=write, daemon=True).start()
    [piped] = _read(fifo)
    assert (piped.text, piped.error) == ("Xi stated that ties are strong.", None)
    for input_format in (InputFormat.text, InputFormat.jsonl):
        [zero] = read_inputs(["/dev/zero"], input_format)
        assert (
            zero.error == "cannot read /dev/zero: a character device, not a regular file or a pipe"
        )


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("big.txt", b"word " * 300, "1.5 kB, more than 1 kB, the limit for one record"),
        (
            "bomb.txt.gz",
            gzip.compress(b" " * 10**6),
            "more than 1 kB decompressed, the limit for one record",
        ),
    ],
    ids=["text", "gzip-bomb"],
)
def test_inputs_a_record_larger_than_the_limit_is_an_error(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    [named] = _read(tmp_path / name, limit=1000)
    assert named.error == f"cannot read {tmp_path / name}: {message}"
    [in_folder] = _read(tmp_path, limit=1000)
    assert in_folder == named
    assert _read(tmp_path / name, limit=10**7)[0].error is None


def test_inputs_a_jsonl_line_or_stdin_larger_than_the_limit_is_an_error(tmp_path, monkeypatch):
    long = json.dumps({"id": "long", "text": "word " * 300})
    path = _jsonl(tmp_path / "in.jsonl", GOOD, long, LAST)
    records = _read(path, limit=1000)
    assert [r.id for r in records] == ["good", f"{path}:2", "last"]
    assert records[1].error == f"line 2 of {path} is longer than 1 kB, the limit for one record"
    with _stdin(monkeypatch, b"word " * 300):
        [stdin] = _read("-", limit=1000)
    assert stdin.error == "cannot read standard input: more than 1 kB, the limit for one record"
    assert MAX_RECORD_BYTES == 100_000_000


def test_inputs_read_lines_skips_a_long_line_without_holding_it():
    stream = io.BytesIO(b"a\n" + b"x" * 10_000_000 + b"\nb\n")
    assert list(read_lines(stream, 100)) == [b"a\n", None, b"b\n"]


def test_inputs_folder_reads_txt_in_any_case_and_tells_what_it_skipped(tmp_path):
    for name in ("a.txt", "B.TXT", "c.Txt.GZ", "notes.md", "data.jsonl", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        data = b"Xi said no."
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith("GZ") else data)
    (tmp_path / "elsewhere").symlink_to(tmp_path / "sub", target_is_directory=True)
    notes: list[str] = []
    records = _read(tmp_path, on_skip=notes.append)
    assert [r.id for r in records] == [
        str(tmp_path / name) for name in ("B.TXT", "a.txt", "c.Txt.GZ", "sub/d.txt")
    ]
    assert all(r.text == "Xi said no." for r in records)
    assert notes == [
        f"folder {tmp_path}: skipped 2 files (data.jsonl, notes.md): not .txt or .txt.gz",
        f"folder {tmp_path}: did not follow 1 link to a folder (elsewhere)",
    ]


def test_inputs_folder_order_is_path_order(tmp_path):
    for name in ("b.txt", "a/z.txt", "a.txt", "a b/c.txt", "A/x.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [r.id for r in _read(tmp_path)] == [str(p) for p in sorted(tmp_path.rglob("*.txt"))]


def test_inputs_gzip_files_are_read_and_a_corrupt_one_is_an_error(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Caf\u00e9 said no.".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(f"{GOOD}\n\n{LAST}\n".encode()))
    (tmp_path / "c.ndjson.gz").write_bytes(gzip.compress(f"{LAST}\n".encode()))
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip at all")
    names = ["a.txt.gz", "b.jsonl.gz", "c.ndjson.gz", "bad.txt.gz"]
    records = _read(*(tmp_path / name for name in names))
    assert [r.id for r in records] == [str(tmp_path / "a.txt.gz"), "good", "last", "last",
                                       str(tmp_path / "bad.txt.gz")]  # fmt: skip
    assert records[0].text == "Caf\u00e9 said no."
    assert records[4].error.startswith(f"cannot read {tmp_path / 'bad.txt.gz'}: corrupt gzip data")


# --- item 5: a missing input --------------------------------------------------------------


def test_inputs_missing_inputs_are_named(tmp_path):
    (tmp_path / "here.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    names = ["-", str(tmp_path / "here.txt"), str(tmp_path / "gone.txt"), str(tmp_path),
             str(tmp_path / "dangling.txt"), str(tmp_path / "here.txt" / "below")]  # fmt: skip
    assert missing_inputs(names) == names[2:3] + names[4:]


# --- item 6: the byte order mark --------------------------------------------------------------


def test_inputs_byte_order_mark_is_dropped_from_text_files_and_stdin(tmp_path, monkeypatch):
    text = '"We will not back down," Mayor Jane Smith said.'
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    [from_file] = _read(tmp_path / "bom.txt")
    with _stdin(monkeypatch, b"\xef\xbb\xbf" + text.encode()):
        [from_stdin] = _read("-")
    assert from_file.text == from_stdin.text == text
    assert from_file.text == (tmp_path / "bom.txt").read_text(encoding="utf-8-sig")


# --- the progress bar's count -----------------------------------------------------------------


def test_inputs_count_records_is_the_number_of_records(tmp_path):
    (tmp_path / "texts").mkdir()
    for name in ("a.txt", "b.TXT", "skipped.md"):
        (tmp_path / "texts" / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    jsonl = _jsonl(tmp_path / "in.jsonl", GOOD, "", "[" * 1000, b"\xff", LAST)
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    inputs = [str(p) for p in (tmp_path / "texts", tmp_path / "empty", jsonl, gz)]
    assert count_records(inputs, AUTO) == len(_read(*inputs)) == 2 + 1 + 4 + 4


# --- item 7: a fuzz of the command line's input side ------------------------------------------


def _surrogates_writable() -> bool:
    """Whether answers holding lone surrogates can be written (escaped) as UTF-8 JSON."""
    out = io.BytesIO()
    stdout = sys.stdout
    try:
        sys.stdout = io.TextIOWrapper(out, encoding="utf-8")
        writer = OutputWriter("-", OutputFormat.jsonl)
        writer.write("\ud800", [], None)
        writer.close(complete=True)
        return json.loads(out.getvalue())["id"] == "\ud800"
    except (UnicodeError, ValueError):
        return False
    finally:
        sys.stdout = stdout


SURROGATES = _surrogates_writable()


def _run_in_process(made, folder: Path):
    out = folder / "answers.jsonl"
    result = CliRunner().invoke(app, ["extract", *made.args, "-o", str(out)], input=made.stdin)
    crash = result.exception if not isinstance(result.exception, SystemExit) else None
    stderr = result.stderr + (f"\nTraceback: {crash!r}" if crash is not None else "")
    assert result.exit_code == (1 if any(o == "error" for _, o in made.expected) else 0), stderr
    return out.read_bytes(), stderr


@settings(
    max_examples=80,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rng=st.randoms(use_true_random=False))
def test_inputs_fuzz_every_record_is_answered_once_in_order(rng, tmp_path_factory):
    """Random JSONL files, text files, folders and standard input, some of them hostile
    (``tests/hostile_inputs.py``): one strict-JSON answer per record, in input order, with
    the outcome due, and never a traceback. Lone surrogates in ids and texts are fuzzed
    once the output escapes them."""
    folder = tmp_path_factory.mktemp("fuzz")
    made = build(rng, folder, surrogates=SURROGATES)
    output, stderr = _run_in_process(made, folder)
    assert problems(made, output, stderr) == []

"""Hostile inputs for ``quotelib extract``, with the answers they must get.

Shared by the property test in ``tests/test_inputs.py`` and the ``--cli`` mode
of ``benchmarks/fuzz.py``. :func:`build` writes random JSONL files (bad JSON,
huge integers, deep nesting, lines that are not objects, wrong types, NaN,
lone surrogates, blank lines, lines too long, a BOM, CRLF), text files
(binary, not UTF-8, empty, too large, gzip: good, corrupt, cut short or
larger than the limit once decompressed) and folders (nested, upper-case
``.TXT``, files that are skipped, a FIFO, a name that is not UTF-8), and
returns the command line with the ``(id, outcome)`` of every record in input
order, so that a run can be checked answer by answer.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

#: The record limit a build may pass as ``--max-record-mb`` (in bytes), small
#: enough that generated lines and files go past it.
SMALL_LIMIT = 2_000
TEXTS = [
    "Xi stated that ties are strong.",
    '"We will not back down," Mayor Jane Smith said.',
    "Officials warned that the storm could cause flooding.",
    "",
    "He said: \u201cno\u201d.",
    "Caf\u00e9 owners, \u4f60\u597d, said \u00ab non \u00bb.",
]
GOOD, ERROR = "quotes", "error"


@dataclass
class Build:
    """What was written: the command line's inputs and options, standard input, the answers due."""

    args: list[str] = field(default_factory=list)
    stdin: bytes | None = None
    expected: list[tuple[object, str]] = field(default_factory=list)  # (id, GOOD or ERROR)
    limit: int | None = None


def build(rng: random.Random, folder: Path, *, surrogates: bool) -> Build:
    """Write random hostile inputs under ``folder``; ``surrogates``: put lone surrogates
    in ids and texts (the output must then escape them)."""
    made = Build()
    if rng.random() < 0.4:
        made.limit = SMALL_LIMIT
        made.args += ["--max-record-mb", str(SMALL_LIMIT / 1e6)]
    limit = made.limit or 100_000_000
    for index in range(rng.randint(1, 4)):
        kind = rng.choice(["jsonl", "jsonl", "jsonl.gz", "text", "folder", "stdin"])
        if kind == "stdin" and made.stdin is None:
            _stdin(rng, made, limit, surrogates)
        elif kind.startswith("jsonl"):
            path = folder / f"in{index}.{kind}"
            lines, expected = _jsonl(rng, str(path), limit, surrogates)
            data = b"".join(lines)
            path.write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
            made.args.append(str(path))
            made.expected += expected
        elif kind == "text":
            path, outcome = _text_file(rng, folder / f"in{index}.txt", limit)
            made.expected.append((str(path), outcome))
            made.args.append(str(path))
        else:
            made.args.append(str(folder / f"dir{index}"))
            made.expected += _folder(rng, folder / f"dir{index}", limit)
    return made


def _text(rng: random.Random, surrogates: bool) -> str:
    text = rng.choice(TEXTS)
    return text + "\ud800 said he." if surrogates and rng.random() < 0.3 else text


def _jsonl(
    rng: random.Random, source: str, limit: int, surrogates: bool
) -> tuple[list[bytes], list[tuple[object, str]]]:
    """Random JSONL lines, and the answers due for them (none for a blank line)."""
    lines: list[bytes] = []
    expected: list[tuple[object, str]] = []
    for number in range(1, rng.randint(0, 12) + 1):
        record_id = f"r{number}" + ("\ud800" if surrogates and rng.random() < 0.2 else "")
        line, outcome, own_id = _json_line(rng, record_id, _text(rng, surrogates))
        raw = line if isinstance(line, bytes) else line.encode("utf-8")
        if number == 1 and rng.random() < 0.2:
            raw = b"\xef\xbb\xbf" + raw
        end = rng.choice([b"\n", b"\r\n"])
        lines.append(raw + end)
        if len(raw + end) - 1 > limit:  # longer than a record may be
            outcome, own_id = ERROR, False
        if outcome is not None:
            expected.append((record_id if own_id else f"{source}:{number}", outcome))
    return lines, expected


def _json_line(
    rng: random.Random, record_id: str, text: str
) -> tuple[str | bytes, str | None, bool]:
    """One line: its text (json.dumps escapes surrogates), the outcome due, and whether
    the answer carries ``record_id`` (or the line's place)."""
    kind = rng.choice(
        ["good", "good", "no-id", "extras", "bad-json", "huge-int", "deep", "not-object",
         "wrong-type", "no-text", "nan-id", "not-utf8", "blank", "long"]
    )  # fmt: skip
    if kind == "good":
        return json.dumps({"id": record_id, "text": text}), GOOD, True
    if kind == "no-id":
        return json.dumps({"text": text}), GOOD, False
    if kind == "extras":
        extras = {"n": float("nan"), "big": 10**4000, "nested": [[[{"a": None}]]] * 3}
        return json.dumps({"id": record_id, "text": text, **extras}), GOOD, True
    if kind == "bad-json":
        return json.dumps({"id": record_id, "text": text})[:-2], ERROR, False
    if kind == "huge-int":
        return f'{{"id": {"9" * 5000}, "text": "x"}}', ERROR, False
    if kind == "deep":
        return "[" * rng.choice([5_000, 100_000]), ERROR, False
    if kind == "not-object":
        return rng.choice(["[1, 2]", '"text"', "42", "null", "true"]), ERROR, False
    if kind == "wrong-type":
        wrong = rng.choice([42, None, ["a"], {"t": "x"}, 1.5, True])
        return json.dumps({"id": record_id, "text": wrong}), ERROR, True
    if kind == "no-text":
        return json.dumps({"id": record_id, "title": text}), ERROR, True
    if kind == "nan-id":
        bad_id = rng.choice(["NaN", "Infinity", "[-Infinity]"])
        return f'{{"id": {bad_id}, "text": "x"}}', ERROR, False
    if kind == "not-utf8":
        return b'{"id": "x", "text": "caf\xe9"}', ERROR, False
    if kind == "blank":
        return rng.choice(["", "   ", "\t"]), None, False
    return json.dumps({"id": record_id, "text": "word " * (SMALL_LIMIT // 5)}), GOOD, True


def _text_file(rng: random.Random, path: Path, limit: int) -> tuple[Path, str]:
    """Write one text file at ``path`` (or ``path`` + ``.gz``); where, and the outcome due."""
    text = rng.choice(TEXTS).encode("utf-8")
    kind = rng.choice(["good", "bom", "empty", "binary", "latin-1", "large", "gz", "gz-corrupt",
                       "gz-cut", "gz-bomb"])  # fmt: skip
    contents = {
        "good": text,
        "bom": b"\xef\xbb\xbf" + text,
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(20),
        "latin-1": "Le maire a dit \u00ab non \u00bb.".encode("latin-1"),
        "large": b"word " * (SMALL_LIMIT // 5 + 1),
        "gz-bomb": b" " * (SMALL_LIMIT * 10),
    }
    data = contents.get(kind, text)
    outcome = ERROR if kind in ("binary", "latin-1", "gz-corrupt", "gz-cut") else GOOD
    if len(data) > limit:
        outcome = ERROR
    if kind.startswith("gz"):
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data)
        if kind == "gz-corrupt":
            data = data[:10] + bytes(byte ^ 0x55 for byte in data[10:])
        elif kind == "gz-cut":
            data = data[: len(data) // 2]
    path.write_bytes(data)
    return path, outcome


def _folder(rng: random.Random, top: Path, limit: int) -> list[tuple[object, str]]:
    """Write a folder of files; the answers due, in path order."""
    top.mkdir()
    answers: dict[tuple[str, ...], tuple[object, str]] = {}
    names = [b"a.txt", b"B.TXT", b"c.md", b"data.jsonl", b"sub/d.txt", b"sub/deeper/e.txt",
             b"sub/notes", b"caf\xe9.txt", b"fifo.txt", b"empty/"]  # fmt: skip
    for name in rng.sample(names, rng.randint(0, len(names))):
        path = Path(os.fsdecode(os.fsencode(top) + b"/" + name))
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(b"/"):
            path.mkdir(exist_ok=True)
            continue
        if name == b"fifo.txt":
            os.mkfifo(path)
            written, outcome = path, ERROR
        elif name.lower().endswith(b".txt"):
            written, outcome = _text_file(rng, path, limit)
        else:
            path.write_text("not read", encoding="utf-8")
            continue
        shown = os.fsencode(written).decode("utf-8", "backslashreplace")
        answers[written.relative_to(top).parts] = (shown, outcome)
    if not answers:
        return [(str(top), ERROR)]  # no text files in the folder
    return [answers[parts] for parts in sorted(answers)]


def _stdin(rng: random.Random, made: Build, limit: int, surrogates: bool) -> None:
    if rng.random() < 0.5:
        lines, expected = _jsonl(rng, "<stdin>", limit, surrogates)
        if not lines or not lines[0].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            # standard input is JSONL when it starts with "{": make it start so
            first = lines[0].removeprefix(b"\xef\xbb\xbf") if lines else None
            lines = (
                [b'{"id": "first", "text": "Xi said no."}\n']
                + ([first] if first else [])
                + lines[1:]
            )
            expected = [("first", GOOD), *_renumbered(expected)]
        made.stdin, made.expected = b"".join(lines), made.expected + expected
    else:
        made.stdin = rng.choice([b"", b"\xef\xbb\xbf"]) + rng.choice(TEXTS).encode("utf-8")
        made.expected.append(("<stdin>", GOOD))
    made.args.append("-")


def _renumbered(expected: list[tuple[object, str]]) -> list[tuple[object, str]]:
    """The answers due once a line is put before the others: fallback ids move down one."""
    moved = []
    for record_id, outcome in expected:
        if isinstance(record_id, str) and record_id.startswith("<stdin>:"):
            record_id = f"<stdin>:{int(record_id.split(':')[1]) + 1}"
        moved.append((record_id, outcome))
    return moved


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def problems(made: Build, output: bytes, stderr: str) -> list[str]:
    """What is wrong with a run's output: every line strict UTF-8 JSON (no NaN), one
    answer per record in order with the outcome due, and no traceback."""
    found = []
    if "Traceback" in stderr:
        found.append(f"a traceback: {stderr[-2000:]}")
    try:
        lines = output.decode("utf-8").splitlines()
        answers = [json.loads(line, parse_constant=_no_constants) for line in lines]
    except ValueError as error:
        return [*found, f"output is not strict UTF-8 JSON lines: {error}"]
    got = [(a.get("id"), GOOD if "quotes" in a else ERROR) for a in answers]
    if any(("quotes" in a) == ("error" in a) for a in answers):
        found.append("an answer without exactly one of 'quotes' and 'error'")
    if got != made.expected:
        found.append(f"answers {got!r}\n    due {made.expected!r}")
    return found

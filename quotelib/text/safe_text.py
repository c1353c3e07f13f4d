"""Text made safe to write: valid UTF-8 JSON lines, CSV cells, HTML and terminal text.

A Python ``str`` can hold what UTF-8 cannot encode (a lone surrogate such as
``"\\ud800"``, valid in JSON) and what breaks the reader of an output: a line
separator inside a JSON line, a float ``NaN`` (not JSON), a spreadsheet
formula at the start of a CSV cell, a terminal escape sequence. Each writer
of quotelib passes its text through one function here, and nothing else
changes: records, quotes and their offsets stay exactly as they are.

- JSON (:func:`json_line`): lone surrogates, U+0085, U+2028 and U+2029 are
  written as ``\\uXXXX`` escapes (``json.dumps`` already escapes the other
  characters ``str.splitlines`` breaks at), ``NaN`` and ``Infinity`` as the
  strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``, and values JSON has
  no type for (bytes, sets, objects) as text. (A high surrogate followed by a
  low one, which no JSON or UTF-8 input decodes to, can only be written as
  the two escapes, and JSON readers join them into the one character.)
- CSV (:func:`csv_cell`): lone surrogates become U+FFFD, and a text cell that
  starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  ``'`` in front, so a spreadsheet shows it as text instead of running it.
- HTML and data frames (:func:`valid_unicode`): lone surrogates become U+FFFD.
- Terminals (:func:`terminal_text`): control characters other than tab and
  line feed, lone surrogates, line separators and the bidirectional controls
  are shown as ``\\xNN`` or ``\\uNNNN``, so no escape sequence is run.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

__all__ = ["csv_cell", "json_line", "json_safe", "terminal_text", "valid_unicode"]

_SURROGATES = re.compile("[\ud800-\udfff]")
# Inside JSON strings (the only place non-ASCII can appear in json.dumps output).
_JSON_UNSAFE = re.compile("[\u0085\u2028\u2029\ud800-\udfff]")
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NON_FINITE = {math.inf: "Infinity", -math.inf: "-Infinity"}


def json_line(value: Any) -> str:
    """``value`` as one line of valid JSON that encodes to UTF-8, without its newline.

    Examples:
        >>> print(json_line({"id": float("nan"), "text": "a\\u2028b\\ud800"}))
        {"id": "NaN", "text": "a\\u2028b\\ud800"}
        >>> json.loads(json_line({"id": "\\ud800"})) == {"id": "\\ud800"}
        True
        >>> json_line({"id": b"raw", "tags": {1}})
        '{"id": "raw", "tags": [1]}'
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        text = json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False)
    return _JSON_UNSAFE.sub(_json_escape, text)


def json_safe(value: Any) -> Any:
    """``value`` with what JSON cannot hold replaced: non-finite floats, bytes, other types.

    Examples:
        >>> json_safe({"id": [float("-inf"), b"caf\\xc3\\xa9", (1, 2)], 3: None})
        {'id': ['-Infinity', 'café', [1, 2]], 3: None}
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else _NON_FINITE.get(value, "NaN")
    if isinstance(value, dict):
        return {_json_key(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [json_safe(item) for item in items]
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "backslashreplace")
    return str(value)


def _json_key(key: Any) -> Any:
    if key is None or isinstance(key, (str, bool, int)):
        return key
    if isinstance(key, float):
        return json_safe(key)
    return str(json_safe(key))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it encodes to UTF-8.

    One character stands for one, so positions in ``text`` stay where they were.

    Examples:
        >>> valid_unicode("caf\\ud800!")
        'caf\ufffd!'
    """
    return _SURROGATES.sub("\ufffd", text)


def csv_cell(value: Any) -> Any:
    """A CSV cell: valid UTF-8 text, with a ``'`` before what a spreadsheet would run.

    Numbers and ``None`` are kept; values that are not text, numbers or
    ``None`` (a JSON object as id) are written as JSON.

    Examples:
        >>> [csv_cell(v) for v in ["=SUM(A1)", "-2 said", "ok", -2, None, {"a": 1}]]
        ["'=SUM(A1)", "'-2 said", 'ok', -2, None, '{"a": 1}']
    """
    if value is None or isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        value = json_line(value)
    value = valid_unicode(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def terminal_text(text: str) -> str:
    """``text`` for a terminal: control characters shown as escapes, never run.

    Tab and line feed are kept; every other C0 or C1 control character
    (ESC starts the terminal's escape sequences), DEL, lone surrogates, line
    and paragraph separators and the bidirectional controls are written as
    ``\\xNN`` or ``\\uNNNN``.

    Examples:
        >>> print(terminal_text("red \\x1b[31malert\\x1b[0m\\tok"))
        red \\x1b[31malert\\x1b[0m	ok
    """
    return _TERMINAL_UNSAFE.sub(_visible_escape, text)


def _visible_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

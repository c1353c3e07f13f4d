"""``quotelib extract --format parquet``: one row per quote, with its document's metadata.

The columns are those of :func:`quotelib.to_records` (:data:`quotelib.table.RECORD_FIELDS`),
then each metadata field of the input record (the JSONL fields other than
the id and the text), nested objects flattened with dotted names
(``meta.publisher``). A metadata name that is already a quote column is
written ``meta_<name>``. A column whose values do not share one Parquet type
(a field that is a number in one record and text in another, or a list of
objects) is written as JSON text.

The rows are held in memory until the run ends, when the file is written
whole: Parquet needs every column's type before the first row. Parquet
needs pyarrow: ``pip install 'quotelib[parquet]'``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from quotelib.records import Quote
from quotelib.table import RECORD_FIELDS, to_records

__all__ = ["ParquetRows", "check_parquet_output", "flat_meta"]

_TEXT_FIELDS = frozenset(RECORD_FIELDS) & frozenset(
    """kind content content_joined speaker speaker_name speaker_id speaker_resolution cue
    addressee addressee_name""".split()
)


def check_parquet_output(output: str) -> None:
    """Refuse ``--format parquet`` before any work: to standard output, or without pyarrow.

    Raises:
        ValueError: ``output`` is ``-``, or pyarrow is not installed.

    Examples:
        >>> check_parquet_output("-")
        Traceback (most recent call last):
        ...
        ValueError: --format parquet needs an output file (--output FILE), not standard output
    """
    if output == "-":
        msg = "--format parquet needs an output file (--output FILE), not standard output"
        raise ValueError(msg)
    try:
        import pyarrow  # noqa: F401 - optional: imported only for Parquet
    except ImportError as error:
        msg = "--format parquet needs pyarrow: pip install 'quotelib[parquet]'"
        raise ValueError(msg) from error


def flat_meta(meta: Mapping[str, Any] | None, prefix: str = "") -> dict[str, Any]:
    """A record's metadata with nested objects flattened to dotted names.

    Examples:
        >>> flat_meta({"outlet": "Herald", "meta": {"date": "2024-03-04", "n": 2}, "kind": "op-ed"})
        {'outlet': 'Herald', 'meta.date': '2024-03-04', 'meta.n': 2, 'meta_kind': 'op-ed'}
    """
    flat: dict[str, Any] = {}
    for name, value in (meta or {}).items():
        column = f"{prefix}{name}"
        if isinstance(value, Mapping) and value:
            flat.update(flat_meta(value, f"{column}."))
        else:
            flat[f"meta_{column}" if column in RECORD_FIELDS else column] = value
    return flat


class ParquetRows:
    """The quote rows of a run, written as one Parquet file at the end.

    pyarrow is needed by :meth:`write` only (see :func:`check_parquet_output`).
    """

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.columns: dict[str, None] = dict.fromkeys(RECORD_FIELDS)

    def add(self, record_id: Any, quotes: Sequence[Quote], meta: Mapping[str, Any] | None) -> None:
        """Add one record's quotes, each with the record's metadata."""
        extra = flat_meta(meta)
        self.columns.update(dict.fromkeys(extra))
        for row in to_records(quotes, doc_id=record_id):
            self.rows.append({**row, **extra})

    def write(self, file: IO[bytes]) -> None:
        """Write the rows (an empty file with the quote columns when there are none)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrays = {name: self._array(pa, name) for name in self.columns}
        pq.write_table(pa.table(arrays), file)

    def _array(self, pa: Any, name: str) -> Any:
        values = [row.get(name) for row in self.rows]
        known = _quote_type(pa, name)
        if known is not None:  # one type whatever the rows hold
            return pa.array(values, type=known)
        try:
            if not any(isinstance(v, (dict, list)) and _has_objects(v) for v in values):
                return (
                    pa.array(values) if any(v is not None for v in values) else _empty(pa, values)
                )
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
        return pa.array(
            [None if v is None else v if isinstance(v, str) else json.dumps(v) for v in values],
            type=pa.string(),
        )


def _quote_type(pa: Any, name: str) -> Any:
    if name.endswith(("_start", "_end")) or name == "n_parts":
        return pa.int64()
    if name == "content_parts":
        return pa.list_(pa.list_(pa.int64()))
    if name == "content_parts_text":
        return pa.list_(pa.string())
    if name in _TEXT_FIELDS:
        return pa.string()
    return None  # the id, the metadata, any other quote column: inferred


def _has_objects(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(
        isinstance(v, (dict, list)) and _has_objects(v) for v in value
    )


def _empty(pa: Any, values: list[Any]) -> Any:
    return pa.array(values, type=pa.string())

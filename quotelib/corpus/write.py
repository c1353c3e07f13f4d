"""People and quote groups written out: an aligned table, CSV, JSONL or Parquet.

JSONL holds each row as :meth:`Person.to_dict <quotelib.corpus.Person.to_dict>`
(or :meth:`QuoteGroup.to_dict <quotelib.corpus.QuoteGroup.to_dict>`) gives it.
In CSV and Parquet, counts by kind and cue class and the gender evidence
are JSON objects in one cell (their keys vary), lists are JSON arrays in CSV
and lists in Parquet. Parquet needs pyarrow: ``pip install 'quotelib[parquet]'``.
"""

from __future__ import annotations

import csv
import io
import os
import secrets
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from quotelib.corpus.records import Person, QuoteGroup
from quotelib.io.safe_write import write_atomically
from quotelib.text.safe_text import csv_cell, json_line, terminal_text

__all__ = ["CorpusFormat", "format_people", "write_rows"]


class CorpusFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def format_people(people: Sequence[Person], *, group_field: str | None = None) -> str:
    """People as an aligned table, most quoted first.

    Examples:
        >>> from quotelib.corpus import Person
        >>> lee = Person(key="ann-lee", name="Ann Lee", kind="named", aliases=("Ann Lee", "Lee"),
        ...              quotes=3, documents=2, by_kind={"direct": 1, "indirect": 2},
        ...              by_cue_class=None, gender="female", gender_evidence={"she": 2})
        >>> print(format_people([lee]))
        key      name     quotes  docs  direct  indirect  mixed  gender  evidence
        ann-lee  Ann Lee       3     2       1         2      0  female  she 2
    """
    head = ["key", "name", "quotes", "docs", "direct", "indirect", "mixed", "gender", "evidence"]
    if group_field is not None:
        head.insert(2, group_field)
    rows = [head]
    for person in people:
        evidence = ", ".join(f"{w} {n}" for w, n in person.gender_evidence.items())
        counts = [person.by_kind.get(kind, 0) for kind in ("direct", "indirect", "mixed")]
        row = [person.key, person.name, person.quotes, person.documents, *counts, person.gender]
        if group_field is not None:
            row.insert(2, "" if person.group is None else person.group)
        rows.append([terminal_text(str(cell)) for cell in [*row, evidence]])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    numeric = {
        i
        for i, name in enumerate(head)
        if name in ("quotes", "docs", "direct", "indirect", "mixed")
    }
    lines = []
    for row in rows:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def write_rows(
    rows: Sequence[Person | QuoteGroup],
    output: str,
    output_format: CorpusFormat,
    *,
    group_field: str | None = None,
    of: type = Person,
) -> str | None:
    """Write rows to ``output`` (a path, or ``-``); returns the text for standard output.

    ``of`` is the class of the rows (:class:`Person` or :class:`QuoteGroup`),
    which names the CSV columns even when there are no rows.

    A file is written whole to a temporary name and renamed, so a reader
    never sees half of it.

    Raises:
        ValueError: Parquet to standard output.
        ImportError: Parquet without pyarrow.
    """
    if output_format is CorpusFormat.parquet:
        if output == "-":
            msg = "--format parquet needs an output file (--output FILE), not standard output"
            raise ValueError(msg)
        _write_parquet([_flat(row, json_objects=True) for row in rows], Path(output))
        return None
    if output_format is CorpusFormat.jsonl:
        text = "".join(json_line(row.to_dict()) + "\n" for row in rows)
    elif output_format is CorpusFormat.csv:
        columns = [field.name for field in attrs.fields(of)]
        text = _csv([_flat(row, json_objects=True, json_lists=True) for row in rows], columns)
    elif of is Person:
        text = format_people(rows, group_field=group_field) + "\n"
    else:
        text = _groups_table(rows)
    if output == "-":
        return text
    write_atomically(Path(output), text)
    return None


def _flat(row: Person | QuoteGroup, *, json_objects: bool, json_lists: bool = False) -> dict:
    data = row.to_dict()
    for name, value in data.items():
        if (json_objects and isinstance(value, dict)) or (json_lists and isinstance(value, list)):
            data[name] = json_line(value)
        elif isinstance(value, list) and name in ("members", "earliest"):
            data[name] = json_line(value)  # mixed types: kept as JSON text in Parquet
    return data


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _groups_table(groups: Sequence[QuoteGroup], width: int = 60) -> str:
    lines = ["docs  speaker  text"]
    for group in groups:
        text = group.text if len(group.text) <= width else group.text[: width - 1] + "…"
        lines.append(f"{group.documents:>4}  {group.speaker or '-'}  {text}")
    return terminal_text("\n".join(lines)) + "\n"


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    except BaseException:
        if temporary.exists():
            temporary.unlink()
        raise

"""``quotelib characters``: the characters of one book, as a table, CSV or JSON lines.

The book is read whole (:func:`quotelib.characters`), however long. Exit
status: 0 when written, 1 when the file cannot be read (not UTF-8, no
permission), 2 when it does not exist, an option is bad, the output cannot
be written or the model cannot be loaded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from quotelib.book import Character, characters
from quotelib.cli._util import Model, Output, check_inputs_exist, fail, load_model
from quotelib.io.inputs import read_stdin
from quotelib.io.partial import cannot_write
from quotelib.io.run_paths import check_output
from quotelib.io.safe_write import write_atomically
from quotelib.text.safe_text import csv_cell, json_line, terminal_text

__all__ = ["CharacterFormat", "characters_command", "format_characters"]

#: The columns of the table and of CSV, in order.
COLUMNS = ("key", "name", "gender", "mentions", "quotes", "narrator", "aliases", "gender_evidence")


class CharacterFormat(str, Enum):
    """How ``quotelib characters`` writes its rows."""

    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def characters_command(
    path: Annotated[
        Path, typer.Argument(help="A UTF-8 text file (a book), or - for standard input.")
    ],
    output: Output = "-",
    output_format: Annotated[
        CharacterFormat, typer.Option("--format", help="How to write the rows.")
    ] = CharacterFormat.table,
    model: Model = None,
) -> None:
    """The characters of one book: names, aliases, gender, mentions, quotes, narrator."""
    if str(path) != "-":
        check_inputs_exist([str(path)])
    try:
        check_output(output)
    except ValueError as error:
        fail(str(error))
    nlp = load_model(model)
    try:
        text = read_stdin() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path}: {error}", code=1)
    rows = format_characters(characters(text, nlp=nlp), output_format)
    if output == "-":
        typer.echo(rows, nl=False)
        return
    try:
        write_atomically(Path(output), rows)
    except OSError as error:
        fail(cannot_write(output, error))


def format_characters(found: Sequence[Character], output_format: CharacterFormat) -> str:
    """Characters as an aligned table, CSV (aliases and evidence as ``word:count`` lists)
    or JSON lines (:meth:`Character.to_dict <quotelib.Character.to_dict>`).

    Examples:
        >>> from quotelib import Character
        >>> lizzy = Character(key="elizabeth", name="Elizabeth Bennet", gender="female",
        ...                   aliases=(("Elizabeth", 3), ("Lizzy", 1)),
        ...                   gender_evidence=(("she", 2),), mentions=4, quotes=2)
        >>> print(format_characters([lizzy], CharacterFormat.table))
        key        name              gender  mentions  quotes  narrator  aliases                  gender_evidence
        elizabeth  Elizabeth Bennet  female         4       2  no        Elizabeth 3; Lizzy 1  she 2
        >>> print(format_characters([lizzy], CharacterFormat.csv), end="")
        key,name,gender,mentions,quotes,narrator,aliases,gender_evidence
        elizabeth,Elizabeth Bennet,female,4,2,False,Elizabeth:3; Lizzy:1,she:2
    """
    if output_format is CharacterFormat.jsonl:
        return "".join(json_line(c.to_dict()) + "\n" for c in found)
    if output_format is CharacterFormat.csv:
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for c in found:
            writer.writerow([csv_cell(cell) for cell in _cells(c, ":")])
        return out.getvalue()
    rows = [list(COLUMNS)]
    rows += [
        [terminal_text(str(cell)) for cell in _cells(c, " ", yes="yes", no="no")] for c in found
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            cell.rjust(width) if name in ("mentions", "quotes") and n else cell.ljust(width)
            for name, cell, width in zip(COLUMNS, row, widths)
        ).rstrip()
        for n, row in enumerate(rows)
    ]
    return "\n".join(lines) + "\n"


def _cells(c: Character, joint: str, *, yes: object = True, no: object = False) -> list:
    counts = [
        "; ".join(f"{word}{joint}{count}" for word, count in pairs)
        for pairs in (c.aliases, c.gender_evidence)
    ]
    narrator = yes if c.narrator else no
    return [c.key, c.name, c.gender or "", c.mentions, c.quotes, narrator, *counts]

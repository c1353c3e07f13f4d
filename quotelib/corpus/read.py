"""A :class:`~quotelib.corpus.CorpusIndex` of texts, or of quotelib's answers, in one pass.

A record is a text to extract quotes from (``{"id": ..., "text": ...}``, or
a plain string) or an answer of ``quotelib extract`` (``{"id": ...,
"quotes": [...]}``, without a text). Texts are read by
:func:`quotelib.stream.pipe_results` and their quotes counted as they come;
answers are counted as they are read. Either way every other field of the
record is its metadata (``--group-by``, ``--date-field``). How records are
read is one :class:`~quotelib.corpus.options.ReadOptions`. A record that is
neither, or that quotelib fails to read, is named in
:attr:`CorpusIndex.skipped <quotelib.corpus.CorpusIndex.skipped>` and logged,
never counted and never a reason to stop.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language

from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.options import ReadOptions, resolve_options
from quotelib.io.files import MAX_RECORD_BYTES, display_name, open_binary, read_lines, reason
from quotelib.io.inputs import InputFormat, is_jsonl, read_inputs
from quotelib.io.jsonl import json_objects
from quotelib.stream import pipe_results

__all__ = ["index_files", "index_records"]

logger = logging.getLogger(__name__)


def index_records(
    records: Iterable[Any],
    options: ReadOptions | None = None,
    *,
    group_by: str | None = None,
    date_field: str | None = None,
    id_field: str = "id",
    text_field: str = "text",
    nlp: Language | str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    index: CorpusIndex | None = None,
) -> CorpusIndex:
    """The index of records: texts (quotes extracted here) or answers of ``quotelib extract``.

    A plain string is a text whose id is its position among the records.
    The read options are a :class:`~quotelib.corpus.options.ReadOptions`
    or the keywords of its fields (not both); ``index``, when given, is
    added to (its own ``group_by`` and ``date_field`` count).

    Examples:
        >>> from quotelib.corpus.read import index_records
        >>> index = index_records([
        ...     {"id": "a", "outlet": "Herald", "text": "Mayor Ana Ruiz said the bridge is safe."},
        ...     {"id": "b", "outlet": "Courier", "quotes": [
        ...         {"kind": "direct", "content_text": "It is safe.", "speaker_text": "Ruiz",
        ...          "speaker_name": "Ruiz", "speaker_id": "ruiz", "speaker_resolution": "name"}]},
        ...     {"id": "c", "body": "no text"},
        ... ], group_by="outlet")
        >>> [(p.key, p.group, p.quotes) for p in index.people()]
        [('ana-ruiz', 'Courier', 1), ('ana-ruiz', 'Herald', 1)]
        >>> index.skipped
        ["record 2 has neither a 'text' nor a 'quotes' field (its fields: ['body', 'id'])"]
    """
    keywords = ReadOptions(
        group_by=group_by,
        date_field=date_field,
        id_field=id_field,
        text_field=text_field,
        nlp=nlp,
        n_process=n_process,
        batch_size=batch_size,
    )
    options = resolve_options(options, keywords, "index_records")
    index = index or CorpusIndex(group_by=options.group_by, date_field=options.date_field)
    texts = _texts(records, index, options.id_field, options.text_field)
    results = pipe_results(
        texts, nlp=options.nlp, n_process=options.n_process, batch_size=options.batch_size
    )
    for quotes, error, (doc_id, meta) in results:
        if error is None:
            index.add(doc_id, quotes, meta)
        else:
            problem = f"record {doc_id!r} was not read: {error}"
            logger.warning("skipped %s", problem)
            index.skipped.append(problem)
    return index


def _texts(
    records: Iterable[Any], index: CorpusIndex, id_field: str, text_field: str
) -> Iterator[tuple[str, tuple[Any, Any]]]:
    """The texts to extract, as ``(text, (id, record))``; answers are counted on the way."""
    for number, record in enumerate(records):
        where = f"record {number}"
        if isinstance(record, str):
            yield record, (number, None)
        elif not isinstance(record, Mapping):
            index.add_answer(record, where)  # skipped, with the reason
        elif isinstance(record.get(text_field), str):
            yield record[text_field], (record.get(id_field, number), record)
        elif text_field in record:
            _skip(index, f"{where}: {text_field!r} must be a string (got {record[text_field]!r})")
        elif "quotes" in record or "error" in record:
            answer = dict(record)
            answer.setdefault("id", record.get(id_field, number))
            index.add_answer(answer, where)
        else:
            fields = sorted(record)
            _skip(
                index,
                f"{where} has neither a {text_field!r} nor a 'quotes' field (its fields: {fields})",
            )


def _skip(index: CorpusIndex, problem: str) -> None:
    logger.warning("skipped %s", problem)
    index.skipped.append(problem)


def index_files(
    inputs: Iterable[str],
    options: ReadOptions | None = None,
    *,
    input_format: InputFormat = InputFormat.auto,
) -> CorpusIndex:
    """The index of files: JSONL of texts or of answers, text files, folders, ``-``.

    ``options`` are read as by :func:`index_records` (``None``: the
    defaults). A JSONL line that is not a JSON object is skipped and named
    in ``skipped``, as is a file that cannot be read.
    """
    options = options or ReadOptions()
    index = CorpusIndex(group_by=options.group_by, date_field=options.date_field)
    records = _file_records(list(inputs), input_format, options, index)
    return index_records(records, options, index=index)


def _file_records(
    inputs: list[str], input_format: InputFormat, options: ReadOptions, index: CorpusIndex
) -> Iterator[Any]:
    id_field, text_field = options.id_field, options.text_field
    for name in inputs:
        if name != "-" and is_jsonl(name, input_format):
            yield from _jsonl_records(name, index, id_field)
            continue
        for record in read_inputs([name], input_format, id_field, text_field):
            if record.error is not None:
                _skip(index, f"{record.id}: {record.error}")
            else:
                yield {id_field: record.id, text_field: record.text}


def _jsonl_records(name: str, index: CorpusIndex, id_field: str) -> Iterator[dict[str, Any]]:
    source = display_name(name)
    try:
        with open_binary(name, limit=None, pipes=True) as stream:
            for number, data, error in json_objects(read_lines(stream, MAX_RECORD_BYTES), source):
                if data is None:
                    _skip(index, error)
                else:
                    data.setdefault(id_field, f"{source}:{number}")
                    yield data
    except Exception as error:  # the file cannot be opened; a bad line is skipped inside
        _skip(index, f"cannot read {source}: {reason(error)}")

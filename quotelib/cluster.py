"""Quotes past one machine: Dask bags and data frames mapped partition-wise.

:func:`extract_bag` maps a ``dask.bag.Bag`` of records to one answer per
record, and :func:`extract_dataframe` maps a dask ``DataFrame`` of texts to
one row per quote. Each partition is read by :func:`quotelib.stream.pipe_results`
in the worker, so spaCy batches the texts, and the pipeline is loaded there
by name through :func:`~quotelib.load_pipeline`, once per worker process:
nothing but names and plain data travels through the task graph.

The partition functions :func:`answer_records` and :func:`quote_rows` need
no Dask, so any engine that maps partitions (``multiprocessing``, Spark's
``mapPartitions``) can call them. Dask itself is imported only when a
function that builds a graph is called: ``pip install 'quotelib[dask]'``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from quotelib.parse.model import load_pipeline
from quotelib.records import Quote
from quotelib.stream import pipe_results
from quotelib.table import LIST_FIELDS, RECORD_FIELDS, to_dataframe

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["answer_records", "extract_bag", "extract_dataframe", "quote_rows", "worker_model_name"]

logger = logging.getLogger(__name__)

ModelName = str | Path | None

_OFFSETS = tuple(name for name in RECORD_FIELDS if name.endswith(("_start", "_end")))

# Two threads of one worker starting their first task together would both miss
# load_pipeline's cache and load the model twice.
_LOAD_LOCK = threading.Lock()


def extract_bag(
    bag: dask.bag.Bag,
    *,
    id_field: str = "id",
    text_field: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> dask.bag.Bag:
    """Map a bag of records to one answer per record, partition by partition.

    A record is a dict with an id and a text field, or a plain string (whose
    answer has the id ``None``; answers keep the bag's order). The answer is
    the JSON-ready dict that ``quotelib extract`` writes: ``{"id": ...,
    "quotes": [Quote.to_dict(), ...]}``, or ``{"id": ..., "error": ...}`` for
    a record without a ``str`` text or one quotelib failed to read. A bad
    record never fails its task.

    Args:
        bag: the records.
        id_field: the id field of dict records (a record without it gets the
            id ``None``).
        text_field: the text field of dict records.
        nlp: the name of (or path to) the pipeline to load on each worker,
            or ``None`` for :func:`~quotelib.load_pipeline`'s default. It must
            be installed on the workers; a loaded ``Language`` is refused, so
            that no model is shipped through the graph.
        batch_size: texts per spaCy batch (``None``: :data:`quotelib.stream.BATCH_SIZE`).

    Returns:
        A lazy bag of answers, one per record, in the order of ``bag``.

    Raises:
        ImportError: dask is not installed.
        TypeError: ``bag`` is not a dask bag, or ``nlp`` or a field name is
            of the wrong type.

    Examples:
        >>> import dask
        >>> import dask.bag as db
        >>> from quotelib.cluster import extract_bag
        >>> records = [
        ...     {"id": "a1", "text": "Xi stated that ties are strong."},
        ...     {"id": "a2", "text": None},
        ...     "Officials warned of floods.",
        ... ]
        >>> answers = extract_bag(db.from_sequence(records, npartitions=2))
        >>> with dask.config.set(scheduler="synchronous"):
        ...     first, second, third = answers.compute()
        >>> first["id"], [(q["speaker_text"], q["content_text"]) for q in first["quotes"]]
        ('a1', [('Xi', 'ties are strong')])
        >>> second
        {'id': 'a2', 'error': "'text' must be a str (got None that is a <class 'NoneType'>)"}
        >>> third["id"], [(q["speaker_text"], q["content_text"]) for q in third["quotes"]]
        (None, [('Officials', 'floods')])
    """
    import dask.bag

    if not isinstance(bag, dask.bag.Bag):
        msg = f"'bag' must be a dask.bag.Bag (got {bag!r} that is a {type(bag)!r})"
        raise TypeError(msg)
    _check_name("id_field", id_field)
    _check_name("text_field", text_field)
    nlp = worker_model_name(nlp)
    return bag.map_partitions(
        answer_records, id_field=id_field, text_field=text_field, nlp=nlp, batch_size=batch_size
    )


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    id_column: str | None = "id",
    text_column: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> dask.dataframe.DataFrame:
    """Map a dask data frame of texts to one row per quote, partition by partition.

    The rows are those of :func:`quotelib.to_dataframe` (columns
    :data:`~quotelib.table.RECORD_FIELDS`, ``doc_id`` taken from
    ``id_column``), each indexed by the label of the row its text came from,
    as ``DataFrame.explode`` does, so the frame keeps the input's divisions
    and joins back onto it. A row whose text is not a ``str`` (a missing
    value) or that quotelib failed to read yields no quote rows and a
    warning in the worker's log; :func:`extract_bag` answers such records
    with their error instead.

    Args:
        frame: the texts, one per row.
        id_column: the column of document ids, or ``None`` to use the index.
        text_column: the column of texts.
        nlp: the name of (or path to) the pipeline to load on each worker,
            as for :func:`extract_bag`.
        batch_size: texts per spaCy batch (``None``: :data:`quotelib.stream.BATCH_SIZE`).

    Returns:
        A lazy data frame of quotes with the dtypes of :func:`quote_rows`,
        except that strings are held as dask holds them (pyarrow strings,
        unless the ``dataframe.convert-string`` setting is off), so the
        computed frame equals ``dd.from_pandas(quotelib.to_dataframe(...))``.

    Raises:
        ImportError: dask (with its data frame extra) is not installed.
        TypeError: ``frame`` is not a dask data frame, or ``nlp`` is of the
            wrong type.
        KeyError: ``frame`` has no ``id_column`` or ``text_column``.

    Examples:
        >>> import dask
        >>> import dask.dataframe as dd
        >>> import pandas as pd
        >>> from quotelib.cluster import extract_dataframe
        >>> texts = pd.DataFrame({
        ...     "id": ["a1", "a2", "a3"],
        ...     "text": ["Xi stated that ties are strong.", "No one spoke.",
        ...              '"We will appeal," the mayor said.'],
        ... })
        >>> quotes = extract_dataframe(dd.from_pandas(texts, npartitions=2))
        >>> with dask.config.set(scheduler="synchronous"):
        ...     rows = quotes.compute()
        >>> rows[["doc_id", "kind", "speaker", "cue", "content"]]
          doc_id      kind    speaker     cue          content
        0     a1  indirect         Xi  stated  ties are strong
        2     a3    direct  the mayor    said  We will appeal,
    """
    import dask.dataframe

    if not isinstance(frame, dask.dataframe.DataFrame):
        msg = f"'frame' must be a dask DataFrame (got {frame!r} that is a {type(frame)!r})"
        raise TypeError(msg)
    for name in (id_column, text_column):
        if name is not None and name not in frame.columns:
            msg = f"'frame' has no column {name!r} (its columns: {list(frame.columns)})"
            raise KeyError(msg)
    nlp = worker_model_name(nlp)
    ids = frame.index if id_column is None else frame[id_column]
    rows = _rows_meta(ids.dtype, frame.index.dtype, frame.index.name)
    # Strings as dask holds them (pyarrow strings unless "dataframe.convert-string" is off).
    dtypes = {
        **dask.dataframe.from_pandas(rows, npartitions=1).dtypes.to_dict(),
        "doc_id": ids.dtype,
        **dict.fromkeys(LIST_FIELDS, object),  # lists of offsets and texts, not strings
    }
    return frame.map_partitions(
        _quote_rows_as,
        dtypes,
        id_column=id_column,
        text_column=text_column,
        nlp=nlp,
        batch_size=batch_size,
        meta=rows.astype(dtypes),
    )


def answer_records(
    records: Iterable[Any],
    *,
    id_field: str = "id",
    text_field: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> list[dict[str, Any]]:
    """The answers to one partition of records, as :func:`extract_bag` maps them.

    The pipeline is loaded (once per process) only if the partition holds a
    text. A failure of the parser on one text makes the partition be read
    again text by text, so that only that record gets an error.

    Examples:
        >>> from quotelib.cluster import answer_records
        >>> answer_records([{"id": 7, "text": ""}, {"id": 8, "body": "A text."}])
        [{'id': 7, 'quotes': []}, {'id': 8, 'error': "no 'text' field (the record's fields: ['id', 'body'])"}]
    """
    answers: list[dict[str, Any]] = []
    items: list[tuple[str, int]] = []
    for record in records:
        record_id, text, error = _read_record(record, id_field, text_field)
        answers.append({"id": record_id, "error": error})
        if error is None:
            items.append((text, len(answers) - 1))
    for quotes, error, position in _read_texts(items, nlp, batch_size):
        answer = answers[position]
        if error is None:
            answers[position] = {"id": answer["id"], "quotes": [q.to_dict() for q in quotes]}
        else:
            answer["error"] = error
    return answers


def quote_rows(
    frame: pd.DataFrame,
    *,
    id_column: str | None = "id",
    text_column: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> pd.DataFrame:
    """The quote rows of one pandas partition, as :func:`extract_dataframe` maps them.

    Columns and values are those of :func:`quotelib.to_dataframe`; the
    dtypes are fixed whatever the partition holds (``doc_id`` that of the
    ids, strings pandas' default string dtype, ``n_parts`` ``int64``, offsets
    ``Int64``), so partitions concatenate into the same frame as one pass.

    Examples:
        >>> import pandas as pd
        >>> from quotelib.cluster import quote_rows
        >>> texts = pd.DataFrame({"id": [1, 2], "text": ["Xi stated that ties are strong.", None]},
        ...                      index=[10, 11])
        >>> quote_rows(texts)[["doc_id", "speaker", "content", "content_start"]]
            doc_id speaker          content  content_start
        10       1      Xi  ties are strong             15
    """
    ids = frame.index if id_column is None else frame[id_column]
    items: list[tuple[str, tuple[Any, Any]]] = []
    for label, doc_id, text in zip(frame.index, ids, frame[text_column]):
        if isinstance(text, str):
            items.append((text, (label, doc_id)))
        else:
            logger.warning("%r: %s", doc_id, _not_str(text_column, text))
    documents: list[tuple[Any, list[Quote]]] = []
    labels: list[Any] = []
    for quotes, error, (label, doc_id) in _read_texts(items, nlp, batch_size):
        if error is not None:
            logger.warning("%r: %s", doc_id, error)
            continue
        documents.append((doc_id, quotes))
        labels.extend([label] * len(quotes))
    meta = _rows_meta(ids.dtype, frame.index.dtype, frame.index.name)
    rows = to_dataframe(documents).astype(meta.dtypes.to_dict())
    rows.index = _labels_index(labels, frame.index)
    return rows


def _quote_rows_as(frame: pd.DataFrame, dtypes: dict[str, Any], **options: Any) -> pd.DataFrame:
    return quote_rows(frame, **options).astype(dtypes)


def _read_texts(
    items: list[tuple[str, Any]], nlp: ModelName, batch_size: int | None
) -> list[tuple[list[Quote] | None, str | None, Any]]:
    """``pipe_results`` over one partition's texts; a crash of the parser costs one text."""
    if not items:
        return []
    with _LOAD_LOCK:
        language = load_pipeline(nlp)
    try:
        return list(pipe_results(items, nlp=language, batch_size=batch_size))
    except Exception:
        logger.exception(
            "reading a partition of %d texts failed; reading them one by one", len(items)
        )
    return [_read_text(item, language) for item in items]


def _read_text(
    item: tuple[str, Any], language: Language
) -> tuple[list[Quote] | None, str | None, Any]:
    try:
        [result] = pipe_results([item], nlp=language)
    except Exception as error:
        return None, f"{type(error).__name__}: {error}", item[1]
    return result


def _read_record(record: Any, id_field: str, text_field: str) -> tuple[Any, Any, str | None]:
    """A record's id and text, or the reason it has no text."""
    if isinstance(record, str):
        return None, record, None
    if not isinstance(record, Mapping):
        msg = f"a record must be a dict or a str (got {record!r} that is a {type(record)!r})"
        return None, None, msg
    record_id = record.get(id_field)
    if text_field not in record:
        return record_id, None, f"no {text_field!r} field (the record's fields: {list(record)})"
    text = record[text_field]
    if not isinstance(text, str):
        return record_id, None, _not_str(text_field, text)
    return record_id, text, None


def _not_str(name: str, value: Any) -> str:
    return f"{name!r} must be a str (got {value!r} that is a {type(value)!r})"


def _rows_meta(id_dtype: Any, index_dtype: Any, index_name: Any) -> pd.DataFrame:
    """An empty frame with the columns and dtypes of :func:`quote_rows`."""
    import pandas as pd

    string = pd.Series(["text"]).dtype  # object, or str where pandas infers strings
    dtypes = dict.fromkeys(RECORD_FIELDS, string)
    dtypes.update({"doc_id": id_dtype, "n_parts": "int64", "confidence": "Float64"})
    dtypes.update(dict.fromkeys(LIST_FIELDS, object))
    dtypes.update(dict.fromkeys(_OFFSETS, "Int64"))
    index = pd.Index([], dtype=index_dtype, name=index_name)
    return pd.DataFrame({name: pd.Series([], dtype=dtypes[name]) for name in dtypes}, index=index)


def _labels_index(labels: list[Any], like: pd.Index) -> pd.Index:
    """The labels of the rows quotes came from, as an index of ``like``'s dtype and name."""
    import pandas as pd

    return pd.Index(labels, dtype=like.dtype, name=like.name)


def worker_model_name(nlp: Any) -> str | None:
    """The pipeline each worker loads, by name or path (``None``: the default).

    Raises:
        TypeError: ``nlp`` is a loaded ``Language`` (it cannot travel to the
            workers), or neither a name, a path nor ``None``.
    """
    if isinstance(nlp, Language):
        msg = (
            "'nlp' must be the name or path of a pipeline installed on the workers, or None "
            "(got a loaded spacy Language; each worker loads the pipeline once by name)"
        )
        raise TypeError(msg)
    if isinstance(nlp, Path):
        return str(nlp)
    if nlp is not None and not isinstance(nlp, str):
        msg = f"'nlp' must be a pipeline name, a path or None (got {nlp!r} that is a {type(nlp)!r})"
        raise TypeError(msg)
    return nlp


def _check_name(argument: str, value: Any) -> None:
    if not isinstance(value, str):
        msg = f"{argument!r} must be a str (got {value!r} that is a {type(value)!r})"
        raise TypeError(msg)

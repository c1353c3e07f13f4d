"""A :class:`~quotelib.corpus.CorpusIndex` built on Dask: one index per partition, merged.

:func:`index_bag` maps each partition of a bag of records with
:func:`partition_index` (the quotes extracted in the worker as
:func:`quotelib.cluster.extract_bag` extracts them, the pipeline loaded by
name once per worker) and merges the partitions' indexes with
:meth:`CorpusIndex.merge <quotelib.corpus.CorpusIndex.merge>`. The index
depends only on the set of records, so it equals the index built in one
process, whatever the partitions and workers. Dask is imported only when
:func:`index_bag` is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from quotelib.cluster import ModelName, answer_records, worker_model_name
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.options import ReadOptions, resolve_options

if TYPE_CHECKING:
    import dask.bag

__all__ = ["index_bag", "partition_index"]


def index_bag(
    bag: dask.bag.Bag,
    options: ReadOptions | None = None,
    *,
    group_by: str | None = None,
    date_field: str | None = None,
    id_field: str = "id",
    text_field: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> Any:
    """The corpus index of a bag of records, as a lazy Dask item (``.compute()`` it).

    Records are dicts with an id and a text field (their other fields are
    metadata); a record without a ``str`` text is named in the index's
    ``skipped``. The read options are a :class:`~quotelib.corpus.options.ReadOptions`
    (its ``nlp`` a name or path) or the keywords of its fields, not both.

    Examples:
        >>> import dask
        >>> import dask.bag as db
        >>> from quotelib.corpus.cluster import index_bag
        >>> records = [{"id": "a", "text": "Mayor Ana Ruiz said the bridge is safe."},
        ...            {"id": "b", "text": "Ana Ruiz said the repairs were cheap."}]
        >>> with dask.config.set(scheduler="synchronous"):
        ...     index = index_bag(db.from_sequence(records, npartitions=2)).compute()
        >>> [(p.key, p.quotes, p.documents) for p in index.people()]
        [('ana-ruiz', 2, 2)]
    """
    import dask.bag

    if not isinstance(bag, dask.bag.Bag):
        msg = f"'bag' must be a dask.bag.Bag (got {bag!r} that is a {type(bag)!r})"
        raise TypeError(msg)
    keywords = ReadOptions(
        group_by=group_by,
        date_field=date_field,
        id_field=id_field,
        text_field=text_field,
        nlp=nlp,
        batch_size=batch_size,
    )
    options = resolve_options(options, keywords, "index_bag")
    options = attrs.evolve(options, nlp=worker_model_name(options.nlp))  # each worker loads it
    return bag.reduction(lambda part: partition_index(part, options), _merge_all, split_every=8)


def partition_index(
    records: Iterable[Any],
    options: ReadOptions | None = None,
    *,
    group_by: str | None = None,
    date_field: str | None = None,
    id_field: str = "id",
    text_field: str = "text",
    nlp: ModelName = None,
    batch_size: int | None = None,
) -> CorpusIndex:
    """The index of one partition of records (no Dask needed: any engine can map it)."""
    keywords = ReadOptions(
        group_by=group_by,
        date_field=date_field,
        id_field=id_field,
        text_field=text_field,
        nlp=nlp,
        batch_size=batch_size,
    )
    options = resolve_options(options, keywords, "partition_index")
    records = list(records)
    answers = answer_records(
        records,
        id_field=options.id_field,
        text_field=options.text_field,
        nlp=options.nlp,
        batch_size=options.batch_size,
    )
    index = CorpusIndex(group_by=options.group_by, date_field=options.date_field)
    for number, (record, answer) in enumerate(zip(records, answers)):
        meta = record if isinstance(record, dict) else {}
        index.add_answer({**meta, **answer}, f"record {answer['id']!r} (partition item {number})")
    return index


def _merge_all(indexes: Iterable[CorpusIndex]) -> CorpusIndex:
    indexes = list(indexes)
    merged = CorpusIndex(group_by=indexes[0].group_by, date_field=indexes[0].date_field)
    for index in indexes:
        merged.merge(index)
    return merged

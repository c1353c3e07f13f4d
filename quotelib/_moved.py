"""The module paths of quotelib's flat layout, kept for one minor release with a warning.

quotelib 0.1 was one folder of modules; its modules now live in subpackages
that follow the pipeline (``docs/architecture.md``). An old path still
imports, for one minor release, as an alias that warns
(``DeprecationWarning``) and reads the names of the module, or modules, that
took its contents::

    from quotelib.view import DocView   # warns: now quotelib.document.view

Pickles that name an old path (``quotelib.marks.Quotation``) load the same
way. The aliases go in quotelib 0.2.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Mapping, Sequence
from types import MappingProxyType

__all__ = ["MOVED", "install", "moved_module"]

#: Each old module path, and the modules that hold its names now (looked up in order).
MOVED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "quotelib.gazetteers": ("quotelib.lexicon.gazetteers",),
        "quotelib.marks": ("quotelib.text.marks",),
        "quotelib.layout": ("quotelib.text.layout",),
        "quotelib.ranges": ("quotelib.text.ranges",),
        "quotelib.html_text": ("quotelib.text.html_text",),
        "quotelib.safe_text": ("quotelib.text.safe_text",),
        "quotelib.markup": ("quotelib.text.markup",),
        "quotelib.model": ("quotelib.parse.model",),
        "quotelib.chunks": ("quotelib.parse.chunks",),
        "quotelib.view": ("quotelib.document.view", "quotelib.document.columns"),
        "quotelib.syntax": ("quotelib.document.syntax",),
        "quotelib.cues": ("quotelib.document.cues",),
        "quotelib.attribution": ("quotelib.document.attribution",),
        "quotelib.reported": ("quotelib.rules.reported",),
        "quotelib.transcripts": ("quotelib.rules.transcripts",),
        "quotelib.content": ("quotelib.rules.content",),
        "quotelib.direct": ("quotelib.rules.direct",),
        "quotelib.dialogue": ("quotelib.rules.dialogue", "quotelib.rules.conversation"),
        "quotelib.turns": ("quotelib.rules.turns", "quotelib.rules.conversation"),
        "quotelib.utterance": ("quotelib.rules.utterance", "quotelib.rules.person"),
        "quotelib.nesting": ("quotelib.rules.nesting",),
        "quotelib.addressee": ("quotelib.rules.addressee", "quotelib.entities.addressees"),
        "quotelib.names": ("quotelib.entities.names",),
        "quotelib.mentions": ("quotelib.entities.mentions",),
        "quotelib.resolve": ("quotelib.entities.resolve", "quotelib.document.attribution"),
        "quotelib.build": ("quotelib.core.build",),
        "quotelib.confidence": ("quotelib.core.confidence",),
        "quotelib.confidence_model": ("quotelib.core.confidence_model",),
        "quotelib.reading": ("quotelib.batch.reading",),
        "quotelib.pool": ("quotelib.batch.pool",),
        "quotelib.inputs": ("quotelib.io.inputs",),
        "quotelib.files": ("quotelib.io.files",),
        "quotelib.jsonl": ("quotelib.io.jsonl",),
        "quotelib.outputs": ("quotelib.io.outputs", "quotelib.io.resume"),
        "quotelib.pages": ("quotelib.io.pages",),
        "quotelib.run_paths": ("quotelib.io.run_paths",),
        "quotelib.safe_write": ("quotelib.io.safe_write",),
        "quotelib.parquet_out": ("quotelib.io.parquet_out",),
        "quotelib.keep": ("quotelib.cli.keep",),
        "quotelib.corpus_people": ("quotelib.corpus.people",),
        "quotelib.corpus_groups": ("quotelib.corpus.groups",),
        "quotelib.corpus_names": ("quotelib.corpus.names",),
        "quotelib.corpus_read": ("quotelib.corpus.read",),
        "quotelib.corpus_write": ("quotelib.corpus.write",),
        "quotelib.corpus_cluster": ("quotelib.corpus.cluster",),
        "quotelib.corpus_cli": ("quotelib.cli.corpus",),
        "quotelib.scoring": ("quotelib.evaluation.scoring",),
        "quotelib.matching": ("quotelib.evaluation.matching",),
        "quotelib.breakdown": ("quotelib.evaluation.breakdown",),
        "quotelib.calibration": ("quotelib.evaluation.calibration",),
        "quotelib.annotated": ("quotelib.evaluation.annotated",),
        "quotelib.name_match": ("quotelib.evaluation.name_match",),
    }
)


class _Alias(types.ModuleType):
    """An old module path: each name read from the first module now holding it."""

    def __init__(self, name: str, targets: Sequence[str]) -> None:
        super().__init__(name, f"Moved: see {', '.join(targets)}.")
        self.__targets = tuple(targets)

    def __getattr__(self, attr: str) -> object:
        for target in self.__targets:
            module = importlib.import_module(target)
            if hasattr(module, attr):
                return getattr(module, attr)
        msg = f"module {self.__name__!r} (now {' and '.join(self.__targets)}) has no attribute {attr!r}"
        raise AttributeError(msg)

    def __dir__(self) -> list[str]:
        names = set()
        for target in self.__targets:
            names.update(dir(importlib.import_module(target)))
        return sorted(names)


class _Loader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _Alias(spec.name, MOVED[spec.name])

    def exec_module(self, module: types.ModuleType) -> None:
        targets = " and ".join(MOVED[module.__name__])
        msg = (
            f"{module.__name__} moved to {targets}; import it from there "
            "(the old path goes in quotelib 0.2)"
        )
        warnings.warn(msg, DeprecationWarning, stacklevel=_caller_level())


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Loader(), is_package=False)


def _caller_level() -> int:
    """The stack level of the code that imported the old path, past importlib's frames."""
    frame, level = sys._getframe(1), 1
    while frame is not None and (
        frame.f_code.co_filename.startswith("<frozen importlib")
        or frame.f_code.co_filename == __file__
        or "importlib" in frame.f_code.co_filename.split("/")[-2:]
    ):
        frame, level = frame.f_back, level + 1
    return level


def moved_module(name: str) -> types.ModuleType:
    """The old module ``quotelib.<name>``, imported through its alias (for attribute access)."""
    return importlib.import_module(f"quotelib.{name}")


def install() -> None:
    """Put the finder of the old paths on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())

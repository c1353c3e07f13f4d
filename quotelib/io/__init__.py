"""Files in and out: records read from files, answers and pages written safely.

Inputs (:mod:`quotelib.io.inputs`: text files, folders, JSONL, standard
input; opened by :mod:`quotelib.io.files`, JSONL lines by
:mod:`quotelib.io.jsonl`) become :class:`Record` s in input order. Answers
are written by :mod:`quotelib.io.outputs` (JSONL, CSV, Parquet through
:mod:`quotelib.io.parquet_out`) and highlighted pages by
:mod:`quotelib.io.pages`, each as ``OUT.partial`` renamed when the run ends,
under a lock (:mod:`quotelib.io.partial`), never through a symbolic link
(:mod:`quotelib.io.safe_write`); :mod:`quotelib.io.resume` keeps the answers
of an interrupted run of the same inputs and options, and
:mod:`quotelib.io.run_paths` checks before a run that no output can destroy
or feed an input.
"""

from __future__ import annotations

from quotelib.io.inputs import Fields, InputFormat, Record, read_inputs

__all__ = ["Fields", "InputFormat", "Record", "read_inputs"]

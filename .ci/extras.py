"""Every extra of quotelib installs into an empty venv, passes ``pip check`` and imports.

Run by ``.ci/run`` after the README's set-up commands: it builds quotelib's
wheel once, then for each extra (and for no extra) makes a fresh virtual
environment, installs ``quotelib[extra]`` from PyPI with that wheel, runs
``pip check`` and a few lines that use the extra. Without any extra, the test
suite must still collect (a missing optional dependency skips, never stops
collection) and the tests of the optional faces must skip cleanly.

Usage: python .ci/extras.py [EXTRA ...]   (default: all, and none)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SAMPLE = "Xi stated that the situation has become turbulent."

_SCRIPTS = (
    "import os, sysconfig; script = lambda name: os.path.join(sysconfig.get_path('scripts'), name)"
)

#: What each extra must make work, as Python run in its venv.
CHECKS = {
    "": f"import quotelib; print(quotelib.extract_quotes({SAMPLE!r})[0].speaker.text)",
    "pandas": (
        f"import quotelib; print(quotelib.to_dataframe(quotelib.extract_quotes({SAMPLE!r})).shape)"
    ),
    "dask": (
        "import dask, dask.bag as db, dask.dataframe, distributed; "
        "from quotelib.cluster import extract_bag; "
        "dask.config.set(scheduler='synchronous'); "
        f"print(extract_bag(db.from_sequence([{SAMPLE!r}])).compute()[0]['quotes'][0]['speaker'])"
    ),
    "parquet": "import pyarrow, pyarrow.parquet; print(pyarrow.__version__)",
    # The venv's own scripts, not whatever the caller's PATH finds.
    "bench": f"{_SCRIPTS}; assert os.access(script('py-spy'), os.X_OK), 'no py-spy'",
    "test": (
        "import pytest, hypothesis, pandas, dask.dataframe, distributed, pyarrow, importlinter; "
        f"{_SCRIPTS}; assert all(os.access(script(n), os.X_OK) for n in ('ruff', 'lint-imports'))"
    ),
}

#: Without extras: the whole suite collects, and the tests of the optional faces skip.
BARE_TESTS = [
    "tests/test_cluster.py",
    "tests/test_table.py",
    "tests/corpus",
    "docs/scaling.md",
    "docs/corpus.md",
]


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        msg = f"failed ({done.returncode}): {' '.join(map(str, command))}"
        raise SystemExit(msg)
    return done.stdout


def check(extra: str, wheel: Path, scratch: Path) -> None:
    started = time.perf_counter()
    env = scratch / (extra or "bare")
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    requirement = (
        f"quotelib[{extra}] @ {wheel.as_uri()}" if extra else f"quotelib @ {wheel.as_uri()}"
    )
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", requirement)
    run(python, "-m", "pip", "check")
    shown = run(python, "-c", CHECKS[extra], cwd=scratch).strip().splitlines()
    if not extra:
        run(
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "pytest",
            "hypothesis",
        )
        run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only")
        shown.append(
            run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *BARE_TESTS)
            .strip()
            .splitlines()[-1]
        )
    versions = run(python, "-m", "pip", "list", "--format=freeze")
    pinned = [
        line
        for line in versions.splitlines()
        if line.split("==")[0] in ("dask", "distributed", "pandas", "pyarrow")
    ]
    print(
        f"quotelib[{extra}]: ok in {time.perf_counter() - started:.0f} s; {'; '.join(shown[-1:])}; {' '.join(pinned)}"
    )


def main(extras: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", scratch_path, ROOT)
        [wheel] = scratch_path.glob("quotelib-*.whl")
        for extra in extras:
            check(extra, wheel, scratch_path)


if __name__ == "__main__":
    main(sys.argv[1:] or list(CHECKS))

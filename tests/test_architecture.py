"""The package's shape holds: layers without cycles, small modules, one home per notion.

The layers themselves are an import-linter contract (``pyproject.toml``,
``lint-imports`` in CI); these tests check what it does not: no import cycle
between any two modules, counting imports inside functions and under
``TYPE_CHECKING``; no module past the length one reads at a sitting; each
subpackage's small surface; the old flat paths as aliases that warn.
"""

from __future__ import annotations

import ast
import importlib
import re
import warnings
from pathlib import Path

import pytest

import quotelib
from quotelib._moved import MOVED

PACKAGE = Path(quotelib.__file__).resolve().parent
#: The longest a module may grow, in lines.
MAX_LINES = 420
#: The characters quotation marks are made of; their sets live in quotelib.text.marks.
MARK_CHARACTERS = frozenset("\"'`“”„‘’‚«»‹›")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every quotelib module ``name`` imports, wherever the import statement stands."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                )
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {module for module in found if module in MODULES and module != name}


def _cycles() -> list[list[str]]:
    """The import cycles between modules (strongly connected components of two or more)."""
    graph = {name: _imports(name) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for neighbour in graph[node]:
            if neighbour not in index:
                visit(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    return cycles


def test_architecture_no_import_cycle_anywhere():
    assert _cycles() == []


def test_architecture_cycle_scan_sees_imports_inside_functions_and_type_checking(tmp_path):
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from quotelib.records import Quote\n"
    tree = ast.parse(source + "def f():\n    from quotelib.text import marks\n")
    hidden = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert [n.module for n in hidden] == ["typing", "quotelib.records", "quotelib.text"]
    assert "quotelib.text.marks" in _imports("quotelib.text")  # a package's own re-exports


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_architecture_module_fits_a_sitting(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines (at most {MAX_LINES})"


SUBPACKAGES = sorted(name for name, path in MODULES.items() if path.name == "__init__.py")


@pytest.mark.parametrize("name", SUBPACKAGES, ids=str)
def test_architecture_each_package_has_a_sorted_surface_that_exists(name):
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} says what it is for"
    exported = getattr(module, "__all__", None)
    assert exported, f"{name} declares its surface in __all__"
    assert list(exported) == sorted(exported)
    assert all(hasattr(module, export) for export in exported)


def test_architecture_tests_mirror_the_packages():
    tests = Path(__file__).resolve().parent
    folders = {p.name for p in tests.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    packages = {name.split(".")[1] for name in SUBPACKAGES if name != "quotelib"}
    assert folders <= packages, f"test folders without a package: {sorted(folders - packages)}"
    assert packages <= folders, f"packages without tests: {sorted(packages - folders)}"


def _mark_literals(name: str) -> list[str]:
    """String literals of ``name`` made of three or more quotation-mark characters."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and len(set(node.value) & MARK_CHARACTERS) >= 3
    ]


def test_architecture_quote_mark_characters_have_one_home():
    # Regression: four modules each spelled their own set of quote-mark characters.
    elsewhere = {
        name: literals
        for name in MODULES
        if name != "quotelib.text.marks" and (literals := _mark_literals(name))
    }
    assert elsewhere == {}


#: Paths the documentation taught before the subpackages, each with a name read there.
TAUGHT = [
    ("quotelib.attribution", "RULES"),
    ("quotelib.calibration", "calibration"),
    ("quotelib.chunks", "parse_chunks"),
    ("quotelib.chunks", "parsable"),
    ("quotelib.chunks", "LONG_TEXT"),
    ("quotelib.confidence", "features"),
    ("quotelib.corpus_cluster", "index_bag"),
    ("quotelib.corpus_read", "index_records"),
    ("quotelib.cues", "candidate_cues"),
    ("quotelib.cues", "cue_class_of"),
    ("quotelib.dialogue", "converse"),
    ("quotelib.direct", "attach_quotations"),
    ("quotelib.files", "MAX_RECORD_BYTES"),
    ("quotelib.gazetteers", "PLACES"),
    ("quotelib.keep", "Keep"),
    ("quotelib.layout", "find_layout"),
    ("quotelib.marks", "Quotation"),
    ("quotelib.marks", "find_quotations"),
    ("quotelib.markup", "plain_text"),
    ("quotelib.mentions", "find_entities"),
    ("quotelib.model", "installed_models"),
    ("quotelib.model", "load_pipeline"),
    ("quotelib.model", "paragraph_breaks"),
    ("quotelib.model", "MAX_SENTENCE_TOKENS"),
    ("quotelib.names", "find_names"),
    ("quotelib.pool", "TASKS_PER_PROCESS"),
    ("quotelib.reading", "Reader"),
    ("quotelib.reported", "find_attributions"),
    ("quotelib.resolve", "SpeakerName"),
    ("quotelib.scoring", "evaluate"),
    ("quotelib.view", "Columns"),
    ("quotelib.view", "DocView"),
]


@pytest.mark.parametrize("old, name", TAUGHT, ids=[f"{o}.{n}" for o, n in TAUGHT])
def test_architecture_taught_old_path_still_imports_and_warns(old, name):
    assert old in MOVED
    with pytest.warns(DeprecationWarning, match=f"{old} moved to quotelib\\."):
        module = importlib.reload(importlib.import_module(old))
    found = getattr(module, name)
    homes = [importlib.import_module(target) for target in MOVED[old]]
    assert any(getattr(home, name, None) is found for home in homes)


@pytest.mark.parametrize("old", sorted(MOVED), ids=str)
def test_architecture_every_old_path_names_modules_that_exist(old):
    for target in MOVED[old]:
        assert target in MODULES, f"{old} points at {target}, which is no module"
    assert old not in MODULES, f"{old} is a module again: its alias would hide it"


def test_architecture_old_path_as_attribute_and_unknown_names():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert quotelib.marks.find_quotations is quotelib.find_quotations
        with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
            importlib.import_module("quotelib.marks").nothing_here  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute 'not_a_module'"):
        quotelib.not_a_module  # noqa: B018


def _stage_list() -> list[tuple[str, str]]:
    """The stages docs/architecture.md lists, in order: (function, module file)."""
    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc.split("## The stages, in order", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\d+\. `(\w+)` \(`([\w/]+\.py)`\)", section, re.MULTILINE)


def _stage_calls() -> list[str]:
    """The functions ``quotelib.core.stages.attribute`` calls, in the order of the source."""
    tree = ast.parse(MODULES["quotelib.core.stages"].read_text(encoding="utf-8"))
    [attribute] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "attribute"]
    calls = [
        n for n in ast.walk(attribute) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    return [n.func.id for n in sorted(calls, key=lambda n: (n.lineno, n.col_offset))]


def test_architecture_stage_order_of_the_docs_is_the_code():
    listed = _stage_list()
    assert len(listed) >= 10, "docs/architecture.md lists the stages"
    names = [name for name, _ in listed]
    assert [call for call in _stage_calls() if call in names] == names
    for name, path in listed:
        module = importlib.import_module("quotelib." + path.removesuffix(".py").replace("/", "."))
        assert getattr(module, name).__module__ == module.__name__, f"{name} lives in {path}"


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_architecture_every_declared_surface_is_sorted_and_exists(name):
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", ())
    assert list(exported) == sorted(exported), f"{name}.__all__ is not sorted"
    assert [export for export in exported if not hasattr(module, export)] == []


def _taught(markdown: str) -> str:
    """What a page teaches: its prose and Python examples, not the outputs it records
    (plain fenced blocks: profiles measured under the old paths) nor its 'Old paths'."""
    blocks = re.split(r"(^```[^\n]*\n.*?^```$)", markdown, flags=re.DOTALL | re.MULTILINE)
    taught = [b for b in blocks if not b.startswith("```") or b.startswith("```python")]
    return re.sub(r"^## Old paths\n.*?(?=^## )", "", "".join(taught), flags=re.S | re.M)


def test_architecture_docs_teach_the_new_paths():
    root = PACKAGE.parent
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(MOVED, key=len)[::-1])) + r")\b")
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    found = {
        page.name: sorted(set(pattern.findall(_taught(page.read_text(encoding="utf-8")))))
        for page in pages
    }
    assert {page: old for page, old in found.items() if old} == {}

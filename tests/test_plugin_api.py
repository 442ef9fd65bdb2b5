"""The plugin API: ``safeguarding_model.plugin`` is the only part of the package that
the plugins in this repository import, and it offers what they need."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import safeguarding_model.plugin as api

ROOT = Path(__file__).parents[1]
API = "safeguarding_model.plugin"
PLUGIN_SOURCES = sorted(
    [
        *ROOT.glob("plugins/*/src/**/*.py"),
        *ROOT.glob("tests/exporters/fixtures/*/**/*.py"),
    ]
)


def package_imports(source: str) -> list[tuple[int, str, list[str]]]:
    """Each import of ``safeguarding_model``: its line, the module, and the names taken."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "safeguarding_model":
                    found.append((node.lineno, alias.name, []))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            top = node.module.split(".")[0]
            if top == "safeguarding_model":
                found.append((node.lineno, node.module, [a.name for a in node.names]))
    return found


def outside_the_api(source: str) -> list[str]:
    """The imports of ``source`` that reach past the plugin API, as ``line: module``."""
    wrong = []
    for line, module, names in package_imports(source):
        if module == API or (module == "safeguarding_model" and names == ["plugin"]):
            continue
        wrong.append(f"{line}: {module}" + (f" ({', '.join(names)})" if names else ""))
    return wrong


def test_there_are_plugins_to_check() -> None:
    names = {path.name for path in PLUGIN_SOURCES}
    assert {"__init__.py", "org.py", "word.py"} <= names
    assert any("safeguarding-model-tiny" in str(path) for path in PLUGIN_SOURCES)


@pytest.mark.parametrize("path", PLUGIN_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plugins_import_only_the_plugin_api(path: Path) -> None:
    wrong = outside_the_api(path.read_text(encoding="utf-8"))
    assert not wrong, (
        f"{path.relative_to(ROOT)} imports from safeguarding_model other than {API}: "
        + "; ".join(wrong)
        + f". Import it from {API} (add it there if a plugin really needs it)."
    )


@pytest.mark.parametrize("path", PLUGIN_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plugins_import_only_names_the_api_declares(path: Path) -> None:
    for line, module, names in package_imports(path.read_text(encoding="utf-8")):
        if module == API:
            undeclared = sorted(set(names) - set(api.__all__))
            assert not undeclared, f"{path.name}:{line} imports {undeclared}, not in __all__"


@pytest.mark.parametrize(
    ("source", "wrong"),
    [
        ("from safeguarding_model.plugin import Exporter\n", []),
        ("import safeguarding_model.plugin\n", []),
        ("from safeguarding_model import plugin\n", []),
        (
            "from safeguarding_model.model import Dataset\n",
            ["1: safeguarding_model.model (Dataset)"],
        ),
        ("import safeguarding_model.exporters\n", ["1: safeguarding_model.exporters"]),
        ("import os\nfrom safeguarding_model import export\n", ["2: safeguarding_model (export)"]),
        (
            "def f():\n    from safeguarding_model.exporters.escape import clean\n",
            ["2: safeguarding_model.exporters.escape (clean)"],
        ),
        ("from .word import to_docx\nimport safeguarding_modelx\n", []),
    ],
)
def test_the_check_finds_imports_past_the_api(source: str, wrong: list[str]) -> None:
    assert outside_the_api(source) == wrong


def test_every_declared_name_exists() -> None:
    for name in api.__all__:
        assert hasattr(api, name), name


def test_the_api_is_documented_name_by_name() -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    missing = [name for name in api.__all__ if f"`{name}`" not in page]
    assert not missing, f"docs/plugins.md does not name {missing}"

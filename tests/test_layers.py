"""Layers point down only, nothing heavy is imported at import time, and every module
imports cleanly with warnings as errors."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import safeguarding_model

PACKAGE = Path(safeguarding_model.__file__).parent
ORDER = [
    "errors",
    "progress",
    "hooks",
    "model",
    "io",
    "graph",
    "rules",
    "documents",
    "exporters",
    "notebook",
    "cli",
]
DISPLAY_HOOK = re.compile(r"^_repr_[a-z]+_$")
"""IPython's display methods (``_repr_html_``, ``_repr_mimebundle_``...): the one place
a lower layer may import the notebook face, inside the method, when it is called."""
THIRD_PARTY_ALLOWED = {
    "errors": {"attrs"},
    "progress": {"attrs", "tqdm"},
    "hooks": {"attrs", "pluggy"},
    "model": {"attrs"},
    "io": {"attrs", "cattrs", "yaml"},
}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "safeguarding_model" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ORDER else None


def imports_of(path: Path, module: str, *, in_display_hooks: bool = False) -> set[str]:
    """What a module imports; with ``in_display_hooks``, only what its display methods
    (:data:`DISPLAY_HOOK`) import, else only what the rest of it imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hooked = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and DISPLAY_HOOK.match(node.name)
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if (id(node) in hooked) != in_display_hooks:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: str(v))
def test_layers_point_down_only(module: str, path: Path) -> None:
    own = layer_of(module)
    if own is None:
        return
    for target in imports_of(path, module):
        other = layer_of(target)
        if other is not None:
            assert ORDER.index(other) <= ORDER.index(own), (
                f"{module} ({own}) imports {target} ({other})"
            )
        elif own in THIRD_PARTY_ALLOWED and not target.startswith("safeguarding_model"):
            top = target.split(".")[0]
            stdlib = top in sys.stdlib_module_names or top == "__future__"
            assert stdlib or top in THIRD_PARTY_ALLOWED[own], f"{module} ({own}) imports {top}"


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: str(v))
def test_display_methods_import_only_the_notebook_face(module: str, path: Path) -> None:
    """A display method of a lower layer's class imports the notebook face (its
    renderers), when it is called, and nothing else of the layers above."""
    own = layer_of(module)
    for target in imports_of(path, module, in_display_hooks=True):
        other = layer_of(target)
        if own is not None and other is not None and ORDER.index(other) > ORDER.index(own):
            assert other == "notebook", f"{module} ({own}) imports {target} in a display method"


def test_displays_import_the_notebook_face_only_when_called() -> None:
    code = (
        "import sys, safeguarding_model as sm; d = sm.load('isle-of-wight-2024');"
        "g = sm.build_graph(d); r = sm.check(d, '2024-10-01');"
        "g.accountability('learning-inquiry-group');"
        "before = 'safeguarding_model.notebook' in sys.modules;"
        "html = d._repr_html_();"
        "print(before, 'safeguarding_model.notebook' in sys.modules, 'pandas' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True", "False"]


def test_importing_the_package_imports_nothing_heavy() -> None:
    code = (
        "import sys, safeguarding_model as sm; sm.load('isle-of-wight-2024');"
        "heavy = {'networkx', 'pluggy', 'rdflib', 'docx', 'pandas'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


IMPORTABLE = [
    m.name
    for m in pkgutil.walk_packages([str(PACKAGE)], "safeguarding_model.")
    if not m.name.endswith("__main__")
]


@pytest.mark.parametrize("name", IMPORTABLE)
def test_every_module_imports_with_warnings_as_errors(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.import_module(name)


def test_the_public_api_is_listed() -> None:
    for name in safeguarding_model.__all__:
        assert hasattr(safeguarding_model, name), name

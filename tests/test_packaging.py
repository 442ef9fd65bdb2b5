"""The declared dependency ranges and the lowest versions CI tests them with agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*>=\s*([0-9][0-9.]*)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def release(version: str) -> tuple[int, ...]:
    """``1.4`` and ``1.4.0`` are one release."""
    parts = [int(part) for part in version.split(".")]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def declared_minimums() -> dict[str, tuple[int, ...]]:
    """Every ``name>=version`` in the project's and the plugins' pyproject.toml files."""
    found: dict[str, tuple[int, ...]] = {}
    for path in [ROOT / "pyproject.toml", *sorted(ROOT.glob("plugins/*/pyproject.toml"))]:
        project = tomllib.loads(path.read_text(encoding="utf-8"))
        requirements = [
            *project["build-system"]["requires"],
            *project["project"].get("dependencies", []),
        ]
        for extra in project["project"].get("optional-dependencies", {}).values():
            requirements.extend(extra)
        for requirement in requirements:
            match = REQUIREMENT.match(requirement)
            name = normal(match.group(1)) if match else ""
            if match and not name.startswith("safeguarding-model") and name not in DEV_ONLY:
                version = release(match.group(2))
                assert found.setdefault(name, version) == version, (
                    f"{path}: {requirement} disagrees with another file's minimum {found[name]}"
                )
    return found


DEV_ONLY = {"mypy", "ruff", "mkdocs-material", "mkdocstrings"}
"""Lint, type and documentation-site tools: CI runs them with their newest releases
only, never under the lowest versions' constraints."""


def pinned() -> dict[str, tuple[int, ...]]:
    lines = (ROOT / ".ci" / "minimum-versions.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {normal(name): release(version.strip()) for name, version in pairs}


def test_ci_tests_exactly_the_declared_minimums() -> None:
    assert pinned() == declared_minimums()

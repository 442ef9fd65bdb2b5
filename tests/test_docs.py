"""The documentation runs: python blocks in the README and docs/, the example scripts,
a reference page for every command, and the generated pages are current."""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import pytest

from safeguarding_model.cli import COMMANDS
from safeguarding_model.io.schema import format_reference, json_schema

ROOT = Path(__file__).parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)")


def python_blocks(page: Path) -> list[str]:
    return FENCE.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_python_examples_in_the_docs_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, block in enumerate(python_blocks(page), start=1):
        code = compile(block, f"{page.name} block {number}", "exec")
        exec(code, namespace)


@pytest.mark.parametrize("script", sorted((ROOT / "examples").glob("*.py")), ids=lambda p: p.name)
def test_example_scripts_run(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_reference_page(command: str) -> None:
    page = ROOT / "docs" / "commands" / f"{command}.md"
    assert page.exists(), f"docs/commands/{command}.md is missing"
    assert f"safeguarding-model {command}" in page.read_text(encoding="utf-8")
    assert f"commands/{command}.md" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_between_pages_resolve(page: Path) -> None:
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_format_reference_is_current() -> None:
    current = (ROOT / "docs" / "format-reference.md").read_text(encoding="utf-8")
    assert current == format_reference(), "regenerate docs/format-reference.md (see its header)"


def test_the_shipped_schema_is_current() -> None:
    shipped = ROOT / "src" / "safeguarding_model" / "data" / "safeguarding-model.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == json_schema(), (
        "run: safeguarding-model schema -o "
        "src/safeguarding_model/data/safeguarding-model.schema.json"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- test-command -->\n```sh\n" in readme
    assert "README.md" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

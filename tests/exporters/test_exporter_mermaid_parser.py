"""Mermaid's own parser reads the flowcharts, when it is at hand.

Mermaid is a JavaScript library, so this needs Node and a folder where
``npm install mermaid@11 jsdom`` ran, named by ``SAFEGUARDING_MODEL_MERMAID_MODULES``.
Without them the strict syntax check of ``consumers.check_mermaid`` stands in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings

from safeguarding_model.exporters import export
from safeguarding_model.model import Dataset
from strategies import datasets

SCRIPT = Path(__file__).parent / "fixtures" / "mermaid-parse.mjs"


def mermaid_parser() -> tuple[str, Path]:
    node = shutil.which("node")
    modules = os.environ.get("SAFEGUARDING_MODEL_MERMAID_MODULES")
    if node is None or not modules or not (Path(modules) / "node_modules" / "mermaid").is_dir():
        pytest.skip(
            "Mermaid's parser is not at hand: set SAFEGUARDING_MODEL_MERMAID_MODULES to a "
            "folder where `npm install mermaid@11 jsdom` ran (needs Node)"
        )
    return node, Path(modules)


def parse(files: list[Path], folder: Path) -> None:
    """Mermaid's parser reads ``files``. The script is copied into the test's own
    ``folder`` (never into the shared modules folder), beside a link to the modules:
    Node resolves ``import 'mermaid'`` from the script's folder upwards."""
    node, modules = mermaid_parser()
    work = folder / "mermaid-parser"
    work.mkdir()
    (work / "node_modules").symlink_to(modules / "node_modules", target_is_directory=True)
    script = work / SCRIPT.name
    shutil.copyfile(SCRIPT, script)
    result = subprocess.run(
        [node, str(script), *map(str, files)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mermaids_parser_reads_the_isle_of_wight_charts(iow: Dataset, tmp_path: Path) -> None:
    mermaid_parser()
    before = sorted(p.name for p in mermaid_parser()[1].iterdir())
    files = []
    for number, options in enumerate([{}, {"depth": 3}, {"partnership": "hips"}]):
        path = tmp_path / f"{number}.mmd"
        path.write_text(str(export(iow, "mermaid", **options)), encoding="utf-8")
        files.append(path)
    parse(files, tmp_path)
    assert sorted(p.name for p in mermaid_parser()[1].iterdir()) == before  # left as it was


def test_mermaids_parser_reads_charts_of_generated_models(tmp_path: Path) -> None:
    mermaid_parser()
    files: list[Path] = []

    @settings(max_examples=50)
    @given(datasets())
    def collect(dataset: Dataset) -> None:
        several = len(dataset.partnerships) > 1
        options = {"partnership": dataset.partnerships[0].id} if several else {}
        path = tmp_path / f"{len(files)}.mmd"
        path.write_text(str(export(dataset, "mermaid", **options)), encoding="utf-8")
        files.append(path)

    collect()
    parse(files, tmp_path)

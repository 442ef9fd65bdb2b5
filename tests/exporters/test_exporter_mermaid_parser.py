"""Mermaid's own parser reads the flowcharts, when it is at hand.

Mermaid is a JavaScript library, so this needs Node and a folder where
``npm install mermaid@11 jsdom`` ran, named by ``SAFEGUARDING_MODEL_MERMAID_MODULES``.
Without them the strict syntax check of ``consumers.check_mermaid`` stands in.
"""

from __future__ import annotations

from pathlib import Path

from consumers import mermaid_modules, run_mermaid
from hypothesis import given, settings
from test_exporter_charts import LINES

from safeguarding_model.exporters import export
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset
from strategies import datasets


def parse(files: list[Path], folder: Path) -> None:
    """Mermaid's parser reads ``files``; any error fails the test."""
    run_mermaid("mermaid-parse.mjs", files, folder)


def test_mermaids_parser_reads_the_isle_of_wight_charts(iow: Dataset, tmp_path: Path) -> None:
    mermaid_modules()
    before = sorted(p.name for p in mermaid_modules()[1].iterdir())
    files = []
    for number, options in enumerate([{}, {"depth": 3}, {"partnership": "hips"}]):
        path = tmp_path / f"{number}.mmd"
        path.write_text(str(export(iow, "mermaid", **options)), encoding="utf-8")
        files.append(path)
    parse(files, tmp_path)
    assert sorted(p.name for p in mermaid_modules()[1].iterdir()) == before  # left as it was


def test_mermaids_parser_reads_charts_of_generated_models(tmp_path: Path) -> None:
    mermaid_modules()
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


def test_mermaids_parser_reads_a_chart_of_every_kind_of_line(tmp_path: Path) -> None:
    """Lines for information and of advice, alternatives, a planned line, derived
    accountability and the hidden link that puts a leadership group above its
    partnership (issue 10)."""
    mermaid_modules()
    dataset = loads(LINES)
    files = []
    for number, options in enumerate([{}, {"edges": "reports-to,accountable-to,chairs"}]):
        path = tmp_path / f"{number}.mmd"
        path.write_text(str(export(dataset, "mermaid", **options)), encoding="utf-8")
        files.append(path)
    parse(files, tmp_path)

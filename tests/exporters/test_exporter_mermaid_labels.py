"""Mermaid labels show `;`, `&`, `:` and `"` as written: the exporter writes them as
Mermaid's entity codes, and Mermaid's own code (when it is at hand) reads them back."""

from __future__ import annotations

import json
import re
from pathlib import Path

from consumers import mermaid_modules, run_mermaid

import safeguarding_model as sm
from safeguarding_model.exporters.escape import mermaid_string

MERMAID_NAMES = [
    'Board; classDef x fill:red & "Co": Ltd',
    'style x:#f00; & "Co"',
]


def _mermaid_dataset(names: list[str]) -> sm.Dataset:
    groups = "".join(
        f"      - {{id: group-{number}, name: {json.dumps(name)}, kind: subgroup}}\n"
        for number, name in enumerate(names)
    )
    return sm.loads(
        "schema: safeguarding-model/1\npartnerships:\n  - id: northshire-scp\n"
        "    name: Northshire Safeguarding Children Partnership\n"
        "    guidance: working-together-2023\n    groups:\n" + groups
    )


def _labels(chart: str) -> dict[str, str]:
    """Each node's label as written in the chart, by node id."""
    return dict(re.findall(r'^\s+(n\d+)\W*"([^"]*)"', chart, flags=re.MULTILINE))


def test_mermaid_labels_write_semicolons_ampersands_colons_and_quotes_as_codes() -> None:
    chart = sm.export(_mermaid_dataset(MERMAID_NAMES[:1]), "mermaid")
    assert isinstance(chart, str)
    labels = set(_labels(chart).values())
    expected = "Board#59; classDef x fill#58;red #38; #quot;Co#quot;#58; Ltd"
    assert expected in labels
    for label in labels:  # outside the codes, none of the characters themselves
        assert not set(re.sub(r"#\w+;", "", label)) & set(';&:"'), label


def test_mermaids_parser_shows_the_labels_as_written(tmp_path: Path) -> None:
    mermaid_modules()
    chart = sm.export(_mermaid_dataset(MERMAID_NAMES), "mermaid")
    assert isinstance(chart, str)
    path = tmp_path / "chart.mmd"
    path.write_text(chart, encoding="utf-8")
    printed = run_mermaid("mermaid-labels.mjs", [path], tmp_path)
    shown = json.loads(printed)[str(path)]
    ids = {label: node_id for node_id, label in _labels(chart).items()}
    for name in MERMAID_NAMES:
        written = mermaid_string(name)[1:-1]
        assert shown[ids[written]] == name

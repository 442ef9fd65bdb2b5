"""The benchmark harness runs: its quick mode writes every stage's numbers as JSON.

This shows the harness works (on a tiny model, each timing once); it asserts no time,
ratio or memory: the numbers belong to the harness's report, not to a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import safeguarding_model

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _stage_names() -> list[str]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import harness

        return [stage.name for stage in harness.STAGES]
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.mark.slow
def test_the_quick_run_reports_every_stage(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    package = Path(safeguarding_model.__file__).resolve().parents[1]
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(package), environment.get("PYTHONPATH")])
    )
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "harness.py"), "--quick", "--json", str(report)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(report.read_text(encoding="utf-8"))
    names = _stage_names()
    assert [stage["stage"] for stage in found["stages"]] == names
    assert set(found["sizes"]) == {"1x", "2x"}
    for stage in found["stages"]:
        assert stage["note"] or stage["times"], stage["stage"]
        assert set(stage["ratios"]) == set(stage["times"])
    assert {"model_mb", "pipeline_peak_mb", "export_to_file_peak_mb"} <= set(found["memory"])
    for name in names:
        assert name in result.stdout  # the printed table has a row for each stage

"""The example script answers the issue's questions, and the benchmark's generator
makes a valid model of the size it claims."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from safeguarding_model.graph import build_graph
from safeguarding_model.io import dumps, loads

ROOT = Path(__file__).resolve().parents[2]


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_script_prints_the_answers() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "graph_questions.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    assert "It reports to: Executive Group, Partnership Board" in out
    assert "2. Executive Group -> Isle of Wight Safeguarding Children Partnership: part of" in out
    assert "3. Isle of Wight Safeguarding Children Partnership -> HIPS Executive Group" in out
    assert "The source does not state its reporting or escalation line." in out
    assert "Workforce Development Group is joint with the IOW Safeguarding Adults Board" in out
    assert "  Rob Mitchell, Area Commander, Hampshire and Isle of Wight Constabulary" in out
    assert "reporting-line-not-stated: Child Exploitation Delivery Subgroup" in out
    assert "Fails --strict: False" in out
    # every node but the partnership of CCGs, which the ICB replaced on 2022-07-01
    assert "<GovernanceGraph on 2024-09: 95 nodes" in out


def test_the_benchmark_model_is_valid_and_sized() -> None:
    bench = _module(ROOT / "benchmarks" / "bench_graph.py")
    dataset = bench.national(1_000)
    assert loads(dumps(dataset)) == dataset  # loading checks every reference
    graph = build_graph(dataset)
    assert graph.problems == ()
    assert 900 <= graph.graph.number_of_nodes() <= 1_100
    assert bench.national(1_000) == dataset  # deterministic

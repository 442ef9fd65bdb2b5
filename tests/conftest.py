"""Shared test settings and fixtures.

Hypothesis profiles: ``dev`` (quick, for local runs), ``ci`` (thorough, when ``CI`` is
set) and ``quick`` (CI's run against the lowest dependency versions, which is about
versions, not thoroughness); ``HYPOTHESIS_PROFILE`` chooses one. The shipped datasets
(``iow``, ``iow2019``) and a partnership unlike the Isle of Wight (``northshire``) are
fixtures for every test folder.
"""

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from safeguarding_model.io import load
from safeguarding_model.model import Dataset

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "quick", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def iow() -> Dataset:
    """The shipped Isle of Wight arrangements of September 2024."""
    return load("isle-of-wight-2024")


@pytest.fixture(scope="session")
def iow2019() -> Dataset:
    """The shipped Isle of Wight arrangements of June 2019."""
    return load("isle-of-wight-2019")


NORTHSHIRE = """\
schema: safeguarding-model/1
organisations:
  - {id: north-council, name: Northshire County Council, kind: local-authority}
  - {id: south-council, name: Southby Borough Council, kind: local-authority}
  - {id: adults-board, name: Northshire Safeguarding Adults Board, kind: board}
people:
  - {id: helen-briggs, name: Helen Briggs}
  - {id: sam-okoro, name: "Sam \\x1b]0;pwned\\x07 Okoro"}
posts:
  - {id: north-dcs, title: Director of Children's Services, organisation: north-council, holder: helen-briggs, acting: true}
  - {id: south-dcs, title: Director of Children's Services, organisation: south-council, vacant: true}
  - {id: north-ceo, title: Chief Executive, organisation: north-council, holder: sam-okoro}
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    guidance: working-together-2023
    lead_partners:
      - {role: local-authority, organisation: north-council, post: north-ceo}
      - {role: local-authority, organisation: south-council}
    delegated_partners:
      - {post: north-dcs, acts_for: local-authority, organisation: north-council}
      - {post: south-dcs, acts_for: local-authority, organisation: south-council}
    chairs:
      - {post: north-dcs, role: co-chair}
      - {post: south-dcs, role: co-chair}
    groups:
      - id: executive
        name: Executive
        kind: executive-group
        chairs: [{partnership_chair: true}]
      - id: neglect-task-group
        name: Neglect Task and Finish Group
        kind: task-and-finish-group
        start: 2022-04
        end: 2023-11
        joint_with: [adults-board]
        reports_to: [{to: executive, cadence: six-monthly}]
    not_stated: [funding, scrutineers]
"""


@pytest.fixture
def northshire(tmp_path: Path) -> Path:
    """A file of two councils, acting and vacant co-chairs, a dated task and finish
    group and a name with terminal escapes."""
    path = tmp_path / "northshire.yaml"
    path.write_text(NORTHSHIRE, encoding="utf-8")
    return path


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Dataset]:
    """The datasets ``build_graph`` is called with from here on: a test counts the
    governance graphs an export builds."""
    import safeguarding_model.graph
    from safeguarding_model.graph import GovernanceGraph

    calls: list[Dataset] = []
    real = safeguarding_model.graph.build_graph

    def counting(dataset: Dataset, on: object = None, **keywords: Any) -> GovernanceGraph:
        calls.append(dataset)
        return real(dataset, on, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(safeguarding_model.graph, "build_graph", counting)
    return calls

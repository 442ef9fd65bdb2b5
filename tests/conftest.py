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
# CI's run with the lowest dependency versions: it is about the versions, which a few
# examples of each property reach as well as many (see .ci/run)
settings.register_profile(
    "versions", max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow]
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


WESTSHIRE = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Westshire Council, kind: local-authority}
  - {id: ccg, name: Westshire Clinical Commissioning Group, kind: clinical-commissioning-group, end: "by 2022-06-30"}
  - {id: icb, name: NHS Westshire, kind: integrated-care-board, start: "2022-07-01"}
  - id: police
    name: Westshire and Eastshire Police
    kind: police
    former_names: [{name: Westshire Police, end: "2021-12"}]
  - {id: schools, name: Westshire Schools, kind: school-sector}
  - {id: youth-trust, name: Westshire Youth Trust, kind: charity}
people:
  - {id: ann, name: Ann Old}
  - {id: bob, name: Bob Now}
  - {id: cat, name: Cat Seen}
posts:
  - {id: old-chair, title: Independent Chair, independent: true, holder: ann, end: "2021-03"}
  - {id: dcs, title: Director of Children's Services, organisation: council, holder: bob}
  - {id: scrutineer, title: Independent Scrutineer, independent: true, holder: cat, known_on: "2020-09"}
partnerships:
  - id: westshire-scp
    name: Westshire Safeguarding Children Partnership
    short_name: WSCP
    regimes:
      - {instrument: working-together-2018, start: "2019-06", end: "2024-08"}
      - {instrument: working-together-2023, start: "2024-09"}
    effective: "2019-06"
    end: "2039-03"
    source: {title: Westshire arrangements, published: "2024-09"}
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: clinical-commissioning-group, organisation: ccg, end: "by 2022-06-30"}
      - {role: integrated-care-board, organisation: icb, start: "2022-07-01"}
      - {role: chief-officer-of-police, organisation: police}
    chairs:
      - {post: old-chair, end: "2021-03"}
      - {post: dcs, start: "2021-04", end: "2039-06"}
      - {rotates_among: [council, police], planned: true, start: "2039-07"}
    scrutineers:
      - {post: scrutineer}
    relevant_agencies:
      - {organisation: schools}
      - {organisation: youth-trust, planned: true}
    groups:
      - id: board
        name: Partnership Board
        kind: partnership-board
        chairs: [{partnership_chair: true}]
        members:
          - {organisation: council}
          - {organisation: police}
      - id: executive
        name: Executive Group
        kind: executive-group
        chairs: [{post: dcs}]
        members:
          - {post: dcs}
          - {organisation: icb}
          - {text: "A senior leader representing all schools", planned: true}
          - {organisation: schools, planned: true, start: "2027-01"}
      - id: audit
        name: Audit Subgroup
        kind: subgroup
        chairs: [{post: dcs}]
        members: [{post: dcs}]
        reports_to:
          - {to: executive, cadence: quarterly}
          - {to: board, planned: true}
      - id: neglect
        name: Neglect Task and Finish Group
        kind: task-and-finish-group
        start: "2020-01"
        end: "2021-12"
        chairs: [{post: dcs}]
        members: [{post: dcs}]
        reports_to: [{to: executive}]
      - id: schools-forum
        name: Schools Forum
        kind: forum
        planned: true
        start: "2027-01"
        chairs: [{post: dcs}]
        members: [{organisation: schools}]
        reports_to: [{to: executive}]
    yearly_reports:
      - period: "2023-04 to 2024-03"
        title: Annual Report 2023-24
        published: "2024-09"
        presented_by: dcs
        presented_to: [board]
        sent_to: [council]
    review:
      reviews: ["2025-12", "2028"]
      then_every_years: 3
"""
"""Arrangements over time, built by hand: regimes with dates, a partnership that took
effect in June 2019 and ends in March 2039, an ended chair, a chair in post, a planned
chair, a planned seat and a planned relevant agency, a planned reporting line, a group
that ended and a planned group, an organisation renamed, one that ended by a bound date
and its successor, a scrutineer known only from a document, a published yearly report
and a review schedule. Its dates are far enough from today that no test changes with
the calendar; tests in Python pass ``today=TODAY``."""


@pytest.fixture
def westshire(tmp_path: Path) -> Path:
    """:data:`WESTSHIRE` as a file."""
    path = tmp_path / "westshire.yaml"
    path.write_text(WESTSHIRE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def westshire_data() -> Dataset:
    """:data:`WESTSHIRE`, loaded."""
    from safeguarding_model.io import loads

    return loads(WESTSHIRE, format="yaml")


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

"""Merged, split and re-chaired partnerships are written without workarounds, and
each date shows what stood then."""

from __future__ import annotations

import pytest

from safeguarding_model import loads
from safeguarding_model.errors import LoadError
from safeguarding_model.model import Instrument, Scope, SuccessionKind

REGION = """\
schema: safeguarding-model/2
organisations:
  - {id: northshire-council, name: Northshire Council, kind: local-authority}
  - id: northshire-sab
    name: Northshire Safeguarding Adults Board
    kind: board
    end: 2025-03-31
people:
  - {id: ann-example, name: Ann Example}
  - {id: bob-example, name: Bob Example}
posts:
  - {id: first-chair, title: Independent Chair, independent: true, holder: ann-example}
  - {id: second-chair, title: Partnership Chair, independent: true, holder: bob-example}
partnerships:
  # a children's partnership and the adults' board merged into an all-age partnership
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    regimes: [working-together-2018]
    start: 2019-09
    end: 2025-03-31
    chairs:
      - {post: first-chair, end: 2023-03}
      - {post: second-chair, start: 2023-04}
  - id: northshire-sp
    name: Northshire Safeguarding Partnership
    scope: all-age
    regimes: [working-together-2023, care-act-2014]
    start: 2025-04-01
    predecessors:
      - {of: northshire-scp, how: merged, date: 2025-04-01, decided_by: northshire-council}
      - {of: northshire-sab, how: merged, date: 2025-04-01}
  # one partnership split into two place-based ones
  - id: westshire-scp
    name: Westshire Safeguarding Children Partnership
    end: 2024-03-31
    not_stated: [regimes]
  - id: north-westshire-scp
    name: North Westshire Safeguarding Children Partnership
    start: 2024-04-01
    predecessors: [{of: westshire-scp, how: split, date: 2024-04-01}]
    not_stated: [regimes]
  - id: south-westshire-scp
    name: South Westshire Safeguarding Children Partnership
    start: 2024-04-01
    predecessors: [{of: westshire-scp, how: split, date: 2024-04-01}]
    not_stated: [regimes]
"""


def _standing(on: str) -> list[str]:
    return [p.id for p in loads(REGION).as_of(on).partnerships]


def test_a_merger_and_a_split_show_the_bodies_of_each_date() -> None:
    assert _standing("2023") == ["northshire-scp", "westshire-scp"]
    assert _standing("2024-06") == ["northshire-scp", "north-westshire-scp", "south-westshire-scp"]
    assert _standing("2025-06") == ["northshire-sp", "north-westshire-scp", "south-westshire-scp"]
    # the adults' board merged too: gone as an organisation after the merger
    assert [o.id for o in loads(REGION).as_of("2025-06").organisations] == ["northshire-council"]


def test_the_merged_partnership_follows_both_regimes_and_names_its_predecessors() -> None:
    merged = loads(REGION).partnership("northshire-sp")
    assert merged.scope is Scope.ALL_AGE
    assert [r.instrument for r in merged.regimes] == [
        Instrument.WORKING_TOGETHER_2023,
        Instrument.CARE_ACT_2014,
    ]
    assert [(s.of, s.how) for s in merged.predecessors] == [
        ("northshire-scp", SuccessionKind.MERGED),
        ("northshire-sab", SuccessionKind.MERGED),
    ]
    assert merged.predecessors[0].decided_by == "northshire-council"


def test_a_change_of_chair_shows_one_chair_on_each_date() -> None:
    def chairs(on: str) -> list[str | None]:
        view = loads(REGION).as_of(on)
        return [c.post for c in view.partnership("northshire-scp").chairs]

    assert chairs("2022") == ["first-chair"]
    assert chairs("2024") == ["second-chair"]
    # March 2023 ends one tenure and April starts the next: the year 2023 holds both
    assert chairs("2023") == ["first-chair", "second-chair"]


def test_a_predecessor_that_names_nothing_is_a_located_error() -> None:
    broken = REGION.replace("{of: westshire-scp, how: split", "{of: westshire, how: split", 1)
    with pytest.raises(LoadError) as caught:
        loads(broken, name="region.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (40, "partnerships[3].predecessors[0].of")
    assert "westshire-scp" in str(problem.suggestion)

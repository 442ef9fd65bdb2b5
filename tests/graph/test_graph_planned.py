"""Planned entries and dates in the graph and its answers: planned edges carry
``planned``, questions keep what is planned apart and never follow a planned line, an
end is "ended" only once it has passed, and findings do not take a planned line for the
line."""

from __future__ import annotations

import datetime

import pytest

from safeguarding_model.graph import Chairs, GovernanceGraph, build_graph
from safeguarding_model.model import Dataset
from today import TODAY


@pytest.fixture(scope="module")
def gg(westshire_data: Dataset) -> GovernanceGraph:
    return build_graph(westshire_data, today=TODAY)


def test_planned_edges_and_groups_say_so(gg: GovernanceGraph) -> None:
    graph = gg.graph
    assert graph.edges["audit", "board", "reports-to"]["planned"] is True
    assert graph.edges["audit", "executive", "reports-to"]["planned"] is False
    # everything a planned group holds or is held by is planned
    assert graph.nodes["schools-forum"]["planned"] is True
    assert all(data["planned"] for _, _, data in graph.in_edges("schools-forum", data=True))
    assert all(data["planned"] for _, _, data in graph.out_edges("schools-forum", data=True))
    assert graph.edges["youth-trust", "westshire-scp", "relevant-agency-of"]["planned"] is True


def test_members_keep_the_planned_apart(gg: GovernanceGraph) -> None:
    members = gg.members("Executive Group")
    assert [e.member.id for e in members.entries if e.member] == ["dcs", "icb"]
    assert [e.status for e in members.planned] == ["planned", "planned"]
    text = str(members)
    assert text.startswith("Members of Executive Group (executive) (2 entries)")
    assert "Planned, not yet in place (2):\n  A senior leader representing all schools" in text
    assert "Westshire Schools [organisation] (planned for 2027-01)" in text


def test_who_sits_where_keeps_the_planned_apart(gg: GovernanceGraph) -> None:
    seats = gg.sits_on("Westshire Schools")
    assert [place.body.id for place in seats.places] == ["westshire-scp"]
    assert {place.body.id for place in seats.planned} == {"executive", "schools-forum"}
    assert "Planned, not yet in place (2):" in str(seats)
    youth = gg.sits_on("Westshire Youth Trust")
    assert youth.places == ()
    assert [seat.capacity for place in youth.planned for seat in place.seats] == ["relevant agency"]


def test_to_whom_a_group_reports_keeps_the_planned_line_apart(gg: GovernanceGraph) -> None:
    line = gg.accountability("Audit Subgroup")
    assert [(s.source.id, s.target.id) for s in line.steps][:1] == [("audit", "executive")]
    assert [(s.source.id, s.target.id, s.status) for s in line.planned] == [
        ("audit", "board", "planned")
    ]
    assert "Planned, not yet in place (1):\n  Audit Subgroup -> Partnership Board" in str(line)
    route = gg.escalation("Audit Subgroup", "Partnership Board")
    assert all(step.status != "planned" for step in route.steps)
    assert route.found and route.steps[0].kind == "reports-to"  # via the executive


def test_chairs_ended_in_place_and_planned(gg: GovernanceGraph) -> None:
    chairs = gg.chairs("westshire-scp").bodies[0]
    assert [(c.post.id if c.post else None, c.status) for c in chairs.chairs] == [
        ("old-chair", "ended"),
        ("dcs", "current"),
    ]
    assert [c.status for c in chairs.planned] == ["planned"]
    text = str(gg.chairs("westshire-scp"))
    assert "chair: Ann Old, Independent Chair (ended 2021-03)" in text
    assert "(2021-04 to 2039-06)" in text  # an end still to come is not "ended"
    assert "planned, not yet in place: chair: rotating among" in text


def test_an_end_is_ended_only_once_it_has_passed(westshire_data: Dataset) -> None:
    later = build_graph(westshire_data, today=datetime.date(2040, 1, 1))
    assert [c.status for c in later.chairs("westshire-scp").bodies[0].chairs] == ["ended"] * 2
    earlier = build_graph(westshire_data, today=datetime.date(2020, 1, 1))
    statuses = [c.status for c in earlier.chairs("westshire-scp").bodies[0].chairs]
    assert statuses == ["current", "future"]
    assert "(from 2021-04 to 2039-06)" not in str(earlier.chairs("westshire-scp"))


def test_findings_do_not_take_a_planned_line_for_the_line(westshire_data: Dataset) -> None:
    report = build_graph(westshire_data, today=TODAY).structure()
    assert [f.message for f in report.of("planned-group")] == [
        "Schools Forum (`schools-forum`) (planned for 2027-01) is planned, not yet in place"
    ]
    bodies = {ref.id for finding in report.findings for ref in finding.bodies}
    assert "schools-forum" in bodies and not report.of("no-members")
    assert not [f for f in report.findings if f.code.endswith("cycle")]


def test_on_a_date_nothing_planned_is_in_the_graph(westshire_data: Dataset) -> None:
    dated = build_graph(westshire_data, on="2027-06")
    assert "schools-forum" not in dated.graph
    assert not any(data["planned"] for _, _, data in dated.graph.edges(data=True))
    assert dated.graph.graph["on"] == "2027-06"


def test_chairs_of_an_empty_view_say_so() -> None:
    assert str(Chairs(bodies=())) == "No partnership or group in this data."

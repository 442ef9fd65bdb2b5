"""The governance graph of what a document leaves unknown: a partner the source does not
name has no node and no edge (never an invented one), yet the memberships and the
accountability line say it is there; funding through another body and shared with
another board are edges; a collaboration without a name is a node called so."""

from __future__ import annotations

import pytest

from known_unknowns import known_unknowns
from safeguarding_model.graph import EdgeKind, GovernanceGraph, build_graph


@pytest.fixture(scope="module")
def graph() -> GovernanceGraph:
    built = build_graph(known_unknowns())
    assert built.problems == ()
    return built


def _edges(graph: GovernanceGraph, kind: EdgeKind) -> list[tuple[str, str]]:
    return [(u, v) for u, v, data in graph.graph.edges(data=True) if data["kind"] == kind.value]


def test_a_partner_the_source_does_not_name_has_no_node_or_edge(graph: GovernanceGraph) -> None:
    leads = _edges(graph, EdgeKind.LEAD_PARTNER_OF)
    # the local authority by its post only, the police by its organisation; the ICB not at all
    assert sorted(leads) == [("chief-executive", "westshire-scp"), ("police", "westshire-scp")]
    assert _edges(graph, EdgeKind.DELEGATED_PARTNER_OF) == [("dcs", "westshire-scp")]
    assert ("dcs", "chief-executive") in _edges(graph, EdgeKind.DELEGATES_FOR)
    assert not any(node is None or node == "None" for node in graph.graph)


def test_the_accountability_line_says_which_lead_partners_the_data_does_not_name(
    graph: GovernanceGraph,
) -> None:
    line = graph.accountability("board")
    assert {ref.id for ref in line.top} == {"chief-executive", "police"}
    assert line.not_named == (
        "Westshire Safeguarding Children Partnership: the integrated care board",
    )
    assert "Also ends at lead partners the data does not name:" in str(line)
    assert line.to_dict()["not_named"] == [
        "Westshire Safeguarding Children Partnership: the integrated care board"
    ]


def test_the_members_say_who_holds_a_role_without_a_name(graph: GovernanceGraph) -> None:
    board = graph.members("board")
    unnamed = [entry for entry in board.entries if entry.member is None]
    assert [entry.note for entry in unnamed] == [
        "and 1 more of the lead safeguarding partners the data does not name",
        "and 2 more of the delegated safeguarding partners the data does not name",
    ]
    partnership = graph.members("westshire-scp")
    texts = [str(entry) for entry in partnership.entries if entry.member is None]
    assert texts == [
        "The Integrated Care Board [role: lead safeguarding partners]\n"
        "    for the integrated care board: the organisation is not named in the data",
        "a senior officer of the ICB [role: delegated safeguarding partners]\n"
        "    for the integrated care board: the post is not named in the data",
        "for the chief officer of police: the post is not named in the data "
        "[role: delegated safeguarding partners]",
    ]


def test_funding_through_another_body_and_shared_with_another_board(
    graph: GovernanceGraph,
) -> None:
    edges = graph.graph
    funds = edges.edges["county-council", "westshire-scp", "funds"]
    assert (funds["amount"], funds["subject"]) == (90000, "east-district west-district")
    for district in ("east-district", "west-district"):
        paid = edges.edges["county-council", district, "pays-on-behalf-of"]
        assert paid["subject"] == "westshire-scp"
    assert edges.has_edge("county-council", "westshire-scp", "hosts-budget-of")
    shared = edges.edges["westshire-scp", "county-sab", "shares-budget-with"]
    assert shared["percent"] == 40.0 and not shared["derived"]


def test_a_collaboration_without_a_name_is_a_node_called_so(graph: GovernanceGraph) -> None:
    node = graph.graph.nodes["neighbours"]
    assert (node["name"], node["label"], node["named"]) == (
        "a collaboration the source does not name",
        "a collaboration the source does not name",
        False,
    )
    assert graph.graph.has_edge("westshire-scp", "neighbours", "collaborates-in")

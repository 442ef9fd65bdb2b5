"""The graph of the shipped Isle of Wight 2024 arrangements, pinned to the document
(seed 001: Local Safeguarding Arrangements, September 2024, with the HIPS appendix)."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

import safeguarding_model as sm
from safeguarding_model.graph import (
    EDGE_ATTRIBUTES,
    EdgeKind,
    GovernanceGraph,
    NodeKind,
    build_graph,
    edge_key,
    key_kind,
)


@pytest.fixture(scope="module")
def gg() -> GovernanceGraph:
    return build_graph(sm.load("isle-of-wight-2024"))


def _edges(gg: GovernanceGraph, kind: EdgeKind) -> list[tuple[str, str]]:
    return [(u, v) for u, v, k in gg.graph.edges(keys=True) if key_kind(k) == kind.value]


def _into(gg: GovernanceGraph, node: str, kind: EdgeKind) -> list[str]:
    """The sources of ``node``'s incoming edges of one kind, in insertion order, each once."""
    found = [u for u, _, k in gg.graph.in_edges(node, keys=True) if key_kind(k) == kind.value]
    return list(dict.fromkeys(found))


def test_the_raw_graph_is_a_multidigraph_with_one_node_per_entity(gg: GovernanceGraph) -> None:
    assert isinstance(gg.graph, nx.MultiDiGraph)
    dataset = gg.dataset
    ids = [entity.id for entity in dataset.entities()]
    assert list(gg.graph.nodes) == ids
    counts = {kind: len(gg.nodes_of(kind)) for kind in NodeKind}
    assert counts == {
        NodeKind.ORGANISATION: len(dataset.organisations),
        NodeKind.PERSON: 8,
        NodeKind.POST: 12,
        NodeKind.PARTNERSHIP: 1,
        NodeKind.COLLABORATION: 1,
        # seven of the partnership (the Partnership Team among them), four of HIPS
        NodeKind.GROUP: 12,
        NodeKind.DOCUMENT: len(dataset.documents),
        NodeKind.PLAN: len(dataset.plans),
        NodeKind.OBJECTIVE: len(list(dataset.objectives())),
        NodeKind.MEETING: len(dataset.meetings),
        NodeKind.COURSE: len(dataset.courses),
        NodeKind.TOOL: len(dataset.tools),
        NodeKind.CONTACT: len(dataset.contacts),
    }


def test_every_node_has_kind_label_and_name(gg: GovernanceGraph) -> None:
    kinds = {k.value for k in NodeKind}
    for node, data in gg.graph.nodes(data=True):
        assert data["kind"] in kinds, node
        assert isinstance(data["label"], str) and data["label"], node
        assert isinstance(data["name"], str) and data["name"], node
    assert gg.graph.nodes["learning-inquiry-group"]["label"] == "LIG"
    assert gg.graph.nodes["learning-inquiry-group"]["name"] == "Learning Inquiry Group"
    chair = gg.graph.nodes["director-of-childrens-services"]
    assert chair["label"] == "Director of Children's Services"
    assert (
        chair["name"] == "Ashley Whittaker, Director of Children's Services, Isle of Wight Council"
    )


def test_every_edge_is_keyed_by_its_kind(gg: GovernanceGraph) -> None:
    kinds = {k.value for k in EdgeKind}
    for source, target, key, data in gg.graph.edges(keys=True, data=True):
        assert data["kind"] in kinds
        assert key_kind(key) == data["kind"]
        # the n-th edge of a kind between two nodes is keyed kind, kind#2, kind#3, ...
        same = [k for k in gg.graph[source][target] if key_kind(k) == data["kind"]]
        assert same == [edge_key(data["kind"], n) for n in range(1, len(same) + 1)]
        assert tuple(data) == EDGE_ATTRIBUTES


def test_the_lig_reports_to_the_executive_group_and_the_partnership_board(
    gg: GovernanceGraph,
) -> None:
    lines = [v for u, v in _edges(gg, EdgeKind.REPORTS_TO) if u == "learning-inquiry-group"]
    assert lines == ["executive-group", "partnership-board"]
    for target in lines:
        data = gg.graph.edges["learning-inquiry-group", target, "reports-to"]
        assert data["cadence"] == "quarterly"
        assert data["text"].startswith(
            "The LIG reports quarterly into the Executive Group and Partnership Board"
        )


def test_pqa_reports_six_monthly_and_escalates_to_the_executive_group(gg: GovernanceGraph) -> None:
    edges = gg.graph.get_edge_data("performance-and-quality-assurance-group", "executive-group")
    assert set(edges) >= {"reports-to", "escalates-to", "accountable-to"}
    assert edges["reports-to"]["cadence"] == "six-monthly"
    assert edges["escalates-to"]["text"] == "Escalate risks to the Executive Group."


def test_the_partnership_escalates_to_the_hips_executive(gg: GovernanceGraph) -> None:
    # "The IOWSCP ... will ... escalate to other bodies where appropriate. This can
    # include escalating issues ... to the HIPS Executive." The partnership escalates,
    # not its Executive Group.
    escalations = _edges(gg, EdgeKind.ESCALATES_TO)
    assert escalations.count(("isle-of-wight-scp", "hips-executive-group")) == 1
    assert not [v for u, v in escalations if u == "executive-group"]
    data = gg.graph.edges["isle-of-wight-scp", "hips-executive-group", "escalates-to"]
    assert data["text"].startswith("The IOWSCP is not able to direct other organisations")
    assert data["derived"] is False
    assert ("hips-executive-group", "hips") in _edges(gg, EdgeKind.PART_OF)


def test_the_executive_group_is_chaired_by_the_partnership_chair(gg: GovernanceGraph) -> None:
    chairs = [u for u, v in _edges(gg, EdgeKind.CHAIRS) if v == "executive-group"]
    assert chairs == ["director-of-childrens-services"]
    data = gg.graph.edges["director-of-childrens-services", "executive-group", "chairs"]
    assert data["derived"] is True
    assert data["via"] == "the partnership chair"
    assert ("ashley-whittaker", "director-of-childrens-services") in _edges(gg, EdgeKind.HOLDS_POST)
    assert ("director-of-childrens-services", "isle-of-wight-scp") in _edges(gg, EdgeKind.CHAIRS)


def test_the_workforce_development_group_is_joint_with_the_adults_board(
    gg: GovernanceGraph,
) -> None:
    joint = [(u, v) for u, v in _edges(gg, EdgeKind.JOINT_WITH)]
    assert joint == [("workforce-development-group", "iow-safeguarding-adults-board")]
    assert (
        gg.graph.nodes["iow-safeguarding-adults-board"]["name"] == "IOW Safeguarding Adults Board"
    )


def test_the_constabulary_holds_two_delegated_partner_posts(gg: GovernanceGraph) -> None:
    constabulary = "hampshire-and-isle-of-wight-constabulary"
    posts = {u for u, v in _edges(gg, EdgeKind.POST_IN) if v == constabulary}
    delegated = [u for u, v in _edges(gg, EdgeKind.DELEGATED_PARTNER_OF) if u in posts]
    assert delegated == ["head-of-specialist-crime-command", "area-commander"]
    for post in delegated:
        assert gg.graph.has_edge(post, "chief-constable", "delegates-for")


def test_lead_partners_and_accountability_of_the_partnership(gg: GovernanceGraph) -> None:
    leads = _into(gg, "isle-of-wight-scp", EdgeKind.LEAD_PARTNER_OF)
    assert sorted(leads) == sorted(
        [
            "isle-of-wight-council",
            "council-chief-executive",
            "nhs-hampshire-and-isle-of-wight",
            "icb-chief-executive",
            "hampshire-and-isle-of-wight-constabulary",
            "chief-constable",
        ]
    )
    up = [v for u, v in _edges(gg, EdgeKind.ACCOUNTABLE_TO) if u == "isle-of-wight-scp"]
    assert up == ["council-chief-executive", "icb-chief-executive", "chief-constable"]


def test_the_executive_group_seats_the_three_partner_organisations(gg: GovernanceGraph) -> None:
    # "those with lead responsibility from each of the safeguarding partners": the
    # document names the partners, not which of their posts sit there.
    members = _into(gg, "executive-group", EdgeKind.MEMBER_OF)
    assert members == [
        "isle-of-wight-council",
        "nhs-hampshire-and-isle-of-wight",
        "hampshire-and-isle-of-wight-constabulary",
        "service-director-for-education",
    ]
    council = gg.graph.edges["isle-of-wight-council", "executive-group", "member-of"]
    assert council["derived"] is False
    assert (
        council["text"] == "those with lead responsibility from each of the safeguarding partners"
    )
    chair = gg.graph.edges["service-director-for-education", "executive-group", "member-of"]
    assert chair["derived"] is True
    assert chair["via"] == "named as the chair of the Education Subgroup"
    for post in ("area-commander", "head-of-specialist-crime-command"):
        assert not gg.graph.has_edge(post, "executive-group")


def test_memberships_are_expanded_from_roles(gg: GovernanceGraph) -> None:
    data = gg.graph.edges["paragon", "partnership-board", "member-of"]
    assert data["derived"] is True
    assert data["via"] == "named as the relevant agencies"
    board = set(_into(gg, "partnership-board", EdgeKind.MEMBER_OF))
    # relevant agencies, the three partner organisations, the education subgroup chair
    assert len(board) == 31 + 3 + 1


def test_a_fact_stated_twice_is_two_edges(gg: GovernanceGraph) -> None:
    # The voluntary sector sits on the Partnership Board as a relevant agency and by
    # its sector representation: both are kept, the second keyed member-of#2.
    edges = gg.graph.get_edge_data("voluntary-sector", "partnership-board")
    assert list(edges) == ["member-of", "member-of#2"]
    assert [data["kind"] for data in edges.values()] == ["member-of", "member-of"]
    assert [data["via"] for data in edges.values()] == [
        "sector representation",
        "named as the relevant agencies",
    ]


def test_relevant_agencies_functional_links_observer_and_scrutineer(gg: GovernanceGraph) -> None:
    agencies = [u for u, v in _edges(gg, EdgeKind.RELEVANT_AGENCY_OF) if v == "isle-of-wight-scp"]
    assert len(agencies) == 31
    links = [v for u, v in _edges(gg, EdgeKind.LINKED_TO) if u == "isle-of-wight-scp"]
    assert len(links) == 11
    assert _edges(gg, EdgeKind.OBSERVES) == [
        ("cabinet-member-for-childrens-services", "isle-of-wight-scp")
    ]
    # The independent scrutineer, named again by the scrutiny mechanism it performs;
    # the Partnership Team leads the programme of scrutiny; the PQA and the HIPS
    # Procedures and Strategy Group carry out the Section 11 self-assessment.
    assert _edges(gg, EdgeKind.SCRUTINISES) == [
        ("independent-scrutineer", "isle-of-wight-scp"),
        ("independent-scrutineer", "isle-of-wight-scp"),
        ("performance-and-quality-assurance-group", "isle-of-wight-scp"),
        ("partnership-team", "isle-of-wight-scp"),
        ("hips-procedures-and-strategy-group", "isle-of-wight-scp"),
    ]
    assert ("isle-of-wight-council-early-years-team", "early-years-settings") in _edges(
        gg, EdgeKind.REPRESENTS
    )
    assert ("voluntary-sector", "partnership-board") in _edges(gg, EdgeKind.MEMBER_OF)


def test_hips_members_and_subgroups(gg: GovernanceGraph) -> None:
    # The document describes one of "the four local partnerships"; the other three are
    # counted, not named (the members list is partial), so they are no nodes.
    members = _into(gg, "hips", EdgeKind.COLLABORATES_IN)
    assert members == ["isle-of-wight-scp"]
    assert gg.members("hips").partial and gg.members("hips").further == 3
    under = sorted(u for u, v in _edges(gg, EdgeKind.PART_OF) if v == "hips-executive-group")
    assert under == [
        "hips-child-exploitation-group",
        "hips-health-group",
        "hips-procedures-and-strategy-group",
    ]


def test_two_builds_are_identical() -> None:
    first = build_graph(sm.load("isle-of-wight-2024")).graph
    second = build_graph(sm.load("isle-of-wight-2024")).graph
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


@pytest.mark.parametrize("name", ["isle-of-wight-2024", "hips"])
def test_the_graph_is_the_one_networkx_builds_from_the_same_nodes_and_edges(name: str) -> None:
    # The build fills networkx's adjacency dictionaries itself: the graph must be the
    # one add_nodes_from and add_edges_from make, in every view and in the same order.
    gg = build_graph(sm.load(name))
    built = gg.graph
    nodes = list(built.nodes(data=True))
    edges = [(u, v, k, built.edges[u, v, k]) for u, v, k in gg.order]  # in the build's order
    plain = nx.MultiDiGraph()
    plain.add_nodes_from(nodes)
    plain.add_edges_from(edges)
    assert nx.utils.graphs_equal(built, plain)
    assert list(built.nodes(data=True)) == list(plain.nodes(data=True))
    assert list(built.edges(keys=True, data=True)) == list(plain.edges(keys=True, data=True))
    assert list(built.in_edges(keys=True, data=True)) == list(plain.in_edges(keys=True, data=True))
    for node in built:
        assert list(built.pred[node]) == list(plain.pred[node])
        assert built.succ[node] == plain.succ[node]
    assert built.number_of_edges() == len(gg.order) == plain.number_of_edges()
    assert sorted(gg.order) == sorted(built.edges(keys=True))
    # the keyed edges between two nodes are one dictionary seen from both ends, as
    # networkx keeps them: an edge added later between them is seen from both
    source, target, _ = next(iter(gg.order))
    built.add_edge(source, target, key="added")
    assert (source, target, "added") in built.in_edges(target, keys=True)
    assert list(built.copy().edges(keys=True, data=True)) == list(built.edges(keys=True, data=True))


def test_the_2019_arrangements_build_too() -> None:
    gg = build_graph(sm.load("isle-of-wight-2019"))
    assert gg.problems == ()
    leads = [u for u, v, k in gg.graph.edges(keys=True) if k == "lead-partner-of"]
    assert leads == [
        "isle-of-wight-council",
        "hampshire-and-isle-of-wight-partnership-of-ccgs",
        "hampshire-and-isle-of-wight-constabulary",
    ]


def test_view_keeps_only_the_kinds_asked_for(gg: GovernanceGraph) -> None:
    reporting = gg.view(EdgeKind.REPORTS_TO)
    assert reporting.number_of_nodes() == gg.graph.number_of_nodes()
    # the PQA's second line to the Executive Group (its findings) is keyed reports-to#2
    assert {k for _, _, k in reporting.edges(keys=True)} == {"reports-to", "reports-to#2"}
    assert reporting.number_of_edges() == len(_edges(gg, EdgeKind.REPORTS_TO)) == 5
    membership = gg.view("member-of", incident_only=True)
    assert "hips-health-group" not in membership
    assert nx.is_bipartite(nx.Graph(membership))
    assert membership.has_edge("voluntary-sector", "partnership-board", "member-of#2")


def test_view_rejects_unknown_or_missing_kinds(gg: GovernanceGraph) -> None:
    with pytest.raises(sm.UsageError, match="did you mean `reports-to`"):
        gg.view("report-to")
    with pytest.raises(sm.UsageError, match="at least one"):
        gg.view()


def test_importing_the_package_does_not_import_networkx() -> None:
    code = "import sys, safeguarding_model; print('networkx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

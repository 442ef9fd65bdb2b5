"""The charts of a region (issue 12): the whole region, one partnership of it and one
collaboration (its members, its own groups, the lines into it), each read by Graphviz."""

from __future__ import annotations

import pytest
from consumers import check_mermaid, dot_output, svg_texts

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.documents.charts import OrgChart, org_chart
from safeguarding_model.exporters import export
from safeguarding_model.exporters.charts import STYLES
from safeguarding_model.graph import GovernanceGraph, build_graph
from safeguarding_model.model import Dataset

HIPS_GROUPS = {
    "hips-executive-group",
    "hips-health-group",
    "hips-child-exploitation-group",
    "hips-procedures-and-strategy-group",
}
PARTNERSHIPS = ["hampshire-scp", "portsmouth-scp", "southampton-scp", "isle-of-wight-scp"]


@pytest.fixture(scope="module")
def region() -> Dataset:
    return sm.load("hips")


@pytest.fixture(scope="module")
def graph(region: Dataset) -> GovernanceGraph:
    return build_graph(region)


def _edges(chart: OrgChart, kind: str) -> set[tuple[str, str]]:
    return {(edge.source, edge.target) for edge in chart.edges if edge.kind == kind}


@pytest.mark.parametrize("partnership", [None, "hips", *PARTNERSHIPS])
def test_graphviz_reads_every_chart_of_the_region(region: Dataset, partnership: str | None) -> None:
    """The region's chart once held objectives of the Hampshire plan with no look of
    their own, written ``[, label=...]``: Graphviz refused the whole file."""
    options = {"partnership": partnership} if partnership else {}
    text = export(region, "dot", **options)
    assert isinstance(text, str)
    assert "[," not in text
    dot_output(text)
    mermaid = export(region, "mermaid", **options)
    assert isinstance(mermaid, str)
    check_mermaid(mermaid)


def test_a_node_of_a_kind_with_no_look_is_still_a_node(region: Dataset) -> None:
    """Objectives run jointly with a partnership, drawn when the edges are named."""
    chart = org_chart(region, partnership="isle-of-wight-scp", edges=["joint-with"])
    assert "hscp-2020-23-safeguarding-adolescents" in {node.id for node in chart.nodes}
    text = export(region, "dot", partnership="isle-of-wight-scp", edges="joint-with")
    assert isinstance(text, str)
    assert '"hscp-2020-23-safeguarding-adolescents" [label="Safeguarding Adolescents"];' in text
    dot_output(text)


def test_the_chart_of_the_collaboration(graph: GovernanceGraph) -> None:
    """Its members, its own groups, the lines into it: and nothing of the partnerships'
    own structures."""
    chart = org_chart(graph, partnership="hips")
    shown = {node.id for node in chart.nodes}
    assert shown == {"hips", *HIPS_GROUPS, *PARTNERSHIPS}
    assert chart.title == "Hampshire, Isle of Wight, Portsmouth and Southampton: structure and " + (
        "reporting lines"
    )
    # each member takes part, whatever lines it has
    assert _edges(chart, "collaborates-in") == {(p, "hips") for p in PARTNERSHIPS}
    # the route by which each partnership escalates, and its learning, into the executive
    assert _edges(chart, "escalates-to") == {(p, "hips-executive-group") for p in PARTNERSHIPS}
    assert _edges(chart, "reports-for-information-to") == {
        (p, "hips-executive-group") for p in PARTNERSHIPS
    }
    assert _edges(chart, "accountable-to") >= {
        (group, "hips-executive-group") for group in HIPS_GROUPS - {"hips-executive-group"}
    }
    assert [c.id for c in chart.clusters] == ["hips"]
    svg = dot_output(export(graph.dataset, "dot", partnership="hips"), "svg")  # type: ignore[arg-type]
    assert STYLES["collaborates-in"].legend in svg_texts(svg)


def test_the_collaboration_chart_of_one_partnership_s_file(iow: Dataset) -> None:
    """The Isle of Wight file names one of the four partnerships: one member drawn."""
    chart = org_chart(iow, partnership="hips")
    assert _edges(chart, "collaborates-in") == {("isle-of-wight-scp", "hips")}
    assert "hampshire-scp" not in {node.id for node in chart.nodes}


def test_chosen_edges_are_drawn_as_chosen(graph: GovernanceGraph) -> None:
    chart = org_chart(graph, partnership="hips", edges=["escalates-to"])
    assert {edge.kind for edge in chart.edges} == {"escalates-to"}


def test_one_partnership_of_the_region(graph: GovernanceGraph) -> None:
    chart = org_chart(graph, partnership="Portsmouth Safeguarding Children Partnership")
    shown = {node.id for node in chart.nodes}
    assert "portsmouth-scp" in shown and "hips-executive-group" in shown
    assert not shown & {"hampshire-scp", "southampton-scp", "executive-group"}
    assert chart.title.startswith("Portsmouth Safeguarding Children Partnership:")


def test_the_default_charts_draw_bodies_not_plan_objectives(graph: GovernanceGraph) -> None:
    for partnership in (None, "hampshire-scp", "isle-of-wight-scp"):
        chart = org_chart(graph, partnership=partnership)
        assert {node.kind for node in chart.nodes}.isdisjoint({"objective", "plan"})
    # the joint task and finish groups are still drawn, joint with the Isle of Wight
    region = org_chart(graph)
    assert ("neglect-group", "isle-of-wight-scp") in _edges(region, "joint-with")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--to", "dot", "--partnership", "hipps"],
            "--partnership 'hipps': no partnership or collaboration in this data has the id "
            "or name 'hipps' (did you mean `hips`?); it has: hampshire-scp, portsmouth-scp, "
            "southampton-scp, isle-of-wight-scp, hips",
        ),
        (
            ["--to", "markdown", "--partnership", "HIPS"],
            "--partnership 'HIPS': Hampshire, Isle of Wight, Portsmouth and Southampton is a "
            "collaboration, and the markdown format shows one partnership; choose one of: "
            "hampshire-scp, portsmouth-scp, southampton-scp, isle-of-wight-scp",
        ),
        (
            ["--to", "html", "--partnership", "Executive Group"],
            "--partnership 'Executive Group': Executive Group (executive-group) is a group",
        ),
    ],
)
def test_a_wrong_partnership_is_a_located_error_naming_the_choices(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "hips", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_the_cli_exports_one_collaboration_s_chart(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "hips", "--to", "dot", "--partnership", "HIPS"]) == 0
    text = capsys.readouterr().out
    assert '"hampshire-scp" -> "hips" [' in text
    assert '"executive-group"' not in text  # no partnership's own groups
    dot_output(text)

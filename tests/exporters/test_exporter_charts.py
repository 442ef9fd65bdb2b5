"""The org chart: what it shows for the Isle of Wight, pinned to the published
arrangements, and how the options choose edge kinds, depth and scope."""

from __future__ import annotations

import attrs
import pytest
from consumers import check_mermaid, dot_output, heights, svg_texts
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_model.documents.charts import DEFAULT_EDGES, STYLED_KINDS, OrgChart, org_chart
from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import export
from safeguarding_model.exporters.charts import MARKS, STYLES, edge_look
from safeguarding_model.graph import EdgeKind, build_graph
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset, PartialDate
from strategies import datasets

SUBGROUPS = {
    "performance-and-quality-assurance-group",
    "learning-inquiry-group",
    "education-subgroup",
    "workforce-development-group",
    "child-exploitation-delivery-subgroup",
}


def edges(chart: OrgChart, kind: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in chart.edges if e.kind == kind}


def test_the_chart_shows_the_executive_board_and_five_subgroups_in_the_partnership(
    iow: Dataset,
) -> None:
    chart = org_chart(iow)
    boxed = {n.id for n in chart.nodes if n.cluster == "isle-of-wight-scp"}
    assert boxed == {
        "isle-of-wight-scp",
        "executive-group",
        "partnership-board",
        *SUBGROUPS,
        "partnership-team",  # the Safeguarding Children Partnership Team, a team
    }
    assert [c.label for c in chart.clusters][:2] == ["IOWSCP", "HIPS"]


def test_the_reporting_lines_are_those_the_document_gives(iow: Dataset) -> None:
    chart = org_chart(iow)
    assert edges(chart, "reports-to") == {
        ("performance-and-quality-assurance-group", "executive-group"),
        ("learning-inquiry-group", "executive-group"),
        ("learning-inquiry-group", "partnership-board"),  # two parents, both drawn
        # "Provide governance of the Multi Agency Safeguarding Hub": a line of the
        # partnership's `lines`, from a body with no list of its own
        ("multi-agency-safeguarding-hub", "executive-group"),
    }
    pqa = ("performance-and-quality-assurance-group", "executive-group")
    cadences = [
        e.label for e in chart.edges if e.kind == "reports-to" and (e.source, e.target) == pqa
    ]
    assert cadences == ["six-monthly", None]  # its analysis, and its findings (no cadence)
    informs = edges(chart, "reports-for-information-to")
    assert ("partnership-team", "performance-and-quality-assurance-group") in informs
    assert ("learning-inquiry-group", "isle-of-wight-scp") in informs
    assert edges(chart, "advises") == {("learning-inquiry-group", "partnership-board")}
    assert edges(chart, "escalates-to") == {
        ("isle-of-wight-scp", "hips-executive-group"),  # the partnership's, not the group's
        ("performance-and-quality-assurance-group", "executive-group"),
        ("workforce-development-group", "executive-group"),
        ("education-subgroup", "isle-of-wight-scp"),
    }
    assert edges(chart, "joint-with") == {
        ("workforce-development-group", "iow-safeguarding-adults-board")
    }
    assert len(edges(chart, "linked-to")) == 11
    assert set(chart.kinds) <= set(DEFAULT_EDGES)


def test_accountability_is_not_drawn_twice_beside_a_reporting_line(iow: Dataset) -> None:
    chart = org_chart(iow)
    accountable = edges(chart, "accountable-to")
    assert not accountable & edges(chart, "reports-to")
    assert ("isle-of-wight-scp", "council-chief-executive") in accountable
    assert ("child-exploitation-delivery-subgroup", "isle-of-wight-scp") in accountable


def test_functional_links_get_a_box_of_their_own(iow: Dataset) -> None:
    chart = org_chart(iow)
    links = {n.id for n in chart.nodes if n.cluster == "links:isle-of-wight-scp"}
    assert len(links) == 10  # the eleventh, the adults board, is also a joint partner
    assert "iow-safeguarding-adults-board" not in links


def test_edge_kinds_are_chosen_by_the_edges_option(iow: Dataset) -> None:
    chart = org_chart(iow, edges=("reports-to",))
    assert {e.kind for e in chart.edges} == {"reports-to"}
    chairs = org_chart(iow, edges=("chairs",), depth=1)
    assert ("director-of-childrens-services", "isle-of-wight-scp") in edges(chairs, "chairs")
    assert any(n.kind == "post" for n in chairs.nodes)


def test_an_unknown_edge_kind_is_refused_with_a_suggestion(iow: Dataset) -> None:
    with pytest.raises(UsageError, match="did you mean `reports-to`"):
        org_chart(iow, edges=("report-to",))


def test_depth_zero_shows_the_partnership_and_its_groups_only(iow: Dataset) -> None:
    chart = org_chart(iow, depth=0)
    assert {n.id for n in chart.nodes} == {
        "isle-of-wight-scp",
        "executive-group",
        "partnership-board",
        *SUBGROUPS,
        "partnership-team",
    }


def test_each_step_of_depth_adds_to_the_chart(iow: Dataset) -> None:
    sizes = []
    previous: set[str] = set()
    for depth in range(4):
        nodes = {n.id for n in org_chart(iow, depth=depth).nodes}
        assert previous <= nodes
        previous = nodes
        sizes.append(len(nodes))
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert "hips-health-group" not in {n.id for n in org_chart(iow).nodes}
    assert "hips-health-group" in previous


def test_a_collaboration_gives_the_regional_chart(iow: Dataset) -> None:
    chart = org_chart(iow, partnership="hips", depth=0)
    assert {n.id for n in chart.nodes} == {
        "hips",
        "hips-executive-group",
        "hips-health-group",
        "hips-child-exploitation-group",
        "hips-procedures-and-strategy-group",
    }
    assert all(e.kind == "accountable-to" for e in chart.edges)


def test_a_body_that_is_not_a_partnership_has_no_chart(iow: Dataset) -> None:
    with pytest.raises(
        UsageError, match="is an organisation; this question needs a partnership or collaboration"
    ):
        org_chart(iow, partnership="cafcass")
    with pytest.raises(
        UsageError,
        match="no partnership or collaboration in this data has the id or name 'nowhere'",
    ):
        org_chart(iow, partnership="nowhere")


def test_every_kind_has_its_own_style_and_key_entry() -> None:
    assert len({(s.color, s.dot) for s in STYLES.values()}) == len(STYLES)
    assert len({(s.mermaid, s.mermaid_style) for s in STYLES.values()}) == len(STYLES)
    assert len({s.legend for s in STYLES.values()}) == len(STYLES)
    assert tuple(STYLES) == STYLED_KINDS  # the key's order, which the chart gives


def test_stated_lines_are_solid_and_derived_or_informative_ones_are_not() -> None:
    """The look says what the data says: a stated line of accountability or escalation
    is solid; a line for information or of advice dotted; derived accountability and
    any derived line dashed and grey."""
    style = {kind: dict(look.dot)["style"] for kind, look in STYLES.items()}
    assert style["reports-to"] == style["escalates-to"] == "solid"
    assert style["reports-for-information-to"] == style["advises"] == "dotted"
    assert style["reports-to-meaning-not-stated"] == "dotted"
    assert style["accountable-to"] == "dashed"
    assert "stroke-dasharray" not in STYLES["reports-to"].mermaid_style
    assert "stroke-dasharray" in STYLES["reports-for-information-to"].mermaid_style
    assert "stroke-dasharray" in STYLES["accountable-to"].mermaid_style
    pairs, css, _ = edge_look("chairs", "current", True)
    assert dict(pairs)["style"] == "dashed" and dict(pairs)["color"] == MARKS["derived"].color
    assert "stroke-dasharray:6 4" in css
    pairs, _, _ = edge_look("chairs", "planned", True)
    assert dict(pairs)["style"] == "dotted"  # planned says so first


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"depth": 0},
        {"depth": 3},
        {"partnership": "hips"},
        {"edges": "reports-to,escalates-to"},
        {"edges": "chairs,member-of,holds-post", "depth": 2},
        *({"edges": kind} for kind in DEFAULT_EDGES),
    ],
    ids=str,
)
def test_graphviz_reads_every_variant_of_the_chart(
    iow: Dataset, options: dict[str, object]
) -> None:
    text = export(iow, "dot", **options)
    assert isinstance(text, str)
    dot_output(text)
    mermaid = export(iow, "mermaid", **options)
    assert isinstance(mermaid, str)
    check_mermaid(mermaid)


def test_the_drawn_chart_carries_the_key(iow: Dataset) -> None:
    texts = svg_texts(dot_output(export(iow, "dot"), "svg"))  # type: ignore[arg-type]
    said = " ".join(texts)  # (the key's words are wrapped in lines)
    for style in org_chart(iow).kinds:
        assert STYLES[style].legend in said
    assert "Key" in texts


def test_the_mermaid_chart_has_a_key_and_styles_per_kind(iow: Dataset) -> None:
    text = export(iow, "mermaid")
    assert isinstance(text, str)
    for kind in org_chart(iow).kinds:
        assert f'["{STYLES[kind].legend}"] {STYLES[kind].mermaid} ' in text
        assert STYLES[kind].mermaid_style in text


@given(
    datasets(),
    st.sets(st.sampled_from([kind.value for kind in EdgeKind]), min_size=1),
    st.integers(0, 3),
)
def test_a_chart_draws_exactly_the_chosen_kinds_between_the_bodies_it_shows(
    dataset: Dataset, kinds: set[str], depth: int
) -> None:
    several = len(dataset.partnerships) > 1
    graph = build_graph(dataset)
    chart = org_chart(graph, edges=sorted(kinds), depth=depth)
    shown = {node.id for node in chart.nodes}
    roots = (
        [*dataset.partnerships, *dataset.collaborations] if several else dataset.partnerships[:1]
    )
    for root in roots:
        assert root.id in shown
        assert {group.id for group in root.groups} <= shown
    found = {
        (source, target, data["kind"], data["planned"])
        for source, target, data in graph.graph.edges(data=True)
        if data["kind"] in kinds and source in shown and target in shown
    }
    # an accountable-to line that repeats a reporting line as planned (or not) as it is
    reporting = {(s, t, planned) for s, t, k, planned in found if k == "reports-to"}
    found -= {(s, t, "accountable-to", planned) for s, t, planned in reporting}
    expected = {(s, t, k) for s, t, k, _ in found}
    assert {(e.source, e.target, e.kind) for e in chart.edges} == expected
    deeper = {node.id for node in org_chart(graph, edges=kinds, depth=depth + 1).nodes}
    assert shown <= deeper


def test_the_partnership_escalates_to_the_hips_executive_from_its_own_node(iow: Dataset) -> None:
    """The September 2024 document: "The IOWSCP ... will ... escalate ... to the HIPS
    Executive": the partnership's route, not the Executive Group's."""
    chart = org_chart(iow)
    escalations = edges(chart, "escalates-to")
    assert ("isle-of-wight-scp", "hips-executive-group") in escalations
    assert ("executive-group", "hips-executive-group") not in escalations
    text = export(iow, "dot")
    assert isinstance(text, str)
    assert '"isle-of-wight-scp" -> "hips-executive-group"' in text
    dot_output(text)
    mermaid = export(iow, "mermaid")
    assert isinstance(mermaid, str)
    check_mermaid(mermaid)


def test_a_closed_group_shows_its_dates(iow: Dataset) -> None:
    partnership = iow.partnership()
    closed = attrs.evolve(
        partnership.groups[-1],
        start=PartialDate.from_string("2021-04"),
        end=PartialDate.from_string("2023-11"),
    )
    ended = attrs.evolve(partnership.groups[-2], end=PartialDate.from_string("2024"))
    groups = (*partnership.groups[:-2], ended, closed)
    dataset = attrs.evolve(iow, partnerships=(attrs.evolve(partnership, groups=groups),))
    labels = {node.id: node.label for node in org_chart(dataset).nodes}
    assert labels[closed.id] == f"{closed.name} (from 2021-04, ended 2023-11)"
    assert labels[ended.id] == f"{ended.name} (ended 2024)"
    assert labels["executive-group"] == "Executive Group"
    assert "ended 2023-11" in str(export(dataset, "mermaid"))


def test_the_top_groups_are_marked_for_bold_drawing(iow: Dataset) -> None:
    top = {node.id for node in org_chart(iow).nodes if node.top}
    assert top == {"executive-group", "partnership-board", "hips-executive-group"}


# --- what a line means, drawn (issue 10) -------------------------------------------------

LINES = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire Council, kind: local-authority}
  - {id: police, name: Shire Police, kind: police}
  - {id: hwb, name: "Health and Wellbeing Board", kind: board}
  - {id: csp, name: "Community Safety Partnership \\"CSP\\"", kind: board}
posts:
  - {id: ceo, title: Chief Executive, organisation: council}
  - {id: constable, title: Chief Constable, organisation: police}
partnerships:
  - id: scp
    name: Northshire Safeguarding Children Partnership
    short_name: NSCP
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: council, post: ceo}
      - {role: chief-officer-of-police, organisation: police, post: constable}
    reports_to: [{to: hwb, kind: for-information, cadence: annually}]
    groups:
      - id: leaders
        name: Leaders' Forum
        kind: leadership-group
      - id: executive
        name: Executive Group
        kind: executive-group
        reports_to: [{to: hwb, alternatives: [csp], condition: by exception}]
      - id: data-group
        name: Data Group
        kind: subgroup
        reports_to:
          - {to: executive, kind: for-information, cadence_text: at least three times a year}
      - id: panel
        name: Advisory Panel
        kind: subgroup
        reports_to: [{to: executive, kind: advises}]
      - id: audit
        name: Audit Group
        kind: subgroup
        reports_to: [{to: executive, kind: reports-to}]
      - id: planned-group
        name: Planned Group
        kind: subgroup
        reports_to: [{to: executive, planned: true}]
"""


@pytest.fixture(scope="module")
def lines() -> Dataset:
    return loads(LINES)


def test_lines_for_information_and_advice_are_labelled_and_give_no_accountability(
    lines: Dataset,
) -> None:
    chart = org_chart(lines)
    drawn = {(e.source, e.target, e.kind): e for e in chart.edges}
    informs = drawn[("data-group", "executive", "reports-for-information-to")]
    assert informs.label == "for information, at least three times a year"
    assert not informs.derived
    assert drawn[("panel", "executive", "advises")].label == "advises"
    assert drawn[("scp", "hwb", "reports-for-information-to")].label == "for information, annually"
    accountable = {(e.source, e.target) for e in chart.edges if e.kind == "accountable-to"}
    assert ("data-group", "scp") in accountable and ("panel", "scp") in accountable
    assert not accountable & {("data-group", "executive"), ("panel", "executive"), ("scp", "hwb")}


def test_a_line_whose_meaning_is_not_stated_is_drawn_as_no_accountability(
    lines: Dataset,
) -> None:
    """A line the document gives as "reports to" without saying whether the body answers
    to the other is drawn as the lines for information are (dotted, labelled, with a key
    entry of its own), and the body answers, derived, to its partnership."""
    chart = org_chart(lines)
    drawn = {(e.source, e.target, e.kind): e for e in chart.edges}
    line = drawn[("audit", "executive", "reports-to-meaning-not-stated")]
    assert (line.label, line.derived) == ("meaning not stated", False)
    assert ("audit", "executive", "reports-to") not in drawn
    assert ("audit", "executive", "accountable-to") not in drawn
    assert ("audit", "scp", "accountable-to") in drawn
    text = str(export(lines, "dot"))
    looks = [row for row in text.splitlines() if row.strip().startswith('"audit" -> "executive"')]
    assert len(looks) == 1 and 'style="dotted"' in looks[0]
    texts = svg_texts(dot_output(text, "svg"))
    assert STYLES["reports-to-meaning-not-stated"].legend in " ".join(texts)  # (wrapped)
    assert "meaning not stated" in texts


def test_alternatives_are_labelled_and_or(lines: Dataset) -> None:
    chart = org_chart(lines)
    drawn = {(e.source, e.target): e for e in chart.edges if e.kind == "reports-to"}
    for target in ("hwb", "csp"):
        edge = drawn[("executive", target)]
        assert edge.alternative and edge.label == "and/or, by exception"


def test_the_leadership_group_is_drawn_above_the_partnership_without_a_line(
    lines: Dataset,
) -> None:
    chart = org_chart(lines)
    assert chart.ranks == (("scp", "leaders"),)
    leaders = next(node for node in chart.nodes if node.id == "leaders")
    assert leaders.top and leaders.cluster == "scp"
    assert not [e for e in chart.edges if "leaders" in (e.source, e.target)]
    text = str(export(lines, "dot"))
    assert '"scp" -> "leaders" [style=invis];' in text
    canon = dot_output(text)
    assert "leaders" in canon
    mermaid = str(export(lines, "mermaid"))
    check_mermaid(mermaid)
    ids = {node.id: f"n{number}" for number, node in enumerate(chart.nodes, start=1)}
    assert f"  {ids['scp']} -.- {ids['leaders']}" in mermaid.splitlines()
    # Graphviz places the forum above the partnership (the chart is drawn bottom to top).
    positions = heights(dot_output(text, "plain"))
    assert positions["leaders"] > positions["scp"]


def test_the_key_explains_every_look_drawn(lines: Dataset) -> None:
    chart = org_chart(lines)
    assert set(chart.kinds) >= {
        "reports-to",
        "reports-for-information-to",
        "advises",
        "reports-to-meaning-not-stated",
        "accountable-to",
    }
    assert "planned" in chart.marks
    texts = svg_texts(dot_output(str(export(lines, "dot")), "svg"))
    said = " ".join(texts)  # (the key's words and the lines' labels are wrapped in lines)
    for kind in chart.kinds:
        assert STYLES[kind].legend in said
    assert MARKS["planned"].legend in said
    assert "for information, at least three times a year" in said
    assert "and/or, by exception" in said
    mermaid = str(export(lines, "mermaid"))
    for kind in chart.kinds:
        assert f'["{STYLES[kind].legend}"]' in mermaid


def test_derived_lines_are_drawn_dashed_and_grey_and_stated_ones_solid(lines: Dataset) -> None:
    text = str(export(lines, "dot", edges="reports-to,accountable-to,chairs,member-of", depth=2))
    dot_output(text)
    looks = {}
    for line in text.splitlines():
        if " -> " in line and "key:" not in line and "invis" not in line:
            ends, _, pairs = line.strip().partition(" [")
            looks[ends] = pairs
    assert 'style="solid"' in looks['"executive" -> "hwb"']
    derived = looks['"data-group" -> "scp"']
    assert 'style="dashed"' in derived and 'arrowhead="onormal"' in derived
    assert 'color="#6b7280"' in derived

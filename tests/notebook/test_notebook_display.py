"""Rich display in a notebook: the HTML parses, is well formed and says what the data
says (unknown as unknown, planned and ended marked, derived marked derived); the graph
shows its chart as SVG, or lists it where Graphviz cannot draw it."""

from __future__ import annotations

import datetime
import os
import shutil
import xml.etree.ElementTree as ET

import attrs
import pytest
from notebook_html import facts, parse, tables, words

import safeguarding_model as sm
from safeguarding_model.graph import build_graph
from safeguarding_model.model import Dataset
from safeguarding_model.model.dates import parse_date
from safeguarding_model.notebook import cards, charts
from safeguarding_model.notebook.markup import tag, text

TODAY = datetime.date(2025, 1, 15)
"""The day dates are read against (the westshire data's dates are far from it)."""

IOW_NAME = "Isle of Wight Safeguarding Children Partnership"


def need_dot() -> None:
    if shutil.which("dot") is None:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ"):
            pytest.fail("Graphviz `dot` is required here but not installed")
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")


def no_unknown_as_blank(root: ET.Element) -> None:
    """No cell of a display says "None" or "none", and no fact is left blank."""
    for table in tables(root):
        for row in table:
            for cell in row:
                assert cell not in ("None", "none", "null"), row
    for key, value in facts(root).items():
        assert value, f"{key} is blank"


# --- the dataset, a partnership, a group ----------------------------------------------


def test_the_dataset_displays_its_partnership_with_names(iow: Dataset) -> None:
    root = parse(iow._repr_html_())
    said = words(root)
    assert IOW_NAME in said
    assert f"Dates read against today, {datetime.date.today().isoformat()}." in said
    found = facts(root)
    assert (
        "Wendy Perera, Chief Executive, Isle of Wight Council"
        in (found["Lead safeguarding partners"])
    )
    assert found["Partnership chair"].startswith("Ashley Whittaker")
    assert found["Relevant agencies"].startswith("31 ")
    assert "Cafcass" in found["Relevant agencies"]
    groups = next(t for t in tables(root) if t[0][0] == "Group")
    assert len(groups) == 1 + 8
    lig = next(row for row in groups if row[0].startswith("Learning Inquiry Group"))
    assert lig[2] == "a member nominated by the Executive Group"
    assert lig[3] == "not stated in the source"  # the source does not say how often it meets
    assert "reports to: Executive Group (quarterly)" in lig[4]
    assert "Not stated in the source: values, principles, approval." in said
    no_unknown_as_blank(root)


def test_what_the_source_does_not_give_is_said_so(iow2019: Dataset) -> None:
    root = parse(cards.dataset_html(iow2019, today=TODAY))
    found = facts(root)
    assert found["Delegated safeguarding partners"] == "not stated in the source"
    assert found["Partnership chair"] == "not stated in the source"
    assert "Groups: not stated in the source" in words(root)
    no_unknown_as_blank(root)


def test_planned_and_ended_entries_are_marked(westshire_data: Dataset) -> None:
    root = parse(cards.dataset_html(westshire_data, today=TODAY))
    found = facts(root)
    chairs = found["Partnership chair"]
    assert "Ann Old, Independent Chair (ended 2021-03)" in chairs
    assert "planned, not yet in place (1): rotating among" in chairs
    assert "planned, not yet in place (1): Westshire Youth Trust" in found["Relevant agencies"]
    assert found["Relevant agencies"].startswith("1 ")  # the planned one is not counted
    assert "NHS Westshire (from 2022-07-01)" in found["Lead safeguarding partners"]
    groups = {row[0].split()[0]: row for row in next(t for t in tables(root) if t[0][0] == "Group")}
    assert groups["Neglect"][5] == "from 2020-01, ended 2021-12"
    assert groups["Schools"][5] == "planned, not yet in place (planned for 2027-01)"
    assert "reports to: Partnership Board (planned)" in groups["Audit"][4]
    assert "1 of them planned, not yet in place, not counted above." in words(root)
    no_unknown_as_blank(root)


def test_a_date_shows_the_arrangements_as_they_stood(iow2019: Dataset) -> None:
    said = words(parse(cards.dataset_html(iow2019, on="2020")))
    assert "The arrangements as they stood on 2020." in said
    assert "Dates read against" not in said


def test_a_partnership_alone_names_what_it_holds_and_says_what_it_cannot(
    iow: Dataset,
) -> None:
    root = parse(iow.partnership()._repr_html_())
    said = words(root)
    assert IOW_NAME in said
    assert "shown by their ids" in said  # it does not hold the posts: it says so
    assert "council-chief-executive" in facts(root)["Lead safeguarding partners"]
    no_unknown_as_blank(root)


def test_a_group_displays_its_facts_members_and_responsibilities(iow: Dataset) -> None:
    group = iow.partnership().group("Learning Inquiry Group")
    root = parse(group._repr_html_())
    found = facts(root)
    assert found["Kind"] == "subgroup"
    assert found["Meets"] == "not stated in the source"
    assert found["Escalates to"] == "none given in the data"
    assert "the relevant agencies (invited)" in found["Members"]
    assert "Responsibilities (16)" in words(root)
    named = parse(sm.notebook.show(iow, group="Learning Inquiry Group")._repr_html_())
    assert "reports to: Executive Group (quarterly)" in facts(named)["Reports to"]
    assert "shown by their ids" not in words(named)
    no_unknown_as_blank(named)


def test_show_takes_a_partnership_by_name_on_a_date(iow2019: Dataset) -> None:
    shown = sm.notebook.show(iow2019, "IOWSCP", on="2020-06")
    root = parse(shown.html)
    assert "The arrangements as they stood on 2020-06." in words(root)
    with pytest.raises(sm.NothingStoodError):
        sm.notebook.show(iow2019, on="1990")


def test_text_from_the_data_is_escaped(iow: Dataset) -> None:
    hostile = '<script>alert("x")</script> & <b>Co</b>'
    partnership = iow.partnership()
    group = attrs.evolve(partnership.groups[0], name=hostile)
    changed = attrs.evolve(partnership, groups=(group, *partnership.groups[1:]))
    dataset = attrs.evolve(iow, partnerships=(changed,))
    for html in (dataset._repr_html_(), group._repr_html_(), changed._repr_html_()):
        root = parse(html)  # no <script>, no <b>: the reader refuses them
        assert hostile in words(root)


def test_markup_keeps_single_spaces_and_has_no_end_tag_for_br() -> None:
    assert tag("p", "a", " ", tag("code", "b")) == "<p>a <code>b</code></p>"
    assert tag("br") == "<br>"
    assert text('"quoted" & <tag>\n\nnext') == "&quot;quoted&quot; &amp; &lt;tag&gt; next"


# --- the graph and its answers --------------------------------------------------------


def test_the_graph_displays_its_chart_as_svg(iow: Dataset) -> None:
    need_dot()
    bundle = build_graph(iow)._repr_mimebundle_()
    assert set(bundle) == {"image/svg+xml", "text/plain"}
    svg = ET.fromstring(bundle["image/svg+xml"])
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    labels = " ".join(" ".join(svg.itertext()).split())
    assert "Executive Group" in labels
    assert "derived" in labels  # the key says which lines are derived
    assert bundle["text/plain"].startswith("<GovernanceGraph")


def test_without_graphviz_the_chart_is_listed_and_says_why(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "graphviz_available", lambda: False)
    bundle = build_graph(iow)._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    root = parse(bundle["text/html"])
    assert "Graphviz's `dot` program is not installed" in words(root)
    lines = tables(root)[0]
    assert lines[0] == ["From", "Line", "To", "Stands", "Stated or derived"]
    assert [IOW_NAME, "escalates to", "HIPS Executive Group", "current", "stated"] in lines
    derived = [row for row in lines[1:] if row[1] == "accountable to"]
    assert derived and all(row[4] == "derived" for row in derived)


def test_a_chart_graphviz_fails_on_or_too_big_to_draw_is_listed(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = build_graph(iow)

    def fail(chart: object, format: str) -> bytes:
        raise sm.SafeguardingModelError("never called")

    monkeypatch.setattr(charts, "DRAWN_AT_MOST", 3)
    monkeypatch.setattr(charts, "draw_chart", fail)
    said = words(parse(graph._repr_mimebundle_()["text/html"]))
    assert "more than are drawn in a notebook (3)" in said
    monkeypatch.setattr(charts, "DRAWN_AT_MOST", 300)
    monkeypatch.setattr(charts, "graphviz_available", lambda: True)

    def broken(chart: object, format: str) -> bytes:
        from safeguarding_model.errors import ExportError

        raise ExportError("Graphviz could not draw the chart: boom")

    monkeypatch.setattr(charts, "draw_chart", broken)
    said = words(parse(graph._repr_mimebundle_()["text/html"]))
    assert "Graphviz could not draw the chart: boom: the chart is listed instead." in said


def test_the_bundle_keeps_to_what_the_front_end_asks(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "graphviz_available", lambda: False)
    graph = build_graph(iow)
    assert set(graph._repr_mimebundle_(include=["text/plain"])) == {"text/plain"}
    assert set(graph._repr_mimebundle_(exclude=["text/html"])) == {"text/plain"}


def test_one_partnerships_chart_for_a_notebook(iow: Dataset) -> None:
    chart = sm.notebook.chart(build_graph(iow), partnership="IOWSCP", depth=0)
    assert repr(chart).startswith("<Chart 'Isle of Wight Safeguarding Children Partnership")
    assert "text/plain" in chart._repr_mimebundle_()


def test_answers_show_as_tables_with_derived_steps_marked(iow: Dataset) -> None:
    graph = build_graph(iow)
    root = parse(graph.accountability("Learning Inquiry Group")._repr_html_())
    steps = tables(root)[0]
    assert steps[0][:3] == ["From", "To", "Line"]
    first = steps[1]
    assert first[0] == "Learning Inquiry Group learning-inquiry-group"
    assert first[1] == "Executive Group executive-group"
    assert first[5] == "derived: a group answers to the bodies it reports to"
    assert "Ends at: Wendy Perera, Chief Executive, Isle of Wight Council" in words(root)

    root = parse(graph.chairs()._repr_html_())
    rows = tables(root)[0]
    team = next(row for row in rows if row[0].startswith("Safeguarding Children Partnership Team"))
    assert team[2] == "chair not stated in the source"

    root = parse(graph.structure()._repr_html_())
    assert tables(root)[0][0][:3] == ["Severity", "Code", "Message"]
    assert len(tables(root)[0]) == 1 + len(graph.structure().findings)


def test_answers_keep_planned_entries_apart(westshire_data: Dataset) -> None:
    graph = build_graph(westshire_data, today=TODAY)
    root = parse(graph.members("Executive Group")._repr_html_())
    captions = [words(c) for c in root.iter("caption")]
    assert captions == ["Planned, not yet in place (2)"]
    planned = tables(root)[1]
    assert all(row[3].startswith("planned, not yet in place") for row in planned[1:])
    chairs = tables(parse(graph.chairs("westshire-scp")._repr_html_()))[0]
    assert [row[3] for row in chairs if "Ann Old" in row[2]] == ["ended 2021-03"]
    assert any(row[3].startswith("planned, not yet in place") for row in chairs)


def test_an_answer_of_another_kind_shows_as_its_text(iow: Dataset) -> None:
    step = build_graph(iow).accountability("Learning Inquiry Group").steps[0]
    root = parse(step._repr_html_())
    assert words(root) == " ".join(str(step).split())


def test_no_route_says_why(iow: Dataset) -> None:
    graph = build_graph(iow)
    answer = graph.escalation("HIPS Executive Group", "Learning Inquiry Group")
    assert not answer.found
    root = parse(answer._repr_html_())
    assert words(root).startswith("No escalation route from HIPS Executive Group")


# --- the statutory check ----------------------------------------------------------------


def test_the_check_shows_its_findings_and_requirements(iow: Dataset) -> None:
    report = sm.check(iow, "2024-10-01")
    root = parse(report._repr_html_())
    said = words(root)
    assert IOW_NAME in said
    assert "was checked on 2024-10-01 by Working Together to Safeguard Children 2023" in said
    findings, requirements = tables(root)
    assert findings[0] == [
        "Severity",
        "Rule",
        "Outcome",
        "What it found",
        "Source",
        "The document's words",
    ]
    assert len(findings) == 1 + len(report.findings)
    assert len(requirements) == 1 + len(report.checks[0].outcomes)
    advisory = [row for row in findings if row[0].endswith("(advisory: its source is unconfirmed)")]
    assert len(advisory) == sum(f.advisory for f in report.findings)
    assert "Requirements applied" in said
    alone = parse(report.checks[0]._repr_html_())
    assert len(tables(alone)[0]) == 1 + len(report.checks[0].findings)


# --- a collaboration ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hips() -> Dataset:
    return sm.load("hips")


def test_a_collaboration_displays_its_members_groups_and_lines(hips: Dataset) -> None:
    root = parse(sm.notebook.show(hips, "HIPS", on="2024-10-01")._repr_html_())
    found = facts(root)
    for name in ("Hampshire", "Isle of Wight", "Portsmouth", "Southampton"):
        assert f"{name} Safeguarding Children Partnership" in found["Members"]
    assert "strategic direction" in found["Purpose"]
    assert "based on the following principles" in found["Outcomes"]
    groups = next(t for t in tables(root) if t[0][0] == "Group")
    assert "HIPS Executive Group" in groups[1][0]
    assert "Groups (4 named, and others the source does not name)" in words(root)
    assert "reports for information to HIPS Executive Group" in words(root)
    assert "The arrangements as they stood on 2024-10-01." in words(root)
    no_unknown_as_blank(root)


def test_a_collaboration_alone_says_what_it_cannot_name(hips: Dataset) -> None:
    root = parse(hips.collaborations[0]._repr_html_())
    said = words(root)
    assert "Hampshire, Isle of Wight, Portsmouth and Southampton" in said
    assert "shown by their ids" in said
    no_unknown_as_blank(root)


def test_a_collaboration_that_did_not_stand_then_says_so(hips: Dataset) -> None:
    collaboration = hips.collaborations[0]
    ended = attrs.evolve(collaboration, start=parse_date("2030"))
    later = attrs.evolve(hips, collaborations=(ended,))
    said = words(parse(sm.notebook.show(later, "hips", on="2025")._repr_html_()))
    assert "did not stand then" in said

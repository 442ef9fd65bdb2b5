"""Exports over time, read back by their real consumers: every output taken on a date
says its date, nothing stands before a partnership's start or after its end, and what
is planned or ended is never presented as in place (Graphviz for DOT, networkx for
GraphML, rdflib for RDF, Python's csv and an HTML parser, python-docx for Word)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from consumers import (
    check_html,
    check_mermaid,
    check_popolo,
    dot_output,
    need_dot,
    need_pdf,
    pdf_text,
    read_csv,
    read_zip,
    svg_texts,
)
from hypothesis import given, settings

import safeguarding_model as sm
from safeguarding_model.errors import NothingStoodError
from safeguarding_model.exporters import (
    Content,
    ExportOptions,
    export,
    export_to,
    exporter_names,
    get_exporter,
)
from safeguarding_model.io import dumps, loads
from safeguarding_model.model import Dataset, PartialDate
from strategies import datasets, partial_dates, rich_datasets
from today import TODAY

ON = "2024-10"
SAID = f"The arrangements as they stood on {ON}."


def _text(content: Content) -> str:
    assert isinstance(content, str)
    return content


def _markdown(content: Content) -> None:
    assert f"**{SAID}**" in _text(content).splitlines()


def _html(content: Content) -> None:
    root = check_html(_text(content))
    paragraphs = ["".join(p.itertext()) for p in root.iter("p")]
    assert SAID in paragraphs


def _docx(content: Content) -> None:
    docx = pytest.importorskip("docx")
    assert isinstance(content, bytes)
    assert SAID in [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]


def _pdf(content: Content) -> None:
    assert SAID in pdf_text(content)


def _dot(content: Content) -> None:
    canon = dot_output(_text(content))
    assert f'comment="the arrangements as they stood on {ON}"' in canon
    assert f"(the arrangements as they stood on {ON})" in canon.replace("\\n", " ")


def _svg(content: Content) -> None:
    assert f"as they stood on {ON})" in " ".join(svg_texts(_text(content)))


def _png(content: Content) -> None:  # the picture holds the title drawn from the DOT
    assert isinstance(content, bytes) and content.startswith(b"\x89PNG")


def _mermaid(content: Content) -> None:
    check_mermaid(_text(content))
    assert _text(content).splitlines()[0].endswith(f"(the arrangements as they stood on {ON})")


def _graphml(content: Content) -> None:
    graph = nx.read_graphml(io.StringIO(_text(content)), force_multigraph=True)
    assert graph.graph["on"] == ON


def _csv(content: Content) -> None:
    assert isinstance(content, bytes)
    for name, table in read_zip(content).items():
        rows = read_csv(table)
        assert rows[0][0] == "on", name
        assert all(row[0] == ON for row in rows[1:]), name


def _popolo(content: Content) -> None:
    assert check_popolo(_text(content))["on"] == ON  # type: ignore[comparison-overlap]


def _yaml(content: Content) -> None:
    assert _text(content).startswith(f"# {SAID}\n")


def _json(content: Content) -> None:
    # The native JSON has no place for the date (it refuses unknown keys): the data is
    # the view, and loads back as it.
    sm.loads(_text(content), format="json")


def _rdf(format: str) -> Callable[[Content], None]:
    def check(content: Content) -> None:
        rdflib = pytest.importorskip("rdflib")
        graph = rdflib.Graph()
        graph.parse(data=_text(content), format=format)
        smv = rdflib.Namespace("urn:safeguarding-model:vocab#")
        export_node = rdflib.URIRef("urn:safeguarding-model:node:export")
        (value,) = graph.objects(export_node, smv.on)
        assert str(value) == ON and value.datatype == rdflib.XSD.gYearMonth

    return check


STATES_ITS_DATE: dict[str, Callable[[Content], None]] = {
    "markdown": _markdown,
    "html": _html,
    "docx": _docx,
    "pdf": _pdf,
    "dot": _dot,
    "svg": _svg,
    "png": _png,
    "mermaid": _mermaid,
    "graphml": _graphml,
    "csv": _csv,
    "popolo": _popolo,
    "yaml": _yaml,
    "json": _json,
    "turtle": _rdf("turtle"),
    "jsonld": _rdf("json-ld"),
}
NEEDS_DOT = {"dot", "svg", "png"}


def test_every_exporter_is_checked() -> None:
    assert set(exporter_names()) <= set(STATES_ITS_DATE)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("format", sorted(STATES_ITS_DATE))
def test_every_output_on_a_date_states_its_date(westshire_data: Dataset, format: str) -> None:
    if format not in exporter_names():
        pytest.skip(f"the {format} plugin is not installed")
    if format in NEEDS_DOT:  # (a page or a Word file says, without Graphviz, why no chart)
        need_dot()
    if format == "pdf":
        need_pdf()
    STATES_ITS_DATE[format](export(westshire_data, format, on=ON))


@pytest.mark.parametrize("format", ["markdown", "csv", "dot", "popolo", "json"])
@pytest.mark.parametrize("on", ["2018", "2040"])
def test_nothing_stood_before_the_start_or_after_the_end(
    westshire_data: Dataset, format: str, on: str
) -> None:
    with pytest.raises(NothingStoodError, match=f"nothing stood on {on}"):
        export(westshire_data, format, on=on)


def test_the_view_is_what_every_format_is_given(westshire_data: Dataset) -> None:
    then = sm.loads(_text(export(westshire_data, "yaml", on="2020-06")), format="yaml")
    assert then == westshire_data.as_of("2020-06")
    police = {o.id: o.name for o in then.organisations}["police"]
    assert police == "Westshire Police"  # named as it was then
    assert [g.id for g in then.partnerships[0].groups] == ["board", "executive", "audit", "neglect"]


# --- without a date: planned and ended are never shown as in place --------------------


def test_csv_has_a_status_for_every_row(westshire_data: Dataset, tmp_path: Path) -> None:
    folder = export_to(westshire_data, "csv", tmp_path / "tables", today=TODAY)

    def table(name: str) -> list[dict[str, str]]:
        import csv

        with open(folder / name, newline="", encoding="utf-8") as file:
            return list(csv.DictReader(file))

    groups = {row["group"]: row["status"] for row in table("groups.csv")}
    assert groups == {
        "board": "current",
        "executive": "current",
        "audit": "current",
        "neglect": "ended",
        "schools-forum": "planned",
    }
    members = [
        (row["group"], row["member_name"], row["status"]) for row in table("memberships.csv")
    ]
    assert ("executive", "A senior leader representing all schools", "planned") in members
    assert ("executive", "Westshire Schools", "planned") in members
    assert ("neglect", "Bob Now, Director of Children's Services, Westshire Council", "ended") in (
        members
    )
    assert ("schools-forum", "Westshire Schools", "planned") in members  # a planned group's seat
    lines = [(row["from"], row["to"], row["status"]) for row in table("reporting-lines.csv")]
    assert lines == [
        ("audit", "executive", "current"),
        ("audit", "board", "planned"),
        ("neglect", "executive", "ended"),
        ("schools-forum", "executive", "planned"),
    ]
    agencies = {row["organisation"]: row["status"] for row in table("relevant-agencies.csv")}
    assert agencies == {"schools": "current", "youth-trust": "planned"}
    posts = {row["post"]: (row["status"], row["known_on"]) for row in table("posts.csv")}
    assert posts["old-chair"] == ("ended", "")
    assert posts["scrutineer"] == ("current", "2020-09")
    assert "on" not in table("groups.csv")[0]  # only a dated export has the column


def test_an_end_is_ended_only_once_it_has_passed(westshire_data: Dataset) -> None:
    rows = read_csv(read_zip(export(westshire_data, "csv", today=TODAY))["posts.csv"])
    assert [rows[1][0], rows[1][-1]] == ["old-chair", "ended"]
    before = read_zip(export(westshire_data, "csv", today=TODAY.replace(year=2019)))
    assert read_csv(before["posts.csv"])[1][-1] == "current"


def test_dot_draws_planned_dotted_and_ended_faint_with_a_key(westshire_data: Dataset) -> None:
    dot = _text(export(westshire_data, "dot", today=TODAY))
    canon = dot_output(dot)
    planned = re.search(r'"audit" -> "board" \[([^\]]*)\]', dot)
    assert planned and 'style="dotted"' in planned.group(1) and "planned" in planned.group(1)
    # the line of a group that has ended is drawn ended too; the group says when
    ended = re.search(r'"neglect" -> "executive" \[([^\]]*)\]', dot)
    assert ended and 'color="#d1d5db"' in ended.group(1)
    neglect = re.search(r'"neglect" \[([^\]]*)\]', dot)
    assert neglect and "ended 2021-12" in neglect.group(1).replace("\\n", " ")
    forum = re.search(r'"schools-forum" \[([^\]]*)\]', dot)
    assert forum and "dotted" in forum.group(1)
    assert "planned for 2027-01" in forum.group(1).replace("\\n", " ")
    assert "planned, not yet in place (dotted)" in canon and "ended (faint)" in canon


def test_mermaid_draws_planned_dotted_with_a_key(westshire_data: Dataset) -> None:
    text = _text(export(westshire_data, "mermaid", today=TODAY))
    check_mermaid(text)
    ids = dict(re.findall(r'^\s+(n\d+)[\[\(\{]+"([^"]*)', text, re.MULTILINE))
    audit = next(key for key, label in ids.items() if label == "Audit Subgroup")
    board = next(key for key, label in ids.items() if label == "Partnership Board")
    assert re.search(rf"^  {audit} -\.->\|\"planned\"\| {board}$", text, re.MULTILINE)
    assert "planned, not yet in place (dotted)" in text
    assert re.search(r"^  class n\d+ planned$", text, re.MULTILINE)  # the planned group


def test_graphml_carries_planned_and_dates(westshire_data: Dataset) -> None:
    graph = nx.read_graphml(io.StringIO(_text(export(westshire_data, "graphml"))))
    planned = {(u, v, d["kind"]) for u, v, d in graph.edges(data=True) if d.get("planned")}
    assert ("audit", "board", "reports-to") in planned
    assert ("schools-forum", "executive", "reports-to") in planned
    assert graph.nodes["schools-forum"]["planned"] is True
    assert graph.nodes["ccg"]["end"] == "by 2022-06-30"
    assert "on" not in graph.graph


def test_popolo_keeps_planned_apart_and_dates_iso(westshire_data: Dataset) -> None:
    data = check_popolo(_text(export(westshire_data, "popolo")))
    ccg = next(o for o in data["organizations"] if o["id"] == "ccg")
    assert "dissolution_date" not in ccg
    assert ccg["extras"] == {"dissolution_date": "by 2022-06-30"}
    icb = next(o for o in data["organizations"] if o["id"] == "icb")
    assert icb["founding_date"] == "2022-07-01"
    planned: dict[str, list[dict[str, object]]] = data["planned"]  # type: ignore[assignment]
    assert [o["id"] for o in planned["organizations"]] == ["schools-forum"]
    roles = [(m["organization_id"], m.get("label")) for m in planned["memberships"]]
    assert ("executive", "A senior leader representing all schools") in roles
    assert all(m.get("organization_id") != "schools-forum" for m in data["memberships"])


def test_rdf_types_only_exact_dates_and_never_states_planned_as_in_place(
    westshire_data: Dataset,
) -> None:
    rdflib = pytest.importorskip("rdflib")
    if "turtle" not in exporter_names():
        pytest.skip("the RDF plugin is not installed")
    graph = rdflib.Graph()
    graph.parse(data=_text(export(westshire_data, "turtle", today=TODAY)), format="turtle")
    sm_id = rdflib.Namespace("urn:safeguarding-model:id:")
    smv = rdflib.Namespace("urn:safeguarding-model:vocab#")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    for literal in graph.objects():
        if isinstance(literal, rdflib.Literal) and literal.datatype is not None:
            assert not literal.ill_typed, literal
    assert (sm_id.ccg, smv.endText, rdflib.Literal("by 2022-06-30")) in graph
    assert not list(graph.objects(sm_id.ccg, smv.end))
    assert (sm_id.icb, smv.start, rdflib.Literal("2022-07-01", datatype=rdflib.XSD.date)) in graph
    assert (sm_id.audit, org.reportsTo, sm_id.executive) in graph
    assert (sm_id.audit, org.reportsTo, sm_id.board) not in graph  # planned
    assert (sm_id.neglect, org.reportsTo, sm_id.executive) not in graph  # ended
    assert (sm_id["schools-forum"], rdflib.RDF.type, org.OrganizationalUnit) not in graph
    assert (sm_id["schools-forum"], rdflib.RDF.type, smv.PlannedUnit) in graph
    memberships = set(graph.subjects(rdflib.RDF.type, org.Membership))
    planned = set(graph.subjects(rdflib.RDF.type, smv.PlannedMembership))
    assert planned and not memberships & planned
    agencies = {graph.value(m, org.member) for m in planned}
    assert sm_id["youth-trust"] in agencies


def test_documents_mark_planned_and_ended(westshire_data: Dataset) -> None:
    page = _text(export(westshire_data, "html", today=TODAY))
    root = check_html(page)
    text = " ".join("".join(root.itertext()).split())
    assert "The partnership chair was Ann Old, Independent Chair (ended March 2021)." in text
    assert "Planned membership, not yet in place:" in text
    assert "Westshire Youth Trust (planned, not yet in place)" in text
    markdown = _text(export(westshire_data, "markdown", today=TODAY))
    assert "- Reports to: Partnership Board (planned, not yet in place)" in markdown
    assert "*This group is planned for January 2027, not yet in place.*" in markdown


def test_the_yearly_report_on_a_date_states_its_date(westshire_data: Dataset) -> None:
    markdown = _text(export(westshire_data, "markdown", document="yearly-report", on=ON))
    assert f"**{SAID}**" in markdown.splitlines()


FAST = ("markdown", "csv", "dot", "mermaid", "graphml", "popolo", "yaml", "json")


@pytest.mark.parametrize("name", FAST)
@settings(max_examples=max(5, settings.default.max_examples // 2))
@given(datasets(), partial_dates())
def test_every_exporter_on_any_date_gives_the_view_or_says_nothing_stood(
    name: str, dataset: Dataset, on: PartialDate
) -> None:
    exporter = get_exporter(name)
    options = ExportOptions(on=on)
    if dataset.partnerships and not dataset.as_of(on).partnerships:
        with pytest.raises(NothingStoodError):
            exporter.run(dataset, options)
        return
    if "partnership" in exporter.options and len(dataset.as_of(on).partnerships) > 1:
        options = ExportOptions(on=on, partnership=dataset.as_of(on).partnerships[0].id)
    try:
        content = exporter.run(dataset, options)
    except NothingStoodError:  # the partnership chosen, or the only one, did not stand
        assert name in ("markdown",) and not dataset.as_of(on).partnerships
        return
    if name == "json":
        assert content == dumps(dataset.as_of(on), "json")
    elif name == "yaml":
        assert _text(content).startswith(f"# The arrangements as they stood on {on}.\n")
    elif name == "popolo":
        assert check_popolo(_text(content))["on"] == str(on)  # type: ignore[comparison-overlap]


INTERCHANGE = ("csv", "popolo", "yaml", "json", "turtle", "jsonld")


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", INTERCHANGE)
@settings(max_examples=max(5, settings.default.max_examples // 2))
@given(rich_datasets(max_groups=3), partial_dates())
def test_the_interchange_formats_on_any_date_with_every_new_fact(
    name: str, dataset: Dataset, on: PartialDate
) -> None:
    """On any date, the view of a dataset that uses every new fact (unstated periods,
    planned documents, dated scrutiny and events...) exports and reads back."""
    if name not in exporter_names():
        pytest.skip(f"the {name} format's plugin is not installed")
    exporter = get_exporter(name)
    view = dataset.as_of(on)
    if dataset.partnerships and not view.partnerships:
        with pytest.raises(NothingStoodError):
            exporter.run(dataset, ExportOptions(on=on))
        return
    content = exporter.run(dataset, ExportOptions(on=on))
    if name in ("json", "yaml"):
        assert loads(_text(content), format=name) == view
    elif name == "popolo":
        assert check_popolo(_text(content))["on"] == str(on)  # type: ignore[comparison-overlap]
    elif name == "csv":
        assert isinstance(content, bytes)
        for table in read_zip(content).values():
            rows = read_csv(table)
            assert all(row[0] == str(on) for row in rows[1:])
    else:
        rdflib = pytest.importorskip("rdflib")
        graph = rdflib.Graph()
        graph.parse(data=_text(content), format="turtle" if name == "turtle" else "json-ld")
        assert len(graph) > 0


UNSTATED_GROUPS = """\
schema: safeguarding-model/2
organisations: [{id: council, name: Council, kind: local-authority}]
collaborations: [{id: region, name: Region, start: "2023"}]
partnerships:
  - id: p
    name: P
    lead_partners: [{role: local-authority, organisation: council}]
    escalates_to: [{to: board}]
    groups: [{id: board, name: Board, kind: partnership-board}]
    not_stated_for: [{field: groups, start: "2020", end: "2021"}]
"""
UNSTATED_PROCEDURES = UNSTATED_GROUPS.replace(
    '    not_stated_for: [{field: groups, start: "2020", end: "2021"}]\n',
    "    procedures: {name: Procedures, collaboration: region}\n"
    '    not_stated_for: [{field: procedures, start: "2020", end: "2021"}]\n',
)


@pytest.mark.parametrize("name", ["json", "yaml"])
def test_the_view_where_the_groups_are_not_stated_loads_back(name: str) -> None:
    dataset = sm.loads(UNSTATED_GROUPS)
    content = _text(export(dataset, name, on="2020-06"))
    assert loads(content, format=name) == dataset.as_of("2020-06")


def test_the_view_where_the_procedures_are_not_stated_stands() -> None:
    dataset = sm.loads(UNSTATED_PROCEDURES)
    assert dataset.partnerships[0].procedures is not None
    view = dataset.as_of("2020-06")
    assert view.partnerships[0].procedures is None
    assert "procedures" in view.partnerships[0].not_stated


def test_a_partnership_named_by_its_name_today_is_found_under_its_name_then(
    westshire_data: Dataset,
) -> None:
    import attrs

    from safeguarding_model.model import FormerName

    partnership = westshire_data.partnerships[0]
    former = FormerName(name="Westshire Safeguarding Children Board", end=PartialDate(year=2020))
    renamed = attrs.evolve(
        westshire_data,
        partnerships=(attrs.evolve(partnership, former_names=(former,)),),
    )
    name = "Westshire Safeguarding Children Partnership"
    document = _text(export(renamed, "markdown", partnership=name, on="2019-09"))
    assert document.startswith("# Westshire Safeguarding Children Board\n")  # its name then
    chart = _text(export(renamed, "mermaid", partnership=name, on="2019-09"))
    assert "Westshire Safeguarding Children Board" in chart.splitlines()[0]

"""Every built-in format on the shipped 2024 dataset, each read back by its real
consumer: Graphviz, networkx, the csv and json modules, an XML parser, the loader."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from consumers import (
    can_print,
    check_html,
    check_markdown,
    check_mermaid,
    check_popolo,
    dot_output,
    need_dot,
    need_pdf,
    read_csv,
    read_zip,
    svg_texts,
)

from safeguarding_model.documents import arrangements, yearly_report
from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import (
    GraphvizNotFoundError,
    export,
    export_to,
    exporter_names,
    get_exporter,
)
from safeguarding_model.graph import build_graph
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset
from slow import formats

BUILTIN = [
    "csv",
    "dot",
    "graphml",
    "html",
    "json",
    "markdown",
    "mermaid",
    "png",
    "popolo",
    "svg",
    "yaml",
]


# (pdf, which takes seconds to print, is printed twice by the PDF plugin's own test of
# the same bytes, and in two processes by the test of hash seeds below)
@pytest.mark.parametrize("name", [n for n in exporter_names() if n != "pdf"])
def test_every_format_gives_byte_identical_output(iow: Dataset, name: str) -> None:
    if name in ("svg", "png"):
        need_dot()
    first, second = export(iow, name), export(iow, name)
    assert first == second
    assert type(first) is (bytes if name in ("png", "csv", "docx", "pdf") else str)


@pytest.mark.parametrize("name", ["json", "yaml"])
def test_the_native_formats_load_back_unchanged(iow: Dataset, name: str) -> None:
    text = export(iow, name)
    assert isinstance(text, str)
    assert loads(text, format=name) == iow


def test_graphviz_reads_the_dot(iow: Dataset) -> None:
    text = export(iow, "dot")
    assert isinstance(text, str)
    canon = dot_output(text)
    assert "cluster_isle-of-wight-scp" in canon


def test_svg_is_drawn_by_graphviz_and_well_formed(iow: Dataset) -> None:
    need_dot()
    svg = export(iow, "svg")
    assert isinstance(svg, str)
    texts = " ".join(svg_texts(svg))
    for name in ("Executive Group", "Partnership Board", "Learning Inquiry Group"):
        assert name in texts


def test_png_is_a_png_image(iow: Dataset) -> None:
    need_dot()
    png = export(iow, "png")
    assert isinstance(png, bytes)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 500 and height > 200


def test_svg_without_graphviz_names_the_package_to_install(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(GraphvizNotFoundError, match="apt-get install graphviz") as caught:
        export(iow, "png")
    assert "brew install graphviz" in str(caught.value)


def test_networkx_reads_the_graphml_back_with_the_same_counts(iow: Dataset) -> None:
    text = export(iow, "graphml")
    assert isinstance(text, str)
    graph = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    original = build_graph(iow).graph
    assert graph.number_of_nodes() == original.number_of_nodes()
    assert graph.number_of_edges() == original.number_of_edges()
    assert graph.nodes["learning-inquiry-group"]["name"] == "Learning Inquiry Group"
    kinds = {data["kind"] for _, _, data in graph.edges(data=True)}
    assert {"reports-to", "escalates-to", "joint-with", "linked-to"} <= kinds


def test_graphml_keeps_only_the_edge_kinds_asked_for(iow: Dataset) -> None:
    text = export(iow, "graphml", edges="reports-to")
    assert isinstance(text, str)
    graph = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    # the LIG's two lines, and the three the 2024 document gives from the PQA group (its
    # Section 11 findings and its six-monthly analysis) and the MASH to the Executive
    assert graph.number_of_edges() == 5
    assert {data["kind"] for _, _, data in graph.edges(data=True)} == {"reports-to"}
    assert graph.number_of_nodes() == build_graph(iow).graph.number_of_nodes()


def test_the_csv_module_reads_every_table(iow: Dataset, tmp_path: Path) -> None:
    folder = export_to(iow, "csv", tmp_path / "tables")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "chairs.csv",
        "collaborations.csv",
        "documents.csv",
        "duties.csv",
        "events.csv",
        "funding-contributions.csv",
        "groups.csv",
        "items.csv",
        "memberships.csv",
        "organisations.csv",
        "partial-lists.csv",
        "partners.csv",
        "partnerships.csv",
        "posts.csv",
        "relevant-agencies.csv",
        "reporting-lines.csv",
        "scrutiny.csv",
        "unstated.csv",
    ]
    tables = {n: read_csv((folder / n).read_text(encoding="utf-8")) for n in names}
    assert len(tables["relevant-agencies.csv"]) == 1 + 31
    # the three lead partners and the four delegated partners, every one named
    partners = tables["partners.csv"]
    assert [row[1] for row in partners[1:]] == ["lead"] * 3 + ["delegated"] * 4
    assert all(row[partners[0].index("not_named")] == "" for row in partners[1:])
    # eight lines in the groups' and the partnership's own lists, nine the partnership
    # gives from other bodies (the partnership team's data, the MASH...) and two that
    # HIPS gives (the learning fed both ways)
    assert len(tables["reporting-lines.csv"]) == 1 + 19
    assert len(tables["groups.csv"]) == 1 + 8 + 4  # the Partnership Team is a group
    assert len(tables["posts.csv"]) == 1 + len(iow.posts)
    header, *rows = tables["posts.csv"]
    scrutineer = dict(
        zip(header, next(r for r in rows if r[0] == "independent-scrutineer"), strict=True)
    )
    assert scrutineer["holder_name"] == "Scott MacKechnie"
    assert scrutineer["roles"] == "independent scrutineer of isle-of-wight-scp"
    footnoted = [r for r in tables["relevant-agencies.csv"][1:] if r[4]]
    assert len(footnoted) == 3


def test_csv_as_a_zip_holds_the_same_tables(iow: Dataset, tmp_path: Path) -> None:
    data = export(iow, "csv")
    assert isinstance(data, bytes)
    tables = read_zip(data)
    folder = export_to(iow, "csv", tmp_path / "tables")
    assert tables == {p.name: p.read_bytes().decode("utf-8") for p in folder.iterdir()}
    zipped = export_to(iow, "csv", tmp_path / "tables.zip")
    assert zipped.read_bytes() == data


def test_popolo_references_resolve(iow: Dataset) -> None:
    text = export(iow, "popolo")
    assert isinstance(text, str)
    data = check_popolo(text)
    leads = [m for m in data["memberships"] if m["role"] == "lead safeguarding partner"]
    assert [m["member"]["id"] for m in leads] == [  # type: ignore[index]
        "isle-of-wight-council",
        "nhs-hampshire-and-isle-of-wight",
        "hampshire-and-isle-of-wight-constabulary",
    ]
    holders = {m["post_id"]: m["person_id"] for m in data["memberships"] if "person_id" in m}
    assert holders["independent-scrutineer"] == "scott-mackechnie"


def test_the_html_page_is_well_formed_and_self_contained(iow: Dataset) -> None:
    page = export(iow, "html")
    assert isinstance(page, str)
    root = check_html(page)
    headings = [el.text for el in root.iter("h2")]
    assert "Partnership Structure and Subgroups" in headings
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
    ).replace("http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd", "")


def test_the_html_page_draws_its_charts_inline_when_graphviz_is_there(iow: Dataset) -> None:
    need_dot()
    page = export(iow, "html")
    assert isinstance(page, str)
    # the partnership's structure, escalation, other lines, functional links and lines
    # with HIPS; and the HIPS appendix's groups and its member partnerships' lines
    assert page.count("<svg") == 7
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page


def test_the_html_page_gives_the_chart_in_words_without_graphviz(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    page = export(iow, "html")
    assert isinstance(page, str)
    check_html(page)
    assert "<svg" not in page
    assert "Learning Inquiry Group reports to Partnership Board (quarterly)." in page


@pytest.mark.parametrize("document", ["arrangements", "yearly-report"])
def test_markdown_documents_have_one_heading_per_section(iow: Dataset, document: str) -> None:
    text = export(iow, "markdown", document=document)
    assert isinstance(text, str)
    tree = arrangements(iow) if document == "arrangements" else yearly_report(iow)
    check_markdown(text, tree)
    chart = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    check_mermaid(chart)


def test_the_yearly_report_marks_where_a_person_must_write(iow: Dataset) -> None:
    text = export(iow, "markdown", document="yearly-report")
    assert isinstance(text, str)
    contents = iow.partnership().yearly_report.contents  # type: ignore[union-attr]
    assert text.count("> **To be written:**") >= len(contents)


def test_documents_refuse_a_collaboration(iow: Dataset) -> None:
    with pytest.raises(UsageError, match="is a collaboration; this question needs a partnership"):
        export(iow, "markdown", partnership="hips")


def test_export_to_writes_only_the_path_it_is_given(iow: Dataset, tmp_path: Path) -> None:
    for name in BUILTIN:
        if name in ("svg", "png"):
            need_dot()
        exporter = get_exporter(name)
        target = tmp_path / name / f"out.{exporter.extension}"
        target.parent.mkdir()
        written = export_to(iow, name, target)
        assert written == target
        assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_export_to_refuses_a_missing_folder_and_a_folder_for_a_file(
    iow: Dataset, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="no such folder"):
        export_to(iow, "json", tmp_path / "missing" / "out.json")
    with pytest.raises(UsageError, match="is a folder"):
        export_to(iow, "json", tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        export_to(iow, "csv", tmp_path / "file")


def test_the_mermaid_chart_passes_the_syntax_check(iow: Dataset) -> None:
    text = export(iow, "mermaid")
    assert isinstance(text, str)
    counts = check_mermaid(text)
    assert counts["edges"] > 20


def test_json_popolo_outputs_are_json(iow: Dataset) -> None:
    for name in ("json", "popolo"):
        text = export(iow, name)
        assert isinstance(text, str)
        json.loads(text)


def test_a_layout_the_spline_router_fails_on_is_drawn_with_straight_lines() -> None:
    """Graphviz 2.43 cannot route this chart's curves ("triangulation failed"); the
    export falls back to straight lines rather than failing."""
    need_dot()
    from safeguarding_model.exporters.graphviz import draw

    source = (Path(__file__).parent / "fixtures" / "spline-router-failure.gv").read_text()
    svg = draw(source, "svg").decode("utf-8")
    assert svg_texts(svg)


def test_popolo_names_the_member_of_every_membership(iow: Dataset) -> None:
    """Roles, the chairs of other groups and the partnership chair are resolved as the
    governance graph resolves them; seats the data describes only in words are posts."""
    data = check_popolo(str(export(iow, "popolo")))
    memberships = data["memberships"]
    board = [m for m in memberships if m.get("organization_id") == "partnership-board"]
    agencies = {m["member"]["id"] for m in board if "member" in m}  # type: ignore[index]
    assert {a.organisation for a in iow.partnership().relevant_agencies} <= agencies
    chairs = {
        m.get("post_id"): m.get("person_id")
        for m in memberships
        if m.get("organization_id") == "executive-group" and m["role"] == "chair"
    }
    assert chairs == {"director-of-childrens-services": "ashley-whittaker"}
    seated = {
        m.get("post_id") for m in memberships if m.get("organization_id") == "executive-group"
    }
    assert "learning-inquiry-group/chair-1" in seated  # the LIG's chair, nominated
    posts = {p["id"]: p for p in data["posts"]}
    assert posts["learning-inquiry-group/chair-1"]["organization_id"] == "learning-inquiry-group"
    delegated = [m for m in memberships if m["role"] == "delegated safeguarding partner"]
    assert {m["post_id"]: m["on_behalf_of_id"] for m in delegated}["area-commander"] == (
        "hampshire-and-isle-of-wight-constabulary"
    )


def test_graphml_edge_ids_are_unique_and_stable(iow: Dataset) -> None:
    text = export(iow, "graphml")
    assert isinstance(text, str)
    root = ET.fromstring(text)
    ids = [edge.get("id") for edge in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == build_graph(iow).graph.number_of_edges()
    assert "performance-and-quality-assurance-group.reports-to.executive-group" in ids
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", str(i)) for i in ids)  # XML name tokens
    assert export(iow, "graphml") == text


def test_svg_does_not_name_the_graphviz_version(iow: Dataset) -> None:
    need_dot()
    svg = export(iow, "svg")
    assert isinstance(svg, str)
    assert "graphviz version" not in svg.lower()
    assert "<svg" in svg and svg_texts(svg)


def html_ids(page: str) -> list[str]:
    return [el.get("id") or "" for el in ET.fromstring(page).iter() if el.get("id")]


def test_the_html_page_has_unique_ids_and_each_chart_refers_to_its_own(iow: Dataset) -> None:
    need_dot()
    page = export(iow, "html")
    assert isinstance(page, str)
    ids = html_ids(page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert {"figure-1-graph0", "figure-2-graph0"} <= set(ids)
    for target in re.findall(r'(?:url\(#|href="#)([^")]+)', page):
        assert target in ids, target


def test_a_graphviz_failure_gives_the_chart_in_words(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Graphviz is there but fails (here: `false` stands in for `dot`): the page is still
    written, each chart given in words with a note saying why it is not drawn."""
    false = shutil.which("false")
    if false is None:
        pytest.skip("no `false` program to stand in for a failing Graphviz")
    monkeypatch.setattr("shutil.which", lambda name: false)
    page = export(iow, "html")
    assert isinstance(page, str)
    check_html(page)
    assert "<svg" not in page
    assert page.count("The chart could not be drawn (Graphviz could not draw the chart") == 7
    assert "Learning Inquiry Group reports to Partnership Board (quarterly)." in page
    markdown = export(iow, "markdown")  # Markdown draws no picture: unaffected
    assert isinstance(markdown, str) and "```mermaid" in markdown


def test_export_to_refuses_symbolic_links(iow: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "linked-folder").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UsageError, match="symbolic link"):
        export_to(iow, "csv", tmp_path / "linked-folder")
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "posts.csv").symlink_to(outside / "stolen.csv")
    with pytest.raises(UsageError, match=r"posts\.csv is a symbolic link"):
        export_to(iow, "csv", tables)
    (tmp_path / "out.json").symlink_to(outside / "target.json")
    with pytest.raises(UsageError, match="symbolic link"):
        export_to(iow, "json", tmp_path / "out.json")
    assert list(outside.iterdir()) == []  # nothing written through a link


PROGRAM = """
import hashlib, shutil, sys
import safeguarding_model as sm
from safeguarding_model.exporters import export, exporter_names
dataset = sm.load("isle-of-wight-2024")
for name in exporter_names():
    if name in ("svg", "png", "html", "docx") and shutil.which("dot") is None:
        continue
    if name == "pdf" and not {pdf}:
        continue
    content = export(dataset, name)
    data = content.encode("utf-8") if isinstance(content, str) else content
    print(name, hashlib.sha256(data).hexdigest())
"""


@pytest.mark.slow
def test_every_format_is_the_same_in_processes_with_different_hash_seeds() -> None:
    """Nothing depends on the order of a set or dict of strings, which Python varies
    from one process to the next."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", PROGRAM.format(pdf=can_print())],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) >= 9


def test_graphml_edge_ids_hold_only_name_characters() -> None:
    from safeguarding_model.exporters.builtin.graphml import edge_id

    assert edge_id("lig", "reports-to", "pb") == "lig.reports-to.pb"
    assert edge_id("lig", "reports-to#2", "pb") == "lig.reports-to_2.pb"  # a repeated line


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", formats(exporter_names()))
def test_every_format_takes_a_dataset_with_every_new_fact(name: str) -> None:
    from variety import variety

    if name in ("svg", "png"):
        need_dot()
    if name == "pdf":
        need_pdf()
    dataset = variety()
    content = export(dataset, name)
    assert content
    if name != "pdf":  # printed from the HTML page, whose own case checks this
        assert export(dataset, name) == content

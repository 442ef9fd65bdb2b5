"""Every registered exporter succeeds on every valid model, nasty names included, and
its output still parses (by the format's real consumer where there is one) and holds
no unescaped markup.

Besides the strategies' nasty names, the generated models carry text that starts a
Markdown block or a spreadsheet formula (``consumers.BLOCK_STARTS``) in their names,
titles and texts.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest
from consumers import (
    BLOCK_STARTS,
    check_html,
    check_markdown,
    check_mermaid,
    check_popolo,
    dot_output,
    need_dot,
    need_pdf,
    read_csv,
    read_zip,
    with_texts,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding_model.documents import build
from safeguarding_model.exporters import Content, ExportOptions, exporter_names, get_exporter
from safeguarding_model.graph import build_graph
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset
from slow import formats
from strategies import rich_datasets

Check = Callable[[Content, Dataset, ExportOptions], None]


def _text(content: Content) -> str:
    assert isinstance(content, str)
    return content


def _native(format: str) -> Check:
    def check(content: Content, dataset: Dataset, options: ExportOptions) -> None:
        assert loads(_text(content), format=format) == dataset

    return check


def _markdown(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    document = build(options.document or "arrangements", dataset, options.partnership)
    check_markdown(_text(content), document)


def _html(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    text = _text(content)
    check_html(text)
    assert "<script" not in text


def _graphml(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    graph = nx.read_graphml(io.StringIO(_text(content)), force_multigraph=True)
    original = build_graph(dataset).graph
    assert graph.number_of_nodes() == original.number_of_nodes()
    assert graph.number_of_edges() == original.number_of_edges()


def _csv(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    assert isinstance(content, bytes)
    for table in read_zip(content).values():
        read_csv(table)


def _dot(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    dot_output(_text(content))


def _svg(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    ET.fromstring(_text(content))


def _mermaid(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    check_mermaid(_text(content))


def _popolo(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    check_popolo(_text(content))


def _png(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    assert isinstance(content, bytes) and content.startswith(b"\x89PNG\r\n\x1a\n")


def _rdf(format: str) -> Check:
    def check(content: Content, dataset: Dataset, options: ExportOptions) -> None:
        rdflib = pytest.importorskip("rdflib")
        graph = rdflib.Graph()
        graph.parse(data=_text(content), format=format)
        org = rdflib.Namespace("http://www.w3.org/ns/org#")
        rdf_type = rdflib.RDF.type
        memberships = set(graph.subjects(rdf_type, org.Membership))
        assert all((m, org.organization, None) in graph for m in memberships)
        for partnership in dataset.partnerships:
            node = rdflib.URIRef(f"urn:safeguarding-model:id:{partnership.id}")
            assert (node, rdf_type, org.OrganizationalCollaboration) in graph

    return check


def _docx(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    docx = pytest.importorskip("docx")
    assert isinstance(content, bytes)
    word = docx.Document(io.BytesIO(content))
    document = build(options.document or "arrangements", dataset, options.partnership)
    headings = [
        p.text
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert len(headings) == len(list(document.walk()))


def _pdf(content: Content, dataset: Dataset, options: ExportOptions) -> None:
    pypdf = pytest.importorskip("pypdf")
    assert isinstance(content, bytes)
    document = build(options.document or "arrangements", dataset, options.partnership)

    def bookmarks(entries: list[Any]) -> int:
        return sum(bookmarks(e) if isinstance(e, list) else 1 for e in entries)

    # a bookmark for every heading (the page's text may lack a glyph no font has)
    assert bookmarks(pypdf.PdfReader(io.BytesIO(content)).outline) == len(list(document.walk()))


CHECKS: dict[str, Check] = {
    "json": _native("json"),
    "yaml": _native("yaml"),
    "dot": _dot,
    "svg": _svg,
    "png": _png,
    "mermaid": _mermaid,
    "markdown": _markdown,
    "html": _html,
    "graphml": _graphml,
    "csv": _csv,
    "popolo": _popolo,
    "turtle": _rdf("turtle"),
    "jsonld": _rdf("json-ld"),
    "docx": _docx,
    "pdf": _pdf,
}
NEEDS_DOT = {"dot", "svg", "png", "html"}

SLOW = frozenset({"svg", "png", "html", "docx", "pdf"})
"""Formats that start Graphviz once per chart (twice per example, to check that the
output is the same twice), and Word, which draws every chart as a PNG. Their example
count is capped at :data:`SLOW_EXAMPLES` so that no one of them holds up a parallel
run (Word took 70 s at 25 examples), and PDF's at :data:`PDF_EXAMPLES`, since it lays
every page out; the model-generating code they exercise (charts, documents) is
covered with the profile's full count by the ``dot``, ``mermaid`` and ``markdown``
cases and by the chart and document property tests."""

SLOW_EXAMPLES = 5

PDF_EXAMPLES = 2
"""PDF lays out every page of the HTML page, whose own case runs more examples."""


# rdflib 7's own JSON-LD parser still calls its deprecated ConjunctiveGraph API.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", formats(exporter_names()))
def test_every_exporter_succeeds_on_generated_models(name: str) -> None:
    if name in NEEDS_DOT:
        need_dot()
    if name == "pdf":
        need_pdf()
    exporter = get_exporter(name)
    check = CHECKS.get(name)

    examples = settings.default.max_examples
    if name in SLOW:
        examples = min(examples, PDF_EXAMPLES if name == "pdf" else SLOW_EXAMPLES)

    @settings(max_examples=examples)
    @given(rich_datasets(), st.lists(st.sampled_from(BLOCK_STARTS), max_size=6))
    def run(generated: Dataset, texts: list[str]) -> None:
        dataset = with_texts(generated, texts)
        several = len(dataset.partnerships) > 1
        chosen = (
            dataset.partnerships[0].id if several and "partnership" in exporter.options else None
        )
        options = ExportOptions(partnership=chosen)
        content = exporter.run(dataset, options)
        assert content, "empty output"
        if name != "pdf":  # printed from the HTML page, whose own case checks this
            assert exporter.run(dataset, options) == content, "not deterministic"
        if check is not None:
            check(content, dataset, options)

    run()

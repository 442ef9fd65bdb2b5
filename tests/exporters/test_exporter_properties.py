"""Every registered exporter succeeds on every valid model, nasty names included, and
its output still parses (by the format's real consumer where there is one) and holds
no unescaped markup."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable

import networkx as nx
import pytest
from consumers import (
    check_html,
    check_markdown,
    check_mermaid,
    check_popolo,
    dot_output,
    need_dot,
    read_csv,
    read_zip,
)
from hypothesis import given

from safeguarding_model.documents import build
from safeguarding_model.exporters import Content, ExportOptions, exporter_names, get_exporter
from safeguarding_model.graph import build_graph
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset
from strategies import datasets

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
    check_markdown(_text(content), headings=1 + len(list(document.walk())))


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
}
NEEDS_DOT = {"dot", "svg", "png", "html"}


@pytest.mark.parametrize("name", exporter_names())
def test_every_exporter_succeeds_on_generated_models(name: str) -> None:
    if name in NEEDS_DOT:
        need_dot()
    exporter = get_exporter(name)
    check = CHECKS.get(name)

    @given(datasets())
    def run(dataset: Dataset) -> None:
        several = len(dataset.partnerships) > 1
        chosen = (
            dataset.partnerships[0].id if several and "partnership" in exporter.options else None
        )
        options = ExportOptions(partnership=chosen)
        content = exporter.run(dataset, options)
        assert content, "empty output"
        assert exporter.run(dataset, options) == content, "not deterministic"
        if check is not None:
            check(content, dataset, options)

    run()

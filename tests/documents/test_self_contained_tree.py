"""The document tree is self-contained data: its figures carry the charts they show,
computed from one governance graph per document, so that a writer needs the tree alone."""

from __future__ import annotations

import pickle

import pytest

import safeguarding_model.graph
from safeguarding_model.documents import (
    Document,
    Figure,
    OrgChart,
    arrangements,
    build,
    org_chart,
    yearly_report,
)
from safeguarding_model.documents.charts import chart_parts
from safeguarding_model.model import Dataset


def figures(document: Document) -> list[Figure]:
    return [block for block in document.blocks_of(Figure) if isinstance(block, Figure)]


@pytest.mark.parametrize("name", ["arrangements", "yearly-report"])
def test_a_document_tree_pickles_and_compares_as_data(iow: Dataset, name: str) -> None:
    document = build(name, iow)
    assert figures(document)
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document
    assert hash(copy) == hash(document)
    assert build(name, iow) == document  # the same model gives the same tree


def test_each_figure_carries_the_chart_it_shows(iow: Dataset) -> None:
    shown = figures(arrangements(iow))
    assert all(type(figure.chart) is OrgChart for figure in shown)
    # each body's chart, split into charts that fit a page
    own = chart_parts(org_chart(iow, partnership="isle-of-wight-scp"), "isle-of-wight-scp", "")
    hips = chart_parts(org_chart(iow, partnership="hips"), "hips", "")
    assert len(shown) == len(own) + len(hips) == 7
    assert [f.chart.nodes for f in shown] == [c.nodes for _, c in (*own, *hips)]
    assert [f.chart.edges for f in shown] == [c.edges for _, c in (*own, *hips)]
    assert shown[0].chart == own[0][1]  # the structure keeps the chart's title
    assert {"hips-executive-group", "hips-health-group"} <= {n.id for n in shown[5].chart.nodes}


def test_a_document_builds_the_governance_graph_once_for_all_its_charts(
    iow: Dataset, builds: list[Dataset]
) -> None:
    document = arrangements(iow)
    assert len(figures(document)) == 7  # two bodies' charts, each split to fit a page
    assert builds == [iow]
    builds.clear()
    yearly_report(iow)
    # one for the charts; one more for the compliance check, which needs the structure
    # as it stood on the date it checks
    assert builds == [iow, iow]


def test_a_document_without_charts_builds_no_graph(iow2019: Dataset, builds: list[Dataset]) -> None:
    for name in ("arrangements", "yearly-report"):
        assert not figures(build(name, iow2019))
    assert builds == [iow2019]  # the yearly report's compliance check only, never a chart


def test_a_graph_given_is_used_rather_than_built(iow: Dataset, builds: list[Dataset]) -> None:
    graph = safeguarding_model.graph.build_graph(iow)
    builds.clear()
    for name in ("arrangements", "yearly-report"):
        document = build(name, iow, graph=graph)
        assert figures(document)
    assert builds == [iow]  # the yearly report's compliance check, on its date
    assert build("arrangements", iow, graph=graph) == arrangements(iow)

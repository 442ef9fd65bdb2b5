"""The document writers take the document alone (its figures carry their charts), and
an export builds the governance graph once, however many charts it draws."""

from __future__ import annotations

import inspect

import pytest

from safeguarding_model.documents import Figure, build
from safeguarding_model.exporters import export
from safeguarding_model.exporters.builtin.html import to_html
from safeguarding_model.exporters.builtin.markdown import to_markdown
from safeguarding_model.exporters.builtin.mermaid import to_mermaid
from safeguarding_model.model import Dataset

WRITERS = {"markdown": to_markdown, "html": to_html}


@pytest.mark.parametrize("format", WRITERS)
@pytest.mark.parametrize("document", ["arrangements", "yearly-report"])
def test_a_writer_needs_the_document_only(iow: Dataset, format: str, document: str) -> None:
    write = WRITERS[format]
    assert list(inspect.signature(write).parameters) == ["document"]
    tree = build(document, iow)
    assert write(tree) == export(iow, format, document=document)


def test_the_markdown_chart_is_the_figure_s_own(iow: Dataset) -> None:
    tree = build("arrangements", iow)
    figure = next(b for b in tree.blocks_of(Figure) if isinstance(b, Figure))
    text = to_markdown(tree)
    assert to_mermaid(figure.chart).rstrip("\n") in text


@pytest.mark.parametrize(
    ("format", "options"),
    [
        *((f, {"document": d}) for f in WRITERS for d in ("arrangements", "yearly-report")),
        ("dot", {}),
        ("mermaid", {}),
    ],
    ids=str,
)
def test_an_export_builds_the_graph_once(
    iow: Dataset, builds: list[Dataset], format: str, options: dict[str, str]
) -> None:
    """The 2024 arrangements have two charts (the partnership's and the HIPS
    appendix's): both come from the one graph built for the export. The yearly report
    also checks the arrangements against the rules in force on its date, which build
    the structure as it stood then: one graph more, never one per chart."""
    export(iow, format, **options)
    expected = 2 if options.get("document") == "yearly-report" else 1
    assert builds == [iow] * expected

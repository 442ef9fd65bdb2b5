"""The governance graph's org chart, inline in a notebook.

A graph displays as its org chart (:func:`~safeguarding_model.documents.org_chart`, the
chart the ``svg`` exporter draws, with its key): as SVG drawn by Graphviz's ``dot``
when it is installed, else as an HTML listing of the chart's bodies and lines that
says why there is no picture. Every line says how it stands (planned, ended) and
whether the data states it or the graph derives it, in the picture's key and in the
listing alike. A chart of more than :data:`DRAWN_AT_MOST` bodies (a region) is listed,
not drawn: :func:`chart` draws one partnership's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..documents.charts import OrgChart, kind_words, org_chart
from ..errors import ExportError
from ..exporters.graphviz import draw_chart, graphviz_available
from .markup import ROOT_CLASS, rows_table, tag

if TYPE_CHECKING:
    from ..graph import GovernanceGraph
    from ..model import Dataset

__all__ = ["DRAWN_AT_MOST", "LISTED_AT_MOST", "Chart", "chart", "listing_html"]

DRAWN_AT_MOST = 300
"""The most bodies a chart drawn inline may have: Graphviz takes seconds, then minutes,
over a whole region, and the picture would be unreadable in a cell."""
LISTED_AT_MOST = 400
"""The most lines the listing shows; it says how many more there are."""

MimeBundle = dict[str, str]


def _stands(status: str) -> str:
    return {"planned": "planned, not yet in place"}.get(status, status)


def listing_html(chart: OrgChart, reason: str) -> str:
    """The chart as HTML: why it is not drawn, then its lines (from, line, to, how each
    stands, stated or derived) and the bodies no line touches."""
    labels = {node.id: node.label for node in chart.nodes}
    rows = [
        [
            labels.get(edge.source, edge.source),
            kind_words(edge.kind) + (f" ({edge.label})" if edge.label else ""),
            labels.get(edge.target, edge.target),
            _stands(edge.status),
            "derived" if edge.derived else "stated",
        ]
        for edge in chart.edges[:LISTED_AT_MOST]
    ]
    parts: list[object] = [tag("h4", chart.heading), tag("p", tag("em", reason))]
    caption = f"Lines ({len(chart.edges)})"
    parts.append(rows_table(("From", "Line", "To", "Stands", "Stated or derived"), rows, caption))
    if len(chart.edges) > LISTED_AT_MOST:
        parts.append(tag("p", f"and {len(chart.edges) - LISTED_AT_MOST} more lines, not listed."))
    touched = {edge.source for edge in chart.edges} | {edge.target for edge in chart.edges}
    alone = [node for node in chart.nodes if node.id not in touched]
    if alone:
        names = "; ".join(
            node.label + ("" if node.status == "current" else f" ({_stands(node.status)})")
            for node in alone
        )
        parts.append(tag("p", f"Bodies with no line drawn ({len(alone)}): ", names, "."))
    return str(tag("div", *parts, class_=ROOT_CLASS))


def _bundle(
    chart: OrgChart,
    plain: str,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> MimeBundle:
    """The chart drawn as SVG, or listed as HTML with the reason, and ``plain``."""
    found: MimeBundle = {"text/plain": plain}
    if len(chart.nodes) > DRAWN_AT_MOST:
        reason = (
            f"The chart has {len(chart.nodes)} bodies, more than are drawn in a notebook "
            f"({DRAWN_AT_MOST}): it is listed. safeguarding_model.notebook.chart(graph, "
            "partnership=ID) draws one partnership's."
        )
    elif not graphviz_available():
        reason = (
            "Graphviz's `dot` program is not installed, so the chart is listed, not drawn "
            "(apt-get install graphviz, brew install graphviz)."
        )
    else:
        try:
            found["image/svg+xml"] = draw_chart(chart, "svg").decode("utf-8")
        except ExportError as error:
            reason = f"{error}: the chart is listed instead."
        else:
            reason = ""
    if "image/svg+xml" not in found:
        found["text/html"] = listing_html(chart, reason)
    if include is not None:
        wanted = set(include)
        found = {key: value for key, value in found.items() if key in wanted}
    if exclude is not None:
        unwanted = set(exclude)
        found = {key: value for key, value in found.items() if key not in unwanted}
    return found


@attrs.frozen
class Chart:
    """An org chart for a notebook: drawn inline as SVG (``_repr_mimebundle_``), or
    listed where Graphviz cannot draw it. ``chart`` is the
    :class:`~safeguarding_model.documents.charts.OrgChart` itself."""

    chart: OrgChart

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> MimeBundle:
        return _bundle(self.chart, repr(self), include, exclude)

    def svg(self) -> str:
        """The chart drawn as SVG by Graphviz (an
        :class:`~safeguarding_model.errors.GraphvizNotFoundError` when ``dot`` is not
        installed)."""
        return draw_chart(self.chart, "svg").decode("utf-8")

    def __repr__(self) -> str:
        return (
            f"<Chart {self.chart.heading!r}: {len(self.chart.nodes)} bodies, "
            f"{len(self.chart.edges)} lines>"
        )


def chart(
    source: GovernanceGraph | Dataset,
    *,
    partnership: str | None = None,
    edges: Iterable[str] | None = None,
    depth: int | None = None,
) -> Chart:
    """The org chart of a partnership or collaboration (by id or name; by default the
    only partnership, or the region), from a graph (of the structure on a date, if it
    was built so) or a dataset, to display inline. ``edges`` and ``depth`` are the
    chart formats' options (:func:`~safeguarding_model.documents.org_chart`)."""
    return Chart(org_chart(source, partnership=partnership, edges=edges, depth=depth))


def graph_bundle(
    graph: GovernanceGraph,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> MimeBundle:
    """A governance graph's display (its ``_repr_mimebundle_``): its org chart."""
    return _bundle(org_chart(graph), repr(graph), include, exclude)

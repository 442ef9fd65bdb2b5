"""How org charts look, and the chart an export of a chart format draws.

The chart itself (which bodies and lines it shows) is computed in the documents layer
(:func:`safeguarding_model.documents.charts.org_chart`, an
:class:`~safeguarding_model.documents.charts.OrgChart`); the ``dot`` and ``mermaid``
exporters write it in the styles of :data:`STYLES`, with a key, and
:func:`chart_for` gives them the chart their options ask for.
"""

from __future__ import annotations

import attrs

from ..documents.charts import STYLED_KINDS, OrgChart, kind_words, org_chart
from ..model import Dataset
from .options import ExportOptions

__all__ = ["MARKS", "STYLES", "EdgeStyle", "Mark", "chart_for", "edge_look", "style_of"]


@attrs.frozen(kw_only=True)
class EdgeStyle:
    """How one kind of edge is drawn, in Graphviz and in Mermaid, and its key entry."""

    kind: str
    legend: str
    color: str
    dot: tuple[tuple[str, str], ...]
    mermaid: str
    mermaid_style: str


_LOOKS: dict[str, EdgeStyle] = {
    style.kind: style
    for style in (
        # Lines the arrangements state are solid; a line that carries no accountability
        # (for information, of advice, of a meaning not stated) is dotted and labelled
        # so; what the graph derives is dashed and grey.
        EdgeStyle(
            kind="reports-to",
            legend="reports to (a stated line of accountability)",
            color="#1f2937",
            dot=(("style", "solid"), ("penwidth", "1.4"), ("arrowhead", "normal")),
            mermaid="-->",
            mermaid_style="stroke:#1f2937,stroke-width:1.5px",
        ),
        EdgeStyle(
            kind="reports-for-information-to",
            legend="reports for information to (no accountability)",
            color="#0f766e",
            dot=(("style", "dotted"), ("penwidth", "1.4"), ("arrowhead", "empty")),
            mermaid="-.->",
            mermaid_style="stroke:#0f766e,stroke-width:1.5px,stroke-dasharray:2 3",
        ),
        EdgeStyle(
            kind="advises",
            legend="advises (no accountability)",
            color="#b45309",
            dot=(("style", "dotted"), ("penwidth", "1.4"), ("arrowhead", "diamond")),
            mermaid="-.->",
            mermaid_style="stroke:#b45309,stroke-width:1.5px,stroke-dasharray:1 4",
        ),
        EdgeStyle(
            kind="reports-to-meaning-not-stated",
            legend="reports to, meaning not stated (not read as accountability)",
            color="#475569",
            dot=(("style", "dotted"), ("penwidth", "1.4"), ("arrowhead", "open")),
            mermaid="-.->",
            mermaid_style="stroke:#475569,stroke-width:1.5px,stroke-dasharray:4 3",
        ),
        EdgeStyle(
            kind="accountable-to",
            # Always derived, never a line the arrangements state (one that repeats a
            # drawn reporting line is left out): a group with no line of accountability
            # answers to the group it sits under or to its partnership, a partnership
            # to its lead partners. So dashed and grey, and said so in the key.
            legend="accountable to (derived from where a body sits, not a stated line)",
            color="#6b7280",
            dot=(("style", "dashed"), ("penwidth", "1.2"), ("arrowhead", "onormal")),
            mermaid="==>",
            mermaid_style="stroke:#6b7280,stroke-width:2px,stroke-dasharray:6 4",
        ),
        EdgeStyle(
            kind="escalates-to",
            legend="escalates to",
            color="#b91c1c",
            dot=(("style", "solid"), ("penwidth", "1.4"), ("arrowhead", "vee")),
            mermaid="-->",
            mermaid_style="stroke:#b91c1c,stroke-width:1.5px",
        ),
        EdgeStyle(
            kind="joint-with",
            legend="run jointly with",
            color="#7e22ce",
            dot=(
                ("style", "bold"),
                ("dir", "both"),
                ("arrowhead", "dot"),
                ("arrowtail", "dot"),
            ),
            mermaid="o--o",
            mermaid_style="stroke:#7e22ce,stroke-width:3px",
        ),
        EdgeStyle(
            kind="linked-to",
            legend="functional link",
            color="#6b7280",
            dot=(("style", "dotted"), ("dir", "none"), ("penwidth", "1.2")),
            mermaid="-.-",
            mermaid_style="stroke:#6b7280,stroke-width:1px,stroke-dasharray:2 3",
        ),
        EdgeStyle(
            kind="collaborates-in",
            legend="takes part in the collaboration",
            color="#7c3aed",
            dot=(("style", "dashed"), ("penwidth", "1.2"), ("arrowhead", "odot")),
            mermaid="-.->",
            mermaid_style="stroke:#7c3aed,stroke-width:1.5px,stroke-dasharray:5 3",
        ),
        EdgeStyle(
            kind="part-of",
            legend="sits under",
            color="#4b5563",
            dot=(("style", "solid"), ("arrowhead", "odiamond")),
            mermaid="--o",
            mermaid_style="stroke:#4b5563,stroke-width:1px",
        ),
    )
}

STYLES: dict[str, EdgeStyle] = {kind: _LOOKS[kind] for kind in STYLED_KINDS}
"""The edge kinds with their own look, in the order the key lists them
(:data:`~safeguarding_model.documents.charts.STYLED_KINDS`)."""


@attrs.frozen(kw_only=True)
class Mark:
    """How a line of a status (``planned``, ``ended``) or a derived line is drawn over
    its kind's style, and its key entry: a planned line dotted, an ended one faint and
    thin, a derived one dashed and grey with a hollow arrowhead (an accountable-to line
    is always derived, and its own style says so)."""

    name: str
    legend: str
    color: str | None
    dot: tuple[tuple[str, str], ...]
    mermaid_style: str


MARKS: dict[str, Mark] = {
    mark.name: mark
    for mark in (
        Mark(
            name="planned",
            legend="planned, not yet in place (dotted)",
            color="#6b7280",
            dot=(("style", "dotted"), ("penwidth", "1.4")),
            mermaid_style="stroke:#6b7280,stroke-width:1.5px,stroke-dasharray:2 4",
        ),
        Mark(
            name="ended",
            legend="ended (faint)",
            color="#d1d5db",
            dot=(("penwidth", "0.8"),),
            mermaid_style="stroke:#d1d5db,stroke-width:1px",
        ),
        Mark(
            name="derived",
            legend="derived, not a stated line (dashed, grey, hollow arrowhead)",
            color="#9ca3af",
            dot=(("style", "dashed"), ("arrowhead", "onormal")),
            mermaid_style="stroke:#9ca3af,stroke-width:1.5px,stroke-dasharray:6 4",
        ),
    )
}
"""The looks a chart gives a line over its kind's, by what the chart's ``marks`` list."""


def edge_look(kind: str, status: str, derived: bool) -> tuple[list[tuple[str, str]], str, str]:
    """A line's DOT attributes, its Mermaid link style and its Mermaid arrow: its kind's
    style (:func:`style_of`), then for a derived line of a kind not always derived the
    derived mark, then the mark of its status (planned, ended)."""
    style = style_of(kind)
    color = style.color
    dot = [("color", color), *style.dot, ("fontcolor", color)]
    css = style.mermaid_style
    arrow = style.mermaid
    marks = [MARKS["derived"]] if derived and kind != "accountable-to" else []
    if status in MARKS:  # after the derived mark: what is planned or ended says so first
        marks.append(MARKS[status])
    for mark in marks:
        if mark.color is not None:
            dot += [("color", mark.color), ("fontcolor", mark.color)]
        dot += list(mark.dot)
        css = mark.mermaid_style or css
    if status == "planned":
        arrow = "-.->" if arrow.endswith(">") else "-.-"
    return dot, css, arrow


def style_of(kind: str) -> EdgeStyle:
    """The style of an edge kind: its own, or a plain grey line labelled with the kind."""
    return STYLES.get(kind) or EdgeStyle(
        kind=kind,
        legend=kind_words(kind),
        color="#9ca3af",
        dot=(("style", "solid"), ("arrowhead", "open")),
        mermaid="-->",
        mermaid_style="stroke:#9ca3af,stroke-width:1px",
    )


def chart_for(dataset: Dataset, options: ExportOptions | None = None) -> OrgChart:
    """The chart a chart format's options (``partnership``, ``edges``, ``depth``) ask
    for, from the dataset's governance graph, built once for the export: of the
    structure on ``options.on`` when given (the dataset is then the view on that
    date), its dates read against ``options.today`` otherwise."""
    from ..graph import build_graph

    options = options or ExportOptions()
    graph = build_graph(dataset, options.on, today=options.today)
    return org_chart(
        graph,
        partnership=options.partnership,
        edges=options.edges,
        depth=options.depth,
        today=options.today,
    )

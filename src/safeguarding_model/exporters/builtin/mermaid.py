"""``mermaid``: the org chart as a Mermaid flowchart (GitHub and many wikis draw it).

The same chart as the ``dot`` exporter: boxes per partnership or collaboration, edges
from the subordinate up to the superior in the style of their kind, and a key; a
planned line or body is dotted, an ended one faint, a derived line dashed and grey,
each in the key when drawn; lines for information or of advice say so in their
labels, and a line to one of several bodies "and/or". A leadership group is placed
above the partnership it leads by a hidden link. A
chart taken on a date says so in its title comment. Nodes
get generated ids (``n1``, ``n2``...) and every label is quoted with anything but
letters, digits and plain punctuation written as an entity code, so no name can end
a label, start a comment or be read as syntax.
"""

from __future__ import annotations

from ...documents.charts import ChartNode, OrgChart
from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import MARKS, chart_for, edge_look, style_of
from ..escape import mermaid_comment, mermaid_string
from ..exporter import Exporter, Register
from ..options import CHART_OPTIONS, ExportOptions

__all__ = ["register_exporters", "render", "to_mermaid"]

_SHAPES = {
    "partnership": ("[[", "]]"),
    "collaboration": ("{{", "}}"),
    "group": ("(", ")"),
    "organisation": ("([", "])"),
}
_CLASSES = {
    "partnership": "fill:#dbeafe,stroke:#1f2937,stroke-width:2px",
    "collaboration": "fill:#ede9fe,stroke:#1f2937",
    "leadership-group": "fill:#fecaca,stroke:#1f2937,stroke-width:2px",
    "executive-group": "fill:#fde68a,stroke:#1f2937,stroke-width:2px",
    "partnership-board": "fill:#fef3c7,stroke:#1f2937,stroke-width:2px",
    "group": "fill:#f3f4f6,stroke:#374151",
    "organisation": "fill:#ffffff,stroke:#374151",
    "post": "fill:#dcfce7,stroke:#374151",
    "person": "fill:#dcfce7,stroke:#374151",
    "key": "fill:none,stroke:none",
    "planned": "fill:#ffffff,stroke:#6b7280,stroke-dasharray:2 4",
    "ended": "fill:#f9fafb,stroke:#d1d5db,color:#6b7280",
}


_HIDDEN = "stroke:none,stroke-width:0px"
"""The look of a link that only places one node above another."""


def _class_of(node: ChartNode) -> str:
    if node.status in ("planned", "ended"):
        return node.status
    if node.top:
        return str(node.subkind)
    return node.kind if node.kind in _CLASSES else "group"


def to_mermaid(chart: OrgChart) -> str:
    """The chart as a Mermaid flowchart, drawn bottom to top (superiors at the top)."""
    ids = {node.id: f"n{number}" for number, node in enumerate(chart.nodes, start=1)}
    out = [f"%% {mermaid_comment(chart.heading)}", "flowchart BT"]

    def node_line(node: ChartNode, indent: str) -> str:
        opening, closing = _SHAPES.get(node.kind, ("[", "]"))
        return f"{indent}{ids[node.id]}{opening}{mermaid_string(node.label)}{closing}"

    boxed: dict[str | None, list[ChartNode]] = {}
    for node in chart.nodes:  # once, so that the boxes cost no more than the nodes
        boxed.setdefault(node.cluster, []).append(node)
    for number, cluster in enumerate(chart.clusters, start=1):
        out.append(f"  subgraph c{number} [{mermaid_string(cluster.label)}]")
        out.extend(node_line(n, "    ") for n in boxed.get(cluster.id, []))
        out.append("  end")
    out.extend(node_line(n, "  ") for n in boxed.get(None, []))
    styles = []
    for edge in chart.edges:
        _, css, arrow = edge_look(edge.kind, edge.status, edge.derived)
        label = f"|{mermaid_string(edge.label)}|" if edge.label else ""
        out.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
        styles.append(css)
    for lower, upper in chart.ranks:  # above, without a line the data does not state
        out.append(f"  {ids[lower]} -.- {ids[upper]}")
        styles.append(_HIDDEN)
    looks = [style_of(kind) for kind in chart.kinds]
    samples = [(look.legend, look.mermaid, look.mermaid_style) for look in looks]
    for mark in chart.marks:
        status = "current" if mark == "derived" else mark
        _, css, arrow = edge_look("reports-to", status, mark == "derived")
        samples.append((MARKS[mark].legend, arrow, css))
    if samples:
        out.append(f"  subgraph key [{mermaid_string('Key')}]")
        for number, (legend, arrow, css) in enumerate(samples, start=1):
            out.append(f'    k{number}a[{mermaid_string(legend)}] {arrow} k{number}b[" "]')
            styles.append(css)
        out.append("  end")
    for name, css in _CLASSES.items():
        out.append(f"  classDef {_class_name(name)} {css}")
    classes: dict[str, list[str]] = {}
    for node in chart.nodes:
        classes.setdefault(_class_of(node), []).append(ids[node.id])
    keys = [f"k{n}{end}" for n in range(1, len(samples) + 1) for end in "ab"]
    if keys:
        classes["key"] = keys
    for name, members in classes.items():
        out.append(f"  class {','.join(members)} {_class_name(name)}")
    links: dict[str, list[str]] = {}
    for number, css in enumerate(styles):
        links.setdefault(css, []).append(str(number))
    out.extend(f"  linkStyle {','.join(numbers)} {css}" for css, numbers in links.items())
    return "\n".join(out) + "\n"


def _class_name(name: str) -> str:
    return name.replace("-", "_")


def render(dataset: Dataset, options: ExportOptions) -> str:
    return to_mermaid(chart_for(dataset, options))


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="mermaid",
            media_type="text/vnd.mermaid",
            extension="mmd",
            description="the org chart as a Mermaid flowchart",
            render=render,
            options=CHART_OPTIONS,
        )
    )

"""``mermaid``: the org chart as a Mermaid flowchart (GitHub and many wikis draw it).

The same chart as the ``dot`` exporter: boxes per partnership or collaboration, edges
from the subordinate up to the superior in the style of their kind, and a key. Nodes
get generated ids (``n1``, ``n2``...) and every label is quoted with anything but
letters, digits and plain punctuation written as an entity code, so no name can end
a label, start a comment or be read as syntax.
"""

from __future__ import annotations

from ...documents.charts import ChartNode, OrgChart
from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import chart_for, style_of
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
    "executive-group": "fill:#fde68a,stroke:#1f2937,stroke-width:2px",
    "partnership-board": "fill:#fef3c7,stroke:#1f2937,stroke-width:2px",
    "group": "fill:#f3f4f6,stroke:#374151",
    "organisation": "fill:#ffffff,stroke:#374151",
    "post": "fill:#dcfce7,stroke:#374151",
    "person": "fill:#dcfce7,stroke:#374151",
    "key": "fill:none,stroke:none",
}


def _class_of(node: ChartNode) -> str:
    if node.top:
        return str(node.subkind)
    return node.kind if node.kind in _CLASSES else "group"


def to_mermaid(chart: OrgChart) -> str:
    """The chart as a Mermaid flowchart, drawn bottom to top (superiors at the top)."""
    ids = {node.id: f"n{number}" for number, node in enumerate(chart.nodes, start=1)}
    out = [f"%% {mermaid_comment(chart.title)}", "flowchart BT"]

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
        style = style_of(edge.kind)
        label = f"|{mermaid_string(edge.label)}|" if edge.label else ""
        out.append(f"  {ids[edge.source]} {style.mermaid}{label} {ids[edge.target]}")
        styles.append(style.mermaid_style)
    if chart.kinds:
        out.append(f"  subgraph key [{mermaid_string('Key')}]")
        for number, kind in enumerate(chart.kinds, start=1):
            style = style_of(kind)
            text = mermaid_string(style.legend)
            out.append(f'    k{number}a[{text}] {style.mermaid} k{number}b[" "]')
            styles.append(style.mermaid_style)
        out.append("  end")
    for name, css in _CLASSES.items():
        out.append(f"  classDef {_class_name(name)} {css}")
    classes: dict[str, list[str]] = {}
    for node in chart.nodes:
        classes.setdefault(_class_of(node), []).append(ids[node.id])
    keys = [f"k{n}{end}" for n in range(1, len(chart.kinds) + 1) for end in "ab"]
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

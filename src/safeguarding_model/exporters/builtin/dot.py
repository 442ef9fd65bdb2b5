"""``dot``: the org chart as Graphviz DOT.

Bodies are boxed by partnership or collaboration, and a partnership's functional
links get a box of their own; edges point from the subordinate up to the superior
and are drawn in the style of their kind (see
:data:`~safeguarding_model.exporters.charts.STYLES`), with a key: stated lines solid,
lines for information or of advice dotted and labelled so, derived accountability
dashed and grey. A planned line or body is dotted, an ended one faint, a derived line
(of a kind not always derived) dashed and grey with a hollow arrowhead, each in the
key when drawn; a line to one of several bodies "and/or" says so in its label. A
leadership group is drawn above the partnership it leads. A chart taken on a date says so
in its title and in the graph's ``comment``. Every name is
escaped, so quotes, backslashes and markup in the data cannot break the file.
:func:`to_dot` writes any :class:`~safeguarding_model.documents.charts.OrgChart`,
such as a document's figure's; Graphviz draws it through
:func:`~safeguarding_model.exporters.graphviz.draw_chart`.
"""

from __future__ import annotations

import math

from ...documents.charts import ChartNode, Cluster, OrgChart
from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import MARKS, chart_for, edge_look, style_of
from ..escape import dot_string
from ..exporter import Exporter, Register
from ..options import CHART_OPTIONS, ExportOptions

__all__ = ["CHART_OPTIONS", "LABEL_WIDTH", "register_exporters", "render", "to_dot"]

LABEL_WIDTH = 28

Pairs = list[tuple[str, str]]

_GRAPH: Pairs = [
    ("rankdir", "BT"),
    ("newrank", "true"),
    ("fontname", "Helvetica"),
    ("fontsize", "16"),
    ("labelloc", "t"),
    ("nodesep", "0.35"),
    ("ranksep", "0.6"),
]
_NODE: Pairs = [
    ("fontname", "Helvetica"),
    ("fontsize", "10"),
    ("shape", "box"),
    ("color", "#374151"),
    ("margin", "0.12,0.06"),
]
_EDGE: Pairs = [("fontname", "Helvetica"), ("fontsize", "9")]
_CLUSTER: dict[str, Pairs] = {
    "partnership": [("style", "rounded"), ("color", "#60a5fa"), ("fontsize", "12")],
    "collaboration": [("style", "rounded"), ("color", "#a78bfa"), ("fontsize", "12")],
    "links": [("style", "rounded,dotted"), ("color", "#6b7280"), ("fontsize", "11")],
}
_NODE_STYLE: dict[str, Pairs] = {
    "partnership": [("shape", "box"), ("style", "filled,bold"), ("fillcolor", "#dbeafe")],
    "collaboration": [("shape", "box3d"), ("style", "filled"), ("fillcolor", "#ede9fe")],
    "leadership-group": [("style", "rounded,filled,bold"), ("fillcolor", "#fecaca")],
    "executive-group": [("style", "rounded,filled,bold"), ("fillcolor", "#fde68a")],
    "partnership-board": [("style", "rounded,filled,bold"), ("fillcolor", "#fef3c7")],
    "group": [("style", "rounded,filled"), ("fillcolor", "#f3f4f6")],
    "organisation": [("shape", "note"), ("style", "filled"), ("fillcolor", "#ffffff")],
    "post": [("shape", "box"), ("style", "filled"), ("fillcolor", "#dcfce7")],
    "person": [("shape", "ellipse"), ("style", "filled"), ("fillcolor", "#dcfce7")],
}


def _attrs(pairs: Pairs) -> str:
    """Attributes as DOT; a later value of the same attribute replaces an earlier one."""
    merged = dict(pairs)
    return ", ".join(f"{key}={dot_string(value)}" for key, value in merged.items())


_STATUS_STYLE: dict[str, Pairs] = {
    "planned": [("color", "#6b7280")],
    "ended": [("color", "#9ca3af"), ("fontcolor", "#6b7280")],
}


def _node(node: ChartNode, indent: str) -> str:
    style = list(_NODE_STYLE.get(str(node.subkind) if node.top else node.kind, []))
    style += _STATUS_STYLE.get(node.status, [])
    if node.status == "planned":  # dotted, as planned lines are
        shape = dict(style).get("style", "")
        style.append(("style", ",".join([*filter(None, shape.split(",")), "dotted"])))
    label = f"label={dot_string(node.label, width=LABEL_WIDTH)}"
    pairs = f"{_attrs(style)}, {label}" if style else label
    return f"{indent}{dot_string(node.id)} [{pairs}];"


_SAME_RANK = ("executive-group", "partnership-board")
"""The top groups drawn side by side (a leadership group is drawn above them)."""


def _cluster(cluster: Cluster, members: list[ChartNode], pairs: set[tuple[str, str]]) -> list[str]:
    out = [
        f"  subgraph {dot_string('cluster_' + cluster.id)} {{",
        f"    graph [{_attrs(_CLUSTER[cluster.kind])}, "
        f"label={dot_string(cluster.label, width=60)}];",
        *(_node(node, "    ") for node in members),
    ]
    top = [node.id for node in members if node.top and node.subkind in _SAME_RANK]
    joined = any((a, b) in pairs for a in top for b in top)
    if len(top) > 1 and not joined:  # (Graphviz 2.43 crashes on labelled edges within a rank)
        out.append("    { rank=same; " + " ".join(f"{dot_string(n)};" for n in top) + " }")
    if cluster.kind == "links":
        # a grid of about square shape, instead of one very wide row
        columns = max(1, math.ceil(math.sqrt(len(members))))
        for above, below in zip(members, members[columns:], strict=False):
            out.append(f"    {dot_string(below.id)} -> {dot_string(above.id)} [style=invis];")
    out.append("  }")
    return out


def to_dot(chart: OrgChart) -> str:
    """The chart as DOT text, laid out bottom to top (superiors at the top)."""
    graph = list(_GRAPH)
    if chart.on is not None:
        graph.append(("comment", f"the arrangements as they stood on {chart.on}"))
    out = [
        'digraph "org-chart" {',
        f"  graph [{_attrs(graph)}, label={dot_string(chart.heading, width=80)}];",
        f"  node [{_attrs(_NODE)}];",
        f"  edge [{_attrs(_EDGE)}];",
    ]
    members: dict[str | None, list[ChartNode]] = {}
    for node in chart.nodes:  # once, so that the boxes cost no more than the nodes
        members.setdefault(node.cluster, []).append(node)
    joined = {(edge.source, edge.target) for edge in chart.edges}
    for cluster in chart.clusters:
        out.extend(_cluster(cluster, members.get(cluster.id, []), joined))
    out.extend(_node(node, "  ") for node in members.get(None, []))
    for edge in chart.edges:
        pairs, _, _ = edge_look(edge.kind, edge.status, edge.derived)
        if edge.label:
            pairs.append(("label", edge.label))
        out.append(f"  {dot_string(edge.source)} -> {dot_string(edge.target)} [{_attrs(pairs)}];")
    for lower, upper in chart.ranks:  # above, without a line the data does not state
        out.append(f"  {dot_string(lower)} -> {dot_string(upper)} [style=invis];")
    out.extend(_key(chart))
    out.append("}")
    return "\n".join(out) + "\n"


def _key(chart: OrgChart) -> list[str]:
    """The key: one sample line per edge kind drawn, then one per mark (planned, ended,
    derived), stacked in a box of its own."""
    samples: list[tuple[str, str, Pairs]] = []
    for kind in chart.kinds:
        style = style_of(kind)
        samples.append((kind, style.legend, [("color", style.color), *style.dot]))
    for mark in chart.marks:
        status = "current" if mark == "derived" else mark
        pairs, _, _ = edge_look("reports-to", status, mark == "derived")
        samples.append((mark, MARKS[mark].legend, pairs))
    if not samples:
        return []
    box: Pairs = [("label", "Key"), ("style", "rounded"), ("color", "#9ca3af"), ("fontsize", "11")]
    out = ["  subgraph cluster_key {", f"    graph [{_attrs(box)}];"]
    previous = None
    for key, legend, pairs in samples:
        name, end = dot_string(f"key:{key}"), dot_string(f"key:{key}:end")
        text: Pairs = [("shape", "plaintext"), ("label", legend), ("fontsize", "9")]
        out.append(f"    {name} [{_attrs(text)}];")
        out.append(f"    {end} [{_attrs([('shape', 'point'), ('width', '0.05')])}];")
        line = [*pairs, ("minlen", "2"), ("constraint", "true")]
        out.append(f"    {name} -> {end} [{_attrs(line)}];")
        out.append(f"    {{ rank=same; {name}; {end}; }}")
        if previous is not None:
            out.append(f"    {previous} -> {name} [style=invis];")
        previous = name
    out.append("  }")
    return out


def render(dataset: Dataset, options: ExportOptions) -> str:
    return to_dot(chart_for(dataset, options))


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="dot",
            media_type="text/vnd.graphviz",
            extension="gv",
            description="the org chart as Graphviz DOT",
            render=render,
            options=CHART_OPTIONS,
        )
    )

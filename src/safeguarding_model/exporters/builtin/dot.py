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

import itertools
from collections.abc import Callable

from ...documents.charts import ChartNode, Cluster, OrgChart
from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import MARKS, chart_for, edge_look, style_of
from ..escape import dot_string, html_text, wrap
from ..exporter import Exporter, Register
from ..options import CHART_OPTIONS, ExportOptions

__all__ = [
    "CHART_OPTIONS",
    "KEY_ID",
    "LABEL_WIDTH",
    "NODE_WORDS",
    "key_rows",
    "look_of",
    "register_exporters",
    "render",
    "fans",
    "stagger",
    "to_dot",
]

LABEL_WIDTH = 24
"""Characters per line of a body's name on a chart: a narrow box, so that more bodies
stand side by side on a page."""

EDGE_LABEL_WIDTH = 22
"""Characters per line of a line's label (its meaning, cadence and dates)."""

FONT_SIZE = "10"
"""The size of all the chart's smaller text (names, line labels, the key), in points:
one size, so that none is smaller than it needs to be when the chart is scaled to a
page."""

ROW = 460.0
"""About how many points wide a row of bodies hanging from one body may be before the
rest are set in a row below it (see :func:`stagger`): a chart stays within the width
of an A4 page's text."""

Pairs = list[tuple[str, str]]

_GRAPH: Pairs = [
    # Lines point from the subordinate up to the superior, so Graphviz's bottom-to-top
    # direction draws the chart top-down: the lead partners at the top.
    ("rankdir", "BT"),
    ("newrank", "true"),
    ("fontname", "Helvetica"),
    ("fontsize", "14"),
    ("labelloc", "t"),
    ("nodesep", "0.25"),
    ("ranksep", "0.4"),
]
_NODE: Pairs = [
    ("fontname", "Helvetica"),
    ("fontsize", FONT_SIZE),
    ("shape", "box"),
    ("color", "#374151"),
    ("margin", "0.1,0.05"),
]
_EDGE: Pairs = [("fontname", "Helvetica"), ("fontsize", FONT_SIZE)]
# (drawn bottom to top, a box's label at its "bottom" is at its top)
_CLUSTER: dict[str, Pairs] = {
    "partnership": [("style", "rounded"), ("color", "#60a5fa"), ("fontsize", "11")],
    "collaboration": [("style", "rounded"), ("color", "#a78bfa"), ("fontsize", "11")],
    "links": [("style", "rounded,dotted"), ("color", "#6b7280"), ("fontsize", "11")],
}
_CLUSTER_LABEL: Pairs = [("labelloc", "b"), ("labeljust", "l")]
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
NODE_WORDS = {
    "partnership": "a safeguarding partnership",
    "collaboration": "a collaboration of partnerships",
    "leadership-group": "a leadership group, above the partnership",
    "executive-group": "an executive group",
    "partnership-board": "a partnership board",
    "group": "a group (subgroup, team, forum ...)",
    "organisation": "an organisation or body",
    "post": "a post, with its holder",
    "person": "a person",
}
"""What each look of a box means, as the key says it (by :func:`look_of`)."""


def _attrs(pairs: Pairs) -> str:
    """Attributes as DOT; a later value of the same attribute replaces an earlier one."""
    merged = dict(pairs)
    return ", ".join(f"{key}={dot_string(value)}" for key, value in merged.items())


_STATUS_STYLE: dict[str, Pairs] = {
    "planned": [("color", "#6b7280")],
    "ended": [("color", "#9ca3af"), ("fontcolor", "#6b7280")],
}


def look_of(node: ChartNode) -> str:
    """The look a body is drawn in: a key of :data:`NODE_WORDS` (a group that may head
    a structure in the look of its kind, any other body in the look of its node kind)."""
    return str(node.subkind) if node.top else node.kind


def _node(node: ChartNode, indent: str) -> str:
    style = list(_NODE_STYLE.get(look_of(node), []))
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
        f"    graph [{_attrs([*_CLUSTER[cluster.kind], *_CLUSTER_LABEL])}, "
        f"label={dot_string(cluster.label, width=50)}];",
        *(_node(node, "    ") for node in members),
    ]
    top = [node.id for node in members if node.top and node.subkind in _SAME_RANK]
    joined = any((a, b) in pairs for a in top for b in top)
    if len(top) > 1 and not joined:  # (Graphviz 2.43 crashes on labelled edges within a rank)
        out.append("    { rank=same; " + " ".join(f"{dot_string(n)};" for n in top) + " }")
    out.append("  }")
    return out


def _box_width(label: str) -> float:
    """About how many points wide a body's box is drawn, with the space beside it."""
    longest = max(len(line) for line in wrap(label, LABEL_WIDTH))
    return longest * float(FONT_SIZE) * 0.55 + 14.4 + 18.0


def fans(chart: OrgChart) -> tuple[dict[int, str], list[tuple[str, str]]]:
    """The fans of a chart too wide for one row, set out as a grid: the lines that no
    longer place the bodies (drawn, but not ranked by: by their number in
    ``chart.edges``, each with the body it fans out to) and the invisible lines that
    rank the grid instead (lower, upper).

    A fan is every body that hangs from one body alone, all on the same side of it,
    each by one line without a label (a partnership's functional links, say). Set one
    row a rank above the other (by :func:`stagger`), their lines would run between the
    rows and widen each; set as a grid of rows about :data:`ROW` points wide, one row
    straight above the other, the lines are drawn over the grid from the body they
    hang from, which stays next to the grid's nearest row."""
    ends: dict[str, set[str]] = {}
    lines: dict[str, list[int]] = {}
    for number, edge in enumerate(chart.edges):
        for one, other in ((edge.source, edge.target), (edge.target, edge.source)):
            ends.setdefault(one, set()).add(other)
            lines.setdefault(one, []).append(number)
    ranked = {node for pair in chart.ranks for node in pair}
    groups: dict[tuple[str, bool], list[str]] = {}
    for node in chart.nodes:
        found = lines.get(node.id, [])
        if len(found) != 1 or len(ends[node.id]) != 1 or node.id in ranked:
            continue
        edge = chart.edges[found[0]]
        if edge.label or edge.source == edge.target:
            continue
        above = edge.target == node.id
        groups.setdefault((edge.source if above else edge.target, above), []).append(node.id)
    widths = {node.id: _box_width(node.label) for node in chart.nodes}
    loose: dict[int, str] = {}
    grid: list[tuple[str, str]] = []
    for (anchor, above), bodies in groups.items():
        if sum(widths[key] for key in bodies) <= ROW:
            continue
        columns = max(1, int(ROW // max(widths[key] for key in bodies)))
        rows = [bodies[start : start + columns] for start in range(0, len(bodies), columns)]
        for key in bodies:
            loose[lines[key][0]] = key
        for key in rows[0]:  # the nearest row next to the body they hang from
            grid.append((anchor, key) if above else (key, anchor))
        for near, far in itertools.pairwise(rows):
            for number, key in enumerate(far):
                other = near[min(number, len(near) - 1)]
                grid.append((other, key) if above else (key, other))
    return loose, grid


def overflow(
    row: list[str], widths: dict[str, float], movable: set[str], lines: Callable[[str], int]
) -> list[str]:
    """The bodies that leave ``row`` (taken out of it) so that it is no wider than
    :data:`ROW` points, in the order they leave: of those ``movable``, the fewest
    ``lines`` first, and the last in the row first among those with as many, until the
    row fits, one body is left, or none may leave. One sort: a row of thousands (a
    nation's groups side by side) is not searched again for each body."""
    width = sum(widths[key] for key in row)
    if len(row) <= 1 or width <= ROW:
        return []
    position = {key: number for number, key in enumerate(row)}
    candidates = sorted(
        (key for key in row if key in movable), key=lambda key: (lines(key), -position[key])
    )
    going: list[str] = []
    for key in candidates:
        if len(row) - len(going) <= 1 or width <= ROW:
            break
        going.append(key)
        width -= widths[key]
    gone = set(going)
    row[:] = [key for key in row if key not in gone]
    return going


def stagger(chart: OrgChart, loose: set[int] | None = None) -> dict[int, int]:
    """How many ranks (``minlen``) some lines must span so that no row of bodies is much
    wider than :data:`ROW` points: by the number of the line in ``chart.edges``.

    The rows are worked out as Graphviz sets them (each body one row below the lowest
    of its superiors, a body at the top just above its highest subordinate, bodies
    in a cycle of lines left alone); then, from the top down, a row too wide sends the
    bodies that nobody reports to down a row, those with the fewest lines first (the
    last of them in the chart's order), and then, from the bottom up, a row too wide
    sends the bodies that report to nobody up a row alike, until each fits (a body
    alone in a row stays). Moving such a body moves no other. Graphviz's
    ``unflatten`` staggers leaves alike, without knowing how wide each box is. The work
    is linear in the size of the chart, times the number of rows added. The lines
    ``loose`` (by number) do not rank the bodies they join (see :func:`fans`): such
    bodies are left where they are.
    """
    loose = loose or set()
    ranked = {node for pair in chart.ranks for node in pair}
    ranked |= {end for n in loose for end in (chart.edges[n].source, chart.edges[n].target)}
    widths = {node.id: _box_width(node.label) for node in chart.nodes}
    up: dict[str, set[str]] = {key: set() for key in widths}  # a body: its superiors
    down: dict[str, set[str]] = {key: set() for key in widths}  # and its subordinates
    joined = [(e.source, e.target) for n, e in enumerate(chart.edges) if n not in loose]
    for lower, upper in [*joined, *chart.ranks]:
        if lower != upper and lower in up and upper in up:
            up[lower].add(upper)
            down[upper].add(lower)
    rank: dict[str, int] = {}
    waiting = {key: len(up[key]) for key in widths}
    queue = [key for key in widths if not waiting[key]]
    for key in queue:  # (appending while walking: Kahn's order, cycles left out)
        rank[key] = max((rank[other] + 1 for other in up[key]), default=0)
        for other in sorted(down[key]):
            waiting[other] -= 1
            if not waiting[other]:
                queue.append(other)
    for key in reversed(queue):  # a body at the top, just above its highest subordinate
        if not up[key] and down[key] and all(other in rank for other in down[key]):
            rank[key] = min(rank[other] for other in down[key]) - 1
    leaves = [key for key in widths if key in rank and not down[key] and key not in ranked]
    tops = [key for key in widths if key in rank and not up[key] and key not in ranked]
    moved: set[str] = set()
    for bodies, step in ((leaves, 1), (tops, -1)):
        rows: dict[int, list[str]] = {}
        for key in widths:
            if key in rank:
                rows.setdefault(rank[key], []).append(key)
        if not rows:  # every body in a cycle
            break
        row = min(rows) if step == 1 else max(rows)
        movable = set(bodies)
        while min(rows) <= row <= max(rows):
            going = overflow(rows.get(row, []), widths, movable, lambda k: len(up[k] | down[k]))
            if going:
                rows.setdefault(row + step, []).extend(going)
                for key in going:
                    rank[key] = row + step
                moved.update(going)
            row += step
    spans = {}
    for number, edge in enumerate(chart.edges):
        if {edge.source, edge.target} & moved and edge.source in rank and edge.target in rank:
            span = rank[edge.source] - rank[edge.target]
            if span > 1:
                spans[number] = span
    return spans


def to_dot(chart: OrgChart) -> str:
    """The chart as DOT text, laid out top-down (superiors at the top; the lines point
    from the subordinate up to the superior, which Graphviz draws bottom to top), with
    a key to the looks drawn below it."""
    graph = list(_GRAPH)
    if chart.on is not None:
        graph.append(("comment", f"the arrangements as they stood on {chart.on}"))
    out = [
        'digraph "org-chart" {',
        f"  graph [{_attrs(graph)}, label={dot_string(chart.heading, width=60)}];",
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
    loose, grid = fans(chart)
    spans = stagger(chart, set(loose))
    for number, edge in enumerate(chart.edges):
        pairs, _, _ = edge_look(edge.kind, edge.status, edge.derived)
        if number in spans:
            pairs.append(("minlen", str(spans[number])))
        if number in loose:
            pairs.append(("constraint", "false"))
        label = f", label={dot_string(edge.label, width=EDGE_LABEL_WIDTH)}" if edge.label else ""
        ends = f"{dot_string(edge.source)} -> {dot_string(edge.target)}"
        out.append(f"  {ends} [{_attrs(pairs)}{label}];")
    for lower, upper in grid:  # the rows of a fan, one above another
        out.append(f"  {dot_string(lower)} -> {dot_string(upper)} [style=invis];")
    for lower, upper in chart.ranks:  # above, without a line the data does not state
        out.append(f"  {dot_string(lower)} -> {dot_string(upper)} [style=invis];")
    out.extend(_key(chart))
    out.append("}")
    return "\n".join(out) + "\n"


KEY_WIDTH = 36
"""Characters per line of the key's words."""

KEY_ID = "key:legend"
"""The id of the key's node in the DOT text (no body's id has a colon)."""

_GLYPHS = {
    "normal": "\u25b6",  # a filled triangle
    "empty": "\u25b7",  # a hollow triangle
    "onormal": "\u25b7",
    "diamond": "\u25c6",  # a filled diamond
    "odiamond": "\u25c7",  # a hollow diamond
    "vee": "\u27a4",  # an arrowhead
    "open": "\u27a4",
    "dot": "\u25cf",  # a filled circle
    "odot": "\u25cb",  # a hollow circle
}
"""Each arrowhead the chart draws, as the key shows it beside a line's sample."""


def _line_sample(pairs: Pairs) -> str:
    """A line's look in a cell of the key's table: its colour, dashes or dots and
    thickness as the cell's lower border, and its arrowheads as characters."""
    look = dict(pairs)
    color = look.get("color", "#000000")
    styles = set(look.get("style", "solid").split(","))
    border = "3" if "bold" in styles else "2" if float(look.get("penwidth", "1")) > 1 else "1"
    dashes = next((f' STYLE="{s}"' for s in ("dotted", "dashed") if s in styles), "")
    both = look.get("dir") == "both"
    head = "" if look.get("dir") == "none" else _GLYPHS.get(look.get("arrowhead", "normal"), "")
    tail = _GLYPHS.get(look.get("arrowtail", "normal"), "") if both else ""
    out = ['<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>']
    if tail:
        out.append(f'<TD><FONT COLOR="{color}">{tail}</FONT></TD>')
    out.append(
        f'<TD BORDER="{border}" SIDES="B" COLOR="{color}"{dashes} WIDTH="36" HEIGHT="7"></TD>'
    )
    if head:
        out.append(f'<TD><FONT COLOR="{color}">{head}</FONT></TD>')
    out.append("</TR></TABLE>")
    return "".join(out)


def _box_sample(look: str) -> str:
    """A body's look in a cell of the key's table: its fill, its border and, where
    rounded, its corners."""
    style = dict(_NODE_STYLE.get(look, []))
    fill = style.get("fillcolor", "#ffffff")
    shapes = set(style.get("style", "").split(","))
    border = "2" if "bold" in shapes else "1"
    rounded = ' STYLE="rounded"' if "rounded" in shapes else ""
    return (
        f'<TABLE BORDER="{border}" COLOR="#374151" BGCOLOR="{fill}"{rounded} CELLSPACING="0" '
        'CELLPADDING="0"><TR><TD WIDTH="36" HEIGHT="12"></TD></TR></TABLE>'
    )


def key_rows(chart: OrgChart) -> list[tuple[str, str]]:
    """What the chart's key says, in order: for each look of a line drawn (each edge
    kind, then each mark: planned, ended, derived) and then each look of a body drawn,
    its sample (an HTML-like table cell of Graphviz's) and its words."""
    rows: list[tuple[str, str]] = []
    for kind in chart.kinds:
        style = style_of(kind)
        rows.append((_line_sample([("color", style.color), *style.dot]), style.legend))
    for mark in chart.marks:
        status = "current" if mark == "derived" else mark
        pairs, _, _ = edge_look("reports-to", status, mark == "derived")
        rows.append((_line_sample(pairs), MARKS[mark].legend))
    looks = dict.fromkeys(look_of(node) for node in chart.nodes)
    rows += [(_box_sample(look), NODE_WORDS[look]) for look in NODE_WORDS if look in looks]
    return rows


def _key(chart: OrgChart) -> list[str]:
    """The key: one row per look of a line or of a body the chart draws (and no other),
    a sample beside its words, in a table of its own set below the chart."""
    rows = key_rows(chart)
    if not rows:
        return []
    cells = [
        f'<TR><TD ALIGN="LEFT">{sample}</TD><TD ALIGN="LEFT">'
        + '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in wrap(words, KEY_WIDTH))
        + '<BR ALIGN="LEFT"/></TD></TR>'
        for sample, words in rows
    ]
    table = (
        '<TABLE BORDER="1" COLOR="#9ca3af" STYLE="rounded" CELLBORDER="0" CELLSPACING="1" '
        'CELLPADDING="2"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>Key</B></TD></TR>'
        + "".join(cells)
        + "</TABLE>"
    )
    name = dot_string(KEY_ID)
    superiors = {edge.target for edge in chart.edges} | {upper for _, upper in chart.ranks}
    lowest = [node.id for node in chart.nodes if node.id not in superiors]
    return [
        f"  {name} [shape=plaintext, margin=0, label=<{table}>];",
        # below every body that nobody reports to, so below the whole chart
        *(f"  {name} -> {dot_string(key)} [style=invis];" for key in lowest),
    ]


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

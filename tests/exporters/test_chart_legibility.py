"""Charts people can read: every chart of the shipped datasets' documents, drawn by
Graphviz, has text of at least 7 points when scaled to the text of an A4 page; the
layout reads top-down, with a key of only the looks drawn; and the measure itself."""

from __future__ import annotations

import pytest
from consumers import dot_output, heights, need_dot, svg_texts
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_model.documents import Figure, OrgChart, arrangements, org_chart
from safeguarding_model.documents.charts import CHART_PARTS, chart_parts
from safeguarding_model.exporters import export
from safeguarding_model.exporters.builtin.dot import (
    NODE_WORDS,
    ROW,
    fans,
    look_of,
    overflow,
    to_dot,
)
from safeguarding_model.exporters.builtin.html import fluid
from safeguarding_model.exporters.charts import STYLES
from safeguarding_model.exporters.graphviz import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    LEGIBLE,
    Legibility,
    legibility,
    measure_svg,
    place_figures,
)
from safeguarding_model.io import load
from safeguarding_model.io.files import example_names
from safeguarding_model.model import Dataset

SHIPPED = [
    (name, partnership.id) for name in example_names() for partnership in load(name).partnerships
]

TOO_SMALL = {
    # The one chart below the goal upright: three small clusters of lines side by side
    # (6.8 points on a portrait page, 9.8 on a landscape one), which the Word and PDF
    # documents therefore print on a page of its own on its side (place_figures).
    # Strict: when the layout reaches the goal upright, this entry must go.
    ("isle-of-wight-2024", "isle-of-wight-scp", 2),
    ("hips", "isle-of-wight-scp", 2),
}


def figures(name: str, partnership: str) -> list[Figure]:
    document = arrangements(load(name), partnership)
    return [block for block in document.blocks_of(Figure) if isinstance(block, Figure)]


@pytest.mark.parametrize(("name", "partnership"), SHIPPED, ids=[f"{n}-{p}" for n, p in SHIPPED])
def test_every_chart_of_a_shipped_document_is_legible_on_a4(name: str, partnership: str) -> None:
    need_dot()
    small = []
    for number, figure in enumerate(figures(name, partnership)):
        found = legibility(figure.chart, A4_PORTRAIT)
        if not found.legible and (name, partnership, number) not in TOO_SMALL:
            small.append(f"{number}: {figure.caption}: {found.effective:.1f} pt ({found})")
        if (name, partnership, number) in TOO_SMALL:
            assert not found.legible, f"chart {number} of {name} is legible now: drop it"
            # so the formats that print pages give it a page on its side, where it is
            assert legibility(figure.chart, A4_LANDSCAPE).legible
    assert not small, "\n".join(small)
    placed = place_figures(arrangements(load(name), partnership)).blocks_of(Figure)
    turned = [n for n, f in enumerate(placed) if isinstance(f, Figure) and f.landscape]
    assert turned == [n for (d, p, n) in sorted(TOO_SMALL) if (d, p) == (name, partnership)]


def test_the_isle_of_wight_2024_chart_is_split_into_charts_that_fit_a_page(iow: Dataset) -> None:
    shown = figures("isle-of-wight-2024", "isle-of-wight-scp")
    whole = org_chart(iow, partnership="isle-of-wight-scp")
    parts = chart_parts(
        whole, "isle-of-wight-scp", "Isle of Wight Safeguarding Children Partnership"
    )
    assert [part for part, _ in parts] == list(CHART_PARTS)
    assert [figure.chart for figure in shown[: len(parts)]] == [chart for _, chart in parts]
    # every line of the whole chart is in exactly one part, and every body in one at least
    lines = [edge for _, chart in parts for edge in chart.edges]
    assert sorted(map(repr, lines)) == sorted(map(repr, whole.edges))
    assert {n.id for _, c in parts for n in c.nodes} == {n.id for n in whole.nodes}
    structure = dict(parts)["structure"]
    assert {"executive-group", "partnership-board", "chief-constable"} <= {
        n.id for n in structure.nodes
    }
    assert {e.kind for e in dict(parts)["links"].edges} == {"linked-to"}
    assert {e.kind for e in dict(parts)["escalation"].edges} == {"escalates-to"}
    assert {e.target for e in dict(parts)["region"].edges} == {"hips-executive-group"}
    # each figure's words describe the lines it draws
    escalation = shown[1]
    assert (
        "Isle of Wight Safeguarding Children Partnership escalates to HIPS Executive Group."
        not in escalation.description
    )
    assert any(line.endswith("escalates to Executive Group.") for line in escalation.description)


def test_the_measure_reads_graphviz_svg() -> None:
    svg = (
        '<svg width="964pt" height="300pt" viewBox="0 0 964 300">'
        '<text font-size="14.00">a</text><text font-size="10.00">b</text></svg>'
    )
    assert measure_svg(svg) == (964.0, 300.0, 10.0)
    found = Legibility(width=964.0, height=300.0, smallest=10.0, page=A4_PORTRAIT)
    assert found.scale == pytest.approx(0.5)
    assert found.effective == pytest.approx(5.0) and not found.legible
    wide = Legibility(width=964.0, height=300.0, smallest=10.0, page=A4_LANDSCAPE)
    assert wide.effective == pytest.approx(10 * 728 / 964)
    small = Legibility(width=100.0, height=50.0, smallest=LEGIBLE, page=A4_PORTRAIT)
    assert small.scale == 1 and small.legible  # never scaled up
    with pytest.raises(ValueError, match="not an SVG drawn by Graphviz"):
        measure_svg("<svg></svg>")


def test_the_chart_reads_top_down_from_the_lead_partners(iow: Dataset) -> None:
    need_dot()
    chart = figures("isle-of-wight-2024", "isle-of-wight-scp")[0].chart
    up = heights(dot_output(to_dot(chart), "plain"))
    assert up["chief-constable"] > up["isle-of-wight-scp"]
    assert up["isle-of-wight-scp"] > up["executive-group"]
    assert up["executive-group"] > up["performance-and-quality-assurance-group"]
    assert all(up["key:legend"] < height for key, height in up.items() if key != "key:legend")


def test_the_key_names_only_the_looks_drawn(iow: Dataset) -> None:
    need_dot()
    links = dict(chart_parts(org_chart(iow), "isle-of-wight-scp", "IOW"))["links"]
    said = " ".join(svg_texts(dot_output(to_dot(links), "svg")))
    assert STYLES["linked-to"].legend in said
    assert STYLES["reports-to"].legend not in said
    looks = {look_of(node) for node in links.nodes}
    for look, words in NODE_WORDS.items():
        assert (words in said) == (look in looks), look
    # the derived line says so in the key, in its own look
    structure = dict(chart_parts(org_chart(iow), "isle-of-wight-scp", "IOW"))["structure"]
    said = " ".join(svg_texts(dot_output(to_dot(structure), "svg")))
    assert "derived from where a body sits, not a stated line" in said


def test_a_fan_of_functional_links_is_set_out_in_rows(iow: Dataset) -> None:
    links = dict(chart_parts(org_chart(iow), "isle-of-wight-scp", "IOW"))["links"]
    loose, grid = fans(links)
    assert len(loose) == len(links.edges) == 11
    tops = [pair for pair in grid if pair[0] == "isle-of-wight-scp"]
    assert 1 < len(tops) < 11  # the nearest row, not all of them
    assert '"constraint"="false"' not in to_dot(links)
    assert 'constraint="false"' in to_dot(links)


def test_the_html_chart_scales_to_the_page_up_to_its_natural_size(iow: Dataset) -> None:
    need_dot()
    page = str(export(iow, "html"))
    assert 'width="100%" style="max-width: ' in page
    assert '<svg width="' not in page.replace('<svg width="100%"', "")
    svg = '<svg width="120pt" height="40pt"\n viewBox="0 0 120 40">'
    assert fluid(svg) == '<svg width="100%" style="max-width: 120pt"\n viewBox="0 0 120 40">'


def test_a_chart_of_its_structure_alone_is_not_split() -> None:
    assert chart_parts(_tiny(), "p", "P") == (("structure", _tiny()),)


def _tiny() -> OrgChart:
    from safeguarding_model.documents.charts import ChartEdge, ChartNode, Cluster

    return OrgChart(
        title="P: structure and reporting lines",
        nodes=(
            ChartNode(id="p", label="P", kind="partnership", cluster="p"),
            ChartNode(id="g", label="G", kind="group", cluster="p"),
        ),
        edges=(ChartEdge(source="g", target="p", kind="accountable-to", derived=True),),
        clusters=(Cluster(id="p", label="P", kind="partnership"),),
    )


def _overflow_one_at_a_time(
    row: list[str], widths: dict[str, float], movable: set[str], lines: dict[str, int]
) -> list[str]:
    """What :func:`overflow` gives, worked out the plain way: while the row is too
    wide, the movable body with the fewest lines (the last of those with as many)
    leaves it."""
    going = []
    while len(row) > 1 and sum(widths[key] for key in row) > ROW:
        candidates = [key for key in row if key in movable]
        if not candidates:
            break
        chosen = min(reversed(candidates), key=lambda key: lines[key])
        row.remove(chosen)
        going.append(chosen)
    return going


@given(st.lists(st.tuples(st.floats(10, ROW), st.integers(0, 3), st.booleans()), max_size=40))
def test_a_row_too_wide_sends_on_the_bodies_the_plain_way_would(
    bodies: list[tuple[float, int, bool]],
) -> None:
    """A row of a national chart holds thousands of bodies, so the bodies that leave a
    row too wide are chosen in one sort: the same bodies, in the same order, as taking
    them out one at a time."""
    keys = [f"b{number}" for number in range(len(bodies))]
    widths = {key: width for key, (width, _, _) in zip(keys, bodies, strict=True)}
    lines = {key: count for key, (_, count, _) in zip(keys, bodies, strict=True)}
    movable = {key for key, (_, _, may) in zip(keys, bodies, strict=True) if may}
    row, plain_row = list(keys), list(keys)
    going = overflow(row, widths, movable, lines.__getitem__)
    assert going == _overflow_one_at_a_time(plain_row, widths, movable, lines)
    assert row == plain_row

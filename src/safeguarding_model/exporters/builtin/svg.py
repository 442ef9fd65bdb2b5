"""``svg``: the org chart drawn by Graphviz as SVG (needs the ``dot`` program).

Graphviz's comment naming its own version is left out, so the same chart gives the
same bytes whichever Graphviz drew it.
"""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...model import Dataset
from ..exporter import Exporter, Register
from ..graphviz import draw_svg
from ..options import CHART_OPTIONS, ExportOptions
from .dot import render as render_dot


def render(dataset: Dataset, options: ExportOptions) -> str:
    return draw_svg(render_dot(dataset, options))


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="svg",
            media_type="image/svg+xml",
            extension="svg",
            description="the org chart drawn as SVG (needs Graphviz)",
            render=render,
            options=CHART_OPTIONS,
        )
    )

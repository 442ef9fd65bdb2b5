"""``svg``: the org chart drawn by Graphviz as SVG (needs the ``dot`` program)."""

from __future__ import annotations

from ...model import Dataset
from ..exporter import Exporter, ExportOptions
from ..graphviz import draw
from ..hookspecs import Register, hookimpl
from .dot import CHART_OPTIONS
from .dot import render as render_dot


def render(dataset: Dataset, options: ExportOptions) -> str:
    return draw(render_dot(dataset, options), "svg").decode("utf-8")


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

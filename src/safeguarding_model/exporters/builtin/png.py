"""``png``: the org chart drawn by Graphviz as a PNG image (needs the ``dot`` program)."""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import chart_for
from ..exporter import Exporter, Register
from ..graphviz import draw_chart
from ..options import CHART_OPTIONS, ExportOptions


def render(dataset: Dataset, options: ExportOptions) -> bytes:
    return draw_chart(chart_for(dataset, options), "png")


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="png",
            media_type="image/png",
            extension="png",
            description="the org chart drawn as a PNG image (needs Graphviz)",
            render=render,
            options=CHART_OPTIONS,
        )
    )

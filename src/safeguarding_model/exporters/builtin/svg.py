"""``svg``: the org chart drawn by Graphviz as SVG (needs the ``dot`` program).

Graphviz's comment naming its own version is left out, so the same chart gives the
same bytes whichever Graphviz drew it.
"""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...model import Dataset
from ..charts import chart_for
from ..exporter import Exporter, Register
from ..graphviz import draw_chart
from ..options import CHART_OPTIONS, ExportOptions


def render(dataset: Dataset, options: ExportOptions) -> str:
    return draw_chart(chart_for(dataset, options), "svg").decode("utf-8")


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

"""Notebooks: rich display and data frames (a face, beside the command line).

In Jupyter (or any front end that speaks IPython's display protocol) the package's
objects display themselves, with nothing to wrap: a dataset, a partnership, a
collaboration and a group as HTML (:mod:`.cards`), the governance graph as its org
chart in SVG (:mod:`.charts`), the graph's answers and the statutory check as HTML
tables (:mod:`.answers`, :mod:`.checks`). Their ``_repr_html_`` and
``_repr_mimebundle_`` methods import this package when they are first called, never
before, so importing the model imports nothing of it.

Beside them: :func:`show` (a partnership, a collaboration or a group with its
dataset's names, on a date), :func:`chart` (one partnership's chart), and the tables
as pandas data frames (:func:`frame`, :func:`frames`, :func:`findings_frame`,
:func:`plan_frame`; pandas is the optional extra ``safeguarding-model[notebook]``).
Each is imported on first use.

>>> import safeguarding_model as sm
>>> from safeguarding_model import notebook
>>> html = notebook.show(sm.load("isle-of-wight-2024")).html
>>> "Isle of Wight Safeguarding Children Partnership" in html
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names as _lazy_names

if TYPE_CHECKING:
    from .cards import Shown, show
    from .charts import Chart, chart
    from .dataframes import NAMES, findings_frame, frame, frames, plan_frame

__all__ = [
    "NAMES",
    "Chart",
    "Shown",
    "chart",
    "findings_frame",
    "frame",
    "frames",
    "plan_frame",
    "show",
]

_LAZY = {
    "Shown": "cards",
    "show": "cards",
    "Chart": "charts",
    "chart": "charts",
    "NAMES": "dataframes",
    "findings_frame": "dataframes",
    "frame": "dataframes",
    "frames": "dataframes",
    "plan_frame": "dataframes",
}


__getattr__ = _lazy_names(__name__, _LAZY, globals())
"""Import each part only when one of its names is used (the charts import the
exporters, the frames pandas)."""


def __dir__() -> list[str]:
    return sorted(__all__)

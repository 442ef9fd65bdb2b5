"""safeguarding_model: the published arrangements of local safeguarding children
partnerships in England as data.

>>> import safeguarding_model as sm
>>> dataset = sm.load("isle-of-wight-2024")
>>> dataset.partnership().short_name
'IOWSCP'

The governance graph (``sm.build_graph``), the exporters (``sm.export``,
``sm.export_to``, ``sm.installed_exporters``) and the data frames (``sm.frame``,
``sm.frames``, which need pandas) are imported on first use, so importing the package
does not import networkx, pluggy or pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_names as _lazy_names
from .errors import (
    AmbiguousNameError,
    Diagnostic,
    LoadError,
    NotFoundError,
    NothingStoodError,
    Problem,
    SafeguardingModelError,
    Severity,
    UsageError,
)
from .io import dump, dumps, example_names, examples, load, loads, to_data
from .model import *  # noqa: F403  (the model's own __all__ is the list)
from .model import __all__ as _model_all

if TYPE_CHECKING:
    from .exporters import export, export_to, exporter_names, installed_exporters
    from .graph import EdgeKind, GovernanceGraph, NodeKind, build_graph
    from .notebook import frame, frames
    from .rules import check

__version__ = "0.1.0"

_LAZY = {
    "EdgeKind": "graph",
    "GovernanceGraph": "graph",
    "NodeKind": "graph",
    "build_graph": "graph",
    "export": "exporters",
    "export_to": "exporters",
    "exporter_names": "exporters",
    "installed_exporters": "exporters",
    "check": "rules",
    "frame": "notebook",
    "frames": "notebook",
}

__all__ = [
    "AmbiguousNameError",
    "Diagnostic",
    "EdgeKind",
    "GovernanceGraph",
    "LoadError",
    "NodeKind",
    "NotFoundError",
    "NothingStoodError",
    "Problem",
    "SafeguardingModelError",
    "Severity",
    "UsageError",
    "build_graph",
    "check",
    "dump",
    "dumps",
    "example_names",
    "examples",
    "export",
    "export_to",
    "exporter_names",
    "frame",
    "frames",
    "installed_exporters",
    "load",
    "loads",
    "to_data",
    *_model_all,
]


__getattr__ = _lazy_names(__name__, _LAZY, globals())
"""Import the graph, exporter, rules and notebook layers only when one of their names is
used."""


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})

"""safeguarding_model: the published arrangements of local safeguarding children
partnerships in England as data.

>>> import safeguarding_model as sm
>>> dataset = sm.load("isle-of-wight-2024")
>>> dataset.partnership().short_name
'IOWSCP'

Importing the package imports its errors alone; every other name is imported on
first use: the model and the files (``sm.load``, ``sm.Partnership``) with attrs,
cattrs and PyYAML, the governance graph (``sm.build_graph``) with networkx, the
exporters (``sm.export``, ``sm.export_to``, ``sm.installed_exporters``) with pluggy,
the data frames (``sm.frame``, ``sm.frames``) with pandas.
So the command line's ``--help`` and a script that only needs a name or two start
quickly, and nothing is imported that is not used.
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    AmbiguousNameError as AmbiguousNameError,
)
from .errors import (
    Diagnostic as Diagnostic,
)
from .errors import (
    LoadError as LoadError,
)
from .errors import (
    NotFoundError as NotFoundError,
)
from .errors import (
    NothingStoodError as NothingStoodError,
)
from .errors import (
    Problem as Problem,
)
from .errors import (
    SafeguardingModelError as SafeguardingModelError,
)
from .errors import (
    Severity as Severity,
)
from .errors import (
    UsageError as UsageError,
)

if TYPE_CHECKING:  # what the names are, for type checkers; imported on first use
    from .exporters import (
        export as export,
    )
    from .exporters import (
        export_to as export_to,
    )
    from .exporters import (
        exporter_names as exporter_names,
    )
    from .exporters import (
        installed_exporters as installed_exporters,
    )
    from .graph import (
        EdgeKind as EdgeKind,
    )
    from .graph import (
        GovernanceGraph as GovernanceGraph,
    )
    from .graph import (
        NodeKind as NodeKind,
    )
    from .graph import (
        build_graph as build_graph,
    )
    from .io import (
        dump as dump,
    )
    from .io import (
        dumps as dumps,
    )
    from .io import (
        example_names as example_names,
    )
    from .io import (
        examples as examples,
    )
    from .io import (
        load as load,
    )
    from .io import (
        loads as loads,
    )
    from .io import (
        to_data as to_data,
    )
    from .model import *  # noqa: F403  (the model's own __all__ is the list)
    from .notebook import frame as frame
    from .notebook import frames as frames
    from .rules import check as check

__version__ = "0.1.0"

_LAZY = {
    "EdgeKind": "graph",
    "GovernanceGraph": "graph",
    "NodeKind": "graph",
    "build_graph": "graph",
    "dump": "io",
    "dumps": "io",
    "example_names": "io",
    "examples": "io",
    "load": "io",
    "loads": "io",
    "to_data": "io",
    "export": "exporters",
    "export_to": "exporters",
    "exporter_names": "exporters",
    "installed_exporters": "exporters",
    "check": "rules",
    "frame": "notebook",
    "frames": "notebook",
}
"""The names imported on first use, and the sub-package of each; any other public name
is the model's (its ``__all__``)."""

_OWN = [
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
]


def _model_names() -> list[str]:
    names: list[str] = _import_module(".model", __name__).__all__
    return names


def __getattr__(name: str) -> Any:
    """Import the model, the files, the graph, the exporters, the rules and the data
    frames only when one of their names is used (``__all__`` too: the package's names
    and the model's)."""
    if name == "__all__":
        value: Any = [*_OWN, *_model_names()]
    elif name in _LAZY:
        value = getattr(_import_module(f".{_LAZY[name]}", __name__), name)
    elif name == "progress":  # the light module every layer reports long work through
        value = _import_module(".progress", __name__)
    elif not name.startswith("__") and name in _model_names():
        value = getattr(_import_module(".model", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*_OWN, *_model_names(), "__version__"})

"""The exporters' errors: each a :class:`~safeguarding_model.errors.SafeguardingModelError`,
so the command line turns it into a short message and a non-zero exit status.

:class:`PluginError` is the plugin core's (:mod:`safeguarding_model.hooks`), the same
class for every kind of plugin."""

from __future__ import annotations

from ..errors import SafeguardingModelError, UsageError
from ..hooks import DuplicateNameError, PluginError

__all__ = [
    "DuplicateExporterError",
    "ExportError",
    "GraphvizNotFoundError",
    "PluginError",
    "UnknownExporterError",
]


class ExportError(SafeguardingModelError, RuntimeError):
    """An export that could not be made: a program failed, or a file could not be written."""


class UnknownExporterError(UsageError):
    """A format name that no installed exporter has.

    ``notes`` say why a format may be missing: installed plugins that failed to load,
    or installed plugins that were not loaded because ``SAFEGUARDING_MODEL_NO_PLUGINS``
    is set.
    """

    def __init__(
        self,
        name: str,
        known: list[str],
        suggestion: str | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.name = name
        self.known = known
        self.suggestion = suggestion
        self.notes = list(notes or ())
        hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
        message = f"no exporter is called {name!r}{hint}; the formats are: {', '.join(known)}"
        super().__init__("".join([message, *(f". {note}" for note in self.notes)]))


class DuplicateExporterError(DuplicateNameError):
    """Two plugins registered exporters with the same name.

    The first registration stands (the built-ins are registered first, so a plugin
    cannot replace one); the second is refused with this error, which names both.
    """

    def __init__(self, name: str, registered_by: str, refused: str) -> None:
        super().__init__("exporter", name, registered_by, refused)


class GraphvizNotFoundError(ExportError):
    """The Graphviz ``dot`` program, needed to draw SVG and PNG charts, is not installed."""

    def __init__(self, format: str) -> None:
        self.format = format
        super().__init__(
            f"the {format} format is drawn by the Graphviz `dot` program, which is not "
            "installed (or not on PATH): install the graphviz package "
            "(`apt-get install graphviz`, `dnf install graphviz` or `brew install graphviz`; "
            "see https://graphviz.org/download/), or export `--to dot` and draw it elsewhere"
        )

"""The exporters' errors, defined with every other exception of the package in
:mod:`safeguarding_model.errors` and named here for the exporters' users: each a
:class:`~safeguarding_model.errors.SafeguardingModelError`, so the command line turns
it into a short message and a non-zero exit status. :class:`PluginError` is the same
class for every kind of plugin."""

from __future__ import annotations

from ..errors import (
    DuplicateExporterError,
    ExportError,
    GraphvizNotFoundError,
    PluginError,
    UnknownExporterError,
)

__all__ = [
    "DuplicateExporterError",
    "ExportError",
    "GraphvizNotFoundError",
    "PluginError",
    "UnknownExporterError",
]

"""Exporters: the model as org charts, documents and interchange formats, through plugins.

>>> import safeguarding_model as sm
>>> from safeguarding_model.exporters import export, exporter_names
>>> "mermaid" in exporter_names()
True
>>> export(sm.load("isle-of-wight-2024"), "mermaid").splitlines()[1]
'flowchart BT'

Every format is an :class:`Exporter` registered by a plugin through the
``register_exporters`` hook (:mod:`.hookspecs`); the built-in formats are plugins
too (:mod:`.builtin`). Plugins load on first use, never when ``safeguarding_model``
is imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Dataset
from .errors import (
    DuplicateExporterError,
    ExportError,
    GraphvizNotFoundError,
    PluginError,
    UnknownExporterError,
)
from .exporter import DOCUMENTS, OPTIONS, Content, Exporter, ExportOptions
from .hookspecs import PROJECT, Register, hookimpl
from .manager import (
    ENTRY_POINT_GROUP,
    NO_PLUGINS_ENV,
    ExporterManager,
    Plugin,
    PluginProblem,
    default_manager,
)

__all__ = [
    "DOCUMENTS",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_ENV",
    "OPTIONS",
    "PROJECT",
    "Content",
    "DuplicateExporterError",
    "ExportError",
    "ExportOptions",
    "Exporter",
    "ExporterManager",
    "GraphvizNotFoundError",
    "Plugin",
    "PluginError",
    "PluginProblem",
    "Register",
    "UnknownExporterError",
    "default_manager",
    "export",
    "export_to",
    "exporter_names",
    "exporters",
    "get_exporter",
    "hookimpl",
    "plugin_problems",
]


def exporters() -> list[Exporter]:
    """Every installed exporter, by name."""
    return default_manager().exporters()


def exporter_names() -> list[str]:
    """The names of every installed exporter (the formats), sorted."""
    return default_manager().names()


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; :class:`UnknownExporterError` if none is."""
    return default_manager().get(name)


def plugin_problems() -> list[PluginProblem]:
    """The installed plugins that could not be loaded or used, with the reasons."""
    return default_manager().problems()


def export(dataset: Dataset, format: str, **options: Any) -> Content:
    """``dataset`` in ``format``: text (``str``) or bytes (``png``, ``csv`` as a zip...).

    The options are those of :class:`ExportOptions` (``partnership``, ``edges``,
    ``depth``, ``document``); an option the format does not take is an error.
    """
    exporter = get_exporter(format)
    return exporter.run(dataset, ExportOptions.from_keywords(options))


def export_to(dataset: Dataset, format: str, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write ``dataset`` in ``format`` to ``path``, and return the path written.

    Writes the one file ``path``, or, for a format that is a folder of files (``csv``)
    and a ``path`` without that format's extension, the folder ``path`` and the files
    in it; nothing else. The folder that holds ``path`` must exist.
    """
    exporter = get_exporter(format)
    chosen = ExportOptions.from_keywords(options)
    target = Path(path)
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder")
    folder = exporter.is_folder and target.suffix.lower() != f".{exporter.extension}"
    if folder and target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; the {format} format writes a folder")
    if not folder and target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    written = exporter.run_files(dataset, chosen) if folder else exporter.run(dataset, chosen)
    try:
        if isinstance(written, dict):
            target.mkdir(exist_ok=True)
            for name, content in written.items():
                (target / name).write_bytes(_bytes(content))
        else:
            target.write_bytes(_bytes(written))
    except OSError as error:
        where = error.filename or target
        raise ExportError(f"{where}: cannot be written ({error.strerror})") from None
    return target


def _bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content

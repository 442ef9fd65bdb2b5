"""Exporters: the model as org charts, documents and interchange formats, through plugins.

>>> import safeguarding_model as sm
>>> from safeguarding_model.exporters import export, exporter_names
>>> "mermaid" in exporter_names()
True
>>> export(sm.load("isle-of-wight-2024"), "mermaid").splitlines()[1]
'flowchart BT'

Every format is an :class:`Exporter` registered by a plugin through the
``register_exporters`` hook (:mod:`safeguarding_model.hooks.specs`); the built-in
formats are plugins too (:mod:`.builtin`). Plugins load on first use, never when
``safeguarding_model`` is imported. Each exporter declares the options it takes
(:mod:`.options`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..hooks.manager import ENTRY_POINT_GROUP, NO_PLUGINS_ENV
from ..hooks.registry import Plugin, PluginProblem
from ..hooks.specs import PROJECT, hookimpl
from ..io.writing import (
    WriteError,
    check_file_target,
    check_folder_target,
    check_not_source,
    write_file,
    write_folder,
)
from ..model import Dataset
from .archive import zip_archive
from .errors import (
    DuplicateExporterError,
    ExportError,
    GraphvizNotFoundError,
    PluginError,
    UnknownExporterError,
)
from .exporter import (
    Content,
    DocumentWriter,
    Exporter,
    Register,
    RegisterExporter,
    StreamFunction,
    document_renderer,
    joined,
)
from .manager import EXPORTERS, ExporterManager, default_manager, reset_default_manager
from .options import (
    CHART_OPTIONS,
    DOCUMENT_OPTIONS,
    SHARED_OPTIONS,
    ExportOptions,
    Option,
    Options,
)

__all__ = [
    "CHART_OPTIONS",
    "DOCUMENT_OPTIONS",
    "ENTRY_POINT_GROUP",
    "EXPORTERS",
    "NO_PLUGINS_ENV",
    "PROJECT",
    "SHARED_OPTIONS",
    "Content",
    "DocumentWriter",
    "DuplicateExporterError",
    "ExportError",
    "ExportOptions",
    "Exporter",
    "ExporterManager",
    "GraphvizNotFoundError",
    "Option",
    "Options",
    "Plugin",
    "PluginError",
    "PluginProblem",
    "Register",
    "RegisterExporter",
    "StreamFunction",
    "UnknownExporterError",
    "default_manager",
    "document_renderer",
    "export",
    "export_to",
    "exporter_names",
    "get_exporter",
    "hookimpl",
    "installed_exporters",
    "joined",
    "plugin_problems",
    "reset_default_manager",
    "zip_archive",
]


def installed_exporters() -> list[Exporter]:
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

    The options are those the format declares (``Exporter.options``), by name: the
    shared ``partnership``, ``edges``, ``depth``, ``document`` and ``previous`` (an
    earlier dataset, for a yearly report's changes), and any of the format's own
    (``paper="a4"``); an option the format does not take, and a value an option does
    not take, are a :class:`UsageError`.
    """
    exporter = get_exporter(format)
    return exporter.run(dataset, ExportOptions.from_keywords(options, exporter))


def export_to(
    dataset: Dataset,
    format: str,
    path: str | os.PathLike[str],
    *,
    source: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Path:
    """Write ``dataset`` in ``format`` to ``path``, and return the path written.

    Writes the one file ``path``, or, for a format that is a folder of files (``csv``)
    and a ``path`` without that format's extension, the folder ``path`` and the files
    in it; nothing else. The folder that holds ``path`` must exist. The writing is
    done by :mod:`safeguarding_model.io.writing`: in one step (a failed write leaves
    the old file or folder as it was), refusing a symbolic link at ``path`` (or, for
    a folder, at one of the files it writes) rather than following it, and refusing a
    folder that holds other files rather than deleting them. ``source``, when given,
    is the file (or folder) the dataset was read from: writing over it is refused
    with :class:`~safeguarding_model.io.writing.SourceOverwriteError`, as it would
    lose the file's comments and layout. A write that fails is an
    :class:`ExportError`; a path that cannot be written to, a :class:`UsageError`.
    """
    exporter = get_exporter(format)
    chosen = ExportOptions.from_keywords(options, exporter)
    target = Path(path)
    folder = exporter.is_folder and target.suffix.lower() != f".{exporter.extension}"
    if folder:  # checked before the export is made, which may take a while
        if target.is_file() and not target.is_symlink():
            raise UsageError(
                f"{target} is a file; the {format} format writes a folder: give a folder "
                f"name, or a name ending .{exporter.extension} for one file"
            )
        check_folder_target(target)
    else:
        check_file_target(target)
        check_not_source(target, source)
    try:
        if folder:
            written = exporter.run_files(dataset, chosen)
            write_folder(target, {name: _bytes(content) for name, content in written.items()})
        else:  # written as the pieces come: a large export is never held whole
            write_file(target, exporter.run_stream(dataset, chosen), source=source)
    except WriteError as error:
        raise ExportError(str(error)) from None
    return target


def _bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content

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

import errno
import os
from pathlib import Path
from typing import Any

from ..errors import UsageError
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
    CHART_OPTIONS,
    DOCUMENT_OPTIONS,
    DOCUMENTS,
    OPTIONS,
    Content,
    DocumentWriter,
    Exporter,
    ExportOptions,
    document_renderer,
)
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
    "CHART_OPTIONS",
    "DOCUMENTS",
    "DOCUMENT_OPTIONS",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_ENV",
    "OPTIONS",
    "PROJECT",
    "Content",
    "DocumentWriter",
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
    "document_renderer",
    "export",
    "export_to",
    "exporter_names",
    "exporters",
    "get_exporter",
    "hookimpl",
    "plugin_problems",
    "zip_archive",
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
    in it; nothing else. The folder that holds ``path`` must exist. A symbolic link at
    ``path`` (or, for a folder, at one of the files it writes) is refused rather than
    followed, so nothing is ever written outside ``path``.
    """
    exporter = get_exporter(format)
    chosen = ExportOptions.from_keywords(options)
    target = Path(path)
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder")
    folder = exporter.is_folder and target.suffix.lower() != f".{exporter.extension}"
    if target.is_symlink():
        raise UsageError(f"{target} is a symbolic link; give a path that is not one")
    if folder and target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; the {format} format writes a folder")
    if not folder and target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    written = exporter.run_files(dataset, chosen) if folder else exporter.run(dataset, chosen)
    try:
        if isinstance(written, dict):
            _write_folder(target, written)
        else:
            _write_file(target, _bytes(written))
    except OSError as error:
        where = error.filename or target
        if error.errno == errno.ELOOP:
            raise UsageError(f"{where} is a symbolic link; it is not followed") from None
        raise ExportError(f"{where}: cannot be written ({error.strerror})") from None
    return target


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | _NO_FOLLOW


def _write_file(path: Path, data: bytes, folder: int | None = None) -> None:
    """Write ``path`` (relative to the open ``folder``, when given) without following a
    symbolic link in its place."""
    if folder is None and path.is_symlink():
        raise OSError(errno.ELOOP, "a symbolic link", str(path))
    descriptor = os.open(path if folder is None else path.name, _FLAGS, 0o644, dir_fd=folder)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _write_folder(target: Path, files: dict[str, Content]) -> None:
    """Make the folder ``target`` (if need be) and write the files in it, refusing any
    symbolic link: the folder's own, or one standing where a file is to be written."""
    target.mkdir(exist_ok=True)
    if target.is_symlink():
        raise OSError(errno.ELOOP, "a symbolic link", str(target))
    if os.open in os.supports_dir_fd and _NO_FOLLOW:
        folder = os.open(target, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_FOLLOW)
        try:
            for name, content in files.items():
                try:
                    _write_file(target / name, _bytes(content), folder)
                except OSError as error:
                    error.filename = str(target / name)
                    raise
        finally:
            os.close(folder)
        return
    for name, content in files.items():  # where files cannot be opened relative to a folder
        _write_file(target / name, _bytes(content))


def _bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content

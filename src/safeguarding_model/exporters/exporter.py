"""What an exporter is, and the options an export can be given.

An :class:`Exporter` is plain data: a name, a media type, a file extension, a
description and a function that turns a dataset and :class:`ExportOptions` into text
or bytes. Plugins build them and hand them to the ``register`` function they receive
(see :mod:`safeguarding_model.exporters.hookspecs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ..errors import UsageError
from ..model import Dataset
from .errors import PluginError

if TYPE_CHECKING:
    from ..documents import Document

__all__ = [
    "CHART_OPTIONS",
    "DOCUMENTS",
    "DOCUMENT_OPTIONS",
    "NAME_RULE",
    "OPTIONS",
    "Content",
    "DocumentWriter",
    "ExportOptions",
    "Exporter",
    "FilesFunction",
    "RenderFunction",
    "document_renderer",
]

Content: TypeAlias = str | bytes
"""What an exporter produces: text (written as UTF-8) or bytes."""

DOCUMENTS = ("arrangements", "yearly-report")
"""The documents an exporter that carries documents can be asked for."""

OPTIONS = ("partnership", "edges", "depth", "document")
"""The option names, as keyword arguments of :func:`~safeguarding_model.exporters.export`."""

CHART_OPTIONS = frozenset({"partnership", "edges", "depth"})
"""The options every chart format takes (``dot``, ``svg``, ``png``, ``mermaid``)."""

DOCUMENT_OPTIONS = frozenset({"document", "partnership"})
"""The options every document format takes (``markdown``, ``html``, ``docx``)."""

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_RULE = "lower-case letters and digits, in words joined by single hyphens, such as 'org-chart'"
"""What an exporter name may be, in words (the rule of ``_NAME``)."""
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")


def _check_depth(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise UsageError(f"depth: expected a whole number, 0 or more, found {value!r}")


def _check_document(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in DOCUMENTS:
        raise UsageError(f"document: expected one of {', '.join(DOCUMENTS)}, found {value!r}")


def _edges(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple | set | frozenset):
        raise UsageError(f"edges: expected edge kinds such as 'reports-to', found {value!r}")
    kinds = []
    for part in parts:
        text = str(getattr(part, "value", part)).strip()
        if text and text not in kinds:
            kinds.append(text)
    if not kinds:
        raise UsageError("edges: name at least one edge kind, such as 'reports-to'")
    return tuple(sorted(kinds)) if isinstance(parts, set | frozenset) else tuple(kinds)


@attrs.frozen(kw_only=True)
class ExportOptions:
    """The choices an export can be given. Every exporter says which it understands.

    ``partnership``
        the id (or name) of the partnership, or of a collaboration for a regional
        chart; by default the dataset's only partnership, or the whole region.
    ``edges``
        the edge kinds a chart draws, such as ``("reports-to", "escalates-to")``;
        a comma-separated text is accepted too.
    ``depth``
        how many steps from the chosen partnership a chart reaches (0: only the
        partnership and its own groups).
    ``document``
        ``"arrangements"`` (the default) or ``"yearly-report"``, for formats that
        carry a document.
    """

    partnership: str | None = None
    edges: tuple[str, ...] | None = attrs.field(default=None, converter=_edges)
    depth: int | None = attrs.field(default=None, validator=_check_depth)
    document: str | None = attrs.field(default=None, validator=_check_document)

    @classmethod
    def from_keywords(cls, options: Mapping[str, Any]) -> ExportOptions:
        """Options from keyword arguments; an unknown name is a :class:`UsageError`."""
        unknown = sorted(set(options) - set(OPTIONS))
        if unknown:
            raise UsageError(
                f"unknown export option {unknown[0]!r}; the options are: {', '.join(OPTIONS)}"
            )
        return cls(**options)

    def given(self) -> list[str]:
        """The names of the options that were set."""
        return [name for name in OPTIONS if getattr(self, name) is not None]


RenderFunction: TypeAlias = Callable[[Dataset, ExportOptions], Content]
"""Turns a dataset and options into the exported text or bytes."""

FilesFunction: TypeAlias = Callable[[Dataset, ExportOptions], Mapping[str, Content]]
"""For formats that are a folder of files: file name to content."""

DocumentWriter: TypeAlias = Callable[["Document", Dataset], Content]
"""Writes a document tree in one format; the dataset draws its figures."""


def document_renderer(write: DocumentWriter) -> RenderFunction:
    """The render function of a document format: build the document the options ask for
    (``document``, by default the arrangements, of ``partnership``), then ``write`` it.

    The ``markdown``, ``html`` and (plugin) ``docx`` exporters are each this function
    around their own writer, so that every document format chooses and builds the
    document the same way.
    """

    def render(dataset: Dataset, options: ExportOptions) -> Content:
        from ..documents import build

        document = build(options.document or "arrangements", dataset, options.partnership)
        return write(document, dataset)

    return render


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise PluginError(f"exporter {attribute.name}: expected {NAME_RULE}, found {value!r}")


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PluginError(f"exporter {attribute.name}: expected some text, found {value!r}")


def _check_extension(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not re.match(r"^[a-z0-9]+(?:\.[a-z0-9]+)*$", value):
        raise PluginError(
            f"exporter extension: expected a file extension without the dot, such as 'gv', "
            f"found {value!r}"
        )


def _option_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _check_options(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    unknown = sorted(set(value) - set(OPTIONS))  # type: ignore[call-overload]
    if unknown:
        raise PluginError(
            f"exporter options: {unknown[0]!r} is not an option; the options are: "
            + ", ".join(OPTIONS)
        )


def _check_callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise PluginError(f"exporter {attribute.name}: expected a function, found {value!r}")


@attrs.frozen(kw_only=True)
class Exporter:
    """One output format.

    ``render(dataset, options)`` returns text or bytes and never touches the file
    system. ``options`` lists the :data:`OPTIONS` the exporter understands; asking
    an exporter for another one is an error rather than silently ignored. A format
    that is a folder of files (``csv``) also has ``files(dataset, options)``, giving
    each file's name and content; ``render`` then returns them as one zip archive.
    ``distribution`` is filled in by the plugin manager with the distribution that
    registered the exporter.
    """

    name: str = attrs.field(validator=_check_name)
    media_type: str = attrs.field(validator=_check_text)
    extension: str = attrs.field(validator=_check_extension)
    description: str = attrs.field(validator=_check_text)
    render: RenderFunction = attrs.field(validator=_check_callable, repr=False)
    options: frozenset[str] = attrs.field(
        default=frozenset(), converter=_option_set, validator=_check_options
    )
    files: FilesFunction | None = attrs.field(default=None, validator=_check_callable, repr=False)
    distribution: str | None = None

    @property
    def is_folder(self) -> bool:
        """Whether the format can be written as a folder of files."""
        return self.files is not None

    def _check(self, options: ExportOptions) -> None:
        refused = [name for name in options.given() if name not in self.options]
        if refused:
            takes = ", ".join(sorted(self.options)) or "none"
            raise UsageError(
                f"the {self.name} format does not take the option {refused[0]!r} "
                f"(the options it takes: {takes})"
            )

    def run(self, dataset: Dataset, options: ExportOptions | None = None) -> Content:
        """Export ``dataset``: text or bytes. Checks the options and what comes back."""
        options = options or ExportOptions()
        self._check(options)
        content = self.render(dataset, options)
        if not isinstance(content, str | bytes):
            raise PluginError(
                f"the {self.name} exporter ({self.distribution or 'unknown distribution'}) "
                f"returned {type(content).__name__}, not text or bytes"
            )
        return content

    def run_files(
        self, dataset: Dataset, options: ExportOptions | None = None
    ) -> dict[str, Content]:
        """Export ``dataset`` as a folder's files: name to content, names checked."""
        if self.files is None:
            raise UsageError(f"the {self.name} format is a single file, not a folder")
        options = options or ExportOptions()
        self._check(options)
        files = dict(self.files(dataset, options))
        for name, content in files.items():
            if not isinstance(name, str) or not _FILE_NAME.match(name) or ".." in name:
                raise PluginError(
                    f"the {self.name} exporter gave the file name {name!r}: expected a plain "
                    "file name without folders"
                )
            if not isinstance(content, str | bytes):
                raise PluginError(
                    f"the {self.name} exporter gave {type(content).__name__} for {name}, "
                    "not text or bytes"
                )
        return files

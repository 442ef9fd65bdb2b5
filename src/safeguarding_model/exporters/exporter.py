"""What an exporter is.

An :class:`Exporter` is plain data: a name, a media type, a file extension, a
description, the options it takes (:mod:`.options`) and a function that turns a
dataset and :class:`~.options.ExportOptions` into text or bytes. Plugins build them
and hand them to the ``register`` function they receive (see
:func:`safeguarding_model.hooks.specs.register_exporters`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from .. import progress
from ..errors import UsageError
from ..hooks import PluginError
from ..model import Dataset
from .options import SHARED_OPTIONS, ExportOptions, Option, Options

if TYPE_CHECKING:
    from ..documents import Document

__all__ = [
    "NAME_RULE",
    "Content",
    "DocumentWriter",
    "Exporter",
    "FilesFunction",
    "Register",
    "RegisterExporter",
    "RenderFunction",
    "StreamFunction",
    "document_renderer",
    "joined",
]

Content: TypeAlias = str | bytes
"""What an exporter produces: text (written as UTF-8) or bytes."""

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_RULE = "lower-case letters and digits, in words joined by single hyphens, such as 'org-chart'"
"""What an exporter name may be, in words (the rule of ``_NAME``)."""
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")


RenderFunction: TypeAlias = Callable[[Dataset, ExportOptions], Content]
"""Turns a dataset and options into the exported text or bytes."""

StreamFunction: TypeAlias = Callable[[Dataset, ExportOptions], Iterable[Content]]
"""Turns a dataset and options into the exported text or bytes a piece at a time: the
pieces (all text or all bytes) joined are what the format's render function returns."""

FilesFunction: TypeAlias = Callable[[Dataset, ExportOptions], Mapping[str, Content]]
"""For formats that are a folder of files: file name to content."""

DocumentWriter: TypeAlias = Callable[["Document"], Content]
"""Writes a document tree in one format. The tree is all it needs: its figures carry
their charts."""


def document_renderer(write: DocumentWriter) -> RenderFunction:
    """The render function of a document format: build the document the options ask for
    (``document``, by default the arrangements, of ``partnership``), then ``write`` it.

    The ``markdown``, ``html`` and (plugin) ``docx`` exporters are each this function
    around their own writer, so that every document format chooses and builds the
    document the same way (its charts from one governance graph, built once).
    """

    def render(dataset: Dataset, options: ExportOptions) -> Content:
        from ..documents import build

        document = build(
            options.document or "arrangements",
            dataset,
            options.partnership,
            on=options.on,
            today=options.today,
            previous=options.previous,
        )
        return write(document)

    return render


def joined(stream: StreamFunction) -> RenderFunction:
    """The render function of a format written a piece at a time: its pieces joined.

    A format that gives ``stream`` gives ``render=joined(stream)`` too, so that
    :func:`~safeguarding_model.exporters.export` returns the whole text and
    :func:`~safeguarding_model.exporters.export_to` writes the pieces as they come.
    """

    def render(dataset: Dataset, options: ExportOptions) -> Content:
        pieces = list(stream(dataset, options))
        if pieces and isinstance(pieces[0], bytes):
            return b"".join(pieces)  # type: ignore[arg-type]
        return "".join(pieces)  # type: ignore[arg-type]

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


def _options(value: Iterable[Option | str]) -> Options:
    return value if isinstance(value, Options) else Options(value)


def _check_callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise PluginError(f"exporter {attribute.name}: expected a function, found {value!r}")


@attrs.frozen(kw_only=True)
class Exporter:
    """One output format.

    ``render(dataset, options)`` returns text or bytes and never touches the file
    system. With ``options.on`` it receives the dataset as it stood on that date (the
    core takes the view, :meth:`view`), and says the date where its format has a
    place. ``options`` declares the options the exporter takes (:class:`~.options.Option`
    declarations, or the names of shared options, made into an
    :class:`~.options.Options`); asking an exporter for another one is an error rather
    than silently ignored, and ``render`` receives each declared option's value. A format
    that is a folder of files (``csv``) also has ``files(dataset, options)``, giving
    each file's name and content; ``render`` then returns them as one zip archive. A
    format whose output can be large may also have ``stream(dataset, options)``, giving
    the same output a piece at a time (all text or all bytes, each piece made when it
    is asked for): a file is then written as the pieces come, so that a national
    export is never held whole (:func:`joined` makes its ``render`` of it).
    ``distribution`` is filled in by the plugin manager with the distribution that
    registered the exporter.
    """

    name: str = attrs.field(validator=_check_name)
    media_type: str = attrs.field(validator=_check_text)
    extension: str = attrs.field(validator=_check_extension)
    description: str = attrs.field(validator=_check_text)
    render: RenderFunction = attrs.field(validator=_check_callable, repr=False)
    options: Options = attrs.field(default=Options(), converter=_options)
    files: FilesFunction | None = attrs.field(default=None, validator=_check_callable, repr=False)
    stream: StreamFunction | None = attrs.field(default=None, validator=_check_callable, repr=False)
    distribution: str | None = None

    @property
    def is_folder(self) -> bool:
        """Whether the format can be written as a folder of files."""
        return self.files is not None

    def bind(self, options: ExportOptions | None = None) -> ExportOptions:
        """``options`` checked against this exporter's declarations: the values it
        receives. An option it does not take, and a value an option does not take, are
        a :class:`UsageError`; each of its own options not given gets its default."""
        options = options or ExportOptions()
        refused = [name for name in options.given() if name not in self.options]
        if refused:
            takes = ", ".join(sorted(self.options)) or "none"
            raise UsageError(
                f"the {self.name} format does not take the option {refused[0]!r} "
                f"(the options it takes: {takes})"
            )
        given = dict(options.extra)
        values = {}
        for name, option in self.options.items():
            if name not in SHARED_OPTIONS:  # the shared ones were read when given
                value = given.get(name)
                if value is None:
                    value = option.default
                values[name] = None if value is None else option.read(value)
        return attrs.evolve(options, extra=values)

    def view(self, dataset: Dataset, options: ExportOptions) -> tuple[Dataset, ExportOptions]:
        """The dataset the exporter is given, and its options: as it stood on
        ``options.on`` when that is given (``Dataset.as_of``), the partnership named by
        its id (the view may call it by a former name), else as they are. Raises
        :class:`~safeguarding_model.errors.NothingStoodError` when the partnership the
        options name (or, naming none, every partnership) did not stand then."""
        if options.on is None:
            return dataset, options
        from ..documents.dated import view_on

        found = view_on(dataset, options.on, options.partnership, today=options.today)
        return found.dataset, attrs.evolve(options, partnership=found.partnership)

    def run(self, dataset: Dataset, options: ExportOptions | None = None) -> Content:
        """Export ``dataset`` (as it stood on ``options.on``, when given): text or bytes.
        Checks the options and what comes back."""
        with progress.stage(f"making the {self.name} export"):
            content = self.render(*self.view(dataset, self.bind(options)))
        if not isinstance(content, str | bytes):
            raise PluginError(
                f"the {self.name} exporter ({self.distribution or 'unknown distribution'}) "
                f"returned {type(content).__name__}, not text or bytes"
            )
        return content

    def run_stream(
        self, dataset: Dataset, options: ExportOptions | None = None
    ) -> Iterator[Content]:
        """Export ``dataset`` a piece at a time (as it stood on ``options.on``, when
        given): the pieces of ``stream``, or, for a format without it, its whole
        output as one piece. The options are checked, and the dataset's view taken,
        before this returns; each piece is made when it is asked for, and checked:
        all text or all bytes."""
        if self.stream is None:
            return iter((self.run(dataset, options),))
        return self._pieces(self.stream(*self.view(dataset, self.bind(options))))

    def _pieces(self, pieces: Iterable[Content]) -> Iterator[Content]:
        kind: type[str] | type[bytes] | None = None
        with progress.stage(f"making the {self.name} export"):
            for piece in pieces:
                if kind is None and isinstance(piece, str | bytes):
                    kind = str if isinstance(piece, str) else bytes
                if kind is None or not isinstance(piece, kind):
                    raise PluginError(
                        f"the {self.name} exporter ({self.distribution or 'unknown distribution'}"
                        f") gave {type(piece).__name__} among its pieces: expected all text "
                        "or all bytes"
                    )
                yield piece

    def run_files(
        self, dataset: Dataset, options: ExportOptions | None = None
    ) -> dict[str, Content]:
        """Export ``dataset`` as a folder's files: name to content, names checked."""
        if self.files is None:
            raise UsageError(f"the {self.name} format is a single file, not a folder")
        with progress.stage(f"making the {self.name} export"):
            files = dict(self.files(*self.view(dataset, self.bind(options))))
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


RegisterExporter: TypeAlias = Callable[[Exporter], None]
"""The ``register`` function that the ``register_exporters`` hook receives."""

Register: TypeAlias = RegisterExporter
"""The name plugins used for :data:`RegisterExporter` before other hooks existed."""

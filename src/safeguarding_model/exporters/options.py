"""The options an export can be given: each exporter declares the ones it takes.

An :class:`Option` declares one option: its name, a line of help, and how a value is
read (``parse``), from the text of the command line (``-O paper=a4``) or from any
value given in Python (``export(dataset, "pdf", paper="a4")``). An exporter lists
its declarations in ``Exporter.options`` (an :class:`Options`), so that a plugin's
option needs no change to the core or to the command line, which exposes every
declared option as ``-O NAME=VALUE``.

Four options are shared by the formats that need them (:data:`SHARED_OPTIONS`):
``partnership``, ``edges``, ``depth`` and ``document``, grouped as
:data:`CHART_OPTIONS` and :data:`DOCUMENT_OPTIONS`. Two more belong to every export,
so no exporter declares them (:data:`EVERY_EXPORT`): ``on``, the date the export is
taken on (the core gives the exporter the dataset as it stood then, and the exporter
says the date where its format has a place), and ``today``, the day against which an
export without a date reads an end as passed. An exporter names a shared option
by its text (``options=("edges",)``) or uses the groups; the command line also has a
flag for each (``--depth``).

:class:`ExportOptions` holds the values an export receives: the shared options as
attributes (``options.depth``), every option by name (``options.get("paper")``,
``options["paper"]``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ..errors import UsageError
from ..hooks import PluginError
from ..model import Dataset, PartialDate

if TYPE_CHECKING:
    from .exporter import Exporter

__all__ = [
    "CHART_OPTIONS",
    "DEPTH",
    "DOCUMENT",
    "DOCUMENT_OPTIONS",
    "EDGES",
    "EVERY_EXPORT",
    "OPTION_NAME_RULE",
    "PARTNERSHIP",
    "PREVIOUS",
    "SHARED_OPTIONS",
    "Choices",
    "ExportOptions",
    "Option",
    "Options",
    "Parser",
    "choice",
    "comma_separated",
    "document_names",
    "text",
    "whole_number",
]

Parser: TypeAlias = Callable[[object], Any]
"""Reads an option's value: ``parse(value) -> the value the exporter receives``.

It receives the text of the command line or any value given in Python, including a
value it returned itself (options are read again whenever they are checked), and
raises :class:`ValueError` with a message such as ``expected one of a4, letter,
found 'a5'`` (the option's name is put in front of it)."""

Choices: TypeAlias = tuple[str, ...] | Callable[[], Iterable[str]]
"""The values an option allows: the values, or a function that gives them when they
are needed (the document names come from the documents' registry this way)."""

_OPTION_NAME = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
OPTION_NAME_RULE = (
    "lower-case letters and digits, in words joined by single underscores, such as 'paper_size'"
)
"""What an option name may be, in words: it is a keyword argument of ``export()``."""

_ARGUMENTS = frozenset({"dataset", "format", "path", "source", "on", "today"})
"""The arguments of ``export()`` and ``export_to()``, and the options of every export
(:data:`EVERY_EXPORT`), which no declared option can be called."""

EVERY_EXPORT = ("on", "today")
"""What every export takes, so that no exporter declares it: ``on`` (the date the
export is taken on) and ``today`` (the day an export without a date reads dates
against). They are attributes of :class:`ExportOptions`."""


# -- ready-made parsers --------------------------------------------------------------


def text(value: object) -> str:
    """Any text, as given."""
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {value!r}")
    return value


def whole_number(value: object) -> int:
    """A whole number, 0 or more: ``3`` or ``"3"``."""
    number = value
    if isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            raise ValueError(f"expected a whole number, found {value!r}") from None
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"expected a whole number, found {value!r}")
    if number < 0:
        raise ValueError(f"expected 0 or more, found {number}")
    return number


def choice(choices: Choices) -> Parser:
    """One of ``choices`` (a tuple of text, or a function giving them), as text."""

    def parse(value: object) -> str:
        allowed = _resolve(choices)
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, found {value!r}")
        return value

    return parse


def comma_separated(noun: str = "value", example: str | None = None) -> Parser:
    """Names separated by commas (``"reports-to, escalates-to"``), or a list, tuple or set
    of them, as a tuple without repeats: in the order given, or sorted for a set.
    Enumeration members count as their values. ``noun`` and ``example`` are for the
    messages: ``expected edge kinds such as 'reports-to'``."""
    such_as = f" such as {example!r}" if example else ", separated by commas"

    def parse(value: object) -> tuple[str, ...]:
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, list | tuple | set | frozenset):
            raise ValueError(f"expected {noun}s{such_as}, found {value!r}")
        names: list[str] = []
        for part in parts:
            name = str(getattr(part, "value", part)).strip()
            if name and name not in names:
                names.append(name)
        if not names:
            raise ValueError(
                f"name at least one {noun}" + (f", such as {example!r}" if example else "")
            )
        return tuple(sorted(names)) if isinstance(parts, set | frozenset) else tuple(names)

    return parse


def _resolve(choices: Choices) -> tuple[str, ...]:
    return tuple(choices() if callable(choices) else choices)


# -- declarations --------------------------------------------------------------------


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _OPTION_NAME.match(value):
        raise PluginError(f"option name: expected {OPTION_NAME_RULE}, found {value!r}")
    if value in _ARGUMENTS:
        raise PluginError(
            f"option name: {value!r} is an argument of export() and export_to(), so no "
            "option can have it; choose another name"
        )


def _check_help(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PluginError(
            f"option help: expected a line of text saying what the option does, found {value!r}"
        )


def _check_function(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise PluginError(f"option {attribute.name}: expected a function, found {value!r}")


def _check_choices(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or callable(value):
        return
    if not isinstance(value, tuple) or not value or not all(isinstance(v, str) for v in value):
        raise PluginError(
            f"option choices: expected a tuple of text (or a function giving them), found {value!r}"
        )


def _choices(value: object) -> object:
    """A list or set of choices, as a tuple (the order given; sorted for a set)."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, set | frozenset):
        return tuple(sorted(value, key=str))
    return value


@attrs.frozen
class Option:
    """An option an exporter takes.

    ``Option("paper", "the paper size", choices=("a4", "letter"), default="a4")``

    ``name``
        the option's name: a keyword argument of ``export()`` and the NAME of
        ``-O NAME=VALUE`` (:data:`OPTION_NAME_RULE`).
    ``help``
        one line saying what it does, for ``safeguarding-model exporters FORMAT``.
    ``parse``
        how a value is read (a :data:`Parser`): :func:`text` by default, or
        :func:`choice` of ``choices`` when they are given; :func:`whole_number` and
        :func:`comma_separated` are ready-made too.
    ``choices``
        the values allowed, or a function that gives them; shown in the help.
    ``default``
        the value the exporter receives when the option is not given (``None`` by
        default), read by ``parse`` when the option is declared.
    ``metavar``
        how the help shows a value (``N``, ``KIND,...``); by default the choices
        (``a4|letter``) or ``VALUE``.
    """

    name: str = attrs.field(validator=_check_name)
    help: str = attrs.field(validator=_check_help)
    parse: Parser | None = attrs.field(
        default=None, kw_only=True, validator=_check_function, repr=False
    )
    choices: Choices | None = attrs.field(
        default=None, kw_only=True, converter=_choices, validator=_check_choices
    )
    default: object = attrs.field(default=None, kw_only=True)
    metavar: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.default is not None:
            try:
                self.reader(self.default)
            except ValueError as error:
                raise PluginError(
                    f"option {self.name}: the default {self.default!r} is not a value the "
                    f"option takes: {error}"
                ) from None

    @property
    def reader(self) -> Parser:
        """The function that reads a value: ``parse``, or the one its choices imply."""
        if self.parse is not None:
            return self.parse
        if self.choices is not None:
            return choice(self.choices)
        return text

    def allowed(self) -> tuple[str, ...] | None:
        """The values allowed, when the declaration lists them."""
        return None if self.choices is None else _resolve(self.choices)

    @property
    def usage(self) -> str:
        """``name=METAVAR``, as ``-O`` takes it: ``paper=a4|letter``, ``depth=N``."""
        allowed = self.allowed()
        shown = self.metavar or ("|".join(allowed) if allowed else "VALUE")
        return f"{self.name}={shown}"

    def read(self, value: object) -> Any:
        """``value`` read by the option's parser; a :class:`UsageError` that names the
        option when it is not a value the option takes."""
        try:
            return self.reader(value)
        except ValueError as error:
            raise UsageError(f"{self.name}: {error}") from None


class Options(Mapping[str, Option]):
    """The options an exporter takes: option declarations by name, in the order given.

    Made from :class:`Option` declarations and the names of shared options
    (``Options(["edges", Option("paper", ...)])``). Like a dict, it gives the names
    when iterated, so ``(*CHART_OPTIONS, PAPER)`` is the chart options and one more.
    ``"depth" in options`` asks by name, and an ``Options`` equals the set of its
    names, as the set of names it replaces did.
    """

    __slots__ = ("_by_name",)

    def __init__(self, declarations: Iterable[Option | str] = ()) -> None:
        if isinstance(declarations, Mapping):
            declarations = list(declarations.values())
        elif isinstance(declarations, Set):  # unordered: the shared order, then by name
            shared = list(_SHARED)
            declarations = sorted(declarations, key=lambda d: _set_order(d, shared))
        by_name: dict[str, Option] = {}
        for declaration in declarations:
            option = _declaration(declaration)
            if option.name in by_name:
                raise PluginError(f"exporter options: {option.name!r} is declared twice")
            by_name[option.name] = option
        self._by_name = by_name

    def __getitem__(self, name: str) -> Option:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Set):
            return set(self._by_name) == set(other)
        if isinstance(other, Mapping):
            return dict(self._by_name) == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._by_name))

    def __repr__(self) -> str:
        return f"Options({list(self._by_name)!r})"


def _set_order(declaration: Option | str, shared: list[str]) -> tuple[int, str]:
    name = declaration if isinstance(declaration, str) else declaration.name
    return (shared.index(name) if name in shared else len(shared), name)


def _declaration(value: object) -> Option:
    """An option declaration from a declaration or a shared option's name."""
    shared = _SHARED
    if isinstance(value, str):
        if value in shared:
            return shared[value]
        raise PluginError(
            f"exporter options: {value!r} is not an option; the shared options, which an "
            f"exporter may name by text, are: {', '.join(shared)}; declare an option of "
            f"the exporter's own with Option({value!r}, 'what it does')"
        )
    if not isinstance(value, Option):
        raise PluginError(
            f"exporter options: expected Option declarations or the names of shared "
            f"options, found {value!r}"
        )
    if value.name in shared and value != shared[value.name]:
        raise PluginError(
            f"exporter options: {value.name!r} is a shared option; name it by text "
            f"({value.name!r}) to take it, or give the exporter's own option another name"
        )
    return value


def document_names() -> tuple[str, ...]:
    """The documents a document format can write, from the documents' registry."""
    from ..documents import BUILDERS

    return tuple(BUILDERS)


PARTNERSHIP = Option(
    "partnership",
    "the partnership (id, name or short name) of a document or chart; for a chart, a "
    "collaboration gives the regional chart",
    parse=text,
    metavar="ID",
)
EDGES = Option(
    "edges",
    "the edge kinds a chart draws, such as reports-to,escalates-to",
    parse=comma_separated("edge kind", "reports-to"),
    metavar="KIND,...",
)
DEPTH = Option(
    "depth",
    "how many steps beyond the partnership and its groups a chart reaches (default 1)",
    parse=whole_number,
    metavar="N",
)
DOCUMENT = Option(
    "document",
    "the document to write, for formats that carry one (default: arrangements)",
    choices=document_names,
    metavar="NAME",
)


def _source(value: object) -> object:
    """An earlier version: a file, a folder or a shipped example's name (text), or a
    ``Dataset`` given from Python."""
    from ..model import Dataset

    return value if isinstance(value, Dataset) else text(value)


PREVIOUS = Option(
    "previous",
    "the earlier arrangements a yearly report says what changed since: a file, a folder "
    "or a shipped example's name",
    parse=_source,
    metavar="SOURCE",
)

_SHARED: dict[str, Option] = {o.name: o for o in (PARTNERSHIP, EDGES, DEPTH, DOCUMENT, PREVIOUS)}

SHARED_OPTIONS = Options([PARTNERSHIP, EDGES, DEPTH, DOCUMENT, PREVIOUS])
"""The options several formats share, each an attribute of :class:`ExportOptions`."""

CHART_OPTIONS = Options([PARTNERSHIP, EDGES, DEPTH])
"""The options every chart format takes (``dot``, ``svg``, ``png``, ``mermaid``)."""

DOCUMENT_OPTIONS = Options([DOCUMENT, PARTNERSHIP, PREVIOUS])
"""The options every document format takes (``markdown``, ``html``, ``docx``)."""


# -- values --------------------------------------------------------------------------


def _read_partnership(value: object) -> str | None:
    return None if value is None else text(PARTNERSHIP.read(value))


def _read_edges(value: object) -> tuple[str, ...] | None:
    return None if value is None else tuple(EDGES.read(value))


def _read_depth(value: object) -> int | None:
    return None if value is None else int(DEPTH.read(value))


def _read_document(value: object) -> str | None:
    return None if value is None else text(DOCUMENT.read(value))


def _read_previous(value: object) -> Dataset | None:
    """The earlier version as a dataset: loaded when given as a source."""
    if value is None:
        return None
    found = PREVIOUS.read(value)
    if isinstance(found, str):
        from ..io import load

        return load(found)
    assert isinstance(found, Dataset)
    return found


def _read_on(value: object) -> PartialDate | None:
    """A date to take the export on: a ``PartialDate``, a ``datetime.date``, text such
    as ``2023-06``, or a year as a number; a :class:`UsageError` that names ``on``."""
    if value is None:
        return None
    from ..documents.dated import as_date

    try:
        return as_date(value)  # type: ignore[arg-type]
    except UsageError as error:
        raise UsageError(f"on: {error}") from None


def _read_today(value: object) -> datetime.date | None:
    if value is None or (isinstance(value, datetime.date) and type(value) is datetime.date):
        return value
    raise UsageError(f"today: expected a datetime.date, found {value!r}")


def _pairs(
    value: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, object], ...]:
    """Option values by name, as pairs sorted by name (so that equal options are equal)."""
    found = dict(value.items() if isinstance(value, Mapping) else value)
    for name in found:
        if not isinstance(name, str):
            raise UsageError(f"export options: an option name is text, found {name!r}")
    return tuple(sorted(found.items(), key=lambda pair: pair[0]))


@attrs.frozen(kw_only=True)
class ExportOptions:
    """The values an export receives. Every exporter says which options it takes.

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
        ``"arrangements"`` (the default) or another of the documents' names, for
        formats that carry a document.
    ``previous``
        an earlier version of the arrangements (a ``Dataset``, or the source to load
        it from) for a yearly report, whose "Changes to the safeguarding arrangements"
        it fills in.
    ``on``
        the date the export is taken on (a ``PartialDate``; given as one, a
        ``datetime.date``, text such as ``"2023-06"`` or a year): the exporter receives
        the dataset as it stood then, and says the date where its format has a place.
        Every exporter takes it; no exporter declares it.
    ``today``
        the day against which an export without ``on`` reads dates (an end that has
        passed is "ended"); by default the day of the export. Every exporter takes it.
    ``extra``
        the values of the exporter's own options, by name: as given, until the
        exporter checks them (``Exporter.bind``), then read, with the declared default
        of each option not given.

    The shared options are read when the options are made (a bad ``depth`` is a
    :class:`UsageError` at once). ``get(name)`` and ``options[name]`` give any option's
    value by name.
    """

    partnership: str | None = attrs.field(default=None, converter=_read_partnership)
    edges: tuple[str, ...] | None = attrs.field(default=None, converter=_read_edges)
    depth: int | None = attrs.field(default=None, converter=_read_depth)
    document: str | None = attrs.field(default=None, converter=_read_document)
    previous: Dataset | None = attrs.field(default=None, converter=_read_previous, repr=False)
    on: PartialDate | None = attrs.field(default=None, converter=_read_on)
    today: datetime.date | None = attrs.field(default=None, converter=_read_today)
    extra: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_pairs)

    @classmethod
    def from_keywords(
        cls, options: Mapping[str, Any], exporter: Exporter | None = None
    ) -> ExportOptions:
        """Options from keyword arguments (``None`` meaning not given).

        With ``exporter``, the options are checked against its declarations (see
        ``Exporter.bind``); without, only the shared options are known, and any other
        name is a :class:`UsageError`.
        """
        given = {name: value for name, value in options.items() if value is not None}
        core = (*SHARED_OPTIONS, *EVERY_EXPORT)
        shared = {name: value for name, value in given.items() if name in core}
        extra = {name: value for name, value in given.items() if name not in core}
        if exporter is None:
            if extra:
                unknown = sorted(extra)[0]
                raise UsageError(
                    f"unknown export option {unknown!r}; the options every format may take "
                    f"are: {', '.join(SHARED_OPTIONS)} (an exporter's own options are "
                    "known only with the exporter: export(dataset, format, ...))"
                )
            return cls(**shared)
        return exporter.bind(cls(**shared, extra=extra))

    def given(self) -> list[str]:
        """The names of the options that have a value (given, or a declared default)."""
        shared = [name for name in SHARED_OPTIONS if getattr(self, name) is not None]
        return shared + [name for name, value in self.extra if value is not None]

    def get(self, name: str, default: Any = None) -> Any:
        """The value of the option ``name``, or ``default`` when it has none."""
        try:
            value = self[name]
        except KeyError:
            return default
        return default if value is None else value

    def __getitem__(self, name: str) -> Any:
        """The value of the option ``name`` (``None`` when not given); a ``KeyError``
        for a name that is neither shared nor one of the exporter's options."""
        if name in SHARED_OPTIONS or name in EVERY_EXPORT:
            return getattr(self, name)
        for key, value in self.extra:
            if key == name:
                return value
        raise KeyError(name)

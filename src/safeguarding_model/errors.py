"""The package's exceptions and its one diagnostic record.

Every exception the package raises on purpose is defined here, under one base class
(:class:`SafeguardingModelError`), each also a subclass of the matching built-in
(``ValueError``, ``KeyError``, ``RuntimeError``) so that ordinary ``except`` clauses
keep working. Every problem the package reports (a file that cannot be loaded, a
structural finding of the governance graph, a plugin that cannot be used, and the
statutory checks to come) is a :class:`Diagnostic`, rendered as text and as JSON
here, in one place.

This module is pure (no I/O) so that every layer, the model included, can use it.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "AmbiguousNameError",
    "ConsistencyError",
    "Diagnostic",
    "DuplicateExporterError",
    "DuplicateNameError",
    "ExportError",
    "FieldError",
    "GraphvizNotFoundError",
    "ListTooLong",
    "LoadError",
    "MissingDependencyError",
    "NotFoundError",
    "NothingStoodError",
    "PluginError",
    "PluginProblem",
    "Problem",
    "SafeguardingModelError",
    "Severity",
    "SourceOverwriteError",
    "StructureError",
    "UnknownExporterError",
    "UsageError",
    "WriteError",
    "closest",
    "describe",
    "plain",
    "visible",
    "with_article",
]


class SafeguardingModelError(Exception):
    """The base of every error this package raises on purpose."""


class UsageError(SafeguardingModelError, ValueError):
    """A request that cannot be met as asked: an unknown example, format or body."""


class NotFoundError(UsageError, KeyError):
    """Nothing of the kind asked for has the id or name given. Also a ``KeyError``, so
    ``except KeyError`` around a lookup keeps working.

    ``key`` is what was asked for; ``suggestion`` the nearest name or id, if one is near.
    """

    def __init__(self, message: str, *, key: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.suggestion = suggestion

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class NothingStoodError(SafeguardingModelError, LookupError):
    """Nothing stood on the date an output was asked for: the partnership had not
    started, its arrangements had not taken effect, or it had ended. The message says
    which, with the dates (one line for each partnership of the source); ``on`` is
    the date asked for, as written. Not a mistake in the request but its answer: the
    command line exits 1."""

    def __init__(self, message: str, on: str) -> None:
        super().__init__(message)
        self.on = on


class AmbiguousNameError(UsageError, KeyError):
    """A name that several things share: ``candidates`` lists each one's id and name,
    so that the caller can ask for one by its id."""

    def __init__(self, key: str, candidates: Iterable[tuple[str, str]]) -> None:
        self.key = key
        self.candidates = tuple(candidates)
        options = "; ".join(f"`{ident}` ({name})" for ident, name in self.candidates)
        self.message = f"{key!r} could mean several things: {options}; name one by its id"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class Severity(enum.StrEnum):
    """How much a diagnostic matters. A severity is equal to its value as text
    (``Severity.ERROR == "error"``), so it compares and serialises as a word."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One thing wrong with, or worth saying about, an input or a model.

    ``message`` says what, in the user's words. ``code`` names the kind of problem for
    scripts (``unknown-field``, ``dangling-reference``, ``chair-not-member``...);
    ``severity`` is an error, a warning or information. Where it is: ``file``,
    ``line`` and ``column`` (1-based) when it comes from a file, and ``path``, the
    field it concerns in the model (``partnerships[0].groups[3].chair``). What was
    ``expected`` and ``found``, and the nearest valid ``suggestion``, where known.
    ``source`` says what found it, where that is a rule (its id and guidance
    edition, for the statutory checks).

    ``str()`` gives the text form (``file:line:column: path: message (did you mean
    ...?)`` for a place in a file, ``severity: code: message`` otherwise) and
    :meth:`to_dict` the JSON form; both are the only renderings, shared by every
    command.
    """

    message: str
    code: str | None = None
    severity: Severity = attrs.field(default=Severity.ERROR, converter=Severity)
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    expected: str | None = None
    found: str | None = None
    suggestion: str | None = None
    source: str | None = None

    @property
    def where(self) -> str:
        """``file:line:column``, as much of it as is known (control characters in the
        file's name, a newline say, shown as escapes so a name cannot forge a line)."""
        parts = [visible(self.file) if self.file else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        if self.file is None and self.line is None and self.code is not None:
            text = f"{self.severity}: {self.code}: "  # about the model, not a place in a file
        else:
            text = f"{self.where}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.suggestion:
            text += f" (did you mean `{self.suggestion}`?)"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: every field (tuples as lists, records as mappings)."""
        data: dict[str, Any] = plain(self)
        return data


UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
"""The characters a terminal can act on, as a regular expression's character class:
controls (C0 and C1), line and paragraph separators and bidirectional overrides."""

_UNSAFE = {keep: re.compile(f"[{UNSAFE}]") for keep in ("",)}


def visible(text: str, keep: str = "") -> str:
    """``text`` with every character a terminal could act on (:data:`UNSAFE`) shown as
    an escape (``\\x1b``, ``\\u202e``), but those in ``keep`` (``"\\n\\t"`` for text
    printed in lines). Messages, file names and ``show`` all print through it."""
    pattern = _UNSAFE.get(keep)
    if pattern is None:
        allowed = "".join(f"\\x{ord(ch):02x}" for ch in keep)
        pattern = _UNSAFE[keep] = re.compile(f"(?![{allowed}])[{UNSAFE}]")
    return pattern.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def plain(value: Any) -> Any:
    """JSON-ready data for a record: attrs classes as mappings (but fields whose
    metadata says ``plain: False``), tuples as lists, allowed values as their words."""
    if attrs.has(type(value)):
        return {
            f.name: plain(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if f.metadata.get("plain", True)
        }
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def with_article(words: str) -> str:
    """``words`` after "a" or "an", chosen by the first letter of the first word:
    ``an organisation``, ``an executive group``, ``a group, post or person``.

    By the letter, not the sound, so for the words the package writes (its own kinds
    and field names), not for any text.
    """
    first = next((ch for ch in words if ch.isalpha()), "")
    return f"{'an' if first.lower() in ('a', 'e', 'i', 'o', 'u') else 'a'} {words}"


Problem = Diagnostic
"""A problem with an input: the name :class:`LoadError` and older code use for a
:class:`Diagnostic`."""


def describe(value: object) -> str:
    """A short, person-readable account of a value found in a file: ``the text 'x'``,
    ``the number 3``, ``a list of 2``."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text {shown!r}"
    if isinstance(value, Mapping):
        keys = ", ".join(list(map(str, value))[:5])
        return f"a mapping (with {keys})" if keys else "an empty mapping"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)}"
    return type(value).__name__


class FieldError(SafeguardingModelError, ValueError):
    """A value that one field of a model class cannot take.

    Carries the field's name, what was expected and what was found (and, where one
    can be made, a suggestion), so that the loader can say where in a file it is.
    """

    def __init__(
        self, field: str, expected: str, found: object, suggestion: str | None = None
    ) -> None:
        self.field = field
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
        super().__init__(f"{field}: expected {expected}, found {found!r}")


class ListTooLong(SafeguardingModelError, ValueError):
    """A list with so many problems that its ``rest`` entries were not checked (raised
    and caught while a file is read; the loader reports it as ``too-many-problems``)."""

    def __init__(self, rest: int) -> None:
        super().__init__(f"{rest} more entries not checked")
        self.rest = rest


class ConsistencyError(FieldError):
    """Fields of one object that do not fit together, such as a chair that names
    nobody or an end before the start (not a statutory rule: those are the rules
    layer's, and produce diagnostics).

    It is reported at the object (or at ``field`` when given), with its own message.
    """

    def __init__(self, message: str, field: str = "") -> None:
        self.message = message
        ValueError.__init__(self, message)
        self.field = field
        self.expected = message
        self.found = None
        self.suggestion = None


class StructureError(SafeguardingModelError, ValueError):
    """A value of the wrong shape or type in a file, found while reading it into the
    model: what was ``expected``, what was ``found``, a ``hint`` and a ``suggestion``.
    ``code`` is ``wrong-type`` (text where a list belongs) or ``wrong-value`` (a value
    of the right type that the field cannot take: not an allowed value, not a date)."""

    def __init__(
        self,
        expected: str,
        found: object,
        *,
        hint: str | None = None,
        suggestion: str | None = None,
        code: str = "wrong-type",
    ) -> None:
        self.expected = expected
        self.found = found
        self.hint = hint
        self.suggestion = suggestion
        self.code = code
        super().__init__(f"expected {expected}, found {describe(found)}")


class LoadError(SafeguardingModelError, ValueError):
    """A file or folder that cannot be loaded. ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = _in_file_order(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to a misspelt word, if one is near enough: the
    "did you mean" of every message."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


# --- plugins ----------------------------------------------------------------------------


class PluginError(SafeguardingModelError, RuntimeError):
    """A plugin that could not be loaded or that broke the plugin contract."""


@attrs.frozen(kw_only=True)
class PluginProblem(Diagnostic):
    """An installed plugin that could not be loaded or used, as a :class:`Diagnostic`
    (code ``plugin-problem``) naming the ``plugin`` and its ``distribution``:
    ``error: plugin-problem: plugin 'x' from dist: message``."""

    plugin: str
    distribution: str | None = None
    code: str | None = "plugin-problem"
    path: str = attrs.field(
        default=attrs.Factory(
            lambda self: (
                f"plugin {self.plugin!r}"
                + (f" from {self.distribution}" if self.distribution else "")
            ),
            takes_self=True,
        )
    )


class DuplicateNameError(SafeguardingModelError, ValueError):
    """Two plugins registered items of one kind under one name.

    The first registration stands (the built-ins are registered first, so a plugin
    cannot replace one); the second is refused with this error, which names both.
    """

    def __init__(self, noun: str, name: str, registered_by: str, refused: str) -> None:
        self.noun = noun
        self.name = name
        self.registered_by = registered_by
        self.refused = refused
        super().__init__(
            f"the {noun} name {name!r} is already registered by {registered_by}; "
            f"{refused} cannot register another {noun} of that name"
        )


# --- exporting and writing --------------------------------------------------------------


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
        message = f"no exporter is called {name!r}{hint}; the formats are: {', '.join(known)}" + (
            ""
            if suggestion
            else "; other formats come from plugins, installed apart "
            "(Word and RDF are in this project's plugins/ folder): see docs/exporters.md"
        )
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


class MissingDependencyError(SafeguardingModelError, ImportError):
    """An optional package a feature needs is not installed: the message names the
    package and the extra of ``safeguarding-model`` that installs it
    (``pip install 'safeguarding-model[notebook]'``). Also an ``ImportError``."""

    def __init__(self, package: str, extra: str, needed_for: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{needed_for} needs {package}, which is not installed: install it with "
            f"`pip install 'safeguarding-model[{extra}]'` (or `pip install {package}`)"
        )


class WriteError(UsageError):
    """A file or folder that could not be written: ``PATH: cannot be written (reason)``.

    Whatever was at the path before is left as it was.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot be written ({reason})")


class SourceOverwriteError(UsageError):
    """Writing would replace the source the data was read from, losing its comments
    and layout. ``path`` is the path asked for, ``source`` the source as given, and
    ``what`` says what the path is (``the file being read``)."""

    def __init__(self, path: object, source: object, what: str = "the file being read") -> None:
        self.path = str(path)
        self.source = str(source)
        super().__init__(
            f"{self.path} is {what}: writing over it would lose the file's comments and "
            "layout; write to another file"
        )


def _in_file_order(problems: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Problems in the order a reader meets them: the files in the order they were
    read, and in each file by line and column (problems found by later checks, such as
    references, come among the earlier ones, where they are). Problems without a line
    keep their place at the top of their file."""
    listed = list(problems)
    files: dict[str | None, int] = {}
    for problem in listed:
        files.setdefault(problem.file, len(files))
    return tuple(
        sorted(
            listed,
            key=lambda p: (
                files[p.file],
                p.code == "too-many-problems",  # "and N more" ends its file's list
                p.line or 0,
                p.column or 0,
            ),
        )
    )

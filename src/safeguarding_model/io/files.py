"""Loading and saving datasets: files, folders and the shipped examples.

``load`` accepts a path to a YAML or JSON file, a folder of them, or the name of a
shipped example. Every problem in a file is reported together, each with its file,
line, column and field path.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

import attrs
import yaml
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from .. import progress
from ..errors import (
    ConsistencyError,
    FieldError,
    ListTooLong,
    LoadError,
    Problem,
    StructureError,
    UsageError,
    describe,
)
from ..model import SCHEMA, Dataset, Partnership
from ..model.values import closest
from .converter import MAX_LIST_PROBLEMS, converter
from .reading import DEFAULT_LIMITS, Limits, Path, locate, path_text, positions_of, read_text
from .references import check_references, duplicate_message
from .text import Collector, short_repr, shown
from .versions import KNOWN, Migration, migrate_text, moved_path, upgrade

__all__ = [
    "Example",
    "dump",
    "dump_pieces",
    "dumps",
    "example_names",
    "examples",
    "json_pieces",
    "load",
    "loads",
    "to_data",
]

FORMATS = ("yaml", "json")
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


@attrs.frozen(kw_only=True)
class Example:
    """A dataset shipped with the package."""

    name: str
    title: str
    source: str


def _examples() -> Any:
    """The folder of the shipped examples (a resource of the package)."""
    return resources.files("safeguarding_model") / "data" / "examples"


def _example_files() -> dict[str, Any]:
    """The shipped examples by name: a YAML file, or a folder of them (a region)."""
    folder = _examples()
    return {
        entry.name.rsplit(".", 1)[0] if entry.is_file() else entry.name: entry
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
        or (entry.is_dir() and not entry.name.startswith((".", "_")))
    }


def _example_texts(name: str, entry: Any, limits: Limits) -> list[_Text]:
    """The texts of a shipped example: its file, or each YAML file of its folder in
    name order (shipped files are trusted, but still read within ``limits``)."""
    if entry.is_file():
        text = _Text(f"{name} (shipped example)", entry.read_text(encoding="utf-8"), "yaml", limits)
        text.where = _examples()
        text.path = entry if isinstance(entry, FsPath) else None
        return [text]
    files = [
        child
        for child in sorted(entry.iterdir(), key=lambda e: e.name)
        if child.is_file() and child.name.endswith(".yaml")
    ]
    texts = [
        _Text(
            f"{name}/{child.name} (shipped example)",
            child.read_text(encoding="utf-8"),
            "yaml",
            limits,
        )
        for child in files
    ]
    for text, child in zip(texts, files, strict=True):
        text.where = entry
        text.path = child if isinstance(child, FsPath) else None
    return texts


def example_names() -> list[str]:
    """The names of the shipped examples, such as ``isle-of-wight-2024``."""
    return list(_example_files())


def examples() -> list[Example]:
    """The shipped examples with the partnership each describes and its source document."""
    found = []
    for name in example_names():
        dataset = load(name)
        if len(dataset.partnerships) > 1:  # a region: its partnerships and their sources
            region = dataset.collaborations[0].label if dataset.collaborations else "a region"
            labels = ", ".join(p.label for p in dataset.partnerships)
            title = f"{region}: {len(dataset.partnerships)} partnerships ({labels})"
            sources = "; ".join(dict.fromkeys(_described(p) for p in dataset.partnerships))
            found.append(Example(name=name, title=title, source=sources))
            continue
        partnership = dataset.partnerships[0]
        found.append(Example(name=name, title=partnership.name, source=_described(partnership)))
    return found


def _described(partnership: Partnership) -> str:
    """A partnership's source document, with its date: ``Local Safeguarding Arrangements
    (2024-09)``."""
    source = partnership.source
    when = (source.published if source else None) or partnership.effective
    title = source.title if source else "source not stated"
    return f"{title} ({when})" if when else title


@attrs.define
class _Text:
    """One file's text, with its positions worked out only when a problem needs them."""

    name: str
    text: str
    format: str
    limits: Limits
    _positions: dict[Path, tuple[int, int]] | None = None
    size: int = 0
    """The bytes the file held, when read from one."""
    moved: dict[Path, Path] = attrs.field(factory=dict)
    """Paths an earlier format version wrote elsewhere (see :mod:`.versions`)."""
    where: Any = None
    """The folder the file is in (a path, or a shipped example's folder), against which
    its ``include`` entries are read; None for text given as text."""
    path: FsPath | None = None
    """The file's path, where it was read from one."""
    includes: list[str] = attrs.field(factory=list)
    """The files the file's ``include`` names, as written."""

    def problem(self, code: str, path: Path, message: str, **fields: Any) -> Problem:
        if self.moved:
            path = moved_path(path, self.moved)
        if self._positions is None:
            self._positions = positions_of(
                self.text, name=self.name, format=self.format, limits=self.limits
            )
        line, column = locate(self._positions, path)
        return Problem(
            code=code,
            message=message,
            file=self.name,
            line=line,
            column=column,
            path=path_text(path),
            **fields,
        )


def loads(
    text: str, *, format: str = "yaml", name: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> Dataset:
    """A dataset from YAML or JSON text. Raises :class:`LoadError` with every problem."""
    if not isinstance(text, str):
        hint = (
            "; decode it first (text.decode('utf-8')), or give load() the file"
            if (isinstance(text, bytes | bytearray))
            else ""
        )
        raise UsageError(f"loads() takes text (str), found {type(text).__name__}{hint}")
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    return _load_texts([_Text(name, text, format, limits)], "this file")


def load(source: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Dataset:
    """A dataset from a file, a folder of files, or the name of a shipped example."""
    if not isinstance(source, str | os.PathLike):
        raise UsageError(
            f"load() takes a path or the name of a shipped example, found {type(source).__name__}"
        )
    if not os.fspath(source).strip():
        raise UsageError(
            "no source given: name a YAML or JSON file, a folder of them, or a shipped "
            f"example ({', '.join(_example_files())})"
        )
    path = FsPath(source)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as error:  # a name too long, a link loop, a folder not searchable...
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
    except ValueError:  # a NUL in the path
        raise UsageError(f"{path!r}: not a path (it holds a NUL character)") from None
    if info is None:
        files = _example_files()
        if isinstance(source, str) and source in files:
            entry = files[source]
            where = "this file" if entry.is_file() else "this folder"
            return _load_texts(_example_texts(source, entry, limits), where)
        hint = closest(str(source), list(files))
        raise UsageError(
            f"{source}: no such file or folder, and no shipped example of that name"
            + (f" (did you mean `{hint}`?)" if hint else "")
            + f"; the examples are: {', '.join(files)}"
        )
    folder = stat.S_ISDIR(info.st_mode)
    paths = _data_files(path, limits) if folder else [path]
    if not paths:
        raise UsageError(f"{path}: the folder holds no .yaml, .yml or .json files")
    texts = _read_all(path, paths, limits) if folder else [_read(path, limits)]
    for text in texts:
        text.where = FsPath(text.name).resolve().parent
    return _load_texts(texts, "this folder" if folder else "this file")


def _take_includes(source: _Text, data: Any) -> list[Problem]:
    """Take the ``include`` list out of a file's data (it names other files to load with
    this one, not a part of the dataset) into ``source.includes``; its problems."""
    if not isinstance(data, dict) or "include" not in data:
        return []
    entries = data.pop("include")
    if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
        return [
            source.problem(
                "wrong-type",
                ("include",),
                "expected a list of file names (relative to this file), such as "
                "`include: [shared.yaml, ../isle-of-wight-2024.yaml]`",
                expected="a list of file names",
            )
        ]
    if source.where is None:
        return [
            source.problem(
                "include-without-folder",
                ("include",),
                "`include` names files relative to this file's folder, and this text has "
                "no folder: load the file by its path",
            )
        ]
    source.includes = list(entries)
    return []


def _included(source: _Text, index: int, entry: str, limits: Limits) -> _Text:
    """The file ``entry`` (the ``index``-th of ``source``'s ``include``), read like any
    file; a shipped example's folder resolves against the examples."""
    base = source.where
    if isinstance(base, FsPath):
        path = (base / entry).resolve()
        if not path.is_file():
            raise LoadError(
                [
                    source.problem(
                        "include-not-found",
                        ("include", index),
                        f"`include` names {shown(entry)}, and there is no such file next to "
                        f"this one ({path}); give a path relative to this file's folder",
                        found=shown(entry),
                    )
                ]
            )
        text = _read(path, limits)
        text.where = path.parent
        return text
    examples = _examples()
    parts = [p for p in entry.split("/") if p not in ("", ".")]
    target = base
    for part in parts:
        target = examples if part == ".." else target / part
    if not target.is_file():
        raise LoadError(
            [source.problem("include-not-found", ("include", index), f"no file {entry}")]
        )
    name = f"{entry.rsplit('/', 1)[-1].rsplit('.', 1)[0]} (shipped example)"
    text = _Text(name, target.read_text(encoding="utf-8"), "yaml", limits)
    text.where = examples
    return text


def _load_texts(texts: list[_Text], where: str) -> Dataset:
    """One dataset from the texts of a file or a folder's files, and of the files they
    ``include`` (each file once, however often it is named), every problem of every file
    reported together."""
    parts: list[tuple[_Text, Dataset]] = []
    problems: Collector[Problem] = Collector()  # for the whole folder
    queue = list(texts)
    seen = {_identity(text) for text in texts}
    with progress.count("reading the data", total=len(texts), unit="files") as tally:
        while queue:
            text = queue.pop(0)
            try:
                parts.append((text, _structure(text)))
            except LoadError as error:
                problems.extend(error.problems)
                continue
            finally:
                tally.advance()
            for index, entry in enumerate(text.includes):
                try:
                    found = _included(text, index, entry, text.limits)
                except LoadError as error:
                    problems.extend(error.problems)
                    continue
                if _identity(found) not in seen:
                    seen.add(_identity(found))
                    queue.append(found)
                    tally.expect()
    if problems:
        raise LoadError(problems.listed())
    merged, origins = _merge(parts)
    _check(origins, merged, where)
    return merged


def _identity(text: _Text) -> str:
    """What makes two texts the same file: its full path, else its name."""
    return str(text.path.resolve()) if text.path is not None else text.name


def _data_files(folder: FsPath, limits: Limits = DEFAULT_LIMITS) -> list[FsPath]:
    """The data files of a folder: hidden files and folders (``.github``, ``.vscode``)
    and JSON Schema files (``*.schema.json``) are not data and are passed over. Links
    to folders are not followed; a folder that cannot be read is an error, not an
    empty folder, and one of more than ``limits.max_files`` data files is refused
    before any is read."""

    def refuse(error: OSError) -> None:
        raise UsageError(f"{error.filename}: cannot be read ({error.strerror})")

    found = []
    for top, folders, names in os.walk(folder, onerror=refuse):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            if name.startswith(".") or name.lower().endswith(".schema.json"):
                continue
            path = FsPath(top) / name
            if path.suffix.lower() in _SUFFIXES and not path.is_dir():
                found.append(path)
                if len(found) > limits.max_files:
                    raise LoadError(
                        [
                            Problem(
                                code="too-many-files",
                                message=f"the folder holds more than {limits.max_files} "
                                "YAML and JSON files; load a smaller folder (one per region, "
                                "say)",
                                file=str(folder),
                            )
                        ]
                    )
    return sorted(found)


def _read_all(folder: FsPath, paths: list[FsPath], limits: Limits) -> list[_Text]:
    """The text of each file of a folder, refused before any is read when the sizes the
    file system gives come to more than ``limits.max_total_bytes``, and as soon as the
    bytes read do (a file may hold more than the file system says)."""
    if sum(_file_size(path) for path in paths) > limits.max_total_bytes:
        raise _folder_too_large(folder, limits)
    texts = []
    left = limits.max_total_bytes
    for path in progress.steps(paths, "reading files", unit="files"):
        text = _read(path, limits, folder=(folder, left))
        left -= text.size
        texts.append(text)
    return texts


def _file_size(path: FsPath) -> int:
    """The size the file system gives for a file (which reading does not trust)."""
    try:
        return os.stat(path).st_size
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None


def _folder_too_large(folder: FsPath, limits: Limits) -> LoadError:
    return LoadError(
        [
            Problem(
                code="too-large",
                message=f"the files of the folder {folder} hold more than "
                f"{limits.max_total_bytes} bytes together; load a smaller folder (one per "
                "region, say)",
                file=str(folder),
            )
        ]
    )


def _read(path: FsPath, limits: Limits, folder: tuple[FsPath, int] | None = None) -> _Text:
    """One file's text, read without waiting on a pipe and never beyond the size limit,
    whatever the file system says of the file's size. With ``folder``, the folder it
    is read for and the bytes left of that folder's limit, which it may not pass."""
    most = limits.max_bytes if folder is None else max(0, min(limits.max_bytes, folder[1]))
    try:
        kind = _not_a_file(os.stat(path).st_mode)
        if kind is None:
            # O_NONBLOCK: a named pipe put in the file's place opens at once, and is refused.
            descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
            with os.fdopen(descriptor, "rb") as file:
                kind = _not_a_file(os.fstat(descriptor).st_mode)
                raw = b"" if kind else file.read(most + 1)
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
    if kind is not None:
        raise UsageError(f"{path} is {kind}, not a file: give a YAML or JSON file, or a folder")
    if folder is not None and len(raw) > folder[1]:
        raise _folder_too_large(folder[0], limits)
    return _Text(
        str(path),
        _decoded(raw, str(path), limits),
        _SUFFIXES.get(path.suffix.lower(), "yaml"),
        limits,
        size=len(raw),
        path=path,
    )


def load_bytes(
    raw: bytes, *, name: str = "<stdin>", format: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Dataset:
    """A dataset from the bytes of one file read from elsewhere (standard input: the
    command line's ``-``), checked as a file's are (size, UTF-8). ``format`` is
    ``yaml`` or ``json``; by default JSON where the text starts with ``{``, else YAML.
    Problems name the file ``name``; ``include`` entries are refused, as there is no
    folder to read them from."""
    if not isinstance(raw, bytes | bytearray):
        raise UsageError(f"load_bytes() takes bytes, found {type(raw).__name__}")
    text = _decoded(bytes(raw), name, limits)
    if format is None:
        format = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    source = _Text(name, text, format, limits, size=len(raw))
    return _load_texts([source], "this file")


def _decoded(raw: bytes, name: str, limits: Limits) -> str:
    """A file's bytes as text: refused when larger than the limit, UTF-16 or not UTF-8,
    with a located problem that says how to save it again."""
    path = name
    if len(raw) > limits.max_bytes:
        raise LoadError(
            [
                Problem(
                    code="too-large",
                    message=f"the file is larger than {limits.max_bytes} bytes; split it into "
                    "one file per partnership in a folder",
                    file=str(path),
                )
            ]
        )
    utf16 = (
        raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:4096].count(b"\0") > len(raw[:4096]) // 4
    )
    if utf16:
        raise LoadError(
            [
                Problem(
                    code="not-utf-8",
                    message="the file looks like UTF-16 text (one byte of every two is zero), "
                    "not UTF-8: save it again as UTF-8 (in most editors: Save As, encoding "
                    "UTF-8)",
                    file=str(path),
                    line=1,
                    column=1,
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        raise LoadError(
            [
                Problem(
                    code="not-utf-8",
                    message="the file is not UTF-8 text (a byte here cannot be read as UTF-8); "
                    "save it again as UTF-8 (in most editors: Save As, encoding UTF-8)",
                    file=str(path),
                    line=before.count(b"\n") + 1,
                    column=len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1,
                )
            ]
        ) from None
    return text


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _not_a_file(mode: int) -> str | None:
    """What a path that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "something other than a file"


def _structure(source: _Text) -> Dataset:
    data = read_text(source.text, format=source.format, name=source.name, limits=source.limits)
    if data is None:
        raise LoadError(
            [
                Problem(
                    code="empty-file",
                    message="the file is empty; start it with `schema: safeguarding-model/2`",
                    file=source.name,
                )
            ]
        )
    if isinstance(data, dict) and data.get("schema") not in (None, *KNOWN):
        known = " or ".join(f"`{version}`" for version in reversed(KNOWN))
        raise LoadError(
            [
                source.problem(
                    "unknown-version",
                    ("schema",),
                    f"expected {known}, found {shown(describe(data['schema']))}: this "
                    "package reads those format versions",
                    expected=SCHEMA,
                    found=short_repr(data["schema"]),
                    suggestion=SCHEMA,
                )
            ]
        )
    include_problems = _take_includes(source, data)
    if isinstance(data, dict) and "schema" in data:
        upgraded = upgrade(data)
        data, source.moved = upgraded.data, upgraded.moved
        missing = [
            source.problem(
                "missing-field",
                path,
                "the required field `guidance` is missing (format version 1 requires it; "
                "version 2 lists `regimes` instead)",
                expected="guidance",
            )
            for path in upgraded.missing_guidance
        ]
    else:
        missing = []
    if isinstance(data, dict) and "schema" not in data:
        raise LoadError(
            [
                source.problem(
                    "no-schema",
                    (),
                    "the file does not say its format: add `schema: safeguarding-model/2` "
                    "as its first line",
                    expected="schema",
                )
            ]
        )
    problems: Collector[Problem] = Collector()  # for the file, whatever each list's cap
    problems.extend(include_problems)
    problems.extend(missing)
    try:
        dataset = converter.structure(data, Dataset)
    except Exception as error:  # cattrs groups every problem of the file in one exception
        problems.extend(_problems(source, error, ()))
    if problems:
        raise LoadError(problems.listed()) from None
    return dataset


def _problems(source: _Text, error: BaseException, path: Path) -> Iterator[Problem]:
    if isinstance(error, BaseExceptionGroup):
        for sub in error.exceptions:
            step: Path = ()
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    step = (note.name,)
                elif isinstance(note, IterableValidationNote):
                    step = (note.index,)
            yield from _problems(source, sub, (*path, *step))
        return
    if isinstance(error, ForbiddenExtraKeysError):
        fields = [f.name for f in attrs.fields(error.cl)]
        for key in sorted(error.extra_fields):
            suggestion = closest(key, fields)
            hint = "" if suggestion else f"; the fields are: {', '.join(fields)}"
            if key == "guidance" and "regimes" in fields:  # format version 1's field
                suggestion = "regimes"
                hint = (
                    "; format version 2 lists the statutory `regimes` instead: write "
                    "`regimes: [working-together-2023]` (`safeguarding-model migrate` "
                    "rewrites a version 1 file)"
                )
            yield source.problem(
                "unknown-field",
                (*path, key),
                f"unknown field `{shown(key)}`{hint}",
                found=shown(key),
                suggestion=suggestion,
            )
    elif isinstance(error, ListTooLong):
        yield source.problem(
            "too-many-problems",
            path,
            f"this list has {MAX_LIST_PROBLEMS} problems already, so its {error.rest} "
            "entries after this one were not checked: fix these and check again",
        )
    elif isinstance(error, StructureError):
        message = f"expected {error.expected}, found {shown(describe(error.found))}"
        if error.hint:
            message += f"; {error.hint}"
        yield source.problem(
            error.code,
            path,
            message,
            expected=error.expected,
            found=short_repr(error.found),
            suggestion=error.suggestion,
        )
    elif isinstance(error, ConsistencyError):
        where = (*path, error.field) if error.field else path
        yield source.problem("inconsistent", where, error.message)
    elif isinstance(error, FieldError):
        yield source.problem(
            "wrong-value",
            (*path, error.field),
            f"expected {error.expected}, found {shown(describe(error.found))}",
            expected=error.expected,
            found=short_repr(error.found),
            suggestion=error.suggestion,
        )
    elif isinstance(error, KeyError):
        field = path[-1] if path else error.args[0]
        message = f"the required field `{field}` is missing"
        yield source.problem("missing-field", path, message, expected=str(field))
    else:
        yield source.problem("not-readable", path, shown(str(error)))


_Origins = dict[str, list[tuple[_Text, int]]]
"""For each collection, where each entry of the merged dataset was written: its file
and its index in that file's list."""


def _origins(parts: list[tuple[_Text, Dataset]]) -> _Origins:
    origins: _Origins = {}
    for text, dataset in parts:
        for found in Dataset.collections():
            entries = origins.setdefault(found.field, [])
            entries.extend((text, index) for index in range(len(getattr(dataset, found.field))))
    return origins


def _merge(parts: list[tuple[_Text, Dataset]]) -> tuple[Dataset, _Origins]:
    """The files of a folder as one dataset, and where each entry came from. An
    organisation, person, post or document that another file already declares
    identically is the same one, kept once; a repeat that differs is kept, so that the
    reference check reports it with both places."""
    if len(parts) == 1:
        return parts[0][1], _origins(parts)
    origins: _Origins = {}
    entries: dict[str, list[Any]] = {}
    first: dict[tuple[str, str], tuple[_Text, Any]] = {}
    for text, dataset in parts:
        for found in Dataset.collections():
            kept = entries.setdefault(found.field, [])
            where = origins.setdefault(found.field, [])
            for index, entity in enumerate(getattr(dataset, found.field)):
                key = (found.field, entity.id)
                earlier = first.get(key)
                if (
                    found.shared
                    and earlier is not None
                    and earlier[0] is not text
                    and earlier[1] == entity
                ):
                    continue  # the same entry, declared again by another file
                first.setdefault(key, (text, entity))
                kept.append(entity)
                where.append((text, index))
    collections: dict[str, Any] = {field: tuple(found) for field, found in entries.items()}
    merged = Dataset(**collections)
    return merged, origins


def _differences(merged: Dataset, one: Path, other: Path) -> list[str]:
    """The fields in which the entries at two paths of ``merged`` differ, when they are
    entries of the same kind (a shared organisation declared differently twice)."""
    a: Any = merged
    b: Any = merged
    for step in one:
        a = a[step] if isinstance(step, int) else getattr(a, step)
    for step in other:
        b = b[step] if isinstance(step, int) else getattr(b, step)
    if type(a) is not type(b) or not attrs.has(type(a)):
        return []
    return [f.name for f in attrs.fields(type(a)) if getattr(a, f.name) != getattr(b, f.name)]


def _check(origins: _Origins, merged: Dataset, where: str) -> None:
    """Check references over the whole (merged) dataset; map each path back to its file."""
    dangling = check_references(merged, where)
    if not dangling:
        return
    problems = []
    for item in dangling:  # at most MAX_PROBLEMS and one that counts the rest
        key, index, *rest = item.at
        text, local = origins[str(key)][int(index)]
        message = item.message
        if item.related is not None and item.related_kind is not None and item.found:
            other_key, other_index, *other_rest = item.related
            other, other_local = origins[str(other_key)][int(other_index)]
            first_path = (other_key, other_local, *other_rest)
            first = other.problem("duplicate-id", first_path, "")
            message = duplicate_message(
                item.found, item.related_kind, f"{first.where}, {path_text(first_path)}"
            )
            differ = _differences(merged, tuple(item.at[:2]), tuple(item.related[:2]))
            shared = {c.field for c in Dataset.collections() if c.shared}
            if other is not text and str(key) in shared and differ:
                message += (
                    f"; the two differ in {', '.join(f'`{name}`' for name in differ)}: files "
                    "of a folder may repeat a shared entry only identically, so make them "
                    "the same or declare it in one file"
                )
        problems.append(
            text.problem(
                item.code or "dangling-reference",
                (key, local, *rest),
                message,
                expected=item.expected,
                found=item.found,
                suggestion=item.suggestion,
            )
        )
    raise LoadError(problems)


def to_data(value: object) -> Any:
    """Plain data (dicts, lists, text, numbers) for any model object, as the files hold
    it: ready for ``json.dumps``, a pandas ``DataFrame``, or a template."""
    return converter.unstructure(value)


def dumps(dataset: Dataset, format: str = "yaml") -> str:
    """The dataset as YAML or JSON text. Loading the text gives an equal dataset."""
    return "".join(dump_pieces(dataset, format))


_BATCH = 8  # entries of a list written to YAML together


def dump_pieces(dataset: Dataset, format: str = "yaml") -> Iterator[str]:
    """:func:`dumps` a piece at a time: the text of each entry of each list is made
    when it is reached and not kept, so writing a national dataset to a file never
    holds its plain data or its text whole. The pieces joined are :func:`dumps`'s
    text, byte for byte (the whole dataset's data written by ``json.dumps`` or
    PyYAML at once, as earlier versions made it)."""
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    collections = {c.field: c.item for c in Dataset.collections()}
    # the entries that are not lists (the format version), as the converter writes them
    empty: dict[str, Any] = dict.fromkeys(collections, ())
    head = converter.unstructure(attrs.evolve(dataset, **empty))
    fields: list[_Field] = []  # never empty: the format version is always written
    for field in attrs.fields(Dataset):
        if field.name in head:
            fields.append((field.name, head[field.name], None))
        elif field.name in collections and getattr(dataset, field.name):
            fields.append((field.name, getattr(dataset, field.name), collections[field.name]))
    if format == "json":
        return _json_pieces(fields)
    return _yaml_pieces(fields)


_Field = tuple[str, Any, type | None]


def _json_pieces(fields: list[_Field]) -> Iterator[str]:
    return json_pieces(
        (name, value if item is None else (converter.unstructure(e, item) for e in value), item)
        for name, value, item in fields
    )


def json_pieces(entries: Iterable[tuple[str, Any, object]]) -> Iterator[str]:
    """A JSON object as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it
    (with a final newline), a piece at a time. ``entries`` are its keys and values, in
    order, each with a flag: a value flagged true is a list given as an iterable,
    written an item at a time (each item made when it is reached); any other is
    written whole. Each value is written alone and its lines indented to its depth
    (the only line breaks in JSON text are between its parts: strings hold theirs as
    ``\\n``)."""

    def text(value: Any, indent: str) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)

    opening = "{\n  "
    for name, value, listed in entries:
        yield f"{opening}{json.dumps(name, ensure_ascii=False)}: "
        opening = ",\n  "
        if not listed:
            yield text(value, "  ")
            continue
        between = "[\n    "
        for item in value:
            yield between + text(item, "    ")
            between = ",\n    "
        yield "[]" if between == "[\n    " else "\n  ]"
    yield "{}\n" if opening == "{\n  " else "\n}\n"


YAML_STYLE: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "width": 100,
    "default_flow_style": False,
}
"""How the native format's YAML is written (``yaml.dump``'s keyword arguments)."""


def _yaml_pieces(fields: list[_Field]) -> Iterator[str]:
    """The dataset's entries as PyYAML writes the whole (block style, lists in a
    mapping not indented, so that an entry's text is the same written alone), a few
    entries of a list at a time."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    def text(data: Any) -> str:
        written: str = yaml.dump(data, Dumper=dumper, **YAML_STYLE)
        return written

    for name, value, item in fields:
        if item is None:
            yield text({name: value})
            continue
        for start in range(0, len(value), _BATCH):
            batch = [converter.unstructure(entry, item) for entry in value[start : start + _BATCH]]
            yield text({name: batch} if start == 0 else batch)


def dump(dataset: Dataset, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write the dataset to a file; the format comes from the suffix unless given.

    The file is written in one step (:func:`.writing.write_file`): a failed write
    leaves the old file as it was, and a symbolic link at ``path`` is refused, not
    followed. Either is a :class:`UsageError`.
    """
    target = FsPath(path)
    chosen = format or _SUFFIXES.get(target.suffix.lower())
    if chosen is None:
        raise UsageError(f"{target}: cannot tell the format from the suffix; use .yaml or .json")
    from .writing import write_file  # (loading does not need it)

    write_file(target, dump_pieces(dataset, chosen))


def migrate(
    source: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> list[tuple[FsPath, Migration]]:
    """Every data file of ``source`` (a file or a folder) rewritten in the current
    format version, with what changed; nothing is written (see
    :func:`~safeguarding_model.io.writing.write_file` for that).

    Only the lines that must change are changed, so comments and layout are kept;
    and each rewritten text is read back and compared with the original, so a
    migration that would lose or alter anything the file says is refused with a
    :class:`~safeguarding_model.errors.UsageError` instead. A file with problems
    raises :class:`LoadError`, as :func:`load` would.
    """
    path = FsPath(source)
    try:
        folder = stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file or folder") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
    paths = _data_files(path, limits) if folder else [path]
    found = []
    for text in _read_all(path, paths, limits) if folder else [_read(path, limits)]:
        before = _structure(text)
        migration = migrate_text(text.text, name=text.name, format=text.format, limits=limits)
        if migration.changed:
            try:
                after: Dataset | None = _structure(
                    _Text(text.name, migration.text, text.format, limits)
                )
            except LoadError:
                after = None
            if after != before:
                raise UsageError(
                    f"{text.name}: the rewritten file would not say the same; it is left as "
                    "it is: change it by hand (docs/format.md, Format versions)"
                )
        found.append((FsPath(text.name), migration))
    return found

"""Safe reading of YAML text into plain data.

YAML is read from libyaml's event stream, not through a constructor, so nothing in a
file is ever executed, tags other than the plain data types are refused, nesting
depth and alias expansion are bounded before they can use up memory, a key given
twice is an error rather than silently overwritten, and dates stay as the text the
user wrote. Every problem, libyaml's own included, is reported with the line and
column of the file, in the same words whichever PyYAML (with or without libyaml)
is installed. Positions are recorded only when a problem needs them: the file is
read a second time with ``positions`` set.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import attrs
import yaml
from yaml.nodes import ScalarNode

from ..errors import LoadError, Problem
from .text import (
    DEFAULT_LIMITS,
    LONE_SURROGATE,
    SURROGATE,
    Collector,
    Limits,
    Path,
    long_number,
    long_number_message,
    path_text,
    short_repr,
    shown,
)

__all__ = ["read_yaml"]

try:  # libyaml's parser when PyYAML was built with it; the pure-Python one otherwise
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

_CParser: tuple[type, ...] = (yaml.CParser,) if hasattr(yaml, "CParser") else ()


_PLAIN = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_COLLECTION_TAGS = {None, "!"}  # no tag written: files hold plain data, not tagged data
_MERGE = "tag:yaml.org,2002:merge"
_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_SEPARATOR_NAMES = {
    "\x85": "next line",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
}


class _Stop(Exception):
    """Reading cannot go on; the problem has been recorded."""


@attrs.define
class _Frame:
    container: Any
    mark: Any
    anchor: str | None
    first_value: int
    key: Any = None
    key_mark: Any = None
    has_key: bool = False
    key_lines: dict[str, int] = attrs.Factory(dict)


def read_yaml(
    text: str,
    *,
    name: str = "<input>",
    limits: Limits = DEFAULT_LIMITS,
    positions: dict[Path, tuple[int, int]] | None = None,
) -> Any:
    """Read one YAML document into plain data: dicts, lists, text, numbers, booleans.

    Raises :class:`LoadError` listing every problem found. With ``positions`` given,
    fills it with the 1-based (line, column) of every path in the document.
    """
    problems: Collector[Problem] = Collector()

    def problem(code: str, message: str, mark: Any, **fields: Any) -> None:
        if problems.full:  # counted, not made: a file of a million problems stays small
            problems.count()
            return
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        problems.add(
            Problem(code=code, message=message, file=name, line=line, column=column, **fields)
        )

    text = text.removeprefix("\ufeff")
    if len(text) > limits.max_bytes:
        raise LoadError(
            [
                Problem(
                    code="too-large",
                    message=f"the file is larger than {limits.max_bytes} characters; "
                    "split it into one file per partnership in a folder",
                    file=name,
                )
            ]
        )
    separators = list(itertools.islice(_SEPARATORS.finditer(text), 100))
    if separators:  # YAML reads them as line breaks, editors mostly do not: lines would differ
        for found in separators:
            character = found.group()
            problem(
                "line-separator",
                f"this file holds the character U+{ord(character):04X} "
                f"({_SEPARATOR_NAMES[character]}), which YAML reads as a line break though "
                "most editors do not (it often comes pasted from a word processor): replace "
                "it with a line break or a space",
                _Mark.at(text, found.start()),
            )
        raise LoadError(problems.listed())
    loader: Any = None
    stack: list[_Frame] = []
    path: list[str | int] = []
    anchors: dict[str, tuple[Any, int]] = {}
    values = 0
    documents = 0
    result: Any = None

    def add(value: Any, mark: Any, anchor: str | None, size: int) -> None:
        nonlocal result
        if anchor is not None:
            anchors[anchor] = (value, size)
        if not stack:
            result = value
            if positions is not None:
                positions[()] = (mark.line + 1, mark.column + 1)
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            if positions is not None:
                positions[(*path, len(frame.container))] = (mark.line + 1, mark.column + 1)
            frame.container.append(value)
        elif not frame.has_key:
            if not isinstance(value, str):
                value = short_repr(value)  # a list of 300,000 items is shown by its start
                problem(
                    "key-not-text",
                    "a field name must be text",
                    mark,
                    path=path_text(path),
                    found=value,
                )
            frame.key, frame.key_mark, frame.has_key = value, mark, True
        else:
            key = frame.key
            frame.has_key = False
            if key in frame.key_lines:
                problem(
                    "repeated-key",
                    f"the field `{shown(key)}` is given twice "
                    f"(first on line {frame.key_lines[key]}); "
                    "keep one of them",
                    frame.key_mark,
                    path=path_text([*path, key]),
                )
                return
            frame.key_lines[key] = frame.key_mark.line + 1
            if positions is not None:
                positions[(*path, key)] = (frame.key_mark.line + 1, frame.key_mark.column + 1)
            frame.container[key] = value

    def count(size: int, mark: Any) -> None:
        nonlocal values
        values += size
        if values > limits.max_values:
            problem(
                "too-many-values",
                f"the document expands to more than {limits.max_values} values "
                "(aliases that repeat each other, or a file far larger than any arrangements); "
                "it was not read",
                mark,
            )
            raise _Stop

    def here() -> list[str | int]:
        """The path of the value about to be read."""
        step = child_key() if stack else None
        return [*path, step] if step is not None else list(path)

    def child_key() -> str | int | None:
        """The path step of the value about to be added to the innermost collection."""
        frame = stack[-1]
        if isinstance(frame.container, list):
            return len(frame.container)
        return frame.key if frame.has_key else None

    try:
        loader = _Loader(text)
        while True:
            event = loader.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.ScalarEvent:
                count(1, event.start_mark)
                value = _scalar(loader, event, problem, here, limits)
                add(value, event.start_mark, event.anchor, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.tag not in _COLLECTION_TAGS:
                    problem(
                        "tag-not-allowed",
                        f"the tag `{_short_tag(event.tag)}` is not allowed: "
                        "files hold plain data only",
                        event.start_mark,
                        path=path_text(here()),
                    )
                if len(stack) >= limits.max_depth:
                    problem(
                        "too-deep",
                        f"the document is nested more than {limits.max_depth} levels deep",
                        event.start_mark,
                    )
                    raise _Stop
                count(1, event.start_mark)
                if stack:
                    step = child_key()
                    path.append(step if step is not None else "?")
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, event.start_mark, event.anchor, values))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if stack:
                    path.pop()
                add(frame.container, frame.mark, frame.anchor, values - frame.first_value + 1)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    problem(
                        "unknown-alias",
                        f"the alias `*{event.anchor}` refers to no anchor defined before it "
                        "(an alias cannot refer to the value it is part of)",
                        event.start_mark,
                        path=path_text(here()),
                    )
                    raise _Stop
                value, size = anchors[event.anchor]
                count(size, event.start_mark)
                add(value, event.start_mark, None, size)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem(
                        "two-documents",
                        "the file holds more than one document (a second `---`); "
                        "put each partnership in its own file in a folder",
                        event.start_mark,
                    )
                    raise _Stop
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = str(error.problem or error.context)
        if "maximum nesting depth" in reason:  # libyaml's own limit, deeper than ours
            message = f"the document is nested more than {limits.max_depth} levels deep"
            problem("too-deep", message, mark)
        else:
            hint = _still_open(error) or _yaml_hint(reason, text, mark)
            problem("not-valid-yaml", f"this is not valid YAML: {shown(reason)}{hint}", mark)
    except yaml.reader.ReaderError as error:
        offset = error.position
        if isinstance(loader, _CParser):  # libyaml counts the bytes of UTF-8
            offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
        code, message = _character_message(text, offset)
        problem(code, message, _Mark.at(text, offset))
    except UnicodeEncodeError as error:  # libyaml takes UTF-8, which a lone surrogate is not
        problem("lone-surrogate", LONE_SURROGATE, _Mark.at(text, error.start))
    except yaml.YAMLError as error:
        problem("not-valid-yaml", f"this is not valid YAML: {shown(str(error))}", None)
    except _Stop:
        pass
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise LoadError(problems.listed())
    return result


@attrs.frozen
class _Mark:
    """A position in the text, shaped as YAML's marks are (0-based line and column)."""

    line: int
    column: int

    @classmethod
    def at(cls, text: str, offset: int) -> _Mark:
        offset = max(0, min(offset, len(text)))
        line_start = text.rfind("\n", 0, offset) + 1
        return cls(text.count("\n", 0, offset), offset - line_start)


def _character_message(text: str, offset: int) -> tuple[str, str]:
    """The code and message for a character that YAML does not allow at ``offset``."""
    character = text[offset] if offset < len(text) else ""
    if SURROGATE.match(character):
        return "lone-surrogate", LONE_SURROGATE
    code = f"U+{ord(character):04X}" if character else "a character"
    return "control-character", (
        f"this file holds the character {code}, which YAML does not allow (a control "
        "character, often pasted in from another program): remove it"
    )


_OPENERS = {
    "while parsing a flow sequence": "the `[`",
    "while parsing a flow mapping": "the `{`",
    "while scanning a quoted scalar": "the quote",
}


def _still_open(error: yaml.MarkedYAMLError) -> str:
    """Where a bracket or quote that is still open began, when that is the trouble."""
    opener = _OPENERS.get(str(error.context))
    mark = error.context_mark
    if opener is None or mark is None or mark == error.problem_mark:
        return ""
    return f"; {opener} opened on line {mark.line + 1}, column {mark.column + 1} is still open here"


_HINTS = (
    ("cannot start any token", "; a tab cannot indent YAML: indent with spaces"),
    (
        "mapping values are not allowed",
        "; check this line's indentation against the line above, and put quotes around "
        "text that contains ': '",
    ),
    ("expected '-' indicator", "; check the indentation: list entries start with - in line"),
    ("expected <block end>", "; check the indentation of this line against the lines above"),
    ("could not find expected ':'", "; a field needs a colon and a space after its name"),
)


def _yaml_hint(reason: str, text: str, mark: Any) -> str:
    """Advice for libyaml's commonest complaints, in the words of someone editing a file."""
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return "; a tab cannot indent YAML: indent with spaces"
    for fragment, hint in _HINTS:
        if fragment in reason:
            return hint
    return ""


_DECIMAL_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


def _scalar(loader: Any, event: Any, problem: Any, here: Any, limits: Limits) -> Any:
    tag = event.tag
    if tag is not None and tag != "!":  # a tag written in the file, even `!!int abc`
        problem(
            "tag-not-allowed",
            f"the tag `{_short_tag(tag)}` is not allowed: files hold plain data only "
            "(to write a number or a date as text, put it in quotes)",
            event.start_mark,
            path=path_text(here()),
            found=event.value[:60],
        )
        return event.value
    tag = loader.resolve(ScalarNode, event.value, event.implicit)
    if tag == _MERGE:
        problem(
            "tag-not-allowed",
            "YAML merge keys (`<<`) are not allowed: write the fields out in full",
            event.start_mark,
            path=path_text(here()),
        )
        return event.value
    if tag not in _PLAIN:
        problem(
            "tag-not-allowed",
            f"the tag `{_short_tag(tag)}` is not allowed: files hold plain data only",
            event.start_mark,
            path=path_text(here()),
            found=shown(event.value),
        )
        return event.value
    if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
        if event.style == '"' and SURROGATE.search(event.value):  # an escape, read by PyYAML
            problem(
                "lone-surrogate",
                LONE_SURROGATE,
                event.start_mark,
                path=path_text(here()),
                found=shown(event.value),
            )
        return event.value
    node = ScalarNode(tag, event.value)
    # YAML 1.1 also reads 12:30 as 750 and 0x1F as 31; the format keeps such text as
    # written rather than change it silently, so only plain decimal numbers are numbers.
    if tag == "tag:yaml.org,2002:int":
        if not _DECIMAL_INT.match(event.value):
            return event.value
        if not long_number(event.value, limits):
            try:
                return int(event.value)
            except ValueError:  # Python's own limit, should it be lower than it said
                pass
        problem(
            "number-too-long",
            long_number_message(event.value, limits),
            event.start_mark,
            path=path_text(here()),
            found=f"{event.value[:20]}...",
        )
        return event.value
    if tag == "tag:yaml.org,2002:float":
        plain = _DECIMAL_FLOAT.match(event.value)
        return loader.construct_yaml_float(node) if plain else event.value
    if tag == "tag:yaml.org,2002:bool":
        return loader.construct_yaml_bool(node)
    return None


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object``, cut short if long."""
    prefix = "tag:yaml.org,2002:"
    short = "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
    return short if len(short) <= 60 else short[:57] + "..."

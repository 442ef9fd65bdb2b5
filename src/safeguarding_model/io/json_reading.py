"""Reading JSON text into plain data, under the same limits and with located problems.

The standard library's parser (in C) reads the data. When something is wrong, or a
later problem needs a position, a small scanner of this module's own reads the text
again to say where: the line and column of every path, of a key given twice, of a
number too long to read, of a lone surrogate escape, of a bracket left open. The
scanner counts columns in characters, as editors do, so an escape such as
``\\ud83d\\ude00`` earlier on a line does not shift them.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any, NoReturn

import attrs

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
    shown,
)

__all__ = ["json_positions", "read_json"]

_STRING = r'"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"'
_TOKEN = re.compile(
    rf"(?P<string>{_STRING})"
    r"|(?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<word>true|false|null|NaN|-?Infinity)"
    r"|(?P<punct>[\[\]{}:,])"
)
_SPACE = re.compile(r"[ \t\n\r]*")
_STRINGS = re.compile(_STRING)
_MAYBE_SURROGATE = re.compile("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\ud800-\udfff]")
_NOT_JSON = {"NaN", "Infinity", "-Infinity"}


class _Refused(Exception):
    """The standard parser met something the format refuses; the scanner says where."""


def read_json(text: str, *, name: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> Any:
    """Read JSON text into plain data, refusing repeated keys, values the format cannot
    hold (a lone surrogate, ``NaN``, a number too long to read) and input beyond the
    limits. Raises :class:`LoadError` with the line and column of each problem.

    A byte-order mark (as some Windows editors write) is passed over.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > limits.max_bytes:
        raise LoadError(
            [
                Problem(
                    code="too-large",
                    message=f"the file is larger than {limits.max_bytes} characters",
                    file=name,
                )
            ]
        )
    if not text.strip():
        return None
    unquoted = _STRINGS.sub('""', text)
    opened = unquoted.count("[") + unquoted.count("{")
    if unquoted.count(",") + opened + 1 > limits.max_values:
        _raise_located(text, name, limits)
    repeated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        out = dict(items)
        repeated = repeated or len(out) != len(items)
        return out

    def number(digits: str) -> int:
        if long_number(digits, limits):
            raise _Refused
        try:
            return int(digits)
        except ValueError:  # Python's own limit: the scanner says where, and which limit
            raise _Refused from None

    def constant(word: str) -> Any:
        raise _Refused

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=number, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise LoadError([_syntax_problem(text, name, limits, error)]) from None
    except (_Refused, RecursionError, ValueError):
        _raise_located(text, name, limits)
    surrogates = _MAYBE_SURROGATE.search(text) is not None
    if repeated or (
        (opened > limits.max_depth or surrogates) and not _within(data, limits, surrogates)
    ):
        _raise_located(text, name, limits)
    return data


def json_positions(text: str, *, limits: Limits = DEFAULT_LIMITS) -> dict[Path, tuple[int, int]]:
    """Every path in a JSON document with its 1-based (line, column), as far as the
    text can be read: the position of a field is that of its key, as for YAML."""
    return _Scanner(text.removeprefix("\ufeff"), "<input>", limits).run().positions


def _within(data: Any, limits: Limits, surrogates: bool) -> bool:
    """Whether read data keeps to the depth limit and, where the text has surrogate
    escapes, holds no lone surrogate (a pair of escapes makes one character)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            if depth >= limits.max_depth:
                return False
            if surrogates and any(SURROGATE.search(key) for key in value):
                return False
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            if depth >= limits.max_depth:
                return False
            stack.extend((item, depth + 1) for item in value)
        elif surrogates and isinstance(value, str) and SURROGATE.search(value):
            return False
    return True


def _raise_located(text: str, name: str, limits: Limits) -> NoReturn:
    scan = _Scanner(text, name, limits).run()
    problems = scan.problems.listed() or [
        Problem(
            code="not-valid-json", message="this is not valid JSON", file=name, line=1, column=1
        )
    ]
    raise LoadError(problems)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}


def _control_message(character: str, quoted: bool) -> str:
    """What to say of a control character where JSON allows none: anywhere but in
    quoted text, where a tab or line break must be written as an escape too."""
    named = _CONTROL_NAMES.get(character)
    what = f"U+{ord(character):04X}" + (f" ({named})" if named else "")
    if quoted and character in "\r\n":
        return (
            f"{named} in quoted text, which JSON does not allow: a closing quote is missing, "
            "or write a line break in text as `\\n`"
        )
    if not quoted:
        return (
            f"this file holds the character {what}, which JSON does not allow (a control "
            "character, often pasted in from another program): remove it"
        )
    return (
        f"this file holds the character {what} in quoted text, which JSON does not allow "
        "(a control character, often pasted in from another program): remove it, or write "
        "it as an escape (`\\n` for a line break, `\\t` for a tab)"
    )


def _syntax_problem(text: str, name: str, limits: Limits, error: json.JSONDecodeError) -> Problem:
    before = text[: error.pos].rstrip()
    hint = ""
    line, column = error.lineno, error.colno
    character = text[error.pos : error.pos + 1]
    quoted = error.msg.startswith("Invalid control character")
    if (quoted and character) or _CONTROL.fullmatch(character):
        return Problem(
            code="control-character",
            message=_control_message(character, quoted),
            file=name,
            line=line,
            column=column,
        )
    if before.endswith(",") and error.msg in (
        "Expecting value",
        "Expecting property name enclosed in double quotes",
    ):
        hint = "; JSON allows no comma after the last entry of a list or object"
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1)
    elif error.msg == "Expecting ',' delimiter" or not text[error.pos :].strip():
        scan = _Scanner(text, name, limits).run(end=error.pos)
        if scan.open:
            bracket, (open_line, open_column) = scan.open[-1]
            hint = (
                f"; the `{bracket}` opened on line {open_line}, column {open_column} is not closed"
            )
    return Problem(
        code="not-valid-json",
        message=f"this is not valid JSON: {error.msg}{hint}",
        file=name,
        line=line,
        column=column,
    )


@attrs.define
class _Frame:
    is_object: bool
    where: tuple[int, int]
    index: int = 0
    key: str | None = None
    key_lines: dict[str, int] = attrs.Factory(dict)


@attrs.define
class _Scanner:
    """Reads JSON tokens to find where things are; stops at the first token it cannot
    read (the standard parser has already said what is wrong there)."""

    text: str
    name: str
    limits: Limits
    positions: dict[Path, tuple[int, int]] = attrs.Factory(dict)
    problems: Collector[Problem] = attrs.Factory(Collector)
    stack: list[_Frame] = attrs.Factory(list)
    path: list[str | int] = attrs.Factory(list)
    values: int = 0
    _starts: list[int] = attrs.Factory(list)

    @property
    def open(self) -> list[tuple[str, tuple[int, int]]]:
        """The brackets still open, outermost first, with where each was opened."""
        return [("{" if frame.is_object else "[", frame.where) for frame in self.stack]

    def run(self, end: int | None = None) -> _Scanner:
        text = self.text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        stop = len(text) if end is None else end
        offset = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
        while offset < stop:
            match = _TOKEN.match(text, offset)
            if match is None or not self._token(match):
                break
            offset = _SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
        return self

    def _where(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def _problem(
        self, code: str, message: str, where: tuple[int, int], path: Path, **fields: Any
    ) -> None:
        if self.problems.full:  # counted, not made: a file of a million problems stays small
            self.problems.count()
            return
        self.problems.add(
            Problem(
                code=code,
                message=message,
                file=self.name,
                line=where[0],
                column=where[1],
                path=path_text(path),
                **fields,
            )
        )

    def _token(self, match: re.Match[str]) -> bool:
        """Take one token; False when scanning cannot go on."""
        kind, token = match.lastgroup, match.group()
        where = self._where(match.start())
        frame = self.stack[-1] if self.stack else None
        if kind == "punct":
            if token in "[{":
                if len(self.stack) >= self.limits.max_depth:
                    self._problem(
                        "too-deep",
                        f"the document is nested more than {self.limits.max_depth} levels deep",
                        where,
                        (),
                    )
                    return False
                step = self._value(where)
                if step is None:
                    return False
                if self.stack:
                    self.path.append(step)
                self.stack.append(_Frame(is_object=token == "{", where=where))
            elif token in "]}" and frame is not None:
                self.stack.pop()
                if self.stack:
                    self.path.pop()
            return True
        if kind == "string" and frame is not None and frame.is_object and frame.key is None:
            return self._key(frame, json.loads(token), where)
        step = self._value(where)
        if step is None:
            return False
        here = (*self.path, step) if self.stack else ()
        if kind == "number" and token.lstrip("-").isdigit() and long_number(token, self.limits):
            message = long_number_message(token, self.limits)
            self._problem("number-too-long", message, where, here, found=f"{token[:20]}...")
        elif kind == "word" and token in _NOT_JSON:
            self._problem(
                "not-json",
                f"`{token}` is not a JSON value; write a number, or put text in quotes",
                where,
                here,
                found=token,
            )
        elif kind == "string" and SURROGATE.search(json.loads(token)):
            self._problem("lone-surrogate", LONE_SURROGATE, where, here, found=shown(token))
        return True

    def _key(self, frame: _Frame, key: str, where: tuple[int, int]) -> bool:
        path = (*self.path, key)
        if SURROGATE.search(key):
            self._problem("lone-surrogate", LONE_SURROGATE, where, path)
        first = frame.key_lines.get(key)
        if first is not None:
            self._problem(
                "repeated-key",
                f"the field `{shown(key)}` is given twice (first on line {first}); "
                "keep one of them",
                where,
                path,
            )
        else:
            frame.key_lines[key] = where[0]
            self.positions[path] = where
        frame.key = key
        return True

    def _value(self, where: tuple[int, int]) -> str | int | None:
        """Record a value starting at ``where``; its path step, or None to stop."""
        self.values += 1
        if self.values > self.limits.max_values:
            self._problem(
                "too-many-values",
                f"the document holds more than {self.limits.max_values} values; it was not read",
                where,
                (),
            )
            return None
        if not self.stack:
            self.positions[()] = where
            return ""
        frame = self.stack[-1]
        if frame.is_object:
            key, frame.key = frame.key, None
            return key if key is not None else "?"
        step = frame.index
        frame.index += 1
        self.positions[(*self.path, step)] = where
        return step

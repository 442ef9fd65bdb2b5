"""What every reader shares: the limits on input, paths into a document, the values
a file may not hold whatever its format, how a value from a file is shown in a
message (cut short), and the one collector of problems that keeps a list of them
bounded (:class:`Collector`)."""

from __future__ import annotations

import re
import reprlib
import sys
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

import attrs

from ..errors import Diagnostic

__all__ = [
    "DEFAULT_LIMITS",
    "LONE_SURROGATE",
    "MAX_PROBLEMS",
    "MAX_SHOWN",
    "SURROGATE",
    "TOO_MANY_PROBLEMS",
    "Collector",
    "Limits",
    "Path",
    "digit_limit",
    "locate",
    "long_number",
    "long_number_message",
    "path_text",
    "short_repr",
    "shown",
]

Path = tuple[str | int, ...]
"""A path into a document: ``("partnerships", 0, "groups", 3)``."""


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds that keep a hostile or mistaken file from using up time and memory."""

    max_bytes: int = 32 * 1024 * 1024
    max_values: int = 2_000_000
    max_depth: int = 64
    max_digits: int = 4300
    """The longest whole number, in digits (Python's own default limit for reading one;
    where Python is set to a lower one, that one applies: :func:`digit_limit`)."""
    max_files: int = 10_000
    """The most data files a folder may hold."""
    max_total_bytes: int = attrs.field(
        default=attrs.Factory(lambda self: 8 * self.max_bytes, takes_self=True)
    )
    """The most bytes the data files of a folder may hold together (8 times
    ``max_bytes`` unless given)."""


DEFAULT_LIMITS = Limits()

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: half of a UTF-16 pair, which is not a character and cannot be
written as UTF-8 (a matched pair of escapes reads as the one character it stands for)."""

LONE_SURROGATE = (
    "this text holds a lone surrogate (such as `\\ud800`), which is not a character: "
    "remove it, or write the character itself"
)


def digit_limit(limits: Limits) -> tuple[int, str]:
    """The most digits a whole number may have here, and whose limit that is in words:
    ``limits.max_digits``, or Python's own limit where it is set lower
    (``PYTHONINTMAXSTRDIGITS``, ``sys.set_int_max_str_digits``)."""
    python = sys.get_int_max_str_digits()
    if python and python < limits.max_digits:
        return python, (
            "Python is set to read here (its limit on reading whole numbers, set by "
            "PYTHONINTMAXSTRDIGITS or sys.set_int_max_str_digits)"
        )
    return limits.max_digits, "a number may have"


def long_number(digits: str, limits: Limits) -> bool:
    """Whether a whole number written as ``digits`` is too long to read."""
    return len(digits.lstrip("+-")) > digit_limit(limits)[0]


def long_number_message(digits: str, limits: Limits) -> str:
    """What to say of a whole number too long to read, naming the limit that applied."""
    most, whose = digit_limit(limits)
    return (
        f"this number has {len(digits.lstrip('+-'))} digits, more than the {most} {whose}; "
        "if it is a code or an identifier, put it in quotes"
    )


MAX_SHOWN = 200
"""The most characters of a value from a file that a message or ``found`` shows."""


def shown(text: str, most: int = MAX_SHOWN) -> str:
    """``text``, cut to ``most`` characters with "..." when longer, for a message: a
    field name or number a megabyte long is shown by its start."""
    return text if len(text) <= most else text[: most - 3] + "..."


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 60, 60


def short_repr(value: object) -> str:
    """``repr(value)`` for a message, in bounded work and at most :data:`MAX_SHOWN`
    characters: a list of 300,000 items is shown by its first few."""
    try:
        text = _REPR.repr(value)
    except ValueError:  # an int beyond Python's limit for writing it out
        text = f"<{type(value).__name__}>"
    return shown(text)


MAX_PROBLEMS = 10_000
"""The problems listed for one file (by each step of loading it) or one folder; the
rest are counted, so a broken file is reported in bounded time and memory."""

TOO_MANY_PROBLEMS = "too-many-problems"

D = TypeVar("D", bound=Diagnostic)


class Collector(Generic[D]):
    """The problems found: the first ``most`` kept, the rest counted. :meth:`listed`
    ends with one ``too-many-problems`` diagnostic, at the last one listed, saying how
    many more were found (its ``found`` is that number, so that a collector taking in
    another's list, a folder's of its files', counts what that one left out).

    ``what`` names the problems in that message (``problems of ids and references``).
    """

    def __init__(self, what: str = "problems", most: int = MAX_PROBLEMS) -> None:
        self.kept: list[D] = []
        self.more = 0
        self.what = what
        self.most = most

    @property
    def full(self) -> bool:
        """Whether a further problem would only be counted (so need not be made)."""
        return len(self.kept) >= self.most

    def add(self, problem: D) -> None:
        if _is_summary(problem):
            self.more += int(problem.found or 0)
        elif self.full:
            self.more += 1
        else:
            self.kept.append(problem)

    def count(self, number: int = 1) -> None:
        """Count problems not made, because the collector is :attr:`full`."""
        self.more += number

    def extend(self, problems: Iterable[D]) -> None:
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return bool(self.kept) or self.more > 0

    def __len__(self) -> int:
        return len(self.kept)

    def listed(self) -> list[D]:
        """The problems kept, then (when some were only counted) the one that says how
        many more were found."""
        if not self.more:
            return list(self.kept)
        last = self.kept[-1]
        cleared: dict[str, Any] = {
            name: None
            for name in ("expected", "suggestion", "source", "related", "related_kind")
            if name in attrs.fields_dict(type(last))
        }
        summary = attrs.evolve(
            last,
            code=TOO_MANY_PROBLEMS,
            message=f"and {self.more} more {self.what}, not listed: fix these and check again",
            found=str(self.more),
            **cleared,
        )
        return [*self.kept, summary]


def _is_summary(problem: Diagnostic) -> bool:
    """Whether ``problem`` is a :class:`Collector`'s own count of problems not listed
    (a list's own, from the converter, carries no count)."""
    return (
        problem.code == TOO_MANY_PROBLEMS and problem.found is not None and problem.found.isdigit()
    )


def locate(positions: dict[Path, tuple[int, int]], path: Path) -> tuple[int | None, int | None]:
    """The position of ``path``, or of the nearest enclosing value that the file has."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return (None, None)


def path_text(path: list[str | int] | Path) -> str:
    """``("partnerships", 0, "groups", 3)`` -> ``partnerships[0].groups[3]`` (a field
    name a megabyte long shown by its start)."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{shown(step)}" if text else shown(str(step))
    return text

"""What every reader shares: the limits on input, paths into a document, and the
values a file may not hold whatever its format."""

from __future__ import annotations

import re

import attrs

__all__ = [
    "DEFAULT_LIMITS",
    "LONE_SURROGATE",
    "SURROGATE",
    "Limits",
    "Path",
    "locate",
    "long_number",
    "long_number_message",
    "path_text",
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
    """The longest whole number, in digits (Python's own limit for reading one)."""


DEFAULT_LIMITS = Limits()

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: half of a UTF-16 pair, which is not a character and cannot be
written as UTF-8 (a matched pair of escapes reads as the one character it stands for)."""

LONE_SURROGATE = (
    "this text holds a lone surrogate (such as `\\ud800`), which is not a character: "
    "remove it, or write the character itself"
)


def long_number(digits: str, limits: Limits) -> bool:
    """Whether a whole number written as ``digits`` is too long to read."""
    return len(digits.lstrip("+-")) > limits.max_digits


def long_number_message(digits: str, limits: Limits) -> str:
    """What to say of a whole number too long to read."""
    return (
        f"this number has {len(digits.lstrip('+-'))} digits, more than the "
        f"{limits.max_digits} a number may have; if it is a code or an identifier, "
        "put it in quotes"
    )


def locate(positions: dict[Path, tuple[int, int]], path: Path) -> tuple[int | None, int | None]:
    """The position of ``path``, or of the nearest enclosing value that the file has."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return (None, None)


def path_text(path: list[str | int] | Path) -> str:
    """``("partnerships", 0, "groups", 3)`` -> ``partnerships[0].groups[3]``."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text

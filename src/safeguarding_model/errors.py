"""The package's exceptions: one base class, and problems that say where they are.

This module is pure (no I/O) so that every layer, the model included, can use it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["LoadError", "Problem", "SafeguardingModelError", "UsageError"]


class SafeguardingModelError(Exception):
    """The base of every error this package raises on purpose."""


class UsageError(SafeguardingModelError, ValueError):
    """A request that cannot be met as asked: an unknown example, format or body."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where it is, what was expected and what was found."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    expected: str | None = None
    found: str | None = None
    suggestion: str | None = None

    @property
    def where(self) -> str:
        """``file:line:column``, as much of it as is known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.where}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.suggestion:
            text += f" (did you mean `{self.suggestion}`?)"
        return text


class LoadError(SafeguardingModelError, ValueError):
    """A file or folder that cannot be loaded. ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))

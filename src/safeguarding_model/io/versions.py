"""Format versions: reading files of an earlier version, and rewriting them.

Version 2 (``safeguarding-model/2``) replaced a partnership's one ``guidance``
edition by a list of ``regimes`` with dates. A version 1 file is read as it always
was: its ``guidance`` becomes the partnership's one regime, and every problem is
still reported at the line the user wrote. :func:`migrate_text` rewrites a version 1
file as version 2 by changing only the lines concerned, so comments, order and
layout are kept, and says what it changed.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..errors import UsageError
from ..model.dataset import SCHEMA
from .reading import Path, positions_of
from .text import DEFAULT_LIMITS, Limits

__all__ = ["CURRENT", "VERSION_1", "Migration", "Upgrade", "migrate_text", "moved_path", "upgrade"]

VERSION_1 = "safeguarding-model/1"
CURRENT = SCHEMA
KNOWN = (VERSION_1, CURRENT)


@attrs.frozen
class Upgrade:
    """Plain data read as the current version: the data, the paths that moved (new
    path -> the path the user wrote) so that problems are reported where the user
    wrote them, and the version 1 partnerships that leave out the ``guidance`` that
    version required."""

    data: Any
    moved: dict[Path, Path]
    missing_guidance: tuple[Path, ...] = ()


def upgrade(data: Any) -> Upgrade:
    """Plain data of any known version as the current version. Data of the current
    version, or of no known version, comes back as it is."""
    if not isinstance(data, dict) or data.get("schema") != VERSION_1:
        return Upgrade(data, {})
    moved: dict[Path, Path] = {}
    missing: list[Path] = []
    upgraded = dict(data, schema=CURRENT)
    partnerships = data.get("partnerships")
    if isinstance(partnerships, list):
        entries = []
        for index, entry in enumerate(partnerships):
            if isinstance(entry, dict) and "guidance" in entry and "regimes" not in entry:
                entry = {
                    ("regimes" if key == "guidance" else key): (
                        [value] if key == "guidance" else value
                    )
                    for key, value in entry.items()
                }
                old: Path = ("partnerships", index, "guidance")
                moved[("partnerships", index, "regimes", 0)] = old
                moved[("partnerships", index, "regimes")] = old
            elif isinstance(entry, dict) and "guidance" not in entry:
                missing.append(("partnerships", index))
            entries.append(entry)
        upgraded["partnerships"] = entries
    return Upgrade(upgraded, moved, tuple(missing))


def moved_path(path: Path, moved: dict[Path, Path]) -> Path:
    """``path`` in the file the user wrote, given the paths an upgrade moved."""
    for length in range(len(path), 0, -1):
        found = moved.get(path[:length])
        if found is not None:
            return found
    return path


@attrs.frozen
class Migration:
    """A file rewritten in the current version: its new text and what changed, one
    sentence per change with the line it was on."""

    text: str
    changes: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """Whether anything needed rewriting."""
        return bool(self.changes)


_VALUE = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#,}\]|>&*!\[{'"][^\s#,}\]]*)""")


def migrate_text(
    text: str, *, name: str, format: str = "yaml", limits: Limits = DEFAULT_LIMITS
) -> Migration:
    """``text`` of a version 1 file rewritten as the current version, changing only
    the ``schema`` value and each partnership's ``guidance: X`` (which becomes
    ``regimes: [X]``). A file already of the current version comes back unchanged.

    Raises :class:`~safeguarding_model.errors.UsageError` for a file of no known
    version, or laid out so that a change cannot be made on its line alone.
    """
    from .reading import read_text

    data = read_text(text, format=format, name=name, limits=limits)
    if not isinstance(data, dict) or "schema" not in data:
        raise UsageError(
            f"{name}: the file does not say its format version, so it cannot be migrated"
        )
    version = data["schema"]
    if version == CURRENT:
        return Migration(text, ())
    if version != VERSION_1:
        known = ", ".join(f"`{v}`" for v in KNOWN)
        raise UsageError(
            f"{name}: format version {version!r} is not one this package knows ({known})"
        )
    positions = positions_of(text, name=name, format=format, limits=limits)
    lines = text.split("\n")  # only \n ends a line: U+0085 may sit inside JSON text
    changes: list[str] = []
    edits: list[tuple[int, int, str, str]] = []  # line index, column, old, new

    def key_and_value(path: Path) -> tuple[int, int, int, str]:
        """The row, the key's column, the value's column and the value as written,
        for a key whose value is on its own line."""
        line, column = positions[path]
        row = line - 1
        found = _key_value_pattern(str(path[-1])).match(lines[row], column - 1)
        if found is None:
            raise UsageError(
                f"{name}, line {line}: the `{path[-1]}` key is not on the same line as its "
                f"value; write `{path[-1]}: VALUE` on one line, or edit it by hand"
            )
        return row, found.start("key"), found.start("value"), found.group("value")

    row, _, column, old = key_and_value(("schema",))
    quote = old[0] if old[0] in "\"'" else ""
    edits.append((row, column, old, f"{quote}{CURRENT}{quote}"))
    changes.append(f"line {row + 1}: `schema` is now {CURRENT}")
    partnerships = data.get("partnerships")
    for index, entry in enumerate(partnerships if isinstance(partnerships, list) else []):
        if not isinstance(entry, dict) or "guidance" not in entry:
            continue
        row, key_column, column, old = key_and_value(("partnerships", index, "guidance"))
        edits.append((row, key_column, "guidance", "regimes"))
        edits.append((row, column, old, f"[{old}]"))
        plain = old.strip("\"'")
        changes.append(
            f"line {row + 1}: partnership {index + 1}'s `guidance: {plain}` is now "
            f"`regimes: [{plain}]`"
        )
    for row, column, old, new in sorted(edits, reverse=True):
        line = lines[row]
        lines[row] = line[:column] + new + line[column + len(old) :]
    return Migration("\n".join(lines), tuple(changes))


def _key_value_pattern(key: str) -> re.Pattern[str]:
    """A key as written (bare or quoted), its colon, and the value after it."""
    return re.compile(
        rf"""(?P<quote>["']?)(?P<key>{re.escape(key)})(?P=quote)\s*:\s*(?P<value>{_VALUE.pattern})"""
    )

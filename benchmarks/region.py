"""A deterministic national-scale region for benchmarks: N partnerships, one file each.

Each partnership is a copy of the shipped Isle of Wight 2024 arrangements with its
ids prefixed, so the files are realistic in shape and size; the same N always gives
the same bytes. The data is synthetic and only for timing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import attrs

from safeguarding_model import Dataset, dumps, load


def _prefixed(value: Any, prefix: str, ids: set[str]) -> Any:
    """A copy of an attrs value with every id, and every reference to one, prefixed."""
    if isinstance(value, str):
        return f"{prefix}-{value}" if value in ids else value
    if isinstance(value, tuple):
        return tuple(_prefixed(v, prefix, ids) for v in value)
    if attrs.has(type(value)):
        changes = {
            f.name: _prefixed(getattr(value, f.name), prefix, ids)
            for f in attrs.fields(type(value))
            if f.name not in ("name", "title", "text", "note", "short_name", "description")
        }
        return attrs.evolve(value, **changes)
    return value


def region(count: int) -> list[tuple[str, str]]:
    """``count`` partnership files as (file name, YAML text)."""
    template = load("isle-of-wight-2024")
    ids = set(template.index())
    files = []
    for number in range(count):
        prefix = f"p{number:03d}"
        copy: Dataset = _prefixed(template, prefix, ids)
        files.append((f"{prefix}.yaml", dumps(copy)))
    return files


def write_region(count: int, folder: Path) -> list[Path]:
    """Write ``count`` partnership files into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in region(count):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "benchmarks/out/region")
    written = write_region(int(sys.argv[1]) if len(sys.argv) > 1 else 150, target)
    print(f"wrote {len(written)} files to {target}")

"""``safeguarding-model exporters``: list the formats that ``export`` can write."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..exporters import default_manager
from ._common import add_format, print_text, printable


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "exporters",
        help="list the export formats, built-in and from installed plugins",
        description="List every exporter: its name (the FORMAT of `export --to`), media type, "
        "file extension, description, the options it takes and the distribution that "
        "provides it. Plugins that failed to load are reported on standard error.",
    )
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    manager = default_manager()
    found = manager.exporters()
    problems = manager.problems()
    if args.format == "json":
        data = {
            "exporters": [
                {
                    "name": e.name,
                    "media_type": e.media_type,
                    "extension": e.extension,
                    "description": e.description,
                    "options": sorted(e.options),
                    "folder": e.is_folder,
                    "distribution": e.distribution,
                }
                for e in found
            ],
            "problems": [
                {"plugin": p.plugin, "distribution": p.distribution, "message": p.message}
                for p in problems
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        rows = [
            tuple(
                printable(" ".join(cell.split()))  # one line; a plugin's texts cannot act
                for cell in (  # on the terminal
                    e.name,
                    e.media_type,
                    f".{e.extension}",
                    e.distribution or "",
                    e.description,
                )
            )
            for e in found
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)] if rows else []
        for row in rows:
            print_text(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                + "  "
                + row[4]
            )
    for problem in problems:
        print(printable(f"safeguarding-model: {problem}"), file=sys.stderr)
    return 0

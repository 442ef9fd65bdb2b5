"""``safeguarding-model exporters [FORMAT ...]``: list the formats that ``export`` can
write, and, for the formats named, the options each takes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..exporters import Exporter, Option, default_manager
from ._common import add_format, print_json, print_text, printable
from .export import FLAGS


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "exporters",
        help="list the export formats, built-in and from installed plugins",
        description="List every exporter: its name (the FORMAT of `export --to`), media type, "
        "file extension, description, the options it takes and the distribution that "
        "provides it; name FORMATs to list only those, each with its options and what they "
        "do. Plugins that failed to load are reported on standard error.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="FORMAT",
        help="list only these formats, each with its options (-O NAME=VALUE) and their help",
    )
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    manager = default_manager()
    found = [manager.get(name) for name in args.names] if args.names else manager.exporters()
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
            "options": {e.name: [_option_data(o) for o in e.options.values()] for e in found},
            "problems": [
                {"plugin": p.plugin, "distribution": p.distribution, "message": p.message}
                for p in problems
            ],
        }
        print_json(data)
    else:
        rows = [
            tuple(
                _one_line(cell)
                for cell in (
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
        for exporter, row in zip(found, rows, strict=True):
            print_text(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                + "  "
                + row[4]
            )
            if args.names:
                _print_options(exporter)
    for problem in problems:
        print(printable(f"safeguarding-model: {problem}"), file=sys.stderr)
    return 0


def _one_line(text: str) -> str:
    """A plugin's text on one line, unable to act on the terminal."""
    return printable(" ".join(text.split()))


def _print_options(exporter: Exporter) -> None:
    if not exporter.options:
        print_text("  takes no options")
        return
    usages = [_one_line(_usage(option)) for option in exporter.options.values()]
    width = max(len(usage) for usage in usages)
    for usage, option in zip(usages, exporter.options.values(), strict=True):
        allowed = option.allowed()  # shown here when a metavar stands for them
        one_of = f"; one of: {', '.join(allowed)}" if allowed and option.metavar else ""
        print_text(f"  {usage.ljust(width)}  {_one_line(option.help + one_of)}")


def _usage(option: Option) -> str:
    """``-O depth=N, --depth N``: how the command line takes the option."""
    usage = f"-O {option.usage}"
    if option.name in FLAGS:
        usage += f", {FLAGS[option.name]} {option.usage.partition('=')[2]}"
    return usage


def _option_data(option: Option) -> dict[str, Any]:
    allowed = option.allowed()
    return {
        "name": option.name,
        "usage": option.usage,
        "help": option.help,
        "choices": list(allowed) if allowed is not None else None,
        "default": _json_value(option.default),
        "flag": FLAGS.get(option.name),
    }


def _json_value(value: object) -> object:
    """A default as JSON holds it: text, numbers, true/false and lists as they are,
    anything else as its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return str(value)

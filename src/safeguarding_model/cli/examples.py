"""``safeguarding-model examples``: list the shipped datasets."""

from __future__ import annotations

import argparse
from typing import Any

from ..io import examples
from ._common import add_format, print_json


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "examples",
        help="list the shipped example datasets",
        description="List the datasets shipped with the package; use a name as SOURCE.",
    )
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = examples()
    if args.format == "json":
        print_json([{"name": e.name, "title": e.title, "source": e.source} for e in found])
        return 0
    width = max(len(e.name) for e in found)
    for example in found:
        print(f"{example.name:<{width}}  {example.title}, from {example.source}")
    return 0

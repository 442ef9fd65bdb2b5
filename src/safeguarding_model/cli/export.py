"""``safeguarding-model export SOURCE --to FORMAT [-o PATH]``: write the data in another format."""

from __future__ import annotations

import argparse
from typing import Any

from ..io import dumps
from ._common import add_source, load_source, write

FORMATS = ("json", "yaml")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the data in another format",
        description="Export SOURCE in another format, to standard output or to a file.",
    )
    add_source(parser)
    parser.add_argument("--to", required=True, choices=FORMATS, metavar="FORMAT", help="one of: " + ", ".join(FORMATS))
    parser.add_argument("-o", "--output", metavar="PATH", help="the file to write (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    dataset = load_source(args.source)
    write(dumps(dataset, args.to), args.output)
    return 0

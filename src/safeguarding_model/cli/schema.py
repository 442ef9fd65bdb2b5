"""``safeguarding-model schema``: print the JSON Schema of the file format."""

from __future__ import annotations

import argparse
from typing import Any

from ..io.schema import json_schema_text
from ._common import write


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the file format",
        description="Print the JSON Schema (draft 2020-12) of the file format, for editors "
        "and validators.",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="the file to write (default: standard output)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    write(json_schema_text(), args.output)
    return 0

"""``safeguarding-model validate SOURCE``: check a file or folder and report every problem."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import attrs

from ..errors import LoadError
from ._common import add_format, add_source, load_source, printable


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check a file or folder against the format",
        description="Load SOURCE and report every problem with its file, line, column and "
        "field. Exits 0 when it is valid and 2 when it is not.",
    )
    add_source(parser)
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        dataset = load_source(args.source)
    except LoadError as error:
        if args.format == "json":
            print(
                json.dumps(
                    {"valid": False, "problems": [attrs.asdict(p) for p in error.problems]},
                    indent=2,
                )
            )
        else:
            print(printable(str(error)), file=sys.stderr)
        return 2
    counts = {
        "organisations": len(dataset.organisations),
        "people": len(dataset.people),
        "posts": len(dataset.posts),
        "partnerships": len(dataset.partnerships),
        "collaborations": len(dataset.collaborations),
        "groups": sum(1 for _ in dataset.groups()),
    }
    if args.format == "json":
        print(json.dumps({"valid": True, "counts": counts}, indent=2))
    else:
        listed = ", ".join(f"{n} {k if n != 1 else _singular(k)}" for k, n in counts.items())
        print(f"{args.source}: valid ({listed})")
    return 0


def _singular(plural: str) -> str:
    return "person" if plural == "people" else plural.removesuffix("s")

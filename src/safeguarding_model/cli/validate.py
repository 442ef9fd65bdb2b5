"""``safeguarding-model validate SOURCE``: check a file or folder and report every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import Diagnostic, LoadError, SafeguardingModelError
from ..model import Dataset
from ._common import add_format, add_source, load_source, print_json, printable


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
            print_json({"valid": False, "problems": [p.to_dict() for p in error.problems]})
        else:
            print(printable(str(error)), file=sys.stderr)
        return 2
    except SafeguardingModelError as error:  # no such file, a folder that cannot be read...
        if args.format != "json":
            raise
        problem = Diagnostic(code="not-readable", message=str(error), file=args.source)
        print_json({"valid": False, "problems": [problem.to_dict()]})
        return 2
    counts = {c.field: len(getattr(dataset, c.field)) for c in Dataset.collections()}
    counts["groups"] = sum(1 for _ in dataset.groups())
    nouns = {c.field: c.noun for c in Dataset.collections()} | {"groups": "group"}
    if args.format == "json":
        print_json({"valid": True, "counts": counts})
    else:
        listed = ", ".join(f"{n} {k if n != 1 else nouns[k]}" for k, n in counts.items())
        name = "<stdin>" if args.source == "-" else args.source
        print(printable(f"{name}: valid ({listed})"))
    return 0

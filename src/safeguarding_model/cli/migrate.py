"""``safeguarding-model migrate SOURCE``: rewrite files of an earlier format version
in the current one, changing only the lines that must change."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import UsageError
from ..io.files import migrate
from ..io.versions import CURRENT
from ..io.writing import write_file
from ._common import check_output, printable, write


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="rewrite files of an earlier format version in the current one",
        description=f"Rewrite each file of SOURCE (a file or a folder) in the current format "
        f"version ({CURRENT}), in place, and say what changed, line by line. Only the lines "
        "that must change are changed: comments, order and layout are kept. Each rewritten "
        "file is read back and must say exactly what the original said, or nothing is "
        "written. Files already in the current version are left as they are.",
    )
    parser.add_argument("source", metavar="SOURCE", help="a YAML or JSON file, or a folder of them")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a file needs migrating (for CI)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the migrated file to PATH instead of in place (one file only; - for "
        "standard output)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.source:
        raise UsageError("SOURCE is empty: give a file or a folder")
    if args.source == "-":
        raise UsageError(
            "migrate rewrites files, and - (standard input) is none: save the text to a file "
            "and give its path (with -o - to print the migrated file instead of writing it)"
        )
    migrations = migrate(args.source)
    if args.output and len(migrations) != 1:
        raise UsageError(
            f"-o writes one file, and {args.source} holds {len(migrations)}: leave out -o to "
            "migrate them in place"
        )
    if args.output:
        check_output(args.output)
    pending = [(path, m) for path, m in migrations if m.changed]
    report = sys.stderr if args.output == "-" and not args.check else sys.stdout
    for path, migration in migrations:
        if not migration.changed:
            print(printable(f"{path}: already {CURRENT}; nothing to change"), file=report)
            continue
        verb = "needs" if args.check else "migrated:"
        print(printable(f"{path}: {verb} {len(migration.changes)} change(s)"), file=report)
        for change in migration.changes:
            print(printable(f"  {change}"), file=report)
    if args.check:
        return 1 if pending else 0
    if args.output:  # one file, migrated or already current, to -o (- for standard output)
        write(migrations[0][1].text, args.output)
        written = "" if args.output == "-" else f"wrote {args.output}; "
        print(printable(f"{written}{args.source} is unchanged"), file=sys.stderr)
        return 0
    for path, migration in pending:
        write_file(path, migration.text.encode("utf-8"))
    if pending:
        print(f"{len(pending)} file(s) rewritten in place", file=sys.stderr)
    return 0

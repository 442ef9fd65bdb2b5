"""``safeguarding-model export SOURCE --to FORMAT [-o PATH]``: write the data in another format.

The formats are the installed exporters (``safeguarding-model exporters`` lists
them). Text goes to standard output unless ``-o`` names a file; a binary format
(``png``, ``csv`` as a zip, ``docx``) refuses to write to a terminal. ``csv`` with
``-o PATH`` writes a folder of tables at PATH (a zip when PATH ends in ``.zip``).
``-o`` writes in one step and refuses a symbolic link, and refuses to write over the
SOURCE file itself unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import UsageError
from ..exporters import DOCUMENTS, ExportOptions, export_to, get_exporter
from ..io.writing import SourceOverwriteError
from ._common import add_partnership, add_source, check_output, load_source, write


def _depth(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, found {value}")
    return value


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the data, an org chart or a document in another format",
        description="Export SOURCE to FORMAT, to standard output or to PATH. "
        "`safeguarding-model exporters` lists the formats.",
    )
    add_source(parser)
    parser.add_argument(
        "--to",
        required=True,
        metavar="FORMAT",
        help="the format, such as json, yaml, dot, svg, png, mermaid, markdown, html, "
        "graphml, csv or popolo (and those of installed plugins)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="the file (or, for csv, the folder) to write; default: standard output",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write PATH even when it is the SOURCE file itself (its comments and layout are lost)",
    )
    parser.add_argument(
        "--document",
        choices=DOCUMENTS,
        help="the document to write, for formats that carry one (default: arrangements)",
    )
    add_partnership(parser)
    parser.add_argument(
        "--edges",
        metavar="KIND,...",
        help="the edge kinds a chart draws, such as reports-to,escalates-to",
    )
    parser.add_argument(
        "--depth",
        type=_depth,
        metavar="N",
        help="how many steps beyond the partnership and its groups a chart reaches (default 1)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    exporter = get_exporter(args.to)  # an unknown format fails before the source is read
    options: dict[str, Any] = {
        "partnership": args.partnership,
        "edges": args.edges,
        "depth": args.depth,
        "document": args.document,
    }
    options = {key: value for key, value in options.items() if value is not None}
    check_output(args.output)
    dataset = load_source(args.source)
    if args.output not in (None, "-"):
        source = None if args.force else args.source
        try:
            export_to(dataset, exporter.name, args.output, source=source, **options)
        except SourceOverwriteError as error:
            raise UsageError(f"{error}, or pass --force to overwrite it anyway") from None
        return 0
    content = exporter.run(dataset, ExportOptions.from_keywords(options))
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise UsageError(
            f"the {exporter.name} format is binary and standard output is a terminal: "
            f"give -o PATH (such as -o chart.{exporter.extension}) or redirect the output"
        )
    write(content, None)
    return 0

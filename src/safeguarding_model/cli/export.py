"""``safeguarding-model export SOURCE --to FORMAT [-o PATH]``: write the data in another format.

The formats are the installed exporters (``safeguarding-model exporters`` lists
them, and ``safeguarding-model exporters FORMAT`` the options of one). Every option an
exporter declares is given as ``-O NAME=VALUE``; the shared ones also have a flag of
their own (``--depth 2`` is ``-O depth=2``). Options are checked against the chosen
exporter before the source is read. Text goes to standard output unless ``-o`` names
a file; a binary format
(``png``, ``csv`` as a zip, ``docx``) refuses to write to a terminal. ``csv`` with
``-o PATH`` writes a folder of tables at PATH (a zip when PATH ends in ``.zip``).
``-o`` writes in one step and refuses a symbolic link, and refuses to write over the
SOURCE file itself unless ``--force`` is given. ``--on DATE`` exports the arrangements
as they stood on a date, in every format, and the output says so where its format has
a place; when nothing stood then, the command says why and exits 1.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from typing import Any

import attrs

from ..documents import view_on
from ..errors import NothingStoodError, UsageError
from ..exporters import (
    SHARED_OPTIONS,
    Exporter,
    ExportOptions,
    Option,
    export_to,
    get_exporter,
)
from ..io.writing import SourceOverwriteError
from ..model import Collaboration, Dataset, Partnership
from ..model.names import Names
from ._common import (
    add_on,
    add_source,
    cautions,
    check_output,
    load_source,
    nothing_stood,
    on_date,
    write,
)

FLAGS = {name: f"--{name}" for name in SHARED_OPTIONS}
"""The options that have a flag of their own besides ``-O NAME=VALUE`` (the shared
options: ``--depth 2`` is ``-O depth=2``), and their flags."""


def _read_with(option: Option) -> Callable[[str], Any]:
    """An argparse ``type`` that reads a flag's text as ``option`` reads a value."""

    def read(text: str) -> Any:
        try:
            return option.reader(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return read


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
        help="the format: one of the exporters that `safeguarding-model exporters` lists",
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
    add_on(parser, "export")
    parser.add_argument(
        "-O",
        "--option",
        action="append",
        metavar="NAME=VALUE",
        help="an option of the format, by name (repeatable): -O depth=2; "
        "`safeguarding-model exporters FORMAT` lists the options a format takes",
    )
    for name, flag in FLAGS.items():
        option = SHARED_OPTIONS[name]
        allowed = option.allowed()
        if allowed is not None:
            parser.add_argument(flag, choices=allowed, help=option.help)
        else:
            parser.add_argument(
                flag, type=_read_with(option), metavar=option.metavar, help=option.help
            )
    parser.set_defaults(run=run)


def options_of(args: argparse.Namespace) -> dict[str, Any]:
    """The options the command line gives, by name: the flags, then each ``-O``."""
    flags = {name: getattr(args, name) for name in FLAGS}
    options = {name: value for name, value in flags.items() if value is not None}
    for given in args.option or ():
        name, equals, value = given.partition("=")
        name = name.strip().replace("-", "_")
        if not equals or not name:
            raise UsageError(f"-O {given!r}: expected NAME=VALUE, such as -O depth=2")
        if name in options:
            also = f"{FLAGS[name]} and " if name in flags and flags[name] is not None else ""
            raise UsageError(
                f"the option {name!r} is given twice ({also}-O {given!r}); give it once"
            )
        options[name] = value
    return options


def run(args: argparse.Namespace) -> int:
    exporter = get_exporter(args.to)  # an unknown format fails before the source is read
    options = options_of(args)
    chosen = ExportOptions.from_keywords(options, exporter)  # and so do its options
    check_output(args.output)
    on = on_date(args.on)
    dataset = load_source(args.source)
    if chosen.partnership is not None:
        _check_partnership(dataset, chosen.partnership, exporter)
    try:
        view = view_on(dataset, on, chosen.partnership)
    except NothingStoodError as error:
        return nothing_stood(error)
    cautions(view.cautions)
    if args.output not in (None, "-"):
        source = None if args.force else args.source
        try:
            export_to(dataset, exporter.name, args.output, source=source, on=on, **options)
        except SourceOverwriteError as error:
            raise UsageError(f"{error}, or pass --force to overwrite it anyway") from None
        return 0
    content = exporter.run(dataset, attrs.evolve(chosen, on=on))
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise UsageError(
            f"the {exporter.name} format is binary and standard output is a terminal: "
            f"give -o PATH (such as -o chart.{exporter.extension}) or redirect the output"
        )
    write(content, None)
    return 0


def _check_partnership(dataset: Dataset, key: str, exporter: Exporter) -> None:
    """``--partnership KEY`` names a partnership of the source, or for a chart a
    collaboration: otherwise a message that says it is the ``--partnership`` given and
    names the choices (the nearest name first, where there is one)."""
    chart = "edges" in exporter.options  # a chart format: a collaboration has a chart
    kinds: tuple[type, ...] = (Partnership, Collaboration) if chart else (Partnership,)
    choices = ", ".join(p.id for p in dataset.partnerships) or "none"
    names = Names(dataset)
    try:
        names.resolve(key, *kinds)
    except UsageError as error:
        found = None
        if not chart:  # a collaboration: say so, rather than that nothing has the name
            with contextlib.suppress(UsageError):
                found = names.resolve(key, Collaboration)
        if not isinstance(found, Collaboration):
            raise UsageError(f"--partnership {key!r}: {error}") from None
        raise UsageError(
            f"--partnership {key!r}: {found.name} is a collaboration, and the "
            f"{exporter.name} format shows one partnership; choose one of: {choices} "
            "(a chart format, such as dot or svg, draws a collaboration)"
        ) from None

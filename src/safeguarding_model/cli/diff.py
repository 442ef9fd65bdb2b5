"""``safeguarding-model diff OLD NEW`` and ``diff SOURCE --from DATE --to DATE``: what
changed between two versions of the arrangements, or in one source between two dates.

Text for a person, JSON for scripts, or Markdown: the section "Changes to the
safeguarding arrangements" for the yearly report. Exit status 0 whether or not
anything changed (``--exit-code``: 1 when something did); 1 when nothing stood to
compare on the dates of ``--from`` and ``--to`` (said why, as ``show --on`` says it);
2 for bad input.
"""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from ..documents.changes import changes_data, changes_document, changes_text
from ..documents.dated import view_on
from ..errors import NothingStoodError, UsageError
from ..exporters.builtin.markdown import to_markdown
from ..model import Dataset, PartialDate
from ..model.changes import Changes, changes_between, compare
from ._common import (
    SOURCE_HELP,
    add_format,
    add_partnership,
    load_source,
    nothing_stood,
    on_date,
    print_json,
    print_text,
)

EXIT_CHANGED = 1
"""The status with ``--exit-code`` when something changed."""

_FORMS = (
    "give two versions (diff OLD NEW) or one source and two dates "
    "(diff SOURCE --from DATE --to DATE)"
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="say what changed between two versions of the arrangements",
        description="Say what changed between two versions of the arrangements (OLD and "
        "NEW), or in one SOURCE between two dates (--from and --to): partners, post-holders, "
        "the chair, scrutiny, relevant agencies, groups, their chairs, members, meetings, "
        "lines and responsibilities, matched by id or by a predecessor the data declares. "
        "Exit status: 0 whether or not anything changed; 1 when, with --from and --to, "
        "nothing stood to compare on the dates; 2 bad input.",
    )
    parser.add_argument("old", metavar="OLD", help=f"the earlier version, or SOURCE: {SOURCE_HELP}")
    parser.add_argument(
        "new", metavar="NEW", nargs="?", help="the later version (not with --from and --to)"
    )
    parser.add_argument(
        "--from",
        dest="from_date",
        metavar="DATE",
        help="with one SOURCE: the earlier date (2019, 2019-06 or 2019-06-30)",
    )
    parser.add_argument(
        "--to",
        dest="to_date",
        metavar="DATE",
        help="with one SOURCE: the later date (2024, 2024-09 or 2024-09-30)",
    )
    add_partnership(parser)
    add_format(parser, "text", "json", "markdown")
    parser.add_argument(
        "--exit-code",
        action="store_true",
        help=f"exit {EXIT_CHANGED} when something changed and 0 when nothing did, for scripts",
    )
    parser.set_defaults(run=run)


def _date(text: str, option: str) -> PartialDate:
    """The date of ``--from`` or ``--to``, read as ``--on`` reads its date; the
    error names the option given."""
    try:
        found = on_date(text)
    except UsageError as error:
        raise UsageError(f"{option} {str(error).removeprefix('--on ')}") from None
    assert found is not None
    return found


def _dates(args: argparse.Namespace) -> tuple[PartialDate, PartialDate]:
    """The dates of ``--from`` and ``--to``, in order."""
    start, end = _date(args.from_date, "--from"), _date(args.to_date, "--to")
    if start.first_day() > end.last_day():
        raise UsageError(
            f"--from {start} is after --to {end}: give the earlier date with --from and the "
            f"later with --to"
        )
    return start, end


def _stood(
    dataset: Dataset, dates: tuple[PartialDate, PartialDate], partnership: str | None
) -> None:
    """Raise :class:`NothingStoodError`, saying why as ``show --on`` does, when the
    partnership asked for did not stand on one of the dates, or (none asked for)
    nothing stood on either."""
    found: list[NothingStoodError] = []
    for on in dates:
        try:
            view_on(dataset, on, partnership)
        except NothingStoodError as error:
            found.append(error)
    if found and (partnership is not None or len(found) == len(dates)):
        lines = dict.fromkeys(line for error in found for line in str(error).splitlines())
        raise NothingStoodError("\n".join(lines), found[0].on)


def changes_asked(args: argparse.Namespace) -> Changes:
    """The changes the arguments ask for: two versions, or one source on two dates.
    Every mistake in the arguments is found before a file is read."""
    dated = (args.from_date is not None, args.to_date is not None)
    if args.new is not None and any(dated):
        option = "--from" if dated[0] else "--to"
        raise UsageError(f"{option} goes with one SOURCE, not with OLD and NEW: {_FORMS}")
    if args.new is None:
        if not any(dated):
            raise UsageError(f"NEW is missing: {_FORMS}")
        if not all(dated):
            given, missing = ("--from", "--to") if dated[0] else ("--to", "--from")
            raise UsageError(f"{given} needs {missing} too: {_FORMS}")
        dates = _dates(args)
        dataset = load_source(args.old)
        if dataset.partnerships:
            _stood(dataset, dates, args.partnership)
        return changes_between(dataset, *dates, partnership=args.partnership)
    if args.old == args.new == "-":
        raise UsageError(
            "OLD and NEW are both - (standard input), which holds one file: give one as a path"
        )
    old, new = load_source(args.old), load_source(args.new)
    changes = compare(old, new, partnership=args.partnership)
    return attrs.evolve(changes, old_version=args.old, new_version=args.new)


def run(args: argparse.Namespace) -> int:
    try:
        changes = changes_asked(args)
    except NothingStoodError as error:
        return nothing_stood(error)
    if args.format == "json":
        print_json(changes_data(changes))
    elif args.format == "markdown":
        print_text(to_markdown(changes_document(changes)).rstrip("\n"))
    else:
        print_text(changes_text(changes))
    return EXIT_CHANGED if args.exit_code and changes else 0

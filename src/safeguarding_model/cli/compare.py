"""``safeguarding-model compare SOURCE [PARTNERSHIP...]``: partnerships side by side,
marking where they differ and where a fact is not stated."""

from __future__ import annotations

import argparse
import csv
import io
from typing import Any

from ..documents import view_on
from ..documents.comparison import (
    compare_partnerships,
    comparison_data,
    comparison_markdown,
    comparison_rows,
    comparison_text,
)
from ..documents.dated import on_sentence
from ..errors import NothingStoodError, UsageError
from ..model import Partnership
from ..model.names import Names
from ._common import (
    SOURCE_HELP,
    add_format,
    add_on,
    cautions,
    load_source,
    nothing_stood,
    on_date,
    print_json,
    print_text,
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare partnerships side by side",
        description="Compare the partnerships of SOURCE (all of them, or those named) side "
        "by side: statutory regimes, scope, lead and delegated partners, chair, scrutiny, "
        "groups by kind, relevant agencies, collaborations, funding and the organisations "
        "they share. Marks where they differ; a fact a file does not give reads 'not "
        "given', one its source says it does not state 'not stated', never 'none'. Exit "
        "status: 0 compared; 1 nothing stood on the --on date; 2 bad input.",
    )
    parser.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    parser.add_argument(
        "partnerships",
        metavar="PARTNERSHIP",
        nargs="*",
        help="ids or names of the partnerships to compare (default: every one in SOURCE)",
    )
    add_on(parser, "compare")
    add_format(parser, "text", "json", "markdown", "csv")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    on = on_date(args.on)
    dataset = load_source(args.source)
    names = Names(dataset)
    ids = []
    for key in args.partnerships:
        found = names.resolve(key, Partnership)
        ids.append(found.id)
    if not dataset.partnerships:
        raise UsageError(f"{args.source} holds no partnerships to compare")
    try:
        view = view_on(dataset, on)
    except NothingStoodError as error:
        return nothing_stood(error)
    standing = {p.id for p in view.dataset.partnerships}
    gone = [key for key in ids if key not in standing]
    notes = list(view.cautions)
    notes += [f"{dataset.name_of(key)} did not stand on {view.on}: left out" for key in gone]
    kept = tuple(key for key in ids if key in standing)
    if ids and not kept:
        cautions(tuple(notes))
        return 1
    comparison = compare_partnerships(view.dataset, kept)
    cautions(tuple(notes))
    if args.format == "json":
        data = comparison_data(comparison)
        print_json({"on": str(view.on), **data} if view.on is not None else data)
        return 0
    if args.format == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(comparison_rows(comparison))
        print_text(buffer.getvalue().rstrip("\n"))
        return 0
    body = (
        comparison_markdown(comparison)
        if args.format == "markdown"
        else (comparison_text(comparison))
    )
    heading = [on_sentence(view.on), ""] if view.on is not None else []
    print_text("\n".join([*heading, body]))
    return 0

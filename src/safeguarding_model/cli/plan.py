"""``safeguarding-model plan SOURCE [--plan ID] [--year 2021-22]``: how far each
business plan got, per reporting year, and the priorities with little or no evidence
of progress.

Text for a person, JSON for scripts, Markdown for a report, CSV for a spreadsheet.
Exit status 0 reported, 2 for bad input (no plan in SOURCE, an unknown plan, a
reporting year no action has).
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import Any

from ..documents.progress import (
    plan_progress,
    progress_data,
    progress_document,
    progress_rows,
    progress_text,
)
from ..errors import UsageError
from ..exporters.builtin.markdown import to_markdown
from ._common import SOURCE_HELP, add_format, load_source, print_json, print_text


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="report the progress of business plans",
        description="Report how far the business plans of SOURCE got: for each plan and "
        "reporting year, its objectives and activities, their owners, the partnerships "
        "they are run with, and their actions with the state a document gives each ('not "
        "stated' where none does: never 'planned'); then the priorities with little or no "
        "evidence of progress (no action for the year stated as completed or in progress, "
        "or no owner). Exit status: 0 reported; 2 bad input.",
    )
    parser.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    parser.add_argument(
        "--plan",
        metavar="ID",
        help="the plan to report (its id or title; default: every plan of SOURCE)",
    )
    parser.add_argument(
        "--year",
        metavar="YEAR",
        help="one reporting year: 2021-22, or as the data writes it (2021 to 2022, "
        "2021-04 to 2022-03); default: every year of the plan's actions",
    )
    add_format(parser, "text", "json", "markdown", "csv")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    dataset = load_source(args.source)
    if not dataset.plans:
        raise UsageError(f"{args.source} holds no business plan")
    reports = plan_progress(dataset, args.plan, args.year)
    if args.format == "json":
        print_json(progress_data(reports))
    elif args.format == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(progress_rows(reports))
        print_text(buffer.getvalue().rstrip("\n"))
    elif args.format == "markdown":
        print_text(to_markdown(progress_document(reports)).rstrip("\n"))
    else:
        print_text(progress_text(reports))
    return 0

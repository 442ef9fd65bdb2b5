"""``safeguarding-model check SOURCE``: check the arrangements against the law and the
statutory guidance in force on a date, and say what is not met.

Exit status 0 when no "must" is unmet, 1 when one is (with ``--strict``, also when a
"should" or an advisory rule is), 2 for input that cannot be read or a request that
cannot be met (an unknown edition, a date that is not one, a date on which nothing
stood). Findings are grouped by severity, each with its source and how sure that
source is; ``--format markdown`` gives the yearly report's "Compliance with statutory
guidance" section.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any

from ..errors import Severity
from ..exporters.escape import markdown_cell, markdown_line, markdown_text
from ..rules import EDITIONS, PROVISIONS, CheckReport, PartnershipCheck, RuleFinding, check
from ..rules.compliance import OUTCOME_WORDS, compliance_of
from ..rules.rule import Outcome
from ._common import (
    add_format,
    add_partnership,
    add_source,
    load_source,
    on_date,
    print_json,
    print_text,
    printable,
)

ASSUME_ENV = "SAFEGUARDING_MODEL_ASSUME_IN_FORCE"
"""A setting for the commencement dates to assume, as ``--assume-in-force`` takes them,
separated by commas (``s2=2027-09-01,s3=2027-09-01``); the options given win."""

EXIT_UNMET = 1
"""The status when a "must" is not met (with ``--strict``, a "should" or advisory rule)."""

HEADINGS = {
    Severity.ERROR: "Errors: a “must” not met",
    Severity.WARNING: "Warnings: a “should” not met, or an advisory rule (unconfirmed source)",
    Severity.INFO: "Information: what the data cannot tell, what is not yet in force, remarks",
}


def add_parser(subparsers: Any) -> None:
    provisions = "; ".join(f"{key}: CWSA 2026 {words}" for key, (_, words) in PROVISIONS.items())
    parser = subparsers.add_parser(
        "check",
        help="check the arrangements against the law and statutory guidance on a date",
        description="Check each partnership of SOURCE against the rules in force on a date "
        "(today unless --on): the edition of Working Together the arrangements declare, or "
        "the one in force on the date (the report says which, and why), the Children Act "
        "2004 and the relevant agency regulations as in force then, and the structure. "
        "Exit status 0 when no “must” is unmet, 1 when one is (with --strict, also a "
        "“should” or an advisory rule), 2 for unreadable input or a bad request.",
    )
    add_source(parser)
    parser.add_argument(
        "--edition",
        choices=[edition.key for edition in EDITIONS],
        help="check by this edition of Working Together, whatever the arrangements declare "
        "and whatever was in force on the date",
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        help="check the arrangements as they stood on a date, by the rules in force then: "
        "2024, 2024-09 or 2024-09-30 (default: today)",
    )
    parser.add_argument(
        "--assume-in-force",
        action="append",
        default=[],
        metavar="PROVISION=DATE",
        help="check a provision enacted but not yet in force as if in force from DATE "
        f"(repeatable; also read from {ASSUME_ENV}, comma-separated): {provisions}",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a “should” or an advisory rule is not met, too",
    )
    add_partnership(parser)
    add_format(parser, "text", "json", "markdown")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    dataset = load_source(args.source)
    on = on_date(args.on)
    setting = [part.strip() for part in os.environ.get(ASSUME_ENV, "").split(",")]
    report = check(
        dataset,
        on,
        edition=args.edition,
        partnership=args.partnership,
        assume_in_force=[*(part for part in setting if part), *args.assume_in_force],
    )
    for problem in report.problems:
        print(printable(f"safeguarding-model: {problem}"), file=sys.stderr)
    if args.format == "json":
        data = report.to_dict()
        data["strict"] = args.strict
        data["failed"] = report.failed(args.strict)
        print_json(data)
    elif args.format == "markdown":
        print_text(markdown(report))
    else:
        print_text(text(report, strict=args.strict))
    return EXIT_UNMET if report.failed(args.strict) else 0


# --- text ---------------------------------------------------------------------------------


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _finding_lines(finding: RuleFinding) -> list[str]:
    lines = [f"  {finding}"]
    lines.append(f"      source: {finding.source}")
    if finding.text:
        lines.append(f"      “{finding.text}”")
    return lines


def _result(result: PartnershipCheck, strict: bool) -> str:
    counts = result.counts()
    tally = (
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{counts['info']} information"
    )
    if result.failed():
        musts = len({f.rule for f in result.findings if f.severity == Severity.ERROR})
        return f"Result: NOT MET: {_plural(musts, 'rule')} with a “must” not met ({tally})"
    if strict and result.failed(strict=True):
        return f"Result: NOT MET under --strict: a “should” or advisory rule is not met ({tally})"
    return f"Result: no “must” is unmet ({tally})"


def text(report: CheckReport, *, strict: bool = False) -> str:
    """The report for a person: each partnership, its edition and why, then its findings
    grouped by severity, each with its source and status."""
    out: list[str] = []
    on = report.on if report.on_given else f"{report.on} (today)"
    for number, result in enumerate(report.checks):
        if number:
            out.append("")
        out.append(f"{result.name} (`{result.partnership}`), checked on {on}")
        out.append(f"Edition: {result.reason}.")
        out += [f"Note: {note}" for note in result.notes]
        if report.assumptions:
            assumed = ", ".join(f"{key} from {date}" for key, date in report.assumptions)
            out.append(f"Assumed in force: {assumed}.")
        out.append(_result(result, strict))
        for severity in Severity:
            found = [f for f in result.findings if f.severity == severity]
            if not found:
                continue
            out.append("")
            out.append(f"{HEADINGS[severity]} ({len(found)})")
            for finding in found:
                out += _finding_lines(finding)
        outcomes = [o.outcome for o in result.outcomes]
        tally = ", ".join(
            f"{outcomes.count(kind)} {OUTCOME_WORDS[kind]}" for kind in Outcome if kind in outcomes
        )
        out.append("")
        out.append(f"Rules applied: {len(outcomes)} ({tally}).")
    for caution in report.cautions:
        out.append(f"Caution: {caution}")
    return "\n".join(out)


# --- markdown -----------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _code(code: str | None) -> str:
    """A finding's code as Markdown: a code span for a plain code, else escaped text."""
    if code and _SLUG.match(code):
        return f"`{code}`"
    return markdown_text(code or "")


def markdown(report: CheckReport) -> str:
    """The "Compliance with statutory guidance" section of each partnership, in Markdown:
    a summary, the notes, a table of the requirements applied and the findings."""
    out: list[str] = []
    for result in report.checks:
        section = compliance_of(result, report)
        heading = section.title
        if len(report.checks) > 1:
            heading += f": {section.name}"
        out.append(f"## {markdown_text(heading)}")
        out.append("")
        out.append(markdown_line(markdown_text(section.summary)))
        out.append("")
        for note in section.notes:
            out.append(f"- {markdown_text(note)}")
        if section.notes:
            out.append("")
        out.append("| Requirement | Source | Status | Modality | Outcome |")
        out.append("|---|---|---|---|---|")
        for row in section.rows:
            cells = (row.requirement, row.source, row.status, row.modality, row.outcome)
            out.append("| " + " | ".join(markdown_cell(cell) for cell in cells) + " |")
        for severity in Severity:
            found = [f for f in section.findings if f.severity == severity]
            if not found:
                continue
            out.append("")
            out.append(f"### {markdown_text(HEADINGS[severity])}")
            out.append("")
            for finding in found:
                said = markdown_text(finding.message)
                source = markdown_text(finding.source or finding.rule)
                out.append(f"- {said} (*{source}*; {_code(finding.code)})")
                if finding.text:
                    out.append(f"  > {markdown_text(finding.text)}")
        out.append("")
    return "\n".join(out).rstrip("\n")

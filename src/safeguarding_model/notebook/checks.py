"""The statutory check as HTML, for a notebook.

A :class:`~safeguarding_model.rules.CheckReport` shows each partnership checked: the
date (and whether it is today), the edition of Working Together and why, the summary
the yearly report's "Compliance with statutory guidance" section gives
(:func:`~safeguarding_model.rules.compliance_of`), the findings in a table (severity,
rule, what it came to, the message, the source cited with how sure it is, and the
document's words), and, to open, every requirement applied with its outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..rules.compliance import OUTCOME_WORDS, compliance_of
from ..rules.engine import CheckReport, PartnershipCheck
from ..rules.rule import Outcome, RuleFinding
from .markup import ROOT_CLASS, Markup, details, join, rows_table, tag

__all__ = ["check_html", "rule_findings_table"]

FINDING_HEADER = (
    "Severity",
    "Rule",
    "Outcome",
    "What it found",
    "Source",
    "The document's words",
)
REQUIREMENT_HEADER = ("Requirement", "Rule", "Source", "Status", "Modality", "Outcome")

_ADVISORY = " (advisory: its source is unconfirmed)"


def _outcome(value: str) -> str:
    try:
        return OUTCOME_WORDS[Outcome(value)]
    except ValueError:
        return value


def rule_findings_table(findings: Sequence[RuleFinding]) -> Markup:
    """The findings of the statutory check as a table, most serious first."""
    rows = [
        [
            f.severity.value + (_ADVISORY if f.advisory else ""),
            f.rule,
            _outcome(f.outcome),
            f.message,
            f.source or f.reference,
            " ".join(f.text.split()) if f.text else "",
        ]
        for f in findings
    ]
    return rows_table(FINDING_HEADER, rows)


def _partnership(result: PartnershipCheck, report: CheckReport) -> list[object]:
    section = compliance_of(result, report)
    counts = result.counts()
    verdict = (
        "NOT MET: a “must” is not met"
        if result.failed()
        else "No “must” is unmet (the findings below say what the data cannot tell)"
    )
    tally = (
        f"{counts['error']} error{'' if counts['error'] == 1 else 's'}, "
        f"{counts['warning']} warning{'' if counts['warning'] == 1 else 's'}, "
        f"{counts['info']} information"
    )
    parts: list[object] = [
        tag("h4", result.name, " ", tag("code", result.partnership)),
        tag("p", section.summary),
        *(tag("p", tag("em", note)) for note in section.notes),
        tag("p", tag("strong", verdict), f" ({tally})."),
    ]
    if result.findings:
        parts.append(rule_findings_table(result.findings))
    else:
        parts.append(tag("p", "No findings."))
    requirements = [
        [row.requirement, row.rule, row.source, row.status, row.modality, row.outcome]
        for row in section.rows
    ]
    parts.append(
        details(
            f"Requirements applied ({len(requirements)})",
            rows_table(REQUIREMENT_HEADER, requirements),
        )
    )
    return parts


def check_html(report: CheckReport | PartnershipCheck) -> str:
    """A check report (or one partnership's check, within its report) as HTML (their
    ``_repr_html_``)."""
    if isinstance(report, PartnershipCheck):
        # one partnership's check alone: its own findings, without the report's date
        parts: list[object] = [
            tag("h4", report.name, " ", tag("code", report.partnership)),
            tag("p", f"Edition: {report.reason}."),
            *(tag("p", tag("em", note)) for note in report.notes),
            rule_findings_table(report.findings) if report.findings else tag("p", "No findings."),
        ]
        return str(tag("div", *parts, class_=ROOT_CLASS))
    parts = []
    if report.assumptions:
        assumed = ", ".join(f"{key} from {date}" for key, date in report.assumptions)
        parts.append(tag("p", f"Assumed in force: {assumed}."))
    for result in report.checks:
        parts += _partnership(result, report)
    if not report.checks:
        parts.append(tag("p", f"No partnership stood on {report.on} to be checked."))
    parts += [tag("p", f"Plugin problem: {problem}") for problem in report.problems]
    return str(tag("div", join(parts), class_=ROOT_CLASS))

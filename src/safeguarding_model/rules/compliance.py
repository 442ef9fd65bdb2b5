"""What the yearly report's "Compliance with statutory guidance" section shows: one
partnership's check on a date, as plain data a document builder lays out.

:func:`compliance` checks one partnership and returns a :class:`Compliance`: the
section's title, a summary paragraph (the date, the edition and why, the counts), the
notes about the edition and the date, one row per requirement applied (what it asks, its
source and status, what it came to) and the findings, most serious first. The rules
layer knows nothing of documents; the documents layer turns this into a section, and
the command line into markdown (``check --format markdown``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import Severity
from ..model import Dataset
from ..model.dates import OnDate
from .engine import CheckReport, PartnershipCheck, check
from .instruments import InstrumentInfo, instrument
from .registry import RuleManager
from .rule import Outcome, RuleFinding

__all__ = ["OUTCOME_WORDS", "TITLE", "Compliance", "ComplianceRow", "compliance", "compliance_of"]

TITLE = "Compliance with statutory guidance"
"""The title of the yearly report's section."""

OUTCOME_WORDS = {
    Outcome.MET: "met",
    Outcome.NOT_MET: "not met",
    Outcome.CANNOT_TELL: "cannot tell from the data",
    Outcome.NOT_IN_FORCE: "not yet in force",
    Outcome.DATE_TOO_VAGUE: "date too vague to tell",
    Outcome.COULD_NOT_RUN: "could not be checked",
}
"""Each outcome in words."""


@attrs.frozen(kw_only=True)
class ComplianceRow:
    """One requirement applied: the rule's id, what it asks, its source (instrument and
    where in it), the evidence status, its modality and what it came to, in words."""

    rule: str
    requirement: str
    source: str
    status: str
    modality: str
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Compliance:
    """The section: ``title``, ``summary`` (a paragraph), ``notes`` (about the edition
    and the date), ``rows`` (each requirement applied) and ``findings`` (most serious
    first), for the partnership ``partnership`` (its id) named ``name``."""

    title: str
    partnership: str
    name: str
    on: str
    edition: str | None
    summary: str
    notes: tuple[str, ...]
    rows: tuple[ComplianceRow, ...]
    findings: tuple[RuleFinding, ...]
    failed: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "title": self.title,
            "partnership": self.partnership,
            "name": self.name,
            "on": self.on,
            "edition": self.edition,
            "summary": self.summary,
            "notes": list(self.notes),
            "rows": [row.to_dict() for row in self.rows],
            "findings": [finding.to_dict() for finding in self.findings],
            "failed": self.failed,
        }


def _count(found: int, one: str, many: str | None = None) -> str:
    return f"{found} {one if found == 1 else (many or one + 's')}"


def compliance_of(result: PartnershipCheck, report: CheckReport) -> Compliance:
    """The section for one partnership's check within ``report``."""
    outcomes = [o.outcome for o in result.outcomes]
    musts = sum(
        1
        for o in result.outcomes
        if o.outcome is Outcome.NOT_MET
        and any(f.severity == Severity.ERROR for f in result.of(o.rule.id))
    )
    edition: InstrumentInfo | None = result.edition
    on = report.on if report.on_given else f"{report.on} (today)"
    parts = [
        f"{result.name} was checked on {on} by {result.reason}.",
        f"Of {_count(len(outcomes), 'requirement')} applied, "
        f"{outcomes.count(Outcome.MET)} met, "
        f"{outcomes.count(Outcome.NOT_MET)} not met ({_count(musts, 'a “must”', '“must”s')} among "
        f"them), {outcomes.count(Outcome.CANNOT_TELL)} that the data cannot tell, and "
        f"{outcomes.count(Outcome.NOT_IN_FORCE)} not yet in force.",
        "Each requirement gives its source and how sure it is: confirmed in the legislation, "
        "secondary (read in briefings that paraphrase the guidance) or unconfirmed (advisory "
        "only).",
    ]
    rows = tuple(
        ComplianceRow(
            rule=o.rule.id,
            requirement=o.rule.title,
            source=instrument(o.rule.instrument).cite(o.rule.reference),
            status=o.rule.status,
            modality=o.rule.modality.value,
            outcome=OUTCOME_WORDS[o.outcome],
        )
        for o in result.outcomes
    )
    return Compliance(
        title=TITLE,
        partnership=result.partnership,
        name=result.name,
        on=report.on,
        edition=None if edition is None else edition.key,
        summary=" ".join(parts),
        notes=(*result.notes, *report.cautions),
        rows=rows,
        findings=result.findings,
        failed=result.failed(),
    )


def compliance(
    dataset: Dataset,
    partnership: str | None = None,
    *,
    on: OnDate | None = None,
    edition: InstrumentInfo | str | None = None,
    assume_in_force: Iterable[str] | Mapping[str, OnDate] | None = None,
    manager: RuleManager | None = None,
    today: datetime.date | None = None,
) -> Compliance:
    """The "Compliance with statutory guidance" section for ``partnership`` (an id or
    name; the only one when None) checked on ``on`` (by default today).

    >>> import safeguarding_model as sm
    >>> section = compliance(sm.load("isle-of-wight-2024"), on="2024-10-01")
    >>> section.title, section.edition, section.failed
    ('Compliance with statutory guidance', 'working-together-2023', False)
    """
    key = dataset.partnership(partnership).id
    report = check(
        dataset,
        on,
        edition=edition,
        partnership=key,
        assume_in_force=assume_in_force,
        manager=manager,
        today=today,
    )
    return compliance_of(report.checks[0], report)

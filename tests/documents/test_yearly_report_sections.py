"""The yearly report skeleton ends with progress on agreed priorities and compliance
with statutory guidance, as the plan and check commands give them."""

from __future__ import annotations

import datetime

import safeguarding_model as sm
from plan_examples import ENDED_OWNER
from safeguarding_model.documents import build
from safeguarding_model.documents.tree import Placeholder, Table


def _titles(document: object) -> list[str]:
    return [section.title for section in document.sections]  # type: ignore[attr-defined]


def test_the_report_checks_the_arrangements_on_its_date() -> None:
    report = build("yearly-report", sm.load("isle-of-wight-2024"), on="2024-10-01")
    titles = _titles(report)
    assert titles[-2:] == ["Progress on agreed priorities", "Compliance with statutory guidance"]
    compliance = report.sections[-1]
    table = next(b for b in compliance.blocks if isinstance(b, Table))
    assert table.header[0] == "Requirement" and len(table.rows) > 10
    assert "by Working Together to Safeguard Children 2023" in str(compliance.blocks[0])
    assert isinstance(compliance.blocks[-1], Placeholder)


def test_a_report_without_a_date_is_checked_today_by_the_edition_in_force() -> None:
    report = build("yearly-report", sm.load("isle-of-wight-2024"), today=datetime.date(2026, 12, 2))
    assert "Working Together to Safeguard Children 2026" in str(report.sections[-1].blocks[0])


def test_the_progress_section_names_the_plans_of_the_partnership() -> None:
    report = build("yearly-report", sm.load("isle-of-wight-2020"))
    progress = next(s for s in report.sections if s.title == "Progress on agreed priorities")
    assert any("Business Plan" in s.title for s in progress.sections)


def test_on_a_date_the_progress_keeps_the_owners_the_plan_gives() -> None:
    """The group that owned the objective in 2020-21 had ended by the report's date:
    the progress of 2020-21 still names it, never "owner not given"."""
    report = build("yearly-report", sm.loads(ENDED_OWNER), on="2022")
    progress = next(s for s in report.sections if s.title == "Progress on agreed priorities")
    (year,) = progress.sections
    table = next(b for b in year.blocks if isinstance(b, Table))
    assert [row[2] for row in table.rows] == [
        "Neglect Task and Finish Group",
        "not given in the data",  # the activity whose owners the data does not give
        "not stated in the source",
    ]

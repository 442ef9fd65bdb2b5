"""The yearly report skeleton ends with progress on agreed priorities and compliance
with statutory guidance, as the plan and check commands give them."""

from __future__ import annotations

import datetime

import safeguarding_model as sm
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

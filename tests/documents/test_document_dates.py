"""The arrangements document over time: dates beside every dated entry (read against
the day passed in), planned entries apart, the published yearly reports and the next
review, and, on a date, the arrangements as they stood then, saying so."""

from __future__ import annotations

import pytest

from safeguarding_model.documents import (
    Document,
    ItemList,
    Paragraph,
    Section,
    arrangements,
    build,
    summary,
)
from safeguarding_model.errors import NothingStoodError
from safeguarding_model.model import Dataset
from today import TODAY


def texts(document: Document) -> list[str]:
    """Every paragraph and list entry of the document, in order, as plain text."""
    found = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    for _, section in document.walk():
        found += section_texts(section)
    return found


def section_texts(section: Section) -> list[str]:
    found = [section.title]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, ItemList):
            stack = list(block.items)
            while stack:
                item = stack.pop(0)
                found.append(item.text)
                stack[:0] = item.children
    return found


@pytest.fixture(scope="module")
def published(westshire_data: Dataset) -> list[str]:
    return texts(arrangements(westshire_data, today=TODAY))


def test_chairs_were_are_and_will_be(published: list[str]) -> None:
    assert "The partnership chair was Ann Old, Independent Chair (ended March 2021)." in published
    assert (
        "The partnership chair is Bob Now, Director of Children's Services, Westshire Council "
        "(from April 2021, until June 2039)."
    ) in published
    assert (
        "The partnership chair will be rotating among Westshire Council, Westshire and "
        "Eastshire Police (planned for July 2039, not yet in place)."
    ) in published


def test_organisations_and_regimes_with_their_dates(published: list[str]) -> None:
    assert (
        "The clinical commissioning group: Westshire Clinical Commissioning Group "
        "(ended by 30 June 2022)"
    ) in published
    assert "The integrated care board: NHS Westshire (from 1 July 2022)" in published
    assert published[0].startswith(
        "These arrangements follow Working Together to Safeguard Children 2018 (from June "
        "2019, ended August 2024) and Working Together to Safeguard Children 2023 (from "
        "September 2024)."
    )
    assert "Westshire and Eastshire Police was called Westshire Police (ended December 2021)." in (
        published
    )
    assert "Cat Seen (named in a document of September 2020; tenure not stated)" in " ".join(
        published
    )


def test_planned_entries_are_apart_and_say_so(published: list[str]) -> None:
    agencies = published.index("Planned as relevant agencies, not yet in place:")
    assert published[agencies + 1] == "Westshire Youth Trust (planned, not yet in place)"
    assert "Westshire Youth Trust" not in " ".join(published[: agencies - 1])
    seats = published.index("Planned membership, not yet in place:")
    assert published[seats + 1 : seats + 3] == [
        "A senior leader representing all schools (planned, not yet in place)",
        "Westshire Schools (planned for January 2027, not yet in place)",
    ]
    assert "This group is planned for January 2027, not yet in place." in published
    assert "Reports to: Partnership Board (planned, not yet in place)" in published
    assert "Runs: from January 2020, ended December 2021" in published


def test_yearly_reports_and_the_next_review(published: list[str]) -> None:
    assert (
        "Annual Report 2023-24, for April 2023 to March 2024, published September 2024, "
        "presented by Bob Now, Director of Children's Services, Westshire Council to "
        "Partnership Board; sent to Westshire Council"
    ) in published
    assert "The next review is due in December 2025, then in 2028, then every three years." in (
        published
    )


def test_on_a_date_the_document_says_so_and_shows_what_stood(westshire_data: Dataset) -> None:
    document = arrangements(westshire_data, on="2020-06")
    assert document.on == "2020-06"
    found = texts(document)
    assert found[0] == "The arrangements as they stood on 2020-06."
    assert "The chief officer of police: Westshire Police" in found  # named as it was then
    assert "The partnership chair is Ann Old, Independent Chair (until March 2021)." in found
    assert not [text for text in found if "planned" in text]
    assert (
        "As the arrangements stood on 2020-06: The next review is due in December 2025, then "
        "in 2028, then every three years."
    ) in found
    chart = next(
        block.chart
        for _, section in document.walk()
        for block in section.blocks
        if hasattr(block, "chart")
    )
    assert chart.on == "2020-06" and "schools-forum" not in {n.id for n in chart.nodes}


@pytest.mark.parametrize("on", ["2018", "2040"])
def test_nothing_stood_is_an_error_not_an_empty_document(westshire_data: Dataset, on: str) -> None:
    with pytest.raises(NothingStoodError, match=f"nothing stood on {on}"):
        arrangements(westshire_data, on=on)


def test_the_yearly_report_on_a_date_says_so(westshire_data: Dataset) -> None:
    document = build("yearly-report", westshire_data, on="2024-10")
    assert document.on == "2024-10"
    first = document.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "The arrangements as they stood on 2024-10."


def test_the_summary_reads_dates_against_the_day_given(westshire_data: Dataset) -> None:
    partnership = westshire_data.partnerships[0]
    data = summary(westshire_data, partnership, today=TODAY)
    assert [c["status"] for c in data["chairs"]] == ["ended", "current", "planned"]
    assert [c["dates"] for c in data["chairs"]] == [
        "ended 2021-03",
        "2021-04 to 2039-06",
        "planned for 2039-07",
    ]
    groups = {g["id"]: (g["status"], g["dates"]) for g in data["groups"]}
    assert groups["neglect"] == ("ended", "from 2020-01, ended 2021-12")
    assert groups["schools-forum"] == ("planned", "planned for 2027-01")
    assert data["review"]["next_due"] == "2025-12" and data["review"]["then"] == ["2028"]
    audit = next(g for g in data["groups"] if g["id"] == "audit")
    assert [line["status"] for line in audit["reports_to"]] == ["current", "planned"]
    before = summary(westshire_data, partnership, today=TODAY.replace(year=2020))
    assert [c["status"] for c in before["chairs"]] == ["current", "future", "planned"]
